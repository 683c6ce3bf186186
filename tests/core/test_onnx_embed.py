"""The ONNX Runtime embedder: sentence-transformers' vectors, one export, recovery, and the factory's choices.

The model tests share one exported file for the whole run (``PARALLAX_MODELS_DIR``
is set once per session in conftest.py); the recovery tests copy that file
instead of exporting again.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from parallax.core import embed, onnx_embed, onnx_export
from parallax.core.embed import MODEL_NAME, HashingEmbedder, SentenceTransformerEmbedder, default_embedder
from parallax.core.ingest import read_document
from parallax.core.onnx_embed import OnnxEmbedder, OnnxUnavailable, onnx_model_path
from parallax.demo import demo_paths

ROOT = Path(__file__).resolve().parents[2]
# What a loaded ONNX model reports: ONNX Runtime, or OpenVINO where the CPU has bfloat16 (test_openvino_embed.py).
ONNX_RUNTIMES = ("onnx", "openvino")


# The factory: cheap, nothing is loaded.


@pytest.fixture
def cpu_only(monkeypatch):
    monkeypatch.delenv("PARALLAX_EMBEDDER", raising=False)
    monkeypatch.setattr(embed, "_cuda_gpu_present", lambda: False)


def test_default_on_a_cpu_is_onnx(cpu_only):
    assert isinstance(default_embedder(), OnnxEmbedder)


def test_a_cuda_gpu_means_sentence_transformers(cpu_only, monkeypatch):
    monkeypatch.setattr(embed, "_cuda_gpu_present", lambda: True)
    assert isinstance(default_embedder(), SentenceTransformerEmbedder)


@pytest.mark.parametrize(("choice", "kind"), [("torch", SentenceTransformerEmbedder), ("onnx", OnnxEmbedder)])
@pytest.mark.parametrize("gpu", [True, False])
def test_the_environment_forces_a_runtime(monkeypatch, choice, kind, gpu):
    monkeypatch.setenv("PARALLAX_EMBEDDER", choice)
    monkeypatch.setattr(embed, "_cuda_gpu_present", lambda: gpu)
    assert isinstance(default_embedder(), kind)


@pytest.mark.parametrize("missing", ["onnxruntime", "tokenizers"])
def test_without_onnxruntime_the_default_is_sentence_transformers(cpu_only, monkeypatch, missing):
    monkeypatch.setitem(sys.modules, missing, None)  # makes "import <missing>" raise ImportError
    assert not embed.onnx_runtime_available()
    assert isinstance(default_embedder(), SentenceTransformerEmbedder)


@pytest.mark.parametrize("hidden", ["", "-1"])
def test_hidden_gpus_do_not_count(monkeypatch, hidden):
    monkeypatch.setenv("CUDA_VISIBLE_DEVICES", hidden)
    assert not embed._cuda_gpu_present()


def test_both_runtimes_share_the_cache_name():
    assert OnnxEmbedder().name == SentenceTransformerEmbedder().name == MODEL_NAME


def test_the_factory_and_onnx_module_import_no_torch():
    code = (
        "import sys; from parallax.core.embed import default_embedder; import parallax.core.onnx_embed;"
        "e = default_embedder(); print(type(e).__name__, 'torch' in sys.modules, 'onnx' in sys.modules,"
        "'openvino' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    assert done.stdout.split()[1:] == ["False", "False", "False"]


def test_the_model_file_name_holds_model_weights_hash_and_graph_version(cache_dir):
    path = onnx_model_path(embed.bundled_model_path())
    assert path.parent == Path(os.environ["PARALLAX_MODELS_DIR"])
    assert path.name.startswith(f"{MODEL_NAME}-") and path.name.endswith(f"-g{onnx_embed.GRAPH_VERSION}.onnx")


# Failing exports and broken files, without a real export.


@pytest.fixture
def private_models(tmp_path, monkeypatch):
    """A models folder of this test's own, so the session's exported file is never touched."""
    folder = tmp_path / "models"
    monkeypatch.setenv("PARALLAX_MODELS_DIR", str(folder))
    return folder


def test_a_failed_export_falls_back_with_one_line(private_models, monkeypatch, capsys):
    def fail(model_dir, target):
        raise OnnxUnavailable("exporting the model to ONNX failed (no space left)")

    monkeypatch.setattr(onnx_embed, "_run_export", fail)
    embedder = OnnxEmbedder(fallback=HashingEmbedder)
    vectors = embedder.encode(["a flood in the valley", "the council met"])
    assert vectors.shape == (2, 256) and embedder.runtime == "torch"
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("parallax: exporting the model to ONNX failed (no space left)")
    assert "Traceback" not in err


def test_a_file_that_never_loads_falls_back_after_one_re_export(private_models, monkeypatch, capsys):
    calls = []

    def write_garbage(model_dir, target):
        calls.append(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"not a model")

    monkeypatch.setattr(onnx_embed, "_run_export", write_garbage)
    target = onnx_model_path(embed.bundled_model_path())
    target.parent.mkdir(parents=True)
    target.write_bytes(b"\x08\x07truncated")
    embedder = OnnxEmbedder(fallback=HashingEmbedder)
    assert embedder.encode(["text"]).shape == (1, 256)
    assert len(calls) == 1 and embedder.runtime == "torch"
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not load" in err and "Traceback" not in err


def test_the_exporter_reports_failure_in_one_line(tmp_path):
    command = [sys.executable, "-m", "parallax.core.onnx_export", "--model", str(tmp_path), "--out"]
    done = subprocess.run([*command, str(tmp_path / "x.onnx")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 1 and not (tmp_path / "x.onnx").exists()
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


# A shipped model (an app bundle's): found only when it fits this version, loaded without the weights.


def _shipped(folder: Path, **manifest_changes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / onnx_embed.SHIPPED_ONNX).write_bytes(b"onnx")
    for name in onnx_embed.TOKENIZER_FILES:
        (folder / name).write_text("{}", encoding="utf-8")
    manifest = {"model": MODEL_NAME, "graph_version": onnx_embed.GRAPH_VERSION, **manifest_changes}
    (folder / onnx_embed.SHIPPED_MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("damage", "found"),
    [
        (None, True),
        ("other model", False),
        ("older graph", False),
        ("no manifest", False),
        ("manifest not JSON", False),
        ("no tokenizer", False),
        ("no onnx file", False),
    ],
)
def test_a_shipped_model_counts_only_when_it_fits(tmp_path, monkeypatch, damage, found):
    folder = _shipped(
        tmp_path / "model",
        **({"model": "paraphrase-MiniLM-L3-v2"} if damage == "other model" else {}),
        **({"graph_version": onnx_embed.GRAPH_VERSION - 1} if damage == "older graph" else {}),
    )
    if damage == "no manifest":
        (folder / onnx_embed.SHIPPED_MANIFEST).unlink()
    elif damage == "manifest not JSON":
        (folder / onnx_embed.SHIPPED_MANIFEST).write_text("{model", encoding="utf-8")
    elif damage == "no tokenizer":
        (folder / "tokenizer.json").unlink()
    elif damage == "no onnx file":
        (folder / onnx_embed.SHIPPED_ONNX).unlink()
    monkeypatch.setenv("PARALLAX_ONNX_MODEL_DIR", str(folder))
    assert onnx_embed.shipped_model_dir() == (folder if found else None)


def test_an_installed_package_ships_no_model(monkeypatch):
    monkeypatch.delenv("PARALLAX_ONNX_MODEL_DIR", raising=False)
    assert onnx_embed.shipped_model_dir() is None  # the source tree: models are exported into the cache


def test_a_damaged_shipped_model_falls_back_with_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PARALLAX_ONNX_MODEL_DIR", str(_shipped(tmp_path / "model")))
    embedder = OnnxEmbedder(fallback=HashingEmbedder)
    assert embedder.encode(["text"]).shape == (1, 256) and embedder.runtime == "torch"
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "shipped ONNX model" in err and "does not load" in err


def test_a_frozen_app_never_runs_an_export(private_models, monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    with pytest.raises(OnnxUnavailable, match="cannot export"):
        onnx_embed._run_export(Path(embed.bundled_model_path()), private_models / "x.onnx")
    assert not private_models.exists()


# With the real model: one export per session.


@pytest.fixture(scope="session")
def exported(_session_cache_env):
    """The session's exported model file (exported here unless a test did it already)."""
    embedder = OnnxEmbedder()
    embedder.load()
    assert embedder.runtime in ONNX_RUNTIMES, "the ONNX export failed: see the line on stderr"
    path = onnx_model_path(embed.bundled_model_path())
    assert path.exists()
    return path


@pytest.fixture(scope="session")
def reference(_session_cache_env):
    model = SentenceTransformerEmbedder(device="cpu")
    model.load()
    return model


def _texts() -> list[str]:
    paragraphs = [p.text for path in demo_paths() for p in read_document(path).paragraphs]
    long_text = " ".join(paragraphs[:12])
    return [*paragraphs, "", "Flooding", "  ", long_text, "word " * 600]


@pytest.mark.torch
def test_vectors_match_sentence_transformers(exported, reference):
    texts = _texts()
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(Path(embed.bundled_model_path()) / "tokenizer.json"))
    tokenizer.no_truncation()
    assert len(tokenizer.encode(texts[-2]).ids) > 256  # truncation is exercised
    ours = OnnxEmbedder().encode(texts)
    theirs = reference.encode(texts)
    cosines = np.sum(ours * theirs, axis=1)
    assert ours.shape == theirs.shape == (len(texts), 384)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    assert cosines.min() >= 0.999, [texts[i][:60] for i in np.flatnonzero(cosines < 0.999)]


@pytest.mark.model
def test_a_new_process_reuses_the_exported_file(exported):
    before = exported.stat().st_mtime_ns
    code = (
        "import sys; from parallax.core.onnx_embed import OnnxEmbedder; e = OnnxEmbedder();"
        "v = e.encode(['The river burst its banks.']);"
        "print(e.runtime, e.export_seconds, 'torch' in sys.modules, v.shape)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600, check=True)
    runtime, *rest = done.stdout.split()[:3]
    assert runtime in ONNX_RUNTIMES and rest == ["None", "False"]
    assert exported.stat().st_mtime_ns == before
    assert not [p for p in exported.parent.iterdir() if p.suffix == ".part"]  # no temporary files left


@pytest.mark.model
def test_a_corrupt_file_is_exported_again(exported, private_models, monkeypatch):
    calls = []

    def copy_good(model_dir, target):
        calls.append(target)
        shutil.copyfile(exported, target)

    monkeypatch.setattr(onnx_embed, "_run_export", copy_good)
    target = onnx_model_path(embed.bundled_model_path())
    target.parent.mkdir(parents=True)
    target.write_bytes(exported.read_bytes()[: 1 << 20])  # truncated
    embedder = OnnxEmbedder(fallback=HashingEmbedder)
    vectors = embedder.encode(["The river burst its banks."])
    assert embedder.runtime in ONNX_RUNTIMES and len(calls) == 1
    assert vectors.shape == (1, 384)


@pytest.mark.model
def test_a_staged_model_loads_without_the_weights_or_an_export(exported, tmp_path, monkeypatch):
    folder = onnx_embed.stage_model(embed.bundled_model_path(), tmp_path / "model")
    expected = OnnxEmbedder().encode(["The river burst its banks.", "Flooding"])

    def refuse(*args):
        raise AssertionError("a shipped model needs neither the weights package nor an export")

    monkeypatch.setenv("PARALLAX_ONNX_MODEL_DIR", str(folder))
    monkeypatch.setattr(onnx_embed, "bundled_model_path", refuse)
    monkeypatch.setattr(onnx_embed, "_run_export", refuse)
    embedder = OnnxEmbedder()
    vectors = embedder.encode(["The river burst its banks.", "Flooding"])
    assert embedder.runtime in ONNX_RUNTIMES and embedder.source == "shipped"
    assert np.allclose(vectors, expected, atol=1e-6)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [onnx_embed.SHIPPED_ONNX, onnx_embed.SHIPPED_MANIFEST, *onnx_embed.TOKENIZER_FILES, "README.md"]
    )


# The export's check: sentence-transformers' vectors stored for the shipped weights, torch otherwise.


@pytest.mark.torch
def test_the_stored_reference_is_what_sentence_transformers_gives(reference):
    stored = onnx_export.stored_reference(Path(embed.bundled_model_path()), onnx_export.SAMPLES)
    assert stored is not None, "onnx_reference.npz is missing or was made from other weights: --write-reference"
    theirs = reference.encode(list(onnx_export.SAMPLES))
    assert np.allclose(stored, theirs, atol=1e-5)


def test_the_stored_reference_counts_only_for_its_weights_and_texts(monkeypatch):
    model_dir = Path(embed.bundled_model_path())
    stored = onnx_export.stored_reference(model_dir, onnx_export.SAMPLES)
    assert stored is not None and stored.shape == (len(onnx_export.SAMPLES), 384)
    assert np.allclose(np.linalg.norm(stored, axis=1), 1.0, atol=1e-5)
    assert onnx_export.stored_reference(model_dir, [*onnx_export.SAMPLES, "one more"]) is None
    assert onnx_export.stored_reference(model_dir, onnx_export.SAMPLES, Path("/no/such/file.npz")) is None
    monkeypatch.setattr(onnx_embed, "weights_digest", lambda model_dir: "0" * 64)  # other weights
    assert onnx_export.stored_reference(model_dir, onnx_export.SAMPLES) is None


@pytest.mark.model
def test_the_export_check_needs_no_torch(exported, monkeypatch):
    for name in ("torch", "sentence_transformers"):
        monkeypatch.setitem(sys.modules, name, None)  # any import of them now raises ImportError
    cosine, how = onnx_export.check(exported, Path(embed.bundled_model_path()))
    assert how == "stored" and cosine >= onnx_export.MIN_COSINE


@pytest.mark.model
def test_an_export_that_does_not_match_the_reference_is_refused(exported, tmp_path, monkeypatch):
    import onnx

    model_dir = Path(embed.bundled_model_path())
    good = onnx_export.stored_reference(model_dir, onnx_export.SAMPLES)
    assert good is not None
    wrong = good[:, ::-1].copy()  # the same lengths, other directions
    monkeypatch.setattr(onnx_export, "stored_reference", lambda model_dir, texts, file=None: wrong)
    # The graph is the session's exported one (building it again takes a while on a small machine).
    monkeypatch.setattr(onnx_export, "build_model", lambda model_dir: None)
    monkeypatch.setattr(onnx, "save", lambda model, path: shutil.copyfile(exported, path))
    target = tmp_path / "m.onnx"
    with pytest.raises(onnx_export.ExportError, match="differ from sentence-transformers"):
        onnx_export.export(model_dir, target)
    assert not target.exists() and not list(tmp_path.iterdir())  # nothing installed, no temporary left
