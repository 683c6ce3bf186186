"""Which embedding model Parallax uses and where its caches live: names only, nothing heavy.

The window shows these (the About box, the cache it passes to the engine) on its
start-up path, where importing numpy through :mod:`parallax.core.embed` would
cost the first paint about 80 ms.

May import: the standard library; platformdirs inside :func:`default_cache_dir`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

MODEL_NAME = "all-MiniLM-L6-v2"
MODEL_LICENCE = "Apache-2.0"
CACHE_FILE = "embeddings.sqlite3"


def user_folder(kind: Literal["cache", "data"], override: str) -> Path:
    """Parallax's folder of that kind: ``$<override>`` where set, else the platform's user folder."""
    value = os.environ.get(override)
    if value:
        return Path(value)
    import platformdirs

    find = platformdirs.user_cache_dir if kind == "cache" else platformdirs.user_data_dir
    return Path(find("parallax", appauthor=False))


def default_cache_dir() -> Path:
    """Where Parallax keeps caches: ``$PARALLAX_CACHE_DIR``, else the user cache directory."""
    return user_folder("cache", "PARALLAX_CACHE_DIR")


def default_cache_path() -> Path:
    """The embedding cache the app uses unless told otherwise."""
    return default_cache_dir() / CACHE_FILE


def models_dir() -> Path:
    """Where exported models live: ``$PARALLAX_MODELS_DIR``, else ``models`` in the cache folder."""
    override = os.environ.get("PARALLAX_MODELS_DIR")
    return Path(override) if override else default_cache_dir() / "models"
