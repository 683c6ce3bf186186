"""The comparison's result types: links, labels, conflicts, coverage, and the settings that made them.

These are what the engine hands to everything downstream (the window, the
command line, exports, sessions), so they live apart from the stages that
compute them: importing this module costs a few milliseconds, where the
alignment and claim modules cost over a hundred (numpy and hundreds of
regular expressions). The window's process unpickles the engine child's
results with this module alone.

May import: the standard library, ``parallax.core`` modules documents and worddiff.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from parallax.core.documents import Document
from parallax.core.worddiff import DiffConfig, DiffOp

AGREE, DIVERGE = "agree", "diverge"
CONFLICT_KINDS = (
    "number", "date", "place", "person", "organisation", "negation", "direction", "attribution", "detail",
)  # fmt: skip

DEFAULT_THRESHOLD = 0.5  # lowest cosine similarity for a link
DEFAULT_MARGIN = 0.1  # see parallax.core.align.AlignConfig
DEFAULT_SENTENCE_THRESHOLD = 0.6


@dataclass(frozen=True)
class ClaimConfig:
    """Which checks run; ``min_sentence_overlap`` pairs sentences for the local checks."""

    kinds: frozenset[str] = frozenset(CONFLICT_KINDS)
    min_sentence_overlap: float = 0.2


class Mention(Protocol):
    """Anything found in a text: a quantity, a date, a name, a speaker, a word."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


@dataclass(frozen=True)
class ClaimContext:
    """Whole-document texts, so that a name the other document mentions anywhere is not "new"."""

    article_text: str = ""
    report_text: str = ""
    article_sentences: tuple[str, ...] = field(default_factory=tuple)
    report_sentences: tuple[str, ...] = field(default_factory=tuple)
    # The year the documents were written in (a date's weekday depends on it), where it is known.
    year: int | None = None
    # The documents' running text without boilerplate (a video caption, a "Read more" box), paragraphs
    # apart by a blank line: what a pronoun's paragraph before is looked for in. Empty: the whole text.
    article_prose: str = ""
    report_prose: str = ""


@dataclass(frozen=True)
class Conflict:
    """A fact that differs: the words on each side, their spans and a reason in plain words."""

    kind: str
    article: str
    report: str
    article_span: tuple[int, int]
    report_span: tuple[int, int]
    reason: str

    @classmethod
    def between(cls, kind: str, a: Mention, r: Mention, reason: str) -> Conflict:
        """The conflict of kind ``kind`` between mention ``a`` of the article and ``r`` of the report."""
        return cls(kind, a.text, r.text, (a.start, a.end), (r.start, r.end), reason)

    @classmethod
    def negation(cls, a: Mention, r: Mention) -> Conflict:
        """A negation between mention ``a`` of the article and ``r`` of the report, told as each side's words."""
        return cls.between("negation", a, r, f"the article says “{a.text}”, the report “{r.text}”")


@dataclass(frozen=True)
class CompareConfig:
    """Settings of one comparison; changing any of them needs no new embeddings."""

    threshold: float = DEFAULT_THRESHOLD
    sentence_threshold: float = DEFAULT_SENTENCE_THRESHOLD
    margin: float = DEFAULT_MARGIN
    claims: ClaimConfig = ClaimConfig()
    diff: DiffConfig = DiffConfig()
    sentences: bool = True


@dataclass(frozen=True)
class Link:
    """An aligned pair: article and report unit indices, similarity, label, conflicts, word diff."""

    article: tuple[int, ...]
    report: tuple[int, ...]
    similarity: float
    label: str
    conflicts: tuple[Conflict, ...]
    diff: tuple[DiffOp, ...]


@dataclass(frozen=True)
class ReportComparison:
    """The article against one report (``report`` indexes ``ComparisonResult.documents``)."""

    report: int
    links: tuple[Link, ...]
    sentence_links: tuple[Link, ...]
    article_only: tuple[int, ...]
    report_only: tuple[int, ...]

    def counts(self) -> dict[str, int]:
        return {
            "agree": sum(1 for link in self.links if link.label == AGREE),
            "diverge": sum(1 for link in self.links if link.label == DIVERGE),
            "report_only": len(self.report_only),
            "article_only": len(self.article_only),
        }


@dataclass(frozen=True)
class Coverage:
    """For one article paragraph: how many reports agree with it, diverge from it or omit it."""

    paragraph: int
    agree: int
    diverge: int
    absent: int


@dataclass(frozen=True)
class ComparisonResult:
    """Everything the command line prints and the app draws."""

    model: str
    documents: tuple[Document, ...]
    comparisons: tuple[ReportComparison, ...]
    coverage: tuple[Coverage, ...]
    config: CompareConfig = field(default_factory=CompareConfig)


def coverage(article: Document, comparisons: Sequence[ReportComparison]) -> tuple[Coverage, ...]:
    """Per article content paragraph, count reports that agree, diverge or say nothing."""
    rows = []
    for paragraph in article.content_paragraphs():
        agree = diverge = 0
        for comparison in comparisons:
            labels = {link.label for link in comparison.links if paragraph in link.article}
            if DIVERGE in labels:
                diverge += 1
            elif AGREE in labels:
                agree += 1
        rows.append(Coverage(paragraph, agree, diverge, len(comparisons) - agree - diverge))
    return tuple(rows)
