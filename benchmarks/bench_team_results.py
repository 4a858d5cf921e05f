"""Team results page: time to results for a 500-respondent export, and the page's weight.

Needs the built book (``make book``) and Chromium. Targets (not tests): results
in under 1 s; page plus scripts under 1.5 MB, the XLSX reader loaded only when
an .xlsx file is opened. Data is synthetic (plnlib.samples).
"""

from __future__ import annotations

import functools
import http.server
import shutil
import tempfile
import threading
from pathlib import Path

import openpyxl

from plnlib.io.content import load_checklist
from plnlib.samples.checklists import team_answers

SITE = Path(__file__).resolve().parents[1] / "_build" / "html"
PAGE = "book/tools/team-results.html"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _exports(folder: Path, people: int) -> dict[str, Path]:
    """A Google Forms CSV and a Microsoft Forms XLSX of ``people`` synthetic respondents."""
    checklist = load_checklist("pln-design")
    tidy = team_answers(checklist, respondents=people, seed=7)
    wide = tidy.pivot(index=["respondent", "school"], columns="item", values="value").reset_index()
    titles = {i.id: f"[{i.id}] {i.text}" for i in checklist.items}
    google = wide.drop(columns="respondent").rename(columns=titles)
    google.insert(0, "Timestamp", "2026/03/02 10:00:00 AM GMT")
    google.rename(columns={"school": "School"}, inplace=True)
    paths = {"google": folder / "google-500.csv", "xlsx": folder / "msforms-500.xlsx"}
    google.to_csv(paths["google"], index=False)
    book = openpyxl.Workbook()
    sheet = book.active
    ms = google.drop(columns="Timestamp")
    ms.insert(0, "ID", range(1, len(ms) + 1))
    sheet.append(list(ms.columns))
    for row in ms.itertuples(index=False):
        sheet.append([None if isinstance(v, float) else v for v in row])
    book.save(paths["xlsx"])
    return paths


def main() -> None:
    if not (SITE / PAGE).exists():
        print("no built book: run 'make book' first")
        return
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(SITE))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/{PAGE}"
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        files = _exports(Path(tmp), 500)
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for kind, path in files.items():
            page = browser.new_page()
            page.goto(url, wait_until="networkidle")
            weight = page.evaluate(
                "() => performance.getEntriesByType('navigation').concat("
                "performance.getEntriesByType('resource')).reduce((a, e) => a + e.decodedBodySize, 0)"
            )
            own = page.evaluate(
                "() => performance.getEntriesByType('navigation').concat(performance"
                ".getEntriesByType('resource')).filter(e => /pln-team|papaparse|pln-score|pln-read"
                "|pln-groups|pln-charts|team-results/.test(e.name)).reduce((a, e) => a + e.decodedBodySize, 0)"
            )
            page.evaluate(
                "() => document.getElementById('pln-team-file').addEventListener('change',"
                " () => { window.__t0 = performance.now(); }, {capture: true})"
            )
            page.set_input_files("#pln-team-file", str(path))
            page.wait_for_function(
                "document.getElementById('pln-team-results').children.length > 0", timeout=60000
            )
            took = page.evaluate("performance.now() - window.__t0")
            vega_on_load = page.evaluate(
                "() => performance.getEntriesByType('resource').some(e => e.name.includes('vega'))"
            )
            page.locator('figure[data-chart="sections"]').scroll_into_view_if_needed()
            page.wait_for_selector('figure[data-chart="sections"][data-state="drawn"] svg')
            chart = page.evaluate("performance.now() - window.__t0")
            vega = page.evaluate(
                "() => performance.getEntriesByType('resource').filter(e => e.name.includes('vega'))"
                ".reduce((a, e) => a + e.decodedBodySize, 0)"
            )
            later = page.evaluate(
                "() => performance.getEntriesByType('resource').map(e => e.name)"
                ".filter(n => n.includes('exceljs'))"
            )
            extra = page.evaluate(
                "() => performance.getEntriesByType('resource').filter(e => e.name.includes('exceljs'))"
                ".reduce((a, e) => a + e.decodedBodySize, 0)"
            )
            status = page.inner_text("#pln-team-status")
            print(
                f"{kind:7s} 500 respondents: results in {took:6.0f} ms; page and files on load "
                f"{weight / 1e6:.2f} MB (the tool's own page, data, CSS and scripts {own / 1e6:.2f} MB); "
                f"XLSX reader fetched "
                f"{'yes' if later else 'no'} ({extra / 1e6:.2f} MB); {status[:60]}"
            )
            print(
                f"{'':7s} section chart drawn {chart:6.0f} ms after opening; vega fetched "
                f"{'with the results' if vega_on_load else 'only then'} ({vega / 1e6:.2f} MB)"
            )
            page.close()
        browser.close()
    httpd.shutdown()


if __name__ == "__main__":
    main()
