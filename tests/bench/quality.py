"""Measure the engine on public, human-annotated data (issue 4) and print the figures as a table.

Usage:
    python tests/bench/quality.py [--data DIR] [--sample N] [--seed S] [--threshold T] [--json] [--verbose]

Reads the development splits in ``../shared/benchmarks/`` (``--data`` or
``$PARALLAX_BENCHMARKS`` point elsewhere; see that folder's README) and skips with
a message, exit 0, when they are absent. Every case goes through
:func:`parallax.core.batch.compare_record`, the step behind ``parallax batch``, and
is scored from the schema 1 it returns:

- ABCD news alignment: each sentence of a document is given as its own paragraph,
  so paragraph indices map 1:1 to sentence indices; doc1 is the article, doc2 the
  report. Recall is the share of gold-annotated source sentences linked to at
  least one gold target; precision is the share of the predicted targets of those
  sources that are gold (summed over sources). The floor from the README, a plain
  cosine arg-max with a 0.5 threshold, is computed from the same vectors.
- SummEdits news: doc is the article, summary the report; a row is flagged
  inconsistent when a paragraph link diverges or report content is left unlinked
  (``report_only``). Balanced accuracy, the catch rate per edit type (share of the
  inconsistent rows with that edit type that are flagged) and the false-alarm rate
  on consistent rows.
- ClaimDiff: claim_a is the article, claim_b the report; an agree link means
  strengthen, a diverge link weaken, no link neither. Accuracy and macro-F1 over
  the three classes. The ``_rev`` pairs (the same pair reversed) are kept: the
  engine is directional, and the README's baseline counts them; the figures
  without them are in ``--json``.
- The seeds' manifest: the scores of ``manifest_scores.py``.

``--sample N`` takes a seeded sample of N cases per dataset (stratified by gold
class for SummEdits and ClaimDiff). Embeddings come from the default cache, so a
rerun embeds nothing. No benchmark text is stored in the project.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from parallax.core.batch import compare_record
from parallax.core.compare import CompareConfig
from parallax.core.embed import Embedder, EmbeddingCache, HashingEmbedder, default_embedder, embed
from parallax.core.evaluate import ReportScore
from parallax.core.ingest import IngestError
from parallax.core.segment import normalise_text

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT.parent / "shared" / "benchmarks"
FLOOR_THRESHOLD = 0.5

ABCD, SUMMEDITS, CLAIMDIFF, SEEDS = "ABCD news", "SummEdits news", "ClaimDiff", "Seeds manifest"
DATASETS = (ABCD, SUMMEDITS, CLAIMDIFF, SEEDS)
DATASET_KEYS = ("abcd", "summedits", "claimdiff", "seeds")  # the names --only takes, in the same order
STRENGTHEN, WEAKEN, NEITHER = "strengthen", "weaken", "neither"
CLAIMDIFF_CLASSES = (STRENGTHEN, WEAKEN, NEITHER)
UNLISTED = "(no edit type listed)"

# Published figures and issue-4 goals, from ../shared/benchmarks/README.md and issue 4.
SUMMEDITS_PUBLISHED = (
    "human 90.0, GPT-4 83.3, QAFactEval 74.4, SummaC-Conv 61.9, DAE 60.9 (test split); cosine+number ~51"
)
GOALS = {
    "abcd_recall": "≥0.75 (at P ≥0.6)",
    "abcd_precision": "≥0.60",
    "summedits": "≥75",
    "claimdiff_f1": "≥50",
    "seeds": "no regression",
}

T = TypeVar("T")


# --- metrics (pure functions over plain data) ----------------------------------------------------


@dataclass(frozen=True)
class AlignmentScore:
    """Counts over annotated source sentences; ``found`` have at least one gold target predicted."""

    sources: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.sources if self.sources else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0


def score_alignment(pairs: Iterable[tuple[Mapping[int, set[int]], Mapping[int, set[int]]]]) -> AlignmentScore:
    """Score (predicted, gold) target maps, one per document pair; only sources with gold targets count."""
    sources = found = predicted = correct = 0
    for guess_map, gold_map in pairs:
        for source, gold in gold_map.items():
            if not gold:
                continue
            guess = set(guess_map.get(source, ()))
            sources += 1
            found += bool(guess & gold)
            predicted += len(guess)
            correct += len(guess & gold)
    return AlignmentScore(sources, found, predicted, correct)


def targets_by_article(links: Iterable[Mapping[str, Any]]) -> dict[int, set[int]]:
    """Schema-1 links as {article index: report indices linked to it}."""
    targets: dict[int, set[int]] = defaultdict(set)
    for link in links:
        for a in link["article"]:
            targets[a].update(link["report"])
    return dict(targets)


def argmax_targets(scores: np.ndarray, threshold: float) -> dict[int, set[int]]:
    """The floor: each row's best column, kept when its score reaches ``threshold``."""
    targets: dict[int, set[int]] = {}
    if scores.ndim != 2 or scores.shape[1] == 0:
        return targets
    for i, row in enumerate(scores):
        j = int(np.argmax(row))
        if row[j] >= threshold:
            targets[i] = {j}
    return targets


def flag_reasons(comparison: Mapping[str, Any]) -> list[str]:
    """Why a report is inconsistent with the article: conflict kinds of diverging links, "unlinked"."""
    reasons = [
        f"diverge:{conflict['kind']}"
        for link in comparison["links"]
        if link["label"] == "diverge"
        for conflict in (link["conflicts"] or [{"kind": "?"}])
    ]
    if comparison["report_only"]:
        reasons.append("unlinked")
    return reasons


def balanced_accuracy(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> float:
    """The mean over the gold classes present of the share of that class predicted right."""
    per_class: dict[Hashable, list[int]] = defaultdict(lambda: [0, 0])
    for g, p in zip(gold, predicted, strict=True):
        per_class[g][0] += int(g == p)
        per_class[g][1] += 1
    return sum(right / total for right, total in per_class.values()) / len(per_class) if per_class else 0.0


def catch_rates(rows: Iterable[tuple[Sequence[str], bool, bool]]) -> dict[str, tuple[int, int]]:
    """(edit types, gold inconsistent, flagged) rows to {edit type: (caught, inconsistent rows)}."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for edit_types, inconsistent, flagged in rows:
        if not inconsistent:
            continue
        for kind in edit_types or (UNLISTED,):
            counts[kind][0] += int(flagged)
            counts[kind][1] += 1
    return {kind: (caught, total) for kind, (caught, total) in sorted(counts.items())}


def accuracy(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> float:
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold) if gold else 0.0


def f1_per_class(gold: Sequence[Hashable], predicted: Sequence[Hashable], classes: Sequence[Hashable]) -> list[float]:
    """F1 of each class; 0 where the class is never predicted or never gold (as scikit-learn does)."""
    scores = []
    for c in classes:
        tp = sum(g == c and p == c for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != c and p == c for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == c and p != c for g, p in zip(gold, predicted, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return scores


def macro_f1(gold: Sequence[Hashable], predicted: Sequence[Hashable], classes: Sequence[Hashable]) -> float:
    scores = f1_per_class(gold, predicted, classes)
    return sum(scores) / len(scores) if scores else 0.0


def misplaced_conflicts(schema: Mapping[str, Any]) -> tuple[int, list[str]]:
    """How many conflicts a comparison reports, and a line for each one that cannot be shown as
    it says: a span that is not its text in the document, or no reason to read."""
    documents = schema["documents"]
    count, wrong = 0, []
    for comparison in schema["comparisons"]:
        report = documents[comparison["report"]]
        for link in [*comparison["links"], *comparison.get("sentence_links", ())]:
            for c in link["conflicts"]:
                count += 1
                a_start, a_end = c["article_span"]
                r_start, r_end = c["report_span"]
                shown = (documents[0]["text"][a_start:a_end], report["text"][r_start:r_end])
                if shown != (c["article"], c["report"]) or not c["reason"].strip():
                    wrong.append(f"{c['kind']} {c['article']!r} / {c['report']!r} highlights {shown!r}")
    return count, wrong


def claimdiff_relation(comparison: Mapping[str, Any]) -> str:
    """An agree link is strengthen, a diverge link weaken, no link neither."""
    labels = {link["label"] for link in comparison["links"]}
    if "diverge" in labels:
        return WEAKEN
    return STRENGTHEN if labels else NEITHER


def sample(items: Sequence[T], n: int | None, seed: int, key: Callable[[T], Hashable] | None = None) -> list[T]:
    """A seeded sample of ``n`` items in their original order; with ``key``, every class gets its share."""
    if n is None or n >= len(items):
        return list(items)
    rng = random.Random(seed)
    if key is None:
        return [items[i] for i in sorted(rng.sample(range(len(items)), n))]
    groups: dict[Hashable, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        groups[key(item)].append(i)
    exact = {g: n * len(members) / len(items) for g, members in groups.items()}
    quota = {g: int(share) for g, share in exact.items()}
    for g in sorted(groups, key=lambda g: exact[g] - quota[g], reverse=True)[: n - sum(quota.values())]:
        quota[g] += 1
    for g in groups:  # every class at least once when there is room
        if quota[g] == 0 and n >= len(groups):
            quota[g] = 1
            quota[max(quota, key=lambda h: quota[h])] -= 1
    chosen = [i for g, members in groups.items() for i in rng.sample(members, quota[g])]
    return [items[i] for i in sorted(chosen)]


def sentences_as_paragraphs(sentences: Mapping[str, str]) -> tuple[str, list[int]]:
    """A document whose paragraphs are its sentences, and the sentence index of each paragraph."""
    parts, index = [], []
    for key in sorted(sentences, key=int):
        text = normalise_text(" ".join(sentences[key].split()))
        if text:
            parts.append(text)
            index.append(int(key))
    return "\n\n".join(parts), index


# --- datasets ------------------------------------------------------------------------------------


@dataclass
class Run:
    embedder: Embedder
    cache: EmbeddingCache | None
    config: CompareConfig
    sample: int | None
    seed: int
    verbose: bool
    failures: list[str]
    errors: Counter[str]
    conflicts: Counter[str] = field(default_factory=Counter)  # per dataset: conflicts reported ...
    misplaced: Counter[str] = field(default_factory=Counter)  # ... and those not shown as they say

    def compare(self, dataset: str, case_id: object, article: str, report: str) -> dict[str, Any] | None:
        """The first comparison of schema 1 for one case, or None (counted) when the engine refuses it.

        Every conflict is checked against the texts: its spans must hold what it names.
        """
        try:
            schema = compare_record(
                {"id": case_id, "article": article, "reports": [report]}, self.embedder, self.cache, self.config
            )
        except (ValueError, IngestError) as error:
            self.errors[dataset] += 1
            self.failures.append(f"{dataset} {case_id}: refused: {error}")
            return None
        count, wrong = misplaced_conflicts(schema)
        self.conflicts[dataset] += count
        self.misplaced[dataset] += len(wrong)
        self.failures += [f"{dataset} {case_id}: misplaced conflict: {line}" for line in wrong]
        return schema


def _progress(dataset: str, done: int, total: int) -> None:
    if done == total or done % 100 == 0:
        print(f"  {dataset}: {done}/{total}", file=sys.stderr, flush=True)


def run_abcd(folder: Path, run: Run) -> dict[str, Any]:
    docs = json.loads((folder / "docs.json").read_text(encoding="utf-8"))
    links = json.loads((folder / "links.json").read_text(encoding="utf-8"))
    pairs = sample(sorted(links.items()), run.sample, run.seed)
    prepared = {doc_id: sentences_as_paragraphs(sentences) for doc_id, sentences in docs.items()}
    vectors: dict[str, np.ndarray] = {}
    engine_pairs, floor_pairs = [], []
    for done, (pair_id, pair) in enumerate(pairs, start=1):
        (a_text, a_index), (r_text, r_index) = prepared[pair["doc1"]], prepared[pair["doc2"]]
        gold = {int(s): {int(t) for t in targets} for s, targets in pair["links"].items()}
        schema = run.compare(ABCD, pair_id, a_text, r_text)
        if schema is None:
            continue
        a_doc, r_doc = schema["documents"][0], schema["documents"][1]
        if len(a_doc["paragraphs"]) != len(a_index) or len(r_doc["paragraphs"]) != len(r_index):
            run.errors[ABCD] += 1
            run.failures.append(f"{ABCD} {pair_id}: paragraphs do not map 1:1 to sentences")
            continue
        guess = {
            a_index[a]: {r_index[r] for r in targets}
            for a, targets in targets_by_article(schema["comparisons"][0]["links"]).items()
        }
        engine_pairs.append((guess, gold))
        for doc_id, doc in ((pair["doc1"], a_doc), (pair["doc2"], r_doc)):
            if doc_id not in vectors:
                vectors[doc_id] = embed([p["text"] for p in doc["paragraphs"]], run.embedder, run.cache).vectors
        scores = vectors[pair["doc1"]] @ vectors[pair["doc2"]].T
        floor = {
            a_index[a]: {r_index[r] for r in targets} for a, targets in argmax_targets(scores, FLOOR_THRESHOLD).items()
        }
        floor_pairs.append((floor, gold))
        if run.verbose:
            for source, targets in sorted(gold.items()):
                predicted = guess.get(source, set())
                if targets and not predicted & targets:
                    run.failures.append(
                        f"{ABCD} {pair_id} s{source}: predicted {sorted(predicted)}, gold {sorted(targets)}"
                    )
        _progress(ABCD, done, len(pairs))
    engine, floor_score = score_alignment(engine_pairs), score_alignment(floor_pairs)
    return {
        "pairs": len(engine_pairs),
        "sources": engine.sources,
        "recall": engine.recall,
        "precision": engine.precision,
        "predicted_targets": engine.predicted,
        "floor": {"recall": floor_score.recall, "precision": floor_score.precision, "threshold": FLOOR_THRESHOLD},
    }


def _edit_types(row: Mapping[str, Any]) -> list[str]:
    value = row.get("edit_types") or []
    if isinstance(value, str):  # some releases store the list as its repr
        value = json.loads(value.replace("'", '"')) if value.strip() else []
    return [str(v) for v in value]


def run_summedits(folder: Path, run: Run) -> dict[str, Any]:
    rows = json.loads((folder / "summedits_news_evaluation.json").read_text(encoding="utf-8"))
    rows = sample(rows, run.sample, run.seed, key=lambda r: int(r["label"]))
    gold, flagged, table = [], [], []
    reasons_seen: Counter[str] = Counter()
    for done, row in enumerate(rows, start=1):
        schema = run.compare(SUMMEDITS, row["id"], row["doc"], row["summary"])
        if schema is None:
            continue
        reasons = flag_reasons(schema["comparisons"][0])
        inconsistent, flag = int(row["label"]) == 0, bool(reasons)
        gold.append(inconsistent)
        flagged.append(flag)
        table.append((_edit_types(row), inconsistent, flag))
        if flag:
            reasons_seen.update({r.split(":")[0] + ("" if inconsistent else " (false alarm)") for r in reasons})
        if run.verbose and flag != inconsistent:
            what = "missed" if inconsistent else "false alarm"
            run.failures.append(
                f"{SUMMEDITS} {row['id']}: {what}; edit types {_edit_types(row)}; flags {reasons}; "
                f"similarities {[link['similarity'] for link in schema['comparisons'][0]['links']]}"
            )
        _progress(SUMMEDITS, done, len(rows))
    consistent = [f for g, f in zip(gold, flagged, strict=True) if not g]
    catches = catch_rates(table)
    return {
        "rows": len(gold),
        "inconsistent_rows": sum(gold),
        "balanced_accuracy": balanced_accuracy(gold, flagged),
        "caught": sum(f for g, f in zip(gold, flagged, strict=True) if g) / max(1, sum(gold)),
        "false_alarm_rate": sum(consistent) / len(consistent) if consistent else 0.0,
        "consistent_rows": len(consistent),
        "catch": {kind: {"caught": c, "rows": n, "rate": c / n} for kind, (c, n) in catches.items()},
        "flag_reasons": dict(sorted(reasons_seen.items())),
    }


def _claimdiff_rows(folder: Path) -> list[dict[str, Any]]:
    def load(name: str) -> list[dict[str, Any]]:
        data = json.loads((folder / name).read_text(encoding="utf-8"))
        return list(data["data"] if isinstance(data, dict) else data)

    weak = {item["pair_id"]: item for item in load("ClaimDiff-weak-train.json")}
    rows = []
    for item in load("ClaimDiff-strength-train.json"):
        other = weak.get(item["pair_id"], {})
        gold = STRENGTHEN if str(item["relation"]) == "1" else WEAKEN if str(other.get("relation")) == "1" else NEITHER
        rows.append({"pair_id": item["pair_id"], "claim_a": item["claim_a"], "claim_b": item["claim_b"], "gold": gold})
    return rows


def run_claimdiff(folder: Path, run: Run) -> dict[str, Any]:
    rows = sample(_claimdiff_rows(folder), run.sample, run.seed, key=lambda r: r["gold"])
    gold, predicted, reversed_ = [], [], []
    for done, row in enumerate(rows, start=1):
        schema = run.compare(CLAIMDIFF, row["pair_id"], row["claim_a"], row["claim_b"])
        if schema is None:
            continue
        comparison = schema["comparisons"][0]
        guess = claimdiff_relation(comparison)
        gold.append(row["gold"])
        predicted.append(guess)
        reversed_.append(row["pair_id"].endswith("_rev"))
        if run.verbose and guess != row["gold"]:
            kinds = sorted({c["kind"] for link in comparison["links"] for c in link["conflicts"]})
            sims = [link["similarity"] for link in comparison["links"]]
            run.failures.append(
                f"{CLAIMDIFF} {row['pair_id']}: predicted {guess}, gold {row['gold']}; similarity {sims} {kinds}"
            )
        _progress(CLAIMDIFF, done, len(rows))
    forward = [(g, p) for g, p, r in zip(gold, predicted, reversed_, strict=True) if not r]
    f_gold, f_pred = [g for g, _ in forward], [p for _, p in forward]
    return {
        "pairs": len(gold),
        "accuracy": accuracy(gold, predicted),
        "macro_f1": macro_f1(gold, predicted, CLAIMDIFF_CLASSES),
        "f1": dict(zip(CLAIMDIFF_CLASSES, f1_per_class(gold, predicted, CLAIMDIFF_CLASSES), strict=True)),
        "gold": dict(Counter(gold)),
        "confusion": {
            g: dict(Counter(p for gg, p in zip(gold, predicted, strict=True) if gg == g)) for g in CLAIMDIFF_CLASSES
        },
        "without_rev": {
            "pairs": len(forward),
            "accuracy": accuracy(f_gold, f_pred),
            "macro_f1": macro_f1(f_gold, f_pred, CLAIMDIFF_CLASSES),
        },
    }


def run_seeds(run: Run) -> dict[str, Any]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    try:
        manifest_scores = importlib.import_module("manifest_scores")
    finally:
        sys.path.pop(0)
    scores = manifest_scores.score_manifest(ROOT / "seeds" / "manifest.json", run.embedder, run.cache, run.config)
    total = sum((score for _, score in scores), start=ReportScore())
    if run.verbose:
        run.failures += [f"{SEEDS} {line}" for line in total.missed]
    return {
        "reports": len(scores),
        "link_recall": total.link_recall,
        "label_accuracy": total.label_accuracy,
        "planted_found": total.planted_found,
        "planted": total.planted,
        "divergence_recall": total.divergence_recall,
        "false_divergences": total.false_divergences,
    }


# --- the table -----------------------------------------------------------------------------------


def table_rows(figures: Mapping[str, Any]) -> list[tuple[str, str, str, str, str, str]]:
    """(dataset, metric, n, ours, goal, published or floor) rows; percentages for the classification sets."""
    rows: list[tuple[str, str, str, str, str, str]] = []

    def add(dataset: str, metric: str, n: object, ours: str, goal: str = "", reference: str = "") -> None:
        rows.append((dataset, metric, str(n), ours, goal, reference))

    def pct(x: float) -> str:
        return f"{100 * x:.1f}"

    if abcd := figures.get("abcd"):
        floor, n = abcd["floor"], f"{abcd['sources']} sources, {abcd['pairs']} pairs"
        for metric in ("recall", "precision"):
            reference = f"cosine arg-max floor {floor[metric]:.3f} (this run)"
            add(ABCD, metric, n, f"{abcd[metric]:.3f}", GOALS[f"abcd_{metric}"], reference)
    if summ := figures.get("summedits"):
        add(
            SUMMEDITS,
            "balanced accuracy",
            summ["rows"],
            pct(summ["balanced_accuracy"]),
            GOALS["summedits"],
            SUMMEDITS_PUBLISHED,
        )
        add(SUMMEDITS, "caught, all inconsistent", summ["inconsistent_rows"], pct(summ["caught"]))
        for kind, c in summ["catch"].items():
            add(SUMMEDITS, f"caught, {kind}", c["rows"], pct(c["rate"]))
        add(SUMMEDITS, "false alarms on consistent", summ["consistent_rows"], pct(summ["false_alarm_rate"]))
    if claim := figures.get("claimdiff"):
        add(CLAIMDIFF, "accuracy", claim["pairs"], pct(claim["accuracy"]), "", "cosine+number ~40")
        add(CLAIMDIFF, "macro-F1", claim["pairs"], pct(claim["macro_f1"]), GOALS["claimdiff_f1"], "cosine+number ~33")
    if seeds := figures.get("seeds"):
        n = f"{seeds['reports']} reports"
        add(SEEDS, "link recall", n, f"{seeds['link_recall']:.2f}", GOALS["seeds"])
        add(SEEDS, "label accuracy", n, f"{seeds['label_accuracy']:.2f}", GOALS["seeds"])
        add(
            SEEDS,
            "planted divergences found",
            f"{seeds['planted']} planted",
            f"{seeds['divergence_recall']:.2f}",
            GOALS["seeds"],
        )
        add(SEEDS, "false divergences (count)", n, str(seeds["false_divergences"]), GOALS["seeds"])
    for name, counts in figures.get("conflicts", {}).items():
        add(
            name,
            "conflicts whose highlight is not their text",
            f"{counts['reported']} conflicts",
            str(counts["misplaced"]),
            "0",
        )
    for name in figures.get("skipped", []):
        add(name, "skipped: data absent", "", "")
    return rows


def format_table(figures: Mapping[str, Any]) -> str:
    """The figures as a Markdown table (the form docs/quality.md keeps)."""
    header = ("dataset", "metric", "n", "ours", "goal (issue 4)", "published / floor")
    rows = [header, *table_rows(figures)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cell.ljust(w) for cell, w in zip(cells, widths, strict=True)) + " |"

    return "\n".join([line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, rows[1:])])


# --- the command ---------------------------------------------------------------------------------


def data_folder(argument: str | None) -> Path:
    return Path(argument or os.environ.get("PARALLAX_BENCHMARKS") or DEFAULT_DATA)


def _datasets(value: str) -> tuple[str, ...]:
    names = tuple(name.strip() for name in value.split(",") if name.strip())
    unknown = sorted(set(names) - set(DATASET_KEYS))
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown dataset {', '.join(unknown)}; choose from {','.join(DATASET_KEYS)}")
    return names


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quality.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help=f"the benchmarks folder (default $PARALLAX_BENCHMARKS or {DEFAULT_DATA})")
    parser.add_argument("--sample", type=int, default=None, metavar="N", help="a seeded sample of N cases per dataset")
    parser.add_argument("--seed", type=int, default=0, help="the seed of --sample (default 0)")
    parser.add_argument("--threshold", type=float, default=CompareConfig().threshold, help="link threshold, 0-1")
    parser.add_argument(
        "--only",
        type=_datasets,
        default=DATASET_KEYS,
        metavar="NAMES",
        help=f"comma-separated datasets to run, of {','.join(DATASET_KEYS)} (default all)",
    )
    parser.add_argument(
        "--hashing",
        action="store_true",
        help="the model-free word-hashing embedder: checks the benchmark's plumbing in seconds; its figures mean nothing",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of the table")
    parser.add_argument(
        "--verbose",
        action="store_true",
        help='print every failure (missed or wrong case) first; with --json, as "failures"',
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    folder = data_folder(args.data)
    if not folder.is_dir():
        print(f"quality: skipped: no benchmark data in {folder} (give --data DIR or set PARALLAX_BENCHMARKS)")
        return 0
    if args.sample is not None and args.sample < 1:
        print("quality: --sample must be at least 1", file=sys.stderr)
        return 2
    config = CompareConfig(threshold=args.threshold)
    run = Run(
        HashingEmbedder() if args.hashing else default_embedder(),
        EmbeddingCache.default(),
        config,
        args.sample,
        args.seed,
        args.verbose,
        [],
        Counter(),
    )
    started = time.perf_counter()
    figures: dict[str, Any] = {
        "model": run.embedder.name,
        "threshold": args.threshold,
        "sample": args.sample,
        "seed": args.seed,
        "datasets": list(args.only),
        "data": str(folder),
        "skipped": [],
    }
    steps = [
        ("abcd", ABCD, folder / "abcd-news-ecb", run_abcd),
        ("summedits", SUMMEDITS, folder / "summedits-news", run_summedits),
        ("claimdiff", CLAIMDIFF, folder / "claimdiff", run_claimdiff),
    ]
    for key, name, path, step in steps:
        if key not in args.only:
            continue
        if not path.is_dir():
            figures["skipped"].append(name)
            continue
        began = time.perf_counter()
        figures[key] = step(path, run)
        figures[key]["seconds"] = round(time.perf_counter() - began, 1)
    if "seeds" in args.only:
        figures["seeds"] = run_seeds(run)
    figures["conflicts"] = {
        name: {"reported": run.conflicts[name], "misplaced": run.misplaced[name]} for name in run.conflicts
    }
    figures["errors"] = dict(run.errors)
    figures["seconds"] = round(time.perf_counter() - started, 1)
    if run.cache is not None:
        run.cache.close()
    if args.json:
        if args.verbose:
            figures["failures"] = run.failures
        print(json.dumps(figures, indent=2))
        return 0
    if args.verbose:
        print("\n".join(run.failures))
        print()
    scope = f"a sample of {args.sample} per dataset (seed {args.seed})" if args.sample else "full development splits"
    print(f"Parallax quality: {figures['model']}, threshold {args.threshold}, {scope}, data {folder}\n")
    print(format_table(figures))
    print(f"\n{figures['seconds']} s in all; refused cases: {figures['errors'] or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
