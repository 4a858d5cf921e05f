"""No module grows past about 400 lines: split it by responsibility when it does."""

from __future__ import annotations

from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[2] / "plnlib"
LIMIT = 420  # "about 400": a little room, so that a docstring does not force a split


@pytest.mark.parametrize("path", sorted(PKG.rglob("*.py")), ids=lambda p: str(p.relative_to(PKG)))
def test_module_is_small(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= LIMIT, f"plnlib/{path.relative_to(PKG)} has {lines} lines: split it by job"
