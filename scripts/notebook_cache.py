#!/usr/bin/env python3
"""Empty the book's notebook execution cache when plnlib's code or content has changed.

jupyter-cache decides whether to run a notebook again from the notebook's own code cells
only, so after a change to a checklist (or to plnlib) the book would show old results.
``make book`` runs this first: it hashes every file in ``notebook_inputs()`` (plnlib's
code, checklists, samples, but not the Sphinx extensions, which only put pages together)
and ``requirements.txt``, and removes ``_build/.jupyter_cache`` when the hash differs
from the one stored in it. It loads ``plnlib/web/build_inputs.py`` by its path, without
importing plnlib (pandas, altair), so it takes a fraction of a second. The hash lives inside the cache folder,
so CI, which caches that folder by the same inputs, keeps its cache.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "_build" / ".jupyter_cache"
STAMP = CACHE / "plnlib-inputs.sha256"


def _build_inputs():
    path = ROOT / "plnlib" / "web" / "build_inputs.py"
    spec = importlib.util.spec_from_file_location("_pln_build_inputs", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def inputs_hash() -> str:
    inputs = _build_inputs()
    return inputs.inputs_hash([*inputs.notebook_inputs(), ROOT / "requirements.txt"], ROOT)


def main() -> int:
    now = inputs_hash()
    before = STAMP.read_text(encoding="utf-8").strip() if STAMP.exists() else None
    if before != now:
        if CACHE.exists():
            print("notebook_cache: plnlib changed since the notebooks ran; emptying the cache")
            shutil.rmtree(CACHE)
        CACHE.mkdir(parents=True, exist_ok=True)
        STAMP.write_text(now + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
