"""Find where two sentences place a fact on opposite sides of the same event.

Entry point: :func:`order_conflicts`. "Prior to Russia's announcement that it
would pull back, Ukraine's army had launched counterattacks" and "In the days
after Moscow announced its pull-back, Ukraine's army mounted counterattacks"
tell one story with the order turned round; so do "held by Russia before the
invasion" and "held only since the invasion began". Each side's marker of
order ("before", "prior to", "ahead of" / "after", "since", "following", "in
the wake of") is read with the event right after it, and the two conflict
when the events share a word of content in lower case (a name says who acts,
not which event) and the markers face opposite ways. An "afterwards" leaves
its event unsaid: it conflicts with "before" a gathering (the talks, the
session, the delegations sitting down) on the other side.

Silent where a name in one side's event stands outside the event on the other
side ("before Buckley's death" / "following Rait's death, Buckley fell": two
deaths), where the event is only a pronoun or a time ("before that", "since
2014": dates are compared elsewhere), where one side places the fact both
before and after the same event, and where a marker opens no event at all
("the day before.").

May import: the standard library, ``parallax.core`` modules tokens and result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from parallax.core.result import Conflict
from parallax.core.tokens import FUNCTION_WORDS, Word, clause_words_after, stem, words

BEFORE, AFTER = -1, 1

# Markers of order, longest first so that "in the days after" is read before "after".
_MARKERS = {
    "before": BEFORE, "prior to": BEFORE, "ahead of": BEFORE, "in advance of": BEFORE, "in the run-up to": BEFORE,
    "in the lead-up to": BEFORE,
    "after": AFTER, "since": AFTER, "following": AFTER, "in the wake of": AFTER, "in the aftermath of": AFTER,
    "in the days after": AFTER, "in the weeks after": AFTER, "in the days following": AFTER,
}  # fmt: skip
_MARKER = re.compile(
    r"\b(?:" + "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in sorted(_MARKERS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
# Words that open no event of their own after a marker: pronouns and times ("before that", "since then").
_NO_EVENT = {
    "that", "this", "then", "it", "them", "now", "long", "soon", "ever", "which", "what", "whom", "all", "any",
    "he", "she", "they", "we", "you", "i", "us", "him", "her", "one", "last", "next", "earlier", "later",
}  # fmt: skip
# Words in an event that say nothing of which event it is.
_EMPTY = FUNCTION_WORDS | {"its", "their", "our", "his", "her", "some", "any", "first", "days", "day", "weeks", "week"}
_EVENT_LENGTH = 4  # words read after a marker
# Order told against an event left unsaid: "met reporters afterwards" is after the talks the text is about.
_IMPLICIT = re.compile(r"\b(?:afterwards?|beforehand)\b", re.IGNORECASE)
# Gatherings an unsaid event can be: "afterwards" sets a fact after the talks, so "before the delegations
# had even sat down" or "before the session opened" turns it round; "before flying home" need not.
_GATHERING_WORDS = (
    "talks", "meeting", "session", "sitting", "negotiations", "delegations", "summit", "conference", "hearing", "round",
)  # fmt: skip


@dataclass(frozen=True)
class OrderMention:
    """A marker of order ("prior to") and the content stems of the event after it."""

    marker: Word  # the whole marker phrase, as one span
    direction: int  # BEFORE or AFTER
    event: frozenset[str]
    names: frozenset[str]  # the names in the event, lower case: "buckley" in "before Buckley's death"
    end: int  # where the event ends in the text


@lru_cache(maxsize=4096)
def order_mentions(text: str) -> tuple[OrderMention, ...]:
    """Each marker of order in ``text`` with the event it opens; none for a marker that opens no event."""
    found = []
    for m in _MARKER.finditer(text):
        event = clause_words_after(text, m.end(), _EVENT_LENGTH)  # the event ends with its clause
        if not event or event[0].lower in _NO_EVENT or event[0].text[:1].isdigit():
            continue
        # Only words in lower case: a name ("Russia's invasion" / "Russia's withdrawal") says who, not which event.
        stems = frozenset(_event_stem(w) for w in event if w.lower not in _EMPTY and w.text[:1].islower())
        if stems:
            marker = Word(m.group(), m.start(), m.end())
            names = frozenset(_name(w) for w in event if w.text[:1].isupper())
            direction = _MARKERS[" ".join(m.group().lower().split())]
            found.append(OrderMention(marker, direction, stems, names, event[-1].end))
    return tuple(found)


def _event_stem(word: Word) -> str:
    """A stem that an event's noun and verb share: "announcement" and "announced" both give "announc"."""
    plain = stem(word.text.replace("’", "'").removesuffix("'s"))
    for suffix in ("ment", "ion", "al"):
        if plain.endswith(suffix) and len(plain) - len(suffix) >= 4:
            return _event_stem(Word(plain[: -len(suffix)], 0, 0))
    return plain.removesuffix("e")


# The stems a gathering's event has ("delegations" reads "delegat"), for :func:`_against_unsaid_event`.
_GATHERINGS = frozenset(_event_stem(Word(word, 0, 0)) for word in _GATHERING_WORDS)


def _name(word: Word) -> str:
    return word.lower.replace("’", "'").removesuffix("'s")


def _named_elsewhere(mention: OrderMention, other: str, other_mention: OrderMention) -> bool:
    """Whether a name in ``mention``'s event stands in ``other`` outside ``other_mention``'s event: "the day
    before Buckley's death another climber died" and "the day following Rait's death Buckley fell" place
    two deaths, each told on both sides."""
    if not mention.names:
        return False
    return any(
        _name(w) in mention.names
        for w in words(other)
        if not (other_mention.marker.start <= w.start < other_mention.end)
    )


def _implicit_order(text: str) -> tuple[Word, int] | None:
    """The first marker of order in ``text`` whose event goes unsaid ("afterwards"), with its direction."""
    m = _IMPLICIT.search(text)
    if m is None:
        return None
    return Word(m.group(), m.start(), m.end()), BEFORE if m.group().lower() == "beforehand" else AFTER


def _against_unsaid_event(
    article: str, report: str, a_mentions: tuple[OrderMention, ...], r_mentions: tuple[OrderMention, ...]
) -> list[Conflict]:
    """One side's "afterwards" against the other's "before" a gathering: "met reporters afterwards" /
    "spoke to journalists before the delegations had even sat down". Silent where either side also orders
    the fact the first side's way, or where the event on the other side is no gathering."""
    conflicts = []
    sides = ((article, report, a_mentions, r_mentions, True), (report, article, r_mentions, a_mentions, False))
    for source, other, source_mentions, other_mentions, forward in sides:
        implicit = _implicit_order(source)
        if implicit is None:
            continue
        marker, direction = implicit
        if _implicit_order(other) is not None or any(m.direction != direction for m in source_mentions):
            continue
        if any(m.direction == direction for m in other_mentions):
            continue
        for mention in other_mentions:
            if mention.event & _GATHERINGS:
                reason = f"“{marker.text}” vs “{mention.marker.text}”: the other side of the same event"
                pair = (marker, mention.marker) if forward else (mention.marker, marker)
                conflicts.append(Conflict.between("date", *pair, reason))
                break
    return conflicts


def order_conflicts(article: str, report: str) -> list[Conflict]:
    """Where ``article`` and ``report`` place something on opposite sides of one event (kind ``date``)."""
    a_mentions, r_mentions = order_mentions(article), order_mentions(report)
    if not a_mentions and not r_mentions:
        return []
    conflicts = []
    for a in a_mentions:
        for r in r_mentions:
            if a.direction == r.direction or not a.event & r.event:
                continue
            if _named_elsewhere(a, report, r) or _named_elsewhere(r, article, a):
                continue
            shared = a.event & r.event
            # One side placing it both before and after the same event says nothing one way.
            if any(m.direction == r.direction and m.event & shared for m in a_mentions) or any(
                m.direction == a.direction and m.event & shared for m in r_mentions
            ):
                continue
            reason = f"“{a.marker.text}” vs “{r.marker.text}”: the other side of the same event"
            conflicts.append(Conflict.between("date", a.marker, r.marker, reason))
            break
    return conflicts or _against_unsaid_event(article, report, a_mentions, r_mentions)
