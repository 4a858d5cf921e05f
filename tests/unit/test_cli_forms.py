"""plnlib form writes the Google Apps Script, the Word file or the question list, by suffix."""

from __future__ import annotations

import docx
import pandas as pd

from plnlib.checklists.form_builders import google_apps_script
from plnlib.cli import main
from plnlib.io.content import load_checklist


def test_form_writes_each_kind_by_suffix(tmp_path, capsys):
    checklist = load_checklist("pln-design")
    assert main(["form", "pln-design", "-o", str(tmp_path / "make-form.gs")]) == 0
    assert (tmp_path / "make-form.gs").read_text(encoding="utf-8") == google_apps_script(checklist)
    assert "script.google.com" in capsys.readouterr().out
    assert main(["form", "pln-design", "-o", str(tmp_path / "form.docx")]) == 0
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "form.docx")).paragraphs)
    assert all(f"[{i}] " in text for i in checklist.item_ids)
    assert main(["form", "pln-design", "-o", str(tmp_path / "q.csv")]) == 0
    assert len(pd.read_csv(tmp_path / "q.csv")) == len(checklist.items)


def test_form_refuses_an_unknown_suffix_and_writes_nothing(tmp_path, capsys):
    assert main(["form", "pln-design", "-o", str(tmp_path / "form.txt")]) == 2
    err = capsys.readouterr().err
    assert ".gs" in err and ".docx" in err and "form.txt" in err
    assert list(tmp_path.iterdir()) == []
