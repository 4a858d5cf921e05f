"""The crash guard: a bug in plnlib ends in a short message and a saved file, never a traceback."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

import plnlib.cli.checklists
from plnlib.cli import main
from plnlib.io.crashes import ISSUES_URL, crash_report, reduce_paths


@pytest.fixture
def tmpdir_for_crashes(tmp_path, monkeypatch):
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _boom(*args, **kwargs):
    raise RuntimeError("unexpected state in /home/ana/private/answers.csv")


def test_an_unexpected_error_exits_1_with_a_short_message_and_a_saved_file(
    tmpdir_for_crashes, monkeypatch, capsys, tmp_path
):
    monkeypatch.setattr(plnlib.cli.checklists, "checklist_ids", _boom)
    data = tmp_path / "data"
    data.mkdir()
    status = main(["list"])
    err = capsys.readouterr().err
    assert status == 1
    assert "Traceback" not in err and 'File "' not in err
    assert "This is a bug in plnlib" in err and ISSUES_URL in err
    saved = list(tmpdir_for_crashes.glob("plnlib-crash-*.txt"))
    assert len(saved) == 1 and str(saved[0]) in err
    text = saved[0].read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError" in text and "plnlib 0." in text
    assert "/home/ana" not in text and "answers.csv" in text
    assert list(data.iterdir()) == [], "nothing is written beside the user's data"


def test_the_saved_command_line_names_files_without_their_folders(tmpdir_for_crashes, monkeypatch):
    monkeypatch.setattr(plnlib.cli.checklists, "read_responses", _boom)
    status = main(["score", "pln-design", "/srv/school/staff/answers.csv", "-o", "/srv/out.csv"])
    assert status == 1
    (saved,) = tmpdir_for_crashes.glob("plnlib-crash-*.txt")
    text = saved.read_text(encoding="utf-8")
    assert "command: score pln-design answers.csv -o out.csv" in text
    assert "/srv/" not in text


def test_user_errors_still_exit_2_with_no_crash_file(tmpdir_for_crashes, capsys):
    assert main(["form", "no-such-checklist", "-o", "x.csv"]) == 2
    assert "bug in plnlib" not in capsys.readouterr().err
    assert list(tmpdir_for_crashes.iterdir()) == []


def test_ctrl_c_exits_130_quietly(monkeypatch, capsys, tmpdir_for_crashes):
    def interrupt(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(plnlib.cli.checklists, "checklist_ids", interrupt)
    assert main(["list"]) == 130
    err = capsys.readouterr().err
    assert "Traceback" not in err and "bug" not in err
    assert list(tmpdir_for_crashes.iterdir()) == []


def test_the_real_command_prints_no_traceback(tmp_path):
    """As a user runs it: a subprocess whose TMPDIR is a test folder."""
    script = textwrap.dedent(
        """
        import sys
        import plnlib.cli.checklists as commands
        def boom():
            raise ZeroDivisionError("division by zero")
        commands.checklist_ids = boom
        from plnlib.cli import main
        sys.exit(main(["list"]))
        """
    )
    env = {"TMPDIR": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    res = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=Path.cwd()
    )
    assert res.returncode == 1
    assert "Traceback" not in res.stderr and "ZeroDivisionError" in res.stderr
    assert len(list(tmp_path.glob("plnlib-crash-*.txt"))) == 1


def test_reduce_paths_leaves_words_and_options_alone():
    assert reduce_paths(["network", "sample", "--by", "school", "-o", "./a/b.html"]) == [
        "network",
        "sample",
        "--by",
        "school",
        "-o",
        "b.html",
    ]


def test_crash_report_replaces_the_home_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path / "home" / "ana"))
    err = ValueError(f"bad file {tmp_path / 'home' / 'ana' / 'x.csv'}")
    text = crash_report(err, where="test")
    assert str(tmp_path / "home") not in text and "bad file x.csv" in text


def test_the_widget_shows_the_message_instead_of_a_traceback(tmpdir_for_crashes, monkeypatch):
    import plnlib.widgets
    from plnlib.io.content import load_checklist

    shown = []
    monkeypatch.setattr(plnlib.widgets, "display", shown.append)
    widget = plnlib.widgets.SelfAssessment(load_checklist("pln-design"))
    next(iter(widget.buttons.values())).value = 3.0
    monkeypatch.setattr(plnlib.widgets, "person_score", _boom)
    widget.show()  # raises nothing
    assert len(shown) == 1
    assert "This is a bug in plnlib" in shown[0].value and "Traceback" not in shown[0].value
    (saved,) = tmpdir_for_crashes.glob("plnlib-crash-*.txt")
    assert "RuntimeError" in saved.read_text(encoding="utf-8")


def test_crash_html_carries_the_message(tmpdir_for_crashes):
    import plnlib.widgets

    box = plnlib.widgets.crash_html(RuntimeError("x"), where="The map")
    assert len(list(tmpdir_for_crashes.glob("plnlib-crash-*.txt"))) == 1
    assert "This is a bug in plnlib" in box.value and "role='alert'" in box.value
    assert ISSUES_URL.replace("&", "&amp;") in box.value
