"""Which sentences of two linked texts tell much the same: the pairing the claim checks weigh a swap in.

Entry points: :func:`sentence_pairs` (each article sentence with the report sentence sharing most of its
content stems, a spelling variant counting as shared), :func:`paired` (whether two offsets stand in a
pair), :func:`sentence_spans` and :func:`sentence_at` (the sentences as the pairing cuts them) and
:func:`content_stems`.

May import: the standard library, ``parallax.core.tokens``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from parallax.core.tokens import (
    FUNCTION_WORDS,
    stem,
    words,
)

_STOPWORDS = FUNCTION_WORDS


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text``'s sentences: a stop, then a capital or a figure."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() - start > 0:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def spelling_variants(a: str, b: str) -> bool:
    """Stems one letter apart, such as "rubl" and "roubl" (ruble, rouble); short words never."""
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def paired(a_offset: int, r_offset: int, pairs: list[tuple[tuple[int, int], tuple[int, int]]]) -> bool:
    """Whether the two offsets stand in sentences that say much the same (a swapped name, not two stories)."""
    return any(a0 <= a_offset < a1 and r0 <= r_offset < r1 for (a0, a1), (r0, r1) in pairs)


def content_stems(text: str) -> set[str]:
    return {stem(w.text) for w in words(text) if w.lower not in _STOPWORDS and len(w.text) > 1}


@dataclass(frozen=True)
class _Bag:
    """A sentence's content stems, with those long enough for a spelling variant filed by initial and length."""

    stems: frozenset[str]
    long_stems: tuple[str, ...]  # four letters or more: the only ones that may be spelling variants
    variants: dict[tuple[str, int], tuple[str, ...]]

    @classmethod
    def of(cls, text: str) -> _Bag:
        stems = frozenset(content_stems(text))
        long_stems = tuple(sorted(s for s in stems if len(s) >= 4))
        variants: dict[tuple[str, int], list[str]] = {}
        for s in long_stems:
            variants.setdefault((s[0], len(s)), []).append(s)
        return cls(stems, long_stems, {key: tuple(group) for key, group in variants.items()})


@lru_cache(maxsize=4096)
def sentence_bags(text: str) -> tuple[list[tuple[int, int]], list[_Bag]]:
    # The article's texts are paired with every report they link with.
    spans = sentence_spans(text)
    return spans, [_Bag.of(text[s:e]) for s, e in spans]


def _overlap(x: _Bag, y: _Bag) -> float:
    """Shared stems of two sentences, and stems of one with a spelling variant only in the other, per stem of the shorter.

    A variant of ``a`` has its first letter and a length one apart at most (:func:`spelling_variants`),
    so only those of ``y`` are tried.
    """
    x_stems, y_stems, variants = x.stems, y.stems, y.variants
    shared = len(x_stems & y_stems)
    for a in x.long_stems:
        if a in y_stems:
            continue
        initial, size = a[0], len(a)
        if any(
            b not in x_stems and spelling_variants(a, b)
            for length in (size - 1, size, size + 1)
            for b in variants.get((initial, length), ())
        ):
            shared += 1
    return shared / max(1, min(len(x_stems), len(y_stems)))


def sentence_pairs(article: str, report: str, minimum: float) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Pair each report sentence with the article sentence sharing most content words (and back)."""
    a_spans, a_bags = sentence_bags(article)
    r_spans, r_bags = sentence_bags(report)
    matrix = [[_overlap(a_bag, r_bag) for r_bag in r_bags] for a_bag in a_bags]

    pairs: set[tuple[int, int]] = set()
    for j in range(len(r_bags)):
        scores = [row[j] for row in matrix]
        if scores and max(scores) >= minimum:
            pairs.add((scores.index(max(scores)), j))
    for i in range(len(a_bags)):
        scores = matrix[i]
        if scores and max(scores) >= minimum:
            pairs.add((i, scores.index(max(scores))))
    return [(a_spans[i], r_spans[j]) for i, j in sorted(pairs)]


def sentence_at(text: str, position: int) -> str:
    """The sentence of ``text`` around ``position``, as the sentence pairing cuts them."""
    return next((text[start:end] for start, end in sentence_spans(text) if start <= position < end), text)
