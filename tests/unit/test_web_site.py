"""plnlib.web.site: git dates per file and page descriptions."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

from docutils import nodes

from plnlib.web.site import _first_paragraph, _long_date, git_dates


def test_git_dates_give_each_file_its_last_commit_date(tmp_path):
    # the "last updated" dates need git; a machine without it fails here rather than skipping
    assert shutil.which("git"), "git is needed for the pages' last-updated dates: install git"

    def git(*args, date):
        env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "HOME": str(tmp_path)}
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
            env={**env, "PATH": "/usr/bin:/bin"},
        )

    git("init", "-q", date="2026-01-01T12:00:00")
    (tmp_path / "a.md").write_text("one")
    (tmp_path / "b.md").write_text("two")
    git("add", ".", date="2026-01-01T12:00:00")
    git("commit", "-qm", "first", date="2026-01-02T12:00:00")
    (tmp_path / "a.md").write_text("changed")
    git("commit", "-qam", "second", date="2026-03-05T12:00:00")
    dates = git_dates(tmp_path)
    assert dates == {"a.md": dt.date(2026, 3, 5), "b.md": dt.date(2026, 1, 2)}


def test_git_dates_outside_a_repository_are_empty(tmp_path):
    assert git_dates(tmp_path) == {}


def test_long_date_is_british():
    assert _long_date(dt.date(2026, 3, 5)) == "5 March 2026"


def test_description_is_the_first_real_paragraph_cut_at_a_word():
    doc = nodes.document("", "")
    doc += nodes.paragraph(text="Short.")
    doc += nodes.paragraph(text="word " * 80)
    text = _first_paragraph(doc)
    assert text.endswith("\u2026") and len(text) <= 200 and "  " not in text
    assert _first_paragraph(None) == ""
