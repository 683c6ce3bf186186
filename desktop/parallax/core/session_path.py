"""Where sessions live: the ``.parallax`` suffix that tells a saved session from a document, and the
folder where the app keeps its autosave.

Apart from :mod:`parallax.core.session` (which reads and writes them) so that the launcher and
the window can ask before the engine, and numpy with it, is imported.

May import: the standard library and ``parallax.core.model`` (no numpy either).
"""

from __future__ import annotations

import os
from pathlib import Path

from parallax.core.model import user_folder

SESSION_SUFFIX = ".parallax"


def is_session_path(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names a saved session (by its suffix, any case)."""
    return Path(path).suffix.lower() == SESSION_SUFFIX


def data_dir() -> Path:
    """Where Parallax keeps the user's own data (the autosave): ``$PARALLAX_DATA_DIR``, else the user data folder."""
    return user_folder("data", "PARALLAX_DATA_DIR")


def autosave_path() -> Path:
    """The session the app keeps saving while it runs, removed when it exits cleanly."""
    return data_dir() / f"autosave{SESSION_SUFFIX}"
