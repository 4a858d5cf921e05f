"""Read one or many answers files saved from the checklist pages (or by plnlib).

Each file is one person's answers in the format that
:func:`plnlib.io.responses.save_person_json` writes (``"format": "plnlib-answers"``).
A folder of colleagues' files is a team: :func:`read_saved_answers` gives the
tidy answers frame (``respondent``, ``item``, ``value``) with one respondent per
file, ready for :func:`plnlib.checklists.scoring.prepare_answers`.

Respondents are shown as pseudonymous codes (``P001``, ...), never as the
label typed in the file: a team result says nothing about who answered what.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from plnlib.checklists import Checklist
from plnlib.errors import DataError
from plnlib.io.responses import load_person_json
from plnlib.pseudonyms import pseudonym_codes

__all__ = ["DEFAULT_LABEL", "is_saved_answers_path", "read_saved_answers", "saved_answer_files"]

#: The respondent label the page writes when the reader gives none.
DEFAULT_LABEL = "me"


def is_saved_answers_path(path: str | Path) -> bool:
    """True for a ``.json`` file or a folder (the inputs :func:`read_saved_answers` takes).

    Examples
    --------
    >>> is_saved_answers_path("anna.json"), is_saved_answers_path("answers.csv")
    (True, False)
    """
    path = Path(path)
    return path.is_dir() or path.suffix.lower() == ".json"


def saved_answer_files(paths: Iterable[str | Path]) -> list[Path]:
    """The ``.json`` files named, and those directly inside the folders named, in order."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() == ".json" and p.is_file())
            if not found:
                raise DataError(
                    "expected saved answers (.json files) in the folder, found none",
                    where=str(path),
                    fix="Put the .json files saved from the checklist page into this folder.",
                )
            files += found
        elif path.suffix.lower() == ".json":
            if not path.exists():
                raise DataError("expected a saved answers file, found nothing", where=str(path))
            files.append(path)
        else:
            raise DataError(
                f"expected .json files saved from a checklist page, or a folder of them, "
                f"found '{path.name}'",
                where=str(path),
                fix="Give one table of answers on its own, or only .json files and folders.",
            )
    return files


def _checklist_version(path: Path) -> object:
    doc = json.loads(path.read_text(encoding="utf-8-sig"))
    return doc.get("checklist_version")


def _clean_answers(
    path: Path,
    checklist: Checklist,
    answers: dict[str, object],
    version: object,
    notes: list[str] | None = None,
) -> dict[str, object]:
    """The answers checked against the checklist; for an older version, a note in ``notes``.

    A file saved for an older version is read for the items that still exist,
    with a note naming the items added since. An id the checklist does not have
    is still an error (every published id stays, see scripts/published_ids.py).
    """
    unknown = [i for i in answers if i not in set(checklist.item_ids)]
    older = version not in (None, checklist.version)
    if older and notes is not None and not unknown:
        notes.append(checklist.older_version_note(version, answers, where=path.name))
    if unknown:
        raise DataError(
            f"expected item ids of the checklist '{checklist.id}' ({checklist.id_range}), "
            f"found unknown {', '.join(sorted(unknown))}"
            + (
                f" (the file is for version {version}; the checklist is now version "
                f"{checklist.version})"
                if older
                else ""
            ),
            where=path.name,
            fix="Open the file in the checklist page, which restores the answers that still "
            "apply, and save it again.",
        )
    for item_id, value in answers.items():
        checklist.scale.parse(value, where=f"{path.name}, answer to {item_id}")
    return answers


def read_saved_answers(paths: Iterable[str | Path], checklist: Checklist) -> pd.DataFrame:
    """Tidy answers (``respondent``, ``item``, ``value``) from saved answers files.

    ``paths`` are ``.json`` files and folders of them. Each file is one
    respondent, shown as a pseudonymous code.

    Raises
    ------
    DataError
        Naming the file: not JSON, not plnlib answers, for another checklist,
        an unknown item or answer, or the same respondent label in two files.
        Files with identical answers (perhaps a copy, perhaps two people who
        answered alike) are counted and named in ``frame.attrs["notes"]``.

    Examples
    --------
    >>> import tempfile
    >>> from plnlib.io.content import load_checklist
    >>> from plnlib.io.responses import save_person_json
    >>> c = load_checklist("pln-design")
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = save_person_json(folder / "a.json", c, {"DES-01": 4, "DES-02": 2})
    >>> _ = save_person_json(folder / "b.json", c, {"DES-01": 3, "DES-02": "dont_know"})
    >>> read_saved_answers([folder], c).groupby("respondent").size().tolist()
    [2, 2]
    """
    files = saved_answer_files(paths)
    people: list[tuple[Path, str, dict[str, object]]] = []
    version_notes: list[str] = []
    for path in files:
        cid, label, answers = load_person_json(path)
        if cid != checklist.id:
            raise DataError(
                f"expected answers to the checklist '{checklist.id}', found answers to '{cid}'",
                where=path.name,
                fix=f"Score this file with 'plnlib score {cid} ...', or leave it out.",
            )
        people.append(
            (
                path,
                label.strip(),
                _clean_answers(path, checklist, answers, _checklist_version(path), version_notes),
            )
        )
    notes = version_notes + _check_duplicates(people)
    keys = [label if label and label != DEFAULT_LABEL else str(path) for path, label, _ in people]
    codes = pseudonym_codes(keys)
    rows = [
        {"respondent": codes[key], "item": item, "value": value}
        for key, (_, _, answers) in zip(keys, people, strict=True)
        for item, value in answers.items()
    ]
    frame = pd.DataFrame(rows, columns=["respondent", "item", "value"], dtype=object)
    frame.attrs["notes"] = notes
    return frame


def _check_duplicates(people: list[tuple[Path, str, dict[str, object]]]) -> list[str]:
    """Raise for one label in two files; return notes on files with identical answers."""
    seen_label: dict[str, Path] = {}
    seen_answers: dict[str, Path] = {}
    notes: list[str] = []
    for path, label, answers in people:
        same = json.dumps(sorted((k, v) for k, v in answers.items() if v is not None))
        if label and label != DEFAULT_LABEL:
            other = seen_label.get(label.casefold())
            if other is not None:
                raise DataError(
                    f"expected one file per respondent, found the same respondent label in "
                    f"both {other.name} and {path.name} (the label is not shown here)",
                    where=path.name,
                    fix="Remove the copy, or keep only the newer file of this person.",
                )
            seen_label[label.casefold()] = path
        other = seen_answers.get(same)
        if other is not None:
            notes.append(
                f"{other.name} and {path.name} hold identical answers: if one is a copy of the "
                "other, remove it and score again (both are counted now)"
            )
        else:
            seen_answers[same] = path
    return notes
