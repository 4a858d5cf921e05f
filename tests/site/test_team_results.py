"""The Team results page in Chromium: labelled controls, results equal to plnlib's, no request.

A few cases of the conformance corpus (one per file format) go through the real
page with Playwright's file chooser; the downloaded CSV must equal what
``plnlib score`` writes. After the page has loaded, every request is counted:
none may leave the test server, and the only one allowed at all is the XLSX
reader, fetched from the site when an .xlsx file is opened.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
from test_browser import ARGS, unexpected

from plnlib.io.content import checklist_ids, load_checklist
from plnlib.samples.checklists import team_answers

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "conformance"))
from make_corpus import EDGES, make_corpus

PAGE = "book/tools/team-results.html"
NUMERIC = {"n", "mean", "sd", "alpha"}
CORPUS_CASES = 60
#: The chart library, fetched from the site once there is something to draw.
VEGA = ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js")


@pytest.fixture(scope="module")
def browser(browser_executable):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=browser_executable, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("team-corpus")
    return folder, make_corpus(folder, cases=CORPUS_CASES)


class Tab:
    """One page with every request after loading recorded, and outside ones aborted."""

    def __init__(self, browser, server, width=1280):
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.page = self.context.new_page()
        self.outside: list[str] = []
        self.after_load: list[str] = []
        self.errors: list[str] = []
        self.loaded = False
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on(
            "console",
            lambda m: (
                self.errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None
            ),
        )
        self.page.goto(f"{server}/{PAGE}", wait_until="networkidle")
        self.page.wait_for_selector("#pln-team.pln-team-ready")
        self.loaded = True

    def _route(self, r):
        url = r.request.url
        if self.loaded and not url.startswith(("data:", "blob:")):
            self.after_load.append(url)
        if urlparse(url).hostname in ("127.0.0.1", None) or url.startswith(("data:", "blob:")):
            r.continue_()
        else:
            self.outside.append(url)
            r.abort()

    def open(self, paths, *, checklist=None, min_group=None):
        p = self.page
        if checklist:
            p.select_option("#pln-team-checklist", checklist)
        if min_group is not None:
            p.fill("#pln-team-min", str(min_group))
            p.dispatch_event("#pln-team-min", "change")
        # every read is numbered: wait for the one these files start (not an older one)
        before = int(p.get_attribute("#pln-team", "data-read") or 0)
        p.set_input_files("#pln-team-file", [str(x) for x in paths])
        p.wait_for_function(
            "n => { const b = document.getElementById('pln-team');"
            " return Number(b.dataset.read) > n && b.dataset.done === b.dataset.read; }",
            arg=before,
        )

    def close(self):
        self.context.close()


@pytest.fixture
def tab(browser, server):
    t = Tab(browser, server)
    yield t
    t.close()


def _typed(cols, rows):
    """CSV cells as values: n a whole number, mean/sd/alpha numbers, empty cells None."""

    def cell(c, v):
        if c not in NUMERIC:
            return v
        return None if v == "" else int(v) if c == "n" else float(v)

    return cols, [[cell(c, v) for c, v in zip(cols, r, strict=True)] for r in rows]


def _rows(text: str):
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    return _typed(rows[0], rows[1:])


def test_every_control_has_a_visible_label(tab):
    p = tab.page
    checklist = p.get_by_label("Checklist", exact=True)
    assert checklist.evaluate("e => e.tagName") == "SELECT"
    values = checklist.evaluate("e => Array.from(e.options).map(o => o.value)")
    assert values == list(checklist_ids())
    assert p.get_by_label("Responses file").get_attribute("type") == "file"
    assert p.get_by_label("Group by").evaluate("e => e.tagName") == "SELECT"
    assert p.get_by_label("Group by").evaluate("e => e.options[0].textContent") == "none"
    assert p.get_by_role("button", name="Download results (CSV)").is_visible()
    for label in ("Checklist", "Responses file", "Group by"):
        assert p.locator(f"label:text-is('{label}')").is_visible()
    assert p.get_attribute("#pln-team-status", "aria-live") == "polite"


def _case_name(n: int, case) -> str:
    by = f", by {case['by']}" if case.get("by") else ""
    return f"case {n} ({case['files'][0]}, {case['checklist']}, min {case['min_group']}{by})"


def _allowed(case) -> set[str]:
    """What a case may fetch from the site: the XLSX reader, and vega when charts draw."""
    allowed = set(VEGA)
    if any(f.endswith((".xlsx", ".xlsm")) for f in case["files"]):
        allowed.add("exceljs.min.js")
    return allowed


_SET_CONTROLS = """([checklist, minGroup]) => {
  const set = (id, value) => {
    const e = document.getElementById(id);
    e.value = value;
    e.dispatchEvent(new Event("change", {bubbles: true}));
  };
  set("pln-team-by", "");  // no group column left over from the case before
  set("pln-team-checklist", checklist);
  set("pln-team-min", String(minGroup));
  return Number(document.getElementById("pln-team").dataset.read || 0);
}"""

_STATE = """() => {
  const el = (id) => document.getElementById(id);
  return {error: el("pln-team-error").hidden ? null : el("pln-team-error").innerText,
          status: el("pln-team-status").innerText, results: el("pln-team-results").innerText,
          download: !el("pln-team-download").disabled};
}"""


def _run_case(t: Tab, folder: Path, case) -> list[str]:
    """One case through the page already loaded in ``t``: what differs from plnlib.

    The controls are set as a person sets them (each change event fired), in as few
    round trips to the browser as possible: one page serves every case.
    """
    p = t.page
    seen, errors = len(t.after_load), len(t.errors)
    before = p.evaluate(_SET_CONTROLS, [case["checklist"], case["min_group"]])
    p.set_input_files("#pln-team-file", [str(folder / f) for f in case["files"]])
    p.wait_for_function(
        "n => { const b = document.getElementById('pln-team');"
        " return Number(b.dataset.read) > n && b.dataset.done === b.dataset.read; }",
        arg=before,
    )
    if case["by"] and p.is_hidden("#pln-team-error"):
        p.select_option("#pln-team-by", case["by"])
    state = p.evaluate(_STATE)
    want = case["expected"]
    wrong = []
    if "error" in want:
        if want["error"] not in (state["error"] or ""):
            wrong.append(f"plnlib says {want['error']!r}, the page's alert {state['error']!r}")
        if want["error"] not in state["status"]:
            wrong.append("the live region does not announce plnlib's message")
        if state["results"] != "" or state["download"]:
            wrong.append("a refused file still shows results or offers a download")
    elif state["error"] is not None:
        wrong.append(f"plnlib scores it, the page refuses it: {state['error']!r}")
    else:
        if not state["status"].startswith("Results ready"):
            wrong.append(f"live region says {state['status']!r}")
        with p.expect_download() as dl:
            p.click("#pln-team-download")
        got = _rows(Path(dl.value.path()).read_text(encoding="utf-8"))
        expected = _typed(want["columns"], want["rows"])
        if got != expected:
            if got[0] != expected[0]:
                wrong.append(f"columns {got[0]} != plnlib's {expected[0]}")
            else:
                pairs = zip(expected[1] + [None] * 9, got[1] + [None] * 9, strict=False)
                diff = next((e, g) for e, g in pairs if e != g)
                wrong.append(f"first different row: plnlib {diff[0]}, page {diff[1]}")
    if t.outside:
        wrong.append(f"requests left the test server: {t.outside}")
    fetched = {Path(urlparse(u).path).name for u in t.after_load[seen:]}
    if not fetched <= _allowed(case):
        wrong.append(f"requests after loading: {t.after_load[seen:]}")
    if unexpected(t.errors[errors:]):
        wrong.append(f"errors in the page: {t.errors[errors:]}")
    return wrong


def test_every_conformance_case_gives_plnlib_s_csv_in_the_page_and_nothing_leaves(
    browser, server, corpus
):
    """Every case of the corpus, in one page: the download equals plnlib's CSV, a refused
    file shows plnlib's message in the alert and the live region, and no request leaves."""
    folder, manifest = corpus
    # every case: random, edge, 9 bad files and the 7 export-like ones (make_corpus._export_cases)
    assert len(manifest) == CORPUS_CASES + len(EDGES) + 9 + 7
    t = Tab(browser, server)
    wrong, ran = [], 0
    try:
        for n, case in enumerate(manifest):
            try:
                problems = _run_case(t, folder, case)
            except Exception as err:  # a timeout in one case must not hide the others
                problems = [f"{type(err).__name__}: {str(err).splitlines()[0]}"]
                t.close()
                t = Tab(browser, server)
            ran += 1
            wrong += [f"{_case_name(n, case)}: {w}" for w in problems]
        assert t.outside == [], t.outside
        fetched = [Path(urlparse(u).path).name for u in t.after_load]
        assert len(fetched) == len(set(fetched)), f"a script was fetched twice: {fetched}"
    finally:
        t.close()
    assert ran == len(manifest)
    assert not wrong, f"{len(wrong)} problem(s) in {len(manifest)} cases:\n" + "\n".join(wrong)


def test_a_bad_file_gets_plnlib_s_message_in_the_page(tab, corpus):
    folder, manifest = corpus
    bad = next(c for c in manifest if c["files"] == ["bad-answer.csv"])
    tab.open([folder / "bad-answer.csv"], checklist="pln-design")
    p = tab.page
    assert p.is_visible("#pln-team-error")
    assert p.get_attribute("#pln-team-error", "role") == "alert"
    assert bad["expected"]["error"] in p.inner_text("#pln-team-error")
    assert p.inner_text("#pln-team-results") == ""
    assert p.is_disabled("#pln-team-download")
    # not a table at all
    tab.open([folder / "no-items.csv"])
    assert "expected columns respondent/item/value" in p.inner_text("#pln-team-error")
    assert tab.after_load == []  # nothing to draw: not even the chart library


def test_results_show_counts_sections_items_disagreement_priorities_and_groups(tab, tmp_path):
    checklist = load_checklist("pln-design")
    path = tmp_path / "team.csv"
    team_answers(checklist, respondents=24, seed=5).to_csv(path, index=False)
    tab.open([path], checklist="pln-design")
    p = tab.page
    p.select_option("#pln-team-by", "school")
    assert "24 responses read" in p.inner_text("#pln-team-summary")
    assert p.locator("#pln-team-sections tbody tr").count() == len(checklist.sections)
    assert p.locator("#pln-team-groups thead th").count() == 3 + 1
    assert p.locator(".pln-team-items").count() == len(checklist.sections)
    assert p.is_visible("#pln-team-disagree")
    links = p.locator("#pln-team-priorities a")
    assert links.count() > 0
    href = links.first.get_attribute("href")
    assert href and href.endswith(".html") and not href.startswith("http")
    assert p.locator("#pln-team-priorities ul ul li").count() > 0  # suggested actions
    # group by none again: the groups table goes
    p.select_option("#pln-team-by", "")
    assert p.locator("#pln-team-groups").count() == 0


def test_a_hidden_group_shows_no_numbers_not_even_its_size(tab, tmp_path):
    rows = ["respondent,item,value,school"]
    rows += [f"a{i},DES-01,4,Big" for i in range(6)]
    rows += [f"b{i},DES-01,1,Small" for i in range(2)]
    path = tmp_path / "two-schools.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    tab.open([path], checklist="pln-design")
    p = tab.page
    p.select_option("#pln-team-by", "school")
    table = p.inner_text("#pln-team-groups")
    # Small (2) is below 5, so Big is hidden too: otherwise Small = team - Big
    assert "4.00" not in table and "1.00" not in table
    assert "n 6" not in table and "n 2" not in table
    assert table.count("hidden") >= 2


def test_keyboard_alone_with_visible_focus(tab, corpus):
    folder, manifest = corpus
    case = next(c for c in manifest if c["format"] == "tidy_csv")
    tab.open([folder / case["files"][0]], checklist=case["checklist"])
    p = tab.page
    p.focus("#pln-team-checklist")
    reached = []
    for _ in range(10):
        ident = p.evaluate("document.activeElement.id")
        if ident:
            reached.append(ident)
            outline = p.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            assert outline not in ("none", ""), f"{ident} has no visible focus"
        if ident == "pln-team-download":
            break
        p.keyboard.press("Tab")
    for ident in ("pln-team-checklist", "pln-team-file", "pln-team-by", "pln-team-min"):
        assert ident in reached, reached
    assert reached[-1] == "pln-team-download", reached
    with p.expect_download() as dl:
        p.keyboard.press("Enter")
    assert dl.value.suggested_filename.endswith(".csv")


def test_phone_width_and_print_view(browser, server, corpus):
    folder, manifest = corpus
    case = next(c for c in manifest if c["format"] == "google")
    t = Tab(browser, server, width=390)
    try:
        t.open([folder / case["files"][0]], checklist=case["checklist"])
        p = t.page
        assert p.evaluate("document.documentElement.scrollWidth") <= 390
        p.emulate_media(media="print")
        assert p.is_hidden("#pln-team-form")
        assert p.is_visible("#pln-team-sections")
    finally:
        t.close()


def test_dropping_a_file_onto_the_page_reads_it(tab):
    p = tab.page
    p.evaluate(
        """() => {
        const dt = new DataTransfer();
        dt.items.add(new File(["respondent,item,value\\n" +
          [1,2,3,4,5].map(i => "p" + i + ",DES-01," + (i % 4 + 1)).join("\\n")],
          "dropped.csv", {type: "text/csv"}));
        document.body.dispatchEvent(new DragEvent("dragover", {dataTransfer: dt, bubbles: true, cancelable: true}));
        document.body.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
    }"""
    )
    p.wait_for_function("document.getElementById('pln-team-results').children.length > 0")
    assert "dropped.csv" in p.inner_text("#pln-team-summary")
    assert "5 responses read" in p.inner_text("#pln-team-summary")
    # only the site's own chart library, for the chart of the results
    assert {Path(urlparse(u).path).name for u in tab.after_load} <= set(VEGA), tab.after_load
    assert tab.outside == []
