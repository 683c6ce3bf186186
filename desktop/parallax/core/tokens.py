"""Shared word tokenisation and crude stemming for the diff and the claim checks.

A token is a number (``2,000``, ``1.5``), a word (``so-called``, ``Russia's``),
a run of whitespace or a single punctuation mark. The stemmer only folds the
regular English inflections that matter for matching a verb or noun across
two phrasings ("ruled" and "rule", "troops" and "troop").

May import: the standard library.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# Words that say little about what a text is about: left out where words of content are compared.
FUNCTION_WORDS = frozenset({
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is",
    "was", "were", "are", "be", "been", "has", "have", "had", "it", "its", "that", "this", "which", "who", "would",
    "will", "said", "says", "he", "she", "they", "their", "his", "her", "not", "after", "into", "than", "also",
})  # fmt: skip

# A transcript's speaker label opening a line: one to three words in capitals (or a number: "GUEST 2")
# or a one-letter Q / A, then up to two cues in brackets ("REPORTER (TOBIAS WREN) (VOICE-OVER):",
# "HOST (Jane Doe):", "Q (Amelie Dorsch, Radio Kastell):"), or a parliamentary record's title and name
# ("Mr Dunne:", "Dr Ann Kerr (Minister for Trade):"); then a colon. It says who talks, not what happened.
SPEAKER_LABEL = (
    # A name in capitals, maybe with its role after a comma ("HELEN MARSH-OCAMPO, CEO:", "JOHN KAY, Head of IR:").
    r"(?:[A-Z][A-Z'’.-]+(?:[ \t]+(?:[A-Z][A-Z'’.-]+|\d{1,2})){0,2}"
    r"(?:,[ \t]+[A-Z][\w'’.&-]*(?:[ \t]+[\w'’.&-]+){0,3})?|[QA]"
    r"|(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Baroness|Baron|Professor|Prof)\.?(?:[ \t]+[A-Z][\w'’-]+){1,2})"
    r"(?:[ \t]*[(\[][A-Z][\w'’., -]*[)\]]){0,2}"
    r":[ \t]"
)
# A month's name, or its short form ("March", "Mar", "Sept").
MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
# Weekdays cut short that are words and names as often ("the Sun", "Sat on"), and so weekdays only before a
# day of the month ("Mon 10 Mar", "Sat, 8 March"), which DAY_OF_MONTH_AFTER matches.
SHORT_WEEKDAYS_BEFORE_A_DAY = ("Mon", "Sat", "Sun")
DAY_OF_MONTH_AFTER = rf"\.?,?\s+(?:\d{{1,2}}\b|{MONTH_NAME}\b)"
TOKEN = re.compile(r"\d+(?:[.,]\d+)*(?:[-–]\w+)*|\w+(?:['’‘-]\w+)*|\s+|[^\w\s]")
# A dotted abbreviation is one word ("U.S.", "U.K.'s"): its letters alone are no names.
WORD = re.compile(r"(?:[A-Z]\.){2,}(?:['’]s\b)?|\d+(?:[.,]\d+)*(?:[-–]\w+)*|\w+(?:['’‘-]\w+)*")


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


# A footnote's marker after a sentence's end: "... made progress.[1] What interests me ..."
FOOTNOTE_AFTER_STOP = re.compile(r"[.!?][\"”’)]?\[\d{1,3}\]$")


# A line's list marker: a number ("3.", "2/", "1.2"), a bullet ("·", "•") or both ("1.2 · Map, Crimea").
LIST_BULLETS = "·•▪►▶◦*‣⁃»→"
LIST_NUMBER = r"\d{1,3}(?:/\d{0,3}|[.)]|(?:\.\d{1,3})+\.?)"
_MARKER_ENDS = frozenset("0123456789.)/" + LIST_BULLETS)  # how a list's marker may end
_LINE_MARKER = re.compile(
    rf"(?:^|\n)[ \t]*(?:(?:{LIST_NUMBER})?[ \t]*[{re.escape(LIST_BULLETS)}]|{LIST_NUMBER})[ \t]*$"
)


@lru_cache(maxsize=64)
def capitalised_inside(text: str) -> frozenset[str]:
    """Words that ``text`` capitalises in mid-sentence (names), lower-cased, possessive dropped; a headline
    in title case capitalises every word and names nothing by it."""
    found = set()
    titles = title_lines(text)
    for m in re.finditer(r"(?<=[^\s.!?:\"“‘(\[—–-])(\s+)([A-Z][\w'’-]*)", text):
        if (
            "\n\n" in m.group(1)
            or FOOTNOTE_AFTER_STOP.search(text, max(0, m.start() - 12), m.start())
            or (text[m.start() - 1] in _MARKER_ENDS and _LINE_MARKER.search(text, max(0, m.start() - 24), m.start()))
        ):
            continue  # a paragraph's first word, or one after a footnote's or a list's marker, opens a sentence
        if not any(start <= m.start(2) < end for start, end in (*titles, *capitals_stretches(text))):
            found.add(m.group(2).lower().replace("’", "'").removesuffix("'s"))
    return frozenset(found)


# A word in capitals and what may stand between two such words inside a stretch: no lower-case letter, no line.
_CAPITALS_WORD = re.compile(r"\b[A-Z][A-Z'’-]*\b")


@lru_cache(maxsize=1024)
def capitals_stretches(text: str, least: int = 4) -> tuple[tuple[int, int], ...]:
    """The spans of stretches written in capitals inside a line, as a cover line or a banner is ("COVER LINE:
    WILL PUTIN HONOUR A TRUCE? NOT UNTIL HIS TROOPS GO HOME"): at least four words in capitals with nothing in
    lower case between them, one of them a function word, which no name holds. Like a headline in title case,
    such a stretch capitalises every word and names nothing by it."""
    found = []
    stretch: list[re.Match[str]] = []
    for m in [*_CAPITALS_WORD.finditer(text), None]:
        if m is not None and (not stretch or not re.search(r"[a-z\n]", text[stretch[-1].end() : m.start()])):
            stretch.append(m)
            continue
        if len(stretch) >= least and any(w.group().lower() in FUNCTION_WORDS for w in stretch):
            found.append((stretch[0].start(), stretch[-1].end()))
        stretch = [m] if m is not None else []
    return tuple(found)


_LINE = re.compile(r"[^\n]+")
_LONG_WORD = re.compile(r"[^\W\d_]{4,}(?:['’-][^\W\d_]+)*")


# Marks that end a clause: what follows "before" or "parts of" past one of them is another clause.
_CLAUSE_END = ',;:.!?—–()"“”'


def clause_words_after(text: str, start: int, most: int) -> list[Word]:
    """The first ``most`` words of ``text`` from offset ``start``, up to the end of their clause: "before the
    talks, the army attacked" gives "the", "talks" from after "before"."""
    found: list[Word] = []
    previous_end = start
    for word in [w for w in words(text) if w.start >= start][:most]:
        if any(mark in text[previous_end : word.start] for mark in _CLAUSE_END):
            break
        found.append(word)
        previous_end = word.end
    return found


def title_lines(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of the lines of ``text`` written in title case, as headlines are ("Briefing Note: Would a
    Ceasefire Hold?"), or in capitals, as a cable's summary is: at least three words of four letters or
    more, all but one in ten capitalised, and, unless they are in capitals, no full stop at the end (a
    sentence full of names ends with one)."""
    return tuple((start, end) for start, end, _ in _headline_lines(text))


def capitals_lines(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of the lines of ``text`` written in capitals throughout (see :func:`title_lines`)."""
    return tuple((start, end) for start, end, capitals in _headline_lines(text) if capitals)


@lru_cache(maxsize=1024)
def _headline_lines(text: str) -> tuple[tuple[int, int, bool], ...]:
    found = []
    for line in _LINE.finditer(text):
        content = line.group().rstrip()
        long_words = _LONG_WORD.findall(content)
        if not content or len(long_words) < 3:
            continue
        capitals = sum(w.isupper() for w in long_words) >= 0.9 * len(long_words)
        if content.endswith(".") and not capitals:
            continue  # a sentence full of names ends with a full stop; one in capitals throughout does not count
        if sum(w[0].isupper() for w in long_words) >= 0.9 * len(long_words):
            found.append((line.start(), line.end(), capitals))
    return tuple(found)


@lru_cache(maxsize=64)
def lowercase_vocabulary(text: str) -> frozenset[str]:
    """Words that ``text`` writes in lower case somewhere: ordinary words, not names."""
    # Straight from the pattern: a report's whole text is read here once, and its tokens are wanted nowhere else.
    return frozenset(w for w in WORD.findall(text) if w.islower())


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


@lru_cache(maxsize=65536)
def name_skeleton(name: str) -> str:
    """A name's consonant skeleton, which survives transliteration ("Volodymyr", "Vladimir": "vldmr";
    "Chernihiv", "Chernigov": "chrngv")."""
    lowered = name.lower().replace("x", "ks").replace("w", "v")
    # Ukrainian's "h" is Russian's "g" ("Chernihiv", "Chernigov"; "Luhansk", "Lugansk"); not in "kh", "zh", "sh"...
    lowered = re.sub(r"(?<![ckszt])h", "g", lowered)
    skeleton = re.sub(r"[aeiouy]", "", lowered)
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


# Country codes a terse text uses for the country ("RU says it will pull back"), where they cannot be
# read as an ordinary word ("US" is also "us", "BY" "by").
_COUNTRY_CODES = {"ru": "russia", "ua": "ukraine", "uk": "britain", "tr": "turkey", "pl": "poland", "cn": "china"}
# Names a country goes by in other languages or officially.
_COUNTRY_NAMES = {"türkiye": "turkey", "turkiye": "turkey"}


def name_key(word: str) -> str:
    """The form :func:`same_name` compares: lower case, one apostrophe, no possessive ("Russia’s" -> "russia");
    a country code in capitals is its country ("RU" -> "russia")."""
    key = word.lower().replace("’", "'").removesuffix("'s")
    if word[:2].isupper() and len(key) == 2:
        return _COUNTRY_CODES.get(key, key)
    return _COUNTRY_NAMES.get(key, key)


def same_name(a: str, b: str) -> bool:
    """Whether two name words are one name, its adjective or another spelling of it.

    "Ukraine"/"Ukrainian", "Canada"/"Canadian"; "Kiev"/"Kyiv", "Kharkov"/"Kharkiv" (one consonant skeleton);
    "RU"/"Russia" (a country code written in capitals).
    """
    return _same_keys(name_key(a), name_key(b))


def _same_keys(x: str, y: str) -> bool:
    """:func:`same_name` of two keys (:func:`name_key`)."""
    return _ordered_same_keys(x, y) if x <= y else _ordered_same_keys(y, x)


@lru_cache(maxsize=65536)
def _ordered_same_keys(x: str, y: str) -> bool:
    # The relation is symmetric, so only one order of each pair is remembered.
    if x == y:
        return True
    # Both tests below need the same first letter and four letters at least: most pairs stop here.
    if min(len(x), len(y)) < 4 or x[0] != y[0]:
        return False
    if (
        x[-1] == y[-1]
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


class NameIndex:
    """Name words of a text, indexed so that "does any of them name ``word``?" needs no scan of them all.

    :func:`same_name` only pairs words with the same first letter (or equal words), so each
    word is compared with the words of its initial alone. Answers are remembered.
    """

    __slots__ = ("_answers", "_by_initial", "_keys")

    def __init__(self, name_words: Iterable[str]) -> None:
        self._keys = frozenset(name_key(w) for w in name_words)
        by_initial: dict[str, list[str]] = {}
        for key in sorted(self._keys):
            if len(key) >= 4:
                by_initial.setdefault(key[0], []).append(key)
        self._by_initial = {initial: tuple(keys) for initial, keys in by_initial.items()}
        self._answers: dict[str, bool] = {}

    def names(self, word: str) -> bool:
        """Whether some word of the index is :func:`same_name` as ``word``."""
        key = name_key(word)
        answer = self._answers.get(key)
        if answer is None:
            answer = key in self._keys or any(_same_keys(key, other) for other in self._alike(key))
            self._answers[key] = answer
        return answer

    def matching(self, word: str) -> list[str]:
        """The keys (:func:`name_key`) of the indexed words that are :func:`same_name` as ``word``."""
        key = name_key(word)
        found = [key] if key in self._keys else []
        return found + [other for other in self._alike(key) if other != key and _same_keys(key, other)]

    def _alike(self, key: str) -> tuple[str, ...]:
        # Apart from an equal word, a name needs four letters and the first one shared.
        return self._by_initial.get(key[0], ()) if len(key) >= 4 else ()
