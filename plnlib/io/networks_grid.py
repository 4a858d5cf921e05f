"""Read a network survey made with Google Forms (a grid question) as a tie table.

Google Forms writes a grid question as one column per row of the grid,
``Question [Row]``: here one column per colleague, e.g.
``Who do you go to for advice about teaching? [Ana Pérez]``. Each cell holds

- for a **multiple-choice grid**, how often: a frequency word ("Weekly",
  "Monthly", "Never", or the same in Spanish, French, German, Dutch or
  Portuguese) or a number; blank or "Never" = no tie;
- for a **checkbox grid**, the kinds of relation ticked, joined by ", "
  ("Advice, Ideas"); each kind becomes a relation.

Several grid questions in one file each become their own relation, named by
the question. The respondent column is the one the user names, else the
first of "Your name", "Name", ... (an e-mail address column only when there
is no name column); the school (and role) column is found by name or given.
A colleague who did not answer is kept as a person without attributes. No
message quotes a cell of the respondent column (it may hold e-mail addresses).
"""

from __future__ import annotations

import re

import pandas as pd

from plnlib.errors import DataError
from plnlib.helpers import column_key, plural
from plnlib.networks.clean import named_column
from plnlib.networks.values import frequency_word, tidy

__all__ = ["GRID_COLUMN", "grid_questions", "grid_ties", "is_grid"]

#: A Google Forms grid column: the question, then the grid row in brackets.
GRID_COLUMN = re.compile(r"^\s*(?P<question>.*?\S)\s*\[(?P<person>[^\[\]]+)\]\s*$")

#: Respondent columns, best first (compared with :func:`column_key`).
_RESPONDENT = (
    "respondent",
    "yourname",
    "name",
    "fullname",
    "yourfullname",
    "whatisyourname",
    "nombre",
    "tunombre",
    "nombreyapellidos",
    "nom",
    "votrenom",
    "nome",  # codespell:ignore nome
    "naam",
    "emailaddress",
    "email",
    "direcciondecorreoelectronico",
    "correoelectronico",
    "adressee-mail",
    "adresseemail",
    "endereçodeemail",
    "enderecodeemail",
    "emailadresse",
    "e-mailadres",
    "emailadres",
)
_NAME_WORDS = r"\b(name|nombre|nom|naam|nome)\b"  # codespell:ignore nome
#: Words that make a column the school (or role) column.
_SCHOOL = ("school", "escuela", "colegio", "centro", "ecole", "école", "schule", "escola")
_ROLE = (
    "role",
    "rol",
    "cargo",
    "fonction",  # codespell:ignore fonction
    "funktion",  # codespell:ignore funktion
    "rolle",
    "functie",
    "funcao",
    "função",
)  # codespell:ignore fonction,funktion
_SPLIT = re.compile(r"\s*[,;]\s*")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def grid_questions(frame: pd.DataFrame) -> dict[str, list[tuple[str, str]]]:
    """Question -> its (column, person) pairs, for questions with at least two grid columns.

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame(columns=["Your name", "Advice? [Ana]", "Advice? [Ben]", "Note [x]"])
    >>> grid_questions(f)
    {'Advice?': [('Advice? [Ana]', 'Ana'), ('Advice? [Ben]', 'Ben')]}
    """
    found: dict[str, list[tuple[str, str]]] = {}
    for column in frame.columns:
        match = GRID_COLUMN.match(str(column))
        if match:
            question = tidy(match["question"])
            found.setdefault(question, []).append((str(column), tidy(match["person"])))
    return {q: cols for q, cols in found.items() if len(cols) >= 2}


def is_grid(frame: pd.DataFrame) -> bool:
    """True when the table has a Google Forms grid question (``Question [Person]`` columns)."""
    return bool(grid_questions(frame))


def _blank(value: object) -> bool:
    return (
        value is None or (not isinstance(value, str) and pd.isna(value)) or not str(value).strip()
    )


def _find(frame: pd.DataFrame, given: str | None, words: tuple[str, ...], what: str, where: str):
    grid = {c for cols in grid_questions(frame).values() for c, _ in cols}
    if given is not None:
        return named_column(
            frame, given, what=what, where=where, fix=f"Give the name of the column of {what}."
        )
    for column in frame.columns:
        text = str(column).casefold()
        if column not in grid and any(re.search(rf"\b{w}\b", text) for w in words):
            return str(column)
    return None


def _respondent(frame: pd.DataFrame, given: str | None, where: str) -> str:
    if given is not None:
        return named_column(
            frame,
            given,
            what="each respondent",
            where=where,
            fix="Give the name of the column that holds the respondents' names "
            "(e.g. --respondent 'Your name').",
        )
    keys = {column_key(c): str(c) for c in frame.columns}
    for key in _RESPONDENT:
        if column_key(key) in keys:
            return keys[column_key(key)]
    for column in frame.columns:  # "Your name (first and last)", "Nombre completo"...
        text = str(column).casefold()
        if not GRID_COLUMN.match(str(column)) and re.search(_NAME_WORDS, text):
            return str(column)
    raise DataError(
        "expected a column naming each respondent (such as 'Your name' or 'Email address') "
        f"next to the grid, found columns {[str(c) for c in frame.columns if not GRID_COLUMN.match(str(c))]}",
        where=where,
        fix="Name the respondent column with --respondent COLUMN.",
    )


def _rows_text(rows: list[int]) -> str:
    return f"{'row' if len(rows) == 1 else 'rows'} {', '.join(map(str, rows))}"  # every row


def _cell_kind(frame: pd.DataFrame, columns: list[str]) -> str:
    """``frequency`` or ``checkbox``, from the words in the question's cells."""
    parts: set[str] = set()
    lists = False
    for column in columns:
        for value in frame[column].dropna():
            bits = [b for b in _SPLIT.split(str(value).strip()) if b]
            lists |= len(bits) > 1
            parts.update(bits)
    known = {p for p in parts if _strength(p) is not None}
    # a list of words in one cell is a checkbox grid; single words are read as
    # frequencies, and words plnlib does not know are reported (never guessed)
    return "checkbox" if lists and len(known) < len(parts) else "frequency"


def _strength(text: str) -> float | None:
    word = frequency_word(text)
    if word is not None:
        return word
    try:
        number = float(tidy(text).replace(",", "."))
    except ValueError:
        return None
    return number if number >= 0 and number == number and number != float("inf") else None


#: Words that name a relation, looked for in a question to give it a short name.
_RELATIONS = (
    "advice",
    "ideas",
    "information",
    "help",
    "support",
    "feedback",
    "collaboration",
    "friendship",
    "resources",
    "planning",
    "consejo",
    "consejos",
    "ayuda",
    "conseil",
    "conseils",
    "rat",
    "advies",
    "conselho",
)


def relation_names(questions: list[str]) -> dict[str, str]:
    """A short relation name for each question: a relation word it holds ("advice"),
    else (or when two questions would share a name) the question without its "?".

    Examples
    --------
    >>> relation_names(["Who do you go to for advice about teaching?", "Who do you share ideas with?"])
    {'Who do you go to for advice about teaching?': 'advice', 'Who do you share ideas with?': 'ideas'}
    >>> relation_names(["Advice about teaching?", "Advice about pupils?"])
    {'Advice about teaching?': 'Advice about teaching', 'Advice about pupils?': 'Advice about pupils'}
    """
    short = {}
    for question in questions:
        words = re.findall(r"\w+", question.casefold())
        short[question] = next((w for w in words if w in _RELATIONS), "")
    counts = pd.Series(list(short.values())).value_counts()
    return {
        q: name if name and counts[name] == 1 else (q.rstrip(" ?:").strip() or q)
        for q, name in short.items()
    }


def grid_ties(
    frame: pd.DataFrame,
    where: str,
    *,
    respondent: str | None = None,
    school: str | None = None,
    relation: str = "advice",
    cells: str = "auto",
) -> pd.DataFrame:
    """The ties of a Google Forms grid export, with the people and notes in ``attrs``.

    ``attrs["people"]`` is a people table (``id``, and ``school``/``role`` when
    found) of the respondents; ``attrs["notes"]`` are plain sentences about
    what was read. ``cells`` is ``"frequency"``, ``"checkbox"`` or ``"auto"``.

    Raises
    ------
    DataError
        For a missing respondent column, unknown frequency words (each named
        once, with every row it is in), or a respondent who answered twice.
    """
    if cells not in ("auto", "frequency", "checkbox"):
        raise DataError(
            f"expected grid cells of 'frequency', 'checkbox' or 'auto', found {cells!r}",
            where=where,
        )
    questions = grid_questions(frame)
    who = _respondent(frame, respondent, where)
    school_col = _find(frame, school, _SCHOOL, "each respondent's school", where)
    role_col = _find(frame, None, _ROLE, "roles", where)
    # a respondent listed in the grid is written as the form writes them
    listed = {p.casefold(): p for cols in questions.values() for _, p in cols}
    names = frame[who].map(lambda v: "" if _blank(v) else listed.get(tidy(v).casefold(), tidy(v)))
    rows, unknown, notes = [], {}, []
    labels = relation_names(list(questions))
    for question, columns in questions.items():
        kind = _cell_kind(frame, [c for c, _ in columns]) if cells == "auto" else cells
        base = relation if len(questions) == 1 else labels[question]
        for i, record in enumerate(frame.to_dict("records")):
            for column, person in columns:
                value = record[column]
                if _blank(value):
                    continue
                if kind == "checkbox":
                    for part in (b for b in _SPLIT.split(str(value).strip()) if b):
                        name = part if len(questions) == 1 else f"{base}: {part}"
                        rows.append((names[i], person, 1.0, i + 2, name))
                    continue
                strength = _strength(str(value))
                if strength is None:
                    unknown.setdefault(tidy(value), []).append(i + 2)
                elif strength > 0:
                    rows.append((names[i], person, strength, i + 2, base))
        how = "the relations ticked" if kind == "checkbox" else f"how often (relation {base!r})"
        notes.append(
            f"grid question {question!r}: {plural(len(columns), 'colleague column')}, read as {how}"
        )
    if unknown:
        listed = "; ".join(f"{w!r} ({_rows_text(r)})" for w, r in unknown.items())
        raise DataError(
            f"expected how often (a word such as 'Weekly', 'Monthly', 'Never', or a number), "
            f"found {plural(len(unknown), 'word')} plnlib does not know: {listed}",
            where=where,
            fix="Replace them in the file with words such as Daily, Weekly, Monthly, Termly, "
            "Yearly, Never (or numbers, 0 = never); for a checkbox grid of relations, "
            "choose --grid-cells checkbox.",
        )
    filled = names[names != ""]
    twice = filled[filled.map(str.casefold).duplicated(keep=False)]
    if len(twice):
        rows_twice = [int(i) + 2 for i in twice.index]
        raise DataError(
            f"expected each respondent once, found {plural(len(twice), 'row')} of respondents "
            "who answered more than once (names compared ignoring case)",
            where=f"{where}, {_rows_text(rows_twice)}, column {who}",
            fix="Delete the earlier answers of anyone who sent the form twice, then try again.",
        )
    if filled.map(lambda v: bool(_EMAIL.fullmatch(v))).any():
        notes.append(
            f"respondents are named by e-mail address (column {who!r}): they are matched to "
            "colleague columns only if those use the same addresses"
        )
    people = pd.DataFrame({"id": filled.to_numpy(dtype=object)})
    for column, label in ((school_col, "school"), (role_col, "role")):
        if column is not None:
            people[label] = [
                None if _blank(v) else tidy(v) for v in frame.loc[filled.index, column]
            ]
            notes.append(f"{label} read from column {column!r}")
    answered = set(filled.map(str.casefold))
    alters = dict.fromkeys(
        p for cols in questions.values() for _, p in cols if p.casefold() not in answered
    )
    if alters:  # colleagues in the grid who did not answer are people too, without a school
        people = pd.concat([people, pd.DataFrame({"id": list(alters)})], ignore_index=True)
        notes.append(
            f"{plural(len(alters), 'colleague')} in the grid did not answer: kept in the "
            "network, with no school or role"
        )
    ties = pd.DataFrame(rows, columns=["source", "target", "weight", "row", "relation"])
    ties.attrs["people"] = people
    ties.attrs["notes"] = notes
    return ties
