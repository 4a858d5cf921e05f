"""The site's finishing touches, a Sphinx extension (``plnlib.web.site`` in ``_config.yml``).

- the book's own CSS and script (``book/_static``) on every page;
- a "last updated" date per page from git history (the build date when git has none);
- a description for every page (its first paragraph when it has no ``summary``) and
  social-card metadata (Open Graph and Twitter);
- the whole-book PDF in the download menu of every page;
- ``sitemap.xml``, ``robots.txt`` and a self-contained ``404.html``.
"""

from __future__ import annotations

import datetime as dt
import html
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:  # pragma: no cover
    from sphinx.application import Sphinx

__all__ = ["PDF_NAME", "git_dates", "setup"]

PDF_NAME = "pln-handbook.pdf"
_STATIC = Path(__file__).resolve().parents[2] / "book" / "_static"
_DESCRIPTION_LENGTH = 200


def git_dates(root: Path) -> dict[str, dt.date]:
    """The date of the last commit that touched each file under ``root`` (paths relative to it).

    Returns an empty mapping when ``root`` is not in a git checkout or git is missing.

    Examples
    --------
    >>> isinstance(git_dates(Path(".")), dict)
    True
    """
    try:
        out = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--relative", "--", "."],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, dt.date] = {}
    current = None
    for line in out.splitlines():
        if line.startswith("\x00"):
            current = dt.date.fromisoformat(line[1:].strip())
        elif line.strip() and current is not None:
            dates.setdefault(line.strip(), current)  # newest first: keep the first seen
    return dates


def _long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _add_static(app: Sphinx, config: Any) -> None:
    config.html_static_path = [*config.html_static_path, str(_STATIC)]


def _read_git_dates(app: Sphinx) -> None:
    app.env.pln_git_dates = git_dates(Path(app.srcdir))  # type: ignore[attr-defined]


def _first_paragraph(doctree: Any) -> str:
    if doctree is None:
        return ""
    for para in doctree.findall(nodes.paragraph):
        text = " ".join(para.astext().split())
        if len(text) > 40:
            if len(text) > _DESCRIPTION_LENGTH:
                text = text[: _DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0] + "\u2026"
            return text
    return ""


def _site_title(app: Sphinx) -> str:
    """The book's title (Jupyter Book sets ``html_title`` from ``title``, not ``project``)."""
    return str(app.config.html_title or app.config.project)


def _page_url(app: Sphinx, pagename: str) -> str:
    base = (app.config.html_baseurl or "").rstrip("/") + "/"
    return base + app.builder.get_target_uri(pagename)


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    meta = app.env.metadata.get(pagename, {}) if app.env else {}
    summary = str(meta.get("summary") or "")
    description = summary or _first_paragraph(doctree)
    tags = []
    if description and not summary:  # plnlib.web.sphinx writes the summary ones
        tags.append(f'<meta name="description" content="{html.escape(description)}" />')
    title = html.escape(html.unescape(str(context.get("title") or "")), quote=True)
    site_name = html.escape(_site_title(app), quote=True)
    tags += [
        '<meta property="og:type" content="article" />',
        f'<meta property="og:site_name" content="{site_name}" />',
        f'<meta property="og:title" content="{title}" />',
        f'<meta property="og:url" content="{html.escape(_page_url(app, pagename))}" />',
        '<meta name="twitter:card" content="summary" />',
        f'<meta name="twitter:title" content="{title}" />',
    ]
    if description:
        tags.append(f'<meta property="og:description" content="{html.escape(description)}" />')
        tags.append(f'<meta name="twitter:description" content="{html.escape(description)}" />')

    if pagename in app.env.found_docs:
        source = Path(app.env.doc2path(pagename)).resolve()
        try:
            rel = source.relative_to(Path(app.srcdir).resolve()).as_posix()
        except ValueError:
            rel = ""
        day = getattr(app.env, "pln_git_dates", {}).get(rel)
        if day is not None:
            context["last_updated"] = _long_date(day)
            tags.append(f'<meta property="article:modified_time" content="{day.isoformat()}" />')
    context["metatags"] = context.get("metatags", "") + "\n".join(tags) + "\n"

    pathto = context.get("pathto")
    for group in context.get("header_buttons", []):
        if group.get("label") != "download-buttons" or pathto is None:
            continue
        for button in group["buttons"]:
            if button.get("label") == "download-pdf-button":
                button["text"] = "Print this page"
                button["tooltip"] = "Print this page or save it as PDF"
        group["buttons"].insert(
            0,
            {
                "type": "link",
                "url": pathto(PDF_NAME, 1),
                "text": "Whole handbook (PDF)",
                "tooltip": "Download the whole handbook as one PDF",
                "icon": "fas fa-book",
                "label": "download-handbook-pdf-button",
            },
        )


_NOT_FOUND = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="robots" content="noindex" />
<title>Page not found | {project}</title>
<style>
body {{ font: 1.1rem/1.6 system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fff; }}
main {{ max-width: 38rem; margin: 3rem auto; padding: 0 1.25rem; }}
a {{ color: #0b57a4; }}
a:focus-visible {{ outline: 3px solid #0b57a4; outline-offset: 2px; }}
@media (prefers-color-scheme: dark) {{
  body {{ color: #e6e6e6; background: #121212; }} a {{ color: #8cc4ff; }}
  a:focus-visible {{ outline-color: #8cc4ff; }}
}}
</style>
</head>
<body>
<main>
<h1>Page not found</h1>
<p>There is no page at this address in {project}. It may have moved when the handbook
was reorganised, or the link may have a typing mistake.</p>
<ul>
<li><a class="pln-home" href="{base}book/index.html">Go to the start page</a></li>
<li><a href="{base}search.html">Search the handbook</a></li>
<li><a href="{base}{pdf}">Download the whole handbook as a PDF</a></li>
</ul>
<p>If a link in the handbook brought you here, please
<a href="{issues}">tell us in an issue</a> so we can mend it.</p>
</main>
</body>
</html>
"""


def _site_root_path(app: Sphinx) -> str:
    """The path of the published site ("/pln-handbook/"), from ``html_baseurl``."""
    from urllib.parse import urlparse

    path = urlparse(app.config.html_baseurl or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def _write_site_files(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder is None or app.builder.name != "html":
        return
    out = Path(app.outdir)
    base = (app.config.html_baseurl or "").rstrip("/") + "/"
    dates = getattr(app.env, "pln_git_dates", {})
    srcdir = Path(app.srcdir).resolve()
    rows = []
    for doc in sorted(app.env.found_docs):
        loc = html.escape(base + app.builder.get_target_uri(doc))
        rel = Path(app.env.doc2path(doc)).resolve().relative_to(srcdir).as_posix()
        day = dates.get(rel)
        last = f"<lastmod>{day.isoformat()}</lastmod>" if day else ""
        rows.append(f"  <url><loc>{loc}</loc>{last}</url>")
    (out / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(rows)
        + "\n</urlset>\n",
        encoding="utf-8",
    )
    (out / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n", encoding="utf-8"
    )
    theme_options = app.config.html_theme_options or {}
    repo = str(theme_options.get("repository_url") or "").rstrip("/")
    issues = f"{repo}/issues" if repo else base
    (out / "404.html").write_text(
        _NOT_FOUND.format(
            lang=app.config.language or "en",
            project=html.escape(_site_title(app)),
            base=_site_root_path(app),
            pdf=PDF_NAME,
            issues=html.escape(issues),
        ),
        encoding="utf-8",
    )


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the site's finishing touches."""
    app.connect("config-inited", _add_static)
    app.connect("builder-inited", _read_git_dates)
    app.connect("html-page-context", _page_context, priority=600)
    app.connect("build-finished", _write_site_files)
    app.add_css_file("pln-site.css")
    app.add_js_file("pln-site.js", defer="defer")
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
