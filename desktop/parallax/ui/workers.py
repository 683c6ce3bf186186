"""Background work: one serial queue of QRunnables on the global QThreadPool.

Every job carries a request token; the window drops results whose token is
no longer current, so a slow, stale comparison never overwrites a newer one.
Jobs run one at a time (the model is not shared between threads), and a new
job of the same kind replaces one still waiting.

May import: the standard library, PySide6 and ``parallax.ui.cancelled``.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from parallax.ui.cancelled import Cancelled

__all__ = ["Cancelled", "Job", "JobSignals", "SerialQueue"]

REPORT_INTERVAL_S = 0.05  # a status bar need not move more often than this


class JobSignals(QObject):
    progress = Signal(int, int, int, str)  # token, done, total, label
    partial = Signal(int, object)  # token, a result so far (results streamed while the job runs)
    finished = Signal(int, object)  # token, result
    failed = Signal(int, str)  # token, message
    done = Signal()  # always last


class Job(QRunnable):
    """Runs ``function(job)`` in a worker thread and reports through :attr:`signals`."""

    def __init__(self, token: int, kind: str, function: Callable[[Job], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.token = token
        self.kind = kind
        self.function = function
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self._last_report = 0.0

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int, label: str) -> None:
        """Progress for the status bar; steps in between are passed on at most every ``REPORT_INTERVAL_S``.

        With hundreds of reports, one signal per report queued faster than the window could show them,
        and handling a burst of them held its event loop.
        """
        now = time.monotonic()
        if 0 < done < total and now - self._last_report < REPORT_INTERVAL_S:
            return
        self._last_report = now
        self.signals.progress.emit(self.token, done, total, label)

    def partial(self, value: object) -> None:
        """Hand the window a result so far; the final one still comes through ``finished``."""
        if not self.cancelled():
            self.signals.partial.emit(self.token, value)

    def run(self) -> None:
        try:
            result = self.function(self)
            if self.cancelled():
                raise Cancelled
            self.signals.finished.emit(self.token, result)
        except Cancelled:
            self.signals.failed.emit(self.token, "")
        except Exception as error:
            traceback.print_exc()
            self.signals.failed.emit(self.token, str(error) or error.__class__.__name__)
        finally:
            self.signals.done.emit()


class SerialQueue(QObject):
    """Runs jobs one after another on a thread pool (the global one by default)."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._pending: deque[Job] = deque()
        self._running: Job | None = None
        self._closed = False

    @property
    def busy(self) -> bool:
        return self._running is not None or bool(self._pending)

    def submit(self, job: Job, replace: bool = True) -> None:
        if self._closed:
            return
        if replace:
            self._pending = deque(j for j in self._pending if j.kind != job.kind)
        self._pending.append(job)
        self._kick()

    def cancel_all(self) -> None:
        self._pending.clear()
        if self._running is not None:
            self._running.cancel()

    def close(self, timeout_ms: int = 30000) -> bool:
        """Cancel everything and wait for the running job to end."""
        self._closed = True
        self.cancel_all()
        return self._pool.waitForDone(timeout_ms)

    def _kick(self) -> None:
        if self._running is not None or not self._pending or self._closed:
            return
        job = self._pending.popleft()
        self._running = job
        job.signals.done.connect(self._on_done)
        self.busy_changed.emit(True)
        self._pool.start(job)

    def _on_done(self) -> None:
        self._running = None
        self._kick()
        if self._running is None:
            self.busy_changed.emit(False)
