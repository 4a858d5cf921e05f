"""scripts/find_browser.py: the order it searches in, and its one clear line when it finds none."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "find_browser.py"


@pytest.fixture
def finder(monkeypatch, tmp_path):
    spec = importlib.util.spec_from_file_location("find_browser_under_test", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # hide every real browser: no fixed places, an empty PATH, no Playwright browser
    monkeypatch.setattr(module, "KNOWN_PATHS", [])
    monkeypatch.setattr(module, "_playwright_chromium", lambda: None)
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("PLN_BROWSER", raising=False)
    return module


def fake_browser(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\necho fake\n")
    path.chmod(0o755)
    return path


def test_nothing_found_gives_one_line_saying_what_to_run(finder, capsys):
    assert finder.find() is None
    assert finder.main([]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    lines = out.err.strip().splitlines()
    assert len(lines) == 1
    assert "apt-get install chromium" in lines[0] and "playwright install chromium" in lines[0]
    assert "PLN_BROWSER" in lines[0]


def test_pln_browser_pointing_at_a_missing_file_stops_with_a_clear_line(
    finder, monkeypatch, capsys
):
    monkeypatch.setenv("PLN_BROWSER", "/nonexistent/chrome")
    with pytest.raises(finder.BrowserNotFound):
        finder.find()
    assert finder.main(["--install"]) == 1  # an explicit choice is never overridden
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "PLN_BROWSER=/nonexistent/chrome is not an executable" in err[0]


def test_the_order_pln_browser_then_fixed_places_then_path_then_playwright(
    finder, monkeypatch, tmp_path
):
    on_path = fake_browser(tmp_path / "bin", "google-chrome")
    monkeypatch.setenv("PATH", str(on_path.parent))
    assert finder.find() == str(on_path)

    chromium = fake_browser(tmp_path / "bin", "chromium")
    assert finder.find() == str(chromium), "chromium comes before google-chrome"

    fixed = fake_browser(tmp_path / "usr-bin", "chromium")
    monkeypatch.setattr(finder, "KNOWN_PATHS", [str(fixed)])
    assert finder.find() == str(fixed), "the fixed place comes before PATH"

    chosen = fake_browser(tmp_path / "mine", "my-chrome")
    monkeypatch.setenv("PLN_BROWSER", str(chosen))
    assert finder.find() == str(chosen), "PLN_BROWSER comes first"


def test_playwright_browser_is_used_when_there_is_no_system_browser(finder, monkeypatch, tmp_path):
    own = fake_browser(tmp_path / "ms-playwright", "chrome")
    monkeypatch.setattr(finder, "_playwright_chromium", lambda: str(own))
    assert finder.find() == str(own)


def test_a_file_that_is_not_executable_is_not_a_browser(finder, monkeypatch, tmp_path):
    path = tmp_path / "bin" / "chromium"
    path.parent.mkdir()
    path.write_text("not a program")
    monkeypatch.setenv("PATH", str(path.parent))
    assert finder.find() is None


def test_install_falls_through_playwright_then_apt(finder, monkeypatch, tmp_path):
    ran = []
    installed = fake_browser(tmp_path / "after-apt", "chromium")

    def run(command):
        ran.append(command)
        if "playwright" in command:
            return False  # no internet connection
        if command[-1] == "chromium":  # apt-get install: now there is a system browser
            monkeypatch.setattr(finder, "KNOWN_PATHS", [str(installed)])
        return True

    monkeypatch.setattr(finder, "_run", run)
    monkeypatch.setattr(finder, "_debian_like", lambda: True)
    monkeypatch.setattr(finder, "_apt_prefix", lambda: [])
    assert finder.install() == str(installed)
    names = [" ".join(c[1:] if c[0] == sys.executable else c) for c in ran]
    assert names == [
        "-m playwright install chromium",
        "apt-get update -qq",
        "apt-get install -y -qq chromium",
    ]


def test_install_does_not_use_apt_off_debian(finder, monkeypatch):
    ran = []
    monkeypatch.setattr(finder, "_run", lambda c: ran.append(c) or False)
    monkeypatch.setattr(finder, "_debian_like", lambda: False)
    assert finder.install() is None
    assert not any("apt-get" in c for c in ran)


def test_as_a_command_it_prints_the_path_only(tmp_path):
    chosen = fake_browser(tmp_path, "chromium")
    env = {**os.environ, "PLN_BROWSER": str(chosen)}
    res = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True, env=env)
    assert res.returncode == 0 and res.stdout == f"{chosen}\n"
    env["PLN_BROWSER"] = "/nonexistent"
    res = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True, env=env)
    assert res.returncode == 1 and res.stdout == ""
    assert res.stderr.count("\n") == 1 and "PLN_BROWSER=/nonexistent" in res.stderr
