#!/usr/bin/env python3
"""Check that Jupyter notebooks keep clean, reproducible outputs.

The handbook's notebooks keep their (sanitized) outputs so that nbval can
compare them in ``make test``. This script, run by pre-commit on every
``*.ipynb`` file, refuses a notebook when:

- a cell has an error output (a traceback was saved);
- a code cell has outputs but no execution count (outputs pasted or half-run);
- the notebook's kernel is not ``python3``.

It prints one line per problem (file, cell number, what, how to fix) and exits
with status 1, or exits with status 0 when every notebook is clean. It needs
only the Python standard library.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXPECTED_KERNEL = "python3"
RERUN = "restart the kernel and run all cells, then save"


def _problems(path: Path) -> list[str]:
    """Return one message per problem found in the notebook at ``path``."""
    try:
        notebook = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [f"{path}: cannot be read as a notebook ({exc}); open and save it again in Jupyter"]
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        return [f"{path}: no 'cells' list found; is this a Jupyter notebook (.ipynb)?"]

    found = []
    metadata = notebook.get("metadata")
    kernelspec = metadata.get("kernelspec") if isinstance(metadata, dict) else None
    kernel = kernelspec.get("name") if isinstance(kernelspec, dict) else None
    if kernel != EXPECTED_KERNEL:
        found.append(
            f"{path}: kernel is {kernel!r}, expected {EXPECTED_KERNEL!r}; "
            f"choose Kernel > Change kernel > Python 3 and save"
        )

    for number, cell in enumerate(notebook["cells"], start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        outputs = cell.get("outputs") or []
        for output in outputs:
            if isinstance(output, dict) and output.get("output_type") == "error":
                name = output.get("ename", "error")
                found.append(
                    f"{path}: cell {number}: error output ({name}) saved in the notebook; "
                    f"fix the cause, {RERUN}"
                )
        if outputs and cell.get("execution_count") is None:
            found.append(
                f"{path}: cell {number}: has outputs but no execution count; "
                f"{RERUN} (or clear this cell's output)"
            )
    return found


def main(argv: list[str] | None = None) -> int:
    """Check the notebooks named on the command line; return the exit status."""
    parser = argparse.ArgumentParser(
        prog="check_notebooks.py",
        description=(
            "Fail if a notebook has an error output, a code cell with outputs but no "
            f"execution count, or a kernel other than {EXPECTED_KERNEL}."
        ),
        epilog="Example: python scripts/check_notebooks.py book/tools/*.ipynb",
    )
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebook files (.ipynb)")
    args = parser.parse_args(argv)

    problems = [line for path in args.notebooks for line in _problems(path)]
    for line in problems:
        print(line)
    if problems:
        print(f"{len(problems)} problem(s) in notebook outputs.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
