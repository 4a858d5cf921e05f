"""Write the forms a trainer imports: a Word document for Microsoft Forms' Quick Import.

The layout comes from :func:`plnlib.checklists.form_builders.word_form_blocks`;
this module only turns it into a ``.docx`` file (python-docx), written at once.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from plnlib.io.files import write_output

__all__ = ["word_form_bytes", "write_word_form"]


def word_form_bytes(blocks: Sequence[tuple[str, str]]) -> bytes:
    """The ``.docx`` file of ``(style, text)`` blocks, as bytes.

    Questions and choices are plain paragraphs that start with their number or
    letter ("1. ...", "A. ..."), not Word's automatic lists, which is what Quick
    Import reads most reliably.

    Examples
    --------
    >>> data = word_form_bytes([("title", "T"), ("question", "1. Q?"), ("choice", "A. Yes")])
    >>> data[:2]
    b'PK'
    """
    import docx
    from docx.shared import Pt

    document = docx.Document()
    for style, text in blocks:
        if style == "title":
            document.add_heading(text, level=1)
        elif style == "question":
            run = document.add_paragraph().add_run(text)
            run.bold = True
        elif style == "choice":
            paragraph = document.add_paragraph(text)
            paragraph.paragraph_format.left_indent = Pt(18)
            paragraph.paragraph_format.space_after = Pt(0)
        else:
            document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write_word_form(path: str | Path, blocks: Sequence[tuple[str, str]]) -> Path:
    """Write the blocks as a Word document (all at once) and return the path."""
    return write_output(path, word_form_bytes(blocks))
