"""OpenVINO in bfloat16: when it is tried, that its vectors are sentence-transformers', and what a refusal keeps.

The model tests reuse the session's exported ONNX file (see test_onnx_embed.py's
``exported`` fixture, shared through the models folder conftest.py sets).
"""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from parallax.core import embed, onnx_embed, onnx_export, openvino_embed
from parallax.core.embed import HashingEmbedder
from parallax.core.ingest import read_document
from parallax.core.onnx_embed import OnnxEmbedder
from parallax.core.openvino_embed import OpenVinoModel, OpenVinoRefused, token_batches
from parallax.demo import demo_paths

needs_openvino = pytest.mark.skipif(importlib.util.find_spec("openvino") is None, reason="openvino is not installed")


@pytest.mark.parametrize(
    ("lengths", "budget", "batches"),
    [
        ([], 512, []),
        ([5], 512, [[0]]),
        ([10, 3, 7], 30, [[1, 2, 0]]),  # sorted: 3 x 10 = 30 padded tokens fit
        ([10, 3, 7], 29, [[1, 2], [0]]),
        ([600, 4, 4], 512, [[1, 2], [0]]),  # longer than the budget: a batch of its own
        ([8] * 10, 32, [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]),
    ],
)
def test_texts_go_in_sorted_batches_within_the_token_budget(lengths, budget, batches):
    assert token_batches(lengths, budget) == batches
    for batch in batches:
        assert len(batch) == 1 or len(batch) * max(lengths[i] for i in batch) <= budget


@pytest.mark.parametrize(
    ("forced", "installed", "bf16", "wanted"),
    [
        ("onnxruntime", True, True, False),
        ("openvino", False, False, True),  # forced: tried, and refused at load if it cannot run
        ("", True, True, True),
        ("", True, False, False),  # no native bf16: OpenVINO's fp32 is no faster than ONNX Runtime's
        ("", True, None, True),  # a CPU we cannot read: OpenVINO itself says at load
        ("", False, True, False),
    ],
)
def test_openvino_is_tried_where_it_can_pay(monkeypatch, forced, installed, bf16, wanted):
    monkeypatch.setenv(openvino_embed.ENVIRONMENT, forced)
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: (
            (real_find_spec("json") if installed else None) if name == "openvino" else real_find_spec(name)
        ),
    )
    monkeypatch.setattr(openvino_embed, "cpu_has_bf16", lambda: bf16)
    assert openvino_embed.wanted() is wanted


@pytest.mark.model
def test_a_refused_openvino_leaves_onnx_runtime_and_says_so_only_when_forced(monkeypatch, capsys):
    def refuse(*args, **kwargs):
        raise OpenVinoRefused("OpenVINO cannot run the model (no CPU plugin)")

    monkeypatch.setattr(openvino_embed, "OpenVinoModel", refuse)
    monkeypatch.setattr(openvino_embed, "wanted", lambda: True)
    for forced, lines in (("", 0), ("openvino", 1)):
        monkeypatch.setenv(openvino_embed.ENVIRONMENT, forced)
        onnx_embed._SESSIONS.clear()
        embedder = OnnxEmbedder(fallback=HashingEmbedder)
        assert embedder.encode(["The river burst its banks."]).shape == (1, 384)
        assert embedder.runtime == "onnx"
        err = capsys.readouterr().err
        assert err.count("\n") == lines and ("no CPU plugin" in err) == bool(lines)
    onnx_embed._SESSIONS.clear()


def _paragraphs() -> list[str]:
    texts = [p.text for path in demo_paths() for p in read_document(path).paragraphs]
    return [*texts, "", "Flooding", " ".join(texts[:12]), "word " * 600]


@needs_openvino
@pytest.mark.model
def test_openvino_vectors_are_onnx_runtimes_to_the_bar(monkeypatch):
    monkeypatch.setenv(openvino_embed.ENVIRONMENT, "onnxruntime")
    fp32 = OnnxEmbedder()
    texts = _paragraphs()
    expected = fp32.encode(texts)
    monkeypatch.setenv(openvino_embed.ENVIRONMENT, "openvino")
    ours = OnnxEmbedder()
    vectors = ours.encode(texts)
    assert ours.runtime == "openvino" and fp32.runtime == "onnx"
    assert vectors.shape == expected.shape
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    cosines = np.sum(vectors * expected, axis=1)
    assert cosines.min() >= openvino_embed.MIN_COSINE, [texts[i][:60] for i in np.flatnonzero(cosines < 0.999)]
    # Batching changes nothing: one text at a time gives the same vectors.
    alone = np.vstack([ours.encode([t]) for t in texts[:5]])
    assert np.allclose(alone, vectors[:5], atol=2e-3)


@needs_openvino
@pytest.mark.model
def test_openvino_is_refused_when_its_vectors_miss_the_reference(monkeypatch):
    OnnxEmbedder().load()  # the session's export
    model_dir = embed.bundled_model_path()
    path = onnx_embed.onnx_model_path(model_dir)
    texts = list(onnx_export.SAMPLES)
    good = onnx_embed._OnnxModel(path, model_dir).encode(texts)
    monkeypatch.setenv(openvino_embed.ENVIRONMENT, "openvino")
    checked = OpenVinoModel(path, model_dir, 2, (texts, good))
    assert checked.lowest_cosine is not None and checked.lowest_cosine >= openvino_embed.MIN_COSINE
    wrong = np.roll(good, 1, axis=0)  # each text given another's vector
    with pytest.raises(OpenVinoRefused, match="differ from sentence-transformers"):
        OpenVinoModel(path, model_dir, 2, (texts, wrong))
