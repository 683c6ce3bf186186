"""Write files so that a reader never sees half of one: a temporary file beside it, then ``os.replace``.

Entry points: :func:`write_atomic` (bytes or text) and :func:`writable_problem`
(why a path could not be written, checked before slow work starts). Exports,
sessions and the autosave all go through :func:`write_atomic`: if anything fails
while writing, the temporary file is removed and an existing file at the
destination is left exactly as it was.

May import: the standard library only.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(
    path: str | os.PathLike[str], data: bytes | str | Callable[[], bytes], encoding: str = "utf-8"
) -> None:
    """Replace the file at ``path`` with ``data`` in one step (text is encoded with ``encoding``).

    ``data`` may be a function returning the bytes: it runs after the temporary
    file exists, so an error while producing the content leaves nothing behind
    either. Raises ``OSError`` (or whatever the function raises).
    """
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(handle, "wb") as stream:
            payload = data() if callable(data) else data
            stream.write(payload.encode(encoding) if isinstance(payload, str) else payload)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        with contextlib.suppress(OSError):
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def writable_problem(path: str | os.PathLike[str]) -> str | None:
    """Why ``path`` cannot be written as a file, in a few words, or None when it looks fine."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        return "is a folder"
    if not folder.exists():
        return f"the folder {folder} does not exist"
    if not folder.is_dir():
        return f"{folder} is not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"the folder {folder} is not writable"
    if target.exists() and not os.access(target, os.W_OK):
        return "the file is read-only"
    return None
