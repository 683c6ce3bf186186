"""Starting the app: the timings a packaging check reads, and the icon a desktop shows."""

from __future__ import annotations

import time

from parallax.ui.app import _report_timings, icon_files


def test_timings_report_the_first_paint_then_the_first_results(qtbot, capsys, wait):
    from parallax.core.embed import HashingEmbedder
    from parallax.ui.main_window import MainWindow

    started = time.time()
    window = MainWindow(None, embedder_factory=HashingEmbedder)
    qtbot.addWidget(window)
    keep = _report_timings(window, "1")
    window.show()
    wait(qtbot, window)
    with qtbot.waitSignal(window.result_ready, timeout=120000):  # a second result is not reported again
        window.threshold.setValue(window.threshold.value() + 5)
    window.shutdown()
    lines = [line.split() for line in capsys.readouterr().err.splitlines() if line.startswith("parallax-timings:")]
    assert [line[1] for line in lines] == ["paint", "results"]
    paint, results = (float(line[2]) for line in lines)
    assert started <= paint <= results <= time.time()
    assert keep is not None


def test_the_window_icon_has_every_size():
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for file in icon_files():
        icon.addFile(str(file))
    sizes = sorted(size.width() for size in icon.availableSizes())
    assert sizes == [16, 24, 32, 48, 64, 128, 256, 512]


def test_the_engine_process_starts_before_the_window_is_built(qtbot, monkeypatch):
    # The child imports the engine while this process imports Qt and builds the window.
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import parallax.ui.engine_process as engine_process
    import parallax.ui.main_window as main_window
    from parallax.ui.app import run

    events: list[str] = []

    class Engine:
        def start(self) -> None:
            events.append("engine started")

    class Window:
        def __init__(self, files) -> None:
            events.append(f"window built with {files}")

        def show(self) -> None:
            QTimer.singleShot(0, QApplication.instance().quit)

        def shutdown(self) -> None:
            events.append("window shut down")

    monkeypatch.setattr(engine_process, "shared_engine", lambda: Engine())
    monkeypatch.setattr(main_window, "MainWindow", Window)
    assert run(["a.txt", "b.txt"]) == 0
    assert events == ["engine started", "window built with ['a.txt', 'b.txt']", "window shut down"]
