"""Split normalised text into paragraphs and sentences with character offsets.

Entry point: :func:`segment`. Paragraphs are blocks separated by blank lines
(``normalise_text`` guarantees exactly ``"\\n\\n"`` between them); sentences come
from pysbd, a rule-based sentence boundary detector that knows abbreviations
such as "Feb." or "Mr.". Boilerplate flags are added later by
:mod:`parallax.core.boilerplate`.

May import: the standard library, pysbd (lazily), ``parallax.core.documents``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from parallax.core.documents import Paragraph, Sentence

if TYPE_CHECKING:
    import pysbd

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")


@dataclass(frozen=True)
class SegmentConfig:
    """How to cut text; ``language`` is a pysbd language code."""

    language: str = "en"


_PARAGRAPH_MARKS = re.compile("[\f\v\u2029]")
_LINE_MARKS = re.compile("[\u2028\u0085]")


def normalise_text(raw: str) -> str:
    """Return ``raw`` as Parallax's canonical text: paragraphs joined by one blank line.

    Unicode is NFC-composed, odd spaces become plain spaces and zero-width
    characters vanish. A text with blank lines keeps them as paragraph breaks
    and joins the lines inside a paragraph (hard-wrapped text); a text without
    any blank line treats each line as a paragraph.
    """
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    # A page break, a vertical tab or Unicode's paragraph separator ends a paragraph; its line separator
    # and the next-line mark end a line.
    text = _PARAGRAPH_MARKS.sub("\n\n", text)
    text = _LINE_MARKS.sub("\n", text)
    text = _ZERO_WIDTH.sub("", text)
    blocks = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    paragraphs = []
    for block in blocks:
        joined = " ".join(line.strip() for line in block.split("\n"))
        joined = _SPACES.sub(" ", joined).strip()
        if joined:
            paragraphs.append(joined)
    return "\n\n".join(paragraphs)


@lru_cache(maxsize=4)
def _segmenter(language: str) -> pysbd.Segmenter:
    import pysbd

    return pysbd.Segmenter(language=language, clean=False, char_span=False)


# A sentence end inside a paragraph: only then is pysbd (about 10 ms a paragraph) worth asking.
_INNER_END = re.compile(r"[.!?…;:]")
_TRAILING = ".!?…\"'”’)]» \t"


def split_sentences(paragraph: str, config: SegmentConfig = SegmentConfig()) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the sentences in ``paragraph``, whitespace trimmed.

    Remembered per paragraph text (news reports repeat paragraphs word for word: wire
    copy, quotes, many reports of one event), and a paragraph with no sentence end
    before its last words is one sentence without asking pysbd.
    """
    return list(_split_sentences(paragraph, config))


@lru_cache(maxsize=16384)
def _split_sentences(paragraph: str, config: SegmentConfig) -> tuple[tuple[int, int], ...]:
    body = paragraph.rstrip(_TRAILING)
    if body.strip() and not _INNER_END.search(body):
        start = len(paragraph) - len(paragraph.lstrip())
        return ((start, len(paragraph.rstrip())),)
    return tuple(_pysbd_spans(paragraph, config))


def _pysbd_spans(paragraph: str, config: SegmentConfig) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in _segmenter(config.language).segment(paragraph):
        stripped = piece.strip()
        if not stripped:
            continue
        found = paragraph.find(stripped, cursor)
        if found < 0:  # pysbd altered the text; fall back to the raw cursor position
            found = cursor
        end = min(len(paragraph), found + len(stripped))
        spans.append((found, end))
        cursor = end
    if not spans and paragraph.strip():
        spans.append((0, len(paragraph)))
    return spans


def segment(text: str, config: SegmentConfig = SegmentConfig()) -> tuple[tuple[Paragraph, ...], tuple[Sentence, ...]]:
    """Cut normalised ``text`` into paragraphs and sentences that point back into it."""
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    position = 0
    for block in text.split("\n\n"):
        start = position
        position += len(block) + 2
        if not block.strip():
            continue
        index = len(paragraphs)
        paragraphs.append(Paragraph(text=block, start=start, end=start + len(block)))
        for s, e in split_sentences(block, config):
            sentences.append(Sentence(text=block[s:e], start=start + s, end=start + e, paragraph=index))
    return tuple(paragraphs), tuple(sentences)
