"""Find quantities and dates in prose, as intervals that can be compared.

Entry points: :func:`find_dates`, :func:`find_quantities` and :func:`find_shares`
(how much of a group: "the majority", "about half of its goals"). A quantity is
an interval with a unit: "about 2,000 troops" is roughly [1,600, 2,400]
soldiers, "between 500 and 1,000 troops" is [500, 1,000], "a two-week window"
and "up to 14 days" are both about fourteen days. Two mentions of the same
unit diverge only when their intervals cannot overlap, so consistent wordings
("nearly 300" and "between 250 and 300") agree. Dates are weekdays,
day-and-month, years and relative days ("last week"); the numbers inside a
date never count as quantities.

May import: the standard library, ``parallax.core.tokens``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parallax.core.tokens import DAY_OF_MONTH_AFTER, MONTH_NAME, SHORT_WEEKDAYS_BEFORE_A_DAY, stem

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = MONTH_NAME
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# "on a Tuesday", "every Friday": a habit. Not "a Monday evening vigil", which was held that Monday.
_HABITUAL_BEFORE = re.compile(r"\b(?:on\s+a|every|each)\s+$", re.IGNORECASE)

_UNITS_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# Spelled-out days of the month, as a transcript gives them: "the twenty-fourth of February".
_DAY_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_DAY_WORDS |= {f"twenty-{w}": 20 + d for w, d in _DAY_WORDS.items() if d < 10} | {"thirty-first": 31}
_DAY_WORD = "(?i:" + "|".join(sorted((w.replace("-", "[-\\s]") for w in _DAY_WORDS), key=len, reverse=True)) + ")"
# Years said aloud: "twenty fourteen", "two thousand and fourteen", "nineteen ninety-one".
_TWO_DIGITS = "(?:" + "|".join(_TEENS) + "|(?:" + "|".join(_TENS) + ")(?:[-\\s](?:" + "|".join(_UNITS_WORDS) + "))?)"
_SPOKEN_YEAR = (
    f"(?i:(?:twenty|nineteen|eighteen)[-\\s]+{_TWO_DIGITS}"
    f"|two\\s+thousand(?:\\s+and)?\\s+(?:{_TWO_DIGITS}|" + "|".join(_UNITS_WORDS) + "))"
)

_DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("day", re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:1[89]|20)\d\d)\b)?")),
    ("day", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})\b\.?(?:,?\s+(?P<year>(?:1[89]|20)\d\d)\b)?")),
    ("day", re.compile(rf"\b(?:the\s+)?(?P<dayword>{_DAY_WORD})\s+of\s+(?P<month>{_MONTH})\b")),
    ("day", re.compile(rf"\b(?P<month>{_MONTH})\s+(?:the\s+)?(?P<dayword>{_DAY_WORD})\b")),
    ("month", re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?P<year>(?:1[89]|20)\d\d)\b")),
    # "in March", "mid-March", "the beginning of March" (not "May": a verb far more often).
    ("month", re.compile(r"\b(?:(?:in|since|until|by|from|early|late|mid|last|next|this|of)\s+|mid-)(?P<month>January|February|March|April|June|July|August|September|October|November|December)\b")),
    # A company's or a year's quarter: "the fourth quarter", "fourth-quarter earnings", "Q3".
    ("quarter", re.compile(r"\b(?P<quarter>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]quarter\b|\bQ(?P<q>[1-4])\b", re.I)),
    ("weekday", re.compile(r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?(?:['’]s)?\b")),
    # Notes and timetables cut them short: "closed Thu", "Wed 05 Mar"; "Mon", "Sat" and "Sun" only before a day.
    ("weekday", re.compile(rf"\b(?P<short>Tues?|Wed|Thu(?:rs?)?|Fri)\b|\b(?P<short2>{'|'.join(SHORT_WEEKDAYS_BEFORE_A_DAY)})\b(?={DAY_OF_MONTH_AFTER})")),
    # "at the weekend", "over the weekend": Saturday or Sunday ("this weekend" is relative, below).
    ("weekday", re.compile(r"\b(?:at|over|on|during)\s+the\s+(?P<weekday>weekend)\b", re.I)),
    ("relative", re.compile(r"\b(?P<rel>yesterday|today|tonight|tomorrow|(?:last|this|next)\s+(?:week|weekend|month|year))\b", re.I)),
    # "seven years ago": a year once the year of writing is known (compared in the claim checks).
    ("ago", re.compile(r"\b(?P<ago>\d{1,2}|" + "|".join(_UNITS_WORDS + _TEENS) + r"|twenty)\s+years?\s+ago\b", re.I)),
    ("year", re.compile(rf"\b(?P<spoken>{_SPOKEN_YEAR})\b")),
    ("year", re.compile(r"(?<![\d,.$£€])\b(?P<year>(?:1[89]|20)\d\d)\b(?!\d|,\d|\s*(?:%|per\s?cent))")),
]  # fmt: skip


@dataclass(frozen=True)
class DateMention:
    """A date: ``category`` is day, month, weekday, quarter, relative or year; ``value`` compares within it."""

    category: str
    value: str
    text: str
    start: int
    end: int


_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def find_dates(text: str) -> list[DateMention]:
    """Dates in ``text``, longest first where mentions overlap."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for category, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            groups = m.groupdict()
            if category == "day":
                month = MONTHS[groups["month"].lower().rstrip(".")]
                if groups.get("dayword"):
                    day = _DAY_WORDS["-".join(groups["dayword"].lower().split()).replace("--", "-")]
                else:
                    day = int(groups["day"])
                if not 1 <= day <= 31:
                    continue
                value = f"{month:02d}-{day:02d}"
            elif category == "month":
                value = f"{MONTHS[groups['month'].lower()]:02d}"
            elif category == "quarter":
                value = groups["q"] or str(_QUARTERS[groups["quarter"].lower()])
            elif category == "weekday":
                if _HABITUAL_BEFORE.search(text, max(0, m.start() - 12), m.start()) or re.fullmatch(
                    r"[A-Za-z]+days", m.group()
                ):
                    continue  # "on a Tuesday", "every Friday", "on Tuesdays": a habit, not a day
                short = (groups.get("short") or groups.get("short2") or "").lower()
                value = next(d for d in WEEKDAYS if d.startswith(short[:3])) if short else groups["weekday"].lower()
            elif category == "relative":
                value = " ".join(groups["rel"].lower().split())
            elif category == "ago":
                said = groups["ago"].lower()
                value = said if said.isdigit() else str(_SMALL[said])
            elif groups.get("spoken"):
                spoken = _spoken_year(groups["spoken"])
                if spoken is None:
                    continue
                value = str(spoken)
            else:
                value = groups["year"]
            end = m.end()
            if m.group().endswith(".") and category == "day" and not groups.get("year"):
                end -= 1  # "29 March." ends the sentence; the full stop is not part of the date
            found.append(DateMention(category, value, text[m.start() : end], m.start(), end))
            taken.append((m.start(), end))
            if groups.get("year") and category in ("day", "month"):
                # The year of "29 March 2022" is compared with other years too.
                ys = m.start("year")
                found.append(DateMention("year", groups["year"], groups["year"], ys, ys + 4))
    return sorted(found, key=lambda d: d.start)


def _spoken_year(words_said: str) -> int | None:
    """The year "twenty fourteen" or "two thousand and fourteen" names (1800-2099), or None."""
    parts = [p for p in re.split(r"[-\s]+", words_said.lower()) if p != "and"]
    if parts[:2] == ["two", "thousand"]:
        return 2000 + sum(_SMALL[p] for p in parts[2:])
    century = _SMALL.get(parts[0])
    if century not in (18, 19, 20):
        return None
    return century * 100 + sum(_SMALL[p] for p in parts[1:])


# --- quantities -----------------------------------------------------------------------------

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "dozen": 12, "a dozen": 12, "a hundred": 100, "a thousand": 1000, "a million": 1_000_000,
    "half a dozen": 6, "a couple of": 2, "a couple": 2, "a pair of": 2, "a single": 1,
}  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip
_SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "bln": 1e9, "m": 1e6, "mn": 1e6,
    "mln": 1e6, "k": 1e3, "tn": 1e12, "trn": 1e12,
}  # fmt: skip
_VAGUE = {  # "thousands of people"
    "dozens": (24, 99), "hundreds": (200, 999), "thousands": (2000, 9999), "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999), "millions": (2e6, 9.99e6), "billions": (2e9, 9.99e9),
    "several": (3, 9), "a few": (2, 5), "a handful of": (2, 6), "a series of": (3, 12), "a string of": (3, 12),
}  # fmt: skip

# Unit words and their canonical name; time, distance and money units carry a factor.
_TIME = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "fortnight": 14,
         "month": 30.4, "year": 365.25, "decade": 3652.5, "century": 36525}  # fmt: skip
# Notes cut the words short: "18 yrs", "3 wks", "6 mths".
_TIME |= {"yr": 365.25, "yrs": 365.25, "mth": 30.4, "mths": 30.4, "mo": 30.4, "mos": 30.4, "wk": 7, "wks": 7,
          "hr": 1 / 24, "hrs": 1 / 24, "mins": 1 / 1440}  # fmt: skip
_DISTANCE = {"km": 1, "kilometre": 1, "kilometer": 1, "mile": 1.609, "metre": 0.001, "meter": 0.001, "m": 0.001}
# Volumes in litres and masses in kilograms: "900 litres ran into a ditch" counts litres, not "ran".
_VOLUME = {"litre": 1, "liter": 1, "millilitre": 0.001, "milliliter": 0.001, "ml": 0.001, "hectolitre": 100}
_MASS = {"kg": 1, "kilogram": 1, "kilo": 1, "gram": 0.001, "milligram": 1e-6, "mg": 1e-6, "tonne": 1000, "ton": 1000}
_SYNONYMS = {
    "troop": "soldier", "serviceman": "soldier", "servicemen": "soldier", "servicemember": "soldier",
    "person": "people", "persons": "people", "individual": "people", "percent": "%", "per cent": "%",
    "pct": "%", "percentage": "%", "ruble": "rouble", "dollar": "$", "usd": "$", "euro": "€", "eur": "€",
    "pound": "£", "gbp": "£", "nation": "country", "men": "people", "women": "people",
}  # fmt: skip
_ROUGH_UNITS = {"decade", "century", "dozen"}

_APPROX = {"about", "around", "roughly", "approximately", "some", "circa", "estimated", "approx", "~", "an estimated"}
_BELOW = {"nearly", "almost", "close to", "just under", "just shy of", "not quite"}
_AT_LEAST = {"more than", "over", "above", "at least", "upwards of", "in excess of", "exceeding", "beyond",
             "more then", "no fewer than", "no less than", "greater than"}  # fmt: skip
_AT_MOST = {"up to", "at most", "less than", "fewer than", "under", "below", "no more than", "a maximum of",
            "as many as", "as much as", "within", "as long as", "as high as"}  # fmt: skip

_STOP = {
    "have", "has", "had", "were", "was", "are", "is", "be", "been", "will", "would", "could", "should", "may",
    "might", "who", "that", "which", "in", "on", "at", "to", "for", "from", "by", "and", "or", "but", "with", "of",
    "after", "before", "since", "as", "than", "into", "across", "per", "said", "says", "ago", "earlier",
    "later", "the", "a", "an", "this", "these", "those", "its", "their", "his", "her",
}  # fmt: skip
_NUMBER_WORDS = "|".join(sorted((re.escape(k) for k in _SMALL), key=len, reverse=True))
# Figures as a transcript says them: "three point nine", "eleven hundred", "a hundred and fifty",
# "forty-odd". (A scale word after them, "million", is read as after any figure.)
# A tens word may take its unit after a hyphen, a spaced hyphen or a space ("twenty - five" in a transcript).
# Not one that opens a compound of its own ("twenty one-year-olds").
_TENS_AND_UNIT = r"(?:\s*-\s*|\s+)(?:" + "|".join(_UNITS_WORDS) + r")\b(?!-)"
_ONE_WORD = "(?:(?:" + "|".join(_TENS) + f")(?:{_TENS_AND_UNIT})?|" + "|".join([*_TEENS, *_UNITS_WORDS]) + ")"
_SPOKEN = (
    rf"(?:{_ONE_WORD}\s+point(?:\s+(?:{_ONE_WORD}|zero|oh))+"
    rf"|(?:{_ONE_WORD}|a)\s+hundred(?:\s+(?:and\s+)?{_ONE_WORD})?"
    rf"|(?:{'|'.join(_TENS)})[-\s]odd)"
)
# A part of one unit: "a quarter of an hour", "half a day", "three quarters of an hour".
_FRACTIONS = {"a quarter of": 0.25, "a quarter of a": 0.25, "a quarter of an": 0.25, "half a": 0.5, "half an": 0.5,
              "three quarters of a": 0.75, "three quarters of an": 0.75}  # fmt: skip
_QUANTITY = re.compile(
    # Not inside a word or figure ("F-16", "3.5"), but the second figure of "15-20" counts.
    r"(?<![\w.,:/])(?<!\D-)(?:"
    r"(?:(?P<cur>[$€£])\s?)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<suffix>%|bn|bln|mn|mln|m|k|tn|trn)?(?![\w:/]|\.\d|,\d)"
    rf"|(?P<spoken>{_SPOKEN})\b"
    r"|(?P<fraction>a\s+quarter\s+of\s+an?|half\s+an?|three\s+quarters\s+of\s+an?)\s+"
    r"(?=(?:second|minute|hour|day|week|fortnight|month|year|decade|century)\b)"
    rf"|(?P<word>(?:{_NUMBER_WORDS}))(?:(?<=ty)(?:\s*-\s*|\s+)(?P<word2>one|two|three|four|five|six|seven|eight|nine)\b(?!-))?\b"
    r"|(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b"
    r"|(?P<vague>tens of thousands|hundreds of thousands|dozens|hundreds|thousands|millions|billions|several|a few|a handful of|a series of|a string of)\b"
    # "a second" is a time only where nothing it could number follows ("a second attempt" is an ordinal).
    r"|(?P<article>an?)\s+(?=(?:minute|hour|day|week|fortnight|month|year|decade|century)\b"
    r"|second\b(?!\s+(?!or\b|and\b|later\b|ago\b|before\b|after\b)[a-z]))"
    r")",
    re.I,
)
_ANNIVERSARY = re.compile(r"\s+anniversary\b", re.I)
_SAME_BOUND_TOLERANCE = 0.15
_RANGE_TOLERANCE = 0.02
# How far an approximate or rough figure reaches either side ("about 2,000", "a decade").
_ROUGH_LOW, _ROUGH_HIGH = 0.75, 1.25
_WORD_AFTER = re.compile(r"\s*(?:-|–)?\s*([A-Za-z%]+(?:['’]s)?|%)")


@dataclass(frozen=True)
class Quantity:
    """An amount as an interval [low, high] of ``unit`` (canonical), with the words that said it."""

    low: float
    high: float
    unit: str
    text: str
    start: int
    end: int
    ordinal: bool = False
    bound: str = ""  # "min" ("more than 20,000") or "max" ("up to 15 years"); "" for other figures
    rough: bool = False  # a round unit or a vague word ("a decade", "dozens"): the interval was widened
    stated_range: bool = False  # given as a range: "between 7,000 and 15,000", "30,000 to 40,000"

    def overlaps(self, other: Quantity, tolerance: float = 0.01) -> bool:
        if self.bound and self.bound == other.bound:
            # Two limits of one kind ("up to 15 years", "up to ten years") state their figures as such:
            # they agree when the figures do, within the give of a paraphrase ("more than a month", "four weeks").
            edge, other_edge = (self.low, other.low) if self.bound == "min" else (self.high, other.high)
            # Compare the figures as stated: a rough one ("up to a decade and a half") was widened.
            return _close(self._stated(edge), other._stated(other_edge))
        if self.stated_range and other.stated_range and not (self.rough or other.rough):
            # Two ranges are two estimates: "30,000 to 40,000" and "30,000 to 50,000" differ, though they overlap.
            # Their ends are figures as stated, so another figure is another estimate ("15,000" / "17,000").
            return _close(self.low, other.low, _RANGE_TOLERANCE) and _close(self.high, other.high, _RANGE_TOLERANCE)
        slack = tolerance * max(abs(self.high), abs(other.high), 1e-9)
        return self.low <= other.high + slack and other.low <= self.high + slack

    def _stated(self, edge: float) -> float:
        """The figure a widened limit started from (see :func:`_widen`)."""
        if not self.rough:
            return edge
        return edge / _ROUGH_LOW if self.bound == "min" else edge / _ROUGH_HIGH

    def describe(self) -> str:
        return self.text


def _unit_of(word: str) -> tuple[str, float]:
    """Canonical unit and factor for a unit word ("weeks" -> ("time", 7))."""
    w = word.lower().replace("’", "'").removesuffix("'s")
    if w == "%":
        return "%", 1.0
    singular = w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w
    if w in ("centuries",):
        singular = "century"
    if singular in _TIME:
        return "time", _TIME[singular]
    if singular in _DISTANCE and len(singular) > 1:
        return "km", _DISTANCE[singular]
    if singular in _VOLUME:
        return "litre", _VOLUME[singular]
    if singular in _MASS:
        return "kg", _MASS[singular]
    canonical = _SYNONYMS.get(w) or _SYNONYMS.get(singular)
    if canonical:
        return canonical, 1.0
    return stem(singular), 1.0


def _spoken_value(said: str) -> float:
    """The figure a :data:`_SPOKEN` phrase names: "three point nine" 3.9, "eleven hundred" 1100, "forty-odd" 40."""
    parts = [p for p in re.split(r"[-\s]+", said.lower()) if p not in ("and", "odd")]

    def whole(words_said: list[str]) -> float:
        return float(sum(1 if w == "a" else _SMALL[w] for w in words_said))

    if "point" in parts:
        at = parts.index("point")
        digits = "".join("0" if w in ("zero", "oh") else str(_SMALL[w]) for w in parts[at + 1 :])
        return whole(parts[:at]) + float(f"0.{digits}")
    if "hundred" in parts:
        at = parts.index("hundred")
        return whole(parts[:at]) * 100 + whole(parts[at + 1 :])
    return whole(parts)


def _read_number(m: re.Match[str]) -> tuple[float, bool] | None:
    """The value a quantity match names, and whether the match is an ordinal."""
    if m.group("num"):
        return float(m.group("num").replace(",", "")), False
    if m.group("spoken"):
        return _spoken_value(m.group("spoken")), False
    if m.group("fraction"):
        return _FRACTIONS[" ".join(m.group("fraction").lower().split())], False
    if m.group("word"):
        value = float(_SMALL[" ".join(m.group("word").lower().split())])
        if m.group("word2"):
            value += _SMALL[m.group("word2").lower()]
        return value, False
    if m.group("ord"):
        token = m.group("ord").lower()
        return (float(_ORDINALS[token]) if token in _ORDINALS else float(re.sub(r"\D", "", token))), True
    if m.group("article"):
        return 1.0, False
    return None


def _modifier_before(text: str, start: int) -> str:
    before = text[max(0, start - 30) : start].lower()
    before = re.sub(r"[^\w~\s]", " ", before)
    tail = " ".join(before.split()[-3:])
    for phrase_set, name in ((_AT_LEAST, "min"), (_AT_MOST, "max"), (_BELOW, "below"), (_APPROX, "approx")):
        for phrase in sorted(phrase_set, key=len, reverse=True):
            if tail.endswith(" " + phrase) or tail == phrase:
                if name == "max" and phrase == "as many as":
                    return "as many as"
                return name
    return ""


def find_quantities(text: str, skip: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """Quantities in ``text``; spans in ``skip`` (dates) are ignored."""
    skip = list(skip or [])
    skip.extend((m.start(), m.end()) for m in re.finditer(r"\b\d{1,2}:\d{2}\b", text))  # clock times
    skip.extend((m.start(), m.end()) for m in re.finditer(r"\b\d{4}-\d{2}-\d{2}\b", text))  # ISO dates
    quantities: list[Quantity] = []
    matches = [m for m in _QUANTITY.finditer(text) if not any(m.start() < e and s < m.end() for s, e in skip)]
    consumed_until = -1
    for index, m in enumerate(matches):
        if m.start() < consumed_until:
            continue
        if m.group("vague"):
            low, high = _VAGUE[" ".join(m.group("vague").lower().split())]
            ordinal = False
        else:
            read = _read_number(m)
            if read is None:
                continue
            low = high = read[0]
            ordinal = read[1]
        start, end = m.start(), m.end()
        scale = _scale_after(text, end)
        if scale:
            low, high, end = low * scale[0], high * scale[0], scale[1]
        if m.group("suffix") and m.group("suffix").lower() in _SCALES:
            low, high = low * _SCALES[m.group("suffix").lower()], high * _SCALES[m.group("suffix").lower()]
        stated_range = False
        # A range: "between 7,000 and 15,000", "30,000 to 40,000", "one or two", "15-20".
        joiner = re.match(r"\s*(?:and|to|or|-|–|—)\s*", text[end:])
        if joiner and index + 1 < len(matches) and matches[index + 1].start() == end + joiner.end():
            nxt = matches[index + 1]
            read_next = _read_number(nxt)
            if read_next is not None and not nxt.group("vague"):
                second = read_next[0]
                next_end = nxt.end()
                next_scale = _scale_after(text, next_end)
                suffix = (nxt.group("suffix") or "").lower()
                if not next_scale and suffix in _SCALES:
                    second *= _SCALES[suffix]
                    if not m.group("suffix") and low < second / 100:  # "30-50k": the suffix scales both
                        low *= _SCALES[suffix]
                        high = low
                elif next_scale:
                    second, next_end = second * next_scale[0], next_scale[1]
                    if not scale and low < second / 100:  # "two to three million"
                        low *= next_scale[0]
                        high *= next_scale[0]
                if second >= low:
                    high, end = second, next_end
                    consumed_until = nxt.end()
                    stated_range = second > low
        unit_word, unit_end = _unit_word(text, end, m)
        # "the second anniversary" is two years on: comparable with "the one-year anniversary".
        anniversary = m.group("ord") and _ANNIVERSARY.match(text, end)
        if anniversary:
            unit_word, unit_end, ordinal = "years", anniversary.end(), False
        if m.group("cur"):
            unit, factor = _SYNONYMS.get(m.group("cur"), m.group("cur")), 1.0
        elif m.group("suffix") == "%":
            unit, factor = "%", 1.0
        elif unit_word:
            unit, factor = _unit_of(unit_word)
        else:
            unit, factor = "", 1.0
        if (
            m.group("word")
            and m.group("word").lower() in ("one", "a single")
            and unit not in ("time", "soldier", "people", "%", "km")
        ):
            continue  # "one top official": too often a determiner, not a count
        if m.group("article") and unit != "time":
            continue
        if not unit:
            unit = _elided_unit(text, start, end, quantities) or _counted_before(text, start)
        if not unit:
            continue
        half = re.match(r"\s+and\s+a\s+half\b", text[max(end, unit_end) :])
        if half and low == high > 0:  # "a decade and a half", "two years and a half"
            low = high = low + 0.5
            unit_end = max(end, unit_end) + half.end()
        low, high = low * factor, high * factor
        modifier = _modifier_before(text, start)
        rough = (
            unit_word.lower().rstrip("s") in _ROUGH_UNITS
            or m.group("vague") is not None
            or (m.group("spoken") or "").lower().endswith("odd")  # "forty-odd million"
        )
        span_start = _modifier_start(text, start) if modifier else start
        if stated_range and modifier == "max" and text[span_start:start].lower().strip() == "within":
            modifier = ""  # "within two or three years" names its estimate, as "in two or three years" does
        low, high = _widen(low, high, modifier, rough)
        span_end = max(end, unit_end)
        bound = modifier if modifier in ("min", "max") else ""
        stated_range = stated_range and not modifier and not rough  # a limit or approximation widens a range
        quantities.append(
            Quantity(
                low, high, unit, text[span_start:span_end], span_start, span_end, ordinal, bound, rough, stated_range
            )
        )
    return quantities


# Participles that follow a count whose noun is left out: "7,000 troops killed and 20,000 wounded", "nine
# people were treated on the quayside and two were taken to hospital".
# Auxiliaries may come between: "and that 30,000 to 40,000 had been killed or wounded".
_ELLIPSIS_WORD = re.compile(
    r"\s+(?:(?:have|has|had|were|was|are|is|been|being|be|reportedly|now|also|already)\s+){0,3}"
    r"(?:killed|wounded|injured|dead|hurt|missing|displaced|detained|arrested|captured|taken|treated|rescued|"
    r"evacuated|hospitali[sz]ed|admitted|airlifted|freed|released|charged|jailed|deported)\b"
)
_COUNTS = {"soldier", "peopl", "civilian", "refuge", "children", "resident", "casualti", "prisoner", "hostag"}


def _elided_unit(text: str, start: int, end: int, earlier: list[Quantity]) -> str:
    """The unit a bare count borrows from the count before it in the same sentence, or ""."""
    if not _ELLIPSIS_WORD.match(text, end) or not earlier:
        return ""
    before = earlier[-1]
    # A semicolon joins two counts of one list ("7,000 soldiers killed; 50,000 killed or wounded").
    if before.unit not in _COUNTS or re.search(r"[.!?]\s", text[before.end : start]):
        return ""
    return before.unit


# "put the number of Russian soldiers killed at between 7,000 and 12,000": the count is named before it.
_NUMBER_OF = re.compile(r"\b(?:number|count|tally|total)\s+of\s+(?P<phrase>(?:[A-Za-z'’-]+\s+){1,3})", re.I)
_LINKED_TO_COUNT = re.compile(
    r"\b(?:at|to|as|was|were|is|are|reached|of)\s+"
    r"(?:(?:between|about|around|roughly|some|nearly|almost|more\s+than|fewer\s+than|up\s+to|over|under)\s+)?$",
    re.I,
)


_SET_AT = re.compile(r"\b(?P<noun>[a-z]+)\s+at\s+(?:between|around|about|some|roughly|nearly|almost)?\s*$")


def _counted_before(text: str, start: int) -> str:
    """The unit of a bare count that a "number of <noun> ... at" phrase earlier in its sentence names, or ""."""
    head = text[max(0, start - 200) : start]
    ends = list(re.finditer(r"[.!?;]\s", head))
    if ends:
        head = head[ends[-1].end() :]
    # "put Russian military deaths at between 7,000 and 17,000": the noun the count is set at.
    set_at = _SET_AT.search(head)
    if set_at and _is_unit_word(set_at.group("noun")):
        return _unit_of(set_at.group("noun"))[0]
    if not _LINKED_TO_COUNT.search(head):
        return ""
    for m in _NUMBER_OF.finditer(head):
        for word in m.group("phrase").split():
            if _is_unit_word(word):
                return _unit_of(word)[0]
    return ""


def _scale_after(text: str, end: int) -> tuple[float, int] | None:
    m = re.match(r"\s*(thousand|million|billion|trillion)\b", text[end:], re.I)
    return (_SCALES[m.group(1).lower()], end + m.end()) if m else None


def _unit_word(text: str, end: int, match: re.Match[str]) -> tuple[str, int]:
    """The noun a number counts: the first of the next few words that is not a modifier."""
    position = end
    if match.group("vague") or (match.group("word") or "").lower() in ("hundred", "dozen", "a dozen", "a hundred"):
        of = re.match(r"\s+of\b", text[position:])
        if of:
            position += of.end()
    else:
        # A part of a whole counts what the whole is made of: "20,000 of his soldiers".
        of = re.match(r"\s+of\s+(?:the|his|her|their|its|our|your|these|those)\s+(?=[A-Za-z])", text[position:])
        if of:
            if re.match(r"[A-Za-z-]+['’]s\s+\d", text[position + of.end() :]):
                return "", end  # "Eleven of the town's 14 schools": a part of a count, as "11 of 14 schools" is
            position += of.end()
    candidates: list[tuple[str, int]] = []
    for _ in range(4):
        m = _WORD_AFTER.match(text, position)
        if not m:
            break
        word = m.group(1)
        if word.lower() in _STOP:
            break
        candidates.append((word, m.end()))
        position = m.end()
        if word.endswith(("'s", "’s")) and _COMPOUND_HEAD.match(text, m.end()):
            continue  # "Eleven of the town's schools" counts schools: a possessive is no count's noun
        if _is_unit_word(word):
            compound = _COMPOUND_HEAD.match(text, m.end())
            hyphenated = "-" in text[end : m.start(1)] or "–" in text[end : m.start(1)]  # "two-country treaties"
            if (
                compound
                and not hyphenated
                and word.lower() in _PLACES_AND_THINGS
                and compound.group(1).lower() not in _STOP
            ):
                return compound.group(1), compound.end()  # "14 town schools" counts schools, not towns
            return word, m.end()
    # No known unit: the last word of the noun phrase, if it is not capitalised (a name) or a verb form.
    for word, word_end in reversed(candidates):
        lowered = word.lower()
        if (word[0].isupper() and not lowered.endswith("ans")) or lowered.endswith(("ed", "ly")):
            continue
        return word, word_end
    return "", end


# Singular nouns that name what a number counts, and that may also stand before the noun counted instead:
# "14 town schools", "three village elders". Not when hyphenated: "two-country treaties" counts countries.
_PLACES_AND_THINGS = {"city", "town", "village", "country", "tank", "ship", "vessel", "aircraft", "plane", "jet",
                      "missile", "drone", "point", "round", "report", "student", "worker", "member", "seat"}  # fmt: skip
_COMPOUND_HEAD = re.compile(r"\s+([a-z]{2,}[a-rt-z]s)\b")
# Nouns a bare figure counts, in the singular a trailing "s" is cut to ("casualtie").
_COUNTED = _PLACES_AND_THINGS | {"soldier", "people", "civilian", "refugee", "child", "children", "resident",
                                 "casualtie", "death", "official", "prisoner", "hostage", "journalist", "vote",
                                 "delegate", "bn", "barrel"}  # fmt: skip


def _is_unit_word(word: str) -> bool:
    w = word.lower().removesuffix("'s")
    singular = w[:-1] if w.endswith("s") else w
    return (
        w == "%"
        or singular in _TIME
        or w in ("centuries",)
        or (singular in _DISTANCE and len(singular) > 1)
        or singular in _VOLUME
        or singular in _MASS
        or w in _SYNONYMS
        or singular in _SYNONYMS
        or singular in _COUNTED
    )


def _close(x: float, y: float, tolerance: float = _SAME_BOUND_TOLERANCE) -> bool:
    """Two stated figures that are one within the give of a paraphrase (``tolerance``, relative)."""
    return abs(x - y) <= tolerance * max(abs(x), abs(y), 1e-9)


def _widen(low: float, high: float, modifier: str, rough: bool) -> tuple[float, float]:
    """Turn a stated value into the interval a reader would accept."""
    if modifier == "below":
        # "nearly three decades": just under the figure as stated, however round its unit (not 19 to 37 years).
        return low * 0.85, high
    if modifier == "approx" or rough:
        low, high = low * _ROUGH_LOW, high * _ROUGH_HIGH
    if modifier == "min":
        high = high * 2
    elif modifier == "max":
        low = low * 0.5
    elif modifier == "as many as":
        low = low * 0.8
    return low, high


def _modifier_start(text: str, start: int) -> int:
    before = text[max(0, start - 30) : start]
    phrases = sorted(_APPROX | _BELOW | _AT_LEAST | _AT_MOST, key=len, reverse=True)
    lowered = before.lower()
    for phrase in phrases:
        m = re.search(rf"\b{re.escape(phrase)}\s*$", lowered)
        if m:
            return start - (len(before) - m.start())
    return start


# --- shares of a group ------------------------------------------------------------------------------
# "the majority believe", "only around a third of Ukrainians", "few of its objectives", "about half of its
# goals": how much of a group, as an interval of the whole (unit "share"). Figures in per cent stay with
# the other figures (a "%" may be a rate or a change, not a share).

_SHARE_WORDS: dict[str, tuple[float, float]] = {
    "vast majority": (0.75, 1.0), "overwhelming majority": (0.75, 1.0), "large majority": (0.6, 1.0),
    "clear majority": (0.55, 1.0), "slim majority": (0.51, 0.6), "narrow majority": (0.51, 0.6),
    "majority": (0.51, 1.0), "small minority": (0.0, 0.2), "tiny minority": (0.0, 0.1), "minority": (0.0, 0.49),
    "nearly all": (0.85, 1.0), "almost all": (0.85, 1.0), "virtually all": (0.85, 1.0),
    "half": (0.5, 0.5), "a third": (1 / 3, 1 / 3), "one third": (1 / 3, 1 / 3), "one-third": (1 / 3, 1 / 3),
    "two thirds": (2 / 3, 2 / 3), "two-thirds": (2 / 3, 2 / 3), "a quarter": (0.25, 0.25),
    "one quarter": (0.25, 0.25), "three quarters": (0.75, 0.75), "three-quarters": (0.75, 0.75),
    "a fifth": (0.2, 0.2), "one fifth": (0.2, 0.2), "one-fifth": (0.2, 0.2),
    "most": (0.51, 1.0), "few": (0.0, 0.3),
    # Many said with weight ("so many Ukrainians are resolutely opposed"): no small minority.
    "so many": (1 / 3, 1.0),
}  # fmt: skip
_SHARE_MODIFIERS = {
    "about": "approx", "around": "approx", "roughly": "approx", "some": "approx", "approximately": "approx",
    "nearly": "below", "almost": "below", "just under": "below", "more than": "min", "over": "min",
    "less than": "max", "under": "max", "fewer than": "max",
}  # fmt: skip
_SHARE_NAMES = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_SHARE_WORDS, key=len, reverse=True))
_SHARE_MODIFIER = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_SHARE_MODIFIERS, key=len, reverse=True))
_SHARE = re.compile(
    rf"\b(?:(?P<modifier>{_SHARE_MODIFIER})\s+)?(?:(?:the|a)\s+)?(?P<share>{_SHARE_NAMES})\b"
    # What must follow: "of" or a noun for the group, or a verb (for "the majority believe").
    r"(?P<after>\s+of\b|\s+[A-Za-z][\w'’-]*)?",
    re.IGNORECASE,
)
# "one in three Ukrainians", "two in five", "one out of four", "one Ukrainian in five".
_ONE_IN = re.compile(
    rf"\b(?:(?P<modifier>{_SHARE_MODIFIER})\s+)?(?P<part>one|two|three|four)\s+(?-i:[A-Z][a-z]+\s+)?(?:in|out\s+of)\s+"
    r"(?P<whole>three|four|five|six|seven|eight|nine|ten)\b",
    re.IGNORECASE,
)
# Words after "most" or "few" that make them no share: a superlative ("the most likely"), a count of time.
_NOT_A_GROUP = {"of", "likely", "important", "recent", "senior", "prominent", "powerful", "serious", "days", "weeks",
                "months", "years", "hours", "minutes", "times"}  # fmt: skip
_NOT_BEFORE_MOST = {"at", "very", "quite", "is", "are", "was", "were", "be", "been"}
_HALVES = {"first", "second", "other", "latter", "former", "top", "bottom", "back", "front"}
# Verbs a share of people may take as their subject: "half say", "the majority believe".
_HOLDING_A_VIEW = {"say", "said", "believe", "believed", "think", "thought", "want", "wanted", "support",
                   "supported", "oppose", "opposed", "back", "backed", "agree", "agreed", "expect", "fear", "feel"}  # fmt: skip
# Few said by how hard they are to find: "it's hard to find much support for a deal", "hard to find anyone who".
_HARD_TO_FIND = re.compile(r"\b(?:hard|difficult)\s+to\s+find\s+(?:much|many|any|anyone|anybody)\b", re.IGNORECASE)
_SHARE_SPREAD = 0.05  # how far an exact share said in words may stand off ("a third" of 30% or 36%)


def find_shares(text: str) -> list[Quantity]:
    """Shares of a group said in words, each a :class:`Quantity` of unit ``share`` between 0 and 1."""
    shares = []
    for m in _SHARE.finditer(text):
        said = " ".join(m.group("share").lower().split())
        after = (m.group("after") or "").strip().lower()
        before = text[max(0, m.start() - 12) : m.start()].lower().split()[-1:]
        opened = m.group(0)[: m.start("share") - m.start()].lower().split()  # "the", "a", a modifier
        if m.group("share")[:1].isupper() and before and before[0][-1:].isalpha():
            continue  # inside a name, mid-sentence: "Senate Majority Leader", "Half Moon Bay"
        if said in ("most", "few"):
            # "most" or "few" is a share before a group ("most Ukrainians", "few of its objectives"), not in a
            # superlative ("the most plausible", "at most") or a small count ("a few days").
            if "a" in opened or "the" in opened or (said == "most" and before and before[0] in _NOT_BEFORE_MOST):
                continue
            if not (after == "of" or (after not in _NOT_A_GROUP and after.endswith(("s", "people")))):
                continue
        elif said == "half":
            # Half of a group ("half of its goals", "half the country"), not of a unit ("half a day") or of
            # a game ("the first half").
            if before and before[0] in _HALVES:
                continue
            if not (
                after in ("of", "the", "its", "their", "his", "her", "our", "all")
                or after.endswith("s")
                or after in _HOLDING_A_VIEW  # "roughly half say they would support a deal"
            ):
                continue
        elif said in ("a third", "a quarter", "a fifth") and after != "of":
            continue  # "a third round", "a quarter century": no share
        low, high = _SHARE_WORDS[said]
        shares.append(_share(text, m, low, high))
    for m in _ONE_IN.finditer(text):
        value = _SMALL[m.group("part").lower()] / _SMALL[m.group("whole").lower()]
        if value < 1:
            shares.append(_share(text, m, value, value))
    shares += [_share(text, m, *_SHARE_WORDS["few"]) for m in _HARD_TO_FIND.finditer(text)]
    return shares


def _share(text: str, m: re.Match[str], low: float, high: float) -> Quantity:
    """The share ``m`` states, widened by its modifier ("about half", "more than a third")."""
    modifier = _SHARE_MODIFIERS.get(" ".join((m.groupdict().get("modifier") or "").lower().split()), "")
    if low == high:  # a figure said exactly in words still stands for a round figure
        low, high = max(0.0, low - _SHARE_SPREAD), min(1.0, high + _SHARE_SPREAD)
    if modifier == "approx":
        low, high = max(0.0, low - _SHARE_SPREAD), min(1.0, high + _SHARE_SPREAD)
    elif modifier == "below":
        low, high = max(0.0, low - 2 * _SHARE_SPREAD), high - _SHARE_SPREAD
    elif modifier == "min":
        low, high = high - _SHARE_SPREAD, 1.0
    elif modifier == "max":
        low, high = 0.0, low + _SHARE_SPREAD
    end = m.end("share") if "share" in m.groupdict() else m.end()
    return Quantity(
        low, high, "share", text[m.start() : end], m.start(), end, bound=modifier if modifier in ("min", "max") else ""
    )
