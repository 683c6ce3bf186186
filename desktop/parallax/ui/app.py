"""Start the desktop app: ``run(files)`` opens the window (the demo when ``files`` is empty).

Importing this module is cheap: Qt loads when :func:`run` is called, and
torch / sentence-transformers only inside a background worker.

May import: the standard library, PySide6 (inside functions) and ``parallax.ui``.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Sequence

DISPLAY_HINT = (
    "parallax: no display could be opened for the desktop app.\n"
    "  - Run it inside a graphical session (DISPLAY or WAYLAND_DISPLAY must be set), or\n"
    "  - on Debian/Ubuntu install Qt's system libraries: sudo apt install libxcb-cursor0 libxkbcommon-x11-0 "
    "libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libegl1\n"
    "  - or use the command line: parallax compare ARTICLE REPORT..."
)


def display_problem(environ: dict[str, str] | None = None, platform: str | None = None) -> str | None:
    """Why Qt would abort for lack of a display, or None when it should start."""
    env = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return DISPLAY_HINT
    if env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY") and ctypes.util.find_library("xcb-cursor") is None:
        return DISPLAY_HINT.replace("no display could be opened", "Qt's xcb platform needs libxcb-cursor0")
    return None


def run(files: Sequence[str]) -> int:
    """Open the window with ``files`` (article first), or the demo when there are none; return the exit code."""
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("parallax")
    QCoreApplication.setApplicationName("parallax")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationDisplayName("Parallax")
    from parallax.ui.main_window import MainWindow

    window = MainWindow(list(files) or None)
    window.show()
    code = app.exec()
    window.shutdown()
    return int(code)
