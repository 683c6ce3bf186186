"""The user's own judgement of a link: wrong link, divergence confirmed, not a divergence, and a note.

A judgement is keyed by what the link joins, never by list positions: the
content hash of the article and of the report, the granularity, and a hash of
the text of each paragraph (or sentence) on both sides. Positions change when
the threshold moves, reports are re-ordered or a document is added; texts do
not. After a new comparison, :func:`resolve` finds each judgement's link again:
the link that shares units with it on both sides (most shared first), so a
judgement made on a link of three paragraphs still shows when a higher
threshold keeps only one of them. A judgement whose link is gone at the current
settings is kept (``Resolved.unplaced``) and returns when the link does.

Entry points: :func:`link_key`, :func:`judge` (set or clear one link's
judgement), :func:`resolve`, :func:`effective_label`, :func:`judged_coverage`,
and :func:`to_dicts` / :func:`from_dicts` for JSON. All pure functions over
plain data.

May import: the standard library and other ``parallax.core`` modules.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from parallax.core.documents import Document
from parallax.core.result import AGREE, DIVERGE, ComparisonResult, Coverage, Link

WRONG, CONFIRMED, DISMISSED = "wrong", "confirmed", "dismissed"
VERDICTS = (WRONG, CONFIRMED, DISMISSED)
# How a verdict reads in exports and the app; each starts with a symbol so colour is never the only cue.
VERDICT_WORDS = {WRONG: "✗ wrong link", CONFIRMED: "! divergence confirmed", DISMISSED: "○ not a divergence"}
NOTE_MARK = "✎"
PARAGRAPHS, SENTENCES = "paragraphs", "sentences"
# What a link's label becomes once judged: a wrong link counts for nothing.
_EFFECTIVE = {WRONG: "wrong", CONFIRMED: DIVERGE, DISMISSED: AGREE}


class JudgementError(ValueError):
    """A stored judgement is malformed; the message is one line."""


@dataclass(frozen=True)
class LinkKey:
    """What a link joins: both documents' content hashes, the granularity and its units' text hashes."""

    article_document: str
    report_document: str
    granularity: str
    article_units: tuple[str, ...]
    report_units: tuple[str, ...]


@dataclass(frozen=True)
class Judgement:
    """The user's decision on one link (``verdict`` may be empty when there is only a note)."""

    key: LinkKey
    verdict: str = ""
    note: str = ""
    article_excerpt: str = ""  # for people reading an export; not part of the identity
    report_excerpt: str = ""

    @property
    def words(self) -> str:
        """The verdict and note in plain words, e.g. "✗ wrong link; ✎ the same quote, another day"."""
        parts = [VERDICT_WORDS[self.verdict]] if self.verdict in VERDICT_WORDS else []
        if self.note:
            parts.append(f"{NOTE_MARK} {self.note}")
        return "; ".join(parts)


@dataclass(frozen=True)
class Placement:
    """Where a judgement landed in a result: report (index into documents), granularity, link index."""

    report: int
    granularity: str
    link: int


@dataclass(frozen=True)
class Resolved:
    """Judgements matched to the links of one result; ``unplaced`` have no link at these settings."""

    by_link: Mapping[Placement, Judgement]
    unplaced: tuple[Judgement, ...]

    def get(self, report: int, link: int, sentences: bool = False) -> Judgement | None:
        return self.by_link.get(Placement(report, SENTENCES if sentences else PARAGRAPHS, link))

    def placement_of(self, judgement: Judgement) -> Placement | None:
        for placement, placed in self.by_link.items():
            if placed is judgement:
                return placement
        return None


EMPTY = Resolved({}, ())


def document_hash(document: Document) -> str:
    """The content hash that identifies a document (its normalised text)."""
    return hashlib.sha256(document.text.encode("utf-8")).hexdigest()[:20]


def unit_keys(document: Document, sentences: bool) -> tuple[str, ...]:
    """A key per paragraph (or sentence): the hash of its text, with ``~n`` for the n-th repeat of the same text."""
    items = document.sentences if sentences else document.paragraphs
    seen: dict[str, int] = {}
    keys = []
    for item in items:
        digest = hashlib.sha256(item.text.encode("utf-8")).hexdigest()[:16]
        count = seen.get(digest, 0)
        seen[digest] = count + 1
        keys.append(digest if count == 0 else f"{digest}~{count}")
    return tuple(keys)


def _granularity(sentences: bool) -> str:
    return SENTENCES if sentences else PARAGRAPHS


def _excerpt(document: Document, indices: Sequence[int], sentences: bool) -> str:
    items = document.sentences if sentences else document.paragraphs
    text = " ".join(" ".join(items[i].text.split()) for i in indices)
    return text if len(text) <= 120 else text[:119].rstrip() + "…"


def link_key(result: ComparisonResult, report: int, link: Link, sentences: bool = False) -> LinkKey:
    """The stable key of ``link`` between the article and ``result.documents[report]``."""
    article, document = result.documents[0], result.documents[report]
    a_keys, r_keys = unit_keys(article, sentences), unit_keys(document, sentences)
    return LinkKey(
        document_hash(article),
        document_hash(document),
        _granularity(sentences),
        tuple(a_keys[i] for i in link.article),
        tuple(r_keys[j] for j in link.report),
    )


def _links(result: ComparisonResult, report: int, sentences: bool) -> tuple[Link, ...]:
    for comparison in result.comparisons:
        if comparison.report == report:
            return comparison.sentence_links if sentences else comparison.links
    return ()


def judge(
    judgements: Sequence[Judgement],
    result: ComparisonResult,
    report: int,
    link: int,
    *,
    sentences: bool = False,
    verdict: str | None = None,
    note: str | None = None,
) -> tuple[Judgement, ...]:
    """Set the verdict and/or note of link ``link`` of ``report``; ``None`` keeps a field, ``""`` clears it.

    The judgement the link already has (found as :func:`resolve` finds it) is
    replaced; one left with neither verdict nor note is removed. The newest
    judgement goes last, so it wins if two ever claim the same link.
    """
    if verdict is not None and verdict not in ("", *VERDICTS):
        raise JudgementError(f"unknown verdict {verdict!r}; expected one of {', '.join(VERDICTS)}")
    links = _links(result, report, sentences)
    if not 0 <= link < len(links):
        raise JudgementError(f"report {report} has no link {link}")
    existing = resolve(judgements, result).get(report, link, sentences)
    target = links[link]
    updated = Judgement(
        link_key(result, report, target, sentences),
        existing.verdict if verdict is None and existing else (verdict or ""),
        (existing.note if note is None and existing else (note or "").strip()),
        _excerpt(result.documents[0], target.article, sentences),
        _excerpt(result.documents[report], target.report, sentences),
    )
    kept = [j for j in judgements if j is not existing]
    if updated.verdict or updated.note:
        kept.append(updated)
    return tuple(kept)


def resolve(judgements: Sequence[Judgement], result: ComparisonResult | None) -> Resolved:
    """Match every judgement to the link of ``result`` it is about (see the module docstring)."""
    if result is None or not judgements:
        return Resolved({}, tuple(judgements))
    article = result.documents[0]
    article_hash = document_hash(article)
    units = {False: unit_keys(article, False), True: unit_keys(article, True)}
    candidates: dict[str, list[tuple[int, bool, int, frozenset[str], frozenset[str]]]] = {}
    for comparison in result.comparisons:
        document = result.documents[comparison.report]
        report_hash = document_hash(document)
        for sentences in (False, True):
            r_units = unit_keys(document, sentences)
            for index, link in enumerate(comparison.sentence_links if sentences else comparison.links):
                candidates.setdefault(report_hash, []).append(
                    (
                        comparison.report,
                        sentences,
                        index,
                        frozenset(units[sentences][i] for i in link.article),
                        frozenset(r_units[j] for j in link.report),
                    )
                )
    by_link: dict[Placement, Judgement] = {}
    unplaced: list[Judgement] = []
    for judgement in reversed(judgements):  # the newest first, so it wins a contested link
        key = judgement.key
        if key.article_document == article_hash:
            pool, mine, theirs = candidates.get(key.report_document, []), key.article_units, key.report_units
        elif key.report_document == article_hash:  # the report became the article: same link, sides swapped
            pool, mine, theirs = candidates.get(key.article_document, []), key.report_units, key.article_units
        else:
            pool, mine, theirs = [], (), ()
        best: tuple[int, int, Placement] | None = None
        for report, sentences, index, link_a, link_r in pool:
            if _granularity(sentences) != key.granularity:
                continue
            shared_a, shared_r = len(link_a.intersection(mine)), len(link_r.intersection(theirs))
            if not shared_a or not shared_r:
                continue
            placement = Placement(report, key.granularity, index)
            if placement in by_link:
                continue
            extra = len(link_a) + len(link_r) - shared_a - shared_r
            score = (shared_a + shared_r, -extra)
            if best is None or score > best[:2]:
                best = (score[0], score[1], placement)
        if best is None:
            unplaced.append(judgement)
        else:
            by_link[best[2]] = judgement
    unplaced.reverse()
    return Resolved(by_link, tuple(unplaced))


def effective_label(label: str, judgement: Judgement | None) -> str:
    """The label after the user's verdict: "wrong" for a wrong link, else agree or diverge."""
    if judgement is None or not judgement.verdict:
        return label
    return _EFFECTIVE.get(judgement.verdict, label)


def judged_coverage(result: ComparisonResult, resolved: Resolved) -> tuple[Coverage, ...]:
    """Like :func:`parallax.core.compare.coverage` (paragraph links), with the user's verdicts applied."""
    article = result.documents[0]
    rows = []
    for paragraph in article.content_paragraphs():
        agree = diverge = 0
        for comparison in result.comparisons:
            labels = {
                effective_label(link.label, resolved.get(comparison.report, i))
                for i, link in enumerate(comparison.links)
                if paragraph in link.article
            }
            if DIVERGE in labels:
                diverge += 1
            elif AGREE in labels:
                agree += 1
        rows.append(Coverage(paragraph, agree, diverge, len(result.comparisons) - agree - diverge))
    return tuple(rows)


# --- JSON ------------------------------------------------------------------------------------


def to_dict(judgement: Judgement) -> dict[str, Any]:
    key = judgement.key
    return {
        "article_document": key.article_document,
        "report_document": key.report_document,
        "granularity": key.granularity,
        "article_units": list(key.article_units),
        "report_units": list(key.report_units),
        "verdict": judgement.verdict,
        "note": judgement.note,
        "article_excerpt": judgement.article_excerpt,
        "report_excerpt": judgement.report_excerpt,
    }


def to_dicts(judgements: Iterable[Judgement]) -> list[dict[str, Any]]:
    return [to_dict(j) for j in judgements]


def _strings(value: object, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise JudgementError(f"{what} must be a non-empty list of strings")
    return tuple(value)


def from_dict(data: object) -> Judgement:
    """A judgement from :func:`to_dict`'s shape; :class:`JudgementError` when it is not one."""
    if not isinstance(data, dict):
        raise JudgementError("a judgement must be an object")
    texts = {}
    for name in ("article_document", "report_document", "granularity", "verdict", "note"):
        value = data.get(name, "")
        if not isinstance(value, str):
            raise JudgementError(f"a judgement's {name} must be text")
        texts[name] = value
    if texts["granularity"] not in (PARAGRAPHS, SENTENCES):
        raise JudgementError(f"unknown granularity {texts['granularity']!r}")
    if texts["verdict"] not in ("", *VERDICTS):
        raise JudgementError(f"unknown verdict {texts['verdict']!r}")
    if not texts["article_document"] or not texts["report_document"]:
        raise JudgementError("a judgement needs both document hashes")
    key = LinkKey(
        texts["article_document"],
        texts["report_document"],
        texts["granularity"],
        _strings(data.get("article_units"), "article_units"),
        _strings(data.get("report_units"), "report_units"),
    )
    excerpts = [data.get(name, "") for name in ("article_excerpt", "report_excerpt")]
    return Judgement(key, texts["verdict"], texts["note"], *(e if isinstance(e, str) else "" for e in excerpts))


def from_dicts(data: object) -> tuple[Judgement, ...]:
    if not isinstance(data, list):
        raise JudgementError("judgements must be a list")
    out: list[Judgement] = []
    for n, item in enumerate(data, start=1):
        try:
            out.append(from_dict(item))
        except JudgementError as error:
            raise JudgementError(f"judgement {n}: {error}") from None
    return tuple(out)
