"""Take the README screenshots of the real window, offscreen, with the demo.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py [--hashing] [--out docs/screenshots]

Uses the real embedder (its cache at the default location normally holds the
seed texts, so the model only loads when they changed); ``--hashing`` uses the
model-free embedder instead. Writes demo.png, divergence.png, dark.png and coverage.png.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(condition, timeout_ms: int = 900_000) -> None:
    waited = 0
    while not condition():
        if waited > timeout_ms:
            raise SystemExit("timed out waiting for the comparison")
        wait(100)
        waited += 100


def dark_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d7ab8",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8a8a8a",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    return p


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "docs" / "screenshots"))
    parser.add_argument("--hashing", action="store_true", help="use the model-free hashing embedder")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    settings_dir = tempfile.mkdtemp(prefix="parallax-shots-")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)

    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    from parallax.ui.main_window import MainWindow

    factory = None
    if args.hashing:
        from parallax.core.embed import HashingEmbedder

        factory = HashingEmbedder
    window = MainWindow(None, embedder_factory=factory)
    window.resize(1500, 900)
    window.show()
    wait_for(lambda: window.result is not None and not window.busy)
    wait(300)
    window.grab().save(str(out / "demo.png"))

    items = window.divergences()
    pick = items[0] if items else None
    for report, index in items:  # prefer a divergence about a number: the clearest example
        link = window._links(report)[index]
        if any(c.kind == "number" for c in link.conflicts):
            pick = (report, index)
            break
    if pick:
        window.select_link(*pick)
    wait(300)
    window.grab().save(str(out / "divergence.png"))

    window.tabs.setCurrentIndex(1)
    window.sort_most_contested()
    wait(300)
    window.grab().save(str(out / "coverage.png"))

    window.tabs.setCurrentIndex(0)
    app.setPalette(dark_palette())
    wait(300)
    if pick:
        window.select_link(*pick)
    wait(300)
    window.grab().save(str(out / "dark.png"))
    window.shutdown()
    print(f"saved 4 screenshots in {out} ({window.result.model})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
