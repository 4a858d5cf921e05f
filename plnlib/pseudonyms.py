"""Stable pseudonymous codes for people, applied before any chart, table or report.

People in network and survey data are shown as codes (``P001``, ``P002``, ...)
unless the user asks for names. The codes are

- **stable**: the same set of names (ignoring case and surrounding spaces) and
  the same key always give the same codes, on any machine and in any run;
- **not alphabetical**: names are put in the order of a keyed hash
  (HMAC-SHA256 of the normalised name) and numbered in that order, so a code
  says nothing about where a name falls in the alphabet or in the input file;
- **only as secret as the key**: without a key, plnlib uses a fixed, public
  key. Anyone who has the full list of names and plnlib can then recompute the
  codes. When codes are shared beyond the people who already hold the data,
  pass a ``key`` that only the network lead keeps (any passphrase).

``method="hash"`` gives each person a code that depends on their name and the
key only (``P-3F9A1C``), so codes stay the same when people join or leave
between waves; ``method="order"`` (the default) gives short numbered codes
for one data set, which is what reports and charts use.

This module is core: no file I/O, no printing.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from plnlib.errors import DataError
from plnlib.helpers import column_key

__all__ = [
    "DEFAULT_KEY",
    "IDENTIFYING_COLUMNS",
    "apply_pseudonyms",
    "normalise_name",
    "pseudonym_codes",
]

#: The public key used when the user gives none (stable, but not secret).
DEFAULT_KEY = "plnlib-pseudonyms-v1"

#: Column names (compared ignoring case, spaces, ``-`` and ``_``) that identify
#: people and are dropped from tables when pseudonyms are applied.
IDENTIFYING_COLUMNS: frozenset[str] = frozenset(
    {
        "id",
        "identifier",
        "person",
        "personid",
        "nodeattribute",
        "respondentid",
        "name",
        "names",
        "fullname",
        "firstname",
        "lastname",
        "givenname",
        "surname",
        "familyname",
        "forename",
        "email",
        "emailaddress",
        "mail",
        "phone",
        "telephone",
        "mobile",
        "staffid",
        "staffnumber",
        "employeeid",
        "username",
        "login",
        "respondent",
        "respondentname",
    }
)

_METHODS = ("order", "hash")


def normalise_name(name: object) -> str:
    """Return the matching form of a name: surrounding spaces removed, runs of
    spaces made one, case folded.

    Examples
    --------
    >>> normalise_name("  Anna   Smith ")
    'anna smith'
    >>> normalise_name("ANNA") == normalise_name(" anna")
    True
    """
    return " ".join(str(name).split()).casefold()


def _digest(key: bytes, name: str) -> str:
    return hmac.new(key, name.encode("utf-8"), hashlib.sha256).hexdigest()


def pseudonym_codes(
    names: Iterable[object],
    *,
    key: str | bytes | None = None,
    prefix: str = "P",
    method: str = "order",
) -> dict[str, str]:
    """Map each distinct name to a stable pseudonymous code.

    Parameters
    ----------
    names
        People's names or identifiers, in any order, repeats allowed. Names
        that differ only in case or surrounding spaces are the same person.
    key
        A secret passphrase; ``None`` uses :data:`DEFAULT_KEY` (public).
    prefix
        The start of every code.
    method
        ``"order"``: numbered codes ``P001``, ``P002``, ... in keyed-hash order
        (at least three digits). ``"hash"``: ``P-`` followed by the first six
        hexadecimal digits of the keyed hash (more if two people would clash).

    Returns
    -------
    dict
        Every name exactly as given (each spelling) mapped to its code.

    Raises
    ------
    DataError
        If ``method`` is unknown.

    Examples
    --------
    >>> codes = pseudonym_codes(["Anna", "Ben", " anna ", "Carla"])
    >>> sorted(set(codes.values()))
    ['P001', 'P002', 'P003']
    >>> codes["Anna"] == codes[" anna "]
    True
    >>> codes == pseudonym_codes(["Carla", "Ben", "Anna", " anna "])
    True
    >>> pseudonym_codes(["Anna"], method="hash")["Anna"].startswith("P-")
    True
    """
    if method not in _METHODS:
        raise DataError(
            f"expected a pseudonym method of {' or '.join(map(repr, _METHODS))}, found {method!r}",
            fix="Use method='order' (P001, P002, ...) or method='hash'.",
        )
    raw_key = DEFAULT_KEY if key is None else key
    key_bytes = raw_key.encode("utf-8") if isinstance(raw_key, str) else bytes(raw_key)
    spellings: dict[str, str] = {}
    for name in names:
        if name is None or (isinstance(name, float) and pd.isna(name)):
            continue
        spellings.setdefault(str(name), normalise_name(name))
    people = sorted(set(spellings.values()), key=lambda n: (_digest(key_bytes, n), n))
    code_of: dict[str, str] = {}
    if method == "order":
        width = max(3, len(str(len(people))))
        code_of = {person: f"{prefix}{i:0{width}d}" for i, person in enumerate(people, start=1)}
    else:
        digests = {person: _digest(key_bytes, person).upper() for person in people}
        length = 6
        while len({d[:length] for d in digests.values()}) < len(digests):
            length += 2
        code_of = {person: f"{prefix}-{d[:length]}" for person, d in digests.items()}
    return {spelling: code_of[person] for spelling, person in spellings.items()}


def apply_pseudonyms(
    frame: pd.DataFrame,
    codes: Mapping[str, str],
    *,
    columns: Sequence[str],
    drop_identifying: bool = True,
) -> pd.DataFrame:
    """Return a copy of ``frame`` with names in ``columns`` replaced by codes.

    Columns that identify people (see :data:`IDENTIFYING_COLUMNS`) and are not
    among ``columns`` are dropped when ``drop_identifying`` is true.

    Raises
    ------
    DataError
        If a name in one of ``columns`` has no code.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"source": ["Anna"], "target": ["Ben"], "email": ["a@x.org"]})
    >>> codes = pseudonym_codes(["Anna", "Ben"])
    >>> out = apply_pseudonyms(df, codes, columns=["source", "target"])
    >>> list(out.columns), out.loc[0, "source"] == codes["Anna"]
    (['source', 'target'], True)
    """
    out = frame.copy()
    by_norm = {normalise_name(k): v for k, v in codes.items()}
    for column in columns:
        if column not in out.columns:
            continue
        values = out[column]
        mapped = values.map(
            lambda v: None if pd.isna(v) else codes.get(str(v), by_norm.get(normalise_name(v)))
        )
        missing = values.notna() & mapped.isna()
        if missing.any():
            first = int(missing.to_numpy().nonzero()[0][0])
            raise DataError(
                f"expected every name in column {column!r} to have a pseudonym, "
                f"found {int(missing.sum())} without one",
                where=f"row {first + 2}, column {column}",
                fix="Make the codes from every name that appears (pseudonym_codes of all names).",
            )
        out[column] = mapped.astype("object")
    if drop_identifying:
        keep = [c for c in out.columns if c in columns or column_key(c) not in IDENTIFYING_COLUMNS]
        out = out[keep]
    return out
