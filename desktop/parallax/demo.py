"""Where the demo lives: the seed article and the sample reports the app opens when given no files.

Cheap to import (the window and the launcher ask before anything heavy is loaded).

May import: the standard library only.
"""

from __future__ import annotations

import json
from pathlib import Path


def seeds_dir() -> Path:
    """The folder of the demo article and sample reports (inside the package, else the source tree's)."""
    here = Path(__file__).resolve()
    for candidate in (here.parent / "seeds", here.parents[2] / "seeds"):
        if (candidate / "manifest.json").exists():
            return candidate
    return here.parents[2] / "seeds"


def demo_paths() -> list[Path]:
    """The seed article followed by the sample reports, in manifest order."""
    folder = seeds_dir()
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return [folder / manifest["article"], *(folder / r["file"] for r in manifest["reports"])]
