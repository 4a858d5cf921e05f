"""Reading cell values: tie strengths, yes/no, natural order (private helpers)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from plnlib.errors import DataError

__all__ = [
    "FREQUENCY_WORDS",
    "FREQUENCY_WORDS_OTHER",
    "frequency_word",
    "natural_sort",
    "parse_strength",
    "parse_yes_no",
    "tidy",
]

#: Words a survey may use for how often two people talk, on a 0-4 scale
#: (0 = never, which means no tie). Matched ignoring case and spaces.
FREQUENCY_WORDS: Mapping[str, float] = {
    "never": 0,
    "not at all": 0,
    "no": 0,
    "false": 0,
    "rarely": 1,
    "yearly": 1,
    "once a year": 1,
    "a few times a year": 1,
    "termly": 1,
    "once a term": 1,
    "yes": 1,
    "true": 1,
    "x": 1,
    "monthly": 2,
    "once a month": 2,
    "a few times a month": 2,
    "weekly": 3,
    "once a week": 3,
    "a few times a week": 3,
    "several times a week": 3,
    "daily": 4,
    "every day": 4,
    "almost every day": 4,
}

#: The same scale in the languages of the handbook's readers (Spanish, French,
#: German, Dutch, Portuguese), for forms written in the respondents' language.
#: Matched ignoring case, spaces and accents ("Semanal" = "semanal").
FREQUENCY_WORDS_OTHER: Mapping[str, float] = {
    # Spanish
    "nunca": 0,
    "si": 1,
    "casi nunca": 1,
    "rara vez": 1,
    "anualmente": 1,
    "una vez al ano": 1,
    "trimestralmente": 1,
    "cada trimestre": 1,
    "mensual": 2,
    "mensualmente": 2,
    "una vez al mes": 2,
    "cada mes": 2,
    "semanal": 3,
    "semanalmente": 3,
    "una vez a la semana": 3,
    "cada semana": 3,
    "varias veces a la semana": 3,
    "a diario": 4,
    "diario": 4,
    "diariamente": 4,
    "todos los dias": 4,
    "casi todos los dias": 4,
    # French
    "jamais": 0,
    "non": 0,
    "oui": 1,
    "rarement": 1,
    "une fois par an": 1,
    "mensuel": 2,
    "mensuellement": 2,
    "une fois par mois": 2,
    "chaque mois": 2,
    "hebdomadaire": 3,
    "chaque semaine": 3,
    "une fois par semaine": 3,
    "quotidien": 4,
    "quotidiennement": 4,
    "tous les jours": 4,
    # German
    "nie": 0,
    "nein": 0,
    "ja": 1,
    "selten": 1,
    "jahrlich": 1,
    "monatlich": 2,
    "wochentlich": 3,
    "taglich": 4,
    # Dutch
    "nooit": 0,
    "nee": 0,
    "zelden": 1,
    "jaarlijks": 1,
    "maandelijks": 2,
    "wekelijks": 3,
    "dagelijks": 4,
    # Portuguese
    "nao": 0,
    "sim": 1,
    "raramente": 1,
    "mensalmente": 2,
    "uma vez por mes": 2,
    "uma vez por semana": 3,
    "todos os dias": 4,
}

_YES = {"yes", "y", "true", "t", "1", "member", "pln", "x"}
_NO = {"no", "n", "false", "f", "0", "not a member", "non-member", "nonmember"}


def natural_sort(values: Iterable[Any]) -> list[str]:
    """Sort strings with their numbers in number order ("2" before "10").

    Examples
    --------
    >>> natural_sort(["10", "2", "b", "a"])
    ['2', '10', 'a', 'b']
    """

    def key(text: str) -> tuple[tuple[int, int, str], ...]:
        parts = re.split(r"(\d+)", text)
        return tuple((0, int(p), "") if p.isdigit() else (1, 0, p.casefold()) for p in parts if p)

    return sorted((str(v) for v in values), key=key)


def tidy(value: object) -> str:
    return " ".join(str(value).split())


def _plain(text: str) -> str:
    """Lower case, single spaces, accents removed ("Semanal " -> "semanal", "Täglich" -> "taglich")."""
    decomposed = unicodedata.normalize("NFKD", tidy(text).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def frequency_word(value: object) -> float | None:
    """The strength a frequency word means (English or another language), or None.

    Examples
    --------
    >>> frequency_word("Weekly"), frequency_word("Semanalmente"), frequency_word("Täglich")
    (3.0, 3.0, 4.0)
    >>> frequency_word("Sometimes") is None
    True
    """
    text = _plain(str(value))
    found = FREQUENCY_WORDS.get(text, FREQUENCY_WORDS_OTHER.get(text))
    return None if found is None else float(found)


def parse_strength(value: object, *, where: str) -> float:
    """Read a tie strength: a number, or a frequency word (see ``FREQUENCY_WORDS``).

    Blank means 1 (the tie is there, strength not given).

    Examples
    --------
    >>> parse_strength("3", where="t"), parse_strength(" Weekly ", where="t"), parse_strength(None, where="t")
    (3.0, 3.0, 1.0)
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return 1.0
    text = tidy(value).casefold()
    if not text:
        return 1.0
    word = frequency_word(text)
    if word is not None:
        return word
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        raise DataError(
            f"expected a tie strength (a number, or a word such as 'weekly'), found {value!r}",
            where=where,
            fix="Use numbers (0 = never, higher = more often) or one of: "
            + ", ".join(sorted(set(FREQUENCY_WORDS))[:12])
            + ", ...",
        ) from None
    if not np.isfinite(number) or number < 0:
        raise DataError(
            f"expected a tie strength of 0 or more, found {value!r}",
            where=where,
            fix="Use 0 for no tie and positive numbers for ties.",
        )
    return number


def parse_yes_no(value: object, *, where: str) -> bool | None:
    """Read yes/no (``yes``, ``y``, ``true``, ``1``, ``no``, ...); blank is unknown.

    Examples
    --------
    >>> parse_yes_no("Yes", where="t"), parse_yes_no("0", where="t"), parse_yes_no("", where="t")
    (True, False, None)
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = tidy(value).casefold()
    if not text:
        return None
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise DataError(
        f"expected yes or no, found {value!r}",
        where=where,
        fix="Write yes or no (or 1 and 0) for each person; leave blank if not known.",
    )
