"""Start the desktop app: ``run(files)`` opens the window (the demo when ``files`` is empty).

Importing this module is cheap: Qt loads when :func:`run` is called, and
torch / sentence-transformers only inside a background worker.

May import: the standard library, PySide6 (inside functions) and ``parallax.ui``.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

# The app's id: the name of its .desktop file, icon and AppStream metadata (see resources/).
APP_ID = "io.github.parallax.Parallax"
# Set to 1, the app prints when its window first paints and when the first results arrive
# (``parallax-timings: paint|results <seconds since the epoch>`` on stderr); set to ``exit``,
# it also quits after the first results. packaging/test-bundle measures the bundle with it.
TIMINGS_ENV = "PARALLAX_TIMINGS"

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
    if env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY") and _missing_library("xcb-cursor"):
        return DISPLAY_HINT.replace("no display could be opened", "Qt's xcb platform needs libxcb-cursor0")
    return None


def _missing_library(name: str) -> bool:
    import ctypes.util  # only here: 10 ms that every start would otherwise wait for

    return ctypes.util.find_library(name) is None


def icon_files() -> list[Path]:
    """The app icon's PNG sizes: inside the package (a bundle, a wheel), else in the source tree's resources/."""
    package = Path(__file__).resolve().parents[1]
    for folder in (package / "resources" / "icons", package.parents[1] / "resources" / "icons"):
        found = sorted((folder / "hicolor").glob(f"*/apps/{APP_ID}.png"))
        if found:
            return found
    return []


def _report_timings(window: object, mode: str) -> object:
    """Print the first paint and the first results (see TIMINGS_ENV); returns the object to keep alive."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    def mark(what: str) -> None:
        print(f"parallax-timings: {what} {time.time():.3f}", file=sys.stderr, flush=True)

    class FirstPaint(QObject):
        painted = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.painted:
                self.painted = True
                mark("paint")
            return False

    reported: list[str] = []

    def results() -> None:
        if reported:
            return
        reported.append("results")
        mark("results")
        if mode == "exit":
            QTimer.singleShot(0, QApplication.quit)

    watcher = FirstPaint()
    window.installEventFilter(watcher)  # type: ignore[attr-defined]
    window.article_pane.viewport().installEventFilter(watcher)  # type: ignore[attr-defined]
    window.result_ready.connect(results)  # type: ignore[attr-defined]
    return watcher


def files_to_open(files: Sequence[str]) -> list[str]:
    """What the window will open at launch: ``files``, or the demo's article and reports."""
    if files:
        return [str(f) for f in files]
    from parallax.demo import demo_paths

    return [str(p) for p in demo_paths()]


def start_engine(files: Sequence[str]) -> None:
    """Start the engine's child and let it preload the files the window opens (not a saved session)."""
    from parallax.core.session_path import is_session_path
    from parallax.ui.engine_process import shared_engine

    paths = files_to_open(files)
    shared_engine().start(preload=[] if any(is_session_path(p) for p in paths) else paths)


def run(files: Sequence[str]) -> int:
    """Open the window with ``files`` (article first), or the demo when there are none; return the exit code."""
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    # The engine's child process starts first: it imports the engine on the other core while this
    # process imports Qt and builds the window, and it reads and compares the files meanwhile.
    start_engine(files)
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("parallax")
    QCoreApplication.setApplicationName("parallax")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationDisplayName("Parallax")
    app.setDesktopFileName(APP_ID)  # Wayland and the task bar find the .desktop file and icon by it
    icons = icon_files()
    if icons:
        from PySide6.QtGui import QIcon

        icon = QIcon()
        for file in icons:
            icon.addFile(str(file))
        app.setWindowIcon(icon)
    from parallax.ui.main_window import MainWindow

    window = MainWindow(list(files) or None)
    timings = os.environ.get(TIMINGS_ENV, "").strip().lower()
    keep = _report_timings(window, timings) if timings else None
    window.show()
    code = app.exec()
    window.shutdown()
    del keep
    return int(code)
