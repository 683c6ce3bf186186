"""Score a support-checker file on the SummEdits news development split, alone and on top of the engine.

For each row the engine compares ``doc`` (article) with ``summary`` (report) as ``parallax batch`` does;
the row counts as flagged when a paragraph link diverges or report content is unlinked (the rule of
``tests/bench/quality.py``). The checker then scores each report sentence against its ``k`` most similar
article sentences; "checker" flags a row when its least-supported sentence scores below the threshold,
"engine+checker" flags it when either does. Prints balanced accuracy per threshold and catch rates per
edit type. Reads ``../shared/benchmarks`` (skips when absent); stores nothing.

    python training/checker/dev_eval.py --weights FILE [--k 4] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

from parallax.core.batch import record_documents
from parallax.core.compare import CompareConfig, compare_prepared, prepare
from parallax.core.embed import EmbeddingCache, SentenceTransformerEmbedder
from parallax.core.export import to_schema

sys.path.insert(0, str(Path(__file__).resolve().parent))
from numpy_checker import DEFAULT_K, SupportChecker, sentence_support

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "benchmarks" / "summedits-news" / "summedits_news_evaluation.json"


def balanced(gold: list[bool], flagged: list[bool]) -> float:
    parts = []
    for value in (True, False):
        rows = [f == g for g, f in zip(gold, flagged, strict=True) if g == value]
        if rows:
            parts.append(sum(rows) / len(rows))
    return 100 * sum(parts) / len(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--weights", required=True)
    parser.add_argument("--k", type=int, default=DEFAULT_K)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--data", default=str(DATA))
    args = parser.parse_args()
    if not Path(args.data).is_file():
        print(f"skipped: {args.data} is absent")
        return 0
    rows = json.loads(Path(args.data).read_text(encoding="utf-8"))
    if args.limit:
        rows = rows[: args.limit]
    embedder, cache = SentenceTransformerEmbedder(), EmbeddingCache.default()
    checker = SupportChecker(args.weights)
    table = []  # (edit types, inconsistent, engine flag, min probability over linked report sentences)
    for number, row in enumerate(rows):
        documents = record_documents({"article": row["doc"], "reports": [row["summary"]]})
        prepared = prepare(documents, embedder, cache)
        result = compare_prepared(prepared, CompareConfig())
        comparison = to_schema(result)["comparisons"][0]
        engine = any(link["label"] == "diverge" for link in comparison["links"]) or bool(comparison["report_only"])
        article, report = documents
        a_idx = [i for i, s in enumerate(article.sentences) if not article.paragraphs[s.paragraph].boilerplate]
        r_idx = [i for i, s in enumerate(report.sentences) if not report.paragraphs[s.paragraph].boilerplate]
        verdicts = sentence_support(
            [article.sentences[i].text for i in a_idx],
            prepared.sentence_vectors[0],
            [report.sentences[i].text for i in r_idx],
            prepared.sentence_vectors[1],
            checker,
            args.k,
        )
        low = min((v.probability for v in verdicts if v is not None), default=1.0)
        table.append((row["edit_types"], row["label"] == 0, engine, low))
        print(f"\r{number + 1}/{len(rows)}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    gold = [t[1] for t in table]
    print(f"rows {len(table)}, inconsistent {sum(gold)}; engine alone: {balanced(gold, [t[2] for t in table]):.1f}")
    print(f"{'threshold':>9} {'checker':>8} {'engine+checker':>15}")
    for threshold in np.round(np.arange(0.05, 1.0, 0.05), 2):
        alone = balanced(gold, [t[3] < threshold for t in table])
        both = balanced(gold, [t[2] or t[3] < threshold for t in table])
        print(f"{threshold:9.2f} {alone:8.1f} {both:15.1f}")
    for threshold in (0.3, 0.5, 0.7):
        catches: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for kinds, inconsistent, engine, low in table:
            for kind in kinds or (["(none listed)"] if inconsistent else []):
                catches[kind][0] += int(engine or low < threshold)
                catches[kind][1] += 1
        false_alarms = [t[2] or t[3] < threshold for t in table if not t[1]]
        print(
            f"t={threshold}: "
            + ", ".join(f"{k} {c}/{n}" for k, (c, n) in sorted(catches.items()))
            + f"; false alarms {sum(false_alarms)}/{len(false_alarms)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
