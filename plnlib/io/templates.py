"""Read the handbook's fill-in templates (``plnlib/content/templates/<id>.yaml``).

Each file is checked against ``templates.schema.json`` when it is loaded. When the package
runs from the repository, the chapters a template names are checked against the book's
pages and its citation keys against ``book/references.bib``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from plnlib.errors import ContentError
from plnlib.io.content import CONTENT_DIR, bibliography_keys, read_yaml
from plnlib.templates import Template, parse_template

__all__ = ["TEMPLATES_DIR", "load_template", "load_template_file", "template_ids"]

TEMPLATES_DIR = CONTENT_DIR / "templates"
_BOOK = CONTENT_DIR.parent.parent / "book"


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    return json.loads((CONTENT_DIR / "templates.schema.json").read_text(encoding="utf-8"))


def _book_pages(book: Path) -> set[str] | None:
    if not book.is_dir():
        return None
    return {str(p.relative_to(book.parent).with_suffix("")) for p in book.rglob("*.md")}


def template_ids() -> list[str]:
    """Ids of every shipped template, sorted.

    Examples
    --------
    >>> "stop-list" in template_ids()
    True
    """
    return sorted(p.stem for p in TEMPLATES_DIR.glob("*.yaml"))


def load_template_file(
    path: str | Path, *, book: Path | None = None, bibliography: Path | None = None
) -> Template:
    """Load and validate one template file (also one outside the package)."""
    path = Path(path)
    return parse_template(
        read_yaml(path, what="template file"),
        schema=_schema(),
        chapters=_book_pages(book or _BOOK),
        sources=bibliography_keys(bibliography),
        where=path.name,
        expected_id=path.stem,
    )


@lru_cache(maxsize=32)
def load_template(template_id: str) -> Template:
    """Load a shipped template by id.

    Raises
    ------
    ContentError
        If there is no such template, or its file is not valid.

    Examples
    --------
    >>> load_template("stop-list").title
    'Template: stop list'
    """
    ids = template_ids()
    if template_id not in ids:
        raise ContentError(
            f"expected a template id ({', '.join(ids)}), found '{template_id}'",
            fix="Use one of the ids listed, as in 'plnlib template stop-list -o stop-list.docx'.",
        )
    return load_template_file(TEMPLATES_DIR / f"{template_id}.yaml")
