"""The HTML pieces every report is built from: one markup, one stylesheet (:mod:`plnlib.web.page`).

Text from data always goes through :func:`escape`; the other functions take
plain text and escape it themselves, except where a parameter says "HTML".

- :func:`table_html`: a captioned table with column and row headers, numbers
  right-aligned, hidden (suppressed) rows marked, and for a long table its
  first rows with every row behind a "Show all N rows" disclosure;
- :func:`bullets_html`, :func:`paragraphs_html`, :func:`note_html`: text;
- :func:`section_html`, :func:`contents_html`, :func:`header_html`,
  :func:`synthetic_banner_html`: the parts of a report page.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from plnlib.web.cells import Format, cell_text, numeric_columns

__all__ = [
    "ALL_ROWS_LIMIT",
    "SYNTHETIC_TEXT",
    "Part",
    "bullets_html",
    "contents_html",
    "escape",
    "header_html",
    "link_html",
    "note_html",
    "paragraphs_html",
    "section_html",
    "synthetic_banner_html",
    "table_html",
]

#: The longest table written out in full behind "Show all"; longer ones point elsewhere.
ALL_ROWS_LIMIT = 1_000
#: What the synthetic-data banner of every report says.
SYNTHETIC_TEXT = "This report was made from synthetic data: it describes no real school or person."


@dataclass(frozen=True)
class Part:
    """One section of a report: its anchor, its heading and its body (trusted HTML)."""

    anchor: str
    title: str
    body: str


def escape(value: object) -> str:
    """Text from data, safe anywhere in HTML (quotes included).

    Examples
    --------
    >>> escape('<b class="x">Birch & Co</b>')
    '&lt;b class=&quot;x&quot;&gt;Birch &amp; Co&lt;/b&gt;'
    """
    return html.escape(str(value), quote=True)


def link_html(url: str, text: str) -> str:
    """A link, both parts escaped."""
    return f'<a href="{escape(url)}">{escape(text)}</a>'


def paragraphs_html(texts: Iterable[str]) -> str:
    """Plain-text paragraphs."""
    return "".join(f"<p>{escape(t)}</p>" for t in texts)


def bullets_html(items: Iterable[str], *, trusted: bool = False) -> str:
    """A bulleted list of plain text (of HTML with ``trusted=True``); empty for no items."""
    items = list(items)
    if not items:
        return ""
    return "<ul>" + "".join(f"<li>{i if trusted else escape(i)}</li>" for i in items) + "</ul>"


def note_html(title: str, text: str, items: Sequence[str] = ()) -> str:
    """A boxed note (``role="note"``): a bold title, a paragraph and optional bullets."""
    return (
        f'<div class="pln-note" role="note"><p><strong>{escape(title)}</strong> {escape(text)}'
        f"</p>{bullets_html(items)}</div>"
    )


def synthetic_banner_html() -> str:
    """The banner on every report made from synthetic data."""
    return (
        '<p class="pln-synthetic" role="note"><strong>Synthetic data.</strong> '
        f"{escape(SYNTHETIC_TEXT)}</p>"
    )


def header_html(title: str, facts: Sequence[str] = (), *, synthetic: bool = False) -> str:
    """The page's one ``<h1>``, a line of facts (joined by ·) and the banner if synthetic."""
    meta = f'<p class="pln-meta">{" · ".join(escape(f) for f in facts)}</p>' if facts else ""
    banner = synthetic_banner_html() if synthetic else ""
    return f'<header class="pln-header"><h1>{escape(title)}</h1>{meta}</header>{banner}'


def contents_html(parts: Sequence[Part]) -> str:
    """The contents list: one link per part, in order."""
    links = "".join(f'<li><a href="#{escape(p.anchor)}">{escape(p.title)}</a></li>' for p in parts)
    return (
        '<nav class="pln-contents" aria-labelledby="pln-contents">'
        f'<h2 id="pln-contents">Contents</h2><ol>{links}</ol></nav>'
    )


def section_html(part: Part) -> str:
    """One part as a ``<section>`` labelled by its heading."""
    a = escape(part.anchor)
    return (
        f'<section class="pln-part" aria-labelledby="{a}">'
        f'<h2 id="{a}">{escape(part.title)}</h2>{part.body}</section>'
    )


def _rows_html(
    frame: pd.DataFrame,
    formats: Mapping[str, Format],
    hidden: Sequence[bool],
    numeric: list[bool],
    row_header: bool,
    missing: str,
) -> str:
    cols = [str(c) for c in frame.columns]
    fmts = [formats.get(c) for c in cols]
    out = []
    for values, hide in zip(frame.itertuples(index=False), hidden, strict=True):
        cells = []
        for k, value in enumerate(values):
            text = cell_text(value, fmts[k])
            if hide and numeric[k]:
                shown = '<span class="pln-hidden">hidden</span>'
            elif text is None:
                shown = f'<span class="pln-missing">{escape(missing)}</span>'
            else:
                shown = escape(text)
            if k == 0 and row_header:
                cells.append(f'<th scope="row">{shown}</th>')
            else:
                cells.append(f'<td class="num">{shown}</td>' if numeric[k] else f"<td>{shown}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    return "".join(out)


def _one_table(frame: pd.DataFrame, caption: str, body: str) -> str:
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in frame.columns)
    return (
        f'<div class="pln-table-wrap"><table><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def table_html(
    frame: pd.DataFrame,
    caption: str,
    *,
    formats: Mapping[str, Format] | None = None,
    hidden: Sequence[bool] | pd.Series | None = None,
    row_header: bool = True,
    missing: str = "–",
    limit: int | None = None,
    all_limit: int = ALL_ROWS_LIMIT,
    elsewhere: str = "",
) -> str:
    """A table with a caption, ``scope``-d headers and right-aligned numbers.

    Parameters
    ----------
    frame
        The rows as they should appear (sorted by the caller); column names are headers.
    formats
        Column -> format (see :func:`plnlib.web.cells.cell_text`).
    hidden
        One flag per row: the numbers of a flagged (suppressed) row read "hidden".
    row_header
        The first column heads its row.
    missing
        What an empty cell reads.
    limit
        Show at most this many rows; the whole table (up to ``all_limit`` rows)
        follows behind a "Show all N rows" disclosure, and beyond that the
        sentence ``elsewhere`` says where the rest is.

    Examples
    --------
    >>> t = pd.DataFrame({"school": ["A", "B", "C"], "ties": [3, 2, 1]})
    >>> out = table_html(t, "Ties", limit=2)
    >>> out.count("<tr>"), "Show all 3 rows" in out, '<td class="num">3</td>' in out
    (7, True, True)
    """
    formats = {str(k): v for k, v in (formats or {}).items()}
    flags = (
        [bool(h) for h in hidden] if hidden is not None and len(hidden) else [False] * len(frame)
    )
    numeric = numeric_columns(frame)

    def rows(part: pd.DataFrame, part_flags: Sequence[bool]) -> str:
        return _rows_html(part, formats, part_flags, numeric, row_header, missing)

    if limit is None or len(frame) <= limit:
        return _one_table(frame, caption, rows(frame, flags))
    first = _one_table(
        frame,
        f"{caption} (the first {limit:,} of {len(frame):,} rows)",
        rows(frame.iloc[:limit], flags[:limit]),
    )
    if len(frame) <= all_limit:
        return (
            f'{first}<details class="pln-all-rows"><summary>Show all {len(frame):,} rows'
            f"</summary>{_one_table(frame, caption, rows(frame, flags))}</details>"
        )
    rest = elsewhere or f"The other {len(frame) - limit:,} rows are too many for this page."
    return f'{first}<p class="pln-more">{escape(rest)}</p>'
