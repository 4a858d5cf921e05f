"""Fixtures for tests of the built site (``make book`` builds it first)."""

from __future__ import annotations

import functools
import http.server
import importlib.util
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "_build" / "html"


def _find_browser_module():
    spec = importlib.util.spec_from_file_location(
        "find_browser", ROOT / "scripts" / "find_browser.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def browser_executable() -> str:
    """The Chromium or Chrome that scripts/find_browser.py finds (make test provides one)."""
    finder = _find_browser_module()
    try:
        found = finder.find()
    except finder.BrowserNotFound as err:
        pytest.fail(str(err), pytrace=False)
    if found is None:
        pytest.fail(finder.HELP, pytrace=False)
    return found


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site() -> Path:
    if not (SITE / "index.html").exists():
        pytest.fail("The built book is missing: run 'make book' (make test does it first).")
    return SITE


@pytest.fixture(scope="session")
def server(site):
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
