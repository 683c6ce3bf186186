"""Shared word tokenisation and crude stemming for the diff and the claim checks.

A token is a number (``2,000``, ``1.5``), a word (``so-called``, ``Russia's``),
a run of whitespace or a single punctuation mark. The stemmer only folds the
regular English inflections that matter for matching a verb or noun across
two phrasings ("ruled" and "rule", "troops" and "troop").

May import: the standard library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

TOKEN = re.compile(r"\d+(?:[.,]\d+)*(?:[-–]\w+)*|\w+(?:['’‘-]\w+)*|\s+|[^\w\s]")
WORD = re.compile(r"\d+(?:[.,]\d+)*(?:[-–]\w+)*|\w+(?:['’‘-]\w+)*")


@dataclass(frozen=True)
class Word:
    """A word token with its offsets in the text it came from."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


def words(text: str) -> list[Word]:
    """Word tokens of ``text`` (no spaces or punctuation), with offsets."""
    return list(_cached_words(text))


@lru_cache(maxsize=8192)
def _cached_words(text: str) -> tuple[Word, ...]:
    # Documents are tokenised again and again (once per link that looks at them as context).
    return tuple(Word(m.group(), m.start(), m.end()) for m in WORD.finditer(text))


@lru_cache(maxsize=64)
def capitalised_inside(text: str) -> frozenset[str]:
    """Words that ``text`` capitalises in mid-sentence (names), lower-cased, possessive dropped."""
    found = set()
    for m in re.finditer(r"(?<=[^\s.!?:\"“‘(\[—–-])\s+([A-Z][\w'’-]*)", text):
        found.add(m.group(1).lower().replace("’", "'").removesuffix("'s"))
    return frozenset(found)


@lru_cache(maxsize=64)
def lowercase_vocabulary(text: str) -> frozenset[str]:
    """Words that ``text`` writes in lower case somewhere: ordinary words, not names."""
    return frozenset(w.text for w in _cached_words(text) if w.text.islower())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Fold case, possessives and regular inflections: "Ruled" -> "rul", "troops" -> "troop"."""
    w = word.lower().replace("’", "'")
    for suffix in ("'s", "s'"):
        if w.endswith(suffix):
            w = w[: -len(suffix)] if suffix == "'s" else w[:-1]
    if len(w) <= 3:
        return w
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            w = w[: -len(suffix)] + replacement
            break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":  # "stopp(ed)" -> "stop"
        w = w[:-1]
    return w


def name_skeleton(name: str) -> str:
    """A name's consonant skeleton, which survives transliteration ("Volodymyr", "Vladimir": "vldmr")."""
    skeleton = re.sub(r"[aeiouy]", "", name.lower().replace("x", "ks").replace("w", "v"))
    return re.sub(r"(.)\1+", r"\1", skeleton)


def _edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions) of two short words."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def same_name(a: str, b: str) -> bool:
    """Whether two name words are one name, its adjective or another spelling of it.

    "Ukraine"/"Ukrainian", "Canada"/"Canadian"; "Kiev"/"Kyiv", "Kharkov"/"Kharkiv" (one consonant skeleton).
    """
    x, y = (w.lower().replace("’", "'").removesuffix("'s") for w in (a, b))
    if x == y:
        return True
    if (
        min(len(x), len(y)) >= 4
        and x[0] == y[0]
        and x[-1] == y[-1]
        and x[-1] not in "aeiouy"
        and len(skeleton := name_skeleton(x)) >= 2
        and skeleton == name_skeleton(y)
        and _edit_distance(x, y) <= 2
    ):
        # Vowels respelled between the same consonants and the same last letter: "Kiev"/"Kyiv",
        # "Kharkov"/"Kharkiv"; not "Sumy"/"Some" (the ends differ) nor "Paris"/"Press" (three edits).
        return True
    shortest = min(len(x), len(y))
    common = 0
    for cx, cy in zip(x, y, strict=False):
        if cx != cy:
            break
        common += 1
    return common >= 4 and common >= shortest - 1
