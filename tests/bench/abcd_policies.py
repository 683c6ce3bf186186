"""Which linking policy could reach issue 4's ABCD goal, and what it would cost on the labelled sets.

Usage:
    python tests/bench/abcd_policies.py [--data DIR]

The engine links a unit to its preferred partner among those over the threshold
(``parallax.core.align``). ABCD news scores each annotated source sentence by
whether any of its predicted targets is gold, and counts no cost for linking a
sentence that has no counterpart (unannotated sentences are not scored). This
script scores, from the engine's own vectors (the default embedder and cache) and
word overlap (``parallax.core.lexical``), policies the engine does not use:

- **arg-max**: each source to its single best target, by cosine or by cosine plus
  1.5 x overlap, with or without the 0.5 floor;
- **near-best**: each source to every target within ``margin`` of its best, with
  a floor on the combined score or none.

For each near-best policy it also reads the labelled sets (seeds, tests/dev*,
tests/heldout; see tests/labelled_sets.py) and prints the share of article paragraphs that no report
paragraph tells (no gold link) which the policy would still give a partner: what
the policy would draw, falsely, in the app. It prints the ABCD figures for each
half of the topics too (alternate topics by number), as a check on how far a
margin chosen on this split carries. Skips with a message, exit 0, when the ABCD
data is absent. Figures are in docs/quality.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from quality import ROOT, AlignmentScore, data_folder, score_alignment, sentences_as_paragraphs  # noqa: E402

sys.path.insert(0, str(BENCH.parent))
from labelled_sets import labelled_manifests  # noqa: E402
from parallax.core.compare import prepare  # noqa: E402
from parallax.core.embed import Embedder, EmbeddingCache, default_embedder, embed  # noqa: E402
from parallax.core.evaluate import load_manifest  # noqa: E402
from parallax.core.ingest import read_document  # noqa: E402
from parallax.core.lexical import lexical_similarity, unit_words  # noqa: E402

WEIGHT = 1.5  # the engine's AlignConfig.lexical_weight


@dataclass(frozen=True)
class Policy:
    """``near``: every target within ``margin`` of the best (else the arg-max alone); ``floor``: lowest score."""

    name: str
    words: bool
    near: bool = False
    margin: float = 0.0
    floor: float | None = None


POLICIES = (
    Policy("arg-max, cosine >= 0.5 (the README's floor)", words=False, floor=0.5),
    Policy("arg-max, cosine", words=False),
    Policy("arg-max, cosine + 1.5 x overlap", words=True),
    Policy("near-best 0.03, cosine", words=False, near=True, margin=0.03),
    Policy("near-best 0.08, cosine + 1.5 x overlap", words=True, near=True, margin=0.08),
    Policy("near-best 0.08, cosine + 1.5 x overlap >= 0.5", words=True, near=True, margin=0.08, floor=0.5),
    Policy("near-best 0.08, cosine + 1.5 x overlap >= 0.7", words=True, near=True, margin=0.08, floor=0.7),
    Policy("near-best 0.08, cosine + 1.5 x overlap >= 0.8", words=True, near=True, margin=0.08, floor=0.8),
)


def targets(scores: NDArray[np.float32], policy: Policy) -> dict[int, set[int]]:
    """The targets (columns) each source (row) is given under ``policy``."""
    chosen: dict[int, set[int]] = {}
    for i, row in enumerate(scores):
        if row.size == 0:
            continue
        best = float(row.max())
        picked = np.nonzero(row >= best - policy.margin)[0] if policy.near else [int(row.argmax())]
        kept = {int(j) for j in picked if policy.floor is None or row[j] >= policy.floor}
        if kept:
            chosen[i] = kept
    return chosen


def combined(cosine: NDArray[np.float32], overlap: NDArray[np.float32], policy: Policy) -> NDArray[np.float32]:
    return cosine + WEIGHT * overlap if policy.words else cosine


@dataclass(frozen=True)
class Pair:
    topic: int
    cosine: NDArray[np.float32]
    overlap: NDArray[np.float32]
    source_index: list[int]
    target_index: list[int]
    gold: dict[int, set[int]]


def abcd_pairs(folder: Path, embedder: Embedder, cache: EmbeddingCache | None) -> list[Pair]:
    docs = json.loads((folder / "docs.json").read_text(encoding="utf-8"))
    links = json.loads((folder / "links.json").read_text(encoding="utf-8"))
    read: dict[str, tuple[list[str], list[int], NDArray[np.float32]]] = {}
    for doc_id, sentences in docs.items():
        text, index = sentences_as_paragraphs(sentences)
        units = text.split("\n\n") if text else []
        read[doc_id] = (units, index, embed(units, embedder, cache).vectors)
    pairs = []
    for _, pair in sorted(links.items()):
        (a_units, a_index, a_vectors), (r_units, r_index, r_vectors) = read[pair["doc1"]], read[pair["doc2"]]
        if not a_units or not r_units:
            continue
        overlap = lexical_similarity([unit_words(u) for u in a_units], [unit_words(u) for u in r_units])
        gold = {int(s): {int(t) for t in ts} for s, ts in pair["links"].items()}
        topic = int(pair["doc1"].split("_")[0])
        pairs.append(Pair(topic, a_vectors @ r_vectors.T, np.asarray(overlap), a_index, r_index, gold))
    return pairs


def score_abcd(pairs: Iterable[Pair], policy: Policy) -> AlignmentScore:
    scored = []
    for p in pairs:
        chosen = targets(combined(p.cosine, p.overlap, policy), policy)
        guess = {p.source_index[i]: {p.target_index[j] for j in js} for i, js in chosen.items()}
        scored.append((guess, p.gold))
    return score_alignment(scored)


@dataclass(frozen=True)
class Labelled:
    cosine: NDArray[np.float32]
    overlap: NDArray[np.float32]
    partners: dict[int, set[int]]  # article unit (row) -> gold report units (columns); absent: none


def labelled_pairs(embedder: Embedder, cache: EmbeddingCache | None) -> list[Labelled]:
    read = []
    for manifest_path in labelled_manifests():
        manifest = load_manifest(ROOT / manifest_path)
        documents = [read_document(manifest.article), *(read_document(r.file) for r in manifest.reports)]
        prepared = prepare(documents, embedder, cache)
        article = documents[0]
        a_units = article.content_paragraphs()
        a_words = [unit_words(article.paragraphs[i].text) for i in a_units]
        for k, gold in enumerate(manifest.reports, start=1):
            r_units = documents[k].content_paragraphs()
            r_words = [unit_words(documents[k].paragraphs[j].text) for j in r_units]
            column = {unit: j for j, unit in enumerate(r_units)}
            partners: dict[int, set[int]] = {}
            for row, unit in enumerate(a_units):
                found = {
                    column[r] for link in gold.links if unit in link["article"] for r in link["report"] if r in column
                }
                if found:
                    partners[row] = found
            cosine = prepared.paragraph_vectors[0] @ prepared.paragraph_vectors[k].T
            read.append(Labelled(cosine, lexical_similarity(a_words, r_words), partners))
    return read


def unpartnered_given_one(sets: Sequence[Labelled], policy: Policy) -> tuple[float, int]:
    """The share of article paragraphs without a gold partner that ``policy`` gives one, and their number."""
    given = total = 0
    for s in sets:
        chosen = targets(combined(s.cosine, s.overlap, policy), policy)
        for row in range(s.cosine.shape[0]):
            if row not in s.partners:
                total += 1
                given += row in chosen
    return (given / total if total else 0.0), total


def table(
    pairs: Sequence[Pair], sets: Sequence[Labelled], policies: Sequence[Policy]
) -> list[tuple[str, str, str, str, str]]:
    topics = sorted({p.topic for p in pairs})
    half = {t: i % 2 for i, t in enumerate(topics)}
    rows = []
    for policy in policies:
        whole = score_abcd(pairs, policy)
        halves = [score_abcd([p for p in pairs if half[p.topic] == h], policy) for h in (0, 1)]
        share, _ = unpartnered_given_one(sets, policy) if policy.near else (float("nan"), 0)
        rows.append(
            (
                policy.name,
                f"{whole.recall:.3f} / {whole.precision:.3f}",
                " and ".join(f"{h.recall:.3f} / {h.precision:.3f}" for h in halves),
                "" if np.isnan(share) else f"{share:.0%}",
                "yes" if whole.recall >= 0.75 and whole.precision >= 0.6 else "",
            )
        )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="the benchmarks folder (default ../shared/benchmarks or $PARALLAX_BENCHMARKS)")
    args = parser.parse_args(argv)
    folder = data_folder(args.data) / "abcd-news-ecb"
    if not folder.is_dir():
        print(f"abcd_policies: skipped: no ABCD data in {folder}")
        return 0
    embedder, cache = default_embedder(), EmbeddingCache.default()
    pairs = abcd_pairs(folder, embedder, cache)
    sets = labelled_pairs(embedder, cache)
    unpartnered = sum(s.cosine.shape[0] - len(s.partners) for s in sets)
    print(f"ABCD news: {len(pairs)} document pairs; labelled sets: {unpartnered} article paragraphs no report tells\n")
    print(
        "| policy | ABCD recall / precision | each half of the topics | unpartnered article paragraphs given a partner | goal met |"
    )
    print("|---|---|---|---|---|")
    for row in table(pairs, sets, POLICIES):
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
