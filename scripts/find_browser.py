#!/usr/bin/env python3
"""Find (or, with --install, provide) the Chromium or Chrome that the browser tests drive.

One place for this logic: ``make test`` runs ``find_browser.py --install`` before the tests,
``tests/site/conftest.py`` imports :func:`find` to launch the same browser, and CI
(``.ci/run``, ``.github/workflows/test.yml``) goes through ``make test``.

The order:

1. ``$PLN_BROWSER``, when set (an explicit choice: if it is not an executable, stop there);
2. a system Chromium or Chrome: ``/usr/bin/chromium``, then ``chromium``, ``chromium-browser``,
   ``google-chrome``, ``google-chrome-stable``, ``chrome`` on ``PATH``, then the usual macOS
   place of Google Chrome;
3. Playwright's own Chromium, if it was installed earlier;

and with ``--install``, when none of those is there:

4. ``python -m playwright install chromium`` (needs an internet connection);
5. on Debian or Ubuntu, as root (or with password-less sudo):
   ``apt-get update && apt-get install -y chromium``.

It prints the browser's path on stdout and exits 0, or prints one line saying what to run
and exits 1. Progress goes to stderr. Only the standard library is needed (step 3 and 4 use
Playwright when it is installed).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

#: Fixed places checked before PATH (tests replace this list to hide the system browser).
KNOWN_PATHS: list[str] = ["/usr/bin/chromium"]
#: Names looked up on PATH, in order.
NAMES: tuple[str, ...] = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
)
MAC_CHROME = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"

HELP = (
    "No Chromium or Chrome found for the browser tests: install one "
    "(Debian/Ubuntu: sudo apt-get install chromium; any system: "
    ".venv/bin/python -m playwright install chromium) "
    "or set PLN_BROWSER=/path/to/chromium, then run make test again."
)


class BrowserNotFound(Exception):
    """No usable browser; the message is the one line to show."""


def _log(message: str) -> None:
    print(f"find_browser: {message}", file=sys.stderr)


def _executable(path: str | None) -> str | None:
    if path and Path(path).is_file() and os.access(path, os.X_OK):
        return str(path)
    return None


def _playwright_chromium() -> str | None:
    """The path of Playwright's own Chromium if it is installed, else None."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    try:
        with sync_playwright() as pw:
            return _executable(pw.chromium.executable_path)
    except Exception:  # no driver, or a broken install: not usable
        return None


def system_browser() -> str | None:
    """A system Chromium or Chrome (steps 2): a fixed place, then PATH."""
    for path in KNOWN_PATHS:
        if _executable(path):
            return path
    for name in NAMES:
        found = _executable(shutil.which(name))
        if found:
            return found
    return _executable(MAC_CHROME) if sys.platform == "darwin" else None


def find() -> str | None:
    """The browser to use (steps 1-3, no installing); None when there is none.

    Raises :class:`BrowserNotFound` when ``$PLN_BROWSER`` is set but is not an executable.
    """
    chosen = os.environ.get("PLN_BROWSER")
    if chosen:
        if _executable(chosen):
            return chosen
        raise BrowserNotFound(
            f"PLN_BROWSER={chosen} is not an executable file: point it at Chromium or Chrome "
            "(for example PLN_BROWSER=/usr/bin/chromium) or unset it to search the usual places."
        )
    return system_browser() or _playwright_chromium()


def _run(command: list[str]) -> bool:
    _log("running " + " ".join(command))
    try:
        return subprocess.run(command, stdout=sys.stderr, timeout=900).returncode == 0
    except (OSError, subprocess.TimeoutExpired) as err:
        _log(f"{command[0]} failed: {err}")
        return False


def _debian_like() -> bool:
    try:
        text = Path("/etc/os-release").read_text(encoding="utf-8")
    except OSError:
        return False
    fields = dict(line.split("=", 1) for line in text.splitlines() if "=" in line)
    ids = f"{fields.get('ID', '')} {fields.get('ID_LIKE', '')}".replace('"', "").split()
    return bool({"debian", "ubuntu"} & set(ids))


def _apt_prefix() -> list[str] | None:
    """[] as root, ["sudo", "-n"] with password-less sudo, else None (cannot install)."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return []
    if (
        shutil.which("sudo")
        and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0
    ):
        return ["sudo", "-n"]
    return None


def install() -> str | None:
    """Steps 4 and 5: Playwright's Chromium, then Debian's; the browser found after, or None."""
    try:
        import playwright  # noqa: F401
    except ImportError:
        _log("Playwright is not installed here, so it cannot fetch its Chromium")
    else:
        if _run([sys.executable, "-m", "playwright", "install", "chromium"]):
            found = _playwright_chromium()
            if found:
                return found
        _log("Playwright could not install its Chromium (no internet connection?)")
    prefix = _apt_prefix()
    if _debian_like() and prefix is not None:
        os.environ["DEBIAN_FRONTEND"] = "noninteractive"
        if _run([*prefix, "apt-get", "update", "-qq"]) and (
            _run([*prefix, "apt-get", "install", "-y", "-qq", "chromium"])
            or _run([*prefix, "apt-get", "install", "-y", "-qq", "chromium-browser"])
        ):
            found = system_browser()
            if found:
                return found
            _log("apt-get finished, but no Chromium is found in the usual places")
        else:
            _log("apt-get could not install Chromium")
    elif _debian_like():
        _log("not root and no password-less sudo: cannot apt-get install chromium")
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="find_browser.py",
        description="Print the path of the Chromium or Chrome the browser tests use.",
    )
    parser.add_argument(
        "--install",
        action="store_true",
        help="if none is found, try 'playwright install chromium', then apt-get (Debian/Ubuntu)",
    )
    args = parser.parse_args(argv)
    try:
        found = find()
    except BrowserNotFound as err:
        print(err, file=sys.stderr)
        return 1
    if found is None and args.install:
        found = install()
    if found is None:
        print(HELP, file=sys.stderr)
        return 1
    _log(f"the browser tests will use {found}")
    print(found)
    return 0


if __name__ == "__main__":
    sys.exit(main())
