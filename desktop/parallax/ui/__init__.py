"""The desktop app (PySide6): a thin layer over :mod:`parallax.core`. Start it with :func:`parallax.ui.app.run`."""

from __future__ import annotations

import sys


def _guard_none_refcount() -> None:
    """Work around PySide6 6.12 on CPython 3.11: every void Qt method returns ``None`` without a new reference.

    On 3.12+ ``None`` is immortal, so the binding skips the increment; on 3.11
    each call (``setValue``, ``setPen``, ``QTextCursor.setPosition``...) takes
    one reference away, and after a few thousand repaints Python aborts with
    "none_dealloc: deallocating None". Giving ``None`` a practically infinite
    reference count makes it immortal here too. Harmless elsewhere.
    """
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    import ctypes

    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < 1 << 40:
        refcount.value += 1 << 40


_guard_none_refcount()
