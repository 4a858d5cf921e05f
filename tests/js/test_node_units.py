"""The page scripts' own unit tests (``node --test tests/js/``), run as part of pytest."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
NODE = shutil.which("node")


def test_the_javascript_unit_tests_pass():
    if NODE is None:
        pytest.fail("node is needed for the page scripts' tests (install Node.js 18 or newer)")
    tests = sorted(str(p) for p in HERE.glob("*.test.js"))
    assert len(tests) >= 3, tests
    done = subprocess.run(
        [NODE, "--test", *tests],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHON": sys.executable},
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "# fail 0" in done.stdout
