"""Find where one sentence says a part and its partner says the whole.

Entry point: :func:`scope_conflicts`. "Pause parts of their military
operation" and "pause the whole of their military operation" count the same
thing differently: some of it against all of it, and so do "some Western
nations" and "every Western government" (a nation, a government and a
capital count as one thing; two peoples' nations as two). So do "they can
push back in certain places" and "they can push them back all along the
front". A part is "part of", "parts of", "some of", "portions of" or "some"
of a thing; the whole is "the whole of", "all of", "the entire", "the
whole", "all" or "every" thing; the two must name the same thing (a word of
content shared in the few words after them). Where the thing is ground, "in
certain places", "in places", "here and there" stand against "all along the
front", "along the whole front" and "everywhere", with no shared word
needed: the ground is the front either way. Where it is the time a count
covers, "in the previous fortnight", "in the past ten days" or "in the first
week of the war" stands against "since the invasion began" or "throughout
the war" (kind ``date``): NATO's count of the dead over the whole war is no
count of two weeks. Where the thing is a list the sentence before gives,
"All are examples" stands against "Three of those four are cases", with no
noun named on either side.

Silent where a side says both a part and the whole.

May import: the standard library, ``parallax.core`` modules result and tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from parallax.core.result import Conflict
from parallax.core.tokens import FUNCTION_WORDS, Word, clause_words_after, stem

PART, WHOLE = "part", "whole"
_OWNER = r"(?:(?:the|their|its|his|her|our|this|that)\s+)?"
_SCOPE = re.compile(
    rf"\b(?P<part>(?:parts?|some|portions?)\s+of\s+{_OWNER}|some\s+)(?=[a-z])"
    rf"|\b(?P<whole>(?:the\s+whole\s+of|all\s+of|the\s+entire|the\s+whole|all(?!\s+along)|every)\s+{_OWNER})(?=[a-z])"
    r"|\b(?P<ground_part>in\s+(?:(?:certain|some|a\s+few)\s+)?(?:places|areas|spots|sectors)|here\s+and\s+there)\b"
    r"|\b(?P<ground_whole>(?:all\s+along|along\s+the\s+(?:whole|entire))\s+(?:the\s+)?(?:front|line|front\s+line)"
    r"|everywhere)\b"
    # The time a count covers: a stretch of it against the whole war.
    r"|\b(?P<period_part>in\s+the\s+(?:previous|past|last)\s+(?:fortnight|week|month|few\s+(?:days|weeks)|"
    r"(?:two|three|four|five|six|seven|ten|\d{1,2})\s+(?:days|weeks))"
    r"|(?:in|during)\s+the\s+(?:first|opening|early|earliest)\s+(?:few\s+)?(?:days?|weeks?|months?)\s+of\s+the\s+"
    r"(?:invasion|war|conflict|fighting))\b"
    r"|\b(?P<period_whole>since\s+the\s+(?:start\s+of\s+the\s+)?(?:invasion|war|conflict|fighting)"
    r"(?:\s+(?:began|started|was\s+launched))?|throughout\s+the\s+(?:invasion|war|conflict|fighting))\b",
    re.IGNORECASE,
)
# The members of a list the sentence before gives, counted with no noun: "All are examples of the Kremlin
# invading" / "Three of those four are cases of it". Only "All" or "Both" opening a subject before its verb
# (capitalised), and a count out of a stated total that falls short of it.
_NUMBERS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_COUNT = r"(?:" + "|".join(_NUMBERS) + r"|\d{1,2})"
_LISTED = re.compile(
    r"\b(?P<all>(?:All|Both)(?:\s+of\s+(?:them|these|those))?)(?=\s+(?:are|were|have|had|is|was)\b)"
    rf"|\b(?P<count>{_COUNT})\s+of\s+(?:the|those|these)\s+(?P<total>{_COUNT})\b",
    re.IGNORECASE,
)
# What ground, time and listed scopes are of, where the words name no thing: the front, the war, the list.
_GROUND, _PERIOD, _LIST = frozenset({"<ground>"}), frozenset({"<period>"}), frozenset({"<list>"})
_THING_LENGTH = 3  # words read after a part or the whole
_NOT_A_THING = FUNCTION_WORDS | {"way", "time", "same", "more", "most", "world"}
_PEOPLES_ENDINGS = ("ern", "ean", "an", "ish", "ese")
# Words for a country counted as one thing: "some Western nations" / "every Western government".
_KIN = {"nation": "country", "government": "country", "capital": "country"}


@dataclass(frozen=True)
class Scope:
    """A part or the whole of a thing: the words that say so, which, and the stems of the thing."""

    words: Word
    extent: str  # PART or WHOLE
    thing: frozenset[str]  # the thing's stems; for ground or a period of the war, a mark of its own
    qualifiers: frozenset[str] = frozenset()  # a people or a region the thing is of: "Western" nations


@lru_cache(maxsize=4096)
def scopes(text: str) -> tuple[Scope, ...]:
    """Each part or whole ``text`` speaks of, with what it is a part or the whole of."""
    found = []
    for m in _SCOPE.finditer(text):
        for part, whole, thing in (("ground_part", "ground_whole", _GROUND), ("period_part", "period_whole", _PERIOD)):
            if m.group(part) or m.group(whole):
                extent = PART if m.group(part) else WHOLE
                found.append(Scope(Word(m.group(), m.start(), m.end()), extent, thing))
                break
        else:
            found += _scope_of_a_thing(text, m)
    for m in _LISTED.finditer(text):
        if m.group("all") and m.group("all")[0].isupper():
            found.append(Scope(Word(m.group(), m.start(), m.end()), WHOLE, _LIST))
        elif m.group("count") and _number(m.group("count")) < _number(m.group("total")):
            found.append(Scope(Word(m.group(), m.start(), m.end()), PART, _LIST))
    return tuple(found)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS.index(word.lower()) + 1


def _scope_of_a_thing(text: str, m: re.Match[str]) -> list[Scope]:
    """The part or the whole match ``m`` says, with the thing in the words after it; none without one."""
    # The thing runs to its clause's end or the first function word after its content ("that", "in").
    thing_words: list[Word] = []
    qualifiers: set[str] = set()
    following = clause_words_after(text, m.end(), _THING_LENGTH)
    for index, word in enumerate(following):
        if _a_peoples_adjective(word, following[index + 1 : index + 2]) and not thing_words:
            qualifiers.add(word.lower)  # "some Western nations": which nations, not the thing itself
            continue
        if not word.text[:1].islower():
            break
        if word.lower in _NOT_A_THING:
            if thing_words:
                break
            continue
        thing_words.append(word)
    if not thing_words:
        return []
    end = thing_words[-1].end
    extent = PART if m.group("part") else WHOLE
    thing = frozenset(_KIN.get(stem(w.text), stem(w.text)) for w in thing_words)
    return [Scope(Word(text[m.start() : end], m.start(), end), extent, thing, frozenset(qualifiers))]


def _a_peoples_adjective(word: Word, following: list[Word]) -> bool:
    """Whether ``word`` is a capitalised adjective of a people or a region before a noun ("Western
    nations", "European capitals"), not a name ("Ukraine", "All of Kyiv")."""
    return (
        word.text[:1].isupper()
        and word.lower.endswith(_PEOPLES_ENDINGS)
        and bool(following)
        and following[0].text[:1].islower()
    )


def scope_conflicts(article: str, report: str) -> list[Conflict]:
    """Where ``article`` and ``report`` say a part and the whole of one thing (kind ``number``; ``date`` for
    the time a count covers)."""
    a_scopes, r_scopes = scopes(article), scopes(report)
    for a in a_scopes:
        for r in r_scopes:
            if a.extent == r.extent or not a.thing & r.thing:
                continue
            if a.qualifiers and r.qualifiers and not a.qualifiers & r.qualifiers:
                continue  # "some Western nations" / "all Asian nations": two sets of nations
            if _both(a_scopes, a.thing) or _both(r_scopes, r.thing):
                continue
            reason = f"“{a.words.text}” vs “{r.words.text}”: a part against the whole"
            return [Conflict.between("date" if a.thing == _PERIOD else "number", a.words, r.words, reason)]
    return []


def _both(found: tuple[Scope, ...], thing: frozenset[str]) -> bool:
    """Whether one side says both a part and the whole of ``thing``."""
    same = [s for s in found if s.thing & thing]
    return len({s.extent for s in same}) > 1
