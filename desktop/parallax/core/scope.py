"""Find where one sentence says a part and its partner says the whole.

Entry point: :func:`scope_conflicts`. "Pause parts of their military
operation" and "pause the whole of their military operation" count the same
thing differently: some of it against all of it. So do "they can push back in
certain places" and "they can push them back all along the front". A part is
"part of", "parts of", "some of" or "portions of" a thing; the whole is "the
whole of", "all of", "the entire" or "the whole" thing; the two must name the
same thing (a word of content shared in the few words after them). Where the
thing is ground, "in certain places", "in places", "here and there" stand
against "all along the front", "along the whole front" and "everywhere", with
no shared word needed: the ground is the front either way.

Silent where a side says both a part and the whole.

May import: the standard library, ``parallax.core`` modules result and tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from parallax.core.result import Conflict
from parallax.core.tokens import FUNCTION_WORDS, Word, stem, words

PART, WHOLE = "part", "whole"
_OWNER = r"(?:(?:the|their|its|his|her|our|this|that)\s+)?"
_SCOPE = re.compile(
    rf"\b(?P<part>(?:parts?|some|portions?)\s+of\s+{_OWNER})(?=[a-z])"
    rf"|\b(?P<whole>(?:the\s+whole\s+of|all\s+of|the\s+entire|the\s+whole)\s+{_OWNER})(?=[a-z])"
    r"|\b(?P<ground_part>in\s+(?:(?:certain|some|a\s+few)\s+)?(?:places|areas|spots|sectors)|here\s+and\s+there)\b"
    r"|\b(?P<ground_whole>(?:all\s+along|along\s+the\s+(?:whole|entire))\s+(?:the\s+)?(?:front|line|front\s+line)"
    r"|everywhere)\b",
    re.IGNORECASE,
)
_THING_LENGTH = 3  # words read after a part or the whole
_NOT_A_THING = FUNCTION_WORDS | {"way", "time", "same", "more", "most", "world"}
_CLAUSE_END = ',;:.!?—–()"“”'


@dataclass(frozen=True)
class Scope:
    """A part or the whole of a thing: the words that say so, which, and the stems of the thing."""

    words: Word
    extent: str  # PART or WHOLE
    thing: frozenset[str]  # empty for ground ("here and there")


@lru_cache(maxsize=4096)
def scopes(text: str) -> tuple[Scope, ...]:
    """Each part or whole ``text`` speaks of, with what it is a part or the whole of."""
    found = []
    tokens = words(text)
    for m in _SCOPE.finditer(text):
        if m.group("ground_part") or m.group("ground_whole"):
            extent = PART if m.group("ground_part") else WHOLE
            found.append(Scope(Word(m.group(), m.start(), m.end()), extent, frozenset()))
            continue
        # The thing runs to its clause's end or the first function word after its content ("that", "in").
        thing_words: list[Word] = []
        previous_end = m.end()
        for word in [w for w in tokens if w.start >= m.end()][:_THING_LENGTH]:
            if any(mark in text[previous_end : word.start] for mark in _CLAUSE_END) or not word.text[:1].islower():
                break
            if word.lower in _NOT_A_THING:
                if thing_words:
                    break
                continue
            thing_words.append(word)
            previous_end = word.end
        if thing_words:
            extent = PART if m.group("part") else WHOLE
            end = thing_words[-1].end
            thing = frozenset(stem(w.text) for w in thing_words)
            found.append(Scope(Word(text[m.start() : end], m.start(), end), extent, thing))
    return tuple(found)


def scope_conflicts(article: str, report: str) -> list[Conflict]:
    """Where ``article`` and ``report`` say a part and the whole of one thing (kind ``number``)."""
    a_scopes, r_scopes = scopes(article), scopes(report)
    for a in a_scopes:
        for r in r_scopes:
            if a.extent == r.extent or bool(a.thing) != bool(r.thing):
                continue
            if a.thing and not a.thing & r.thing:
                continue
            if _both(a_scopes, a.thing) or _both(r_scopes, r.thing):
                continue
            reason = f"“{a.words.text}” vs “{r.words.text}”: a part against the whole"
            return [Conflict.between("number", a.words, r.words, reason)]
    return []


def _both(found: tuple[Scope, ...], thing: frozenset[str]) -> bool:
    """Whether one side says both a part and the whole of ``thing`` (of the ground, where it is empty)."""
    same = [s for s in found if (s.thing & thing if thing else not s.thing)]
    return len({s.extent for s in same}) > 1
