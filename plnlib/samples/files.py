"""The shipped sample files: one registry, one way to find them.

Every file here is synthetic (see ``README.md`` in this folder). Find one with
:func:`sample_path`, and tell whether a user's path is one of them with
:func:`is_sample` (reports made from a sample say the data are synthetic).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from plnlib.errors import DataError

__all__ = ["SAMPLE_FILES", "is_sample", "sample_path"]

#: Every shipped sample file, with what it holds.
SAMPLE_FILES: dict[str, str] = {
    "network_nodes.csv": "38 invented people in five schools (id, school, role, pln_member)",
    "network_edges.csv": "their advice and information ties in two waves",
    "monitoring_answers.csv": "12 invented schools x 3 waves, knowledge-mobilisation answers",
    "monitoring_rosters.csv": "staff numbers of those schools per wave",
}


def sample_path(name: str) -> Path:
    """The path of a shipped sample file.

    Examples
    --------
    >>> sample_path("network_edges.csv").name
    'network_edges.csv'
    >>> sample_path("nope.csv")
    Traceback (most recent call last):
    ...
    plnlib.errors.DataError: Expected the name of a sample file ...
    """
    if name not in SAMPLE_FILES:
        raise DataError(
            f"expected the name of a sample file ({', '.join(SAMPLE_FILES)}), found {name!r}",
            fix="Use one of the names listed.",
        )
    return Path(str(resources.files("plnlib.samples") / name))


def is_sample(path: str | Path) -> bool:
    """True when ``path`` is one of the shipped (synthetic) sample files.

    Examples
    --------
    >>> is_sample(sample_path("monitoring_answers.csv")), is_sample("my-answers.csv")
    (True, False)
    """
    try:
        return Path(path).resolve() in {sample_path(n).resolve() for n in SAMPLE_FILES}
    except OSError:
        return False
