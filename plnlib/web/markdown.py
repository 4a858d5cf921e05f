"""The Markdown pieces of every report: the same parts as :mod:`plnlib.web.blocks`.

Text from data goes through :func:`md_escape` (HTML escaped, Markdown
punctuation backslashed); tables use the same cell texts as the HTML ones.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from plnlib.web.blocks import SYNTHETIC_TEXT
from plnlib.web.cells import Format, cell_text, numeric_columns

__all__ = ["md_bullets", "md_document", "md_escape", "md_link", "md_note", "md_table"]

_SPECIAL = re.compile(r"([\\`*_\[\]|])")


def md_escape(value: object) -> str:
    """Text from data, safe in Markdown.

    Examples
    --------
    >>> md_escape("<b>a|b</b> *x*")
    '&lt;b&gt;a\\\\|b&lt;/b&gt; \\\\*x\\\\*'
    """
    return _SPECIAL.sub(r"\\\1", html.escape(" ".join(str(value).split()), quote=False))


def md_link(url: str, text: str) -> str:
    """A Markdown link (the text escaped)."""
    return f"[{md_escape(text)}]({url})"


def md_bullets(items: Iterable[str], *, trusted: bool = False, indent: int = 0) -> str:
    """A bulleted list of plain text (of Markdown with ``trusted=True``)."""
    pad = " " * indent
    return "".join(f"{pad}- {i if trusted else md_escape(i)}\n" for i in items)


def md_note(title: str, text: str, items: Sequence[str] = ()) -> str:
    """A note: a bold title, a paragraph and optional bullets."""
    return f"**{md_escape(title)}** {md_escape(text)}\n\n" + md_bullets(items)


def md_table(
    frame: pd.DataFrame,
    caption: str,
    *,
    formats: Mapping[str, Format] | None = None,
    hidden: Sequence[bool] | pd.Series | None = None,
    missing: str = "–",
) -> str:
    """A pipe table under an italic caption, numbers right-aligned, hidden rows marked.

    Examples
    --------
    >>> print(md_table(pd.DataFrame({"school": ["A", "B"], "n": [7, 3]}), "Sizes",
    ...                hidden=[False, True]), end="")
    *Sizes*
    <BLANKLINE>
    | school | n |
    |---|---:|
    | A | 7 |
    | B | hidden |
    """
    formats = {str(k): v for k, v in (formats or {}).items()}
    cols = [str(c) for c in frame.columns]
    numeric = numeric_columns(frame)
    flags = (
        [bool(h) for h in hidden] if hidden is not None and len(hidden) else [False] * len(frame)
    )
    lines = [f"*{md_escape(caption)}*", "", "| " + " | ".join(md_escape(c) for c in cols) + " |"]
    lines.append(
        "|" + "|".join("---:" if k and numeric[k] else "---" for k in range(len(cols))) + "|"
    )
    for values, hide in zip(frame.itertuples(index=False), flags, strict=True):
        cells = []
        for k, value in enumerate(values):
            text = cell_text(value, formats.get(cols[k]))
            if hide and numeric[k]:
                cells.append("hidden")
            else:
                cells.append(md_escape(missing if text is None else text))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def md_document(
    title: str, parts: Sequence[tuple[str, str]], *, synthetic: bool = False, end: str = ""
) -> str:
    """A whole Markdown report: ``# title``, the banner if synthetic, one ``##`` per part.

    Examples
    --------
    >>> print(md_document("R", [("One", "Text.\\n")], synthetic=True), end="")
    # R
    <BLANKLINE>
    > **Synthetic data.** This report was made from synthetic data: it describes no real school or person.
    <BLANKLINE>
    ## One
    <BLANKLINE>
    Text.
    <BLANKLINE>
    """
    out = [f"# {md_escape(title)}", ""]
    if synthetic:
        out += [f"> **Synthetic data.** {SYNTHETIC_TEXT}", ""]
    for heading, body in parts:
        out += [f"## {md_escape(heading)}", "", body.rstrip("\n"), ""]
    if end:
        out += [end, ""]
    return "\n".join(out)
