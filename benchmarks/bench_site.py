"""Build speed and page weight of the handbook site (issue 14). A benchmark, not a test.

Run with ``python -m benchmarks site`` (part of ``make bench``). In a temporary copy of
the tracked files, so your ``_build`` and its execution cache stay as they are, it times

- a cold full build with every notebook executed (target on a 2-core machine: < 120 s),
- a rebuild with nothing changed (target: < 10 s),
- the whole-book PDF (single-page build and printing), with its page count,

then reports the heaviest pages: each page's own HTML and a cold first load (the page with
the scripts, styles and images it references, each counted once). Each timing comes with
the machine's load average (1 minute) before and after it: on a shared machine the wall
time says more about the neighbours than about the build. The cold build also lists the
notebooks by execution time (from myst-nb's log).
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_REF = re.compile(
    r"""<(?:script|img)\b[^>]*\bsrc=["']([^"'#?]+)|<link\b[^>]*\bhref=["']([^"'#?]+)"""
)


def _copy_tracked(dest: Path) -> None:
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    for name in filter(None, files):
        src = REPO / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    subprocess.run(["git", "init", "-q"], cwd=dest, check=True)  # for the last-updated dates


_EXECUTED = re.compile(r"(\S+): Executed notebook in ([\d.]+) seconds")


def _load() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(cmd: list[str], cwd: Path) -> tuple[float, str, str]:
    """Wall time; the CPU time it used and the load average before -> after; its output.

    The CPU time (of the command and the processes it waited for, notebook kernels
    included) changes little with the load, so it is the figure to compare across runs.
    """
    before, cpu = _load(), _cpu()
    start = time.perf_counter()
    done = subprocess.run(
        cmd, cwd=cwd, check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    wall = time.perf_counter() - start
    return wall, f"CPU {_cpu() - cpu:.1f} s, load {before} -> {_load()}", done.stdout


def notebook_times(log: str) -> list[tuple[str, float]]:
    """(notebook, seconds) for every notebook the build executed, slowest first.

    Examples
    --------
    >>> notebook_times("/x/book/tools/a.ipynb: Executed notebook in 3.04 seconds [mystnb]")
    [('a.ipynb', 3.04)]
    """
    times = [(Path(m.group(1)).name, float(m.group(2))) for m in _EXECUTED.finditer(log)]
    return sorted(times, key=lambda t: -t[1])


def page_weights(site: Path) -> list[tuple[str, int, int]]:
    """(page, its HTML bytes, cold-load bytes) for every page, heaviest cold load first."""
    rows = []
    for page in site.rglob("*.html"):
        rel = page.relative_to(site)
        if {"_static", "_sources", "vendor"} & set(rel.parts):
            continue
        text = page.read_text(encoding="utf-8", errors="replace")
        assets = set()
        for m in _REF.finditer(text):
            ref = m.group(1) or m.group(2)
            if "//" in ref:
                continue
            f = (page.parent / ref).resolve()
            if f.is_file():
                assets.add(f)
        own = page.stat().st_size
        rows.append((rel.as_posix(), own, own + sum(f.stat().st_size for f in assets)))
    return sorted(rows, key=lambda r: -r[2])


def main() -> None:
    print(f"load average before the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    exe = str(Path(sys.executable).parent / "jupyter-book")
    with tempfile.TemporaryDirectory(prefix="pln-bench-") as tmp:
        work = Path(tmp)
        _copy_tracked(work)
        build = [exe, "build", ".", "--warningiserror", "--keep-going"]
        cold, cold_load, log = _timed(build, work)
        print(
            f"cold full build, every notebook executed: {cold:6.1f} s   (target < 120 s; {cold_load})"
        )
        for name, seconds in notebook_times(log):
            print(f"    executed {name:40s} {seconds:5.1f} s")
        warm, warm_load, _ = _timed(build, work)
        print(
            f"rebuild with nothing changed:             {warm:6.1f} s   (target < 10 s; {warm_load})"
        )
        pdf_time, pdf_load, _ = _timed([sys.executable, "scripts/build_pdf.py"], work)
        pdf = work / "_build" / "html" / "pln-handbook.pdf"
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        pages = re.search(r"^Pages:\s+(\d+)", info, re.M)
        print(
            f"whole-book PDF (single-page build + print): {pdf_time:6.1f} s, "
            f"{pages.group(1) if pages else '?'} pages, {pdf.stat().st_size / 1e6:.1f} MB; {pdf_load}"
        )
        weights = page_weights(work / "_build" / "html")
        print("heaviest pages (own HTML / cold first load, limits 1 MB / 3 MB):")
        for rel, own, first in weights[:8]:
            print(f"  {rel:55s} {own / 1e6:5.2f} MB / {first / 1e6:5.2f} MB")


if __name__ == "__main__":
    main()
