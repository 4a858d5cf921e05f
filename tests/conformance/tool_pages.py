"""Shared browser set-up for the in-page tools' conformance tests (Chromium, Playwright).

``tool_page(body, ready)`` writes a page holding ``body`` (the tool's HTML from
plnlib, with ``root`` pointing at the package's site assets, so its scripts and
the vendored libraries load from where the book copies them) and returns a
Playwright page once ``ready`` (a JavaScript expression) is true. Errors thrown
in the page are collected in ``page.errors``. One browser per test module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import browser_path

#: The site assets (js/, vendor/) as the tools' ``root``.
SITE = Path(__file__).resolve().parents[2] / "plnlib" / "web" / "assets" / "site"
SITE_ROOT = SITE.as_uri() + "/"


@pytest.fixture(scope="module")
def tool_page(tmp_path_factory) -> Iterator[Callable[..., object]]:
    from playwright.sync_api import sync_playwright

    folder = tmp_path_factory.mktemp("tool")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=browser_path(), args=["--no-sandbox"])
        opened = []

        def open_page(body: str, ready: str, *, width: int = 1280, name: str = "tool") -> object:
            path = folder / f"{name}.html"
            path.write_text(
                '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
                '<meta name="viewport" content="width=device-width, initial-scale=1">'
                f"<title>{name}</title></head><body>{body}</body></html>",
                encoding="utf-8",
            )
            page = browser.new_page(viewport={"width": width, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(path.as_uri())
            page.wait_for_function(ready)
            page.errors = errors
            opened.append(page)
            return page

        yield open_page
        browser.close()
