"""Modules that moved keep working at their old import paths for one release, with a warning."""

from __future__ import annotations

import importlib
import sys

import pytest

from plnlib._moved import MOVED


@pytest.mark.parametrize("old", sorted(MOVED))
def test_old_path_gives_the_new_module_with_a_warning(old):
    sys.modules.pop(old, None)
    with pytest.warns(DeprecationWarning, match=MOVED[old].replace(".", r"\.")):
        module = importlib.import_module(old)
    assert module is importlib.import_module(MOVED[old])
    sys.modules.pop(old, None)


def test_every_new_path_exists_and_no_old_file_is_left():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for old, new in MOVED.items():
        assert importlib.util.find_spec(new) is not None, new
        assert not (root / (old.replace(".", "/") + ".py")).exists(), f"{old} is still a file"
