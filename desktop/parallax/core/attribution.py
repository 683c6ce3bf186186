"""Who a claim is credited to on each side: the attribution check, and names named side by side.

Entry points: :func:`attribution_conflicts` (both sides credit a named source, and no source of one side is
a source of the other), :func:`source_added_conflicts` (the report gives a person's name to a view the
article holds in its own voice), :func:`aliases` (whether either document names two sources side by side,
"Russia's top negotiator, Vladimir Medinsky"), :func:`country_and_adjective` and :func:`within`. A quote
credited only by a pronoun ("he said") takes the person the paragraph before names; a bare quotation, the
speaker of the paragraph before.

May import: the standard library, ``parallax.core`` modules tokens, entities, result, sentence_pairs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from parallax.core.entities import (
    NATIONALITY_ENDING,
    Speaker,
    country_adjective,
    find_entities,
    find_speakers,
    is_publication,
    names_an_institution,
    nationality_word,
    other_governments,
    same_body,
    speaks_for_government,
    stands_for_government,
)
from parallax.core.result import ClaimContext, Conflict
from parallax.core.sentence_pairs import content_stems, paired, sentence_at, sentence_bags
from parallax.core.tokens import (
    WORD,
    NameIndex,
    Word,
    name_key,
    same_name,
    title_lines,
    words,
)


def attribution_conflicts(
    article: str,
    report: str,
    context: ClaimContext,
    pairs: list[tuple[tuple[int, int], tuple[int, int]]] | None = None,
) -> list[Conflict]:
    """Both sides credit a named source, and no source of one side is a source of the other. Where a side
    credits several, only those in sentences ``pairs`` pairs with a source of the other side are weighed: in
    a link of four article paragraphs, Rob Lee's quotes say nothing of who announced the pull-back."""
    # A quoted newspaper relays its source ("the Morning Ensign notes that Ukraine..."): no source of its own.
    a_speakers = [
        s
        for s in find_speakers(article)
        if s.keys and not is_publication(s.keys) and not _own_voice(s, context.article_text)
    ]
    r_speakers = [
        s
        for s in find_speakers(report)
        if s.keys and not is_publication(s.keys) and not _own_voice(s, context.report_text)
    ]
    # A quote that ends "he said" credits the person the paragraph before names as its speaker; the
    # other side must name a person too (against "a senior Russian official", "he" is too weak a reading).
    if not a_speakers and any(_named_person(r) for r in r_speakers):
        a_speakers = _speaker_before(article, context.article_prose or context.article_text)
        r_speakers = _told_of_the_quote(a_speakers, article, r_speakers, report)
    elif not r_speakers and any(_named_person(a) for a in a_speakers):
        r_speakers = _speaker_before(report, context.report_prose or context.report_text)
        a_speakers = _told_of_the_quote(r_speakers, report, a_speakers, article)
    if pairs:
        # A source in a sentence the other side tells nothing like credits a claim the other side does not
        # make: "That's what US defence officials have said" answers the paragraph before.
        a_spans, r_spans = [a for a, _ in pairs], [r for _, r in pairs]
        a_speakers = [a for a in a_speakers if within(_credited_stretch(article, a), a_spans)]
        r_speakers = [r for r in r_speakers if within(_credited_stretch(report, r), r_spans)]
    if not a_speakers or not r_speakers:
        return []
    if pairs and len(a_speakers) > 1:
        a_speakers = [a for a in a_speakers if any(paired(a.start, r.start, pairs) for r in r_speakers)] or a_speakers
    if pairs and len(r_speakers) > 1:
        r_speakers = [r for r in r_speakers if any(paired(a.start, r.start, pairs) for a in a_speakers)] or r_speakers
    for a in a_speakers:
        for r in r_speakers:
            if any(same_name(x, y) for x in a.keys for y in r.keys):
                return []
            if _a_body_against_a_person(a, r) or _a_body_against_a_person(r, a):
                continue  # "Zelensky told interviewers" / "Ukraine's defence ministry told reporters"
            a_document, r_document = context.article_text or article, context.report_text or report
            if _another_office(a, a_document, r) or _another_office(r, r_document, a):
                continue  # "Zelensky", titled president elsewhere / "Ukraine's defence minister told"
            if (
                same_body(a.keys, r.keys)  # "the CHP" / "the California Highway Patrol"
                or aliases(a.keys, r.keys, context)
                or speaks_for_government(a.keys, r.keys)
                or country_and_adjective(a.keys, r.keys)
            ):
                return []
    a, r = a_speakers[0], r_speakers[0]
    if pairs and _each_told_without_a_source(article, report, a, r, pairs):
        return []
    # A source the other side names in the same passage is still credited there, in words the speaker
    # scan does not read ("which Rob Lee sees as a good sign"): no other source.
    # Not where the speaker is told apart as someone's kin: "It's his wife, Larysa, who says".
    if (_names_person(report, a.keys) and not _kin(report, r)) or (
        _names_person(article, r.keys) and not _kin(article, a)
    ):
        return []
    return [Conflict.between("attribution", a, r, f"said by {_source(a)} vs by {_source(r)}: a different source")]


def _each_told_without_a_source(
    article: str, report: str, a: Speaker, r: Speaker, pairs: list[tuple[tuple[int, int], tuple[int, int]]]
) -> bool:
    """Whether the sentence of each source is paired only with sentences that credit no source, not even by a
    pronoun ("she said"): "Russia says it wants denazification" told beside "Russia's stated war aims have
    been ...", and "American defence officials have said" beside "American defence officials believe" (whose
    plural verb the scan does not read). The two credit two claims, each told on the other side unsourced."""
    a_spans, r_spans = [x for x, _ in pairs], [y for _, y in pairs]
    r_partners = [report[slice(*r_spans[k])] for k in within(_credited_stretch(article, a), a_spans)]
    a_partners = [article[slice(*a_spans[k])] for k in within(_credited_stretch(report, r), r_spans)]
    return not any(_credits_a_source(sentence) for sentence in r_partners + a_partners)


def _credits_a_source(sentence: str) -> bool:
    return bool(find_speakers(sentence)) or _PRONOUN_SPEAKER.search(sentence) is not None


# A source that credits the sentence before its own: "Chris Alexander made that point too", "said as much".
_BACK_REFERENCE = re.compile(
    r"\s+(?:has\s+|had\s+|also\s+)?(?:made|makes|make)\s+(?:that|the\s+same|this|a\s+similar)\s+point"
    r"|\s+(?:has\s+|had\s+|also\s+)?(?:said|says|argued|argues)\s+(?:as\s+much|so|the\s+same)\b"
)


# A sentence that credits the one before by a demonstrative: "That, at least, was how one of Ukraine's
# negotiators put it", "This is what the Kremlin says".
_POINTING_BACK = re.compile(r"(?:That|This|Such)\b[^.!?\n]{0,40}?\b(?:was|is|were|are)\s+(?:how|what)\b")


def _credited_stretch(text: str, speaker: Speaker) -> tuple[int, int]:
    """The stretch of ``text`` whose claim ``speaker`` is the source of: from the sentence before its own where
    it points back ("Chris Alexander made that point too", "That was how one negotiator put it"), from the
    opening quotation mark of a quote it closes ('"I don't think they can. But they can push back," Lee
    said'), else from itself."""
    # Cut as the sentence pairing cuts, so the stretch meets the paired sentences it should.
    spans = sentence_bags(text)[0]
    own = next((k for k, (start, end) in enumerate(spans) if start <= speaker.start < end), 0)
    if _BACK_REFERENCE.match(text, speaker.end) or (spans and _POINTING_BACK.match(text, spans[own][0])):
        return (spans[max(0, own - 1)][0] if spans else 0, speaker.end)
    closing = _CLOSING_QUOTE.search(text, max(0, speaker.start - 40), speaker.start)
    if closing is not None:
        opening = max(text.rfind("“", 0, closing.start()), text.rfind('"', 0, closing.start()))
        if opening >= 0 and "\n\n" not in text[opening : speaker.start]:
            return (opening, speaker.end)
    return (speaker.start, speaker.end)


# A quote's end right before its speaker: '... in certain places," Lee said', '..." said Lee', '..." (Chris
# Alexander)'.
_CLOSING_QUOTE = re.compile(r"[,.!?]?[\"”]\s*\(?(?:[a-z]+\s+)?$")


def within(span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> list[int]:
    """The indices of ``spans`` that ``span`` overlaps."""
    return [k for k, (start, end) in enumerate(spans) if start < span[1] and span[0] < end]


# A body of a country's state, named by the country's possessive: "Ukraine's defence ministry", "Russia's
# general staff". It is that body speaking, not whoever leads the country.
_STATE_BODY = re.compile(
    r"^(?:the\s+)?[A-Z][\w-]+['’]s?\s+(?:[a-z-]+\s+){0,2}(?:ministry|army|military|armed\s+forces|general\s+staff|"
    r"intelligence|parliament|police|prosecutors?|central\s+bank|navy|air\s+force|security\s+service|"
    r"border\s+guards?|coast\s+guard)\b"
)


def _a_body_against_a_person(body: Speaker, other: Speaker) -> bool:
    """Whether ``body`` is a state body named by its country ("Ukraine's defence ministry") and ``other``
    a person ("Zelensky"): two sources, though the country's leader speaks for the country."""
    # A person: named in full, or by a bare surname ("Zelensky"), not "a SAF spokesman" (the body's own).
    bare_surname = len(other.keys) == 1 and other.text.strip() == other.keys[0] and not other.keys[0].isupper()
    return (
        _STATE_BODY.match(body.text) is not None
        and (_named_person(other) or bare_surname)
        and not stands_for_government(other.keys)
        and not all(NATIONALITY_ENDING.search(k) for k in other.keys)
    )


# An office of state: "defence minister", "President". One word or two, in the forms a title takes.
_OFFICE = (
    r"(?:(?:vice|deputy)[\s-]+)?(?:(?:prime|defen[cs]e|foreign|interior|finance|economy|health|justice)\s+)?"
    r"minister|(?:vice[\s-]+)?president|chancellor|premier"
)


# A country's office-holder named by the office alone: "Ukraine's defence minister", "the Russian president".
_OFFICE_HOLDER = re.compile(rf"^(?:the\s+)?[A-Z][\w-]+(?:['’]s?)?\s+(?P<office>{_OFFICE})$", re.IGNORECASE)


def _office_key(office: str) -> str:
    return re.sub(r"[\s-]+", " ", office.lower()).replace("defense", "defence")


@lru_cache(maxsize=1024)
def _titles(surname: str, document: str) -> frozenset[str]:
    """The offices ``document`` writes before the person of ``surname`` ("President Volodymyr Zelensky")."""
    pattern = rf"\b({_OFFICE})\s+(?:[A-Z][\w'’-]+\s+){{0,2}}{re.escape(surname)}\b"
    return frozenset(_office_key(m.group(1)) for m in re.finditer(pattern, document, re.IGNORECASE))


def _another_office(person: Speaker, document: str, holder: Speaker) -> bool:
    """Whether ``holder`` is an office-holder named by the office alone ("Ukraine's defence minister") and
    ``document`` titles ``person`` with other offices only ("President Volodymyr Zelensky"): two people."""
    office = _OFFICE_HOLDER.match(holder.text.strip())
    if office is None or not person.keys:
        return False
    titles = _titles(person.keys[-1], document)
    return bool(titles) and _office_key(office.group("office")) not in titles


# A speaker told apart from the person beside them as their kin or companion: "his wife, Larysa".
_KIN_BEFORE = re.compile(
    r"\b(?:his|her|their)\s+(?:wife|husband|son|daughter|mother|father|brother|sister|partner|widow|widower|"
    r"neighbou?r|colleague|friend|cousin|aunt|uncle|grandmother|grandfather|boss),?\s*$",
    re.IGNORECASE,
)


def _kin(text: str, speaker: Speaker) -> bool:
    """Whether ``speaker`` is named as someone's kin or companion right before the name, outside the speaker's
    words ("his wife, Larysa, who says") or inside them ("His neighbour Petro Kaminsky says")."""
    name_start = speaker.start + max(0, speaker.text.find(speaker.keys[0])) if speaker.keys else speaker.start
    return _KIN_BEFORE.search(text, max(0, speaker.start - 40), name_start) is not None


def _names_person(text: str, keys: Sequence[str]) -> bool:
    """Whether ``text`` names, as a person of two name words or more, the speaker of ``keys`` (by the
    surname, the last key): "Rob Lee, senior fellow", not "Oracle's computer code"."""
    if len(keys) < 2 or NATIONALITY_ENDING.search(keys[-1]):
        return False
    return any(
        e.kind == "person" and len(e.keys) >= 2 and same_name(e.keys[-1], keys[-1])
        for e in find_entities(text, frozenset())
    )


_DEFINITE_BODY = re.compile(r"[Tt]he\s+([A-Z][a-z]+)")


def _own_voice(speaker: Speaker, document: str) -> bool:
    """Whether ``speaker`` is the document's author calling itself by its kind: "the Ministry observes" in
    a release under the masthead "MINISTRY OF FOREIGN AFFAIRS", "the Committee notes" in a committee's
    note. It speaks for itself, as the article's own voice does, and credits no source."""
    body = _DEFINITE_BODY.fullmatch(speaker.text.strip())
    if body is None or not document:
        return False
    first = document.lstrip().split("\n", 1)[0]
    return bool(title_lines(first)) and body.group(1).lower() in {w.lower() for w in WORD.findall(first)}


def country_and_adjective(a_keys: Sequence[str], b_keys: Sequence[str]) -> bool:
    """One side names a country in words ("United States officials", "U.S."), the other by its adjective
    ("American officials")."""
    for one, other in ((a_keys, b_keys), (b_keys, a_keys)):
        adjectives = {
            adjective
            for size in (2, 3)
            for i in range(len(one) - size + 1)
            if (adjective := country_adjective(one[i : i + size])) is not None
        }
        if adjectives & {name_key(k).removesuffix("s") for k in other}:
            return True
    return False


_PRONOUN_SPEAKER = re.compile(
    r"\b(?:he|she)\s+(?:also\s+)?(?:said|says|added|adds|told|tells|argued|argues|warned|warns|noted|notes|"
    # Verbs of opinion credit a view as "said" does: "he expects the Kremlin will try to grab ...".
    r"expects|expected|believes|believed|thinks|fears|feared|reckons|predicts|predicted)\b"
    r"|\b(?:said|says|added)\s+(?:he|she)\b",
    re.IGNORECASE,
)


# How far back (characters) the speaker a pronoun stands for is looked for: the paragraph before.
_SPEAKER_REACH = 600


def _speaker_before(text: str, document: str) -> list[Speaker]:
    """For a ``text`` whose only source is a pronoun ("... he said"), the person the document names as a
    speaker just before it, as a :class:`Speaker` spanning the pronoun; [] when that is not clear.

    Only when ``text`` names no person itself (else "he" could be that person), and only the last
    named speaker in the paragraph before, or, for a paragraph that opens with the pronoun, the person
    the paragraph before opens with.
    """
    pronoun = _PRONOUN_SPEAKER.search(text)
    if pronoun is None:
        return _quote_goes_on(text, document)
    if not document:
        return []
    for entity in find_entities(text, frozenset()):
        # A nationality ("the Russians") is no person "he" could be.
        nationality = all(nationality_word(name_key(k)) for k in entity.keys)
        # Nor is a name after an article ("the eastern Donbas area"): people go without one.
        before_name = words(text[max(0, entity.start - 30) : entity.start])[-2:]
        placed = entity.kind == "entity" and any(w.lower in ("the", "a", "an") for w in before_name)
        if entity.start < pronoun.start() and entity.kind in ("person", "entity") and not nationality and not placed:
            return []  # "he" could be this person
    before = _paragraph_before(text, document)
    if before is None:
        return []
    people = _full_names(document)
    named = _named_speakers(before, people)
    if not named and pronoun.start() == 0:
        # A paragraph opening "He says" goes on from the one before, whose subject it names: "Lee had been
        # tracking Russia's troop buildup ...", then "He says with superiority in air power ...".
        subject = _opening_person(before, people)
        if subject is not None:
            named.append((subject, " ".join(subject)))
    if not named:
        return []
    keys, text_named = named[-1]
    return [_Resolved(pronoun.group(), pronoun.start(), pronoun.end(), keys, text_named)]


# How many words of content a source's sentence must share with a bare quotation to be the other side's
# source of it: a quotation credited by nothing in its own words is weighed only against a telling of it.
_QUOTE_TOLD = 3


def _told_of_the_quote(
    resolved: list[Speaker], quote_side: str, speakers: list[Speaker], other_side: str
) -> list[Speaker]:
    """``speakers`` less those whose sentence tells too little of ``resolved``'s bare quotation to credit it:
    against "I think it's a diplomatic expression of the new military reality", "That bodes well for
    Ukraine, in the view of Rob Lee" credits another claim."""
    if not any(isinstance(r, _Resolved) and r.quoted for r in resolved):
        return speakers
    quote = content_stems(quote_side)
    return [s for s in speakers if len(content_stems(sentence_at(other_side, s.start)) & quote) >= _QUOTE_TOLD]


def _paragraph_before(text: str, document: str) -> str | None:
    """The paragraph of ``document`` just before ``text`` (its last ``_SPEAKER_REACH`` characters at most)."""
    at = document.find(text[: min(len(text), 200)]) if document else -1
    if at <= 0:
        return None
    before = document[max(0, at - _SPEAKER_REACH) : at].rstrip()
    return before[before.rfind("\n\n") + 2 :] if "\n\n" in before else before


def _named_speakers(paragraph: str, people: dict[str, tuple[str, ...]]) -> list[tuple[tuple[str, ...], str]]:
    """The people ``paragraph`` names as speakers, in order, in full where the document names them so."""
    named = []
    for speaker in find_speakers(paragraph):
        if is_publication(speaker.keys):
            continue
        if len(speaker.keys) >= 2:
            named.append((speaker.keys, speaker.text))
        elif len(speaker.keys) == 1 and speaker.keys[0] in people:
            # "Lee said": the surname of a person the document names in full ("Rob Lee") is that person.
            full = people[speaker.keys[0]]
            named.append((full, " ".join(full)))
    return named


# A paragraph that is one quotation and nothing else: '"They are having some success. They are retaking
# some towns."'
_BARE_QUOTE = re.compile(r"[\"“][^\"“”\n]+[\"”]")


_FIRST_SENTENCE = re.compile(r"[^.!?]+[.!?]?")


def _quote_goes_on(text: str, document: str) -> list[Speaker]:
    """For a ``text`` that is a bare quotation, the speaker of the paragraph before: the last person it names
    as a speaker, or the person its own "he said" stands for. The quote goes on from there. As a
    :class:`Speaker` spanning the quotation's first sentence; [] when that is not clear."""
    stripped = text.strip()
    if not document or _BARE_QUOTE.fullmatch(stripped) is None:
        return []
    before = _paragraph_before(text, document)
    if before is None:
        return []
    named = _named_speakers(before, _full_names(document))
    if named:
        keys, text_named = named[-1]
    else:
        resolved = _speaker_before(before, document) if _PRONOUN_SPEAKER.search(before) else []
        if not resolved or not isinstance(resolved[0], _Resolved):
            return []
        keys, text_named = resolved[0].keys, resolved[0].stands_for
    opening = text.find(stripped)
    first = _FIRST_SENTENCE.match(stripped)
    end = opening + (first.end() if first else len(stripped))
    return [_Resolved(text[opening:end], opening, end, keys, text_named, quoted=True)]


def _opening_person(paragraph: str, people: dict[str, tuple[str, ...]]) -> tuple[str, ...] | None:
    """The person ``paragraph`` opens with, in full (a surname by the document's full name for it); None
    where it opens otherwise."""
    entities = find_entities(paragraph, frozenset())
    if not entities or paragraph[: entities[0].start].strip(" \"“‘'"):
        return None
    first = entities[0]
    if first.kind == "person" and len(first.keys) >= 2:
        return first.keys
    if len(first.keys) == 1 and first.keys[0] in people:
        return people[first.keys[0]]
    return None


@lru_cache(maxsize=64)
def _full_names(document: str) -> dict[str, tuple[str, ...]]:
    """The people ``document`` names in full, by surname: only surnames that stand for one person."""
    found: dict[str, set[tuple[str, ...]]] = {}
    for entity in find_entities(document, frozenset()):
        if entity.kind == "person" and len(entity.keys) >= 2:
            found.setdefault(entity.keys[-1], set()).add(entity.keys)
    return {surname: next(iter(names)) for surname, names in found.items() if len(names) == 1}


# A title that makes a surname a person's name: "Ms Lutsevych".
_TITLED = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Professor|Prof)\.?\s+[A-Z]")


def _named_person(speaker: Speaker) -> bool:
    """Whether a speaker is named as a person: two name words or more, not nationalities, or a titled
    surname ("Ms Lutsevych")."""
    names = [k for k in speaker.keys if not nationality_word(name_key(k))]
    return len(names) >= 2 or (len(names) == 1 and _TITLED.match(speaker.text) is not None)


@dataclass(frozen=True)
class _Resolved(Speaker):
    """A pronoun speaker ("he said"), or a bare quotation that goes on from the paragraph before, and the
    named speaker it stands for."""

    stands_for: str = ""
    quoted: bool = False  # a bare quotation: no word of its own names whose it is


def _source(speaker: Speaker) -> str:
    """How a reason names a source: "he said (Chris Alexander, named in the paragraph before)"."""
    if isinstance(speaker, _Resolved):
        return f"“{speaker.text}” ({speaker.stands_for}, named in the paragraph before)"
    return speaker.text


def aliases(
    a_keys: Sequence[str], r_keys: Sequence[str], context: ClaimContext, window: int = 8, namesakes: bool = False
) -> bool:
    """Whether either document names both sources side by side ("Russia's top negotiator, Vladimir Medinsky").

    ``namesakes``: the two are people of one given name (:func:`_namesakes`).

    Two nationalities ("Russian", "Ukrainian") are never one source, however close they stand, nor are
    two governments ("Ukraine" / "Russia's delegation", "one top Russian official" / "Ukraine's chief
    negotiator"), though "Russia's invasion of Ukraine" names them side by side.
    """
    if all(NATIONALITY_ENDING.search(k) for k in (*a_keys, *r_keys)) or other_governments(a_keys, r_keys):
        return False
    # An institution's common word ("Institute", "Institution") or a nationality ("Ukrainian Defence
    # Minister Oleksii Reznikov") says nothing of which one it is.
    a_keys = [k for k in a_keys if not names_an_institution([k]) and not NATIONALITY_ENDING.search(k)] or list(a_keys)
    r_keys = [k for k in r_keys if not names_an_institution([k]) and not NATIONALITY_ENDING.search(k)] or list(r_keys)
    if namesakes:
        # The given name both hold stands beside itself wherever either is named: only the surnames can
        # show the two side by side.
        a_keys, r_keys = a_keys[1:], r_keys[1:]
    common_words = {name_key(k) for k in a_keys} & {name_key(k) for k in r_keys}
    for document in (_sentences(context.article_sentences), _sentences(context.report_sentences)):
        a_places = document.places(a_keys)
        if not a_places:
            continue
        r_places = document.places(r_keys)
        for sentence, a_at in a_places.items():
            r_at = r_places.get(sentence, ())
            tokens = document.tokens[sentence]
            if _one_word_two_forms(tokens, set(a_at) & set(r_at), common_words):
                continue  # "European" in "the European Union" does not put a "Council of Europe" beside it
            if any(
                abs(i - j) <= window and not _coordinated(tokens, i, j) and not _one_name(tokens, i, j)
                for i in a_at
                for j in r_at
            ):
                return True
    return False


def _one_name(tokens: list[Word], i: int, j: int) -> bool:
    """Whether a nationality and another word stand in one run of capitalised words, a space apart: "European"
    and "Free" of "the European Free Trade Association" are one name, not "the European Union" beside
    another. (Other words of one run do join two names: "the New Orleans Saints".)"""
    low, high = min(i, j), max(i, j)
    nationality = any(NATIONALITY_ENDING.search(tokens[k].text) for k in (i, j))
    return (
        low != high
        and nationality
        and all(
            tokens[k].text[:1].isupper() and (k == low or tokens[k].start - tokens[k - 1].end == 1)
            for k in range(low, high + 1)
        )
    )


def _one_word_two_forms(tokens: list[Word], shared: set[int], common_words: set[str]) -> bool:
    """Whether the words both names are found at are read as the two names only in two forms ("European" for
    "Europe"): a word of both names, one of ``common_words`` ("Winter" of "Winter Games" and "Winter
    Olympics"), is no such word."""
    return bool(shared) and not any(name_key(tokens[i].text) in common_words for i in shared)


class _Sentences:
    """A document's sentences, tokenised once, with the places of their capitalised words by name key."""

    def __init__(self, sentences: tuple[str, ...]) -> None:
        self.tokens = [words(sentence) for sentence in sentences]
        self._where: dict[str, list[tuple[int, int]]] = {}
        for s_index, tokens in enumerate(self.tokens):
            for t_index, w in enumerate(tokens):
                if w.text[:1].isupper():
                    self._where.setdefault(name_key(w.text), []).append((s_index, t_index))
        self._index = NameIndex(w.text for tokens in self.tokens for w in tokens if w.text[:1].isupper())
        self._places: dict[tuple[str, ...], dict[int, list[int]]] = {}

    def places(self, keys: Sequence[str]) -> dict[int, list[int]]:
        """Sentence index -> indices of its capitalised tokens that are :func:`same_name` as one of ``keys``."""
        found = self._places.get(tuple(keys))
        if found is None:
            found = {}
            for word_key in {m for k in keys for m in self._index.matching(k)}:
                for s_index, t_index in self._where[word_key]:
                    found.setdefault(s_index, []).append(t_index)
            self._places[tuple(keys)] = found
        return found


@lru_cache(maxsize=16)
def _sentences(sentences: tuple[str, ...]) -> _Sentences:
    # A whole document's tokens: only the article's and the report in hand are wanted again.
    return _Sentences(sentences)


_COORDINATORS = {
    "and",
    "or",
    "nor",
    "but",
    "while",
    "whereas",
    "versus",
    "vs",
    "against",
    "with",
    "between",
    "not",
    "unlike",
    "than",
    "instead",
}  # "Rob Lee, not Chris Alexander": two people


def _coordinated(tokens: list[Word], i: int, j: int) -> bool:
    """Two names joined as a list or a contrast ("Russian and Ukrainian negotiators") are not one source."""
    low, high = min(i, j), max(i, j)
    return any(w.lower in _COORDINATORS for w in tokens[low + 1 : high])


def source_added_conflicts(
    article: str,
    report: str,
    context: ClaimContext,
    pairs: list[tuple[tuple[int, int], tuple[int, int]]],
) -> list[Conflict]:
    """The report gives a named person as the source of a claim the article tells in its own voice: "simply
    became permanent features" / "..., says Tamar Gvelesiani-Holt, who teaches at the University of Carrow".

    Only a view the report gives ("says", "as Mr Alexander put it"), where the article's paragraph of that
    claim credits no one (no speaker, no word of saying or holding, no quotation, not a headline), and the
    person is one the article never names, or names only two paragraphs away or more: a paragraph right
    after an expert's quote often goes on with the expert's view unsaid.
    """
    a_document = context.article_prose or context.article_text or article
    for r in find_speakers(report):
        if not _a_person_named(report, r) or _kin(report, r) or not _gives_a_view(report, r):
            continue
        credited = within(_credited_stretch(report, r), [y for _, y in pairs])
        if len(credited) != 1:
            continue
        a_start, a_end = pairs[credited[0]][0]
        paragraph = _paragraph_around(article, a_start)
        if find_speakers(paragraph) or _CREDITING.search(paragraph) or _QUOTATION.search(paragraph):
            continue
        if not paragraph.rstrip().endswith((".", "!", "?", ";")):
            continue  # a headline tells the news without its source, by custom
        surname = _surname(r)
        if _names_surname(article, surname) or _named_near(_paragraphs(a_document), paragraph, surname):
            continue
        sentence = article[a_start:a_end].strip()
        start = a_start + article[a_start:a_end].find(sentence)
        told = Speaker(sentence, start, start + len(sentence), ())
        return [
            Conflict.between(
                "attribution", told, r, f"told by the article in its own voice vs said by {r.text}: a source added"
            )
        ]
    return []


_QUOTATION = re.compile(r"[\"“”]")
# Words that credit or hold a view, whoever's: a paragraph with one of them is not told in the article's voice.
_CREDITING = re.compile(
    r"\b(?:sa(?:id|ys)|told|tells|according\s+to|add(?:ed|s)|fears?|feared|believes|thinks|estimated)\b", re.IGNORECASE
)


# A view held now, or words characterised, not a statement reported: "says Orysia Lutsevych", "as Mr Alexander
# put it". News tells events on an official's word in the past tense ("Inspector Dave Gaskin said the man
# fell"), and another outlet telling the same event unsourced diverges from it in nothing.
_VIEW_BEFORE = re.compile(r"\b(?:says|argues|reckons|believes|thinks|insists|contends|maintains)\s+$")
_VIEW_AFTER = re.compile(
    r"^\s*(?:,[^,]{0,80},\s*)?(?:says|argues|reckons|believes|thinks|insists|contends|maintains|put\s+it|puts\s+it)\b"
)


def _gives_a_view(text: str, speaker: Speaker) -> bool:
    return (
        _VIEW_BEFORE.search(text, max(0, speaker.start - 20), speaker.start) is not None
        or _VIEW_AFTER.match(text[speaker.end : speaker.end + 100]) is not None
    )


def _a_person_named(text: str, speaker: Speaker) -> bool:
    """Whether ``speaker`` is a person named in full ("Tamar Gvelesiani-Holt, who teaches") or by a title
    ("Mr Alexander"), not a body ("Chatham House") nor a person's thing ("Helena Markwick's book")."""
    if not _named_person(speaker) or is_publication(speaker.keys) or names_an_institution(speaker.keys):
        return False
    if re.search(rf"\b{re.escape(speaker.keys[-1])}['’]s\b", speaker.text) or speaker.text.lower().startswith("the "):
        return False  # "Helena Markwick's book", "the California Highway Patrol"
    return _TITLED.match(speaker.text) is not None or _names_person(sentence_at(text, speaker.start), speaker.keys)


@lru_cache(maxsize=16)
def _paragraphs(document: str) -> tuple[str, ...]:
    # The article's whole text, split once for all the links it has.
    return tuple(p for p in re.split(r"\n\s*\n", document) if p.strip())


def _paragraph_around(text: str, position: int) -> str:
    start = text.rfind("\n\n", 0, position)
    end = text.find("\n\n", position)
    return text[start + 2 if start >= 0 else 0 : end if end >= 0 else len(text)]


def _surname(speaker: Speaker) -> str:
    """The last name word of a speaker's phrase: "King" of "General Manager Billy King"."""
    capitalised = [w.text for w in words(speaker.text) if w.text[:1].isupper()]
    return capitalised[-1] if capitalised else speaker.keys[-1]


def _names_surname(text: str, surname: str) -> bool:
    """Whether ``text`` has a capitalised word that is ``surname`` ("Medinsky", "Medinskiy")."""
    return any(same_name(w.text, surname) for w in words(text) if w.text[:1].isupper())


def _named_near(paragraphs: Sequence[str], paragraph: str, surname: str) -> bool:
    """Whether ``paragraphs`` name ``surname`` in ``paragraph`` or the one before or after it (or anywhere,
    where ``paragraph`` is not found among them)."""
    at = next((k for k, p in enumerate(paragraphs) if paragraph.strip() and paragraph.strip() in p), None)
    near = paragraphs if at is None else paragraphs[max(0, at - 1) : at + 2]
    return any(_names_surname(p, surname) for p in near)
