"""Find where one side counts from an event and the other from a date the event does not have.

Entry point: :func:`since_conflicts`. "Killed since the invasion began" against "killed since the
beginning of March": where either document dates the event ("the Feb. 24 invasion", "the invasion on
24 February"), the other side's start is weighed against that date, and the two conflict when the date
falls in another month (or on another day, where both give a day).

Silent where neither document dates the event, where a noun is dated twice over with different dates
(which one is meant is unknown), and where the start given is a year or a weekday.

May import: the standard library, ``parallax.core`` modules quantities, tokens and result.
"""

from __future__ import annotations

import re
from functools import lru_cache

from parallax.core.quantities import DateMention, find_dates
from parallax.core.result import Conflict
from parallax.core.tokens import FUNCTION_WORDS, stem

_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
# "since the invasion began", "since the start of the war", "since Russia's invasion"
_SINCE_EVENT = re.compile(
    r"\bsince\s+(?:the\s+(?:start|beginning|outbreak)\s+of\s+)?(?:the|its|this|that|[A-Z]\w+['’]s)\s+"
    r"(?:[a-z-]+\s+)?(?!began|begun|started|broke)(?P<noun>[a-z]{4,})(?:\s+(?:began|begun|started|broke\s+out))?\b"
)
# What may stand between "since" and a date: "since the beginning of March", "since early March".
_BEFORE_DATE = re.compile(r"\bsince\s+(?:the\s+(?:start|beginning|end|middle)\s+)?$")
_AFTER_DATE = re.compile(r"\s+(?P<noun>[a-z]{4,})\b")  # "the Feb. 24 invasion"
_BEFORE_DATE_NOUN = re.compile(r"\bthe\s+(?P<noun>[a-z]{4,})\s+(?:on|of)\s+$")  # "the invasion on Feb. 24"


@lru_cache(maxsize=64)
def _dated_events(document: str) -> dict[str, DateMention]:
    """Each event noun the document dates to one day, by its stem ("invasion": Feb. 24)."""
    found: dict[str, DateMention] = {}
    clashing: set[str] = set()
    for mention in find_dates(document):
        if mention.category != "day":
            continue
        nouns = []
        if after := _AFTER_DATE.match(document, mention.end):
            nouns.append(after.group("noun"))
        if before := _BEFORE_DATE_NOUN.search(document[max(0, mention.start - 40) : mention.start]):
            nouns.append(before.group("noun"))
        for noun in nouns:
            if noun in FUNCTION_WORDS:
                continue
            key = stem(noun)
            if key in found and found[key].value != mention.value:
                clashing.add(key)
            found.setdefault(key, mention)
    return {key: mention for key, mention in found.items() if key not in clashing}


@lru_cache(maxsize=4096)
def _starts_from_dates(sentence: str) -> tuple[tuple[DateMention, tuple[int, int]], ...]:
    """The dates ``sentence`` counts from ("since the beginning of March"), with the span from "since"."""
    starts = []
    for mention in find_dates(sentence):
        if mention.category not in ("day", "month"):
            continue
        # A month pattern may take "since" into the mention itself ("since March").
        if mention.text.lower().startswith("since "):
            starts.append((mention, (mention.start, mention.end)))
            continue
        window = max(0, mention.start - 40)
        if since := _BEFORE_DATE.search(sentence[window : mention.start]):
            starts.append((mention, (window + since.start(), mention.end)))
    return tuple(starts)


def _differs(event: DateMention, start: DateMention) -> bool:
    """Whether ``start`` names another month than the event's day, or another day."""
    if start.category == "day":
        return start.value != event.value
    return start.value != event.value[:2]


def _one_way(event_side: str, date_side: str, documents: tuple[str, str], forward: bool) -> list[Conflict]:
    conflicts = []
    starts = _starts_from_dates(date_side)
    if not starts:
        return []
    for match in _SINCE_EVENT.finditer(event_side):
        key = stem(match.group("noun"))
        event = _dated_events(documents[0]).get(key) or _dated_events(documents[1]).get(key)
        if event is None:
            continue
        for start, span in starts:
            if _differs(event, start):
                event_span, date_span = (match.start(), match.end()), span
                shown_event, shown_date = event_side[slice(*event_span)], date_side[slice(*date_span)]
                dated = f"{shown_event} ({event.text})"
                reason = (
                    f"{dated} vs {shown_date}: another start" if forward else f"{shown_date} vs {dated}: another start"
                )
                if forward:
                    conflicts.append(Conflict("date", shown_event, shown_date, event_span, date_span, reason))
                else:
                    conflicts.append(Conflict("date", shown_date, shown_event, date_span, event_span, reason))
                return conflicts
    return conflicts


def since_conflicts(article: str, report: str, article_document: str = "", report_document: str = "") -> list[Conflict]:
    """Where one sentence counts from an event its document (or the other's) dates, and the other counts
    from a date in another month: "since the invasion began" (the Feb. 24 invasion) / "since the beginning
    of March"."""
    if not (_SINCE.search(article) and _SINCE.search(report)):
        return []  # the usual case: both sides must count from somewhere
    documents = (article_document or article, report_document or report)
    return _one_way(article, report, documents, True) + _one_way(report, article, documents[::-1], False)
