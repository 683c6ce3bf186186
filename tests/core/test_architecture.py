"""The engine stays free of Qt and loads no model at import time."""

from __future__ import annotations

import json
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import parallax.core

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("PySide6", "shiboken6", "torch", "sentence_transformers", "transformers", "parallax.ui")
ENGINE_MODULES = sorted(f"parallax.core.{m.name}" for m in pkgutil.iter_modules(parallax.core.__path__))


def test_the_engine_modules_are_all_found():
    for expected in (
        "ingest",
        "segment",
        "boilerplate",
        "embed",
        "align",
        "worddiff",
        "quantities",
        "claims",
        "compare",
        "export",
    ):
        assert f"parallax.core.{expected}" in ENGINE_MODULES


def test_importing_the_engine_loads_no_qt_and_no_model():
    script = (
        "import importlib, json, sys\n"
        f"for name in {[*ENGINE_MODULES, 'parallax.cli']!r}:\n"
        "    importlib.import_module(name)\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r} or m.startswith('parallax.ui'))\n"
        "print(json.dumps(bad))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_import_linter_contracts_hold():
    linter = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    done = subprocess.run([linter], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout
