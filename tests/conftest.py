"""Shared fixtures: tiny checklists and answer frames."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from plnlib.io.content import load_checklist

REPO = Path(__file__).resolve().parents[1]

# the in-page tools' browser fixture (tool_page) for tests/conformance; a conftest.py there
# would clash with this one under --doctest-modules (both are imported as "conftest")
pytest_plugins = ["tests.conformance.tool_pages"]


@pytest.fixture(scope="session")
def design():
    """The shipped PLN design checklist (maturity4 scale, six sections)."""
    return load_checklist("pln-design")


@pytest.fixture()
def tidy_small(design):
    """Six respondents answering the first two items of PLN design, with a school column."""
    return pd.DataFrame(
        {
            "respondent": [f"r{i}" for i in range(6) for _ in range(2)],
            "item": [design.item_ids[0], design.item_ids[1]] * 6,
            "value": [1, 2, 2, 2, 3, 3, 4, 4, 4, 4, "Don't know", 1],
            "school": ["North"] * 6 + ["South"] * 6,
        }
    )


def browser_path() -> str:
    """The Chromium or Chrome that scripts/find_browser.py finds; fails the test if none.

    ``make test`` provides one first (``make browser``); ``PLN_BROWSER`` picks another.
    """
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "find_browser", REPO / "scripts" / "find_browser.py"
    )
    finder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(finder)
    try:
        found = finder.find()
    except finder.BrowserNotFound as err:
        pytest.fail(str(err), pytrace=False)
    if found is None:
        pytest.fail(finder.HELP, pytrace=False)
    return found
