"""Score a comparison against a labelled manifest (``seeds/manifest.json`` format).

Entry points: :func:`load_manifest` and :func:`score_report`. The figures are
the ones issue #2 sets bars for: the share of matching report paragraphs
linked to a right partner, label accuracy over agree / diverge / unique, the
share of planted divergences found with a matching kind, and the number of
false divergences per report.

May import: the standard library, other ``parallax.core`` modules.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parallax.core.result import DIVERGE, ReportComparison

# Kinds that name the same fact from different angles: a swapped source is both a different
# organisation and a different attribution.
_FAMILIES = {
    "number": {"number"},
    "date": {"date"},
    "negation": {"negation"},
    "direction": {"direction"},
    "place": {"place", "person", "organisation", "attribution"},
    "person": {"place", "person", "organisation", "attribution"},
    "organisation": {"place", "person", "organisation", "attribution"},
    "attribution": {"place", "person", "organisation", "attribution"},
    "detail": {"detail"},
}


@dataclass(frozen=True)
class ManifestReport:
    file: Path
    links: tuple[dict[str, Any], ...]
    report_only: tuple[int, ...]
    boilerplate: tuple[int, ...]


@dataclass(frozen=True)
class Manifest:
    article: Path
    article_boilerplate: tuple[int, ...]
    reports: tuple[ManifestReport, ...]


def load_manifest(path: Path | str) -> Manifest:
    """Read a manifest; file names are resolved against its folder."""
    path = Path(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    folder = path.parent
    return Manifest(
        article=(folder / data["article"]).resolve(),
        article_boilerplate=tuple(data.get("article_boilerplate", ())),
        reports=tuple(
            ManifestReport(
                file=(folder / r["file"]).resolve(),
                links=tuple(r["links"]),
                report_only=tuple(r.get("report_only", ())),
                boilerplate=tuple(r.get("boilerplate", ())),
            )
            for r in data["reports"]
        ),
    )


@dataclass(frozen=True)
class ReportScore:
    """Counts for one report; ratios are derived so that several reports can be summed."""

    matching: int = 0
    matched_right: int = 0
    labelled: int = 0
    labels_right: int = 0
    planted: int = 0
    planted_found: int = 0
    false_divergences: int = 0
    missed: tuple[str, ...] = ()

    def __add__(self, other: ReportScore) -> ReportScore:
        return ReportScore(
            self.matching + other.matching,
            self.matched_right + other.matched_right,
            self.labelled + other.labelled,
            self.labels_right + other.labels_right,
            self.planted + other.planted,
            self.planted_found + other.planted_found,
            self.false_divergences + other.false_divergences,
            self.missed + other.missed,
        )

    @property
    def link_recall(self) -> float:
        return self.matched_right / self.matching if self.matching else 1.0

    @property
    def label_accuracy(self) -> float:
        return self.labels_right / self.labelled if self.labelled else 1.0

    @property
    def divergence_recall(self) -> float:
        return self.planted_found / self.planted if self.planted else 1.0


def score_report(comparison: ReportComparison, gold: ManifestReport, name: str = "") -> ReportScore:
    """Compare one report's predicted links with its gold links."""
    predicted_partners: dict[int, set[int]] = {}
    predicted_label: dict[int, str] = {}
    predicted_kinds: dict[int, set[str]] = {}
    for link in comparison.links:
        for j in link.report:
            predicted_partners.setdefault(j, set()).update(link.article)
            if link.label == DIVERGE or j not in predicted_label:
                predicted_label[j] = link.label
            predicted_kinds.setdefault(j, set()).update(c.kind for c in link.conflicts)
    score = ReportScore()
    missed: list[str] = []
    for gold_link in gold.links:
        for j in gold_link["report"]:
            right = bool(predicted_partners.get(j, set()) & set(gold_link["article"]))
            label_right = predicted_label.get(j, "unique") == gold_link["label"]
            planted = tuple(gold_link.get("conflicts", ()))
            found = sum(1 for c in planted if predicted_kinds.get(j, set()) & _FAMILIES.get(c["kind"], {c["kind"]}))
            for c in planted:
                if not predicted_kinds.get(j, set()) & _FAMILIES.get(c["kind"], {c["kind"]}):
                    missed.append(f"{name} ¶{j} {c['kind']}: {c['article']} / {c['report']}")
            if predicted_label.get(j) == DIVERGE and gold_link["label"] != DIVERGE:
                missed.append(f"{name} ¶{j} false divergence: {sorted(predicted_kinds.get(j, set()))}")
            if not label_right:
                missed.append(f"{name} ¶{j} label {predicted_label.get(j, 'unique')} should be {gold_link['label']}")
            score = score + ReportScore(
                matching=1,
                matched_right=int(right),
                labelled=1,
                labels_right=int(label_right),
                planted=len(planted),
                planted_found=found,
                false_divergences=int(predicted_label.get(j) == DIVERGE and gold_link["label"] != DIVERGE),
            )
    for j in gold.report_only:
        label_right = j not in predicted_label
        if not label_right:
            missed.append(f"{name} ¶{j} label {predicted_label[j]} should be unique")
        score = score + ReportScore(
            labelled=1, labels_right=int(label_right), false_divergences=int(predicted_label.get(j) == DIVERGE)
        )
    return ReportScore(
        score.matching, score.matched_right, score.labelled, score.labels_right, score.planted,
        score.planted_found, score.false_divergences, tuple(missed),
    )  # fmt: skip
