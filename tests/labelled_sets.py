"""The labelled sets of issue 2, found by their manifests: the seeds, the development sets
``tests/dev``, ``tests/dev2``, ... and the held-out set. A new development set is picked up by
every test and benchmark that reads them once its ``manifest.json`` is in place.

May import: the standard library.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = "seeds/manifest.json"
HELDOUT = "tests/heldout/manifest.json"


def _number(folder: str) -> int:
    """``tests/dev`` is the first set, ``tests/devN`` the N-th."""
    found = re.fullmatch(r"dev(\d*)", folder)
    return int(found.group(1) or 1) if found else 0


def development_manifests() -> list[str]:
    """The development sets' manifests, relative to the repository, in the order they were written."""
    folders = [p.parent.name for p in (ROOT / "tests").glob("dev*/manifest.json") if _number(p.parent.name)]
    return [f"tests/{name}/manifest.json" for name in sorted(folders, key=_number)]


def labelled_manifests(held_out: bool = True) -> list[str]:
    """The seeds', the development sets' and (with ``held_out``) the held-out set's manifests."""
    return [SEEDS, *development_manifests(), *([HELDOUT] if held_out else [])]
