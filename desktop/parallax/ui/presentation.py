"""Qt-free helpers that turn engine results into what the widgets show.

No comparison logic lives here: only look-ups over :class:`ComparisonResult`
(which link covers which unit, which units are linked at all), wording for
people and screen readers, and HTML for the word diff.

May import: the standard library and ``parallax.core``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from parallax.core.documents import Document
from parallax.core.shared_words import rare_shared_words, unit_words

if TYPE_CHECKING:  # the compare module is heavy: imported by the worker, not on the startup path
    from parallax.core.result import ComparisonResult, Link, ReportComparison

AGREE, DIVERGE = "agree", "diverge"

# Okabe-Ito, colour-blind safe: blue for agreement, vermillion/orange for divergence, grey for one side only.
COLOURS = {
    AGREE: "#0072B2",
    DIVERGE: "#D55E00",
    "only": "#999999",
    "conflict": "#E69F00",
    "wrong": "#767676",  # a link the user marked wrong: grey, dotted
}
GLYPHS = {AGREE: "✓", DIVERGE: "≠", "only": "+", "boilerplate": "…", "wrong": "✗"}
LABEL_WORDS = {AGREE: "agrees", DIVERGE: "diverges", "wrong": "marked wrong"}
# The user's judgements, drawn in the margin under the label's symbol (kinds start with "j-").
JUDGEMENT_GLYPHS = {"wrong": "✗", "confirmed": "!", "dismissed": "○", "note": "✎"}

KIND_PHRASES = {
    "number": "gives a different number",
    "date": "gives a different date",
    "place": "names a different place",
    "person": "names a different person",
    "organisation": "names a different organisation",
    "negation": "says the opposite",
    "direction": "reports the opposite direction",
    "attribution": "cites a different source",
    "detail": "gives a different detail",
}
CONFLICT_KINDS = tuple(KIND_PHRASES)

_NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


def number_word(n: int) -> str:
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)


@dataclass(frozen=True)
class Unit:
    """A paragraph or sentence as a character span of its document."""

    index: int
    start: int
    end: int


def units(document: Document, sentences: bool) -> list[Unit]:
    """Every paragraph (or sentence) of ``document`` as a span."""
    if sentences:
        return [Unit(i, u.start, u.end) for i, u in enumerate(document.sentences)]
    return [Unit(i, u.start, u.end) for i, u in enumerate(document.paragraphs)]


def unit_span(document: Document, index: int, sentences: bool) -> tuple[int, int]:
    unit = document.sentences[index] if sentences else document.paragraphs[index]
    return unit.start, unit.end


def links_of(comparison: ReportComparison, sentences: bool) -> tuple[Link, ...]:
    return comparison.sentence_links if sentences else comparison.links


def comparison_for(result: ComparisonResult | None, report: int) -> ReportComparison | None:
    if result is None:
        return None
    for comparison in result.comparisons:
        if comparison.report == report:
            return comparison
    return None


def only_units(document: Document, comparison: ReportComparison, side: str, sentences: bool) -> set[int]:
    """Content units of ``side`` ("article" or "report") that no link covers."""
    if not sentences:
        return set(comparison.article_only if side == "article" else comparison.report_only)
    linked: set[int] = set()
    for link in comparison.sentence_links:
        linked.update(link.article if side == "article" else link.report)
    return {
        i
        for i, s in enumerate(document.sentences)
        if not document.paragraphs[s.paragraph].boilerplate and i not in linked
    }


def article_paragraphs_of(article: Document, link: Link, sentences: bool) -> set[int]:
    if not sentences:
        return set(link.article)
    return {article.sentences[i].paragraph for i in link.article}


def cell_label(article: Document, comparison: ReportComparison | None, paragraph: int) -> str:
    """What one report says about one article paragraph: agree, diverge or absent (paragraph links)."""
    if comparison is None:
        return "absent"
    labels = {link.label for link in comparison.links if paragraph in link.article}
    if DIVERGE in labels:
        return DIVERGE
    if AGREE in labels:
        return AGREE
    return "absent"


def link_for_paragraph(article: Document, links: Sequence[Link], paragraph: int, sentences: bool) -> int | None:
    """The first link (index into ``links``) touching article paragraph ``paragraph``; diverging first."""
    found = [i for i, link in enumerate(links) if paragraph in article_paragraphs_of(article, link, sentences)]
    for i in found:
        if links[i].label == DIVERGE:
            return i
    return found[0] if found else None


def spoken_summary(result: ComparisonResult, paragraphs: set[int]) -> str:
    """One line about what all reports say of these article paragraphs, for a screen reader.

    e.g. "two reports agree, one gives a different number".
    """
    agree = 0
    diverging: list[str] = []
    absent = 0
    article = result.documents[0]
    for comparison in result.comparisons:
        labels = [cell_label(article, comparison, p) for p in sorted(paragraphs)]
        if DIVERGE in labels:
            kinds = [
                c.kind
                for link in comparison.links
                if paragraphs & set(link.article) and link.label == DIVERGE
                for c in link.conflicts
            ]
            diverging.append(kinds[0] if kinds else "")
        elif AGREE in labels:
            agree += 1
        else:
            absent += 1
    parts = []
    if agree:
        parts.append(f"{number_word(agree)} report{'s' if agree != 1 else ''} agree{'s' if agree == 1 else ''}")
    by_kind: dict[str, int] = {}
    for kind in diverging:
        by_kind[kind] = by_kind.get(kind, 0) + 1
    for kind, n in by_kind.items():
        phrase = KIND_PHRASES.get(kind, "says something different")
        if n > 1:
            phrase = phrase.replace("gives", "give").replace("names", "name").replace("says", "say")
            phrase = phrase.replace("reports", "report").replace("cites", "cite")
        parts.append(f"{number_word(n)} {phrase}")
    if absent:
        parts.append(f"{number_word(absent)} do{'es' if absent == 1 else ''} not mention it")
    if not parts:
        return "no reports loaded"
    if "report" not in parts[0]:
        # "one names a different place" needs its noun when it opens the line: "one report names ..."
        first, _, rest = parts[0].partition(" ")
        parts[0] = f"{first} report{'' if first == number_word(1) else 's'} {rest}"
    text = ", ".join(parts)
    return text[0].upper() + text[1:]


def link_summary(link: Link, judgement_words: str = "") -> str:
    """A short line for one link: label, similarity, the conflict reasons and the user's judgement."""
    words = "Agrees" if link.label == AGREE else "Diverges"
    line = f"{GLYPHS[link.label]} {words} (similarity {link.similarity:.2f})"
    if link.conflicts:
        line += ": " + "; ".join(conflict_line(c) for c in link.conflicts)
    if judgement_words:
        line += f"\nYours: {judgement_words}"
    return line


def below_threshold_reason(link: Link, threshold: float, headlines: bool) -> str:
    """Why a link scores under the threshold, in words, or "" when it does not.

    Two kinds of pair are linked below it (see :mod:`parallax.core.align`): the two
    headlines (``headlines``), which correspond by their role, and two paragraphs
    a little under it that share names and words no other paragraph shares. A user
    who set the threshold should be told which.
    """
    if link.similarity >= threshold:
        return ""
    scores = f"({link.similarity:.2f} < {threshold:.2f})"
    if headlines:
        return f"The two headlines: linked by their role, though their similarity is under the threshold {scores}"
    return (
        f"Linked by the names and words these two share and few other paragraphs do, though their similarity "
        f"is under the threshold {scores}"
    )


def shared_words(article: Document, report: Document, link: Link, sentences: bool, most: int = 6) -> list[str]:
    """The rare words a link's two sides share, rarest first, spelt as the article spells them.

    Rarity is counted over the content units of both documents, as the aligner counts it when it
    weighs the words two units share (``parallax.core.lexical``).
    """

    def content(document: Document) -> list[str]:
        if sentences:
            return [s.text for s in document.sentences if not document.paragraphs[s.paragraph].boilerplate]
        return [p.text for p in document.paragraphs if not p.boilerplate]

    def text(document: Document, indices: Sequence[int]) -> str:
        items = document.sentences if sentences else document.paragraphs
        return "\n".join(items[i].text for i in indices)

    a_text, r_text = text(article, link.article), text(report, link.report)
    corpus = [unit_words(t) for t in (*content(article), *content(report))]
    words = rare_shared_words(corpus, unit_words(a_text), unit_words(r_text), most)
    spelt = []
    for word in words:
        found = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", a_text, re.IGNORECASE)
        spelt.append(found.group(0) if found else word)
    return spelt


def judgement_marker(verdict: str, note: str) -> str | None:
    """The margin marker kind for a judgement ("j-wrong", "j-note"...), or None for no judgement."""
    if verdict in JUDGEMENT_GLYPHS:
        return f"j-{verdict}"
    return "j-note" if note else None


def conflict_line(conflict) -> str:
    """The engine's plain-words reason, e.g. "Chernihiv vs Sumy: a different place"."""
    return str(conflict.reason)


def diff_html(link: Link, deleted: str, inserted: str) -> str:
    """The word diff as rich text: deletions struck through, insertions underlined, with tinted backgrounds."""
    out = []
    for op in link.diff:
        text = html.escape(op.text).replace("\n\n", "<br/><br/>").replace("\n", "<br/>")
        if op.op < 0:
            out.append(f'<span style="background-color:{deleted}; text-decoration: line-through;">{text}</span>')
        elif op.op > 0:
            out.append(f'<span style="background-color:{inserted}; text-decoration: underline;">{text}</span>')
        else:
            out.append(text)
    return "".join(out)


def byline(document: Document) -> str:
    """ "Outlet · author · date" as far as they are known; "" when none is."""
    return " · ".join(part for part in (document.outlet, document.author, document.date) if part)


def origin(document: Document) -> str:
    """Where the document came from: its web address, else its file path (or "clipboard")."""
    return document.url or document.path


def source_details(document: Document) -> str:
    """The document's title and metadata, one "Label: value" line each (for a tooltip)."""
    rows = [("Title", document.title), ("Outlet", document.outlet), ("Author", document.author),
            ("Date", document.date)]  # fmt: skip
    if document.url:
        rows.append(("URL", document.url))
    if document.path and document.path != document.url:
        rows.append(("Opened from", document.path))
    return "\n".join(f"{label}: {value}" for label, value in rows if value)


def snippet(text: str, length: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def utf16_offsets(text: str) -> list[int] | None:
    """Map from Python string index to QTextDocument position, or None when they are the same."""
    if all(ord(c) < 0x10000 for c in text):
        return None
    table, position = [], 0
    for c in text:
        table.append(position)
        position += 2 if ord(c) >= 0x10000 else 1
    table.append(position)
    return table
