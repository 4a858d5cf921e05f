#!/usr/bin/env python3
"""Empty the book's notebook execution cache when plnlib's code or content has changed.

jupyter-cache decides whether to run a notebook again from the notebook's own code cells
only, so after a change to a checklist (or to plnlib) the book would show old results.
``make book`` runs this first: it hashes every file in ``notebook_inputs()`` (plnlib's
code, checklists, samples) and ``requirements.txt``, and removes ``_build/.jupyter_cache``
when the hash differs from the one stored in it. The hash lives inside the cache folder,
so CI, which caches that folder by the same inputs, keeps its cache.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "_build" / ".jupyter_cache"
STAMP = CACHE / "plnlib-inputs.sha256"


def inputs_hash() -> str:
    sys.path.insert(0, str(ROOT))
    from plnlib.web.sphinx import notebook_inputs

    digest = hashlib.sha256()
    for path in [*notebook_inputs(), ROOT / "requirements.txt"]:
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


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
