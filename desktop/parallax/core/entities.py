"""Names (people, places, organisations) and speakers ("X said") found by rule.

Entry points: :func:`find_entities` and :func:`find_speakers`. Names are runs
of capitalised words; a capitalised word that opens a sentence only counts
when it is not an ordinary word. Each name gets a rough kind from its shape
and neighbours (a title before it, "in" before it, an organisation word in
it). Speakers come from reporting verbs on either side ("said Orysia
Lutsevych", "NATO estimated", "according to one top Russian official").

May import: the standard library, ``parallax.core.tokens``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from parallax.core.tokens import (
    DAY_OF_MONTH_AFTER,
    FOOTNOTE_AFTER_STOP,
    LIST_BULLETS,
    LIST_NUMBER,
    SHORT_WEEKDAYS_BEFORE_A_DAY,
    SPEAKER_LABEL,
    NameIndex,
    Word,
    capitals_lines,
    capitals_stretches,
    same_name,
    title_lines,
    words,
)

_COMMON_OPENERS = {
    "the", "a", "an", "but", "and", "or", "in", "on", "at", "after", "before", "for", "with", "without", "as",
    "if", "when", "while", "although", "though", "because", "since", "so", "yet", "still", "instead", "meanwhile",
    "however", "nonetheless", "prior", "some", "many", "most", "all", "both", "each", "every", "this", "that",
    "these", "those", "his", "her", "its", "their", "our", "my", "your", "it", "he", "she", "they", "we", "i",
    "you", "there", "here", "what", "which", "who", "whom", "whose", "why", "how", "where", "officials",
    "negotiators", "analysts", "observers", "opinion", "talks", "under", "by", "from", "to", "of", "one", "two",
    "three", "no", "not", "never", "asked", "earlier", "later", "today", "yesterday", "over", "among",
    "across", "despite", "during", "until", "within", "between", "against", "about", "also", "even", "only",
    "such", "other", "another", "more", "less", "several", "few", "much", "then", "now", "again",
}  # fmt: skip
_TITLES = {
    "president", "prime", "minister", "mr", "mrs", "ms", "dr", "secretary", "general", "gen", "sen", "senator",
    "chancellor", "king", "queen", "pope", "spokesman", "spokeswoman", "spokesperson", "foreign", "defence",
    "defense", "deputy", "chief", "lieutenant", "colonel", "col", "capt", "captain", "mayor", "governor", "gov",
    "ambassador", "commander", "premier", "rep", "representative", "judge", "justice", "professor", "prof",
    "sir", "lady", "lord", "st", "saint", "former", "top", "senior", "vice",
    # Offices an official text capitalises ("the Head of the Russian delegation, Aide to the President").
    "head", "aide", "adviser", "advisor", "envoy", "chairman", "chairwoman", "chair", "director", "leader",
    # A trade written as a title before the name ("Analyst Rob Lee warned ...").
    "analyst", "economist", "strategist",
    # Ranks of soldiers and police, often cut short ("Sgt. Mourad Mourad", "Maj. Taras Hnatyshyn").
    "sgt", "sergeant", "maj", "lt", "cpl", "corporal", "adm", "admiral", "officer", "inspector", "detective",
    "rev", "reverend",
}  # fmt: skip
_ORG_WORDS = {
    "agency", "committee", "council", "union", "organisation", "organization", "institute", "house", "ministry",
    "department", "forum", "bank", "fund", "party", "cross", "crescent", "nations", "corporation", "inc", "ltd",
    "group", "university", "college", "association", "commission", "office", "army", "navy", "pentagon",
    "kremlin", "parliament", "senate", "congress", "court", "news", "press", "times", "post", "service",
    "services", "alliance", "federation", "foundation", "centre", "center", "company", "network", "guard",
    "force", "forces", "command", "reuters", "bureau", "authority", "board", "embassy", "government", "cabinet",
    "duma", "rada", "assembly", "secretariat", "watch", "international", "institution", "institutions",
    "society", "school", "academy", "programme", "program", "initiative", "staff",
}  # fmt: skip
_PLACE_WORDS = {
    "city",
    "region",
    "province",
    "oblast",
    "peninsula",
    "river",
    "sea",
    "island",
    "county",
    "state",
    "republic",
}
_GENERIC_NAME_WORDS = _ORG_WORDS | _PLACE_WORDS | {"united", "national", "royal", "new", "great", "north",
    "south", "east", "west", "central", "european", "american", "british", "research", "policy", "studies",
    "western", "eastern", "northern", "southern", "europe"}  # fmt: skip
_MONTHS_DAYS = {"today", "tonight", "yesterday", "tomorrow",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
    # Time zones after a clock time ("10:02, 31 March 2022 (UTC)") say when, not who.
    "utc", "gmt", "cet", "cest", "eet", "eest", "bst", "edt", "est", "et", "pst", "pdt", "pt", "cdt", "cst", "mdt",
    "mst", "msk", "am", "pm",
}  # fmt: skip
# Words for a piece of land, which make the name after their "of" a place ("a Ukrainian-held part of Donetsk").
_PARTS_OF_PLACES = {"part", "parts", "corner", "area", "areas", "outskirts", "suburbs", "town", "village", "district"}
# Words for people of a place, which do the same: "a native of Kharkiv, told CBC News" names a city, not a person.
_PEOPLE_OF_PLACES = {"native", "natives", "resident", "residents", "inhabitant", "inhabitants", "citizen", "citizens"}
_LAND_BEFORE_OF = _PLACE_WORDS | _PARTS_OF_PLACES | _PEOPLE_OF_PLACES
_CONNECTORS = {"of", "for", "de", "al", "von", "van", "the", "and"}
_PLACE_PREPOSITIONS = {"in", "at", "from", "near", "into", "outside", "around", "across", "toward", "towards", "via"}


@dataclass(frozen=True)
class Entity:
    """A name in a text: its words, kind (person, place, organisation or entity) and match keys."""

    text: str
    start: int
    end: int
    kind: str
    keys: tuple[str, ...]

    def named_in(self, name_words: Sequence[str] | NameIndex) -> bool:
        """Whether capitalised ``name_words`` of a text name this entity.

        "Lutsevych" names "Orysia Lutsevych". Generic words of a longer name
        ("House", "Institute", "United") are shared by many names, so a name made
        only of such words ("Royal United Services Institute") needs all of them, and so does a
        body named for a country or capital ("the Ukraine Forum" is not named by "Ukraine").
        A text's words may come as a :class:`NameIndex` of them, built once for many entities.
        """
        index = name_words if isinstance(name_words, NameIndex) else NameIndex(name_words)
        if self.kind == "person" and len(self.keys) > 1:
            # A person is named by the surname: "Vladimir Putin" does not name "Vladimir Medinsky".
            return index.names(self.keys[-1])
        specific = [k for k in self.keys if k.lower() not in _GENERIC_NAME_WORDS]
        if specific and not (len(specific) < len(self.keys) and stands_for_government(specific)):
            return any(index.names(key) for key in specific)
        # A body named for a country ("the Ukraine Forum") is not named by the country alone.
        return all(index.names(key) for key in self.keys)


# A capital stands for its country's government in news ("Moscow's climbdown"), and a city lies in
# its country: naming one for the other ("talks in Turkey", "talks in Istanbul") is no change of place.
_CAPITALS = {
    "moscow": ("russia", "kremlin"), "kyiv": ("ukraine",), "washington": ("america", "us", "usa"),
    "beijing": ("china",), "london": ("britain", "uk", "england"), "paris": ("france",), "berlin": ("germany",),
    "ankara": ("turkey", "türkiye"), "minsk": ("belarus",), "warsaw": ("poland",), "tehran": ("iran",),
    "jerusalem": ("israel",), "ottawa": ("canada",), "tokyo": ("japan",), "rome": ("italy",), "madrid": ("spain",),
    "delhi": ("india",), "pyongyang": ("korea",), "seoul": ("korea",), "damascus": ("syria",), "baghdad": ("iraq",),
    "kabul": ("afghanistan",), "cairo": ("egypt",), "riyadh": ("saudi",), "brussels": ("belgium", "eu", "nato"),
}  # fmt: skip
_CITIES = {
    "istanbul": ("turkey", "türkiye"), "izmir": ("turkey", "türkiye"), "antalya": ("turkey", "türkiye"),
    "kharkiv": ("ukraine",), "odesa": ("ukraine",), "lviv": ("ukraine",), "dnipro": ("ukraine",),
    "mariupol": ("ukraine",), "kherson": ("ukraine",), "mykolaiv": ("ukraine",), "chernihiv": ("ukraine",),
    "zaporizhzhia": ("ukraine",), "sumy": ("ukraine",), "donetsk": ("ukraine",), "luhansk": ("ukraine",),
    "petersburg": ("russia",), "novosibirsk": ("russia",), "yekaterinburg": ("russia",), "kazan": ("russia",),
    "sochi": ("russia",), "belgorod": ("russia",), "kaliningrad": ("russia",), "rostov": ("russia",),
    "york": ("america", "us", "usa"), "chicago": ("america", "us", "usa"), "angeles": ("america", "us", "usa"),
    "toronto": ("canada",), "montreal": ("canada",), "vancouver": ("canada",), "winnipeg": ("canada",),
    "manchester": ("britain", "uk", "england"), "birmingham": ("britain", "uk", "england"),
    "edinburgh": ("britain", "uk", "scotland"), "glasgow": ("britain", "uk", "scotland"),
    "munich": ("germany",), "hamburg": ("germany",), "frankfurt": ("germany",), "cologne": ("germany",),
    "marseille": ("france",), "lyon": ("france",), "milan": ("italy",), "naples": ("italy",),
    "barcelona": ("spain",), "geneva": ("switzerland",), "zurich": ("switzerland",), "krakow": ("poland",),
    "gdansk": ("poland",), "shanghai": ("china",), "hong": ("china",), "mumbai": ("india",),
    "karachi": ("pakistan",), "dubai": ("emirates", "uae"), "jeddah": ("saudi",), "alexandria": ("egypt",),
    "sydney": ("australia",), "melbourne": ("australia",), "osaka": ("japan",), "haifa": ("israel",),
    "aleppo": ("syria",), "mosul": ("iraq",), "basra": ("iraq",), "gaza": ("palestine",), "lagos": ("nigeria",),
    "johannesburg": ("africa",), "paulo": ("brazil",), "rio": ("brazil",),
}  # fmt: skip


def city_in_country(a_keys: Sequence[str], b_keys: Sequence[str]) -> bool:
    """Whether one name is a capital or a large city of the country the other names ("Istanbul", "Turkey")."""
    for cities, countries in ((a_keys, b_keys), (b_keys, a_keys)):
        # A country of several words ("U.K.": "United", "Kingdom") is also known by one.
        names = (*countries, *_short_names(countries))
        for city in cities:
            plain = _plain(city)
            for name in _CAPITALS.get(plain, ()) + _CITIES.get(plain, ()):
                if any(same_name(name, country) for country in names):
                    return True
    return False


def has_city_named(keys: Sequence[str], index: NameIndex) -> bool:
    """Whether ``keys`` name a country one of whose cities ``index`` names: "the U.K." in a report adds
    nothing to an article that says "London"."""
    return any(index.names(city) for city in _cities_of(tuple(keys)))


@lru_cache(maxsize=1024)
def _cities_of(keys: tuple[str, ...]) -> tuple[str, ...]:
    """The capitals and cities that :data:`_CAPITALS` and :data:`_CITIES` place in the country ``keys`` name."""
    names = (*keys, *_short_names(keys))
    return tuple(
        city
        for city, countries in itertools.chain(_CAPITALS.items(), _CITIES.items())
        if any(same_name(country, name) for country in countries for name in names)
    )


# Seats of government that stand for their country in news ("the Kremlin said").
_SEATS = {"kremlin": "russia", "bankova": "ukraine", "elysee": "france", "élysée": "france", "quirinale": "italy"}
_COUNTRIES = tuple(sorted({country for names in _CAPITALS.values() for country in names} | set(_SEATS.values())))


def speaks_for_government(a_keys: Sequence[str], b_keys: Sequence[str]) -> bool:
    """Whether one source is a country, its capital or its seat of government alone ("Moscow", "the
    Kremlin") and the other names that government among its words ("Kremlin spokesman Dmitry Peskov")."""
    for alone, other in ((a_keys, b_keys), (b_keys, a_keys)):
        governments = [_government(k) for k in alone]
        if not alone or None in governments:
            continue
        other_governments = {g for k in other if (g := _government(k)) is not None}
        if any(same_name(g, h) for g in governments if g for h in other_governments):
            return True
    return False


def other_governments(a_keys: Sequence[str], b_keys: Sequence[str]) -> bool:
    """Whether each name is only countries, capitals, seats of government or their adjectives, and the two
    name no government in common ("Ukraine" / "Russia's", "Russian" / "Ukraine's", "Kyiv" / "the Kremlin")."""
    a_governments = {_government(k) or _DEMONYMS.get(_plain(k)) for k in a_keys}
    b_governments = {_government(k) or _DEMONYMS.get(_plain(k)) for k in b_keys}
    if not a_keys or not b_keys or None in a_governments or None in b_governments:
        return False
    return not any(same_name(str(g), str(h)) for g in a_governments for h in b_governments)


# "the Ukrainian capital", "Russia's capital": a capital named by its country.
_CAPITAL_OF = re.compile(r"\bthe\s+(?P<adjective>[A-Z][a-z]+)\s+capital\b|\b(?P<country>[A-Z][a-z]+)['’]s\s+capital\b")


def capital_descriptions(text: str) -> list[Entity]:
    """The capitals ``text`` names by their country ("pressing hard on the Ukrainian capital"), each as the
    place it is (keys "Kyiv"), to be compared as the city's name would be. Not a country of two capitals."""
    return list(_capital_descriptions(text)) if "capital" in text else []


@lru_cache(maxsize=4096)
def _capital_descriptions(text: str) -> tuple[Entity, ...]:
    found = []
    for m in _CAPITAL_OF.finditer(text):
        country = _government(m.group("adjective") or m.group("country"))
        capitals = [city for city, countries in _CAPITALS.items() if countries[0] == country]
        if country is not None and len(capitals) == 1:
            found.append(Entity(m.group(), m.start(), m.end(), "place", (capitals[0].title(),)))
    return tuple(found)


# A document naming its capital: "around the capital Kyiv", "the capital, Kyiv", "Kyiv, the capital".
_CAPITAL_NAMED = re.compile(r"\bthe\s+capital,?\s+([A-Z][\w'’-]+)|\b([A-Z][\w'’-]+),\s+the\s+capital\b")
# "the capital" alone (not "the capital of ...", "the capital's", "the capital city").
_BARE_CAPITAL = re.compile(r"\bthe\s+capital\b(?![’'-]|\s+(?:of|city)\b)")


def bare_capitals(text: str, document: str) -> list[Entity]:
    """Each "the capital" of ``text`` as the one city ``document`` names as its capital ("pressing on the
    capital" in a story that says "around the capital Kyiv"); none where the document names no capital, or
    more than one."""
    if "capital" not in text:
        return []
    city = _document_capital(document)
    if city is None:
        return []
    return [Entity(m.group(), m.start(), m.end(), "place", (city,)) for m in _BARE_CAPITAL.finditer(text)]


@lru_cache(maxsize=64)
def _document_capital(document: str) -> str | None:
    named = {m.group(1) or m.group(2) for m in _CAPITAL_NAMED.finditer(document)}
    return named.pop() if len(named) == 1 else None


def stands_for_government(keys: Sequence[str]) -> bool:
    """Whether a name is a country, its capital or its seat of government ("Moscow", "Kremlin", "Turkey")."""
    return bool(keys) and all(_government(k) is not None for k in keys)


# Adjectives of countries that are not their names with an ending ("Turkish" for Turkey; "Russian" needs none).
_DEMONYMS = {
    "turkish": "turkey", "british": "britain", "french": "france", "german": "germany", "chinese": "china",
    "polish": "poland", "spanish": "spain", "japanese": "japan", "israeli": "israel", "iraqi": "iraq",
    "iranian": "iran", "syrian": "syria", "egyptian": "egypt", "indian": "india", "canadian": "canada",
    "american": "america", "belarusian": "belarus", "italian": "italy", "korean": "korea", "saudi": "saudi",
    "afghan": "afghanistan", "belgian": "belgium",
}  # fmt: skip


def irregular_country_adjective(keys: Sequence[str]) -> bool:
    """Whether ``keys`` are a country's adjective not made from its name ("British", "Turkish")."""
    return bool(keys) and all(_plain(k) in _DEMONYMS for k in keys)


def adjective_of_named_country(keys: Sequence[str], index: NameIndex) -> bool:
    """Whether ``keys`` are a country's adjective ("Turkish") and ``index`` names the country ("Turkey")."""
    countries = [_DEMONYMS.get(_plain(k)) for k in keys]
    return bool(keys) and None not in countries and all(index.names(str(c).title()) for c in countries)


@lru_cache(maxsize=4096)
def _government(key: str) -> str | None:
    """The country a capital or seat of government stands for ("moscow", "kremlin": "russia"); a
    country stands for itself; None for any other name."""
    plain = _plain(key)
    if plain in _SEATS:
        return _SEATS[plain]
    if plain in _CAPITALS:
        return _CAPITALS[plain][0]
    return next((c for c in _COUNTRIES if same_name(c, plain)), None)


def country_of(word: str) -> str | None:
    """The country a word names: itself, its adjective, its capital or its seat ("Russian", "Kyiv",
    "Polish", "Kremlin"); None for any other word."""
    return _government(word) or _DEMONYMS.get(_plain(word))


def _plain(key: str) -> str:
    return key.lower().replace("’", "'").removesuffix("'s")


def _is_capitalised(token: str) -> bool:
    return token[:1].isupper() or (token[:1].isdigit() and any(c.isupper() for c in token))


# What may open a line before a dash, the sentence starting after it: a live blog's clock time
# ("16:45 — Not everyone…") or a wire dateline ("ISTANBUL (Reuters) – From…").
_LEAD_IN = re.compile(
    r"(?:^|\n)[ \t]*(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?|[A-Z][A-Z .'-]+(?:\([^)\n]+\))?)$"
)


# A list's, thread's or section's number opening a line: "2/", "16/18", "3.", "4)" or "3.6".
_NUMBERED = re.compile(rf"(?:^|\n)[ \t]*{LIST_NUMBER}$")

# A cable's or memo's classification marking before its paragraph: "(U)", "(SBU)", "(C)".
_MARKING = re.compile(r"\([A-Z/]{1,6}\)$")

_OPENING_MARKS = " \t\"“‘'([—–-" + LIST_BULLETS  # quotes, brackets, dashes and list bullets


def _sentence_starts(text: str, tokens: Sequence[Word], indices: Iterable[int]) -> set[int]:
    """Which of the tokens at ``indices`` open a sentence."""
    starts = set()
    for index in indices:
        token = tokens[index]
        # Where the text before the token ends, leaving out the quotes, brackets and dashes that open it.
        cut = token.start
        while cut and text[cut - 1] in _OPENING_MARKS:
            cut -= 1
        # Each pattern below ends at the cut, so only the few characters before it are searched.
        marking = _MARKING.search(text, max(0, cut - 10), cut)  # "15. (U) Markets took ...": a cable's marking
        if marking:
            cut = marking.start()
            while cut and text[cut - 1] in " \t":
                cut -= 1
        dashed = any(c in "—–-" for c in text[cut : token.start])
        if (
            not cut
            or text[cut - 1] in ".!?:\n"
            or text[max(0, token.start - 1) : token.start] in ("“", '"', "‘")
            or (dashed and _LEAD_IN.search(text[:cut]))
            or _NUMBERED.search(text, max(0, cut - 20), cut)
            or FOOTNOTE_AFTER_STOP.search(text, max(0, cut - 12), cut)
        ):
            starts.add(index)
    return starts


def _base(token: Word) -> str:
    return _plain(token.text)


@dataclass(frozen=True)
class _Runs:
    """What :func:`find_entities` reads from a text alone: its tokens, sentence starts and runs of capitals."""

    tokens: tuple[Word, ...]
    starts: frozenset[int]  # the tokens of runs that open a sentence
    runs: tuple[tuple[int, ...], ...]
    vocabulary: frozenset[str]  # the text's own lower-case words
    titled: frozenset[int]  # tokens of runs in a headline in title case or a stretch in capitals


# A news agency's slug opening a headline ("UPDATE 2-Russia, Ukraine cite progress") and a transcript's
# speaker label ("OKAFOR: Kyiv, for its part...") name nothing the report says.
# A memo's or cable's label after its paragraph number and marking ("1. (SBU) SUMMARY:") is one too, as is
# a subtitle cue's after its number and timecodes ("11 00:01:03,400 --> 00:01:11,000 REPORTER: In ...") and
# a label after another speaker's last sentence ("... retaking some towns. LEE: They're ..."), and so is a chat
# export's time stamp and sender.
_TIMECODE = r"\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}"
_SUBTITLE_CUE = rf"(?:\d{{1,5}}[ \t]+)?{_TIMECODE}[ \t]*-->[ \t]*{_TIMECODE}[ \t]+"
# A chat export's message header: "[30/03/2022, 07:04] Tom: ..." or "30/03/2022, 07:04 - Auntie Halya: ...".
_CHAT_HEADER = (
    r"(?:\[\d{1,2}/\d{1,2}/\d{2,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp][Mm])?\]"
    r"|\d{1,2}/\d{1,2}/\d{2,4},?[ \t]+\d{1,2}:\d{2}(?:[ \t]*[AaPp][Mm])?[ \t]+-)"
    r"[ \t]*[^:\n\[\]]{1,40}:[ \t]"
)
_WIRE_SLUG = re.compile(
    rf"(?m)^[ \t]*{_CHAT_HEADER}"
    r"|^[ \t]*(?:(?:UPDATE|REFILE|CORRECTED|CORRECTION|RPT|WRAPUP|EXCLUSIVE|ANALYSIS|FACTBOX|INSIGHT|"
    r"BREAKINGVIEWS|EXPLAINER|TIMELINE|POLL|BRIEF|URGENT|FLASH)(?:[ \t]+\d+)?[ \t]*-(?=\S)"
    rf"|(?:{_SUBTITLE_CUE})?(?:\d{{1,3}}\.[ \t]+)?(?:\([A-Z/]{{1,6}}\)[ \t]+)?{SPEAKER_LABEL})"
    rf"|(?<=[.!?] ){SPEAKER_LABEL}|(?<=[.!?][\"”] ){SPEAKER_LABEL}"
)


# A wire dateline's agency: "ISTANBUL, March 29 (Northlight) -" names the agency, no party to the story.
_DATELINE_AGENCY = re.compile(
    r"(?m)^([A-Z][A-Z .'’-]{1,30}(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?[ \t]*)(\([A-Z][\w&.' -]{1,30}\))(?=[ \t]*[-–—])"
)


# A running order's or a log's fields before the line's text: "ITEM 7 (CONT) | 0803:20 | PACKAGE | She and ...".
_FIELDS_BEFORE = re.compile(r"(?m)^[ \t]*(?:[^|\n]{1,40}?[ \t]\|[ \t]+){1,8}(?=\S)")


# An entry's heading in notes, logs and comment threads: "12:50 OTHER ORDERS:", "HISTORY AND BACKGROUND:",
# "Callum Oduro-Finch · 2024-11-08 15:41:", "Marta Quispe-Holloway (Collections) · 16:02:". Who wrote an entry,
# or what the entry is about, is no name in its claim.
_ENTRY_HEADING = re.compile(
    r"(?m)^[^\S\n]*(?:"
    r"\d{1,2}[:.]\d{2}[^\S\n]+[A-Z][A-Z&/-]+(?:[^\S\n]+[A-Z][A-Z&/-]+)*"  # a time, then a label in capitals
    r"|[A-Z][A-Z&/-]+(?:[^\S\n]+[A-Z][A-Z&/-]+)+"  # or a label of two words or more in capitals
    r"|[A-Z][^\n·•:]{1,60}[·•][^\n]{0,30}?\d{1,2}:\d{2}"  # or who wrote it, a dot, and when
    r")[^\S\n]*:"
)


def _blank_furniture(text: str) -> str:
    """``text`` with wire slugs, speaker labels, entry headings, a line's fields and a dateline's agency
    blanked (offsets stay)."""
    text = _WIRE_SLUG.sub(lambda m: " " * len(m.group()), text)
    text = _ENTRY_HEADING.sub(lambda m: " " * len(m.group()), text)
    text = _FIELDS_BEFORE.sub(lambda m: " " * len(m.group()), text)
    return _DATELINE_AGENCY.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)


# A quarter, a half or a fiscal year ("Q3", "H1", "FY2021") is a date, not a name.
_PERIOD = re.compile(r"(?:Q[1-4]|H[12]|FY\d{2}(?:\d{2})?)")


def _names_nothing(token: Word, text: str = "") -> bool:
    """Whether ``token`` names nothing though capitalised: a date's word (a month, a weekday, "Q3") or a
    currency's code."""
    if token.text in SHORT_WEEKDAYS_BEFORE_A_DAY and _A_DAY_AFTER.match(text, token.end):
        return True  # "Theft early Mon 10 Mar": a weekday cut short, as quantities.find_dates reads it
    if token.text in _CURRENCY_CODES:
        return True  # no date, but no name either: "Value approx. EUR 3.8m"
    return _base(token) in _MONTHS_DAYS or _PERIOD.fullmatch(token.text) is not None


# Currency codes before or after a sum ("EUR 3.8m", "3.8m USD") say how much, not who.
_CURRENCY_CODES = {"EUR", "USD", "GBP", "JPY", "CHF", "CNY", "RUB", "UAH", "CAD", "AUD", "SEK", "NOK", "DKK", "PLN"}
_A_DAY_AFTER = re.compile(DAY_OF_MONTH_AFTER)


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


# How a nationality's adjective or noun ends ("Russian", "Chinese", "British", "Iraqi").
NATIONALITY_ENDING = re.compile(r"(?:ian|ean|ese|ish|an|i)$")
_PLURAL_NATIONALITY = re.compile(r"(?:ian|ean|an)s$")


def nationality_word(key: str) -> bool:
    """Whether a name key reads as a nationality, singular or plural ("Ukrainian", "Russians", "Israelis"),
    by its ending. A plural in "-is" only for a known demonym: "Chris" and "Lewis" are names."""
    if NATIONALITY_ENDING.search(key) or _PLURAL_NATIONALITY.search(key):
        return True
    return key.endswith("s") and key[:-1].lower() in _DEMONYMS


def _nationality_after_city(tokens: Sequence[Word], run: Sequence[int], j: int) -> bool:
    """Whether ``tokens[j]`` is a nationality after a run that names a city: "the London Russian
    embassy" is London's Russian embassy, two names, not one called "London Russian"."""
    if len(run) != 1 or _base(tokens[j]) in _CAPITALS or _base(tokens[j]) in _CITIES:
        return False
    city = _base(tokens[run[0]])
    return (city in _CAPITALS or city in _CITIES) and bool(NATIONALITY_ENDING.search(_base(tokens[j])))


@lru_cache(maxsize=4096)
def _runs(text: str) -> _Runs:
    # The article's texts are searched for names for every report they link with.
    blanked = _blank_furniture(text)  # blanked, so offsets stay; what follows furniture opens a sentence
    tokens = words(blanked)
    runs: list[tuple[int, ...]] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if not _is_capitalised(token.text) or _names_nothing(token, blanked):
            index += 1
            continue
        run = [index]
        j = index + 1
        while j < len(tokens):
            gap = text[tokens[j - 1].end : tokens[j].start]
            if gap.strip() not in ("", "&"):  # "Ledger & Ticker", "Procter & Gamble" are one name
                break
            if _BLANK_LINE.search(gap):  # a heading's last word and the next paragraph's first are two names
                break
            if _is_capitalised(tokens[j].text) and not _names_nothing(tokens[j], blanked):
                if _nationality_after_city(tokens, run, j):
                    break
                run.append(j)
                j += 1
                continue
            if (
                tokens[j].lower in _CONNECTORS - {"and", "the"}
                and j + 1 < len(tokens)
                and _is_capitalised(tokens[j + 1].text)
            ):
                run.append(j)
                j += 1
                continue
            break
        index = j
        runs.append(tuple(run))
    return _Runs(
        tuple(tokens),
        frozenset(_sentence_starts(blanked, tokens, (index for run in runs for index in run))),
        tuple(runs),
        frozenset(t.lower for t in tokens if t.text.islower()),
        frozenset(_in_headlines(text, tokens, (index for run in runs for index in run))),
    )


def _in_headlines(text: str, tokens: Sequence[Word], indices: Iterable[int]) -> set[int]:
    """Those of ``indices`` whose tokens stand in a headline in title case or a stretch in capitals."""
    spans = (*title_lines(text), *capitals_stretches(text))
    return {i for i in indices if any(start <= tokens[i].start < end for start, end in spans)} if spans else set()


def find_entities(
    text: str,
    lowercase_vocabulary: frozenset[str] | set[str] | None = None,
    known_names: frozenset[str] | None = None,
) -> list[Entity]:
    """Names in ``text``.

    ``lowercase_vocabulary`` holds words known to be ordinary (seen in lower
    case); ``known_names`` holds words seen capitalised inside a sentence. A
    lone capitalised word that opens a sentence is a name only if it is known.
    """
    found = _runs(text)
    tokens, starts = found.tokens, found.starts
    vocabulary = lowercase_vocabulary if lowercase_vocabulary is not None else found.vocabulary
    entities: list[Entity] = []
    for whole_run in _name_runs(found, vocabulary, known_names):
        run = whole_run
        # Drop an ordinary word that is only capitalised because it opens the sentence.
        while run and run[0] in starts:
            first = tokens[run[0]].lower.replace("’", "'").removesuffix("'s")
            if first in _COMMON_OPENERS or first in vocabulary or (first in _TITLES and len(run) == 1):
                run = run[1:]
            else:
                break
        while run and (tokens[run[-1]].lower in _CONNECTORS or tokens[run[-1]].lower in _COMMON_ACRONYMS):
            run = run[:-1]  # "Intel's CPU team": the acronym of a common noun is no part of the name
        if not run:
            continue
        if len(run) == 1 and run[0] in starts and known_names is not None and _base(tokens[run[0]]) not in known_names:
            continue
        if len(run) == 1 and _ordinary_word_as_label(text, tokens, run[0], vocabulary):
            continue
        if len(run) == 1 and (_numbered_street(tokens, run[0]) or _state_after_town(text, tokens, run[0])):
            continue
        entity = _entity(text, run)
        if entity is not None:
            entities.append(entity)
    return entities


# The words of a street that a number names: "117th Street", "97th Ave.".
_STREET_WORDS = {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive", "place"}
_ORDINAL_ENDINGS = {"st", "nd", "rd", "th"}


def _numbered_street(tokens: Sequence[Word], index: int) -> bool:
    """Whether a lone capitalised word is a street's word after its number ("117th Street"; the tokens read
    "117", "th", "Street"): the number is the name, and two such streets differ by their numbers."""
    return (
        index >= 2
        and tokens[index].lower in _STREET_WORDS
        and tokens[index - 1].lower in _ORDINAL_ENDINGS
        and tokens[index - 2].text.isdigit()
    )


# Acronyms of common nouns, which name no one: a charge ("DUI"), a part ("CPU"), a score ("TD"), a role ("CEO").
_COMMON_ACRONYMS = {
    "oem", "oems", "cpu", "cpus", "gpu", "gpus", "bios", "nic", "nics", "hd", "pc", "pcs", "ram", "ssd", "usb",
    "lcd", "dna", "ceo", "ceos", "cfo", "coo", "cto", "gdp", "dui", "dwi", "td", "tds", "ko", "mvp", "suv", "suvs",
    "atm", "cpr", "icu", "io",
}  # fmt: skip
# American states as a dateline abbreviates them after a town: "Rancho Mirage, Calif.".
_STATE_ABBREVIATIONS = {
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la",
    "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va",
    "vt", "wash", "wis", "wyo",
}  # fmt: skip


def _state_after_town(text: str, tokens: Sequence[Word], index: int) -> bool:
    """Whether a lone capitalised word is a state's abbreviation after its town ("Rancho Mirage, Calif."):
    the town is the place named; the state only says where the town is."""
    token = tokens[index]
    return (
        token.lower in _STATE_ABBREVIATIONS
        and text[token.end : token.end + 1] == "."
        and index > 0
        and text[tokens[index - 1].end : token.start].strip() == ","
        and tokens[index - 1].text[:1].isupper()
    )


def _ordinary_word_as_label(
    text: str, tokens: Sequence[Word], index: int, vocabulary: frozenset[str] | set[str]
) -> bool:
    """Whether a lone capitalised word is an ordinary word of the documents set as a label, not a name: in
    capitals ("11 RECORD (6)", a crossword's answer; four letters or more, so "US" stays a country), or
    right after a figure ("1850 Markets item:", a log's time; "see 13 Down")."""
    token = tokens[index]
    if _base(token) not in vocabulary:
        return False
    if token.text.isupper() and len(token.text) >= 4:
        return True
    if index == 0:
        return False
    before = tokens[index - 1]
    return before.text.isdigit() and text[before.end : token.start] in (" ", "\t")


def _name_runs(
    found: _Runs, vocabulary: frozenset[str] | set[str], known_names: frozenset[str] | None
) -> Iterable[tuple[int, ...]]:
    """The runs of capitals that may be names. In a headline in title case, where every word is capitalised,
    only the words that are no ordinary word of the documents and, where known, are capitalised inside a
    sentence somewhere count: "Istanbul" in "Ukrainian Distrust After the Istanbul Talks", not "Talks"."""
    for run in found.runs:
        if run[0] not in found.titled or not vocabulary:
            yield run
            continue
        for kept, group in itertools.groupby(
            run, key=lambda k: _named_in_title(found.tokens[k], vocabulary, known_names)
        ):
            if kept:
                yield tuple(group)


def _named_in_title(token: Word, vocabulary: frozenset[str] | set[str], known_names: frozenset[str] | None) -> bool:
    base = _base(token)
    return base not in vocabulary and (known_names is None or base in known_names)


# Dotted abbreviations of names that are also written out: their words, so that "U.S." is the
# "United States" (and "American") of the other text. Any other loses its dots ("N.A.T.O." -> "NATO").
_DOTTED = {
    "US": ("United", "States"), "USA": ("United", "States"), "UK": ("United", "Kingdom"),
    "UN": ("United", "Nations"), "EU": ("European", "Union"), "UAE": ("United", "Arab", "Emirates"),
}  # fmt: skip


def name_keys(word: str) -> tuple[str, ...]:
    """The key words a name word gives: itself, or an abbreviation's words ("U.S.", "US": the United States);
    an acronym's plural is the acronym ("NGOs", "GANs": "NGO", "GAN")."""
    if len(word) >= 4 and word.endswith(".") and word[1] == ".":
        plain = word.replace(".", "")
        return _DOTTED.get(plain, (plain,))
    if _ACRONYM_PLURAL.fullmatch(word):
        word = word[:-1]
    return _DOTTED.get(word, (word,)) if word.isupper() else (word,)


_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")


def _word_keys(word: Word) -> tuple[str, ...]:
    """The key words of one name word, its possessive dropped ("U.S.'s": "United", "States")."""
    return name_keys(word.text.replace("’", "'").removesuffix("'s"))


@lru_cache(maxsize=16384)
def _entity(text: str, run: tuple[int, ...]) -> Entity | None:
    """The name that tokens ``run`` of ``text`` make, or None where they hold no name word."""
    tokens = _runs(text).tokens
    names = [tokens[k] for k in run]
    # A lone letter names nothing: "I", an initial, or a label's letter ("audio station A"); nor does "I'd".
    keys = tuple(
        key
        for w in names
        if w.lower not in _TITLES
        and w.lower not in _CONNECTORS
        and len(w.text) > 1
        and not w.lower.startswith(("i'", "i’"))
        for key in _word_keys(w)
    )
    if not keys:
        return None
    entity_text = text[names[0].start : names[-1].end]
    return Entity(entity_text, names[0].start, names[-1].end, _kind(text, tokens, run, names), keys)


# A newspaper or broadcaster a report quotes ("the Harbour Times reports", "the Daily Arrow notes")
# relays what others said: it is no source or place of its own in a comparison.
_PUBLICATION_LAST = {
    "times", "journal", "post", "herald", "tribune", "gazette", "telegraph", "chronicle", "observer", "bulletin",
    "standard", "express", "mirror", "examiner", "courier", "ledger", "inquirer", "globe", "mail", "register",
    "dispatch", "sentinel", "review", "record", "monitor", "digest", "dispatches", "newspaper", "weekly",
    "magazine", "radio", "television", "tv", "broadcasting", "news",
}  # fmt: skip
_PUBLICATION_FIRST = {"daily", "morning", "evening", "sunday", "weekly", "saturday", "radio"}  # "Radio Liberty"
# "the financial daily Ledger & Ticker", "the newspaper Kommersant"
_PUBLICATION_BEFORE = {
    "daily", "newspaper", "paper", "weekly", "tabloid", "broadsheet", "magazine", "broadcaster", "outlet",
}  # fmt: skip


# News agencies and broadcasters known by one name ("told Reuters", "according to Interfax").
_NEWS_ORGANISATIONS = {
    "reuters", "ap", "afp", "bloomberg", "bbc", "cnn", "cbc", "interfax", "tass", "xinhua", "ria", "itar-tass",
    "nbc", "cbs", "npr", "pbs", "msnbc", "politico", "axios", "ukrinform", "unian", "anadolu", "efe", "ansa", "dpa",
    "kyodo", "yonhap", "euronews", "nhk",
}  # fmt: skip


# Broadcasters known by two or more words that no publication word ends ("told Deutsche Welle").
_NEWS_ORGANISATION_NAMES = {
    ("deutsche", "welle"), ("al", "jazeera"), ("voice", "of", "america"), ("radio", "free", "europe"),
    ("france", "24"), ("sky", "news"), ("abc", "news"),
}  # fmt: skip


def is_publication(keys: Sequence[str]) -> bool:
    """Whether name ``keys`` name a newspaper, broadcaster or news agency ("Pine Street Journal", "Reuters")."""
    plain = [_plain(k) for k in keys]
    if tuple(plain) in _NEWS_ORGANISATION_NAMES:
        return True
    if len(plain) == 1:
        return plain[0] in _NEWS_ORGANISATIONS
    return bool(plain) and (plain[-1] in _PUBLICATION_LAST or plain[0] in _PUBLICATION_FIRST)


# Countries of two or three words: the adjective an article may use for each instead, and the one
# word :data:`_CAPITALS` and :data:`_CITIES` know it by.
_COUNTRY_NAMES: dict[tuple[str, ...], tuple[str, tuple[str, ...]]] = {
    ("united", "states"): ("american", ("us", "america")), ("united", "kingdom"): ("british", ("uk", "britain")),
    ("south", "korea"): ("korean", ("korea",)), ("north", "korea"): ("korean", ("korea",)),
    ("saudi", "arabia"): ("saudi", ("saudi",)), ("new", "zealand"): ("new zealand", ()),
    ("south", "africa"): ("south african", ("africa",)), ("czech", "republic"): ("czech", ()),
    ("sri", "lanka"): ("sri lankan", ()), ("united", "arab", "emirates"): ("emirati", ("uae", "emirates")),
}  # fmt: skip


def country_adjective(keys: Sequence[str]) -> str | None:
    """The adjective of a country named in several words ("United States": "american"), else None."""
    entry = _COUNTRY_NAMES.get(tuple(_plain(k) for k in keys))
    return entry[0] if entry else None


def _short_names(keys: Sequence[str]) -> tuple[str, ...]:
    """The one word a country of several words goes by in :data:`_CAPITALS` ("U.K.": "uk", "britain")."""
    entry = _COUNTRY_NAMES.get(tuple(_plain(k) for k in keys))
    return entry[1] if entry else ()


# Bodies known by a name whose initials are not their acronym.
_BODIES = {"nato": ("north atlantic alliance", "atlantic alliance", "north atlantic treaty organization",
                    "north atlantic treaty organisation")}  # fmt: skip
_NOT_INITIALS = {"of", "for", "the", "and", "on", "in", "de"}


def same_body(a_keys: Sequence[str], b_keys: Sequence[str]) -> bool:
    """Whether one name is the other's acronym ("EU", "European Union"; "NATO", "North Atlantic Alliance")."""
    for short, long in ((a_keys, b_keys), (b_keys, a_keys)):
        if len(short) != 1 or len(long) < 2:
            continue
        acronym = _plain(short[0])
        words_of = [_plain(k) for k in long]
        if " ".join(words_of) in _BODIES.get(acronym, ()):
            return True
        # A word in capitals gives all its letters: "US Geological Survey" is the USGS.
        initials = "".join(
            k.lower() if k.isupper() and len(k) <= 3 else w[0]
            for k, w in zip(long, words_of, strict=True)
            if w not in _NOT_INITIALS
        )
        if short[0].isupper() and len(acronym) >= 2 and initials == acronym:
            return True
    return False


_ADJECTIVES = {
    "western", "eastern", "northern", "southern", "north", "south", "east", "west", "central", "national",
    "royal", "new", "great", "united", "international",
}  # fmt: skip


def is_generic(keys: Sequence[str]) -> bool:
    """Whether a name is one generic word ("Western", "North"): an adjective, not a name to swap.

    Several generic words together are a name ("Policy Research Institute").
    """
    return len(keys) == 1 and _plain(keys[0]) in _ADJECTIVES


def names_an_institution(keys: Sequence[str]) -> bool:
    """Whether a name holds an institution's word ("Ministry of Defence", "Chatham House")."""
    return any(_plain(k) in _ORG_WORDS for k in keys)


# A website's address after its name: "MyFoxHouston.com reports" (or "MyFoxHouston. com", tokenised).
_WEB_ADDRESS = re.compile(r" ?\. ?(?:com|org|net|co\.uk)\b", re.IGNORECASE)


_POSTNOMINALS = {"KC", "QC", "SC", "MP", "MSP", "MEP", "MLA", "MD", "PhD", "OBE", "MBE", "CBE"}


def _kind(text: str, tokens: Sequence[Word], run: Sequence[int], names: list[Word]) -> str:
    lowered = [w.lower.replace("’", "'").removesuffix("'s") for w in names]
    if tuple(k.lower() for w in names for k in _word_keys(w)) in _COUNTRY_NAMES:
        return "place"  # "United States", "U.S."
    previous_word = tokens[run[0] - 1].lower if run[0] > 0 else ""
    if is_publication(lowered) or previous_word in _PUBLICATION_BEFORE or _WEB_ADDRESS.match(text, names[-1].end):
        return "publication"
    if "&" in text[names[0].start : names[-1].end]:
        return "organisation"  # "Procter & Gamble": a firm, not a person
    # An acronym in capitals is an organisation ("NATO"), but not a word in a line written all in capitals.
    shouted = any(start <= names[0].start < end for start, end in (*capitals_lines(text), *capitals_stretches(text)))
    # Letters after a person's name are no body: "Julian Featherby KC", "Ann Lee QC", "Sam Ode MP".
    postnominal = (
        len(names) >= 3
        and names[-1].text in _POSTNOMINALS
        and names[-2].text[:1].isupper()  # a surname, not "for" in "Luckily for KC"
        and not names[-2].text.isupper()
    )
    if any(w in _ORG_WORDS for w in lowered) or (
        not shouted and not postnominal and any(w.text.isupper() and len(w.text) >= 2 for w in names)
    ):
        return "organisation"
    if postnominal:
        return "person"
    if any(w in _TITLES for w in lowered[:-1]):
        return "person"
    if len(names) >= 2 and lowered[-1] in _PLACE_WORDS:
        return "place"  # "Luhansk People's Republic", "Kherson Oblast": a land's own word ends its name
    previous = tokens[run[0] - 1].lower if run[0] > 0 else ""
    after = tokens[run[-1] + 1].lower if run[-1] + 1 < len(tokens) else ""
    if len(names) >= 2 and after in ("said", "says", "told", "added", "who"):
        return "person"  # "it comes from Oksana Marchuk, who manages ...": no place after "from"
    if (
        previous in _PLACE_PREPOSITIONS
        or after in _PLACE_WORDS
        or (previous == "of" and run[0] >= 2 and tokens[run[0] - 2].lower in _LAND_BEFORE_OF)
    ):
        return "place"
    if len(names) == 1 and previous in ("a", "an") and lowered[-1].endswith(("ian", "ish", "ese", "ean", "an")):
        return "place"  # "an American who fell": a nationality, as "a British man" says it
    if previous in _TITLES or after in ("said", "says", "told", "added", "who"):
        return "person"
    if len(names) >= 2 and all(w.text[:1].isupper() and w.text[1:].islower() for w in names):
        return "person"
    if lowered[-1].endswith(("ian", "ish", "ese", "ean", "an")) and len(names) == 1:
        return "place"  # a demonym such as "Ukrainian" stands for its country
    return "entity"


# --- speakers ---------------------------------------------------------------------------------

_VERBS = (
    r"said|says|say|added|adds|stated|states|noted|notes|announced|announces|claimed|claims|insisted|insists|"
    r"warned|warns|explained|explains|estimated|estimates|reported|reports|argued|argues|believes|believed|"
    r"expects|expected|acknowledged|acknowledges|wrote|writes|confirmed|confirms|denied|denies|told|tells|"
    r"suggested|suggests|predicted|predicts|concluded|concludes|assessed|assesses|"
    # Verbs of opinion that credit a view as surely as "said" does ("Lutsevych also reckons ...").
    r"reckons|reckoned|thinks|fears|feared|maintains|maintained|contends|contended|observes|observed|"
    r"(?:points|pointed)\s+out|"
    r"(?:made|makes)\s+(?:a|the|that|this)\s+(?:similar\s+|same\s+)?point|"
    # A view denied is a view credited: "Chris Alexander does not believe Ukraine can ...".
    r"(?:does|do|did)(?:\s+not|n['’]t)\s+(?:believe|think|expect)|"
    # The plural present ("Pentagon officials estimate that..."), but not the forms that are nouns too.
    r"estimate|warn|insist|argue|explain|acknowledge|confirm|deny|suggest|predict|conclude|"
    r"assess|announce|tell|write"
)
_AFTER_VERB = re.compile(
    r"\b(?:said|says|added|stated|noted|announced|claimed|insisted|warned|explained|wrote|[Aa]ccording to|"
    # Right after a quote, its verb before its speaker: '"...," observed Rob Lee' (not "Oracle argued Google ...").
    r"(?<=[,!?][\"”] )(?:observed|remarked|commented|argued|recalled|conceded|cautioned|replied)|"
    r"quotes|quoted|quoting|cites|cited|citing|[Ii]n\s+the\s+(?:view|words|opinion|judg(?:e)?ment)\s+of|"
    # The passive's agent: "it was admitted even by the Western analyst Chris Alexander that ...".
    r"(?:admitted|acknowledged|conceded|stated|said|noted|argued|claimed|confirmed|reported)\s+(?:even\s+|also\s+)?by)\s+"
    r"(?P<speaker>[^,.;:\"“”()\n]{2,90}?)(?=\s*[,.;:()\"”]|\s+(?:that|on|in|at|during|after|before|when|while|as|to|"
    r"last|this|earlier|yesterday|today|who|adding)\b|$)"
)
# A name opening its sentence, an apposition, then the verb: "Chris Alexander, a former Canadian diplomat who
# served in Moscow, says ...". The apposition's commas keep _BEFORE_VERB from reaching the name.
# After a quote, the surname alone will do: "... in one or two years," Lutsevych, who's originally from Lviv,
# told CBC News. The speaker's body may stand between name and apposition ("Rob Lee of the FPRI, ...").
_APPOSED = re.compile(
    r"(?:(?:^|(?<=[.!?])\s+|\n)(?P<speaker>[A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’-]+){1,3})"
    r"|(?<=[,!?][\"”])[^\S\n]+(?P<quoted>[A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’-]+){0,3}))"
    # The name's body before the apposition: "Orysia Lutsevych of Chatham House, the London think-tank, said".
    r"(?:[^\S\n]+(?:of|at|from)[^\S\n]+(?:the[^\S\n]+)?[A-Z][\w'’&-]*(?:[^\S\n]+[A-Z][\w'’&-]*){0,4})?"
    r",\s+[^.;:\"“”()\n]{3,160}?,\s+"
    rf"(?:has\s+|have\s+|had\s+|also\s+)?(?:{_VERBS})\b"
)
# A name, then "who" and the verb: "Michael Harlow, who added that ...", "backed by Rob Lee, who said ...".
_WHO_SAID = re.compile(
    r"(?P<speaker>\b[A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’-]+){0,3}),\s+who\s+(?:also\s+|has\s+|had\s+)?"
    rf"(?:{_VERBS})\b"
)
# A name with others, then a plural verb: "Lutsevych and many other longtime Russia-watchers fear ...",
# "Chris Alexander, the former minister, and plenty of other Kremlin-watchers fear ...". The name is the
# source named; an opening conjunction is no part of it.
_WITH_OTHERS = re.compile(
    r"(?P<speaker>\b(?!(?:But|And|Yet|So|Still|However|Now|Then|Meanwhile)\b)[A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’-]+){0,3})"
    r"(?:,[^,.;:\"“”()\n]{3,80},)?\s+and\s+(?:many\s+|plenty\s+of\s+|several\s+|some\s+|a\s+few\s+|most\s+)?"
    r"(?:other|fellow)\s+[^,.;:\"“”()\n]{0,60}?\s+(?:also\s+)?"
    r"(?:say|fear|believe|think|warn|argue|doubt|expect|worry|agree|suspect|reckon)\b"
)
# A view credited by what someone saw something as: "Orysia Lutsevych saw the pull-back as a gesture",
# "Alexander described the announcement as the diplomatic expression of ...". A name only.
_VIEWED_AS = re.compile(
    r"(?P<speaker>\b[A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’-]+){0,3})\s+(?:also\s+)?"
    r"(?:saw|sees|viewed|views|regarded|regards|described|describes)\s+[^.;:!?\"“”\n]{2,80}?\s+as\b"
)
# A view credited by a possessive: "In Alexander's view, the likeliest scenario ...".
_VIEW_OF = re.compile(
    r"\b[Ii]n\s+(?P<speaker>[A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’-]+){0,3})['’]s?\s+"
    r"(?:view|words|opinion|judg(?:e)?ment|assessment|reading|estimation)\b"
)
# A person named before a colon that opens their quote, as notes and transcripts set it: 'Maj. Taras
# Hnatyshyn, territorial defence instructor, Lviv: "You can train untrained soldiers to defend."'
_COLON_QUOTE = re.compile(
    r"(?P<speaker>\b(?:(?:Maj|Gen|Col|Capt|Lt|Sgt|Dr|Mr|Mrs|Ms|Prof)\.?[^\S\n]+)?"
    r"[A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’-]+){1,3})(?:,[^:\"“”\n]{3,100})?:[^\S\n]*[\"“]"
)
# A quote credited by a name in brackets right after it, as notes set it: '"... political concessions."
# (Chris Alexander)'.
_BRACKETED_AFTER_QUOTE = re.compile(r"[\"”][^\S\n]*\((?P<speaker>[A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’-]+){1,3})\)")
# A view credited by "of", and said to be: "The reading of Rob Lee, of the Foreign Policy Research Institute,
# is that Moscow remains ready ...".
_VIEW_IS = re.compile(
    r"\b[Tt]he\s+(?:view|reading|assessment|verdict|judg(?:e)?ment|conclusion|opinion|analysis)\s+of\s+"
    r"(?P<speaker>[A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’-]+){0,3})(?=(?:,[^.;:!?\n]{0,120}?,)?\s+(?:is|was)\s+that\b)"
)
# A statement credited by "by": "the remark, made by Orysia Lutsevych, that ...", "a warning by NATO".
_REMARK_BY = re.compile(
    r"\b(?:remarks?|comments?|statements?|claims?|observations?|warnings?|assessments?|argument|point|words)"
    r",?\s+(?:(?:first\s+)?(?:made|offered|voiced|delivered|issued|given)\s+)?by\s+"
    r"(?P<speaker>(?:the\s+)?[A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’-]+){0,3})"
)
# Aims a side states of itself, and aims another ascribes to it: "Russia's stated war aims" are Russia's
# words; "the war aims that NATO ascribes to Russia" are NATO's.
_STATED_OWN = re.compile(
    r"\b(?P<speaker>[A-Z][\w-]+(?:[^\S\n]+[A-Z][\w-]+){0,2})['’]s?\s+(?:stated|declared|avowed|professed)\s+"
    r"(?:war\s+)?(?:aims?|goals?|objectives?|intentions?|reasons?|purposes?)\b"
)
_ASCRIBED = re.compile(
    r"\b(?:that|which)\s+(?P<speaker>(?:the\s+)?[A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’-]+){0,3})\s+"
    r"(?:ascribes?|attributes?|imputes?)\s+to\b"
)
# The words credited by how someone put them: "That, at least, was how one of Ukraine's negotiators put it",
# "as Rob Lee put it".
_PUT_IT = re.compile(
    r"\b(?:[Aa]s|how)\s+(?P<speaker>[^,.;:\"“”()\n]{2,60}?)\s+(?:put|puts|phrased|phrases|framed|frames)\s+it\b"
)
# A person's name, then "of" and the body they work for.
_NAME_OF_BODY = re.compile(r"((?:[A-Z][\w'’-]+[^\S\n]+){1,3}[A-Z][\w'’-]+)\s+of\s+(?:the\s+)?[A-Z]")
# "Thousands told not to drink tap water", "residents urged to stay indoors": those told, not a source.
_TOLD_TO = r"(?!(?:(?<=told)|(?<=asked)|(?<=urged)|(?<=warned)|(?<=advised))\s+(?:not\s+)?to\b)"
_BEFORE_VERB = re.compile(
    rf"(?P<speaker>[^,.;:?!|\"“”()—–\n]{{2,90}}?)\s+(?:has\s+|have\s+|had\s+|also\s+)?(?:{_VERBS})\b{_TOLD_TO}"
)
# _BEFORE_VERB in two parts, for :func:`_before_verb`: what may follow the speaker, and what it may not hold.
_NOT_SAID_YET = {"to", "will", "would", "could", "might", "should", "must", "may", "shall", "can"}
_VERB_TAIL_AT = re.compile(rf"(?=(?P<tail>\s+(?:has\s+|have\s+|had\s+|also\s+)?(?:{_VERBS})\b{_TOLD_TO}))")
_NOT_IN_SPEAKER = re.compile(r"[,.;:?!|\"“”()—–\n]")  # nor a line break: a speaker is in one paragraph
_SPEAKER_LENGTH = (2, 90)


def _before_verb(text: str) -> list[tuple[int, int]]:
    """The speaker spans of ``_BEFORE_VERB.finditer(text)``, found without trying the pattern at every offset.

    The pattern's lazy speaker makes the regex engine try up to 90 lengths at each offset
    of the text. Here each place a reporting verb can follow (a tail) is visited once:
    the leftmost start for a tail is bounded by the search position, the longest speaker
    and the last character a speaker may not hold. That bound never falls as tails move
    right, so the first tail with room for a speaker gives the match the engine would
    find, with the shortest speaker.
    """
    spans: list[tuple[int, int]] = []
    shortest, longest = _SPEAKER_LENGTH
    barred = [m.start() for m in _NOT_IN_SPEAKER.finditer(text)]
    position, last_barred = 0, -1
    barred_index = 0
    for tail in _VERB_TAIL_AT.finditer(text):
        q = tail.start()
        if q < position + shortest:
            continue
        while barred_index < len(barred) and barred[barred_index] < q:
            last_barred = barred[barred_index]
            barred_index += 1
        start = max(position, q - longest, last_barred + 1)
        if start <= q - shortest:
            spans.append((start, q))
            position = tail.end("tail")
    return spans


# "states" after a word for a kind of state is the noun ("Western states", "the Baltic States", "member
# states"), not a source stating ("the Kremlin states").
# A reporting verb as a passive participle before an infinitive: "estimated to have been killed".
_PASSIVE_INFINITIVE = re.compile(r"\s+(?:also\s+)?[a-z]+ed\s+to\s+(?:have\s+been|be)\b")
_STATES_AS_NOUN = re.compile(r"\s+states\b", re.IGNORECASE)
_STATE_KINDS = {
    "western", "eastern", "northern", "southern", "baltic", "gulf", "arab", "nordic", "balkan", "member", "island",
    "frontline", "neighbouring", "neighboring", "allied", "european", "african", "asian", "pacific", "caribbean",
    "central", "small", "other", "several", "many", "united", "these", "those", "some", "both", "rogue", "nuclear",
    "sovereign", "independent", "partner", "nato", "eu",
}  # fmt: skip
_PRONOUNS = {
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "you",
    "who",
    "which",
    "that",
    "this",
    "there",
    "one",
    "some",
    "others",
    "then",
    "also",
    "later",
    "earlier",
    "previously",
    "publicly",
    "repeatedly",
    "recently",
    "once",
    "again",
    # No one said it: "nobody in Moscow has ever said" names no source.
    "nobody",
    "none",
    "no",
    "nothing",
    "neither",
    # What was said, not who said it: "believes that what the Kremlin said on Tuesday shows" credits the
    # believer, not the Kremlin.
    "what",
    "whatever",
}
_DETERMINERS = {"one", "some"}
# Words a place or a time opens with, not a speaker: "whatever is said in Istanbul", "said on Tuesday".
_PREPOSITIONS = {"in", "at", "on", "during", "from", "with", "for", "into", "over", "under", "before", "after"}
_SECTION_NUMBER = re.compile(r"\s*(?P<number>\d{1,3})\s+(?=[A-Z])")
_LEADING_TIME = re.compile(
    r"\s*(?:(?:last|this|next|earlier|later)\s+(?:week|month|year|weekend|night|morning|afternoon|evening)|"
    r"(?:on|by|late|early)\s+[A-Z][a-z]+day|(?:earlier|later|meanwhile|separately|previously),?)\s+",
    re.IGNORECASE,
)
# A phrase after a reporting verb that holds one of these is a clause, not a speaker ("said Russia would...").
_CLAUSE_WORDS = {
    "would",
    "will",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "is",
    "was",
    "were",
    "are",
    "had",
    "has",
    "have",
    "did",
    "does",
    "do",
    "not",
    "been",
    "be",
}
_CLAUSE_BREAK = re.compile(r"\b(?:and|but|that|while|because|although|which|who|if|when|as|so|then|where)\s+", re.I)


_SPEAKER_OPENERS = {"a", "an", "the", "one", "some", "two", "three", "several", "another", "its", "his", "her",
                    "their", "our", "this", "that", "these", "those", "senior", "top", "officials", "sources"}  # fmt: skip


_CLAUSE_VERBS = {"said", "says", "added", "stated", "noted", "announced", "claimed", "insisted", "warned",
                 "explained", "wrote"}  # fmt: skip


def _subject_of_a_clause(text: str, phrase: str, end: int) -> bool:
    """Whether ``phrase``, found after a reporting verb, is the subject of the clause reported: a bare noun
    in lower case with the clause's verb further on in its sentence ("said forces around Kyiv, and around
    Chernihiv in the north, would start pulling back"), not a source ("said a senior official")."""
    first = phrase.split()[0] if phrase.split() else ""
    if not first[:1].islower() or first.lower() in _SPEAKER_OPENERS:
        return False
    verb = text[: end - len(phrase)].split()[-1:]
    if not verb or verb[0].lower() not in _CLAUSE_VERBS:
        return False  # "citing residents of the village, where ...": whom it cites, not a clause
    rest = re.split(r"[.!?]", text[end : end + 200], maxsplit=1)[0]
    return any(w.lower() in _CLAUSE_WORDS for w in rest.split()[:12])


@dataclass(frozen=True)
class Speaker:
    """Who a text says said something: the phrase and its name keys."""

    text: str
    start: int
    end: int
    keys: tuple[str, ...]


def find_speakers(text: str) -> list[Speaker]:
    """Speakers named with a reporting verb; pronouns and unnamed sources carry no keys."""
    return list(_speakers(text))


@lru_cache(maxsize=4096)
def _speakers(text: str) -> tuple[Speaker, ...]:
    # The article's texts are searched for every report they are linked with.
    speakers: list[Speaker] = []
    seen: set[tuple[int, int]] = set()
    after_verb = [m.span("speaker") for m in _AFTER_VERB.finditer(text)]
    apposed = [m.span("speaker" if m.group("speaker") else "quoted") for m in _APPOSED.finditer(text)]
    apposed += [m.span("speaker") for m in _WHO_SAID.finditer(text)]
    apposed += [m.span("speaker") for m in _WITH_OTHERS.finditer(text)]
    apposed += [m.span("speaker") for m in _VIEW_OF.finditer(text)]
    apposed += [m.span("speaker") for m in _VIEW_IS.finditer(text)]
    apposed += [m.span("speaker") for m in _VIEWED_AS.finditer(text)]
    apposed += [m.span("speaker") for m in _REMARK_BY.finditer(text)]
    apposed += [m.span("speaker") for m in _PUT_IT.finditer(text)]
    apposed += [m.span("speaker") for m in _STATED_OWN.finditer(text)]
    apposed += [m.span("speaker") for m in _ASCRIBED.finditer(text)]
    apposed += [m.span("speaker") for m in _COLON_QUOTE.finditer(text)]
    apposed += [m.span("speaker") for m in _BRACKETED_AFTER_QUOTE.finditer(text)]
    for pattern, spans in ((_AFTER_VERB, after_verb), (_APPOSED, apposed), (_BEFORE_VERB, _before_verb(text))):
        for start, end in spans:
            phrase = text[start:end]
            if pattern is _BEFORE_VERB:
                # Keep only the clause right before the verb: "... and NATO estimated" -> "NATO".
                parts = list(_CLAUSE_BREAK.finditer(phrase))
                if parts:
                    cut = parts[-1].end()
                    start, phrase = start + cut, phrase[cut:]
                if len(phrase.split()) > 7:
                    continue
                # "Tank soundings will be needed to confirm this", "officials would deny it": an act to come
                # or wanted, not a source's word.
                if phrase.split() and phrase.split()[-1].lower() in _NOT_SAID_YET:
                    continue
            when = _LEADING_TIME.match(phrase)  # "Last week the Pentagon estimated" -> "the Pentagon"
            if when:
                start, phrase = start + when.end(), phrase[when.end() :]
            numbered = _SECTION_NUMBER.match(phrase)  # "5.4 Chris Alexander does not believe": the 4 is no name
            if numbered and _NUMBERED.search(text[: start + numbered.end("number")]):
                start, phrase = start + numbered.end(), phrase[numbered.end() :]
            stripped = phrase.strip().lstrip(LIST_BULLETS + " ")  # a list bullet is no part of the speaker
            start += len(phrase) - len(phrase.lstrip().lstrip(LIST_BULLETS + " "))
            end = start + len(stripped)
            first = stripped.split()[0].lower() if stripped else ""
            # "one" or "some" alone is a pronoun; "one top Russian official" names a source.
            pronoun = first in _PRONOUNS and not (first in _DETERMINERS and len(stripped.split()) > 1)
            # "Our correspondent Tobias Wren reports from Lviv": the outlet's own journalist, not a source.
            own = first in ("our", "my")
            if not stripped or pronoun or own or (start, end) in seen:
                continue
            if pattern is _AFTER_VERB and first in _PREPOSITIONS:
                continue
            if pattern is _BEFORE_VERB and stripped.split()[-1].lower() in _CLAUSE_WORDS:
                continue  # passive or perfect: "30,000 soldiers are estimated to ..." names no source
            if pattern is _BEFORE_VERB and _PASSIVE_INFINITIVE.match(text, end):
                continue  # "40,000 Russian soldiers estimated to have been killed": the counted, not a source
            if (
                pattern is _BEFORE_VERB
                and _STATES_AS_NOUN.match(text, end)
                and stripped.split()[-1].lower() in _STATE_KINDS
            ):
                continue  # "guarantees from Western states": a noun, not a source stating
            if pattern is _BEFORE_VERB and stripped.lower().replace("’", "'").endswith("'s"):
                continue  # a participle as an adjective: "Russia's stated war aims" names no source
            if pattern is _BEFORE_VERB and first in _CLAUSE_WORDS:
                continue  # a question: "Can you suggest any music?" asks, and names no source
            if pattern is _AFTER_VERB and len(stripped.split()) > 6:
                # "said Rob Lee of the Foreign Policy Research Institute": the person, without the body.
                named_of = _NAME_OF_BODY.match(stripped)
                if named_of is not None:
                    stripped, end = named_of.group(1), start + named_of.end(1)
            if pattern is _AFTER_VERB and (len(stripped.split()) > 6 or _CLAUSE_WORDS & set(stripped.lower().split())):
                continue
            if pattern is _AFTER_VERB and _subject_of_a_clause(text, stripped, end):
                continue  # "a senior official said forces around Kyiv, and around Chernihiv, would start"
            seen.add((start, end))
            keys = tuple(e_key for e in find_entities(stripped, frozenset()) for e_key in e.keys)
            speakers.append(Speaker(stripped, start, end, keys))
    return tuple(speakers)
