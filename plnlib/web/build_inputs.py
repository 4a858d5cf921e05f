"""The files a tool notebook's results depend on besides its own code (no imports: fast).

jupyter-cache decides whether to run a notebook again from the notebook's own code cells
only. ``scripts/notebook_cache.py`` (run by ``make book``) hashes these files and empties
the cache when they change; the Sphinx extension makes the notebook pages depend on them.
The script loads this file by its path, so it does not import plnlib (pandas, altair)
just to list files.

Left out: the vendored assets, and the modules that only the book build runs (the
Sphinx extensions: a module that imports Sphinx or docutils), so that editing how pages
are put together does not run every notebook again.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

__all__ = ["inputs_hash", "notebook_inputs"]

_PLNLIB = Path(__file__).resolve().parents[1]
_SUFFIXES = {".py", ".yaml", ".json", ".csv"}
_BUILD_ONLY = re.compile(r"^\s*(?:from|import)\s+(?:sphinx|docutils)\b", re.M)


def _build_only(path: Path) -> bool:
    return path.suffix == ".py" and bool(_BUILD_ONLY.search(path.read_text(encoding="utf-8")))


def notebook_inputs(root: Path = _PLNLIB) -> list[Path]:
    """plnlib's code and content under ``root``, without assets and build-only modules.

    Examples
    --------
    >>> names = {p.name for p in notebook_inputs()}
    >>> "scoring.py" in names and "pln-design.yaml" in names
    True
    >>> "sphinx.py" in names
    False
    """
    return sorted(
        p
        for p in root.rglob("*")
        if p.suffix in _SUFFIXES
        and p.is_file()
        and not {"assets", "__pycache__"} & set(p.relative_to(root).parts)
        and not _build_only(p)
    )


def inputs_hash(paths: list[Path], root: Path) -> str:
    """One SHA-256 over the files' paths (relative to ``root``) and contents.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "a.py").write_text("x = 1")
    >>> h1 = inputs_hash([d / "a.py"], d)
    >>> _ = (d / "a.py").write_text("x = 2")
    >>> h1 != inputs_hash([d / "a.py"], d)
    True
    """
    digest = hashlib.sha256()
    for path in paths:
        rel = path.relative_to(root).as_posix()
        digest.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
