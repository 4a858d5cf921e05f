#!/usr/bin/env python3
"""Keep the record of every published checklist item id, and check the checklists against it.

People's saved answers and exported forms refer to item ids (``DES-01``), so an id that
was published must never disappear quietly. ``plnlib/content/published-ids.json`` holds,
for every checklist, the item ids of each published version, and the retired ids with
what replaced them::

    {"pln-design": {"versions": {"1": ["DES-01", ...], "2": [...]},
                    "retired": {"DES-04": {"version": 2, "replaced_by": "DES-09"}}}}

The check (``tests/unit/test_published_ids.py``, so ``make test``) fails when

- a checklist, or its current version, is not in the record;
- the ids of a recorded version changed (an id added or removed without a version bump);
- the version went down;
- an id published in an earlier version is missing and has no retired entry;
- a retired id is back in use, or is replaced by an id the checklist does not have.

Usage (see CONTRIBUTING.md, section 4)::

    python scripts/published_ids.py                 # check, one line per problem
    python scripts/published_ids.py --record        # record the current versions' ids
    python scripts/published_ids.py --record --retire pln-design:DES-04=DES-09
    python scripts/published_ids.py --record --retire pln-design:DES-04   # no successor
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RECORD = ROOT / "plnlib" / "content" / "published-ids.json"
HOW = "see CONTRIBUTING.md, 'Adding or changing a checklist item'"

#: checklist id -> (version, item ids in order)
Current = Mapping[str, tuple[int, Sequence[str]]]


def current_checklists() -> dict[str, tuple[int, list[str]]]:
    """The shipped checklists' versions and item ids."""
    sys.path.insert(0, str(ROOT))
    from plnlib.io.content import checklist_ids, load_checklist

    return {
        cid: (load_checklist(cid).version, list(load_checklist(cid).item_ids))
        for cid in checklist_ids()
    }


def load_record(path: Path = RECORD) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def problems(record: Mapping, current: Current) -> list[str]:
    """One line per way the checklists break the record (empty when they keep it)."""
    found = []
    for cid, (version, ids) in sorted(current.items()):
        entry = record.get(cid)
        if entry is None:
            found.append(
                f"{cid}: not in the published-id record; run "
                f"'python scripts/published_ids.py --record' ({HOW})"
            )
            continue
        versions = {int(v): list(vids) for v, vids in entry.get("versions", {}).items()}
        retired = entry.get("retired", {})
        latest = max(versions, default=0)
        now = set(ids)
        if version < latest:
            found.append(
                f"{cid}: version {version} is lower than the published version {latest}; "
                "versions only go up"
            )
        if version in versions and set(versions[version]) != now:
            gone = sorted(set(versions[version]) - now)
            added = sorted(now - set(versions[version]))
            change = "; ".join(
                part
                for part in (
                    f"removed {', '.join(gone)}" if gone else "",
                    f"added {', '.join(added)}" if added else "",
                )
                if part
            )
            found.append(
                f"{cid}: item ids changed without a version bump ({change}); raise 'version' "
                f"to {latest + 1} in its YAML and record it ({HOW})"
            )
        elif version not in versions and version > latest:
            found.append(
                f"{cid}: version {version} is not recorded yet; run "
                f"'python scripts/published_ids.py --record' ({HOW})"
            )
        published = {i for vids in versions.values() for i in vids}
        for item in sorted(published - now - set(retired)):
            if version in versions and item in versions[version]:
                continue  # already reported as a change without a version bump
            found.append(
                f"{cid}: {item} was published and has disappeared; saved answers refer to it. "
                f"Put it back, or record it as retired: 'python scripts/published_ids.py "
                f"--record --retire {cid}:{item}=NEW-ID' (or without =NEW-ID) ({HOW})"
            )
        for item, info in sorted(retired.items()):
            if item in now:
                found.append(f"{cid}: {item} is retired and must not be used again; give a new id")
            successor = info.get("replaced_by") if isinstance(info, dict) else None
            if successor is not None and successor not in now:
                found.append(
                    f"{cid}: {item} is recorded as replaced by {successor}, which the "
                    "checklist does not have"
                )
    return found


def record_current(record: dict, current: Current, retire: Sequence[str] = ()) -> dict:
    """The record with the current versions added and ``retire`` entries (``cid:ID[=NEW]``)."""
    out = json.loads(json.dumps(record))
    for cid, (version, ids) in sorted(current.items()):
        entry = out.setdefault(cid, {"versions": {}, "retired": {}})
        recorded = entry["versions"].get(str(version))
        if recorded is not None and set(recorded) != set(ids):
            raise SystemExit(
                f"{cid}: version {version} is already recorded with other ids; raise the "
                "checklist's version instead of changing a published one"
            )
        entry["versions"][str(version)] = list(ids)
    for spec in retire:
        cid, _, rest = spec.partition(":")
        item, _, successor = rest.partition("=")
        if cid not in out or not item:
            raise SystemExit(f"--retire {spec}: expected CHECKLIST:ID or CHECKLIST:ID=NEW-ID")
        version = current[cid][0]
        out[cid].setdefault("retired", {})[item] = {
            "version": version,
            "replaced_by": successor or None,
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="published_ids.py", description=__doc__.split("\n")[0])
    parser.add_argument("--record", action="store_true", help="add the current versions")
    parser.add_argument("--retire", action="append", default=[], metavar="CHECKLIST:ID[=NEW-ID]")
    args = parser.parse_args(argv)
    current = current_checklists()
    record = load_record()
    if args.record:
        record = record_current(record, current, args.retire)
        RECORD.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
        print(f"recorded {RECORD.relative_to(ROOT)}")
    found = problems(record, current)
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
