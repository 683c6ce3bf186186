"""Find where two sentences place a fact at different stages of the same war.

Entry point: :func:`phase_conflicts`. "In the early days of the invasion" and
"in the invasion's third week" say when something happened by how far into
the war it was, with no date: each phrase is read as a stretch of days from
the war's start, and the two conflict when the stretches do not meet
("early days": the first ten; "the third week": days 14 to 21; "the second
month": days 30 to 61; "before the invasion": any day before the first).
Phrases of one war only: "invasion", "war", "conflict" and "fighting" are
taken as one event; an "offensive" or a "siege" is another.

Silent where either side gives no such phrase, where two of the stretches
meet ("the first week" / "the early days"; one told alike leaves the other
for another fact), and where the two name different events.

May import: the standard library, ``parallax.core`` modules tokens and result.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from parallax.core.result import Conflict

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10}  # fmt: skip
_UNIT_DAYS = {"week": 7.0, "month": 30.4, "year": 365.25}
# Events that are one war however named; any other event is compared only with itself.
_ONE_WAR = {"war", "invasion", "conflict", "fighting"}
_EVENT = r"(?P<event>war|invasion|conflict|fighting|offensive|siege|occupation|campaign)"
_ORDINAL = r"(?P<ordinal>" + "|".join(_ORDINALS) + r")"
_UNIT = r"(?P<unit>week|month|year)"
_OF_THE_EVENT = r"\s+of\s+(?:the\s+|this\s+|that\s+)?(?:[a-z-]+\s+)?" + _EVENT + r"\b"
_PHASES = (
    # "the third week of the invasion", "the war's second month"
    re.compile(r"\b(?:the\s+)?" + _ORDINAL + r"\s+" + _UNIT + _OF_THE_EVENT, re.IGNORECASE),
    re.compile(r"\b(?:the\s+)?" + _EVENT + r"['’]s\s+" + _ORDINAL + r"\s+" + _UNIT + r"\b", re.IGNORECASE),
    # "in the early days of the invasion", "the opening weeks of the war"
    re.compile(
        r"\b(?:the\s+)?(?:very\s+)?(?:early|earliest|first|opening|initial)\s+(?P<early>days|hours|weeks)"
        + _OF_THE_EVENT,
        re.IGNORECASE,
    ),
)
# "before the invasion", "in the run-up to the war": the stretch before a war's first day.
_BEFORE = re.compile(
    r"\b(?P<before>before|prior\s+to|ahead\s+of|in\s+the\s+run-up\s+to)\s+(?:the\s+|this\s+|that\s+)?"
    r"(?:[a-z-]+\s+)?" + _EVENT + r"\b",
    re.IGNORECASE,
)
# How far into a war its "early days" or "early weeks" reach, in days.
_EARLY = {"hours": 3.0, "days": 10.0, "weeks": 28.0}


@dataclass(frozen=True)
class PhaseMention:
    """A stretch of days from a war's start that ``text`` names, with its event and span."""

    event: str
    first_day: float
    last_day: float
    text: str
    start: int
    end: int


@lru_cache(maxsize=4096)
def phase_mentions(text: str) -> tuple[PhaseMention, ...]:
    """The stretches of a war that ``text`` names by how far into it they were."""
    found: list[PhaseMention] = []
    for pattern in (*_PHASES, _BEFORE):
        for m in pattern.finditer(text):
            if any(m.start() < f.end and f.start < m.end() for f in found):
                continue
            event = m.group("event").lower()
            event = "war" if event in _ONE_WAR else event
            groups = m.groupdict()
            if groups.get("before"):
                first, last = -math.inf, -1.0
            elif groups.get("early"):
                first, last = 0.0, _EARLY[groups["early"].lower()]
            else:
                number, days = _ORDINALS[groups["ordinal"].lower()], _UNIT_DAYS[groups["unit"].lower()]
                first, last = (number - 1) * days, number * days
            found.append(PhaseMention(event, first, last, m.group(), m.start(), m.end()))
    return tuple(sorted(found, key=lambda f: f.start))


def phase_conflicts(article: str, report: str) -> list[Conflict]:
    """Conflicts of two paired sentences that place a fact at stretches of one war that do not meet."""
    a_found = phase_mentions(article)
    r_found = phase_mentions(report) if a_found else ()
    if any(a.event == r.event and _meet(a, r) for a in a_found for r in r_found):
        return []  # one stretch told on both sides: the other may be another fact's
    for a in a_found:
        for r in r_found:
            if a.event == r.event and not _meet(a, r):
                reason = f"“{a.text}” vs “{r.text}”: a different stage of the {a.event}"
                return [Conflict.between("date", a, r, reason)]
    return []


def _meet(a: PhaseMention, r: PhaseMention) -> bool:
    return not (a.last_day < r.first_day or r.last_day < a.first_day)
