"""Checklists and answer scales as validated, immutable objects.

The scales themselves are in :mod:`plnlib.checklists.scales` (named here too).

The text of every checklist lives in ``plnlib/content/<id>.yaml`` and nowhere
else. :func:`parse_checklist` turns the parsed YAML (plain dicts) into a
:class:`Checklist`, checking it against the JSON Schema and against the
handbook's scales, chapters and bibliography keys. It does no file I/O:
:mod:`plnlib.io.content` reads the files and calls it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import jsonschema

from plnlib.checklists.scales import MISSING_CODES, Scale, ScalePoint, parse_scales
from plnlib.checklists.versions import Change, parse_changes
from plnlib.errors import ContentError, DataError
from plnlib.helpers import plural

__all__ = [
    "MISSING_CODES",
    "Change",
    "Chapter",
    "Checklist",
    "Item",
    "Scale",
    "ScalePoint",
    "Section",
    "parse_chapters",
    "parse_checklist",
    "parse_scales",
]


@dataclass(frozen=True)
class Chapter:
    """A handbook page that checklists and reports link to."""

    id: str
    path: str
    title: str


@dataclass(frozen=True)
class Item:
    """One statement people rate."""

    id: str
    text: str
    strong: str
    sources: tuple[str, ...]
    actions: tuple[str, ...]
    chapter: str
    section: str


@dataclass(frozen=True)
class Section:
    """A group of items with its own score."""

    id: str
    title: str
    chapter: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Checklist:
    """A whole checklist or self-assessment."""

    id: str
    title: str
    version: int
    scale: Scale
    summary: str
    audience: str
    time_minutes: int | None
    chapter: str
    sources: tuple[str, ...]
    sections: tuple[Section, ...]
    changes: tuple[Change, ...] = ()
    _index: Mapping[str, Item] = field(default_factory=dict, repr=False, compare=False)

    @property
    def items(self) -> tuple[Item, ...]:
        """Every item, in order."""
        return tuple(i for s in self.sections for i in s.items)

    @property
    def item_ids(self) -> tuple[str, ...]:
        """Every item id, in order."""
        return tuple(i.id for i in self.items)

    @property
    def id_range(self) -> str:
        """The lowest and highest item ids, for messages (items are not in id order).

        Examples
        --------
        >>> from plnlib.io.content import load_checklist
        >>> load_checklist("learning-culture").id_range
        'CUL-01 to CUL-28'
        """
        ids = sorted(self.item_ids)
        return f"{ids[0]} to {ids[-1]}"

    def item(self, item_id: str) -> Item:
        """The item with this id; :class:`DataError` naming the checklist if unknown."""
        try:
            return self._index[item_id]
        except KeyError:
            raise DataError(
                f"expected an item id of the checklist '{self.id}' "
                f"({self.id_range}), found '{item_id}'",
                fix=f"Check the item ids with: plnlib form {self.id}",
            ) from None

    def new_since(self, version: object) -> tuple[str, ...]:
        """Ids of the items first asked after ``version``, in checklist order.

        Examples
        --------
        >>> from plnlib.io.content import load_checklist
        >>> load_checklist("readiness").new_since(1)
        ('RDY-13', 'RDY-14', 'RDY-15')
        """
        if not isinstance(version, int) or isinstance(version, bool):
            return ()
        added = {i for c in self.changes if c.version > version for i in c.new}
        return tuple(i for i in self.item_ids if i in added)

    def older_version_note(self, version: object, answered: Iterable[str], *, where: str) -> str:
        """A note for answers saved for an older version (empty when ``version`` is current).

        It names the new items the answers cannot cover, so a reader knows
        why they are unanswered.
        """
        if version in (None, self.version) or version == str(self.version):
            return ""
        have = set(answered)
        new = [i for i in self.new_since(version) if i not in have]
        note = (
            f"{where} holds answers to version {version} of '{self.id}'; the checklist is now "
            f"version {self.version}. Its answers to the items that still exist are read"
        )
        if new:
            note += f"; {plural(len(new), 'item')} new since then are unanswered ({', '.join(new)})"
        return note + ". What changed: the checklist's page, section 'Changes to this checklist'."

    def table_version_note(self, answered: Iterable[str], *, where: str) -> str:
        """A note when a table looks like an older version's form, else "".

        A table (a form export) does not say which version it was made from. When
        it has a column for every item of an older version and none for the items
        added since, it is that version's form: its items are scored as usual, and
        the note names the new items it could not ask.

        Examples
        --------
        >>> from plnlib.io.content import load_checklist
        >>> c = load_checklist("readiness")
        >>> old_form = [i for i in c.item_ids if i not in c.new_since(1)]
        >>> c.table_version_note(old_form, where="t.csv").split(":")[0]
        't.csv looks like the form of version 1 of the readiness checklist (now version 2)'
        >>> c.table_version_note(["RDY-01", "RDY-02"], where="t.csv")
        ''
        """
        have = set(answered)
        for version in range(self.version - 1, 0, -1):
            new = self.new_since(version)
            before = set(self.item_ids) - set(new)
            if new and before <= have and not have & set(new):
                return (
                    f"{where} looks like the form of version {version} of the {self.id} "
                    f"checklist (now version {self.version}): its answers are read, and "
                    f"{plural(len(new), 'item')} added since are unanswered ({', '.join(new)}). "
                    f"Make a new form with 'plnlib form {self.id}' to ask them"
                )
        return ""

    def section(self, section_id: str) -> Section:
        """The section with this id."""
        for s in self.sections:
            if s.id == section_id:
                return s
        raise DataError(
            f"expected a section of '{self.id}' ({', '.join(s.id for s in self.sections)}), "
            f"found '{section_id}'"
        )


def parse_chapters(data: Mapping[str, Any], *, where: str = "chapters.yaml") -> dict[str, Chapter]:
    """Build the chapter registry from parsed ``chapters.yaml``."""
    chapters: dict[str, Chapter] = {}
    for cid, spec in (data or {}).items():
        if not isinstance(spec, Mapping) or "path" not in spec or "title" not in spec:
            raise ContentError(
                f"expected {{path, title}} for chapter '{cid}', found {spec!r}",
                where=where,
                fix="Give each chapter the page path (as in _toc.yml) and a title.",
            )
        chapters[str(cid)] = Chapter(str(cid), str(spec["path"]), str(spec["title"]))
    return chapters


def parse_checklist(
    data: Any,
    *,
    schema: Mapping[str, Any],
    scales: Mapping[str, Scale],
    chapters: Mapping[str, Any],
    sources: Sequence[str] | set[str] | None = None,
    where: str = "checklist",
    expected_id: str | None = None,
) -> Checklist:
    """Validate parsed checklist YAML and build a :class:`Checklist`.

    Parameters
    ----------
    data
        The parsed YAML document.
    schema
        The JSON Schema of checklists (``checklist.schema.json``).
    scales, chapters
        The known scales and chapter ids.
    sources
        The known bibliography keys; ``None`` skips that check.
    where
        The file name, used in messages.
    expected_id
        The id the file name implies, if any.

    Raises
    ------
    ContentError
        Naming the file, the item id, the field, what was expected and what was found.
    """
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        raise ContentError(
            f"field '{_json_path(err)}' does not match the checklist schema: {err.message}",
            where=_where_in(data, err, where),
            fix="Compare with plnlib/content/checklist.schema.json and an existing checklist.",
        )
    cid = data["id"]
    if expected_id is not None and cid != expected_id:
        raise ContentError(
            f"field 'id': expected '{expected_id}' (the file name), found '{cid}'",
            where=where,
            fix="Make the id and the file name the same.",
        )
    if data["scale"] not in scales:
        raise ContentError(
            f"field 'scale': expected one of {sorted(scales)}, found '{data['scale']}'",
            where=where,
            fix="Use a scale defined in plnlib/content/scales.yaml, or define it there.",
        )
    known_sources = set(sources) if sources is not None else None

    def check_ref(kind: str, value: str, here: str) -> None:
        if kind == "chapter" and value not in chapters:
            raise ContentError(
                f"field 'chapter': expected a chapter id from chapters.yaml, found '{value}'",
                where=here,
                fix="Use an id listed in plnlib/content/chapters.yaml, or add the chapter there.",
            )
        if kind == "source" and known_sources is not None and value not in known_sources:
            raise ContentError(
                f"field 'sources': expected a key of book/references.bib, found '{value}'",
                where=here,
                fix="Add the reference to book/references.bib, or fix the key's spelling.",
            )

    check_ref("chapter", data["chapter"], where)
    for key in data["sources"]:
        check_ref("source", key, where)
    seen_items: dict[str, str] = {}
    seen_sections: set[str] = set()
    sections = []
    for sec in data["sections"]:
        here = f"{where}, section '{sec['id']}'"
        if sec["id"] in seen_sections:
            raise ContentError(
                f"field 'id': expected each section id once, found '{sec['id']}' twice",
                where=here,
                fix="Give the section a new id.",
            )
        seen_sections.add(sec["id"])
        check_ref("chapter", sec["chapter"], here)
        items = []
        for it in sec["items"]:
            ihere = f"{where}, item {it['id']}"
            if it["id"] in seen_items:
                raise ContentError(
                    f"field 'id': expected each item id once, found {it['id']} again "
                    f"(first in section '{seen_items[it['id']]}')",
                    where=ihere,
                    fix="Item ids are stable: give the new item the next unused number.",
                )
            seen_items[it["id"]] = sec["id"]
            chapter = it.get("chapter", sec["chapter"])
            check_ref("chapter", chapter, ihere)
            for key in it["sources"]:
                check_ref("source", key, ihere)
            items.append(
                Item(
                    id=it["id"],
                    text=" ".join(it["text"].split()),
                    strong=" ".join(it["strong"].split()),
                    sources=tuple(it["sources"]),
                    actions=tuple(" ".join(a.split()) for a in it["actions"]),
                    chapter=chapter,
                    section=sec["id"],
                )
            )
        sections.append(Section(sec["id"], sec["title"], sec["chapter"], tuple(items)))
    changes = parse_changes(data, seen_items, where)
    checklist = Checklist(
        id=cid,
        title=data["title"],
        version=data["version"],
        scale=scales[data["scale"]],
        summary=" ".join(data["summary"].split()),
        audience=data["audience"],
        time_minutes=data.get("time_minutes"),
        chapter=data["chapter"],
        sources=tuple(data["sources"]),
        sections=tuple(sections),
        changes=changes,
    )
    object.__setattr__(checklist, "_index", {i.id: i for i in checklist.items})
    return checklist


def _json_path(err: jsonschema.ValidationError) -> str:
    parts = [str(p) for p in err.absolute_path]
    return ".".join(parts) if parts else "(top level)"


def _where_in(data: Any, err: jsonschema.ValidationError, where: str) -> str:
    """Name the item or section an error sits in, when the path reaches one."""
    path = list(err.absolute_path)
    try:
        if len(path) >= 4 and path[0] == "sections" and path[2] == "items":
            item = data["sections"][path[1]]["items"][path[3]]
            if isinstance(item, Mapping) and "id" in item:
                return f"{where}, item {item['id']}"
        if len(path) >= 2 and path[0] == "sections":
            sec = data["sections"][path[1]]
            if isinstance(sec, Mapping) and "id" in sec:
                return f"{where}, section '{sec['id']}'"
    except (KeyError, IndexError, TypeError):
        pass
    return where
