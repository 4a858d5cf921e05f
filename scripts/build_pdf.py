"""Print the whole handbook to one PDF, offline, with Chromium.

Jupyter Book's own PDF builder downloads a browser and fails offline, so this script
builds the single-page HTML (``jupyter-book build . --builder singlehtml``), serves it on
127.0.0.1 with every other host blocked, waits for the charts, adds a table of contents,
and prints it with page numbers into ``_build/html/pln-handbook.pdf`` (published with the
site). Run from the repository root:  make pdf   (or  python scripts/build_pdf.py)
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parents[1]
SINGLE = REPO / "_build" / "singlehtml"
OUT = REPO / "_build" / "html" / "pln-handbook.pdf"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

# Print layout: the book's text column only, a contents list at the front, each chapter
# on a new page, checklists kept as worksheets (their radio buttons are the boxes to tick).
PRINT_CSS = """
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
html { font-size: 10.5pt; }
.bd-header, .bd-sidebar-primary, .bd-sidebar-secondary, .bd-header-article, .bd-footer,
.prev-next-footer, #pst-back-to-top, .skip-link, .pst-scroll-pixel-helper,
.sbt-scroll-pixel-helper, .search-button-field, #pst-search-dialog, .headerlink,
.pln-save, .pln-clear, .copybtn, .vega-embed > details, .toggle-button,
.bd-footer-content, .pln-worksheet-links, dialog { display: none !important; }
.bd-main, .bd-content, .bd-article-container, .bd-article, .bd-page-width, .bd-container,
.bd-container__inner { max-width: none !important; width: 100% !important; margin: 0 !important;
  padding: 0 !important; display: block !important; }
section.pln-print-chapter { break-before: page; }
/* a chapter that exactly fills its last page must not push its trailing spacing onto a blank one */
section.pln-print-chapter section:last-child, section.pln-print-chapter section:last-child > :last-child,
section.pln-print-chapter aside.footnote:last-child, section.pln-print-chapter aside.footnote-list {
  margin-bottom: 0 !important; padding-bottom: 0 !important; }
#pln-print-toc { break-after: page; }
#pln-print-toc h2 { margin-top: 0; }
#pln-print-toc ol { columns: 2; column-gap: 2rem; font-size: 9.5pt; }
#pln-print-toc li.pln-toc-part { font-weight: 700; margin-top: 0.6rem; list-style: none; break-after: avoid; }
pre, .highlight pre { white-space: pre-wrap !important; word-break: break-word; overflow: visible !important; }
table { max-width: 100% !important; font-size: 8.5pt; }
td, th { word-break: break-word; }
.table-wrapper, .pst-scrollable-table-container, .pln-table-wrap, .cell_output .output,
figure.pln-chart .pln-chart-view { overflow: visible !important; }
figure.pln-chart .pln-chart-view svg { max-width: 100% !important; height: auto !important; }
figure.pln-chart, fieldset.pln-item, tr, img, .sd-card { break-inside: avoid; }
h1, h2, h3, h4 { break-after: avoid; }
details > *:not(summary) { display: block !important; }
"""

# The contents: the book's parts (from _toc.yml) and each page's title, linked to it.
ADD_TOC = """(parts) => {
  const article = document.querySelector('.bd-article');
  const toc = document.createElement('nav');
  toc.id = 'pln-print-toc';
  toc.setAttribute('aria-label', 'Contents');
  toc.innerHTML = '<h2>Contents</h2>';
  const list = document.createElement('ol');
  let n = 0;
  for (const part of parts) {
    const head = document.createElement('li');
    head.className = 'pln-toc-part';
    head.textContent = part.caption;
    list.appendChild(head);
    for (const file of part.files) {
      const mark = document.getElementById('document-' + file);
      const section = mark && mark.nextElementSibling;
      const heading = section && section.querySelector('h1, h2, h3, h4');
      if (!heading) { continue; }
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = '#' + section.id;
      a.textContent = heading.textContent.replace(/#$/, '').trim();
      li.appendChild(a);
      list.appendChild(li);
      section.classList.add('pln-print-chapter');
      n++;
    }
  }
  toc.appendChild(list);
  (article.querySelector('section > h1') || article.querySelector('h1')).after(toc);
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  return n;
}"""


def toc_parts() -> list[dict]:
    """The book's parts and their files, in order, from ``_toc.yml``."""
    import yaml

    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))

    def files(entries: list[dict]) -> list[str]:
        out = []
        for entry in entries or []:
            out.append(entry["file"])
            out += files(entry.get("sections", []))
        return out

    return [{"caption": p["caption"], "files": files(p["chapters"])} for p in toc["parts"]]


_CHART_SCRIPTS = (
    "vendor/vega.min.js",
    "vendor/vega-lite.min.js",
    "vendor/vega-embed.min.js",
    "js/pln-charts.js",
)

FOOTER = (
    '<div style="font-size:8pt;width:100%;text-align:center;color:#444;">'
    "The PLN Handbook \u00b7 page <span class='pageNumber'></span> of "
    "<span class='totalPages'></span></div>"
)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def build_singlehtml() -> None:
    exe = Path(sys.executable).parent / "jupyter-book"
    subprocess.run(
        [str(exe), "build", ".", "--builder", "singlehtml", "--warningiserror", "--keep-going"],
        cwd=REPO,
        check=True,
    )


def print_pdf(source: Path, out: Path) -> int:
    """Print ``source/book/index.html`` to ``out``; return the number of pages in the contents."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(source))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    # Sphinx writes the single page's links relative to the site root: serve it from there
    shutil.copyfile(source / "book" / "index.html", source / "pln-print.html")
    url = f"http://127.0.0.1:{httpd.server_address[1]}/pln-print.html"
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1000, "height": 1400})

            def route(r):
                host = urlparse(r.request.url).hostname
                if host in ("127.0.0.1", None):
                    r.continue_()
                else:
                    r.abort()

            page.route("**/*", route)
            page.goto(url, wait_until="load", timeout=180_000)
            # the single page does not list the chart scripts (they are added per page)
            for script in _CHART_SCRIPTS:
                page.add_script_tag(url=script)
            page.evaluate("window.plnRenderCharts && window.plnRenderCharts()")
            page.wait_for_function(
                "document.querySelectorAll('figure.pln-chart').length === "
                "document.querySelectorAll('figure.pln-chart[data-rendered]').length",
                timeout=180_000,
            )
            failed = page.evaluate(
                "document.querySelectorAll('figure.pln-chart:not([data-rendered=\"yes\"])').length"
            )
            if failed:
                raise SystemExit(f"{failed} charts could not be drawn: the PDF was not written")
            page.evaluate("document.documentElement.dataset.theme = 'light'")
            page.add_style_tag(content=PRINT_CSS)
            chapters = page.evaluate(ADD_TOC, toc_parts())
            page.emulate_media(media="print")
            out.parent.mkdir(parents=True, exist_ok=True)
            tmp = out.with_suffix(".pdf.part")
            page.pdf(
                path=str(tmp),
                format="A4",
                print_background=True,
                display_header_footer=True,
                header_template="<div></div>",
                footer_template=FOOTER,
                margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
                outline=True,
                tagged=True,
            )
            tmp.replace(out)  # never leave a half-written PDF where the site links it
            browser.close()
    finally:
        httpd.shutdown()
    return chapters


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="reuse _build/singlehtml")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    if not args.no_build:
        build_singlehtml()
    if not (SINGLE / "book" / "index.html").exists():
        print(f"No single-page build in {SINGLE}: run without --no-build.", file=sys.stderr)
        return 1
    built = time.perf_counter()
    chapters = print_pdf(SINGLE, args.output)
    done = time.perf_counter()
    print(
        f"wrote {args.output.relative_to(REPO) if args.output.is_relative_to(REPO) else args.output}"
        f" ({args.output.stat().st_size / 1e6:.1f} MB, {chapters} pages of the book in the contents;"
        f" single-page build {built - start:.0f} s, printing {done - built:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
