"""Build FactCC-style training data for the support checker (is a sentence supported by an article?).

Two stages, both deterministic for a given ``--seed``:

``build`` (pure Python, uses the engine's sentence splitter and name finder; seconds to minutes on a CPU)
    Reads raw news (FNC-1 ``train_bodies.csv``), optionally the seven non-news SummEdits domains
    (``train/summedits-other``), and optionally a dev set (SummEdits news, for *evaluation only*).
    For each picked source sentence it writes one positive claim (a light rewrite: synonym swaps,
    dropped modifiers, dropped leading phrase or attribution, number spelling; sometimes the
    sentence unchanged, sometimes fused with a second sentence) and one negative claim, made by
    corrupting *the same rewrite* (entity, number, date or pronoun swap, negation inserted or
    removed, antonym swap, inserted phrase that the article lacks, or a sentence whose source is
    withheld from the context). Copy-versus-edit is thus no shortcut: both sides are edited.
    SummEdits rows give sentence labels by comparing each summary sentence with the original
    (consistent) summary: sentences that changed in an inconsistent row are negatives.
    Output: ``docs.jsonl`` (one document per line: sentences and claims).

``contexts`` (sentence-transformers; a GPU makes it seconds, a CPU about an hour)
    Embeds every document sentence and claim with the bundled all-MiniLM-L6-v2 and keeps, per
    claim, the ``k`` most similar document sentences (in document order) as its context, the way
    :mod:`parallax.core.support` retrieves them at run time. Needs no ``parallax`` import, so it
    runs on a machine with only torch and sentence-transformers.
    Output: ``examples.jsonl`` (``context``, ``claim``, ``label``, ``kind``, ``split``, ``group``).

Usage (see README.md beside this file):
    python training/checker/make_data.py build --out DIR [--fnc CSV] [--summedits-other DIR] [--dev JSON]
    python training/checker/make_data.py contexts --data DIR --model MODEL_DIR [--k 4] [--device cuda]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path

SEED = 13

# --------------------------------------------------------------------------- word lists

# Meaning-preserving swaps (both directions unless noted). Small on purpose: each must hold in news prose.
_SYNONYMS = [
    ("said", "stated"),
    ("said", "told reporters"),
    ("says", "states"),
    ("announced", "revealed"),
    ("approximately", "about"),
    ("nearly", "almost"),
    ("more than", "over"),
    ("at least", "no fewer than"),
    ("begin", "start"),
    ("began", "started"),
    ("started", "began"),
    ("end", "finish"),
    ("ended", "finished"),
    ("buy", "purchase"),
    ("bought", "purchased"),
    ("help", "assist"),
    ("helped", "assisted"),
    ("show", "indicate"),
    ("showed", "indicated"),
    ("shows", "indicates"),
    ("big", "large"),
    ("large", "big"),
    ("small", "little"),
    ("fast", "quick"),
    ("quickly", "rapidly"),
    ("rapidly", "quickly"),
    ("later", "afterwards"),
    ("afterwards", "later"),
    ("also", "additionally"),
    ("however", "but"),
    ("because", "since"),
    ("people", "individuals"),
    ("children", "kids"),
    ("kids", "children"),
    ("car", "vehicle"),
    ("vehicle", "car"),
    ("road", "street"),
    ("street", "road"),
    ("home", "house"),
    ("house", "home"),
    ("officials", "authorities"),
    ("authorities", "officials"),
    ("police", "law enforcement"),
    ("killed", "slain"),
    ("died", "passed away"),
    ("injured", "wounded"),
    ("wounded", "injured"),
    ("attack", "assault"),
    ("assault", "attack"),
    ("activists", "campaigners"),
    ("protesters", "demonstrators"),
    ("demonstrators", "protesters"),
    ("company", "firm"),
    ("firm", "company"),
    ("spokesman", "spokesperson"),
    ("spokeswoman", "spokesperson"),
    ("report", "account"),
    ("reports", "accounts"),
    ("claimed", "alleged"),
    ("alleged", "claimed"),
    ("photo", "picture"),
    ("picture", "photo"),
    ("image", "picture"),
    ("video", "footage"),
    ("footage", "video"),
    ("shot", "fired at"),
    ("arrested", "detained"),
    ("detained", "arrested"),
    ("told", "informed"),
    ("tried", "attempted"),
    ("attempted", "tried"),
    ("wanted", "wished"),
    ("near", "close to"),
    ("outside", "in front of"),
    ("in front of", "outside"),
    ("inside", "within"),
    ("during", "in the course of"),
    ("before", "prior to"),
    ("prior to", "before"),
    ("after", "following"),
    ("following", "after"),
    ("found", "discovered"),
    ("discovered", "found"),
    ("job", "position"),
    ("city", "town"),
    ("hospital", "medical centre"),
    ("doctors", "physicians"),
    ("woman", "lady"),
    ("man", "male"),
    ("men", "males"),
    ("mother", "mom"),
    ("father", "dad"),
    ("battle", "fight"),
    ("fight", "battle"),
    ("fighters", "militants"),
    ("militants", "fighters"),
    ("soldiers", "troops"),
    ("troops", "soldiers"),
    ("plane", "aircraft"),
    ("aircraft", "plane"),
    ("ship", "vessel"),
    ("government", "administration"),
    ("leader", "head"),
    ("chief", "head"),
    ("student", "pupil"),
    ("dumped", "poured"),
    ("emptied", "dumped"),
    ("website", "site"),
    ("online", "on the internet"),
    ("statement", "announcement"),
    ("weeks", "weeks"),
    ("huge", "massive"),
    ("massive", "huge"),
    ("terrible", "awful"),
    ("strange", "odd"),
    ("mysterious", "strange"),
    ("recently", "lately"),
    ("currently", "now"),
    ("immediately", "at once"),
    ("famous", "well-known"),
]

# Meaning-reversing swaps used as corruptions (added to the engine's direction lexicon).
_ANTONYMS = [
    ("increase", "decrease"),
    ("increased", "decreased"),
    ("rose", "fell"),
    ("rise", "fall"),
    ("risen", "fallen"),
    ("higher", "lower"),
    ("more", "fewer"),
    ("more", "less"),
    ("most", "least"),
    ("before", "after"),
    ("first", "last"),
    ("won", "lost"),
    ("win", "lose"),
    ("victory", "defeat"),
    ("alive", "dead"),
    ("survived", "died"),
    ("confirmed", "denied"),
    ("confirm", "deny"),
    ("accepted", "rejected"),
    ("approved", "rejected"),
    ("supports", "opposes"),
    ("supported", "opposed"),
    ("allowed", "banned"),
    ("legal", "illegal"),
    ("true", "false"),
    ("real", "fake"),
    ("genuine", "fake"),
    ("success", "failure"),
    ("successful", "unsuccessful"),
    ("open", "closed"),
    ("opened", "closed"),
    ("started", "ended"),
    ("began", "ended"),
    ("arrived", "left"),
    ("entered", "left"),
    ("early", "late"),
    ("earlier", "later"),
    ("large", "small"),
    ("big", "small"),
    ("long", "short"),
    ("old", "young"),
    ("older", "younger"),
    ("male", "female"),
    ("man", "woman"),
    ("men", "women"),
    ("boy", "girl"),
    ("husband", "wife"),
    ("son", "daughter"),
    ("father", "mother"),
    ("brother", "sister"),
    ("king", "queen"),
    ("positive", "negative"),
    ("safe", "dangerous"),
    ("guilty", "innocent"),
    ("convicted", "acquitted"),
    ("public", "private"),
    ("north", "south"),
    ("east", "west"),
    ("northern", "southern"),
    ("eastern", "western"),
    ("above", "below"),
    ("up", "down"),
    ("inside", "outside"),
    ("hired", "fired"),
    ("bought", "sold"),
    ("buy", "sell"),
    ("gave", "took"),
    ("received", "sent"),
    ("rescued", "abandoned"),
    ("attacked", "defended"),
    ("released", "captured"),
    ("freed", "captured"),
    ("increasing", "decreasing"),
    ("cheap", "expensive"),
    ("rich", "poor"),
    ("strong", "weak"),
    ("stronger", "weaker"),
    ("good", "bad"),
    ("best", "worst"),
    ("better", "worse"),
    ("all", "none of the"),
    ("always", "never"),
    ("many", "few"),
    ("majority", "minority"),
    ("with", "without"),
    ("can", "cannot"),
    ("agreed", "refused"),
    ("able", "unable"),
    ("likely", "unlikely"),
]

_PRONOUNS = {
    "he": "she",
    "she": "he",
    "his": "her",
    "him": "her",
    "her": "his",
    "they": "he",
    "their": "his",
    "we": "they",
    "our": "their",
    "i": "he",
    "my": "his",
    "himself": "herself",
    "herself": "himself",
}
_AUX = ("is", "are", "was", "were", "will", "would", "can", "could", "has", "have", "had", "should", "may",
        "might", "must", "does", "did", "do")  # fmt: skip
_DROPPABLE = ("very", "also", "just", "reportedly", "allegedly", "really", "still", "already", "even", "only",
              "recently", "currently", "apparently", "actually", "relatively", "quite", "now", "then")  # fmt: skip
_NUMBER_WORDS = {
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "twelve": "12",
    "twenty": "20",
    "hundred": "100",
}
_DIGIT_WORDS = {v: k for k, v in _NUMBER_WORDS.items()}
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]  # fmt: skip
_INSERT_ADJECTIVES = ("new", "former", "senior", "local", "young", "large", "second", "secret", "armed", "wealthy",
                      "foreign", "private", "military", "controversial", "popular", "elderly", "retired")  # fmt: skip
_INSERT_TAILS = (", according to police", ", officials said", " for the first time", " last year", " on Monday",
                 " in a statement", " in 2012", " despite protests", " after a long investigation",
                 " at a press conference", " in front of hundreds of people", " for a second time",
                 " earlier this month", ", witnesses said", " in an interview with CNN")  # fmt: skip

_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w])")
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_ATTRIBUTION_TAIL = re.compile(
    r",\s+(?:(?:he|she|they|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s+(?:said|says|added|told \w+))\s*\.$"
)
_LEADING_PHRASE = re.compile(
    r"^(?:On|In|At|After|Before|During|Separately|However|Meanwhile|Earlier|Later|Last|This|According to|Since|"
    r"Despite|Also|Yesterday|Today|Still|Instead|Overall|Previously|Now|Then)\b[^,]{0,40},\s+(?=[a-zA-Z])"
)


@cache
def _word_pattern(word: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", flags)


def _has(text: str, word: str, lowered: set[str] | None = None, case: bool = False) -> bool:
    """Whether ``word`` (or phrase) occurs in ``text`` as whole words; ``lowered`` is a cheap pre-filter."""
    if lowered is not None and word.split()[0].lower() not in lowered:
        return False
    return _word_pattern(word, 0 if case else re.IGNORECASE).search(text) is not None


def _lower_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD_RE.findall(text)}


def _fix_articles(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        article, word = match.group(1), match.group(2)
        vowel = word[0].lower() in "aeiou" and not word.lower().startswith(("uni", "use", "one", "eu"))
        new = ("an" if vowel else "a") if article.lower() in ("a", "an") else article
        return (new[:1].upper() + new[1:] if article[:1].isupper() else new) + " " + word

    return re.sub(r"\b(a|an|A|An) ([A-Za-z]+)", one, text)


def _sub_word(text: str, old: str, new: str, rng: random.Random) -> str | None:
    """Replace one whole-word occurrence of ``old`` (case kept on the first letter), or None."""
    hits = list(_word_pattern(old).finditer(text))
    if not hits:
        return None
    hit = rng.choice(hits)
    found = hit.group(0)
    if found[:1].isupper() and not found.isupper():
        new = new[:1].upper() + new[1:]
    elif found.isupper() and len(found) > 1:
        return None  # acronyms are names, not words
    return _fix_articles(text[: hit.start()] + new + text[hit.end() :])


# --------------------------------------------------------------------------- rewrites (positives)


def rewrite(sentence: str, rng: random.Random) -> str:
    """A light, meaning-preserving rewrite; sometimes the sentence unchanged."""
    text = sentence
    if rng.random() < 0.12:
        return text
    steps = [_synonym, _synonym, _drop_modifier, _drop_leading, _drop_attribution, _number_spelling, _contraction]
    rng.shuffle(steps)
    changes = 0
    for step in steps:
        if changes >= rng.choice((1, 2, 2, 3)):
            break
        changed = step(text, rng)
        if changed and changed != text:
            text, changes = changed, changes + 1
    return text


def _synonym(text: str, rng: random.Random) -> str | None:
    lowered = _lower_words(text)
    options = [(a, b) for a, b in _SYNONYMS if _has(text, a, lowered)]
    about = re.search(r"\babout (?=\d|\$)", text)
    if about and rng.random() < 0.5:
        return text[: about.start()] + rng.choice(("around ", "roughly ", "approximately ")) + text[about.end() :]
    if not options:
        return None
    a, b = rng.choice(options)
    return _sub_word(text, a, b, rng)


def _drop_modifier(text: str, rng: random.Random) -> str | None:
    options = [w for w in _DROPPABLE if re.search(rf"\b{w}\b", text)]
    if not options:
        return None
    return re.sub(rf"\s+\b{rng.choice(options)}\b", "", text, count=1)


def _drop_leading(text: str, rng: random.Random) -> str | None:
    match = _LEADING_PHRASE.match(text)
    if not match or len(match.group(0).split()) > 7:
        return None
    rest = text[match.end() :]
    return rest[:1].upper() + rest[1:]


def _drop_attribution(text: str, rng: random.Random) -> str | None:
    match = _ATTRIBUTION_TAIL.search(text)
    if not match or match.start() < 30:
        return None
    return text[: match.start()] + "."


def _number_spelling(text: str, rng: random.Random) -> str | None:
    for word, digits in _NUMBER_WORDS.items():
        if re.search(rf"\b{word}\b", text):
            return _sub_word(text, word, digits, rng)
    for digits, word in _DIGIT_WORDS.items():
        if re.search(rf"(?<![\w.,]){digits}(?![\w.,%])", text):
            return re.sub(rf"(?<![\w.,]){digits}(?![\w.,%])", word, text, count=1)
    if " percent" in text:
        return text.replace(" percent", "%", 1)
    return None


def _contraction(text: str, rng: random.Random) -> str | None:
    pairs = [("do not", "don't"), ("does not", "doesn't"), ("did not", "didn't"), ("is not", "isn't"),
             ("was not", "wasn't"), ("cannot", "can't"), ("will not", "won't"), ("it is", "it's")]  # fmt: skip
    rng.shuffle(pairs)
    for a, b in pairs:
        if a in text:
            return text.replace(a, b, 1)
        if b in text:
            return text.replace(b, a, 1)
    return None


# --------------------------------------------------------------------------- corruptions (negatives)


def _entities(text: str) -> list[tuple[str, str]]:
    from parallax.core.entities import find_entities

    return [(e.text, e.kind) for e in find_entities(text) if len(e.text) > 1]


def corrupt_entity(text: str, rng: random.Random, pool: list[tuple[str, str]]) -> str | None:
    mine = _entities(text)
    if not mine:
        return None
    rng.shuffle(mine)
    for name, kind in mine:
        same = [n for n, k in pool if k == kind and n not in text and name not in n and n not in name]
        others = same or [n for n, _ in pool if n not in text and name not in n and n not in name]
        if others:
            replacement = rng.choice(others)
            index = text.find(name)
            return text[:index] + replacement + text[index + len(name) :]
    return None


def corrupt_number(text: str, rng: random.Random, pool: list[str]) -> str | None:
    hits = [m for m in _NUMBER.finditer(text) if not _YEAR.fullmatch(m.group(0))]
    words = [w for w in _NUMBER_WORDS if re.search(rf"\b{w}\b", text, re.I)]
    if hits:
        hit = rng.choice(hits)
        value = hit.group(0)
        others = [p for p in pool if p != value]
        if others and rng.random() < 0.5:
            new = rng.choice(others)
        else:
            digits = value.replace(",", "")
            try:
                number = float(digits)
            except ValueError:
                return None
            factor = rng.choice((0.5, 2, 3, 0.25, 10, 1.5))
            changed = number * factor if number > 3 else number + rng.choice((1, 2, 3, 5))
            new = f"{changed:,.0f}" if "," in value or changed >= 10000 else f"{changed:g}"
        if new == value:
            return None
        return text[: hit.start()] + new + text[hit.end() :]
    if words:
        word = rng.choice(words)
        new = rng.choice([w for w in _NUMBER_WORDS if w != word.lower()])
        return _sub_word(text, word, new, rng)
    return None


def corrupt_date(text: str, rng: random.Random) -> str | None:
    for names in (_WEEKDAYS, _MONTHS):
        present = [n for n in names if re.search(rf"\b{n}\b", text)]
        if present:
            old = rng.choice(present)
            return re.sub(rf"\b{old}\b", rng.choice([n for n in names if n != old]), text, count=1)
    year = _YEAR.search(text)
    if year:
        new = str(int(year.group(0)) + rng.choice((-3, -2, -1, 1, 2)))
        return text[: year.start()] + new + text[year.end() :]
    return None


def corrupt_pronoun(text: str, rng: random.Random) -> str | None:
    present = [p for p in _PRONOUNS if re.search(rf"\b{p}\b", text, re.I) and p != "i"]
    if not present:
        return None
    old = rng.choice(present)
    return _sub_word(text, old, _PRONOUNS[old], rng)


def corrupt_negation(text: str, rng: random.Random) -> str | None:
    removals = [(r"\b(\w+) not\b", r"\1"), (r"\bn't\b", ""), (r"\bnever\b", "once"), (r"\bno longer\b", "still")]
    rng.shuffle(removals)
    for pattern, repl in removals:
        if re.search(pattern, text):
            changed = re.sub(pattern, repl, text, count=1)
            changed = changed.replace("wo ", "will ").replace("ca ", "can ")
            if changed != text:
                return changed
    auxes = [m for m in re.finditer(rf"\b({'|'.join(_AUX)})\b(?! not)", text)]
    if auxes:
        hit = rng.choice(auxes)
        return text[: hit.end()] + " not" + text[hit.end() :]
    verbs = list(re.finditer(r"\b(\w{3,}ed)\b", text))
    if verbs:
        hit = rng.choice(verbs)
        return text[: hit.start()] + "never " + text[hit.start() :]
    return None


def _lexicon_antonyms() -> list[tuple[str, str]]:
    from parallax.core.lexicon import _OPPOSITES

    pairs: list[tuple[str, str]] = []
    for positives, negatives in _OPPOSITES.values():
        for a in positives:
            for b in negatives[:3]:
                pairs.append((a, b))
        for b in negatives:
            pairs.append((b, positives[0]))
    return pairs


def corrupt_antonym(text: str, rng: random.Random, table: list[tuple[str, str]]) -> str | None:
    options = []
    lowered = _lower_words(text)
    for a, b in table:
        for x, y in ((a, b), (b, a)):
            if _has(text, x, lowered, case=True):
                options.append((x, y))
    if not options:
        return None
    x, y = rng.choice(options)
    return _sub_word(text, x, y, rng)


def corrupt_insert(text: str, rng: random.Random, pool: list[tuple[str, str]]) -> str | None:
    choice = rng.random()
    if choice < 0.4:
        nouns = list(re.finditer(r"\b(the|a|an) ([a-z]{4,})\b", text))
        if nouns:
            hit = rng.choice(nouns)
            adjective = rng.choice(_INSERT_ADJECTIVES)
            article = hit.group(1)
            if article in ("a", "an"):
                article = "an" if adjective[0] in "aeiou" else "a"
            return text[: hit.start()] + f"{article} {adjective} {hit.group(2)}" + text[hit.end() :]
    body = text.rstrip()
    end = body[-1] if body and body[-1] in ".!?" else ""
    core = body[:-1] if end else body
    if choice < 0.7 and pool:
        name, kind = rng.choice(pool)
        if name in text:
            return None
        tail = {"person": f", {name} said", "place": f" in {name}", "organisation": f", according to {name}"}
        return core + tail.get(kind, f" with {name}") + (end or ".")
    return core + rng.choice(_INSERT_TAILS) + (end or ".")


# --------------------------------------------------------------------------- documents


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "jr",
    "sr",
    "gen",
    "gov",
    "sen",
    "rep",
    "lt",
    "col",
    "sgt",
    "capt",
    "prof",
    "inc",
    "corp",
    "co",
    "ltd",
    "no",
    "vs",
    "jan",
    "feb",
    "mar",
    "apr",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "u.n",
    "e.g",
    "i.e",
    "mt",
    "ft",
}


def _sentences(text: str) -> list[str]:
    """Sentences of each blank-line paragraph: a fast regex splitter (pysbd, the engine's, is too slow for
    thousands of documents on a small CPU; boundaries differ only around rare abbreviations)."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n|\n", text):
        block = " ".join(block.split())
        if not block:
            continue
        start = 0
        for match in _SENTENCE_END.finditer(block):
            before = block[start : match.start()].rstrip("\"”’')]").rsplit(" ", 1)[-1].rstrip(".!?").lower()
            if before in _ABBREVIATIONS or (len(before) == 1 and before.isalpha()):
                continue
            out.append(block[start : match.start()].strip())
            start = match.end()
        out.append(block[start:].strip())
    return [s for s in out if s]


def _good_claim(sentence: str) -> bool:
    words = sentence.split()
    return 7 <= len(words) <= 45 and sentence[-1:] in '.!?"”' and sentence.count('"') + sentence.count("“") < 2


_KIND_WEIGHTS = {
    "entity": 30,
    "antonym": 18,
    "negation": 14,
    "insert": 14,
    "number": 8,
    "date": 5,
    "pronoun": 5,
    "withheld": 6,
}


def news_claims(sentences: list[str], rng: random.Random, per_doc: int, antonyms: list[tuple[str, str]]) -> list[dict]:
    """Positive and negative claims for one news document."""
    pool = [e for s in sentences for e in _entities(s)]
    numbers = [m.group(0) for s in sentences for m in _NUMBER.finditer(s) if not _YEAR.fullmatch(m.group(0))]
    picks = [i for i, s in enumerate(sentences) if _good_claim(s)]
    rng.shuffle(picks)
    claims: list[dict] = []
    for index in picks[:per_doc]:
        source = [index]
        text = rewrite(sentences[index], rng)
        if rng.random() < 0.15:  # fuse with a second sentence: the context must hold both
            others = [j for j in picks if j != index and len(sentences[j].split()) < 25]
            if others:
                second = rng.choice(others)
                source.append(second)
                text = text + " " + rewrite(sentences[second], rng)
        claims.append({"text": text, "label": 1, "kind": "rewrite", "source": source, "exclude": []})
        kinds = list(_KIND_WEIGHTS)
        weights = [_KIND_WEIGHTS[k] for k in kinds]
        for _ in range(6):
            kind = rng.choices(kinds, weights)[0]
            bad: str | None
            exclude: list[int] = []
            if kind == "entity":
                bad = corrupt_entity(text, rng, pool)
            elif kind == "antonym":
                bad = corrupt_antonym(text, rng, antonyms)
            elif kind == "negation":
                bad = corrupt_negation(text, rng)
            elif kind == "insert":
                bad = corrupt_insert(text, rng, pool)
            elif kind == "number":
                bad = corrupt_number(text, rng, numbers)
            elif kind == "date":
                bad = corrupt_date(text, rng)
            elif kind == "pronoun":
                bad = corrupt_pronoun(text, rng)
            else:  # the claim's own sentences are kept out of its context
                bad, exclude = text, list(source)
            if bad and (bad != text or exclude):
                claims.append({"text": bad, "label": 0, "kind": kind, "source": source, "exclude": exclude})
                break
    return claims


def summedits_docs(rows: list[dict], domain: str, split_of) -> list[dict]:
    """SummEdits rows grouped by article; each summary sentence labelled by comparing it with the original."""
    by_doc: dict[str, dict] = {}
    for row in rows:
        entry = by_doc.get(row["doc"])
        if entry is None:
            entry = by_doc[row["doc"]] = {
                "doc_id": f"{domain}-{len(by_doc)}",
                "source": domain,
                "sentences": _sentences(row["doc"]),
                "claims": [],
            }
        original = set(_sentences(row.get("original_summary") or ""))
        summary = _sentences(row["summary"])
        for sentence in summary:
            if row["label"] == 1 or sentence in original:
                label, kind = 1, "summedits-consistent"
            else:
                label, kind = 0, "summedits-" + "+".join(row.get("edit_types") or ["edit"])
            entry["claims"].append({"text": sentence, "label": label, "kind": kind, "source": [], "exclude": []})
    docs = list(by_doc.values())
    for doc in docs:
        doc["split"] = split_of(doc["doc_id"])
        seen = set()
        unique = []
        for claim in doc["claims"]:
            key = (claim["text"], claim["label"])
            if key not in seen:
                seen.add(key)
                unique.append(claim)
        doc["claims"] = unique
    return docs


def dev_docs(path: Path, limit: int = 0) -> list[dict]:
    """SummEdits news rows as documents whose claims are summary sentences (for evaluation only)."""
    rows = json.loads(path.read_text(encoding="utf-8"))
    rows = rows[:limit] if limit else rows
    by_doc: dict[str, dict] = {}
    for number, row in enumerate(rows):
        entry = by_doc.setdefault(
            row["doc"],
            {
                "doc_id": f"dev-{len(by_doc)}",
                "source": "dev",
                "split": "dev",
                "sentences": _sentences(row["doc"]),
                "claims": [],
            },
        )
        for sentence in _sentences(row["summary"]):
            entry["claims"].append(
                {
                    "text": sentence,
                    "label": row["label"],
                    "kind": "+".join(row["edit_types"]) or "none",
                    "source": [],
                    "exclude": [],
                    "row": number,
                }
            )
    return list(by_doc.values())


def build(args: argparse.Namespace) -> None:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    antonyms = _ANTONYMS + _lexicon_antonyms()
    docs: list[dict] = []
    csv.field_size_limit(10**8)
    with open(args.fnc, encoding="utf-8", newline="") as handle:
        bodies = list(csv.DictReader(handle))
    if args.limit:
        bodies = bodies[: args.limit]
    for number, body in enumerate(bodies):
        sentences = _sentences(body["articleBody"])
        if len(sentences) < 4:
            continue
        doc_rng = random.Random(f"{args.seed}-{body['Body ID']}")
        split = "val" if doc_rng.random() < args.val_share else "train"
        claims = news_claims(sentences, doc_rng, args.per_doc, antonyms)
        docs.append({"doc_id": f"fnc-{body['Body ID']}", "source": "fnc", "split": split, "sentences": sentences,
                     "claims": claims})  # fmt: skip
        if number % 200 == 0:
            print(f"fnc {number}/{len(bodies)}", file=sys.stderr, flush=True)
    if args.summedits_other:
        for path in sorted(Path(args.summedits_other).glob("summedits_*.json")):
            domain = path.stem.replace("summedits_", "se-")
            rows = json.loads(path.read_text(encoding="utf-8"))
            if args.limit:
                rows = rows[: args.limit]

            def split_of(doc_id: str) -> str:
                return "val" if random.Random(f"{args.seed}-{doc_id}").random() < args.val_share else "train"

            docs += summedits_docs(rows, domain, split_of)
            print(f"{domain}: {len(rows)} rows", file=sys.stderr, flush=True)
    if args.dev:
        docs += dev_docs(Path(args.dev), args.limit)
    with open(out / "docs.jsonl", "w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for doc in docs:
        for claim in doc["claims"]:
            key = (
                f"{doc['split']}:{claim['label']}:{claim['kind'] if doc['source'] in ('fnc', 'dev') else doc['source']}"
            )
            counts[key] = counts.get(key, 0) + 1
    print(json.dumps(dict(sorted(counts.items())), indent=1))


# --------------------------------------------------------------------------- contexts


def contexts(args: argparse.Namespace) -> None:
    import numpy as np
    from sentence_transformers import SentenceTransformer

    data = Path(args.data)
    with open(data / "docs.jsonl", encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle]
    model = SentenceTransformer(args.model, device=args.device)
    texts: list[str] = []
    for doc in docs:
        texts += doc["sentences"] + [c["text"] for c in doc["claims"]]
    unique = list(dict.fromkeys(texts))
    print(f"embedding {len(unique)} texts", file=sys.stderr, flush=True)
    vectors = model.encode(unique, batch_size=256, normalize_embeddings=True, convert_to_numpy=True,
                           show_progress_bar=False)  # fmt: skip
    index = {t: i for i, t in enumerate(unique)}
    written = 0
    with open(data / "examples.jsonl", "w", encoding="utf-8") as handle:
        for doc in docs:
            if not doc["sentences"]:
                continue
            matrix = vectors[[index[s] for s in doc["sentences"]]]
            for claim in doc["claims"]:
                scores = matrix @ vectors[index[claim["text"]]]
                for j in claim["exclude"]:
                    scores[j] = -np.inf
                order = [int(j) for j in np.argsort(-scores, kind="stable")[: args.k] if np.isfinite(scores[j])]
                context = " ".join(doc["sentences"][j] for j in sorted(order))
                example = {
                    "context": context,
                    "claim": claim["text"],
                    "label": claim["label"],
                    "kind": claim["kind"],
                    "split": doc["split"],
                    "group": claim.get("row", doc["doc_id"]),
                }
                handle.write(json.dumps(example, ensure_ascii=False) + "\n")
                written += 1
    print(f"wrote {written} examples", file=sys.stderr)


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="stage", required=True)
    b = sub.add_parser("build")
    b.add_argument("--out", required=True)
    b.add_argument(
        "--fnc", default=str(Path(__file__).resolve().parents[3] / "shared/benchmarks/train/fnc-1/train_bodies.csv")
    )
    b.add_argument("--summedits-other", default=None)
    b.add_argument("--dev", default=None, help="SummEdits news JSON, kept as split 'dev' (evaluation only)")
    b.add_argument("--per-doc", type=int, default=12)
    b.add_argument("--val-share", type=float, default=0.05)
    b.add_argument("--limit", type=int, default=0, help="first N bodies/rows only (smoke tests)")
    b.add_argument("--seed", type=int, default=SEED)
    c = sub.add_parser("contexts")
    c.add_argument("--data", required=True)
    c.add_argument("--model", required=True)
    c.add_argument("--k", type=int, default=4)
    c.add_argument("--device", default=None)
    args = parser.parse_args(list(argv) if argv is not None else None)
    build(args) if args.stage == "build" else contexts(args)


if __name__ == "__main__":
    main()
