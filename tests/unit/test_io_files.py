"""The one writer: checked first, written whole, and a failure leaves the old file as it was."""

from __future__ import annotations

import os
import stat

import pandas as pd
import pytest

from plnlib.errors import DataError
from plnlib.io import files
from plnlib.io.files import check_output, write_csv, write_output


def test_text_bytes_tables_and_producers_are_written_whole(tmp_path):
    assert write_output(tmp_path / "a.md", "é\n").read_bytes() == "é\n".encode()
    assert write_output(tmp_path / "b.bin", b"\x00\x01").read_bytes() == b"\x00\x01"
    table = pd.DataFrame({"school": ["Ålder"], "n": [7]})
    raw = write_csv(tmp_path / "c.csv", table).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.decode("utf-8-sig") == "school,n\nÅlder,7\n"
    assert write_output(tmp_path / "d.html", lambda: "<p>x</p>").read_text() == "<p>x</p>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.bin", "c.csv", "d.html"]


def test_a_wrong_ending_says_what_was_expected_found_and_how_to_fix(tmp_path):
    with pytest.raises(DataError) as err:
        write_output(tmp_path / "report.txt", "x", suffixes=(".html", ".md"), option="-o/--output")
    text = str(err.value)
    assert text.startswith("-o/--output: expected a file name ending in .html or .md")
    assert "found 'report.txt'" in text and "Name the file like report.html" in text
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_one_message_and_nothing_is_made(tmp_path):
    calls = []
    with pytest.raises(DataError, match=r"(?i)expected an existing folder to write .r\.html. into"):
        write_output(tmp_path / "none" / "r.html", lambda: calls.append(1) or "x")
    assert calls == [] and list(tmp_path.iterdir()) == []  # the data were not even made
    assert check_output("here.csv", (".csv",)) == ".csv"  # the current folder exists


@pytest.fixture
def old(tmp_path):
    path = tmp_path / "report.html"
    path.write_text("the old report", encoding="utf-8")
    path.chmod(0o640)
    return path


def _left(folder):
    return sorted(p.name for p in folder.iterdir())


def test_a_failing_rename_leaves_the_old_file_and_no_temporary_file(old, monkeypatch):
    def refuse(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_output(old, "the new report")
    assert old.read_text(encoding="utf-8") == "the old report"
    assert _left(old.parent) == ["report.html"]


def test_a_failing_producer_leaves_the_old_file(old):
    def broken():
        raise RuntimeError("the chart failed")

    with pytest.raises(RuntimeError):
        write_output(old, broken)
    assert old.read_text(encoding="utf-8") == "the old report" and _left(old.parent) == [
        "report.html"
    ]


def test_a_write_failing_half_way_leaves_the_old_file(old, monkeypatch):
    def crash(fd):
        raise OSError("the device went away")

    monkeypatch.setattr(files.os, "fsync", crash)
    with pytest.raises(OSError):
        write_output(old, "x" * 1_000_000)
    assert old.read_text(encoding="utf-8") == "the old report"
    assert _left(old.parent) == ["report.html"]


def test_a_replaced_file_keeps_its_permissions_and_a_new_one_follows_the_umask(old, tmp_path):
    write_output(old, "the new report")
    assert old.read_text(encoding="utf-8") == "the new report"
    assert stat.S_IMODE(old.stat().st_mode) == 0o640
    umask = os.umask(0o022)
    try:
        new = write_output(tmp_path / "new.csv", "a\n")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o644
