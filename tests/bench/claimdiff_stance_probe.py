"""A probe, not the engine: does a stance model learned from FNC-1 tell ClaimDiff's "weaken" pairs apart?

Usage:
    python tests/bench/claimdiff_stance_probe.py [--data DIR]

Issue 4's ClaimDiff goal (macro-F1 50) needs "weaken" told from "strengthen",
and the engine's claim rules cannot (docs/quality.md). This probe asks whether
the one stance data the project may train on, FNC-1 headline-body stances in
``../shared/benchmarks/train/fnc-1`` (skipped with a message, exit 0, when
absent), teaches that on the CPU, with nothing but the engine's own sentence
vectors:

- each FNC-1 headline is paired with the body sentence closest to it (the
  first 40 sentences of the body), and the pair is read as the cosine, its
  square, and the element-wise product and absolute difference of the two
  unit vectors (the usual sentence-pair features);
- stances map onto ClaimDiff's classes: agree -> strengthen, disagree ->
  weaken, unrelated -> neither, and discuss to either strengthen or neither
  (both are run);
- a class-balanced logistic regression is fitted on the bodies whose id is
  not 0 mod 5 and scored on the rest (a check that it learned FNC-1), then
  refitted on all of FNC-1 and scored on every ClaimDiff pair, which it never
  sees in training.

It prints the macro-F1 of each, the per-class F1 on ClaimDiff, and the share of
gold "weaken" pairs among the ClaimDiff pairs the model finds likeliest to
weaken, against their share overall: equal shares mean the model carries no
signal for "weaken". Nothing here is used by the app; the figures are in
docs/quality.md. About three minutes, most of it embedding FNC-1's bodies.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from quality import (  # noqa: E402
    CLAIMDIFF_CLASSES,
    NEITHER,
    STRENGTHEN,
    WEAKEN,
    _claimdiff_rows,
    data_folder,
    f1_per_class,
    macro_f1,
)

BODY_SENTENCES = 40  # the body sentences read per FNC-1 body
SHORTEST_SENTENCE = 20  # characters; shorter pieces are bylines and debris
TOP_SHARES = (0.05, 0.1, 0.25, 0.5)


def pair_features(u: NDArray[np.float32], v: NDArray[np.float32]) -> NDArray[np.float32]:
    """Cosine, its square, product and absolute difference of two unit vectors (rows of ``u`` and ``v``)."""
    cosine = (u * v).sum(axis=1, keepdims=True)
    return np.hstack([cosine, cosine * cosine, u * v, np.abs(u - v)]).astype(np.float32)


def stance_class(stance: str, discuss: str) -> str:
    return {"agree": STRENGTHEN, "disagree": WEAKEN, "unrelated": NEITHER}.get(stance, discuss)


def read_fnc(folder: Path) -> tuple[list[dict[str, str]], dict[str, list[str]]]:
    """The stance rows and each body's sentences (the first ``BODY_SENTENCES``, long enough to be sentences)."""
    from parallax.core.sentence_pairs import sentence_spans

    with open(folder / "train_stances.csv", encoding="utf-8", newline="") as handle:
        stances = list(csv.DictReader(handle))
    bodies: dict[str, list[str]] = {}
    with open(folder / "train_bodies.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            text = " ".join(row["articleBody"].split())
            pieces = [text[a:b].strip() for a, b in sentence_spans(text)[:BODY_SENTENCES]]
            bodies[row["Body ID"]] = [p for p in pieces if len(p) > SHORTEST_SENTENCE]
    return stances, bodies


def fnc_pairs(
    stances: Sequence[dict[str, str]], bodies: dict[str, list[str]], vectors: dict[str, NDArray[np.float32]]
) -> tuple[NDArray[np.float32], list[str], NDArray[np.int64]]:
    """Features of each headline against its closest body sentence, the stances, and each row's body id."""
    heads, nearest, stance, body_ids = [], [], [], []
    for row in stances:
        sentences = bodies.get(row["Body ID"])
        if not sentences:
            continue
        head = vectors[row["Headline"]]
        body = np.stack([vectors[s] for s in sentences])
        heads.append(head)
        nearest.append(body[int(np.argmax(body @ head))])
        stance.append(row["Stance"])
        body_ids.append(int(row["Body ID"]))
    return pair_features(np.stack(heads), np.stack(nearest)), stance, np.array(body_ids)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="the benchmarks folder (default ../shared/benchmarks or $PARALLAX_BENCHMARKS)")
    args = parser.parse_args(argv)
    folder = data_folder(args.data)
    if not (folder / "train" / "fnc-1").is_dir() or not (folder / "claimdiff").is_dir():
        print(f"claimdiff_stance_probe: skipped: no FNC-1 or ClaimDiff data in {folder}")
        return 0
    from sklearn.linear_model import LogisticRegression

    from parallax.core.embed import EmbeddingCache, default_embedder, embed

    stances, bodies = read_fnc(folder / "train" / "fnc-1")
    texts = sorted({row["Headline"] for row in stances} | {s for sentences in bodies.values() for s in sentences})
    embedder = default_embedder()
    # FNC-1's 28,000 texts are not cached: they would only bloat the user's cache
    vectors = dict(zip(texts, embed(texts, embedder, None).vectors, strict=True))
    features, stance, body_ids = fnc_pairs(stances, bodies, vectors)
    rows = _claimdiff_rows(folder / "claimdiff")
    gold = [row["gold"] for row in rows]
    cache = EmbeddingCache.default()
    claim_a = embed([row["claim_a"] for row in rows], embedder, cache).vectors
    claim_b = embed([row["claim_b"] for row in rows], embedder, cache).vectors
    claims = pair_features(claim_a, claim_b)
    base = gold.count(WEAKEN) / len(gold)
    print(f"FNC-1: {len(stance)} headline-body pairs {dict(Counter(stance))}; ClaimDiff: {len(gold)} pairs\n")
    print(
        "| discuss as | FNC-1 held-out bodies macro-F1 | ClaimDiff macro-F1 | ClaimDiff F1 strengthen / weaken / neither |"
    )
    print("|---|---|---|---|")
    shares: dict[str, list[float]] = defaultdict(list)
    for discuss in (STRENGTHEN, NEITHER):
        target = np.array([stance_class(s, discuss) for s in stance])
        held = body_ids % 5 == 0
        check = LogisticRegression(max_iter=2000, class_weight="balanced").fit(features[~held], target[~held])
        inner = macro_f1(list(target[held]), list(check.predict(features[held])), CLAIMDIFF_CLASSES)
        model = LogisticRegression(max_iter=2000, class_weight="balanced").fit(features, target)
        guess = [str(p) for p in model.predict(claims)]
        per_class = f1_per_class(gold, guess, CLAIMDIFF_CLASSES)
        print(
            f"| {discuss} | {100 * inner:.1f} | {100 * macro_f1(gold, guess, CLAIMDIFF_CLASSES):.1f} | "
            + " / ".join(f"{100 * f:.1f}" for f in per_class)
            + " |"
        )
        weaken = model.predict_proba(claims)[:, list(model.classes_).index(WEAKEN)]
        order = np.argsort(-weaken)
        for share in TOP_SHARES:
            top = order[: max(1, round(share * len(order)))]
            shares[discuss].append(sum(gold[i] == WEAKEN for i in top) / len(top))
    print(f"\nShare of gold weaken among the ClaimDiff pairs likeliest to weaken (overall {100 * base:.1f}%):\n")
    print("| discuss as | " + " | ".join(f"top {round(100 * s)}%" for s in TOP_SHARES) + " |")
    print("|---|" + "---|" * len(TOP_SHARES))
    for discuss, values in shares.items():
        print(f"| {discuss} | " + " | ".join(f"{100 * v:.1f}%" for v in values) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
