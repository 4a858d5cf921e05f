"""The crash guard's file: what went wrong inside plnlib, saved for a bug report.

When the ``plnlib`` command or a widget meets an error that is not the user's
(anything but a :class:`plnlib.PlnError`), it saves the details here and shows a
short message instead of a traceback. The file goes to the system's temporary
folder (:func:`tempfile.gettempdir`), never beside the user's data, and the
command line is saved with every file path reduced to its name.
"""

from __future__ import annotations

import os
import platform
import re
import sys
import tempfile
import traceback
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path

from plnlib.version import __version__

__all__ = ["ISSUES_URL", "crash_message", "crash_report", "reduce_paths", "save_crash_report"]

#: Where to report a bug (the "Report a problem with a tool" form).
ISSUES_URL = "https://github.com/pln-handbook/pln-handbook/issues/new?template=tool-bug.yml"


# an absolute or home-relative path in a message: /a/b.csv, ~/b.csv, C:\\a\\b.csv
_PATH = re.compile(r"(?<![\w.])(?:~|[A-Za-z]:)?(?:[/\\][^\s'\"/\\]+)+[/\\]?")


def _reduce(arg: str) -> str:
    if "=" in arg and arg.startswith("-"):
        option, _, value = arg.partition("=")
        return f"{option}={_reduce(value)}"
    if "/" in arg or "\\" in arg or arg.startswith("~"):
        name = arg.replace("\\", "/").rstrip("/").rpartition("/")[2]
        return name or "<folder>"
    return arg


def reduce_paths(argv: Sequence[str]) -> list[str]:
    """The command line with every file path reduced to its name.

    Examples
    --------
    >>> reduce_paths(["score", "x", "/home/ana/staff survey/answers.csv", "-o=C:\\\\data\\\\s.csv"])
    ['score', 'x', 'answers.csv', '-o=s.csv']
    """
    return [_reduce(str(arg)) for arg in argv]


def _traceback_text(error: BaseException) -> str:
    """The traceback, with paths in messages reduced to names (source file lines kept)."""
    out = []
    for chunk in traceback.TracebackException.from_exception(error).format():
        for line in chunk.splitlines(keepends=True):
            keep = line.startswith('  File "')
            out.append(line if keep else _PATH.sub(lambda m: _reduce(m.group(0)), line))
    return "".join(out)


def crash_report(error: BaseException, *, where: str, argv: Sequence[str] = ()) -> str:
    """The text saved for a bug report: versions, the command line, the traceback.

    Full paths named on the command line, and the home folder, are replaced by
    names in the whole text, the traceback included.

    Examples
    --------
    >>> try:
    ...     raise RuntimeError("cannot score /home/ana/answers.csv")
    ... except RuntimeError as err:
    ...     text = crash_report(err, where="plnlib score", argv=["/home/ana/answers.csv"])
    >>> "RuntimeError: cannot score answers.csv" in text, "/home/ana" in text
    (True, False)
    """
    lines = [
        f"plnlib {__version__} crash report ({where})",
        f"when: {datetime.now(timezone.utc).isoformat(timespec='seconds')}",
        f"python: {platform.python_version()} ({sys.implementation.name})",
        f"system: {platform.system()} {platform.release()}",
        f"command: {' '.join(reduce_paths(argv)) if argv else '-'}",
        "",
        _traceback_text(error),
    ]
    text = "\n".join(lines)
    for arg in argv:
        for value in (str(arg), str(arg).partition("=")[2]):
            reduced = _reduce(value)
            if value and reduced != value:
                text = text.replace(value, reduced)
    home = os.path.expanduser("~")
    if home not in ("", "~", "/"):
        text = text.replace(home, "~")
    return text


def save_crash_report(error: BaseException, *, where: str, argv: Sequence[str] = ()) -> Path | None:
    """Save :func:`crash_report` to a new file in the temporary folder; ``None`` if it fails."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    try:
        fd, name = tempfile.mkstemp(
            prefix=f"plnlib-crash-{stamp}-", suffix=".txt", dir=tempfile.gettempdir()
        )
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(crash_report(error, where=where, argv=argv))
    except Exception:  # the guard itself must never fail
        return None
    return Path(name)


def crash_message(error: BaseException, path: Path | None, *, where: str) -> str:
    """The short message shown instead of a traceback.

    Examples
    --------
    >>> print(crash_message(KeyError("x"), Path("/tmp/plnlib-crash-1.txt"), where="plnlib list"))
    plnlib list: something went wrong inside plnlib (KeyError). This is a bug in plnlib,
    not a problem with your files or what you typed.
    The details are saved in /tmp/plnlib-crash-1.txt (read it before sharing it:
    it may quote a value from your data).
    Please report it at https://github.com/pln-handbook/pln-handbook/issues/new?template=tool-bug.yml
    and attach that file.
    """
    saved = (
        f"The details are saved in {path} (read it before sharing it:\n"
        "it may quote a value from your data)."
        if path is not None
        else "The details could not be saved (the temporary folder is not writable)."
    )
    attach = "and attach that file." if path is not None else "and say what you ran."
    return (
        f"{where}: something went wrong inside plnlib ({type(error).__name__}). "
        "This is a bug in plnlib,\nnot a problem with your files or what you typed.\n"
        f"{saved}\nPlease report it at {ISSUES_URL}\n{attach}"
    )
