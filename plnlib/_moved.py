"""Old import paths of modules that moved in plnlib 0.2, kept working for one release.

``import plnlib.scoring`` still works and gives the module at its new home
(:mod:`plnlib.checklists.scoring`), with a :class:`DeprecationWarning` that names
the new path. Remove this file, and its one line in ``plnlib/__init__.py``, in 0.3.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import warnings
from types import ModuleType

__all__ = ["MOVED", "install"]

#: old module path -> new module path
MOVED: dict[str, str] = {
    "plnlib.scoring": "plnlib.checklists.scoring",
    "plnlib.forms": "plnlib.checklists.forms",
    "plnlib.worksheets": "plnlib.web.worksheets",
    "plnlib.book_ext": "plnlib.web.sphinx",
    "plnlib.synthetic": "plnlib.samples.checklists",
    "plnlib.synthetic_monitoring": "plnlib.samples.monitoring",
    "plnlib.networks.synthetic": "plnlib.samples.networks",
    "plnlib.charts.network": "plnlib.charts.networks",
    "plnlib.report.network": "plnlib.report.networks",
    "plnlib.cli.network": "plnlib.cli.networks",
}


class _MovedFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Answers imports of an old path with the module at its new path."""

    def find_spec(
        self, fullname: str, path: object = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in MOVED:
            return None
        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        new = MOVED[spec.name]
        warnings.warn(
            f"{spec.name} has moved to {new}; import it from there "
            f"(the old path goes in plnlib 0.3)",
            DeprecationWarning,
            stacklevel=3,
        )
        return importlib.import_module(new)

    def exec_module(self, module: ModuleType) -> None:
        """Nothing to run: the module at the new path is already loaded."""


def install() -> None:
    """Put the finder on ``sys.meta_path`` once."""
    if not any(isinstance(f, _MovedFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _MovedFinder())
