"""A checklist's record of its versions (the ``changes:`` entries of its YAML).

People's saved answers name the checklist version they were made with. Each version
after the first says what changed and which items it added, so answers saved for an
older version can be read for the items that remain, with the new ones named.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from plnlib.errors import ContentError

__all__ = ["Change", "parse_changes"]


@dataclass(frozen=True)
class Change:
    """What changed in one version of a checklist (its ``changes:`` entry)."""

    version: int
    date: str
    summary: str
    new: tuple[str, ...]
    reworded: tuple[str, ...]


def parse_changes(
    data: Mapping[str, Any], items: Mapping[str, str], where: str
) -> tuple[Change, ...]:
    """The ``changes:`` entries, checked against the version and the item ids."""
    changes = []
    version = data["version"]
    for entry in data.get("changes", []):
        here = f"{where}, changes, version {entry['version']}"
        if entry["version"] > version:
            raise ContentError(
                f"field 'version': expected a change for version {version} or earlier, "
                f"found one for version {entry['version']}",
                where=here,
                fix="Raise the checklist's version, or correct the change's version.",
            )
        if changes and entry["version"] <= changes[-1].version:
            raise ContentError(
                f"field 'version': expected versions in rising order, each once, found "
                f"{entry['version']} after {changes[-1].version}",
                where=here,
                fix="List the changes oldest first, one entry per version.",
            )
        for kind in ("new", "reworded"):
            unknown = [i for i in entry[kind] if i not in items]
            if unknown:
                raise ContentError(
                    f"field '{kind}': expected item ids of this checklist, found "
                    f"{', '.join(unknown)}",
                    where=here,
                    fix="Name only items the checklist has (a retired id goes in the summary).",
                )
        changes.append(
            Change(
                version=entry["version"],
                date=entry["date"],
                summary=" ".join(entry["summary"].split()),
                new=tuple(entry["new"]),
                reworded=tuple(entry["reworded"]),
            )
        )
    if version > 1 and (not changes or changes[-1].version != version):
        raise ContentError(
            f"field 'changes': expected an entry for version {version}, found none",
            where=where,
            fix="Add a 'changes:' entry saying what changed in this version (see "
            "CONTRIBUTING.md, 'Adding or changing a checklist item').",
        )
    return tuple(changes)
