"""A probe, not the engine: would token-level similarity reach issue 4's ABCD goal where pooled cosine does not?

Usage:
    python tests/bench/abcd_token_probe.py [--data DIR] [--sample N] [--seed S]

The engine compares units by the cosine of their pooled all-MiniLM-L6-v2
vectors (and, to choose among those over the threshold, their word overlap:
``tests/bench/abcd_policies.py`` measures that cheaper route). This probe
scores the ABCD news pairs of ``../shared/benchmarks`` (skipped with a message,
exit 0, when absent) two ways from the same bundled model, through
sentence-transformers (so torch; it skips without it):

- **pooled cosine**, the engine's measure;
- **token F1**, BERTScore's measure: each token of one sentence is matched to
  its most similar token of the other (cosine of the model's contextual token
  vectors), precision and recall are the IDF-weighted means of those best
  matches, and F1 combines them. IDF is counted over the documents read, as
  BERTScore counts it over its reference set.

Each source sentence is linked to every target within ``margin`` of its best
score (no threshold), and recall / precision are scored as ``quality.py`` scores
them. Nothing here is used by the app; the figures are in docs/quality.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import random
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from quality import data_folder, score_alignment, sentences_as_paragraphs  # noqa: E402

MARGINS = (0.0, 0.02, 0.03, 0.035, 0.05)


@dataclass(frozen=True)
class Tokens:
    """One sentence as the model reads it: unit token vectors (rows) and their vocabulary ids."""

    vectors: NDArray[np.float32]
    ids: tuple[int, ...]


def inverse_document_frequency(sentences: Sequence[Tokens]) -> dict[int, float]:
    """log((N + 1) / (df + 1)) per token id, over ``sentences``."""
    counts: Counter[int] = Counter()
    for sentence in sentences:
        counts.update(set(sentence.ids))
    total = len(sentences)
    return {token: math.log((total + 1) / (df + 1)) for token, df in counts.items()}


def token_f1(a: Tokens, b: Tokens, idf: Mapping[int, float]) -> float:
    """BERTScore F1 of two sentences: IDF-weighted best-match precision and recall, combined."""
    scores = a.vectors @ b.vectors.T
    weights_a = np.array([idf.get(t, 0.0) for t in a.ids])
    weights_b = np.array([idf.get(t, 0.0) for t in b.ids])
    if weights_a.sum() <= 0 or weights_b.sum() <= 0:
        return 0.0
    precision = float((scores.max(axis=1) * weights_a).sum() / weights_a.sum())
    recall = float((scores.max(axis=0) * weights_b).sum() / weights_b.sum())
    return 0.0 if precision + recall <= 0 else 2 * precision * recall / (precision + recall)


def margin_targets(scores: NDArray[np.float64], margin: float) -> dict[int, set[int]]:
    """Each row's columns within ``margin`` of its best score."""
    if scores.ndim != 2 or scores.shape[1] == 0:
        return {}
    return {i: {int(j) for j in np.nonzero(row >= row.max() - margin)[0]} for i, row in enumerate(scores)}


def _read(model: Any, texts: list[str]) -> tuple[list[Tokens], NDArray[np.float32]]:
    tokenizer = model.tokenizer
    outputs = model.encode(texts, output_value="token_embeddings", convert_to_numpy=False, batch_size=64)
    encoded = tokenizer(texts, truncation=True, max_length=model.max_seq_length)["input_ids"]
    special = {tokenizer.cls_token_id, tokenizer.sep_token_id}
    read = []
    for output, ids in zip(outputs, encoded, strict=True):
        vectors = output.numpy()
        vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
        keep = [i for i, token in enumerate(ids) if token not in special] or list(range(len(ids)))
        read.append(Tokens(vectors[keep].astype(np.float32), tuple(ids[i] for i in keep)))
    pooled = model.encode(texts, normalize_embeddings=True, batch_size=64)
    return read, pooled


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="the benchmarks folder (default ../shared/benchmarks or $PARALLAX_BENCHMARKS)")
    parser.add_argument("--sample", type=int, help="a seeded sample of N document pairs")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    folder = data_folder(args.data) / "abcd-news-ecb"
    if not folder.is_dir():
        print(f"abcd_token_probe: skipped: no ABCD data in {folder}")
        return 0
    if importlib.util.find_spec("sentence_transformers") is None:
        print("abcd_token_probe: skipped: sentence-transformers (and torch) are not installed")
        return 0
    from sentence_transformers import SentenceTransformer

    from parallax.core.embed import bundled_model_path

    docs = json.loads((folder / "docs.json").read_text(encoding="utf-8"))
    links = sorted(json.loads((folder / "links.json").read_text(encoding="utf-8")).items())
    if args.sample:
        links = sorted(random.Random(args.seed).sample(links, min(args.sample, len(links))))
    wanted = {doc for _, pair in links for doc in (pair["doc1"], pair["doc2"])}
    model = SentenceTransformer(str(bundled_model_path()), device="cpu")
    read: dict[str, tuple[list[Tokens], NDArray[np.float32], list[int]]] = {}
    for doc_id in sorted(wanted):
        text, index = sentences_as_paragraphs(docs[doc_id])
        tokens, pooled = _read(model, text.split("\n\n")) if text else ([], np.zeros((0, 384), np.float32))
        read[doc_id] = (tokens, pooled, index)
    idf = inverse_document_frequency([t for tokens, _, _ in read.values() for t in tokens])
    runs: dict[str, dict[float, list[tuple[dict[int, set[int]], dict[int, set[int]]]]]] = {
        "pooled cosine (the engine's measure)": {m: [] for m in MARGINS},
        "token F1, IDF-weighted": {m: [] for m in MARGINS},
    }
    for _, pair in links:
        (a_tokens, a_pooled, a_index), (r_tokens, r_pooled, r_index) = read[pair["doc1"]], read[pair["doc2"]]
        gold = {int(s): {int(t) for t in targets} for s, targets in pair["links"].items()}
        if not a_tokens or not r_tokens:
            continue
        matrices = {
            "pooled cosine (the engine's measure)": (a_pooled @ r_pooled.T).astype(np.float64),
            "token F1, IDF-weighted": np.array([[token_f1(a, r, idf) for r in r_tokens] for a in a_tokens]),
        }
        for name, scores in matrices.items():
            for margin in MARGINS:
                guess = {a_index[i]: {r_index[j] for j in js} for i, js in margin_targets(scores, margin).items()}
                runs[name][margin].append((guess, gold))
    print(f"ABCD news, {len(links)} document pairs: each source linked to every target within the margin of its best\n")
    print("| similarity | margin | recall | precision |")
    print("|---|---|---|---|")
    for name, by_margin in runs.items():
        for margin, scored in by_margin.items():
            score = score_alignment(scored)
            print(f"| {name} | {margin} | {score.recall:.3f} | {score.precision:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
