"""Performance benchmarks. Run all with ``python -m benchmarks`` (or ``make bench``).

Each ``bench_<name>.py`` module defines ``main() -> None`` that measures and
prints its figures. ``python -m benchmarks NAME`` runs one.
"""
