"""Shared test set-up: every test gets its own embedding cache, never the user's.

``PARALLAX_CACHE_DIR`` is set for the whole session (so session-scoped fixtures,
such as the real model in ``tests/core/test_model.py``, never touch the user's
cache directory) and again per test (so no test sees another test's vectors).
``PARALLAX_MODELS_DIR`` (exported ONNX models) is set once for the session.
The Hugging Face libraries are kept offline and pointed at a private folder.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def _session_cache_env(tmp_path_factory):
    root = tmp_path_factory.mktemp("session-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PARALLAX_CACHE_DIR", str(root / "parallax"))
        patch.setenv("HF_HUB_OFFLINE", "1")
        patch.setenv("TRANSFORMERS_OFFLINE", "1")
        patch.setenv("HF_HOME", str(root / "hf"))
        # One exported ONNX model for the whole run (the export takes a minute), never the user's.
        patch.setenv("PARALLAX_MODELS_DIR", str(root / "models"))
        yield root


@pytest.fixture(autouse=True)
def _test_cache_env(tmp_path_factory, monkeypatch):
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(cache))
    return cache


@pytest.fixture
def cache_dir(_test_cache_env):
    """The folder that ``PARALLAX_CACHE_DIR`` points at during this test."""
    return _test_cache_env
