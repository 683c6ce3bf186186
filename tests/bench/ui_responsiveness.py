"""How responsive the app is: time to first paint, time to first results, worst event-loop gap.

    QT_QPA_PLATFORM=offscreen python tests/bench/ui_responsiveness.py [--hashing] [--fresh-cache] [--profile]

A 10 ms QTimer heartbeat runs from start to finish; the worst gap between two
beats while a comparison (and then a threshold re-alignment) runs is what a
user would feel as a freeze. Not a test: prints the figures.
"""

from __future__ import annotations

import time

START = time.perf_counter()

import argparse  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hashing", action="store_true", help="the model-free embedder instead of the real one")
    parser.add_argument("--fresh-cache", action="store_true", help="an empty embedding cache: embed everything")
    parser.add_argument("--profile", action="store_true", help="profile the GUI thread and print where it spends time")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.fresh_cache:
        os.environ["PARALLAX_CACHE_DIR"] = tempfile.mkdtemp(prefix="parallax-bench-")

    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app = QApplication(sys.argv[:1])
    from parallax.ui.main_window import MainWindow

    factory = None
    if args.hashing:
        from parallax.core.embed import HashingEmbedder

        factory = HashingEmbedder
    marks: dict[str, float] = {}
    gaps: dict[str, float] = {"compare": 0.0, "realign": 0.0}
    last = [time.perf_counter()]
    phase = ["compare"]

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and "paint" not in marks:
                marks["paint"] = time.perf_counter()
            return False

    marks["window"] = time.perf_counter()
    window = MainWindow(None, embedder_factory=factory)
    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.article_pane.viewport().installEventFilter(watcher)
    window.resize(1500, 900)
    window.show()

    def beat() -> None:
        now = time.perf_counter()
        if phase[0] in gaps and window.busy:
            gaps[phase[0]] = max(gaps[phase[0]], now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(beat)
    heartbeat.start()

    def on_result() -> None:
        if "results" not in marks:
            marks["results"] = time.perf_counter()
            phase[0] = "realign"
            marks["realign_start"] = time.perf_counter()
            window.threshold.setValue(window.threshold.value() + 10)
        else:
            marks["realigned"] = time.perf_counter()
            phase[0] = "done"
            QTimer.singleShot(50, app.quit)

    window.result_ready.connect(on_result)
    QTimer.singleShot(15 * 60 * 1000, app.quit)
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()  # sys.setprofile is per thread: this sees the GUI thread only
        profiler.enable()
    app.exec()
    if profiler is not None:
        import pstats

        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(20)
    window.shutdown()
    embedder = "hashing" if args.hashing else "all-MiniLM-L6-v2"
    cache = "fresh" if args.fresh_cache else "default"
    print(f"embedder: {embedder}, cache: {cache}")
    print(f"time to first paint:   {(marks.get('paint', float('nan')) - START) * 1000:8.0f} ms (from process start)")
    print(
        f"  of which after imports, from creating the window: {(marks.get('paint', float('nan')) - marks['window']) * 1000:6.0f} ms"
    )
    print(f"time to first results: {(marks.get('results', float('nan')) - START) * 1000:8.0f} ms")
    print(
        f"re-align after threshold change: "
        f"{(marks.get('realigned', float('nan')) - marks.get('realign_start', float('nan'))) * 1000:8.0f} ms"
    )
    print(f"worst event-loop gap while comparing:   {gaps['compare'] * 1000:6.0f} ms")
    print(f"worst event-loop gap while re-aligning: {gaps['realign'] * 1000:6.0f} ms")
    print(f"torch imported on the GUI thread's startup path: {'torch' in sys.modules and 'results' not in marks}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
