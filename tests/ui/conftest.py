"""pytest-qt set-up for the app: offscreen Qt, a private cache, data folder and settings, and no worker left running."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(scope="session", autouse=True)
def _engine_stopped_at_the_end():
    """Stop the app's engine process when the session ends, not in the interpreter's exit handlers."""
    yield
    from parallax.ui.engine_process import shared_engine

    shared_engine().close()


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory, monkeypatch):
    cache = tmp_path_factory.mktemp("cache")
    config = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(cache))
    # The autosave and the last session go here, never into the user's data folder.
    monkeypatch.setenv("PARALLAX_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config))
    yield
    from PySide6.QtCore import QThreadPool

    pool = QThreadPool.globalInstance()
    finished = pool.waitForDone(30000)
    assert finished and pool.activeThreadCount() == 0, "a test left a background worker running"


@pytest.fixture
def make_window(qtbot):
    """Build a MainWindow with the hashing embedder (never the real model) and close it afterwards."""
    from parallax.core.embed import HashingEmbedder
    from parallax.ui.main_window import MainWindow

    windows = []

    def make(files=None, wait=True, **options):
        window = MainWindow(files, embedder_factory=HashingEmbedder, **options)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        if wait:
            wait_results(qtbot, window)
        return window

    yield make
    for window in windows:
        window.shutdown()


def wait_results(qtbot, window, timeout=240000):
    # Generous: the first comparison starts the engine process, which a busy CI machine makes slow.
    qtbot.waitUntil(lambda: window.result is not None and not window.busy, timeout=timeout)


@pytest.fixture
def wait():
    return wait_results
