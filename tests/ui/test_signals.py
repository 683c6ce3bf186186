"""The Qt binding must not wear out the interpreter: a long session makes thousands of Qt calls.

PySide6 6.12.0 dropped a reference to ``True`` on every signal emitted from Python, and one to
``None`` on every call of a Qt method that returns nothing. On Python 3.11, where both are ordinary
counted objects, a window that had compared a few hundred reports (one progress signal per report,
more per re-alignment) aborted with "bool_dealloc" or "none_dealloc". pyproject.toml excludes that
release; these tests catch a later one that does the same.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressBar

from parallax.ui.workers import Job, SerialQueue


class _Emitter(QObject):
    nothing = Signal()
    progress = Signal(int, int, int, str)


def test_emitting_signals_leaves_true_and_false_counted(qtbot):
    emitter = _Emitter()
    seen: list[object] = []
    emitter.nothing.connect(lambda: seen.append(None))
    emitter.progress.connect(lambda *values: seen.append(values))
    before = sys.getrefcount(True), sys.getrefcount(False)
    for i in range(500):
        emitter.nothing.emit()
        emitter.progress.emit(1, i, 500, "Aligning")
    assert len(seen) == 1000
    after = sys.getrefcount(True), sys.getrefcount(False)
    # A few references may come and go with the interpreter's own caches; 500 lost ones may not.
    assert abs(after[0] - before[0]) < 50 and abs(after[1] - before[1]) < 50


def test_a_job_reporting_progress_per_report_from_a_worker_thread_keeps_true_counted(qtbot):
    queue = SerialQueue()
    reported: list[int] = []

    def work(job: Job) -> int:
        for i in range(1, 1001):
            job.signals.progress.emit(job.token, i, 1000, "Comparing")  # every one, not throttled by report()
        return 1000

    job = Job(1, "compare", work)
    job.signals.progress.connect(lambda token, done, total, label: reported.append(done))
    before = sys.getrefcount(True)
    with qtbot.waitSignal(job.signals.finished, timeout=30000):
        queue.submit(job)
    qtbot.waitUntil(lambda: not queue.busy)
    assert reported[-1] == 1000
    assert abs(sys.getrefcount(True) - before) < 50


def test_calling_qt_methods_that_return_nothing_leaves_none_counted(qtbot):
    bar = QProgressBar()
    qtbot.addWidget(bar)
    before = sys.getrefcount(None)
    for i in range(2000):
        bar.setValue(i % 100)
    assert bar.value() == 1999 % 100
    assert abs(sys.getrefcount(None) - before) < 50


def test_progress_reaches_the_window_at_a_pace_it_can_show_and_always_ends_at_the_total(qtbot):
    queue = SerialQueue()
    reported: list[tuple[int, int, str]] = []

    def work(job: Job) -> int:
        job.report(0, 0, "Aligning")
        for i in range(1, 2001):
            job.report(i, 2000, "Comparing")
        return 2000

    job = Job(1, "compare", work)
    job.signals.progress.connect(lambda token, done, total, label: reported.append((done, total, label)))
    with qtbot.waitSignal(job.signals.finished, timeout=30000):
        queue.submit(job)
    qtbot.waitUntil(lambda: not queue.busy)
    assert reported[0] == (0, 0, "Aligning") and reported[-1] == (2000, 2000, "Comparing")
    assert len(reported) < 200  # 2,000 steps done in far less than 200 x 50 ms
