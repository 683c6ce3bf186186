"""Runs with the real all-MiniLM-L6-v2 model (slow: marked ``model``).

One embedder is loaded per session and shared: the one the command line uses
(``default_embedder()``: ONNX Runtime on a CPU, so torch is never imported here),
and the engine keeps one loaded model per process. The tests here
also share one embedding cache (the session's), so the seeds are embedded once
per run; the cache test makes its own empty one.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from labelled_sets import labelled_manifests
from parallax.cli import main
from parallax.core.embed import MODEL_NAME, EmbeddingCache, SentenceTransformerEmbedder, default_embedder, embed

pytestmark = pytest.mark.model

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MANIFEST = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))
SEED_PATHS = [str(SEEDS / MANIFEST["article"]), *(str(SEEDS / r["file"]) for r in MANIFEST["reports"])]


@pytest.fixture(scope="session")
def embedder(_session_cache_env):
    model = default_embedder()
    model.load()
    return model


@pytest.fixture(autouse=True)
def _shared_cache(_session_cache_env, monkeypatch):
    shared = _session_cache_env / "model-tests"
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(shared))
    return shared


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_the_model_gives_unit_vectors_that_know_paraphrases(embedder):
    texts = [
        "Talks resumed in Istanbul on Tuesday.",
        "On Tuesday the negotiations restarted in Istanbul.",
        "The recipe needs two cups of flour and an egg.",
    ]
    vectors = embed(texts, embedder).vectors
    assert vectors.shape == (3, 384)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-4)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2]) + 0.3


def test_compare_json_prints_schema_1(embedder, capsys):
    code, out, err = run(["compare", *SEED_PATHS, "--json"], capsys)
    assert code == 0, err
    schema = json.loads(out)
    assert schema["schema"] == 1
    assert schema["model"] == MODEL_NAME == "all-MiniLM-L6-v2"
    assert [d["path"] for d in schema["documents"]] == SEED_PATHS
    assert [c["report"] for c in schema["comparisons"]] == [1, 2, 3]
    assert all(c["links"] for c in schema["comparisons"]), "every report links to the article"
    assert len(schema["coverage"]) == len([p for p in schema["documents"][0]["paragraphs"] if not p["boilerplate"]])


def test_compare_summary_names_each_report(embedder, capsys):
    code, out, err = run(["compare", *SEED_PATHS], capsys)
    assert code == 0, err
    for number in (1, 2, 3):
        assert f"Report {number}:" in out
    assert out.count(" agree, ") == 3


def test_threshold_option_reaches_the_output(embedder, capsys):
    code, out, _ = run(["compare", *SEED_PATHS[:2], "--json", "--threshold", "0.9"], capsys)
    assert code == 0
    schema = json.loads(out)
    assert schema["threshold"] == 0.9
    # Over the default threshold, words shared admit no pair under it (parallax.core.align).
    assert all(link["similarity"] >= 0.9 for link in schema["comparisons"][0]["links"])


def test_batch_prints_one_result_line_per_input_line(embedder, capsys, tmp_path):
    article = Path(SEED_PATHS[0]).read_text(encoding="utf-8")
    brief = Path(SEED_PATHS[3]).read_text(encoding="utf-8")
    lines = [
        {"id": "first", "article": article, "reports": [brief]},
        {
            "id": 7,
            "article": "Talks resumed in Istanbul on Tuesday.\n\nOil prices rose.",
            "reports": ["On Tuesday the negotiations restarted in Istanbul.\n\nOil prices fell.", "Talks resumed."],
        },
    ]
    batch = tmp_path / "in.jsonl"
    batch.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    code, out, err = run(["batch", str(batch)], capsys)
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == ["first", 7]
    assert all(r["result"]["schema"] == 1 and r["result"]["model"] == MODEL_NAME for r in records)
    assert [len(r["result"]["documents"]) for r in records] == [2, 3]


def test_a_second_compare_embeds_nothing_new(embedder, capsys, tmp_path, monkeypatch):
    cache_dir = tmp_path / "empty-cache"
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(cache_dir))
    # Short documents: an empty cache means embedding everything, which takes minutes for the seeds here.
    paths = [str(tmp_path / "article.txt"), str(tmp_path / "report.txt")]
    Path(paths[0]).write_text(
        "Talks resumed in Istanbul on Tuesday.\n\nRussia said it would scale back around Kyiv.", encoding="utf-8"
    )
    Path(paths[1]).write_text(
        "On Tuesday the negotiations restarted in Istanbul.\n\nOil prices fell after the meeting.", encoding="utf-8"
    )
    code, _, err = run(["compare", *paths, "--json"], capsys)
    assert code == 0, err
    cache = EmbeddingCache.default()
    assert cache.path.is_relative_to(cache_dir), "the test cache, never the user's"
    stored = cache.count(MODEL_NAME)
    assert stored > 0
    encoded: list[int] = []
    from parallax.core.onnx_embed import OnnxEmbedder

    # Whichever runtime default_embedder() picks, any call that reaches a model is counted.
    for runtime in (SentenceTransformerEmbedder, OnnxEmbedder):

        def counting(self, texts, _original=runtime.encode):
            encoded.append(len(texts))
            return _original(self, texts)

        monkeypatch.setattr(runtime, "encode", counting)
    code, _, err = run(["compare", *paths, "--json"], capsys)
    assert code == 0, err
    assert encoded == [], "every vector came from the cache"
    assert cache.count(MODEL_NAME) == stored
    cache.close()


@pytest.mark.model
@pytest.mark.parametrize(
    "manifest_path",
    labelled_manifests(),
)
def test_manifest_scores(embedder, manifest_path, capsys):
    """End to end on labelled reports: prints the scores; the sets that meet issue #2's bars must keep them.

    The seeds, dev and dev2 (tuned on) and the held-out set (only its totals read, but for two
    paragraphs in session 12) meet the bars, which are asserted; the later development sets do not
    yet, so their figures are printed.
    """
    from pathlib import Path

    from parallax.core.compare import compare
    from parallax.core.evaluate import ReportScore, load_manifest, score_report
    from parallax.core.ingest import read_document

    root = Path(__file__).resolve().parents[2]
    manifest = load_manifest(root / manifest_path)
    documents = [read_document(manifest.article), *(read_document(r.file) for r in manifest.reports)]
    result = compare(documents, embedder, EmbeddingCache.default())
    total = ReportScore()
    per_report = []
    for comparison, gold in zip(result.comparisons, manifest.reports, strict=True):
        score = score_report(comparison, gold, gold.file.name)
        per_report.append((gold.file.name, score))
        total = total + score
    with capsys.disabled():
        print(
            f"\n{manifest_path}: linked {total.link_recall:.2f}, labels {total.label_accuracy:.2f}, "
            f"planted found {total.divergence_recall:.2f}, false divergences {total.false_divergences}"
        )
    meets_the_bar = ("seeds", "tests/dev/", "tests/dev2/", "tests/heldout/")
    if manifest_path.startswith(meets_the_bar):
        assert total.link_recall >= 0.9
        assert total.label_accuracy >= 0.85
        assert total.divergence_recall >= 0.8
        assert all(score.false_divergences <= 1 for _, score in per_report)
