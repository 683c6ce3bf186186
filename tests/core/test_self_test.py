"""``parallax --self-test``: one summary line and exit 0 when the installation works, one clear line otherwise.

The comparisons use the hashing embedder (no model); the real model's self-test
runs from the app bundle in ``packaging/test-bundle``.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from parallax import cli, selftest
from parallax.cli import main
from parallax.core.embed import HashingEmbedder

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def run(argv, capsys):
    try:
        code = main(argv)
    except SystemExit as stop:
        code = stop.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def hashing(monkeypatch):
    monkeypatch.setattr(selftest, "default_embedder", HashingEmbedder)


def assert_failed(code, out, err, *words):
    assert code == cli.EXIT_FAILURE
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("parallax: self-test failed: "), err
    assert "Traceback" not in err
    for word in words:
        assert word in lines[0]


def test_the_demo_passes_with_one_summary_line(hashing, capsys, cache_dir):
    code, out, err = run(["--self-test"], capsys)
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("parallax self-test: ok; hashing-256")
    for words in ("3 reports", "diverge", "labelled links found", "load ", "compare ", "Qt ", "total "):
        assert words in lines[0]
    assert not any(cache_dir.iterdir()), "the self-test must not write the user's embedding cache"


def test_missing_demo_files_fail_in_one_line(hashing, capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(cli, "seeds_dir", lambda: tmp_path)
    assert_failed(*run(["--self-test"], capsys), "demo files", str(tmp_path))


def test_a_report_that_links_nowhere_fails(hashing, capsys, monkeypatch, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    manifest = json.loads((seeds / "manifest.json").read_text(encoding="utf-8"))
    (seeds / manifest["reports"][0]["file"]).write_text(
        "Recipe of the week\n\nWhisk two eggs with sugar until pale, then fold in the flour gently.\n", encoding="utf-8"
    )
    monkeypatch.setattr(cli, "seeds_dir", lambda: seeds)
    assert_failed(*run(["--self-test"], capsys), "Recipe of the week", "links to the article")


def test_a_damaged_shipped_model_without_a_fallback_fails(capsys, monkeypatch, tmp_path):
    """An app bundle whose model file is damaged: no torch to fall back on, so the check says what broke."""
    from parallax.core import embed, onnx_embed

    folder = tmp_path / "model"
    folder.mkdir()
    (folder / onnx_embed.SHIPPED_ONNX).write_bytes(b"\x08\x07truncated")
    for name in onnx_embed.TOKENIZER_FILES:
        shutil.copyfile(Path(embed.bundled_model_path()) / name, folder / name)
    manifest = {"model": embed.MODEL_NAME, "graph_version": onnx_embed.GRAPH_VERSION}
    (folder / onnx_embed.SHIPPED_MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    monkeypatch.setenv("PARALLAX_ONNX_MODEL_DIR", str(folder))
    monkeypatch.setenv("PARALLAX_EMBEDDER", "onnx")
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # as in the bundle: not installed
    assert_failed(*run(["--self-test"], capsys), "model does not load", str(folder), "not installed to fall back on")


def test_self_test_takes_no_command(capsys):
    code, _, err = run(["--self-test", "compare", "a", "b"], capsys)
    assert code == cli.EXIT_USAGE and err.startswith("parallax: --self-test takes no command")


@pytest.mark.parametrize(
    ("runtime", "source", "said"),
    [
        ("openvino", "shipped", "openvino, shipped"),  # a bundle's file run in OpenVINO says so
        ("onnx", "exported", "onnx, exported"),
        ("torch", None, "torch"),
    ],
)
def test_the_self_test_names_the_runtime_that_ran(runtime, source, said):
    from types import SimpleNamespace

    from parallax.selftest import _model_source

    assert _model_source(SimpleNamespace(runtime=runtime, source=source)) == said
