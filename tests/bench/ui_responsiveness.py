"""How responsive the app is: time to first paint, time to first results, worst event-loop gap.

    QT_QPA_PLATFORM=offscreen python tests/bench/ui_responsiveness.py [--hashing] [--fresh-cache]
        [--cache-dir DIR] [--reports N] [--profile] [--json]

A 10 ms QTimer heartbeat runs from start to finish; the worst gap between two
beats while a comparison (and then a threshold re-alignment) runs is what a
user would feel as a freeze. ``--reports N`` opens the seed article with N
shuffled copies of the sample reports (``scale_reports.py``) instead of the demo.
Times are from process start (``--launched T`` gives the launcher's clock,
``time.time()``, so interpreter start-up counts too). Peak memory is the
largest resident set of the window's process and of the engine's process.
Not a test: prints the figures (``--json``: one JSON object).
"""

from __future__ import annotations

import time

START = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hashing", action="store_true", help="the model-free embedder instead of the real one")
    parser.add_argument("--fresh-cache", action="store_true", help="an empty embedding cache: embed everything")
    parser.add_argument("--cache-dir", help="this embedding cache folder (a second run with it is a warm run)")
    parser.add_argument("--reports", type=int, default=0, help="the article with N generated reports, not the demo")
    parser.add_argument("--launched", type=float, help="the launcher's time.time() when it started this process")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--profile", action="store_true", help="profile the GUI thread and print where it spends time")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A new embedding cache is not a new install: keep the ONNX model exported where it already is
    # (it lives in the cache folder by default), so "cold" never counts the one-time export.
    if "PARALLAX_MODELS_DIR" not in os.environ:  # speed.py sets it: platformdirs' import is not the app's time
        from parallax.core.model import models_dir

        os.environ["PARALLAX_MODELS_DIR"] = str(models_dir())
    if args.fresh_cache:
        os.environ["PARALLAX_CACHE_DIR"] = tempfile.mkdtemp(prefix="parallax-bench-")
    elif args.cache_dir:
        os.environ["PARALLAX_CACHE_DIR"] = args.cache_dir
    # From the launcher's clock where given, so the interpreter's own start-up counts.
    offset = (time.time() - args.launched) if args.launched else 0.0
    files = None
    if args.reports:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from scale_reports import make_reports

        files = [str(p) for p in make_reports(Path(tempfile.mkdtemp(prefix="parallax-reports-")), args.reports)]

    from parallax.ui.app import start_engine
    from parallax.ui.engine_process import shared_engine

    # As parallax.ui.app.run does, before Qt is imported: the child preloads what the window opens
    # (not with the model-free embedder, which the child would not be using).
    if args.hashing:
        shared_engine().start()
    else:
        start_engine(files or ())
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

    original_partial = MainWindow._compared_so_far

    def on_partial(self, result) -> None:
        original_partial(self, result)
        marks.setdefault("first_partial", time.perf_counter())

    MainWindow._compared_so_far = on_partial  # type: ignore[method-assign]
    marks["window"] = time.perf_counter()
    window = MainWindow(files, embedder_factory=factory)
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
    reports = len(window.result.comparisons) if window.result else 0
    window.shutdown()
    shared_engine().close()  # the child's peak memory is counted once it has exited
    mib = 1024  # ru_maxrss is in KiB on Linux

    def since_start(mark: str) -> float:
        return (marks.get(mark, float("nan")) - START + offset) * 1000

    figures = {
        "embedder": "hashing" if args.hashing else "all-MiniLM-L6-v2",
        "cache": "fresh" if args.fresh_cache else (args.cache_dir or "default"),
        "reports": reports,
        "first_paint_ms": since_start("paint"),
        "window_to_paint_ms": (marks.get("paint", float("nan")) - marks["window"]) * 1000,
        "first_partial_ms": since_start("first_partial"),
        "results_ms": since_start("results"),
        "realign_ms": (marks.get("realigned", float("nan")) - marks.get("realign_start", float("nan"))) * 1000,
        "worst_gap_compare_ms": gaps["compare"] * 1000,
        "worst_gap_realign_ms": gaps["realign"] * 1000,
        "peak_gui_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / mib,
        "peak_engine_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / mib,
        "torch_in_gui": "torch" in sys.modules,
    }
    if args.json:
        print(json.dumps(figures))
        return 0
    print(f"embedder: {figures['embedder']}, cache: {figures['cache']}, reports: {reports}")
    print(f"time to first paint:   {figures['first_paint_ms']:8.0f} ms (from process start)")
    print(f"  of which after imports, from creating the window: {figures['window_to_paint_ms']:6.0f} ms")
    print(f"first streamed results:{figures['first_partial_ms']:8.0f} ms")
    print(f"time to all results:   {figures['results_ms']:8.0f} ms")
    print(f"re-align after threshold change: {figures['realign_ms']:8.0f} ms")
    print(f"worst event-loop gap while comparing:   {figures['worst_gap_compare_ms']:6.0f} ms")
    print(f"worst event-loop gap while re-aligning: {figures['worst_gap_realign_ms']:6.0f} ms")
    print(f"peak memory: window {figures['peak_gui_mib']:.0f} MiB, engine {figures['peak_engine_mib']:.0f} MiB")
    print(f"torch imported in the window's process: {figures['torch_in_gui']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
