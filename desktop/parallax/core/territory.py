"""Find where two sentences give the same land to different holders, or tell it passing another way.

Entry points: :func:`holder_conflicts` and :func:`transfer_conflicts`. "A Ukrainian-controlled region of
Luhansk" and "a part of Luhansk held by the Russian-backed separatists" say
who holds the ground, and the two say different sides. A holder is read from
"X-controlled", "X-held", "X-occupied", "held by X", "controlled by X",
"under X control" and "under the control of X", where X is a country, its
adjective, its capital or its seat of government ("Russian-backed" is read as
Russia's side). Holders that name no country ("rebel-held",
"government-controlled") say nothing here: which side they are depends on
the war. Silent unless each side holds its land for other countries only.

How land passed to a country is a fact of its own: "Crimea, seized by Russia
in 2014" was taken by force; "Crimea, which voted to join Russia in 2014"
went by consent. Force is "seized", "annexed", "captured", "occupied" or
"grabbed" by the country, or its "annexation" or "seizure" of the land;
consent is voting, choosing or asking to join it, or being ceded or handed
to it. The two sides must name the same country.

May import: the standard library, ``parallax.core`` modules entities, result
and tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from parallax.core.entities import country_of
from parallax.core.result import Conflict
from parallax.core.tokens import Word

_HOLDING = r"(?:controlled|held|occupied|run)"


def _holder(group: str) -> str:
    """The holder's word, in a group of its own name (each way of saying it has one)."""
    return rf"(?P<{group}>[A-Z][a-z]+)(?:-backed|-allied|-installed)?"


_HOLDER_GROUPS = ("compound", "by", "under", "of")
# Who, on the holder's side, holds it: "held by the Russian-backed separatists".
_FORCES = r"(?:\s+(?:forces|troops|separatists|rebels|army|militias|authorities|government))?"
_HELD = re.compile(
    rf"\b{_holder('compound')}-{_HOLDING}\b"
    rf"|\b{_HOLDING}\s+by\s+(?:the\s+)?{_holder('by')}{_FORCES}\b"
    rf"|\bunder\s+(?:the\s+)?{_holder('under')}(?:['’]s)?\s+control\b"
    rf"|\bunder\s+the\s+control\s+of\s+(?:the\s+)?{_holder('of')}{_FORCES}\b"
)


@dataclass(frozen=True)
class Holding:
    """A mention of who holds land: the words that say it and the country they name."""

    words: Word
    country: str


@lru_cache(maxsize=4096)
def holdings(text: str) -> tuple[Holding, ...]:
    """Each mention in ``text`` of land held by a country ("Russian-held", "held by Ukraine")."""
    found = []
    for m in _HELD.finditer(text):
        holder = next(group for group in _HOLDER_GROUPS if m.group(group))
        country = country_of(m.group(holder))
        if country is not None:
            found.append(Holding(Word(m.group(), m.start(), m.end()), country))
    return tuple(found)


def holder_conflicts(article: str, report: str) -> list[Conflict]:
    """Where ``article`` and ``report`` give land to different countries (kind ``place``)."""
    a_held, r_held = holdings(article), holdings(report)
    if not a_held or not r_held:
        return []
    if {h.country for h in a_held} & {h.country for h in r_held}:
        return []  # one holder on both sides: the other may hold something else
    a, r = a_held[0], r_held[0]
    reason = f"“{a.words.text}” vs “{r.words.text}”: held by another side"
    return [Conflict.between("place", a.words, r.words, reason)]


_FORCE, _CONSENT = "taken by force", "joined by consent"
_COUNTRY = r"(?:the\s+)?(?P<{}>[A-Z][a-z]+)"
_TRANSFER = re.compile(
    r"\b(?:seized|annexed|captured|occupied|grabbed|conquered)\s+by\s+"
    + _COUNTRY.format("by_force")
    + r"|\b"
    + _COUNTRY.format("of_force")
    + r"(?:['’]s)?\s+(?:annexation|seizure|capture|occupation)\s+of\b"
    + r"|\b(?:voted|chose|opted|asked|decided)\s+to\s+(?:join|rejoin)\s+"
    + _COUNTRY.format("joined")
    + r"|\b(?:ceded|handed(?:\s+over)?|transferred|given)\s+to\s+"
    + _COUNTRY.format("given")
)
_MANNER = {"by_force": _FORCE, "of_force": _FORCE, "joined": _CONSENT, "given": _CONSENT}


@lru_cache(maxsize=4096)
def transfers(text: str) -> tuple[tuple[Word, str, str], ...]:
    """Each mention in ``text`` of land passing to a country: the words, the country, and the manner."""
    found = []
    for m in _TRANSFER.finditer(text):
        group = next(g for g in _MANNER if m.group(g))
        country = country_of(m.group(group))
        if country is not None:
            found.append((Word(m.group(), m.start(), m.end()), country, _MANNER[group]))
    return tuple(found)


def transfer_conflicts(article: str, report: str) -> list[Conflict]:
    """Where ``article`` and ``report`` tell land passing to one country in two manners, by force and by
    consent (kind ``detail``): "seized by Russia" / "voted to join Russia"."""
    for a_words, a_country, a_manner in transfers(article):
        for r_words, r_country, r_manner in transfers(report):
            if a_country == r_country and a_manner != r_manner:
                reason = f"“{a_words.text}” vs “{r_words.text}”: {a_manner} against {r_manner}"
                return [Conflict.between("detail", a_words, r_words, reason)]
    return []
