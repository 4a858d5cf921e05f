"""Read the handbook's content files: scales, chapters, checklists.

The files ship inside the package (``plnlib/content``). The bibliography keys
that items cite are checked against ``book/references.bib`` when the package
runs from the repository (a clone, Binder, an editable install), which is where
contributors edit checklists and where the tests run.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from plnlib.checklists import (
    Chapter,
    Checklist,
    Scale,
    parse_chapters,
    parse_checklist,
    parse_scales,
)
from plnlib.errors import ContentError

__all__ = [
    "CONTENT_DIR",
    "bibliography_keys",
    "checklist_ids",
    "load_chapters",
    "load_checklist",
    "load_checklist_file",
    "load_scales",
    "read_yaml",
]

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
_NOT_CHECKLISTS = {"scales.yaml", "chapters.yaml"}
_BIB = CONTENT_DIR.parent.parent / "book" / "references.bib"


def read_yaml(path: Path, *, what: str = "YAML file") -> Any:
    """Read a content YAML file; a missing file or a syntax error is a ContentError."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(
            f"expected a {what} here, found nothing",
            where=str(path),
            fix="Check the file name.",
        ) from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise ContentError(
            f"expected valid YAML, found a syntax error ({problem})",
            where=f"{path.name}{line}",
            fix="Check indentation and quote any text that contains a colon.",
        ) from None


@lru_cache(maxsize=1)
def load_scales() -> dict[str, Scale]:
    """The answer scales of ``scales.yaml``.

    Examples
    --------
    >>> load_scales()["maturity4"].high
    4
    """
    return parse_scales(read_yaml(CONTENT_DIR / "scales.yaml"))


@lru_cache(maxsize=1)
def load_chapters() -> dict[str, Chapter]:
    """The chapter registry of ``chapters.yaml``."""
    return parse_chapters(read_yaml(CONTENT_DIR / "chapters.yaml"))


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    return json.loads((CONTENT_DIR / "checklist.schema.json").read_text(encoding="utf-8"))


def bibliography_keys(path: Path | None = None) -> set[str] | None:
    """Keys of ``book/references.bib``, or ``None`` when the file is not there."""
    path = path or _BIB
    if not path.exists():
        return None
    return set(re.findall(r"^@\w+\s*\{\s*([^,\s]+)\s*,", path.read_text(encoding="utf-8"), re.M))


def checklist_ids() -> list[str]:
    """Ids of every shipped checklist, sorted.

    Examples
    --------
    >>> "pln-design" in checklist_ids()
    True
    """
    return sorted(p.stem for p in CONTENT_DIR.glob("*.yaml") if p.name not in _NOT_CHECKLISTS)


def load_checklist_file(path: str | Path, *, bibliography: Path | None = None) -> Checklist:
    """Load and validate one checklist file (also one outside the package)."""
    path = Path(path)
    return parse_checklist(
        read_yaml(path),
        schema=_schema(),
        scales=load_scales(),
        chapters=load_chapters(),
        sources=bibliography_keys(bibliography),
        where=path.name,
        expected_id=path.stem,
    )


@lru_cache(maxsize=32)
def load_checklist(checklist_id: str) -> Checklist:
    """Load a shipped checklist by id.

    Raises
    ------
    ContentError
        If there is no such checklist, or the file is not valid.

    Examples
    --------
    >>> c = load_checklist("pln-design")
    >>> c.title, c.scale.name
    ('PLN design', 'maturity4')
    """
    ids = checklist_ids()
    if checklist_id not in ids:
        raise ContentError(
            f"expected a checklist id ({', '.join(ids)}), found '{checklist_id}'",
            fix="Run 'plnlib list' to see the checklists.",
        )
    return load_checklist_file(CONTENT_DIR / f"{checklist_id}.yaml")
