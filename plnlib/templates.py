"""Fill-in templates the handbook's chapters name: the model and its validation (pure).

A template is data (``plnlib/content/templates/<id>.yaml``): a name, what it is for, when
to use it, who fills it in, how long it takes, the chapters that name it, and sections of
fields. Each field is one of four kinds:

- ``line``: a single line to write on (a name, a date, a signature);
- ``text``: a box of ``lines`` lines for a few sentences;
- ``table``: ``columns``, with fixed ``rows`` (their labels fill the first column) or
  ``blank_rows``;
- ``choice``: tick one of ``options``.

A field may carry a filled-in ``example`` (text) or ``examples`` (table rows); every output
marks them "Example", so nobody mistakes them for advice to copy. The printable page and the
downloads (:mod:`plnlib.web.templates`) are generated from this model only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import jsonschema

from plnlib.errors import ContentError

__all__ = ["Field", "Template", "TemplateSection", "parse_template"]

_SCHEMA_FILE = "plnlib/content/templates.schema.json"


@dataclass(frozen=True)
class Field:
    """One thing to fill in."""

    id: str
    kind: str
    label: str
    prompt: str = ""
    lines: int = 3
    example: str = ""
    options: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    rows: tuple[str, ...] = ()
    blank_rows: int = 0
    examples: tuple[tuple[str, ...], ...] = ()

    @property
    def prompts(self) -> tuple[str, ...]:
        """Every piece of text a reader is asked to respond to (for checks of the outputs)."""
        out = [self.label] + ([self.prompt] if self.prompt else [])
        return (*out, *self.options, *self.columns, *self.rows)


@dataclass(frozen=True)
class TemplateSection:
    """A titled group of fields."""

    id: str
    title: str
    intro: str
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class Template:
    """A validated template."""

    id: str
    name: str
    version: int
    purpose: str
    when: str
    who: str
    time_minutes: int
    chapters: tuple[str, ...]
    sources: tuple[str, ...]
    note: str
    sections: tuple[TemplateSection, ...]

    @property
    def title(self) -> str:
        """The page title, for example ``Template: stop list``."""
        return f"Template: {self.name}"

    @property
    def heading(self) -> str:
        """The name as the heading of the sheet itself (``Stop list``)."""
        return self.name[:1].upper() + self.name[1:]

    @property
    def fields(self) -> tuple[Field, ...]:
        """Every field, in order."""
        return tuple(f for s in self.sections for f in s.fields)


def _clean(text: Any) -> str:
    return " ".join(str(text or "").split())


def _schema_error(data: Any, schema: Mapping[str, Any], where: str) -> ContentError | None:
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if not errors:
        return None
    err = errors[0]
    path = ".".join(str(p) for p in err.absolute_path) or "(top level)"
    found = "nothing" if err.validator == "required" else repr(err.instance)
    if len(found) > 60:
        found = found[:57] + "..."
    expected = {
        "required": f"the field {err.message.split(' is a required')[0]}",
        "type": f"a value of type {err.validator_value}",
        "enum": f"one of {err.validator_value}",
        "additionalProperties": "only the fields the schema lists",
        "minLength": f"text of at least {err.validator_value} character"
        + ("" if err.validator_value == 1 else "s"),
        "minItems": f"a list of at least {err.validator_value} entries",
        "pattern": f"text matching {err.validator_value}",
        "minimum": f"a number of at least {err.validator_value}",
        "maximum": f"a number of at most {err.validator_value}",
    }.get(str(err.validator), f"a value that passes '{err.validator}'")
    if err.validator == "additionalProperties":
        found = err.message
    return ContentError(
        f"field '{path}': expected {expected}, found {found}",
        where=where,
        fix=f"Compare with {_SCHEMA_FILE} and an existing template.",
    )


def parse_template(
    data: Any,
    *,
    schema: Mapping[str, Any],
    chapters: Sequence[str] | set[str] | None = None,
    sources: Sequence[str] | set[str] | None = None,
    where: str = "template",
    expected_id: str | None = None,
) -> Template:
    """Validate parsed template YAML and build a :class:`Template`.

    Parameters
    ----------
    data
        The parsed YAML document.
    schema
        The JSON Schema of templates (``templates.schema.json``).
    chapters
        The book pages that exist (``book/...`` without ``.md``); ``None`` skips the check.
    sources
        The known bibliography keys; ``None`` skips that check.
    where
        The file name, used in messages.
    expected_id
        The id the file name implies, if any.

    Raises
    ------
    ContentError
        Naming the file, the field, what was expected, what was found and how to fix it.

    Examples
    --------
    >>> schema = {"type": "object", "required": ["id"]}
    >>> parse_template({}, schema=schema, where="x.yaml")
    Traceback (most recent call last):
    ...
    plnlib.errors.ContentError: x.yaml: field '(top level)': expected the field 'id', found nothing. ...
    """
    problem = _schema_error(data, schema, where)
    if problem:
        raise problem
    tid = data["id"]
    if expected_id is not None and tid != expected_id:
        raise ContentError(
            f"field 'id': expected '{expected_id}' (the file name), found '{tid}'",
            where=where,
            fix="Make the id and the file name the same.",
        )
    for page in data["chapters"]:
        if chapters is not None and page not in chapters:
            raise ContentError(
                f"field 'chapters': expected a page of the book, found '{page}'",
                where=where,
                fix="Use a path as written in _toc.yml, such as book/design/membership.",
            )
    for key in data.get("sources", []):
        if sources is not None and key not in sources:
            raise ContentError(
                f"field 'sources': expected a key of book/references.bib, found '{key}'",
                where=where,
                fix="Add the reference to book/references.bib, or fix the key's spelling.",
            )
    sections, seen = [], set()
    for sec in data["sections"]:
        fields = []
        for raw in sec["fields"]:
            here = f"{sec['id']}.{raw['id']}"
            if here in seen or sec["id"] in {s.id for s in sections}:
                raise ContentError(
                    f"field 'id': expected each id once, found '{here}' again",
                    where=where,
                    fix="Give the section or field a new id.",
                )
            seen.add(here)
            fields.append(_field(raw, f"{where}, field '{here}'"))
        sections.append(
            TemplateSection(
                sec["id"], _clean(sec["title"]), _clean(sec.get("intro")), tuple(fields)
            )
        )
    return Template(
        id=tid,
        name=_clean(data["name"]),
        version=data["version"],
        purpose=_clean(data["purpose"]),
        when=_clean(data["when"]),
        who=_clean(data["who"]),
        time_minutes=data["time_minutes"],
        chapters=tuple(data["chapters"]),
        sources=tuple(data.get("sources", [])),
        note=_clean(data.get("note")),
        sections=tuple(sections),
    )


_NEEDS = {"table": "columns", "choice": "options"}
_ONLY = {
    "lines": {"text"},
    "example": {"text", "line"},
    "options": {"choice"},
    "columns": {"table"},
    "rows": {"table"},
    "blank_rows": {"table"},
    "examples": {"table"},
}


def _field(raw: Mapping[str, Any], where: str) -> Field:
    kind = raw["kind"]
    need = _NEEDS.get(kind)
    if need and not raw.get(need):
        raise ContentError(
            f"field '{need}': expected a list for a '{kind}' field, found nothing",
            where=where,
            fix=f"Add '{need}:' with at least two entries.",
        )
    for key, kinds in _ONLY.items():
        if key in raw and kind not in kinds:
            raise ContentError(
                f"field '{key}': expected it only on {sorted(kinds)} fields, found it on '{kind}'",
                where=where,
                fix=f"Remove '{key}', or change the kind.",
            )
    columns = tuple(_clean(c) for c in raw.get("columns", []))
    if kind == "table" and not raw.get("rows") and not raw.get("blank_rows"):
        raise ContentError(
            "field 'rows': expected fixed 'rows' or a number of 'blank_rows', found neither",
            where=where,
            fix="Add 'blank_rows: 3' (or list the row labels under 'rows').",
        )
    examples = tuple(tuple(_clean(c) for c in row) for row in raw.get("examples", []))
    for n, row in enumerate(examples, 1):
        if len(row) != len(columns):
            raise ContentError(
                f"field 'examples': expected {len(columns)} cells in example row {n} "
                f"(one per column), found {len(row)}",
                where=where,
                fix="Give each example row one cell per column.",
            )
    return Field(
        id=raw["id"],
        kind=kind,
        label=_clean(raw["label"]),
        prompt=_clean(raw.get("prompt")),
        lines=int(raw.get("lines", 3)),
        example=_clean(raw.get("example")),
        options=tuple(_clean(o) for o in raw.get("options", [])),
        columns=columns,
        rows=tuple(_clean(r) for r in raw.get("rows", [])),
        blank_rows=int(raw.get("blank_rows", 0)),
        examples=examples,
    )
