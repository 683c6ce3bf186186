"""What every export says about a comparison: link numbers, unit names, labels and judgements in words.

The HTML and PDF report, the CSV table and the app number a report's links the
same way (``L1``, ``L2``... in article order) and name paragraphs the same way
(``¶3``, or ``¶3.2`` for the second sentence of paragraph 3; numbers start at 1
for people, while schema 1 keeps 0-based indices). Entry points:
:func:`link_rows` and :func:`unit_names`.

May import: the standard library and other ``parallax.core`` modules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from parallax.core.documents import Document
from parallax.core.judgements import Judgement, Resolved, effective_label
from parallax.core.result import AGREE, DIVERGE, ComparisonResult, Link, ReportComparison

ONLY_ARTICLE, ONLY_REPORT, WRONG = "only in article", "only in report", "wrong"
# Text markers: every label has a symbol and a word, never a colour alone.
GLYPHS = {AGREE: "✓", DIVERGE: "≠", WRONG: "✗", "only": "+", "boilerplate": "…", "absent": "–"}
LABEL_WORDS = {AGREE: "agree", DIVERGE: "diverge", WRONG: "wrong link", "absent": "absent"}
KIND_WORDS = {
    "number": "a different number",
    "date": "a different date",
    "place": "a different place",
    "person": "a different person",
    "organisation": "a different organisation",
    "negation": "one side negates what the other states",
    "direction": "opposite directions",
    "attribution": "a different source",
    "detail": "a different detail (a colour, a charge)",
}


@dataclass(frozen=True)
class LinkRow:
    """One link of one report as exports show it."""

    number: int  # 1-based, in article order: "L<number>"
    index: int  # position in the comparison's links (schema 1)
    link: Link
    label: str  # after the user's verdict: agree, diverge or wrong
    judgement: Judgement | None

    @property
    def name(self) -> str:
        return f"L{self.number}"


def links_of(comparison: ReportComparison, sentences: bool) -> tuple[Link, ...]:
    return comparison.sentence_links if sentences else comparison.links


def link_rows(comparison: ReportComparison, resolved: Resolved, sentences: bool = False) -> list[LinkRow]:
    """The comparison's links numbered in article order, each with its judgement and effective label."""
    links = links_of(comparison, sentences)
    order = sorted(range(len(links)), key=lambda i: (min(links[i].article), min(links[i].report), i))
    rows = []
    for number, index in enumerate(order, start=1):
        judgement = resolved.get(comparison.report, index, sentences)
        rows.append(LinkRow(number, index, links[index], effective_label(links[index].label, judgement), judgement))
    return rows


def unit_names(document: Document, sentences: bool) -> list[str]:
    """A short name per paragraph ("¶3") or sentence ("¶3.2"), 1-based."""
    if not sentences:
        return [f"¶{i + 1}" for i in range(len(document.paragraphs))]
    names, counts = [], [0] * len(document.paragraphs)
    for sentence in document.sentences:
        counts[sentence.paragraph] += 1
        names.append(f"¶{sentence.paragraph + 1}.{counts[sentence.paragraph]}")
    return names


def join_names(names: Sequence[str], indices: Sequence[int]) -> str:
    return ", ".join(names[i] for i in sorted(indices))


def only_units(document: Document, comparison: ReportComparison, side: str, sentences: bool) -> list[int]:
    """Content units of ``side`` ("article" or "report") that no link covers, in order."""
    if not sentences:
        return sorted(comparison.article_only if side == "article" else comparison.report_only)
    linked = {i for link in comparison.sentence_links for i in (link.article if side == "article" else link.report)}
    return [
        i
        for i, s in enumerate(document.sentences)
        if not document.paragraphs[s.paragraph].boilerplate and i not in linked
    ]


def conflict_words(kind: str) -> str:
    return KIND_WORDS.get(kind, "a difference")


def report_title(result: ComparisonResult, report: int) -> str:
    return result.documents[report].title or f"Report {report}"
