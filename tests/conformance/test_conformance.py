"""The page's JavaScript gives what plnlib gives, on every case of the corpus.

plnlib writes the corpus (make_corpus.py) and scores it with ``plnlib score``;
node runs the page's reading and scoring modules on the same files. The CSV
rows must be equal: text cells exactly, n as whole numbers, means, SDs and
alphas as the numbers plnlib's CSV writes (rounded to 3 decimals), empty cells
where plnlib leaves them empty. A file plnlib refuses must be refused in the
page with the same message.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from make_corpus import make_corpus

from plnlib.checklists.answers import prepare_answers
from plnlib.checklists.scoring import breakdown
from plnlib.checklists.team import team_summary
from plnlib.io.content import load_checklist
from plnlib.io.responses import read_responses
from plnlib.io.saved_answers import read_saved_answers
from plnlib.web.team_charts import distribution_rows, group_rows, section_rows
from plnlib.web.tools import tool_data_json

HERE = Path(__file__).resolve().parent
NODE = shutil.which("node")
NUMERIC = {"n", "mean", "sd", "alpha"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    # another seed gives other teams: PLN_CORPUS_SEED=7 pytest tests/conformance
    seed = int(os.environ.get("PLN_CORPUS_SEED", "20261201"))
    manifest = make_corpus(folder, seed=seed)
    data = folder / "tool-data.json"
    data.write_text(tool_data_json(), encoding="utf-8")
    if NODE is None:
        pytest.fail("node is needed to run the page's scripts (install Node.js 18 or newer)")
    done = subprocess.run(
        [NODE, str(HERE / "run_corpus.js"), str(folder), str(data)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return folder, manifest, json.loads(done.stdout)


def _cell(column: str, text: str):
    if column not in NUMERIC:
        return text
    if text == "":
        return None
    return int(text) if column == "n" else float(text)


def _js_cell(column: str, value):
    if column not in NUMERIC:
        return "" if value is None else str(value)
    return value


def test_the_corpus_covers_what_it_should(corpus):
    _, manifest, _ = corpus
    good = [c for c in manifest if c.get("kind") != "bad"]
    assert 40 <= len(manifest) <= 80
    assert {c["format"] for c in good} == {
        "google",
        "msforms",
        "tidy_csv",
        "wide_csv",
        "tidy_xlsx",
        "wide_xlsx",
        "json",
    }
    assert {c.get("encoding") for c in good} >= {"utf-8", "utf-8-sig", "utf-16", "cp1252"}
    assert {c.get("delimiter") for c in good} >= {",", ";", "\t"}
    sizes = {s for c in good for s in c["sizes"]}
    assert sizes == {2, 3, 4, 5, 6, 7}
    assert {c["min_group"] for c in good} >= {3, 5}
    rows = [r for c in good if "rows" in c["expected"] for r in c["expected"]["rows"]]
    assert any(
        r[c["expected"]["columns"].index("mean")] == ""
        for c in good
        if "rows" in c["expected"]
        for r in c["expected"]["rows"]
    )
    assert rows, "no case was scored"
    assert any(c["by"] for c in good) and any(not c["by"] for c in good)
    assert any("error" in c["expected"] for c in manifest if c.get("kind") == "bad")


def test_the_page_scores_every_case_as_plnlib_does(corpus):
    _, manifest, results = corpus
    assert len(results) == len(manifest)
    wrong = []
    for n, (case, got) in enumerate(zip(manifest, results, strict=True)):
        want = case["expected"]
        label = f"case {n} ({', '.join(case['files'][:1])})"
        if "error" in want or "error" in got:
            if want.get("error") != got.get("error"):
                wrong.append(f"{label}: plnlib {want.get('error')!r}, page {got.get('error')!r}")
            continue
        if want["columns"] != got["columns"]:
            wrong.append(f"{label}: columns {want['columns']} != {got['columns']}")
            continue
        cols = want["columns"]
        expected = [[_cell(c, v) for c, v in zip(cols, row, strict=True)] for row in want["rows"]]
        actual = [[_js_cell(c, v) for c, v in zip(cols, row, strict=True)] for row in got["rows"]]
        if expected != actual:
            diff = next(
                (e, a)
                for e, a in zip(expected + [None] * 9, actual + [None] * 9, strict=False)
                if e != a
            )
            wrong.append(f"{label}: first different row plnlib {diff[0]} page {diff[1]}")
    assert not wrong, f"{len(wrong)} of {len(manifest)} cases differ:\n" + "\n".join(wrong)


def _plnlib_charts(folder: Path, case) -> dict[str, list]:
    """What plnlib's chart builders draw for a case: each chart's values, by chart id."""
    checklist = load_checklist(case["checklist"])
    paths = [folder / f for f in case["files"]]
    if case["format"] == "json":
        raw = read_saved_answers(paths, checklist)
    else:
        raw = read_responses(paths[0], checklist)
    answers = prepare_answers(raw, checklist, where=paths[0].name)
    summary = team_summary(answers, checklist, min_group=case["min_group"])
    charts = {"sections": section_rows(summary, checklist)}
    if case["by"]:
        table = breakdown(answers, checklist, case["by"], min_group=case["min_group"])
        charts["groups"] = group_rows(table, checklist, case["by"])
    for s in checklist.sections:
        charts[f"items-{s.id}"] = distribution_rows(summary, checklist, s.id)
    return {k: v for k, v in charts.items() if v}


def test_the_page_fills_plnlib_s_chart_specs_with_plnlib_s_values(corpus):
    """Every chart of every scored case: the values the page puts in plnlib's spec are
    the values plnlib's own chart builders draw (hidden rows in neither)."""
    folder, manifest, results = corpus
    wrong, checked = [], 0
    for n, (case, got) in enumerate(zip(manifest, results, strict=True)):
        if "error" in case["expected"]:
            continue
        want = _plnlib_charts(folder, case)
        checked += len(want)
        if want != got["charts"]:
            ids = sorted(set(want) | set(got["charts"]))
            first = next(i for i in ids if want.get(i) != got["charts"].get(i))
            wrong.append(
                f"case {n} ({case['files'][0]}) chart {first}: plnlib {want.get(first)}, "
                f"page {got['charts'].get(first)}"
            )
    assert checked > 100, checked
    assert not wrong, f"{len(wrong)} case(s) differ:\n" + "\n".join(wrong)
