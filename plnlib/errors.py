"""The one family of errors plnlib raises for problems a user can cause.

Every message says what was expected, what was found, where, and how to fix it.
The command line and the widgets show the message, never a traceback.
"""

from __future__ import annotations

__all__ = ["ContentError", "DataError", "PlnError"]


class PlnError(Exception):
    """Base class of every error a user of plnlib can cause and fix.

    Parameters
    ----------
    what
        What went wrong, as expected versus found.
    where
        The file, row, column or item the problem is in (may be empty).
    fix
        What the user can do about it (may be empty).

    Examples
    --------
    >>> err = PlnError("expected a number from 1 to 4, found 'seven'",
    ...                where="answers.csv, row 3, column D1", fix="Type a number from 1 to 4.")
    >>> print(err)
    answers.csv, row 3, column D1: expected a number from 1 to 4, found 'seven'. Type a number from 1 to 4.
    """

    def __init__(self, what: str, *, where: str = "", fix: str = "") -> None:
        self.what = what.rstrip(".")
        self.where = where
        self.fix = fix
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The whole message in one paragraph: where, what, how to fix."""
        text = (
            f"{self.where}: {self.what}."
            if self.where
            else f"{self.what[:1].upper()}{self.what[1:]}."
        )
        if self.fix:
            text += f" {self.fix}"
        return text

    def __str__(self) -> str:
        return self.message


class DataError(PlnError):
    """A problem in data the user supplied (answers, rosters, network files)."""


class ContentError(PlnError):
    """A problem in the handbook's content files (checklists, scales, schema)."""
