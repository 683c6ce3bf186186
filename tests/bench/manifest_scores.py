"""Print the end-to-end scores of the engine on a labelled manifest (seeds by default).

Usage: python tests/bench/manifest_scores.py [MANIFEST] [--threshold T] [--verbose]
Uses the real model (loaded only if the embedding cache lacks a text).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from parallax.core.compare import CompareConfig, compare
from parallax.core.embed import Embedder, EmbeddingCache, default_embedder
from parallax.core.evaluate import ReportScore, load_manifest, score_report
from parallax.core.ingest import read_document

ROOT = Path(__file__).resolve().parents[2]


def score_manifest(
    manifest_path: Path | str, embedder: Embedder, cache: EmbeddingCache | None, config: CompareConfig
) -> list[tuple[str, ReportScore]]:
    """Compare a manifest's article with its reports and score each report (also used by quality.py)."""
    manifest = load_manifest(manifest_path)
    documents = [read_document(manifest.article), *(read_document(r.file) for r in manifest.reports)]
    result = compare(documents, embedder, cache, config)
    return [
        (gold.file.name, score_report(comparison, gold, gold.file.name))
        for comparison, gold in zip(result.comparisons, manifest.reports, strict=True)
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("manifest", nargs="?", default=str(ROOT / "seeds" / "manifest.json"))
    parser.add_argument("--threshold", type=float, default=CompareConfig().threshold)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    scores = score_manifest(
        args.manifest, default_embedder(), EmbeddingCache.default(), CompareConfig(threshold=args.threshold)
    )
    elapsed = time.perf_counter() - started
    total = ReportScore()
    print(f"{'report':<28} {'linked':>7} {'labels':>7} {'planted':>8} {'false div':>9}")
    for name, s in scores:
        total = total + s
        print(
            f"{name:<28} {s.link_recall:7.2f} {s.label_accuracy:7.2f} {s.planted_found:>4}/{s.planted:<3} {s.false_divergences:9d}"
        )
        if args.verbose:
            for line in s.missed:
                print("   ", line)
    print(
        f"{'all':<28} {total.link_recall:7.2f} {total.label_accuracy:7.2f} {total.divergence_recall:8.2f} {total.false_divergences:9d}"
    )
    print(f"(threshold {args.threshold}, {elapsed:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
