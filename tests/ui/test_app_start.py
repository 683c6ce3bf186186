"""Starting the app: the timings a packaging check reads, and the icon a desktop shows."""

from __future__ import annotations

import time

from parallax.demo import demo_paths
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
        def start(self, preload=()) -> None:
            events.append(f"engine started, preloading {list(preload)}")

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
    assert events == [
        "engine started, preloading ['a.txt', 'b.txt']",
        "window built with ['a.txt', 'b.txt']",
        "window shut down",
    ]
    events.clear()
    assert run(["saved.parallax"]) == 0  # a session is opened by the window itself: nothing to preload
    assert events[0] == "engine started, preloading []"
    events.clear()
    assert run([]) == 0  # the demo
    assert events[0] == f"engine started, preloading {[str(p) for p in demo_paths()]}"


def test_the_launch_imports_neither_the_engine_nor_qt_before_the_engine_process_starts():
    # Every import before the child starts is time the window and the child both wait for.
    import subprocess
    import sys

    code = (
        "import sys; import parallax.cli, parallax.ui.app, parallax.ui.engine_process, parallax.core.session_path;"
        "print(sorted(m for m in ('numpy', 'PySide6', 'parallax.core.compare', 'onnxruntime') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
