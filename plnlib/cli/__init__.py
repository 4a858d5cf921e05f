"""The ``plnlib`` command. The only place that prints and sets exit codes.

Each subcommand lives in its own module and is listed in ``_SUBCOMMANDS``;
a module exposes ``add_parser(subparsers)`` which sets ``func`` on its parser.
``func(args)`` returns an exit status. A :class:`plnlib.PlnError` becomes a
one-paragraph message on stderr and exit status 2, never a traceback. Any other
exception is a bug in plnlib: the crash guard saves the details to a file in
the temporary folder (:mod:`plnlib.io.crashes`), prints a short message saying
where and how to report it, and exits with status 1. Ctrl+C exits with 130.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from plnlib.errors import PlnError
from plnlib.io.crashes import crash_message, save_crash_report
from plnlib.version import __version__

__all__ = ["main"]

# module names under plnlib.cli, each adding one or more subcommands
_SUBCOMMANDS: tuple[str, ...] = ("checklists", "networks", "report", "planning")


class _Parser(argparse.ArgumentParser):
    """argparse with our exit status (2) and a hint on where to get help."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {message}. Run '{self.prog} --help' for the options.\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``plnlib`` command."""
    parser = _Parser(
        prog="plnlib",
        description="Tools of The PLN Handbook: checklists, team scoring, survey reports "
        "with privacy built in, and advice-network maps.",
        epilog="Every command reads only the files you name and writes only where you say (-o).",
    )
    parser.add_argument("--version", action="version", version=f"plnlib {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
    for name in _SUBCOMMANDS:
        importlib.import_module(f"plnlib.cli.{name}").add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 done, 1 a bug, 2 a user error)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        return _run(args_list)
    except KeyboardInterrupt:
        print("plnlib: stopped.", file=sys.stderr)
        return 130
    except Exception as err:  # the crash guard: a bug in plnlib, never a traceback
        command = next((a for a in args_list if not a.startswith("-")), "")
        where = f"plnlib {command}".strip()
        path = save_crash_report(err, where=where, argv=args_list)
        print(crash_message(err, path, where=where), file=sys.stderr)
        return 1


def _run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 0
    try:
        return int(func(args) or 0)
    except PlnError as err:
        print(f"plnlib {args.command_name}: {err.message}", file=sys.stderr)
        return 2
    except OSError as err:
        where = f" '{err.filename}'" if getattr(err, "filename", None) else ""
        print(
            f"plnlib {getattr(args, 'command_name', '')}: could not read or write{where}: "
            f"{err.strerror or err}. Check the path and that you may read or write it.",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
