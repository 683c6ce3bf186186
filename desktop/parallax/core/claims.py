"""Compare the facts of two linked texts and say whether they agree or diverge, and why.

Entry point: :func:`compare_claims`. It looks for *conflicts*, each a specific
fact that differs, with its kind and a span in both texts:

- ``number``: quantities of the same unit whose intervals cannot overlap;
- ``date``: weekdays, day-and-month, years, quarters or relative days that differ, or one fact placed
  before an event on one side and after it on the other;
- ``place`` / ``person`` / ``organisation``: a name the word diff replaces with
  a different name that the other side never mentions;
- ``negation``: a verb negated on one side and plain on the other;
- ``direction``: opposite words about the same thing ("rose" / "fell");
- ``attribution``: the statement credited to a different named source (the check lives in
  ``parallax.core.attribution``).
- ``detail``: a word of a closed class swapped for another the article never uses: a colour
  ("yellow and blue paint" / "yellow and white paint"), a criminal charge ("manslaughter" /
  "murder") or a disease ("its RSV vaccine" / "its flu vaccine"); the classes live in
  ``parallax.core.detail_classes``.

Every check errs towards silence: a paraphrase must never read as a
divergence, so a fact is only compared where both sides state it.

Sentences are paired (which article sentence tells what a report sentence does) by
``parallax.core.sentence_pairs``.

May import: the standard library, ``parallax.core`` modules quantities, entities, attribution,
sentence_pairs, detail_classes, event_order, event_phase, since_dates, territory, scope, membership, lexicon, tokens, worddiff
and result (where its types live).
"""

from __future__ import annotations

import datetime
import itertools
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from parallax.core.attribution import (
    aliases,
    attribution_conflicts,
    country_and_adjective,
    source_added_conflicts,
    within,
)
from parallax.core.detail_classes import detail_conflicts, words_before
from parallax.core.entities import (
    NATIONALITY_ENDING,
    Entity,
    adjective_of_named_country,
    bare_capitals,
    capital_descriptions,
    city_in_country,
    country_adjective,
    find_entities,
    find_speakers,
    has_city_named,
    irregular_country_adjective,
    is_generic,
    name_keys,
    names_an_institution,
    nationality_word,
    other_governments,
    same_body,
    speaks_for_government,
    stands_for_government,
)
from parallax.core.event_order import order_conflicts
from parallax.core.event_phase import phase_conflicts
from parallax.core.lexicon import (
    VIEWING,
    PolarWord,
    cue_before,
    in_condition,
    is_negation_cue,
    negated_stems,
    phrasal_family,
    polar_words,
    prefix_opposites,
    raises_negation,
    rules_out,
    verb_family,
)
from parallax.core.membership import membership_conflicts
from parallax.core.quantities import WEEKDAYS, DateMention, Quantity, find_dates, find_quantities, find_shares
from parallax.core.result import (  # re-exported: the claim types are named from here too
    AGREE as AGREE,
    CONFLICT_KINDS as CONFLICT_KINDS,
    DIVERGE as DIVERGE,
    ClaimConfig as ClaimConfig,
    ClaimContext as ClaimContext,
    Conflict as Conflict,
)
from parallax.core.scope import scope_conflicts
from parallax.core.sentence_pairs import content_stems, paired, sentence_at, sentence_bags, sentence_pairs
from parallax.core.since_dates import since_conflicts
from parallax.core.territory import holder_conflicts, transfer_conflicts
from parallax.core.tokens import (
    FUNCTION_WORDS,
    WORD,
    NameIndex,
    Word,
    capitalised_inside,
    lowercase_vocabulary,
    name_key,
    name_skeleton,
    same_name,
    stem,
    words,
)
from parallax.core.worddiff import DELETE, INSERT, DiffConfig, word_diff

_STOPWORDS = FUNCTION_WORDS


@dataclass(frozen=True)
class ClaimCheck:
    """The verdict for a pair of texts."""

    label: str
    conflicts: tuple[Conflict, ...]


@lru_cache(maxsize=4096)
def compare_claims(
    article: str,
    report: str,
    config: ClaimConfig = ClaimConfig(),
    context: ClaimContext | None = None,
) -> ClaimCheck:
    """Compare the claims of ``article`` text with ``report`` text (offsets refer to these strings).

    A pure function of its (hashable) arguments, so results are memoised: moving the
    threshold back and forth re-checks only links it has never seen.
    """
    context = context or ClaimContext(article, report)
    conflicts: list[Conflict] = []
    sides: list[Conflict] = []
    pairs = sentence_pairs(article, report, config.min_sentence_overlap)
    if "date" in config.kinds:
        a_dates, r_dates = _event_dates(article), _event_dates(report)
        conflicts += _date_conflicts(a_dates, r_dates, article, report, pairs)
        if context.year is not None:
            conflicts += _weekday_conflicts(a_dates, r_dates, context.year)
            conflicts += _years_ago_conflicts(a_dates, r_dates, context.year)
    if "number" in config.kinds:
        article_figures, report_figures = _quantities(article), _quantities(report)
        if context.article_text and context.article_text != article:
            # A figure the article gives in another paragraph is no new figure ("$5bn" for 2023 elsewhere).
            # One it gives here stays, to be paired with itself.
            elsewhere = _quantities(context.article_text)
            report_figures = tuple(
                r
                for r in report_figures
                if not (_distinctive(r) and not _given_in(r, article_figures) and _given_in(r, elsewhere))
            )
        conflicts += [
            c
            for c in _number_conflicts(article_figures, report_figures)
            if _same_subject(article, c.article_span[0], report, c.report_span[0])
        ]
        conflicts += [
            c
            for c in _one_against_several(article, report, article_figures, report_figures)
            + _some_against_many(article, report, article_figures, report_figures)
            + _few_against_many(article, report)
            if _same_subject(article, c.article_span[0], report, c.report_span[0], forms=True)
        ]
        conflicts += _designation_conflicts(article, report, context.article_text or article)
        sides = [
            c
            for c in _figures_of_another_side(article_figures, report_figures)
            if c.kind in config.kinds and _same_subject(article, c.article_span[0], report, c.report_span[0])
        ]
        conflicts += sides
    if config.kinds & {"place", "person", "organisation"}:
        # The nationality of a figure counted of another side is that one fact, not also a name swapped.
        conflicts += [
            c
            for c in _entity_conflicts(article, report, context, pairs)
            if c.kind in config.kinds and not any(_inside(c, side) for side in sides)
        ]
    if "attribution" in config.kinds:
        attributions = attribution_conflicts(article, report, context, pairs) or (
            source_added_conflicts(article, report, context, pairs) if pairs else []
        )
        # A swapped source is one fact: keep the attribution, not also a name conflict inside it.
        conflicts = [c for c in conflicts if not any(_inside(c, a) for a in attributions)] + attributions
    for (a_start, a_end), (r_start, r_end) in pairs:
        a_sentence, r_sentence = article[a_start:a_end], report[r_start:r_end]
        if _is_question(a_sentence) or _is_question(r_sentence):
            continue  # a question asserts nothing: "Can Putin be trusted?" is no "Putin can be trusted"
        negations: list[Conflict] = []
        if "negation" in config.kinds:
            told = _denied_in_partners(article, report, pairs, (a_start, a_end), (r_start, r_end))
            negations = [_shift(c, a_start, r_start) for c in _negation_conflicts(a_sentence, r_sentence, *told)]
            negations += [_shift(c, a_start, r_start) for c in _copular_denials(a_sentence, r_sentence)]
            negations += [_shift(c, a_start, r_start) for c in membership_conflicts(a_sentence, r_sentence)]
            negations += [_shift(c, a_start, r_start) for c in _belief_denied(a_sentence, r_sentence)]
            if negations:
                spans = ((a_start, a_end), (r_start, r_end))
                negations = _unless_affirmed_in_partners(article, report, pairs, *spans, negations)
            conflicts += negations
        if "place" in config.kinds:
            conflicts += [_shift(c, a_start, r_start) for c in _country_in_same_frame(a_sentence, r_sentence)]
            conflicts += [_shift(c, a_start, r_start) for c in holder_conflicts(a_sentence, r_sentence)]
        if "detail" in config.kinds:
            conflicts += [_shift(c, a_start, r_start) for c in transfer_conflicts(a_sentence, r_sentence)]
        if "attribution" in config.kinds:
            conflicts += [_shift(c, a_start, r_start) for c in _one_side_for_both(a_sentence, r_sentence)]
        if config.kinds & {"number", "date"}:
            scoped = scope_conflicts(a_sentence, r_sentence)
            conflicts += [_shift(c, a_start, r_start) for c in scoped if c.kind in config.kinds]
        if "date" in config.kinds:
            conflicts += [_shift(c, a_start, r_start) for c in order_conflicts(a_sentence, r_sentence)]
            conflicts += [_shift(c, a_start, r_start) for c in _deadline_for_eventually(a_sentence, r_sentence)]
            conflicts += [_shift(c, a_start, r_start) for c in phase_conflicts(a_sentence, r_sentence)]
            starts = since_conflicts(a_sentence, r_sentence, context.article_text, context.report_text)
            conflicts += [_shift(c, a_start, r_start) for c in starts]
        if "detail" in config.kinds:
            conflicts += [_shift(c, a_start, r_start) for c in _condition_conflicts(a_sentence, r_sentence, article)]
        if "negation" in config.kinds:
            conflicts += [_shift(c, a_start, r_start) for c in _condition_waived(a_sentence, r_sentence)]
        if config.kinds & {"detail", "place"}:
            details = detail_conflicts(a_sentence, r_sentence, context.article_text or article)
            conflicts += [_shift(c, a_start, r_start) for c in details if c.kind in config.kinds]
        if config.kinds & {"direction", "negation"}:
            # The direction lexicon also finds denied abilities ("unable" / "managed"), reported as negations.
            directions = [
                _shift(c, a_start, r_start)
                for c in _direction_conflicts(a_sentence, r_sentence)
                if c.kind in config.kinds
            ]
            if "direction" in config.kinds:
                directions += [_shift(c, a_start, r_start) for c in _swapped_ends(a_sentence, r_sentence)]
                directions += [_shift(c, a_start, r_start) for c in _advantage_conflicts(a_sentence, r_sentence)]
            # "accepted" / "refused to accept" is one fact: the negation, not also a direction inside it.
            conflicts += [d for d in directions if not any(_overlapping(d, n) for n in negations)]
    a_disputed, r_disputed = _disputed_claims(article), _disputed_claims(report)
    if a_disputed or r_disputed:
        conflicts = [
            c for c in conflicts if not within(c.article_span, a_disputed) and not within(c.report_span, r_disputed)
        ]
    unique = _deduplicate(conflicts)
    return ClaimCheck(DIVERGE if unique else AGREE, tuple(unique))


# A fact check's claim and its rating: "Claim: markets fell after the talks. Rating: False." The claim is
# what someone else says; the text asserts it only where the rating finds it true.
_CLAIM_LABEL = re.compile(r"(?:^|(?<=[\n.!?>]\s)|(?<=\n))(?:the\s+|viral\s+)?claim\s*:\s*", re.IGNORECASE)
_RATING = re.compile(r"\b(?:our\s+)?(?:rating|verdict|ruling)\s*:\s*(?P<rating>[\w-]+(?:\s+[\w-]+)?)", re.IGNORECASE)
_TRUE_RATINGS = re.compile(r"(?:true|accurate|correct|right|mostly\s+(?:true|accurate|correct))\b", re.IGNORECASE)


@lru_cache(maxsize=1024)
def _disputed_claims(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of claims ``text`` rates as other than true ("Claim: Russia has explained what its war aims
    mean. Rating: False."): reported, not asserted, so no conflict is drawn inside them. A claim counts only
    with its rating given in the same paragraph, before the next claim."""
    found = []
    labels = list(_CLAIM_LABEL.finditer(text))
    for label, following in zip(labels, [*labels[1:], None], strict=False):
        end = following.start() if following is not None else len(text)
        paragraph_end = text.find("\n\n", label.end(), end)
        rating = _RATING.search(text, label.end(), paragraph_end if paragraph_end >= 0 else end)
        if rating is not None and not _TRUE_RATINGS.match(rating.group("rating")):
            found.append((label.start(), rating.start()))
    return tuple(found)


# What a claim holds only for as long as: "so long as its troops continue to occupy Ukrainian territory".
_CONDITION = re.compile(r"\b(?:(?:so|as)\s+long\s+as|unless|until)\s+(?P<clause>[^,.;:!?—–()\"“”]+)", re.IGNORECASE)


# A country in the middle of a frame of words: "because Russia decides it", "how severe Ukraine's combat losses".
_FRAMED = re.compile(r"\b([a-z]+)\s+([A-Z][a-z]+)(['’]s)?\s+([a-z]+)\s+([a-z]+)\b")


@lru_cache(maxsize=4096)
def _frames(sentence: str) -> dict[tuple[str, str, str, str], re.Match[str]]:
    """The frames of words around a country's name in ``sentence`` (see :func:`_country_in_same_frame`)."""
    return {(m.group(1), m.group(3) or "", m.group(4), m.group(5)): m for m in _FRAMED.finditer(sentence)}


def _country_in_same_frame(article: str, report: str) -> list[Conflict]:
    """One country for another in the same frame of words in paired sentences: the word before and the two
    after alike, one of them a word of content ("a conflict that freezes because Russia decides it doesn't
    want to fight" / "because Ukraine decides it no longer wants to fight"; "how severe Ukraine's combat
    losses have been" / "how severe Russia's combat losses have been")."""
    frames = _frames(article)
    if not frames:
        return []
    conflicts = []
    for m in _frames(report).values():
        key = (m.group(1), m.group(3) or "", m.group(4), m.group(5))
        a = frames.get(key)
        if a is None or not any(w not in _STOPWORDS for w in (key[0], key[2], key[3])):
            continue
        a_name, r_name = a.group(2), m.group(2)
        # Two countries, not their capitals for them ("Ukraine's proposal" / "Kyiv's proposal") nor their
        # peoples ("that Russian soldiers had" / "that Ukrainian soldiers had", told of other soldiers), unless
        # a word of content stands before: "a former Canadian diplomat who" / "a former British diplomat who"
        # is one person's nationality.
        if not other_governments((a_name,), (r_name,)) or (
            key[0] in _STOPWORDS
            and any(NATIONALITY_ENDING.search(n) or irregular_country_adjective((n,)) for n in (a_name, r_name))
        ):
            continue
        a_word = Word(a_name, a.start(2), a.end(2))
        r_word = Word(r_name, m.start(2), m.end(2))
        conflicts.append(Conflict.between("place", a_word, r_word, f"{a_name} vs {r_name}: another country"))
    return conflicts


def _condition_conflicts(article: str, report: str, article_link: str) -> list[Conflict]:
    """A condition of another thing: "opposed to a ceasefire so long as its troops continue to occupy
    Ukrainian territory" / "so long as Vladimir Putin remains in the Kremlin". Only where the two conditions
    share no word of content and the report's names someone or something the article's linked text does
    not ("as long as Russian forces remain in the country" may be the article's troops in other words)."""
    a_match, r_match = _CONDITION.search(article), _CONDITION.search(report)
    if a_match is None or r_match is None:
        return []
    a_clause, r_clause = a_match.group("clause").strip(), r_match.group("clause").strip()
    if content_stems(a_clause) & content_stems(r_clause):
        return []
    link_names = _name_words(article_link)
    new = [e for e in find_entities(r_clause, frozenset()) if not e.named_in(link_names)]
    if not new:
        return []
    a_word = Word(a_clause, a_match.start("clause"), a_match.start("clause") + len(a_clause))
    r_word = Word(r_clause, r_match.start("clause"), r_match.start("clause") + len(r_clause))
    return [Conflict.between("detail", a_word, r_word, f"{a_clause} vs {r_clause}: a different condition")]


# "Eventually" sets no time; a deadline does: "before the summer is out", "by the end of the year", "within
# weeks".
_EVENTUALLY = re.compile(r"\b(?:eventually|in\s+the\s+end|sooner\s+or\s+later|in\s+the\s+long\s+run)\b", re.I)
_DEADLINE = re.compile(
    r"\b(?:before|by)\s+(?:the\s+end\s+of\s+)?(?:the\s+|this\s+|next\s+)?"
    r"(?:summer|spring|autumn|winter|year|month|week|new\s+year|christmas)(?:\s+is\s+out|\s+ends)?\b"
    r"|\bwithin\s+(?:(?:a|the\s+next|the\s+coming)\s+)?(?:few\s+)?(?:days|weeks|months|year)\b",
    re.I,
)


_EVENTUALLY_WORDS = frozenset({"eventually", "end", "sooner", "run"})


def _deadline_for_eventually(article: str, report: str) -> list[Conflict]:
    """One side says a thing will happen eventually, the other by a deadline: "expect their military will
    eventually prevail" / "expect their military to beat Russia before the summer is out" (kind ``date``).
    The few words before each must share one of content: the same thing is timed."""
    if not any(_EVENTUALLY_WORDS & _words_by_lower(text).keys() for text in (article, report)):
        return []  # most sentence pairs: nothing said of "eventually" at all
    for source, other, forward in ((article, report, True), (report, article, False)):
        someday, deadline = _EVENTUALLY.search(source), _DEADLINE.search(other)
        if someday is None or deadline is None or _EVENTUALLY.search(other) or _DEADLINE.search(source):
            continue
        if not words_before(source, someday.start(), 5) & words_before(other, deadline.start(), 5):
            continue  # "the company will eventually drop" / "a solution should arrive by the end of the year"
        open_ended = Word(someday.group(), someday.start(), someday.end())
        bound = Word(deadline.group(), deadline.start(), deadline.end())
        a, r = (open_ended, bound) if forward else (bound, open_ended)
        return [Conflict.between("date", a, r, f"{a.text} vs {r.text}: one sets no time, the other a deadline")]
    return []


# What holds whatever happens: "would stay suspicious even if every Russian soldier left their soil".
_EVEN_IF = re.compile(
    r"\b(?:even\s+if|even\s+when|even\s+after|regardless\s+of\s+whether)\s+(?P<clause>[^,.;:!?—–()\"“”]+)",
    re.IGNORECASE,
)


def _condition_waived(article: str, report: str) -> list[Conflict]:
    """One side holds a thing only on a condition, the other whatever happens to it: "suspicious ... as long
    as Russian troops remain on their soil" / "would stay suspicious even if every Russian soldier left their
    soil" (kind ``negation``: the condition is denied). The two clauses must share a word of content."""
    if not any("even" in _words_by_lower(text) or "regardless" in _words_by_lower(text) for text in (article, report)):
        return []  # no waiver on either side
    conflicts = []
    for source, other, forward in ((article, report, True), (report, article, False)):
        condition, waiver = _CONDITION.search(source), _EVEN_IF.search(other)
        if condition is None or waiver is None:
            continue
        if not content_stems(condition.group("clause")) & content_stems(waiver.group("clause")):
            continue
        held = Word(condition.group().strip(), condition.start(), condition.start() + len(condition.group().strip()))
        waived = Word(waiver.group().strip(), waiver.start(), waiver.start() + len(waiver.group().strip()))
        a, r = (held, waived) if forward else (waived, held)
        conflicts.append(Conflict.between("negation", a, r, f"“{a.text}” vs “{r.text}”: a condition waived"))
    return conflicts


# A change from one state to another: "transition from defence to offence".
_FROM_TO = re.compile(r"\bfrom\s+(?:the\s+)?([a-z][\w-]*)\s+(?:to|into)\s+(?:the\s+)?([a-z][\w-]*)")


def _swapped_ends(article: str, report: str) -> list[Conflict]:
    """A change told the other way round: "from defence to offence" / "from offence to defence"."""
    conflicts = []
    for a in _FROM_TO.finditer(article):
        a_from, a_to = stem(a.group(1)), stem(a.group(2))
        if a_from == a_to:
            continue
        for r in _FROM_TO.finditer(report):
            if stem(r.group(1)) == a_to and stem(r.group(2)) == a_from:
                reason = f"“{a.group()}” vs “{r.group()}”: the change told the other way round"
                conflicts.append(Conflict("direction", a.group(), r.group(), a.span(), r.span(), reason))
                break
    return conflicts


# Who says it: both parties, or one alone. "With both sides suggesting there had been progress" / "only the
# Russian side was actually talking about progress".
# "Both sides", or both named: "Both Russia and Ukraine emerged ... suggesting progress".
_BOTH_SIDES = re.compile(
    r"\b(?i:both)\s+(?:(?i:sides|delegations|parties|camps|governments|teams)\b|[A-Z][\w-]*\s+and\s+[A-Z][\w-]*)"
)
_ONE_SIDE = re.compile(
    r"\bonly\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)?(?:side|delegation|party|camp|government|team)\b"
    r"|\bonly\s+(?:the\s+)?(?:[A-Z][\w-]*)(?=\s+(?:was|were|is|are|has|had|said|says|claimed|claims|spoke|talked))"
)


def _one_side_for_both(article: str, report: str) -> list[Conflict]:
    """One side says both parties said it, the other that only one did."""
    for source, other, forward in ((article, report, True), (report, article, False)):
        both, one = _BOTH_SIDES.search(source), _ONE_SIDE.search(other)
        if both is None or one is None or _BOTH_SIDES.search(other) or _ONE_SIDE.search(source):
            continue
        a, r = (both, one) if forward else (one, both)
        reason = f"“{a.group()}” vs “{r.group()}”: said by both sides, or by one"
        return [Conflict("attribution", a.group(), r.group(), a.span(), r.span(), reason)]
    return []


# To whose advantage something is: "weighted in Russia's favour" (+) / "weighted heavily against Moscow" (-).
_IN_FAVOUR = re.compile(
    r"\bin\s+(?:the\s+)?([A-Z][\w-]*)['’]s?\s+favou?r\b|\bin\s+favou?r\s+of\s+(?:the\s+)?([A-Z][\w-]*)"
)
_AGAINST = re.compile(
    r"\b(?:weighted|tilted|stacked|skewed|biased|loaded|rigged|slanted)(?:\s+[a-z]+ly)?\s+against\s+(?:the\s+)?"
    r"([A-Z][\w-]*)"
)


@lru_cache(maxsize=4096)
def _advantages(text: str) -> tuple[tuple[str, int, re.Match[str]], ...]:
    """Each party ``text`` says something favours (+1) or is weighted against (-1), with its match."""
    # Kept per sentence (read only): the article's sentences are paired with every report's.
    found = [(m.group(1) or m.group(2), 1, m) for m in _IN_FAVOUR.finditer(text)]
    return tuple(found + [(m.group(1), -1, m) for m in _AGAINST.finditer(text)])


def _advantage_conflicts(article: str, report: str) -> list[Conflict]:
    """One side says something favours a party, the other that it is weighted against the same party; or
    both say it favours the party, one heavily and the other slightly (kind ``number``)."""
    a_found = _advantages(article)
    r_found = _advantages(report) if a_found else ()
    for a_party, a_sign, a_match in a_found:
        for r_party, r_sign, r_match in r_found:
            if not (same_name(a_party, r_party) or speaks_for_government((a_party,), (r_party,))):
                continue
            if a_sign != r_sign:
                a_text, r_text = a_match.group(), r_match.group()
                party = a_party if a_sign > 0 else r_party
                reason = f"“{a_text}” vs “{r_text}”: one says it favours {party}, the other that it works against them"
                return [Conflict("direction", a_text, r_text, a_match.span(), r_match.span(), reason)]
            a_lean, r_lean = _lean(article, a_match), _lean(report, r_match)
            if a_lean and r_lean and a_lean[1] != r_lean[1]:
                # "heavily weighted in Russia's favour" / "tilted only slightly in Moscow's favour": how much
                reason = f"“{a_lean[0].text}” vs “{r_lean[0].text}”: favoured by a different degree"
                return [Conflict.between("number", a_lean[0], r_lean[0], reason)]
    return []


# How far something leans, in the few words before the party it favours.
_STRONGLY = {"heavily", "strongly", "overwhelmingly", "massively", "hugely", "decisively", "firmly", "greatly"}
_SLIGHTLY = {"slightly", "marginally", "mildly", "somewhat", "barely", "modestly"}


def _lean(text: str, match: re.Match[str]) -> tuple[Word, int] | None:
    """The word of degree among the four before an advantage ("heavily weighted in Russia's favour"), with +1
    for a strong lean and -1 for a slight one; None where no such word stands there."""
    offset = max(0, match.start() - 50)
    for w in reversed(words(text[offset : match.start()])[-4:]):
        if w.lower in _STRONGLY or w.lower in _SLIGHTLY:
            return Word(w.text, w.start + offset, w.end + offset), 1 if w.lower in _STRONGLY else -1
    return None


def _overlapping(a: Conflict, b: Conflict) -> bool:
    def meet(x: tuple[int, int], y: tuple[int, int]) -> bool:
        return x[0] < y[1] and y[0] < x[1]

    return meet(a.article_span, b.article_span) and meet(a.report_span, b.report_span)


# Words that open a question asking for a fact the question itself takes as given: "Which alliance did they
# say Ukraine would remain free to join?" tells that they said Ukraine would remain free to join one.
_WH_WORDS = {"which", "what", "who", "whom", "whose", "where", "when", "how"}


def _ends_asking(sentence: str) -> bool:
    """Whether ``sentence`` ends on a question mark, before any closing quote or bracket."""
    return sentence.rstrip().rstrip("\"'”’)").endswith("?")


def _is_question(sentence: str) -> bool:
    """Whether ``sentence`` asks whether something is so, and so asserts nothing: "Can Putin be trusted?".
    A question that asks which, what or how many takes its content as given and is no such question."""
    if not _ends_asking(sentence):
        return False
    clause = re.split(r"[.:;!]\s", sentence.rstrip())[-1]  # the question itself, after "Q8." or a lead-in
    first = next((w.lower for w in words(clause) if w.text[:1].isalpha()), "")
    return first not in _WH_WORDS and first not in ("for", "in", "from", "with", "by", "to", "of", "on", "at")


def _inside(conflict: Conflict, outer: Conflict) -> bool:
    a, r, oa, orr = conflict.article_span, conflict.report_span, outer.article_span, outer.report_span
    return conflict.kind != "number" and ((oa[0] <= a[0] and a[1] <= oa[1]) or (orr[0] <= r[0] and r[1] <= orr[1]))


def _shift(conflict: Conflict, a_offset: int, r_offset: int) -> Conflict:
    a, r = conflict.article_span, conflict.report_span
    return Conflict(
        conflict.kind,
        conflict.article,
        conflict.report,
        (a[0] + a_offset, a[1] + a_offset),
        (r[0] + r_offset, r[1] + r_offset),
        conflict.reason,
    )


def _deduplicate(conflicts: list[Conflict]) -> list[Conflict]:
    seen: set[tuple[str, tuple[int, int], tuple[int, int]]] = set()
    out = []
    for c in conflicts:
        key = (c.kind, c.article_span, c.report_span)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


# --- what sentences share (the pairing itself: parallax.core.sentence_pairs) --------------------


def _same_subject(article: str, a_offset: int, report: str, r_offset: int, least: int = 2, forms: bool = False) -> bool:
    """Whether the sentences at the two offsets share ``least`` words of content: two figures of one
    unit in sentences about other things ("over 20 years of experience", "a discount for three
    months") are two facts, not one fact told two ways. With ``forms``, words that open with the same five
    letters count as one word too ("retaking" / "retaken")."""
    a_stems, r_stems = _stems_at(article, a_offset), _stems_at(report, r_offset)
    if a_stems is None or r_stems is None:
        return True
    shared = {s for s in a_stems & r_stems if not s[:1].isdigit()}
    if len(shared) >= least:
        return True
    if not forms:
        return False
    # A verb in another form the stemmer leaves apart ("retaking" / "retaken"): its first five letters.
    a_heads = {s[:5] for s in a_stems - shared if len(s) >= 5 and not s[:1].isdigit()}
    r_heads = {s[:5] for s in r_stems - shared if len(s) >= 5 and not s[:1].isdigit()}
    return len(shared) + len(a_heads & r_heads) >= least


def _stems_at(text: str, offset: int) -> frozenset[str] | None:
    """The content stems of the sentence at ``offset``, with those of the question it answers where the
    sentence before asks one ("For how many years has Putin ruled Russia? ANSWER: Twelve years.")."""
    spans, bags = sentence_bags(text)
    at = next((k for k, (start, end) in enumerate(spans) if start <= offset < end), None)
    if at is None:
        return None
    if at > 0 and _ends_asking(text[spans[at - 1][0] : spans[at - 1][1]]):
        return bags[at].stems | bags[at - 1].stems
    return bags[at].stems


# --- numbers and dates --------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _dates(text: str) -> tuple[DateMention, ...]:
    # Kept per text: the article's paragraphs are read for every report they link with.
    return tuple(find_dates(text))


# A date stamped on a post with its time ("— Kettlewell (talk) 10:02, 31 March 2022 (UTC)", "Posted
# 31 March 2022, 10:02 GMT") says when someone wrote, not when anything happened.
_TIME_BEFORE = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*,?\s*$", re.IGNORECASE)
_TIME_AFTER = re.compile(r"^\s*,?\s*(?:\d{1,2}:\d{2}\b|\(?(?:UTC|GMT|CET|CEST|EET|EEST|BST|EST|EDT|PST|PDT)\b)")
# A wire story's dateline, the day it was filed: "KELSBY, Oct. 14 (Coastline Wire) —" dates no event.
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[^\S\n]*[A-Z][A-Z.'’ -]{1,40},[^\S\n]*$")
# A story named by its day of publication: "the Eastmarch Wire report of 6 March", "an article dated 6 March".
_PUBLISHED_BEFORE = re.compile(
    r"\b(?:report|article|story|dispatch|bulletin|edition|piece|release)\s+(?:of|dated|published(?:\s+on)?)\s+(?:the\s+)?$"
    r"|\bpublished\s+on\s+$",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _event_dates(text: str) -> tuple[DateMention, ...]:
    """The dates of ``text`` that may date an event: not a post's time stamp, a wire story's dateline, nor
    the day a story named as such came out."""
    return tuple(
        d
        for d in _dates(text)
        if not _TIME_BEFORE.search(text[max(0, d.start - 14) : d.start])
        and not _TIME_AFTER.match(text[d.end : d.end + 12])
        and not _DATELINE_BEFORE.search(text[max(0, d.start - 48) : d.start])
        and not _PUBLISHED_BEFORE.search(text[max(0, d.start - 40) : d.start])
    )


@lru_cache(maxsize=4096)
def _quantities(text: str) -> tuple[Quantity, ...]:
    """The figures of ``text`` outside its dates, and the shares of a group it gives in words."""
    return tuple(find_quantities(text, [(d.start, d.end) for d in _dates(text)])) + tuple(find_shares(text))


# Counts of people caught up in one event. Where both sides give the very same figure, "30,000 to
# 40,000 Russian soldiers" and "30,000 to 40,000 dead" are one fact, though their nouns differ.
_PEOPLE_UNITS = frozenset({"soldier", "people", "civilian", "dead", "death", "kill", "casualti", "wound", "injur"})


# A name with a number in it: "SARS-CoV-2", "F-16", "MH17", "mRNA-1345" (letters, maybe a hyphen, digits).
_DESIGNATION = re.compile(r"\b(?P<stem>[A-Za-z][A-Za-z-]*?[A-Za-z])-?(?P<number>\d+)\b")


@lru_cache(maxsize=64)
def _designations(text: str) -> frozenset[str]:
    """The designations a text gives, lower-cased (the article's whole text is asked for every link)."""
    return frozenset(m.group().lower() for m in _DESIGNATION.finditer(text))


def _designation_conflicts(article: str, report: str, article_document: str) -> list[Conflict]:
    """The same designation with another number ("SARS-CoV-2" / "SARS-CoV-4"), when the article's whole
    text never gives the report's."""
    known = _designations(article_document)
    by_stem: dict[str, list[re.Match[str]]] = {}
    for m in _DESIGNATION.finditer(article):
        by_stem.setdefault(m.group("stem").lower(), []).append(m)
    conflicts = []
    for r in _DESIGNATION.finditer(report):
        if r.group().lower() in known:
            continue
        a_matches = [a for a in by_stem.get(r.group("stem").lower(), []) if a.group("number") != r.group("number")]
        if a_matches:
            a = a_matches[0]
            reason = f"{a.group()} vs {r.group()}: another number in the name"
            conflicts.append(Conflict("number", a.group(), r.group(), a.span(), r.span(), reason))
    return conflicts


def _one_count(a: Quantity, r: Quantity, same_figure: bool) -> bool:
    """Whether two figures may count one thing: the same unit, or people in other words ("soldiers",
    "deaths") where the figure or a range's first figure is the same."""
    return (
        a.unit == r.unit
        or (same_figure and a.unit in _PEOPLE_UNITS and r.unit in _PEOPLE_UNITS)
        or _one_estimate_of_people(a, r)
    )


def _one_estimate_of_people(a: Quantity, r: Quantity) -> bool:
    """Two ranges of people from the same first figure: "between 7,000 and 15,000 Russian soldiers" /
    "Russian military deaths at between 7,000 and 17,000"."""
    return (
        a.stated_range
        and r.stated_range
        and a.unit in _PEOPLE_UNITS
        and r.unit in _PEOPLE_UNITS
        and abs(a.low - r.low) <= 0.01 * max(a.low, r.low)
    )


def _number_conflicts(article: Sequence[Quantity], report: Sequence[Quantity]) -> list[Conflict]:
    """Figures paired one to one, each with its counterpart on the other side; a pair that cannot agree conflicts.

    Pairs are taken in this order: the same figure stated on both sides, then two limits of one kind
    ("up to 15 years", "up to ten years"), then figures that agree, then the rest, nearest in size
    first. So "as many as 25,000 soldiers killed" meets "between 7,000 and 15,000 killed" once the
    "30,000 to 40,000" both sides give are paired with each other, whatever their order.
    """
    candidates: list[tuple[int, float, int, int]] = []
    for i, a in enumerate(article):
        for j, r in enumerate(report):
            if a.ordinal != r.ordinal:
                continue
            same_figure = _same_figure(a, r)
            if not _one_count(a, r, same_figure):
                continue
            if same_figure:
                order = 0
            elif a.bound and a.bound == r.bound:
                order = 1
            else:
                order = 2 if a.overlaps(r) else 3
            candidates.append((order, abs(_log_centre(a) - _log_centre(r)), i, j))
    conflicts = []
    used_article: set[int] = set()
    used_report: set[int] = set()
    restated: set[int] = set()  # article figures the report also gives unchanged
    for order, _, i, j in sorted(candidates):
        if i in used_article or j in used_report:
            continue
        used_article.add(i)
        used_report.add(j)
        if order == 0:
            restated.add(i)
        a, r = article[i], report[j]
        if (a.unit == r.unit or _one_estimate_of_people(a, r)) and not a.overlaps(r):
            conflicts.append(
                Conflict.between("number", a, r, f"{a.text} vs {r.text}: the figures cannot both be right")
            )
    # A report may give one figure twice, once changed: "up to 15 years" in a closing list, "up to five
    # years" in its paragraph on the talks. The changed one, a limit of the same kind as the article's,
    # is paired with it too (the caller keeps it only when the two sentences share their subject).
    for j, r in enumerate(report):
        if j in used_report or not r.bound:
            continue
        a_index = next(
            (
                i
                for i in sorted(restated)
                if article[i].unit == r.unit and article[i].bound == r.bound and not article[i].overlaps(r)
            ),
            None,
        )
        if a_index is not None:
            a = article[a_index]
            conflicts.append(
                Conflict.between("number", a, r, f"{a.text} vs {r.text}: the figures cannot both be right")
            )
    return sorted(conflicts, key=lambda c: c.report_span)


# The nationality a figure counts, before its noun: "15,000 Russian soldiers".
_COUNTED_NATIONALITY = re.compile(r"\b([A-Z][\w'’-]+)\s+[a-z]+$")


def _figures_of_another_side(article: Sequence[Quantity], report: Sequence[Quantity]) -> list[Conflict]:
    """The same figure of the same thing, counted of another nation: "between 7,000 and 15,000 Russian
    soldiers have been killed" / "between 7,000 and 15,000 Ukrainian soldiers had been killed"."""
    conflicts = []
    for a in article:
        a_nation = _counted_nation(a)
        if a_nation is None:
            continue
        for r in report:
            r_nation = _counted_nation(r)
            if (
                r_nation is not None
                and a.unit == r.unit
                and _same_figure(a, r)
                and not same_name(name_key(a_nation), name_key(r_nation))
            ):
                conflicts.append(
                    Conflict.between("person", a, r, f"{a.text} vs {r.text}: the same figure of another side")
                )
                break
    return conflicts


def _counted_nation(q: Quantity) -> str | None:
    """The nationality whose people or things ``q`` counts ("Russian" in "15,000 Russian soldiers")."""
    found = _COUNTED_NATIONALITY.search(q.text)
    if found is None:
        return None
    word = found.group(1)
    return word if nationality_word(name_key(word)) or irregular_country_adjective((word,)) else None


# "one collective treaty", "a single deal": one of a thing, against "a series of treaties" on the other side.
# "One" is too often a determiner to be a figure by itself ("one top official"), so it is read only where
# the other side counts the same noun as several.
_SINGLE_CUES = {"one", "single", "sole", "only"}
_NOT_SINGLE_AFTER = {"than", "least", "no", "any", "each", "every", "the", "this", "that"}
_SEVERAL = re.compile(r"(?:several|a series of|a string of|a handful of|a few|a number of|multiple)\s", re.I)
_NOT_BETWEEN = {"of", "or", "and", "to", "more", "other", "another", "in", "by", "at"}


# One of a thing for each of others is several: "one treaty with each country", "one envoy per capital".
_EACH_AFTER = re.compile(r"\s+(?:with|for|per|in|to)?\s*(?:each|every|per)\b", re.IGNORECASE)


def _singles(text: str, noun: str) -> Iterator[Word]:
    """The spans of ``text`` that count one ``noun`` (a stem): "one collective treaty", "a single deal"."""
    tokens = words(text)
    for k, token in enumerate(tokens):
        if token.lower not in _SINGLE_CUES:
            continue
        if token.lower == "only" and (k == 0 or tokens[k - 1].lower != "the"):
            continue  # "the only option left"; not "only two options", "not only"
        if token.lower in ("single", "sole") and (k == 0 or tokens[k - 1].lower != "a"):
            continue  # "single" and "sole" only after "a": not "single-handed", "the sole survivor"
        start = tokens[k - 1] if token.lower != "one" else token
        if token.lower == "one" and k > 0 and tokens[k - 1].lower in _NOT_SINGLE_AFTER:
            continue  # "more than one", "at least one", "no one", "the one treaty that"
        for j in range(k + 1, min(len(tokens), k + 4)):
            following = tokens[j]
            if re.search(r"[^\s]", text[tokens[j - 1].end : following.start]):
                break  # "one, two", "one-off": a mark between
            if stem(following.lower) == noun and following.lower == following.text:
                if not _EACH_AFTER.match(text, following.end):
                    yield Word(text[start.start : following.end], start.start, following.end)
                break
            if following.lower in _NOT_BETWEEN or not following.text.isalpha() or not following.text.islower():
                break


def _one_against_several(
    article: str, report: str, article_figures: Sequence[Quantity], report_figures: Sequence[Quantity]
) -> list[Conflict]:
    """One of a thing on one side, several of the same on the other: "a series of bilateral treaties" /
    "one collective treaty"."""
    conflicts = []
    sides = ((article_figures, article, report, True), (report_figures, report, article, False))
    for several_side, several_text, single_text, forward in sides:
        # A vague several only: "46 arrests" may hold "one arrest"; "one week" is seven days.
        severals: list[Word | Quantity] = [q for q in several_side if _SEVERAL.match(q.text)]
        severals += _some_plurals(several_text)
        for q in severals:
            # The noun counted: the last word, or a plural before a word the figure's reading took in with it
            # ("several options open").
            counted = words(q.text)
            nouns = [stem(counted[-1].lower)] + [
                stem(w.lower) for w in counted[1:-1] if w.lower.endswith("s") and stem(w.lower) != w.lower
            ]
            single = next((found for noun in nouns for found in _singles(single_text, noun)), None)
            if single is not None:
                a, r = (q, single) if forward else (single, q)
                conflicts.append(Conflict.between("number", a, r, f"{a.text} vs {r.text}: one against several"))
        if severals:
            continue
        # "Only one opinion poll" insists on the count: against the bare plural ("Opinion polls have shown").
        # Bare: "6 months" is a figure, weighed as one.
        singles = _only_one(single_text)
        if not singles:
            continue
        plurals = {
            stem(w.lower): w
            for w in words(several_text)
            if w.lower[-1:] == "s"
            and w.lower not in _NOT_PLURAL
            and not any(q.start <= w.start < q.end for q in several_side)
        }
        for single in singles:
            plural = plurals.get(stem(words(single.text)[-1].lower))
            if plural is not None and plural.lower != stem(plural.lower):
                a, r = (plural, single) if forward else (single, plural)
                conflicts.append(Conflict.between("number", a, r, f"{a.text} vs {r.text}: one against several"))
                break
    return conflicts


def _some_against_many(
    article: str, report: str, article_figures: Sequence[Quantity], report_figures: Sequence[Quantity]
) -> list[Conflict]:
    """Some of a thing on one side, dozens or more of it on the other: "retaking some towns" / "retaking
    dozens of towns". "Some" is a few; a figure given ("some 40 towns") is weighed as a figure."""
    conflicts = []
    for some_text, figures, forward in ((article, report_figures, True), (report, article_figures, False)):
        many = [q for q in figures if q.rough and _VAGUE_MANY.match(q.text)]
        for some in _some_plurals(some_text) if many else ():
            noun = stem(words(some.text)[-1].lower)
            q = next((q for q in many if stem(words(q.text)[-1].lower) == noun), None)
            if q is not None:
                a, r = (some, q) if forward else (q, some)
                conflicts.append(Conflict.between("number", a, r, f"{a.text} vs {r.text}: a few against many"))
                break
    return conflicts


def _few_against_many(article: str, report: str) -> list[Conflict]:
    """Many of a group on one side, a handful or a few of it on the other: "many other longtime
    Russia-watchers" / "a handful of veteran Russia-watchers". The group is the same plural noun, within
    three words of each."""
    for many_text, few_text, forward in ((article, report, True), (report, article, False)):
        many = _counted_vaguely(many_text, _MANY_OF)
        few = _counted_vaguely(few_text, _FEW_OF) if many else ()
        for m_word, m_noun in many:
            f_word = next((f for f, noun in few if noun == m_noun), None)
            if f_word is not None:
                a, r = (m_word, f_word) if forward else (f_word, m_word)
                return [Conflict.between("number", a, r, f"{a.text} vs {r.text}: many against a few")]
    return []


_MANY_OF = re.compile(r"\b(?:[Mm]any|[Nn]umerous|[Cc]ountless|[Ss]cores\s+of)\s+")
_FEW_OF = re.compile(r"\b(?:[Aa]\s+handful[\s\-–—]+of|(?:[Oo]nly\s+)?[Aa]\s+few)\s+")
_GROUP_AFTER = re.compile(r"(?:[\w-]+\s+){0,2}?([a-z][\w-]*[^\Wsu]s)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _counted_vaguely(text: str, counted: re.Pattern[str]) -> tuple[tuple[Word, str], ...]:
    """Each group ``counted`` counts in ``text`` without a figure, as its words and the stem of its noun."""
    # The article's texts are read for every report they link with.
    found = []
    for m in counted.finditer(text):
        group = _GROUP_AFTER.match(text, m.end())
        if group is not None and not any(w.lower in _STOPWORDS for w in words(group.group(0))):
            found.append((Word(text[m.start() : group.end()], m.start(), group.end()), stem(group.group(1).lower())))
    return tuple(found)


# Many of a thing told without a figure: "dozens of towns", "hundreds of", "thousands of", "tens of thousands".
_VAGUE_MANY = re.compile(r"(?:dozens|hundreds|thousands|tens|millions)\s+of\b", re.IGNORECASE)


# A count of one insisted on: "only one opinion poll", "just a single survey"; not "not a single".
_ONLY_ONE = re.compile(r"\b(?:[Oo]nly|[Jj]ust)\s+(?:one|a\s+single)\b")


@lru_cache(maxsize=4096)
def _only_one(text: str) -> tuple[Word, ...]:
    # An article's texts are read for every report they link with.
    return tuple(_insisting_on_one(text))


def _insisting_on_one(text: str) -> Iterator[Word]:
    """The spans of ``text`` that insist on one of a thing, from the cue to each word of the noun phrase
    after it: "only one opinion", "only one opinion poll"."""
    matches = list(_ONLY_ONE.finditer(text))
    tokens = words(text) if matches else []
    for match in matches:
        after = [w for w in tokens if w.start >= match.end()][:4]
        for following in after:
            # A compound may open with a name ("one other veteran Russia-watcher"); "other" adds one more.
            head = following.text.rsplit("-", 1)[-1]
            if (
                not head.isalpha()
                or not head.islower()
                or (following.lower in _NOT_BETWEEN and following.lower != "other")
            ):
                break
            yield Word(text[match.start() : following.end], match.start(), following.end)


# "some successful counterattacks": a few of a thing, told without a figure. Not "some 40 people", "some of".
_SOME_PLURAL = re.compile(r"\b[Ss]ome\s+(?:([a-z][\w-]*)\s+)??([a-z][\w-]*[^\Wsu]s)\b")


# Nouns in -s the stemmer folds though they count nothing: "some news" is no "one new ...".
_NOT_PLURAL = {"news", "means", "series", "species", "politics", "economics", "headquarters", "whereabouts"}


@lru_cache(maxsize=1024)
def _some_plurals(text: str) -> tuple[Word, ...]:
    """The spans of ``text`` that count a plural noun as "some": "some successful counterattacks"."""
    found = []
    for match in _SOME_PLURAL.finditer(text):
        between, noun = match.group(1), match.group(2)
        if between in _STOPWORDS:
            continue  # "some people have towns": a verb between, the plural is no noun "some" counts
        if stem(noun) != noun and noun not in _NOT_PLURAL:  # the stemmer folds a plural ("counterattacks")
            found.append(Word(match.group(0), match.start(), match.end()))
    return tuple(found)


_LONG_LIMIT = 10 * 365.25  # a limit of time this long or longer (ten years, in days) is distinctive


def _distinctive(q: Quantity) -> bool:
    """A figure unlikely to recur by chance in one text: a sum of money, a thousand and more, a range
    stated as such ("4.8% to 6.6%") or a figure with decimals ("12.8%")."""
    if q.unit == "time":
        # "up to fifteen years" is as unlikely to recur by chance as a range is.
        return q.stated_range or (q.bound == "max" and q.high >= _LONG_LIMIT)
    return (
        q.unit in ("$", "€", "£")
        or q.high >= 1000
        or q.stated_range
        or any(not float(v).is_integer() for v in (q.low, q.high))
    )


def _given_in(figure: Quantity, figures: Sequence[Quantity]) -> bool:
    """Whether ``figures`` hold ``figure`` itself: the same unit, the same values."""
    return any(q.unit == figure.unit and _same_figure(q, figure) for q in figures)


def _same_figure(a: Quantity, r: Quantity, tolerance: float = 0.01) -> bool:
    # Relative to the figures themselves: a dividend of $0.13 is not one of $0.14.
    scale = max(abs(a.high), abs(r.high), 1e-9)
    return abs(a.low - r.low) <= tolerance * scale and abs(a.high - r.high) <= tolerance * scale


def _log_centre(q: Quantity) -> float:
    return math.log10(max(1e-9, (q.low + q.high) / 2))


def _date_conflicts(
    article: Sequence[DateMention],
    report: Sequence[DateMention],
    article_text: str = "",
    report_text: str = "",
    pairs: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
) -> list[Conflict]:
    """Dates of one kind that share no value; where they share one, a date on each side that the other lacks,
    after the same words ("in March ... after repairs in April" / "in March ... after repairs in September")
    or alone of its kind in sentences that tell much the same ("The plant, opened in 1987, employs 240" /
    "The plant has been in operation since 1978")."""
    conflicts = []
    for category in ("day", "weekday", "year", "month", "quarter", "relative", "ago"):
        a_list = [d for d in article if d.category == category]
        r_list = [d for d in report if d.category == category]
        if not a_list or not r_list:
            continue
        a_values, r_values = {d.value for d in a_list}, {d.value for d in r_list}
        if category == "weekday":
            a_values, r_values = _days_meant(a_values), _days_meant(r_values)
        if a_values & r_values:
            if article_text and report_text and category in ("day", "month", "year"):
                pair = next(
                    (
                        (a, r)
                        for a in a_list
                        if a.value not in r_values
                        for r in r_list
                        if r.value not in a_values
                        and (
                            words_before(article_text, a.start) & words_before(report_text, r.start)
                            or _alone_in_paired_sentences(a, r, a_list, r_list, pairs)
                        )
                    ),
                    None,
                )
                if pair is not None:
                    a, r = pair
                    conflicts.append(Conflict.between("date", a, r, f"{a.text} vs {r.text}: a different date"))
            continue
        if category == "relative" and ({"today", "tonight"} & (a_values | r_values)):
            continue  # "today" in one dateline and "this week" in another is no conflict
        a, r = a_list[0], r_list[0]
        what = "quarter" if category == "quarter" else "date"
        conflicts.append(Conflict.between("date", a, r, f"{a.text} vs {r.text}: a different {what}"))
    return conflicts


def _alone_in_paired_sentences(
    a: DateMention,
    r: DateMention,
    a_list: Sequence[DateMention],
    r_list: Sequence[DateMention],
    pairs: Sequence[tuple[tuple[int, int], tuple[int, int]]],
) -> bool:
    """Whether ``a`` and ``r`` stand in two sentences the pairing pairs, each the one date of its kind there."""
    for (a_start, a_end), (r_start, r_end) in pairs:
        if a_start <= a.start < a_end and r_start <= r.start < r_end:
            return (
                sum(1 for d in a_list if a_start <= d.start < a_end) == 1
                and sum(1 for d in r_list if r_start <= d.start < r_end) == 1
            )
    return False


def _days_meant(weekdays: set[str]) -> set[str]:
    """The weekdays named, the weekend standing for Saturday and Sunday (Saturday against Sunday still
    differs)."""
    return weekdays | {"saturday", "sunday"} if "weekend" in weekdays else weekdays


def _weekday_conflicts(article: Sequence[DateMention], report: Sequence[DateMention], year: int) -> list[Conflict]:
    """A weekday on one side, a day of the month on the other that falls on another weekday that year
    ("on Tuesday" against "on 28 March" in 2022, a Monday)."""
    conflicts = []
    for days_side, weekdays_side, forward in ((report, article, True), (article, report, False)):
        weekdays = [d for d in weekdays_side if d.category == "weekday"]
        days = [d for d in days_side if d.category == "day"]
        if not weekdays or not days or any(d.category == "day" for d in weekdays_side):
            continue
        if any(d.category == "weekday" for d in days_side):
            continue  # "on Tuesday 29 March ... published on 30 March": weekdays on both sides are weighed as such
        named = _days_meant({d.value for d in weekdays})
        for day in days:
            falls_on = _weekday_of(day, year)
            if falls_on is None or falls_on in named:
                continue
            weekday = weekdays[0]
            said = day.text if str(year) in day.text else f"{day.text} {year}"
            reason = f"{weekday.text} vs {day.text}: {said} was a {falls_on.capitalize()}"
            a, r = (weekday, day) if forward else (day, weekday)
            conflicts.append(Conflict.between("date", a, r, reason))
            break
    return conflicts


def _weekday_of(day: DateMention, year: int) -> str | None:
    """The weekday a day of the month ("30 March") fell on in ``year``; None for no such day."""
    month, number = (int(part) for part in day.value.split("-"))
    try:
        return WEEKDAYS[datetime.date(year, month, number).weekday()]
    except ValueError:
        return None


def _years_ago_conflicts(article: Sequence[DateMention], report: Sequence[DateMention], year: int) -> list[Conflict]:
    """ "Seven years ago" on one side, the one year the other side gives on the other, and they differ in
    the year the documents were written ("in 2014" / "seven years ago" in 2022)."""
    conflicts = []
    for ago_side, years_side, forward in ((report, article, True), (article, report, False)):
        agos = [d for d in ago_side if d.category == "ago"]
        years = {d.value for d in years_side if d.category == "year"}
        if not agos or len(years) != 1 or any(d.category == "ago" for d in years_side):
            continue
        given = next(d for d in years_side if d.category == "year")
        ago = agos[0]
        if str(year - int(ago.value)) in years:
            continue
        reason = f"{given.text} vs {ago.text}: {year - int(ago.value)}, written in {year}"
        a, r = (given, ago) if forward else (ago, given)
        conflicts.append(Conflict.between("date", a, r, reason))
    return conflicts


# --- names and speakers -------------------------------------------------------------------------


@lru_cache(maxsize=1024)
def _name_words(text: str) -> NameIndex:
    """The capitalised words of ``text``, indexed (the article's whole text is asked about for every link)."""
    # Straight from the pattern: whole documents come here, and no other caller wants their tokens.
    # An abbreviation also gives the words it stands for: "U.K." names the entity "United Kingdom".
    return NameIndex(k for w in WORD.findall(text) if w[:1].isupper() for k in {w, *name_keys(w)})


@lru_cache(maxsize=64)
def _known_words(article_text: str, report_text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Words either document writes in lower case, and words either capitalises inside a sentence."""
    vocabulary = lowercase_vocabulary(article_text) | lowercase_vocabulary(report_text)
    return vocabulary, capitalised_inside(article_text) | capitalised_inside(report_text)


def _entity_conflicts(
    article: str, report: str, context: ClaimContext, pairs: list[tuple[tuple[int, int], tuple[int, int]]]
) -> list[Conflict]:
    """Names that the word diff replaces by a name the other side never mentions, in paired sentences."""
    vocabulary, names = _known_words(context.article_text, context.report_text)
    # A capital named by its country ("the Ukrainian capital") is the city.
    a_entities = _with_capitals(
        article, _without_labels(article, find_entities(article, vocabulary, names)), context.article_text
    )
    r_entities = _with_capitals(
        report, _without_labels(report, find_entities(report, vocabulary, names)), context.report_text
    )
    if not a_entities or not r_entities:
        return []
    a_names, r_names = _name_words(article), _name_words(report)
    # A name the article gives only in its boilerplate (a video caption) is no part of its story.
    article_doc_names = _name_words(context.article_prose or context.article_text or article)
    conflicts = []
    unmatched: list[tuple[list[Entity], list[Entity]]] = []  # per replacement: names missing, names new
    for deleted, inserted in _replacements(article, report):
        a_replaced = [e for e in a_entities if e.start < deleted[1] and deleted[0] < e.end]
        r_replaced = [e for e in r_entities if e.start < inserted[1] and inserted[0] < e.end]
        for a in a_replaced:
            other = next(
                (r for r in r_replaced if _other_given_name(a.keys, r.keys) and paired(a.start, r.start, pairs)), None
            )
            if other is not None:
                conflicts.append(Conflict.between("person", a, other, f"{a.text} vs {other.text}: a different person"))
        # A country the report names by its capital ("Ukraine said" / "Kyiv proposed") is not missing.
        a_missing = [
            e
            for e in a_replaced
            if not e.named_in(r_names)
            and not is_generic(e.keys)
            and not (stands_for_government(e.keys) and has_city_named(e.keys, r_names))
            and not adjective_of_named_country(e.keys, r_names)  # "a British think-tank", "Britain's"
        ]
        r_new = [
            e
            for e in r_replaced
            if not e.named_in(a_names)
            and not e.named_in(article_doc_names)
            and not (e.kind == "place" and has_city_named(e.keys, article_doc_names))
            and not adjective_of_named_country(e.keys, article_doc_names)  # "the Turkish round", "in Turkey"
        ]
        conflicts += _a_place_named_only_by_its_adjective(article, report, a_replaced, a_missing, r_new)
        # A place the article names elsewhere may stand in for this one when the report never names this
        # one at all: "a government-held corner of the Donetsk region" for "a Ukrainian-controlled region of
        # Luhansk" (the article names Donetsk in another paragraph). A report naming it only in a list
        # ("the regions of Donetsk and Luhansk") has not named it for this slot.
        # Only regions and cities: a capital or a country stands for a government ("Moscow and Kyiv").
        r_elsewhere: list[Entity] | None = None  # found only when a place goes missing
        unmatched_missing: list[Entity] = []
        for a in a_missing:
            candidates = r_new
            if (
                a.kind == "place"
                and not stands_for_government(a.keys)
                and not _named_outside_lists(a, context.report_text or report)
            ):
                if r_elsewhere is None:
                    r_elsewhere = [
                        e
                        for e in r_replaced
                        if e.kind == "place"
                        and not e.named_in(a_names)
                        and e not in r_new
                        and not stands_for_government(e.keys)
                    ]
                # A nationality stands against a nationality or a country, not a city ("a British think-tank"
                # / "originally from Lviv").
                candidates = r_new + (
                    [e for e in r_elsewhere if _a_nation(e)] if irregular_country_adjective(a.keys) else r_elsewhere
                )
            elif a.kind == "place" and not stands_for_government(a.keys):
                # Named elsewhere in the report, a place still has one put in its stead where the same words
                # stand before both: "the status of the Crimean Peninsula" / "the status of the Donbas".
                candidates = r_new + [
                    e
                    for e in r_replaced
                    if e.kind in ("place", "entity")
                    and e not in r_new
                    and not e.named_in(a_names)
                    and not stands_for_government(e.keys)
                    and not _a_nation(e)
                    and _same_words_before(article, a.start, report, e.start)
                ]
            # Where the diff replaces a long stretch, the name it swaps is the one in the paired sentence.
            # A source one side adds ("Lviv, my cousin Halya says, has become ...") stands for no country the
            # other side names outside a source.
            partner = next(
                (
                    r
                    for r in candidates
                    if _compatible(a.kind, _kind_in(r, context.report_text or report))
                    and not _named_otherwise(r, article)
                    and not _source_for_a_country(article, a, report, r)
                    and (
                        _may_stand_for(a, r, context, pairs)
                        or _origins_of_one_person(article, a, report, r, a_entities, r_entities, context)
                    )
                ),
                None,
            )
            if partner is None:
                unmatched_missing.append(a)
                continue
            if partner in r_new:
                r_new.remove(partner)
            elif r_elsewhere is not None and partner in r_elsewhere:
                r_elsewhere.remove(partner)
            kind = _conflict_kind(a.kind, partner.kind)
            conflicts.append(Conflict.between(kind, a, partner, f"{a.text} vs {partner.text}: a different {kind}"))
        conflicts += _swapped_before_same_word(article, report, context, pairs, a_replaced, r_replaced, r_new)
        conflicts += _a_place_for_the_city(article, deleted, report, pairs, r_new)
        unmatched.append((unmatched_missing, r_new))
    conflicts += _swapped_in_same_slot(article, report, context, pairs, unmatched)
    conflicts += _a_person_for_a_group(article, report, pairs, unmatched)
    conflicts += _another_agent(article, report, context, pairs, a_entities, r_entities, conflicts)
    return conflicts + _swapped_elsewhere(article, report, context, pairs, a_entities, r_entities, conflicts)


def _a_place_named_only_by_its_adjective(
    article: str, report: str, a_replaced: list[Entity], a_missing: list[Entity], r_new: list[Entity]
) -> list[Conflict]:
    """A country the report names only by its adjective elsewhere ("Ukrainian ground forces") is not named for a
    slot in which the report puts another country after the same words: "Russia's military in Ukraine" / "in
    Syria". A partner found here is taken out of ``r_new``."""
    conflicts: list[Conflict] = []
    countries = [r for r in r_new if len(r.keys) == 1 and stands_for_government(r.keys)]
    if not countries:
        return conflicts  # the usual case: no new country to put in a slot
    for a in a_replaced:
        if a in a_missing or len(a.keys) != 1 or not stands_for_government(a.keys) or nationality_word(a.keys[0]):
            continue  # a country's own name only, not its adjective
        if re.search(rf"\b{re.escape(a.keys[0])}\b(?!\w)", report):
            continue  # the report gives the name itself
        partner = next(
            (
                r
                for r in countries
                if other_governments(a.keys, r.keys)  # two countries, not a city for its country
                and _same_words_before(article, a.start, report, r.start)
                and not _named_otherwise(r, article)
            ),
            None,
        )
        if partner is not None:
            r_new.remove(partner)
            countries.remove(partner)
            conflicts.append(Conflict.between("place", a, partner, f"{a.text} vs {partner.text}: a different place"))
    return conflicts


# A city the article speaks of without naming it here, after a preposition: "the Russian push on the city".
_THE_CITY = re.compile(
    r"\b(?P<preposition>on|in|at|to|into|from|near|around|towards|toward|outside)\s+"
    r"(?P<city>the\s+(?:city|capital|town|port))\b"
)


def _a_place_for_the_city(
    article: str,
    deleted: tuple[int, int],
    report: str,
    pairs: list[tuple[tuple[int, int], tuple[int, int]]],
    r_new: list[Entity],
) -> list[Conflict]:
    """A city the article never names put where the article says "the city", after the same preposition: "the
    Russian push on the city" / "Russia's drive on Odesa". Whatever city the article means, it is not one it
    never names. ``r_new`` loses the place used."""
    the_city = _THE_CITY.search(article, *deleted)
    if the_city is None:
        return []
    said = Word(the_city.group("city"), the_city.start("city"), the_city.end("city"))
    preposition = the_city.group("preposition")
    for r in r_new:
        # An unknown name too ("Odesa" is in no list), but after the same preposition: "on Odesa".
        if (
            r.kind in ("place", "entity")
            and not _a_nation(r)
            and report[: r.start].rstrip().rsplit(None, 1)[-1:] == [preposition]
            and paired(said.start, r.start, pairs)
        ):
            r_new.remove(r)
            return [Conflict.between("place", said, r, f"{said.text} vs {r.text}: the article never names {r.text}")]
    return []


_OPEN_BRACKET = re.compile(r"\s*\(\s*")
_CLOSE_BRACKET = re.compile(r"\s*\)")


def _without_labels(text: str, entities: list[Entity]) -> list[Entity]:
    """``entities`` less the names that only label a person in brackets ("Marta Kowalczyk (Kraków)", "Ann
    Lee (Reuters)"): where the person is from or works says nothing about the event."""
    labels = {
        id(e)
        for person, e in itertools.pairwise(entities)
        if person.kind == "person"
        and _OPEN_BRACKET.fullmatch(text, person.end, e.start)
        and _CLOSE_BRACKET.match(text, e.end)
    }
    return [e for e in entities if id(e) not in labels] if labels else entities


# Names in a list: "Donetsk and Luhansk", "Kharkiv, Sumy or Chernihiv".
_NAME_LIST = re.compile(r"\b[A-Z][\w'’-]+(?:,\s+[A-Z][\w'’-]+)*,?\s+(?:and|or)\s+[A-Z][\w'’-]+")


def _same_words_before(article: str, a_start: int, report: str, r_start: int, least: int = 3) -> bool:
    """Whether the ``least`` words right before each name are the same words, one of them a common noun or
    verb, in one clause: "the status of the" Crimean Peninsula / Donbas. Not a name's words ("117th Street
    in" Queens / South Richmond Hill: a borough and a neighbourhood in it)."""
    a_before = _clause_words_before(article, a_start)[-least:]
    r_before = _clause_words_before(report, r_start)[-least:]
    return (
        len(a_before) == least
        and [stem(w.lower) for w in a_before] == [stem(w.lower) for w in r_before]
        and any(
            w.lower not in _STOPWORDS and w.text.isalpha() and w.text.islower() and len(w.text) > 3 for w in a_before
        )
    )


def _clause_words_before(text: str, start: int) -> list[Word]:
    """The words before ``start`` in its clause, up to 80 characters back."""
    return words(re.split(r"[,;:.!?()—–\"“”]", text[max(0, start - 80) : start])[-1])


def _named_outside_lists(entity: Entity, text: str) -> bool:
    """Whether ``text`` names ``entity`` other than in a list of names ("Donetsk and Luhansk")."""
    # Most texts never name it at all: the whole text's index answers that; only a text that does is
    # searched for the entity's own words.
    index = _name_words(text)
    if not entity.named_in(index):
        return False
    lists = _name_lists(text)
    # Each word of the text that names the entity (another spelling too: "Kiev" for "Kyiv"), where it stands.
    return any(
        not any(start <= m.start() < end for start, end in lists)
        for key in entity.keys
        for matched in index.matching(key)
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(matched)}(?:['’]s)?(?![\w-])", text, re.IGNORECASE)
    )


@lru_cache(maxsize=64)
def _name_lists(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of ``text``'s lists of names."""
    return tuple(m.span() for m in _NAME_LIST.finditer(text))


def _a_nation(entity: Entity) -> bool:
    """Whether ``entity`` names a country, its government or its people ("Australian", "Canada", "Moscow")."""
    return (
        stands_for_government(entity.keys)
        or irregular_country_adjective(entity.keys)
        or all(nationality_word(k) for k in entity.keys)
    )


def _source_for_a_country(article: str, a: Entity, report: str, r: Entity) -> bool:
    """Whether one side names a country where the other names a person as the source it adds ("support for
    Ukraine cutting a deal" / "Lviv, my cousin Halya says, ..."): a source added, not the country changed."""
    for country, country_text, person, person_text in ((a, article, r, report), (r, report, a, article)):
        if (
            person.kind == "person"
            and stands_for_government(country.keys)
            and _credited(person_text, person)
            and not _credited(country_text, country)
        ):
            return True
    return False


_SAYS_AFTER = re.compile(r"\s*(?:says|said|tells|told|adds|added|writes|wrote|recalls|recalled)\b")


def _credited(text: str, entity: Entity) -> bool:
    """Whether ``text`` credits ``entity`` with a statement: a speaker it finds, or a name right before a
    reporting verb ("my cousin Halya says", where "my" keeps the speaker scan away)."""
    return _SAYS_AFTER.match(text, entity.end) is not None or any(
        s.start <= entity.start and entity.end <= s.end for s in find_speakers(text)
    )


def _with_capitals(text: str, entities: list[Entity], document: str = "") -> list[Entity]:
    """``entities`` with each capital named by its country as that city ("the Ukrainian capital" for "Kyiv"),
    in place of the country's adjective inside it, and each bare "the capital" as the city ``document``
    names as its capital."""
    described = capital_descriptions(text) + bare_capitals(text, document)
    if not described:
        return entities
    kept = [e for e in entities if not any(e.start < c.end and c.start < e.end for c in described)]
    return sorted(kept + described, key=lambda e: e.start)


def _swapped_in_same_slot(
    article: str,
    report: str,
    context: ClaimContext,
    pairs: list[tuple[tuple[int, int], tuple[int, int]]],
    unmatched: list[tuple[list[Entity], list[Entity]]],
) -> list[Conflict]:
    """A name the report never gives and a name the article never gives, after the same words, in paired
    sentences, where the word diff put them in different replacements.

    "says Rob Lee, a senior fellow at the Foreign Policy Research Institute" against "Rob Lee, a senior
    fellow at the Brookings Institution, says": the report moved the clause, so the diff pairs the
    names with other words; the words before each ("senior fellow") say they fill one slot.
    """
    missing = [(i, a) for i, (names, _) in enumerate(unmatched) for a in names]
    new = [(i, r) for i, (_, names) in enumerate(unmatched) for r in names]
    conflicts, used = [], set()
    for i, a in missing:
        before = words_before(article, a.start)
        if not before:
            continue
        partner = next(
            (
                r
                for j, r in new
                if j != i  # one replacement's names were weighed by the general rule
                and id(r) not in used
                and _compatible(a.kind, r.kind)
                and (words_before(report, r.start) == before or (_an_origin(article, a) and _an_origin(report, r)))
                and not _named_otherwise(r, context.article_text or article)
                and _may_stand_for(a, r, context, pairs)
            ),
            None,
        )
        if partner is not None:
            used.add(id(partner))
            kind = _conflict_kind(a.kind, partner.kind)
            conflicts.append(Conflict.between(kind, a, partner, f"{a.text} vs {partner.text}: a different {kind}"))
    return conflicts


# Words that may stand between a name and the act it did: "Russian forces bombed", "Ukraine has established".
_AGENT_HEADS = {
    "forces", "troops", "army", "soldiers", "militia", "militias", "fighters", "government", "military",
    "officials", "authorities",
}  # fmt: skip
_AGENT_AUXILIARIES = {"has", "have", "had", "also", "then", "later", "itself", "himself", "herself", "themselves"}
# An act told in the past: "bombed", "established", "launched" (a form in -ed, so no noun or adjective).
_PAST_ACT = re.compile(r"[a-z]{3,}ed")


# Prepositions after which a name is no doer ("of" is none: "the militia of the Luhansk People's Republic bombed").
_NOT_AN_AGENT_AFTER = {
    "in", "at", "from", "near", "into", "outside", "around", "across", "toward", "towards", "via", "off", "on",
    "to", "for", "with", "over", "under", "against", "between", "through", "within", "about", "like", "than",
}  # fmt: skip


@lru_cache(maxsize=1024)
def _agents(text: str, entities: tuple[Entity, ...]) -> tuple[tuple[str, Entity, Word], ...]:
    """The acts a name does in ``text``, as (verb family, name, verb): "before Russian forces bombed his
    home", "the separatist militia of the Luhansk People's Republic bombed", "a reality established by
    NATO"."""
    tokens = words(text)
    starts, ends = [w.start for w in tokens], [w.end for w in tokens]
    found = []
    for entity in entities:
        opening = [
            w.lower for w in tokens[max(0, bisect_right(ends, entity.start) - 2) : bisect_right(ends, entity.start)]
        ]
        if opening and opening[-1] in ("the", "so-called"):
            opening = opening[:-1]
        if opening and opening[-1] in _NOT_AN_AGENT_AFTER:
            continue  # "an earthquake off Aceh triggered": a place the act happened by, not its doer
        after = bisect_left(starts, entity.end)
        j = after
        if j < len(tokens) and tokens[j].lower in _AGENT_HEADS:
            j += 1
        while j < len(tokens) and tokens[j].lower in _AGENT_AUXILIARIES:
            j += 1
        if (
            j < len(tokens)
            and _PAST_ACT.fullmatch(tokens[j].text)
            and not re.search(r"[^\w\s'’]", text[entity.end : tokens[j].start])
        ):
            found.append((verb_family(stem(tokens[j].lower)), entity, tokens[j]))
            continue
        # The passive's agent: "established by NATO", "bombed by the separatist militia".
        before = tokens[max(0, bisect_right(ends, entity.start) - 3) : bisect_right(ends, entity.start)]
        if before and before[-1].lower == "the":
            before = before[:-1]
        if (
            len(before) >= 2
            and before[-1].lower == "by"
            and _PAST_ACT.fullmatch(before[-2].text)
            and not re.search(r"[^\w\s]", text[before[-2].start : entity.start])
        ):
            found.append((verb_family(stem(before[-2].lower)), entity, before[-2]))
    return tuple(found)


def _another_agent(
    article: str,
    report: str,
    context: ClaimContext,
    pairs: list[tuple[tuple[int, int], tuple[int, int]]],
    a_entities: list[Entity],
    r_entities: list[Entity],
    found: list[Conflict],
) -> list[Conflict]:
    """Another name doing the same act in paired sentences, where neither side's linked text names the other's:
    "before Russian forces bombed his home" / "before the separatist militia of the Luhansk People's Republic
    bombed his house", "the reality that Ukraine has established" / "a reality established by NATO"."""
    conflicts: list[Conflict] = []
    all_a_acts = _agents(article, tuple(a_entities))
    all_r_acts = _agents(report, tuple(r_entities)) if all_a_acts else ()
    if not all_r_acts:
        return []
    for a_span, r_span in pairs:
        a_acts = [act for act in all_a_acts if a_span[0] <= act[1].start < a_span[1]]
        r_acts = [act for act in all_r_acts if r_span[0] <= act[1].start < r_span[1]]
        for a_verb, a, _ in a_acts:
            for r_verb, r, _ in r_acts:
                if a_verb != r_verb or not _compatible(a.kind, r.kind):
                    continue
                if (
                    _fully_named(a, report)
                    or _fully_named(r, article)
                    or any(_overlap_conflict(c, a, r) for c in found)
                ):
                    continue  # both sides name both: told in another order, or already weighed
                if (
                    any(same_name(x, y) for x in a.keys for y in r.keys)  # "Ukraine" / "UA"
                    or same_body(a.keys, r.keys)
                    or speaks_for_government(a.keys, r.keys)
                    or country_and_adjective(a.keys, r.keys)
                    or city_in_country(a.keys, r.keys)
                    or city_in_country(r.keys, a.keys)
                    # A person may be the body named beside them ("Russia's top negotiator, Vladimir Medinsky");
                    # two bodies or places near each other are still two ("Russian forces" in Luhansk).
                    or ("person" in (a.kind, r.kind) and aliases(a.keys, r.keys, context))
                ):
                    continue
                kind = _conflict_kind(a.kind, r.kind)
                conflicts.append(Conflict.between(kind, a, r, f"{a.text} vs {r.text}: another {kind} did it"))
    return _deduplicate(conflicts)


def _fully_named(entity: Entity, text: str) -> bool:
    """Whether ``text`` names every word of ``entity``'s name: "Luhansk" alone does not name the "Luhansk
    People's Republic"."""
    return all(re.search(rf"\b{re.escape(key)}", text) for key in entity.keys)


def _overlap_conflict(conflict: Conflict, a: Entity, r: Entity) -> bool:
    """Whether ``conflict`` already covers name ``a`` or name ``r``."""
    return (conflict.article_span[0] < a.end and a.start < conflict.article_span[1]) or (
        conflict.report_span[0] < r.end and r.start < conflict.report_span[1]
    )


# People named by what they are, in the plural: "met reporters afterwards" says whom, as a name would.
_GROUPS = {"reporters", "journalists", "officials", "generals", "commanders", "diplomats", "negotiators", "ministers"}


def _a_person_for_a_group(
    article: str,
    report: str,
    pairs: list[tuple[tuple[int, int], tuple[int, int]]],
    unmatched: list[tuple[list[Entity], list[Entity]]],
) -> list[Conflict]:
    """A person the article never names, where the article names a group after the same words: "Medinsky met
    reporters afterwards" / "Medinsky met UN Secretary-General António Guterres after the session"."""
    conflicts = []
    for _, new in unmatched:
        for r in new:
            if r.kind not in ("person", "organisation") or len(r.keys) < 2:
                continue  # "UN Secretary-General António Guterres" is read as a body by its "UN"
            before = words_before(report, r.start)
            if not before:
                continue
            sentence = sentence_at(report, r.start).lower()
            group = next(
                (
                    w
                    for w in words(article)
                    if w.lower in _GROUPS
                    and paired(w.start, r.start, pairs)
                    and words_before(article, w.start) == before
                    and w.lower not in sentence
                ),
                None,
            )
            if group is not None:
                reason = f"{group.text} vs {r.text}: a name in place of a group"
                conflicts.append(Conflict.between(r.kind, group, r, reason))
    return conflicts


# Where someone comes from, said in any of these ways: "who's originally from Lviv", "a native of Kharkiv",
# "born in Odesa", "the Lviv-born analyst". Two origins in paired sentences fill one slot.
_ORIGIN_BEFORE = re.compile(
    r"(?:originally\s+(?:from|of)|natives?\s+of|born\s+(?:and\s+(?:raised|bred)\s+)?in|grew\s+up\s+in|"
    r"raised\s+in|hails?\s+from|hailing\s+from|comes?\s+from|came\s+from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _an_origin(text: str, entity: Entity) -> bool:
    """Whether ``entity`` is named as where someone comes from."""
    return _ORIGIN_BEFORE.search(text, max(0, entity.start - 40), entity.start) is not None or text.startswith(
        "-born", entity.end
    )


def _origins_of_one_person(
    article: str,
    a: Entity,
    report: str,
    r: Entity,
    a_entities: list[Entity],
    r_entities: list[Entity],
    context: ClaimContext,
) -> bool:
    """Whether ``a`` and ``r`` are where one person comes from, in sentences the pairing may not join: each
    named as an origin ("who's originally from Lviv" / "She is a native of Kharkiv herself"), and each side's
    linked text naming one person only, the same one."""
    if not (_an_origin(article, a) and _an_origin(report, r)):
        return False
    if same_body(a.keys, r.keys) or city_in_country(a.keys, r.keys) or city_in_country(r.keys, a.keys):
        return False
    a_people = {e.keys[-1] for e in a_entities if e.kind == "person" and not stands_for_government(e.keys)}
    r_people = {e.keys[-1] for e in r_entities if e.kind == "person" and not stands_for_government(e.keys)}
    return len(a_people) == len(r_people) == 1 and same_name(name_key(*a_people), name_key(*r_people))


def _may_stand_for(
    a: Entity, r: Entity, context: ClaimContext, pairs: list[tuple[tuple[int, int], tuple[int, int]]]
) -> bool:
    """Whether report name ``r`` may have been put where the article says ``a``: in the paired sentence,
    and not the same body, an alias, a city of that country, or an institution for a place."""
    return (
        paired(a.start, r.start, pairs)
        and not same_body(a.keys, r.keys)
        and not aliases(a.keys, r.keys, context, namesakes=_namesakes(a, r, context))
        and not city_in_country(a.keys, r.keys)
        and not _institution_for_place(a, r)
    )


def _swapped_elsewhere(
    article: str,
    report: str,
    context: ClaimContext,
    pairs: list[tuple[tuple[int, int], tuple[int, int]]],
    a_entities: list[Entity],
    r_entities: list[Entity],
    found: list[Conflict],
) -> list[Conflict]:
    """A person or an outlet put in another's place, in paired sentences, wherever the word diff puts the
    two. A person: a surname changed and the given name kept ("said Danilo Blizniuk" / "Danilo Hrytsenko,
    a chemical engineer, ... he said"), or another person in the same role ("Russia's top negotiator in
    Turkey, Vladimir Medinsky, met reporters" / "Roman Abramovich, Russia's chief negotiator in Turkey, met
    the press"). An outlet: another after the same word ("... told CBC News" / "Lutsevych told Deutsche
    Welle that ..."). The article's one goes unnamed in the whole report, the report's in the whole
    article; ``found`` holds the conflicts already drawn."""
    r_people = [r for r in r_entities if r.kind == "person" and len(r.keys) >= 2]
    a_people = [
        a
        for a in a_entities
        if a.kind == "person"
        and len(a.keys) >= 2
        and any(_one_given_name(a, r) or _same_role(article, a, report, r) for r in r_people)
    ]
    r_outlets = [r for r in r_entities if r.kind == "publication"]
    # An outlet's slot is the word before it ("told"): one without a word before has no slot to compare.
    outlet_before = {
        (a.start, a.end): before
        for a in a_entities
        if a.kind == "publication" and (before := words_before(article, a.start, most=1))
    }
    a_outlets = [a for a in a_entities if (a.start, a.end) in outlet_before]
    if not (a_people or (a_outlets and r_outlets)):
        return []  # the usual case, settled before any document is read

    def unnamed_elsewhere(a: Entity, r: Entity) -> bool:
        # Read last: the whole documents' names are indexed only for a pair that fits otherwise.
        return not a.named_in(_name_words(context.report_text or report)) and not r.named_in(
            _name_words(context.article_text or article)
        )

    def same_person_slot(a: Entity, r: Entity) -> bool:
        return (_namesakes(a, r, context) or _same_role(article, a, report, r)) and paired(a.start, r.start, pairs)

    def same_outlet_slot(a: Entity, r: Entity) -> bool:
        same_word = words_before(report, r.start, most=1) == outlet_before[(a.start, a.end)]
        return same_word and paired(a.start, r.start, pairs)

    def person_fits(a: Entity, r: Entity) -> bool:
        return same_person_slot(a, r) and unnamed_elsewhere(a, r)

    def outlet_fits(a: Entity, r: Entity) -> bool:
        return same_outlet_slot(a, r) and unnamed_elsewhere(a, r)

    people = _first_fits(a_people, r_people, found, person_fits, ("person", "person"))
    return people + _first_fits(a_outlets, r_outlets, found + people, outlet_fits, ("organisation", "outlet"))


def _first_fits(
    a_names: list[Entity],
    r_names: list[Entity],
    found: list[Conflict],
    fits: Callable[[Entity, Entity], bool],
    kind_and_word: tuple[str, str],
) -> list[Conflict]:
    """For each of ``a_names`` not yet in a conflict, a conflict with the first of ``r_names`` not yet in
    one that ``fits`` it, of the kind given and its reason naming a different one of the word given."""
    kind, what = kind_and_word
    taken_a = {c.article_span for c in found}
    taken_r = {c.report_span for c in found}
    conflicts = []
    for a in a_names:
        if (a.start, a.end) in taken_a:
            continue
        r = next((r for r in r_names if (r.start, r.end) not in taken_r and fits(a, r)), None)
        if r is not None:
            taken_r.add((r.start, r.end))
            conflicts.append(Conflict.between(kind, a, r, f"{a.text} vs {r.text}: a different {what}"))
    return conflicts


_ROLE_SHARED = 2  # stems of content an apposition of the one shares with an apposition of the other
_APPOSITION_WORDS = 8  # the most words an apposition may have


def _same_role(article: str, a: Entity, r_text: str, r: Entity) -> bool:
    """Whether two people, each named in two words, stand in the same role: an apposition of each, the
    stretch between the name and the next comma or sentence end on either side ("Russia's top negotiator in
    Turkey, Vladimir Medinsky" / "Roman Abramovich, Russia's chief negotiator in Turkey,"), shares two stems
    of content or more. The two names share no word (that is one person named otherwise)."""
    if len(a.keys) != 2 or len(r.keys) != 2 or set(a.keys) & set(r.keys):
        return False
    a_roles, r_roles = _appositions(article, a), _appositions(r_text, r)
    return any(len(x & y) >= _ROLE_SHARED for x in a_roles for y in r_roles)


def _appositions(text: str, entity: Entity) -> list[set[str]]:
    """The content stems of the stretches a comma sets off right before and right after ``entity``
    ("Russia's top negotiator in Turkey, Vladimir Medinsky, met reporters")."""
    stretches = []
    before = text[max(0, entity.start - 120) : entity.start].rstrip()
    if before.endswith(","):
        stretches.append(_APPOSITION_END.split(before[:-1])[-1])
    after = text[entity.end : entity.end + 120].lstrip()
    if after.startswith(","):
        stretches.append(_APPOSITION_END.split(after[1:])[0])
    return [
        {stem(w.text) for w in found if w.lower not in _STOPWORDS and len(w.text) > 2}
        for stretch in stretches
        if 0 < len(found := words(stretch)) <= _APPOSITION_WORDS
    ]


_APPOSITION_END = re.compile(r"[,;:.!?()\"“”\n—–]")


def _one_given_name(a: Entity, r: Entity) -> bool:
    """Whether ``a`` and ``r`` read as two people of one given name and two surnames ("Danilo Blizniuk",
    "Danilo Hrytsenko")."""
    return (
        a.kind == r.kind == "person"
        and len(a.keys) == len(r.keys) == 2
        and same_name(a.keys[0], r.keys[0])
        and not same_name(a.keys[1], r.keys[1])
    )


def _namesakes(a: Entity, r: Entity, context: ClaimContext) -> bool:
    """Whether ``a`` and ``r`` are two people of one given name and two surnames ("Danilo Blizniuk",
    "Danilo Hrytsenko"), one of them quoted as a source in its document. Two title-case words are often
    no person ("Winter Olympics", "Winter Games"); a source quoted by name is one."""
    if not _one_given_name(a, r):
        return False
    return any(
        same_name(speaker.keys[-1], entity.keys[1])
        for entity, document in ((a, context.article_text), (r, context.report_text))
        for speaker in find_speakers(document)
        if speaker.keys
    )


def _swapped_before_same_word(
    article: str,
    report: str,
    context: ClaimContext,
    pairs: list[tuple[tuple[int, int], tuple[int, int]]],
    a_replaced: list[Entity],
    r_replaced: list[Entity],
    r_new: list[Entity],
) -> list[Conflict]:
    """A place for another before the same word, where the article never names the report's place.

    "The U.S.'s invasion" for "Russia's invasion", "the Mexican embassy" for "the Russian
    embassy": the report may name the article's place elsewhere, so the general rule (a
    name the other side never mentions) stays silent, but the same word after both says
    they fill one slot. ``r_new`` loses the places used.
    """
    conflicts = []
    article_text = context.article_text or article
    for r in [e for e in r_replaced if e.kind == "place" and e in r_new]:
        follows = _word_after(report, r.end)
        if follows is None or _named_otherwise(r, article_text):
            continue
        a = next(
            (
                a
                for a in a_replaced
                if a.kind in ("place", "entity")
                and _word_after(article, a.end) == follows
                and not is_generic(a.keys)
                and _may_stand_for(a, r, context, pairs)
                and not city_in_country(r.keys, a.keys)
            ),
            None,
        )
        if a is not None:
            r_new.remove(r)
            conflicts.append(Conflict.between("place", a, r, f"{a.text} vs {r.text}: a different place"))
    return conflicts


# The word right after a name: lower case, four letters or more ("embassy", "invasion", "forces").
_NEXT_WORD = re.compile(r"(?:['’]s)?\s+([a-z]{4,})\b")


def _word_after(text: str, end: int) -> str | None:
    m = _NEXT_WORD.match(text, end)
    return m.group(1) if m and m.group(1) not in _STOPWORDS else None


def _named_otherwise(entity: Entity, text: str) -> bool:
    """Whether ``text`` names a country by its adjective instead ("American" for "United States")."""
    adjective = country_adjective(entity.keys)
    return adjective is not None and re.search(rf"\b{adjective}s?\b", text, re.IGNORECASE) is not None


def _institution_for_place(a: Entity, r: Entity) -> bool:
    """An institution on one side, a place or an unknown name on the other ("Donbas" / "Ministry of
    Defence"): no swap of one for the other."""
    for one, other in ((a, r), (r, a)):
        if names_an_institution(one.keys) and other.kind not in ("organisation", "publication"):
            return True
    return False


def _other_given_name(a_keys: Sequence[str], r_keys: Sequence[str]) -> bool:
    """Two people of one surname: "Danilo Blizniuk" and "Dmytro Blizniuk", not "Vladimir"/"Volodymyr Zelensky"."""
    if len(a_keys) != 2 or len(r_keys) != 2 or not same_name(a_keys[1], r_keys[1]):
        return False
    a_given, r_given = a_keys[0], r_keys[0]
    if min(len(a_given), len(r_given)) < 3 or not (a_given.isalpha() and r_given.isalpha()):
        return False  # initials ("D. Blizniuk") and odd tokens say nothing
    a_low, r_low = a_given.lower(), r_given.lower()
    if a_low.startswith(r_low) or r_low.startswith(a_low):
        return False  # a short form: "Vlad", "Vladimir"
    if _GIVEN_NAMES.get(a_low, a_low) == _GIVEN_NAMES.get(r_low, r_low):
        return False  # a familiar form: "Bill Ingaldson" is William Ingaldson
    return name_skeleton(a_given) != name_skeleton(r_given)


# Forms of one given name that are not its first letters ("Bill" for William, "Jon" for John; "Rob" needs no
# entry, it opens "Robert"), each group read as one name.
_GIVEN_NAME_GROUPS = (
    "william bill billy", "robert bob bobby", "richard dick rick ricky", "james jim jimmy",
    "john jon jack johnny jonathan", "charles chuck", "edward ted teddy ned", "elizabeth liz beth betty libby",
    "margaret peggy maggie meg", "anthony tony", "stephen steven steve", "lawrence larry", "henry hank harry",
    "gerald jerry", "susan sue", "rebecca becky", "alexander aleksandr oleksandr sasha",
    "katherine catherine kate kathy cathy",
)  # fmt: skip
_GIVEN_NAMES = {form: group.split()[0] for group in _GIVEN_NAME_GROUPS for form in group.split()}


def _kind_in(entity: Entity, document: str) -> str:
    """The kind of ``entity``, or where its shape told none, a person where ``document`` has it act with its
    narrator: "Gareth and I argued", "the piece Gareth sent me"."""
    if entity.kind != "entity" or len(entity.keys) != 1:
        return entity.kind
    return "person" if _acts_with_the_narrator(entity.text, document) else entity.kind


@lru_cache(maxsize=1024)
def _acts_with_the_narrator(name: str, document: str) -> bool:
    # Asked for each name a report's links leave new, with the whole report each time.
    name = re.escape(name)
    pattern = rf"\b{name}\s+and\s+I\b|\b(?:I|me)\s+and\s+{name}\b|\b{name}\s+(?:[a-z]+\s+)?(?:me|us)\b"
    return re.search(pattern, document) is not None


def _compatible(a: str, b: str) -> bool:
    if "publication" in (a, b):
        return a == b  # a quoted newspaper stands for no person, place or body of the article
    return a == b or "entity" in (a, b) or {a, b} == {"place", "organisation"}


def _conflict_kind(a: str, b: str) -> str:
    if a == b == "publication":
        return "organisation"
    for kind in ("person", "organisation", "place"):
        if kind in (a, b):
            return kind
    return "place"


def _replacements(article: str, report: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Spans the word diff deletes from the article and inserts in the report at the same place."""
    runs = word_diff(article, report, DiffConfig())
    pairs = []
    for first, second in itertools.pairwise(runs):
        if {first.op, second.op} == {DELETE, INSERT}:
            deleted = first if first.op == DELETE else second
            inserted = second if second.op == INSERT else first
            pairs.append(
                (
                    (deleted.a_start, deleted.a_start + len(deleted.text)),
                    (inserted.b_start, inserted.b_start + len(inserted.text)),
                )
            )
    return pairs


# --- negation and direction ---------------------------------------------------------------------


# Verbs that negate what follows them: "refused to host" says what "would not host" says.
_REFUSALS = {
    "refus", "declin", "fail", "reject", "oppos", "avoid", "stop", "ceas", "halt", "paus", "refrain", "deny", "unabl",
}  # fmt: skip


def _negated_near(text: str, tokens: list[Word], index: int) -> bool:
    if rules_out(tokens, index):
        # "ruled out hosting" negates hosting; "no longer rule out hosting" negates the ruling out.
        return not cue_before(tokens, index - 2)
    # After the word, only its own clause: in "casualties still climbing, want no ceasefire" the
    # "no" belongs to the ceasefire.
    after: list[Word] = []
    for word in tokens[index + 1 : index + 3]:
        if any(mark in text[(after[-1] if after else tokens[index]).end : word.start] for mark in ",;:.!?—–"):
            break
        after.append(word)
    window = tokens[max(0, index - 4) : index] + after
    # "stand against agreeing a ceasefire" is "opposed to agreeing": "against" before an act denies it.
    against = index > 0 and tokens[index - 1].lower == "against" and tokens[index].lower.endswith("ing")
    # "give up joining NATO" is "not join": an act abandoned.
    given_up = (
        index > 1
        and tokens[index - 1].lower == "up"
        and tokens[index - 2].lower in _GIVING
        and tokens[index].lower.endswith("ing")
    )
    return (
        against
        or given_up
        or any(is_negation_cue(w.text) for w in window)
        or any(stem(w.text) in _REFUSALS for w in tokens[max(0, index - 3) : index])
        or _negated_before_or(text, tokens, index)
        or _under_a_denied_belief(text, tokens, index)
        or _after_a_negative_subject(text, tokens, index)
        or _beyond_doubt(tokens, index) is not None
    )


_GIVING = {"give", "gives", "gave", "given", "giving"}


# "Beyond doubt", "beyond any doubt", "beyond reasonable doubt": a doubt denied, so a certainty.
_DOUBTS = {"doubt", "doubts"}
_DOUBTING = _DOUBTS | {"doubted", "doubting", "doubtful"}
_BEFORE_DOUBT = {"any", "all", "reasonable", "a"}


def _beyond_doubt(tokens: Sequence[Word], index: int) -> int | None:
    """Where ``tokens[index]`` is the doubt of "beyond (any) doubt", the index of "beyond"; else None."""
    if tokens[index].lower not in _DOUBTS:
        return None
    k = index - 1
    while k >= 0 and index - k <= 2 and tokens[k].lower in _BEFORE_DOUBT:
        k -= 1
    return k if k >= 0 and index - k <= 3 and tokens[k].lower == "beyond" else None


_NEGATIVE_SUBJECTS = {"nobody", "noone", "none", "nothing", "neither"}


def _after_a_negative_subject(text: str, tokens: list[Word], index: int, reach: int = 7) -> bool:
    """Whether the verb at ``tokens[index]`` has a negative subject earlier in its clause: "nobody in Moscow
    has ever explained" or "no foreign armies would be stationed" denies the explaining or the stationing."""
    for k in range(index - 1, max(-1, index - 1 - reach), -1):
        if re.search(r"[,.;:!?—–]", text[tokens[k].end : tokens[k + 1].start]):
            return False
        lowered = tokens[k].lower
        if lowered in _NEGATIVE_SUBJECTS or (lowered == "one" and k > 0 and tokens[k - 1].lower == "no"):
            return True
        if lowered == "no" and not {w.lower for w in tokens[k + 1 : index]} & _NOT_IN_A_SUBJECT:
            return True  # "no foreign armies would be stationed", "would permit no foreign troops to be stationed"
    return False


# Words that end the subject a "no" opens: in "no doubt that troops were stationed" the stationing is said.
_NOT_IN_A_SUBJECT = {"that", "which", "who", "whom", "and", "but", "or", "if", "because", "unless", "longer", "doubt",
                     "matter", "sooner"}  # fmt: skip


def _under_a_denied_belief(text: str, tokens: list[Word], index: int, reach: int = 8) -> bool:
    """Whether ``tokens[index]`` stands in the clause a denied belief governs: "he doesn't believe any
    compromise is possible" says "he believes compromise is impossible"."""
    for k in range(index - 1, max(0, index - 1 - reach), -1):
        if any(mark in text[tokens[k].end : tokens[k + 1].start] for mark in ".;:!?,—–"):
            return False
        if raises_negation(tokens[k].text) and is_negation_cue(tokens[k - 1].text):
            return True
        # "He doubts Ukraine can kick out Russian forces" is "doesn't think it can"; "no doubt" is a certainty.
        if tokens[k].lower in _DOUBTING and not (k > 0 and is_negation_cue(tokens[k - 1].text)):
            return _beyond_doubt(tokens, k) is None
    return False


def _negated_before_or(text: str, tokens: list[Word], index: int) -> bool:
    """Whether the verb at ``tokens[index]`` follows "or" in a negated clause: "would not host foreign
    armies or join NATO" denies joining as it denies hosting."""
    return index > 0 and tokens[index - 1].lower == "or" and _cue_earlier_in_clause(text, tokens, index)


def _cue_earlier_in_clause(
    text: str, tokens: list[Word], index: int, reach: int = 8, breaks: str = ".;:!?", refusals: bool = True
) -> bool:
    """Whether a negation cue (or, with ``refusals``, a verb of refusal) stands among the ``reach`` words
    before ``tokens[index]`` with none of the marks ``breaks`` between."""
    for k in range(index - 1, max(-1, index - 1 - reach), -1):
        if any(mark in breaks for mark in text[tokens[k].end : tokens[k + 1].start]):
            return False
        if is_negation_cue(tokens[k].text) or (refusals and stem(tokens[k].text) in _REFUSALS):
            return True
    return False


_AUXILIARIES = {"would", "will", "could", "can", "should", "did", "does", "do", "must", "might", "may"}


def _negated_auxiliary(source: str, other: str) -> tuple[Word, Word, Word] | None:
    """ "would not be forwarding" against "would be taken": the one modal both sentences share, negated in one.

    The verbs may differ (a paraphrase); so that this stays safe, each sentence
    holds that modal once and the other sentence has no negation or refusal at all.
    Returns the modal in ``source``, its cue and the modal in ``other``.
    """
    if not _affirmative(other):
        return None
    other_words = _words_by_lower(other)
    for w, cue in _negated_modals(source):
        same_in_other = other_words.get(w.lower, ())
        # The two clauses must be about something in common: "would not block its road" says nothing
        # against "would have its security guaranteed".
        if len(same_in_other) == 1 and _clause_stems(source, cue.end) & _clause_stems(other, same_in_other[0].end):
            return w, cue, same_in_other[0]
    return None


def _clause_stems(text: str, start: int) -> set[str]:
    """The content stems of what follows a modal ("would be taken to Putin for discussion"), to the
    sentence's end: the verbs may differ in a paraphrase, what they are about is shared."""
    end = re.search(r"[.!?](?:\s|$)", text[start:])
    return content_stems(text[start : start + end.end()] if end else text[start:])


@lru_cache(maxsize=4096)
def _affirmative(text: str) -> bool:
    """Whether ``text`` holds no negation cue and no verb of refusal."""
    return not any(_denies(w) for w in words(text))


def _denies(word: Word) -> bool:
    """Whether ``word`` is a negation cue or a verb of refusal."""
    return is_negation_cue(word.text) or stem(word.text) in _REFUSALS


@lru_cache(maxsize=4096)
def _words_by_lower(text: str) -> dict[str, tuple[Word, ...]]:
    grouped: dict[str, list[Word]] = {}
    for w in words(text):
        grouped.setdefault(w.lower, []).append(w)
    return {lower: tuple(group) for lower, group in grouped.items()}


@lru_cache(maxsize=4096)
def _negated_modals(text: str) -> tuple[tuple[Word, Word], ...]:
    """Each modal that ``text`` holds once and negates right after it ("would not"), with its cue, in order."""
    text_words = words(text)
    by_lower = _words_by_lower(text)
    found = []
    for index, w in enumerate(text_words[:-1]):
        cue = text_words[index + 1]
        if w.lower in _AUXILIARIES and cue.lower in ("not", "never") and len(by_lower[w.lower]) == 1:
            found.append((w, cue))
    return tuple(found)


@lru_cache(maxsize=4096)
def _negated_stems(text: str) -> dict[str, Word]:
    # Kept per sentence (read only): the article's sentences are paired with every report's.
    return negated_stems(text)


def _denied_in_partners(
    article: str,
    report: str,
    pairs: list[tuple[tuple[int, int], tuple[int, int]]],
    a_span: tuple[int, int],
    r_span: tuple[int, int],
) -> tuple[frozenset[str], frozenset[str]]:
    """The stems the other side denies in the sentences paired with this pair's sentences: those the
    report's other partners of the article sentence deny, and those the article's other partners of the
    report sentence deny. A denial told there is told, however the paired sentence goes on: "Ukraine
    doesn't want this scenario" against "most Ukrainians want Russia to leave first. 'Ukraine doesn't
    want this scenario,' she said"."""
    by_article = frozenset(
        stem_key for a, r in pairs if a == a_span and r != r_span for stem_key in _negated_stems(report[r[0] : r[1]])
    )
    by_report = frozenset(
        stem_key for a, r in pairs if r == r_span and a != a_span for stem_key in _negated_stems(article[a[0] : a[1]])
    )
    return by_article, by_report


def _unless_affirmed_in_partners(
    article: str,
    report: str,
    pairs: list[tuple[tuple[int, int], tuple[int, int]]],
    a_span: tuple[int, int],
    r_span: tuple[int, int],
    negations: list[Conflict],
) -> list[Conflict]:
    """``negations`` less those whose denying side says the denied word plainly in another sentence paired
    with the same sentence of the other side. A text that says both has not denied the other's claim: a
    paper titled "Defence is not offence" whose abstract asks whether Ukraine "can go over from defence to
    offence", against "whether it can transition from defence to offence"."""
    kept = []
    for conflict in negations:
        # The side whose text holds a negation cue is the denying side; its partners are its other
        # sentences paired with the other side's sentence.
        # A refusal denies what follows it: "failing to capture" denies capturing.
        report_denies = any(_denial_word(w) for w in words(conflict.report))
        own, own_span, other_span = (report, r_span, a_span) if report_denies else (article, a_span, r_span)
        denied_text = conflict.report if report_denies else conflict.article
        denied = next(
            (
                verb_family(stem(w.text))
                for w in words(denied_text)
                if w.lower not in _STOPWORDS and len(w.text) > 2 and not _denial_word(w)
            ),
            None,
        )
        if denied is None:
            kept.append(conflict)
            continue
        partners = [
            own[o[0] : o[1]]
            for a, r in pairs
            for o, x in ((r, a) if report_denies else (a, r),)
            if x == other_span and o != own_span
        ]
        # Said plainly as the other side says it: beside one of the same words ("from defence to offence").
        other_text, plain_span = (article, conflict.article_span) if report_denies else (report, conflict.report_span)
        beside = _neighbours(words(other_text[max(0, plain_span[0] - 60) : plain_span[1] + 60]), denied)
        if any(_says_plainly(partner, denied, beside) for partner in partners):
            continue
        kept.append(conflict)
    return kept


def _denial_word(w: Word) -> bool:
    """Whether ``w`` is a negation cue or a refusal ("not", "never", "failing", "refused")."""
    return is_negation_cue(w.text) or stem(w.text) in _REFUSALS


def _neighbours(tokens: Sequence[Word], stem_key: str, reach: int = 3) -> set[str]:
    """The content stems within ``reach`` words of each word in ``tokens`` that ``stem_key`` stands for."""
    found: set[str] = set()
    for i, w in enumerate(tokens):
        if verb_family(stem(w.text)) == stem_key:
            found |= {
                stem(n.text)
                for n in (*tokens[max(0, i - reach) : i], *tokens[i + 1 : i + 1 + reach])
                if n.lower not in _STOPWORDS and len(n.text) > 2
            }
    return found


def _says_plainly(sentence: str, stem_key: str, beside: set[str]) -> bool:
    """Whether ``sentence`` says the word ``stem_key`` stands for without denying it, beside one of the
    stems ``beside``."""
    tokens = words(sentence)
    return any(
        verb_family(stem(w.text)) == stem_key
        and not _negated_near(sentence, tokens, i)
        and beside & _neighbours(tokens[max(0, i - 3) : i + 4], stem_key)
        for i, w in enumerate(tokens)
    )


def _negation_conflicts(
    article: str,
    report: str,
    told_by_report: frozenset[str] = frozenset(),
    told_by_article: frozenset[str] = frozenset(),
) -> list[Conflict]:
    """Conflicts of a negation in one of two paired sentences. ``told_by_report``: the stems whose denial the
    report tells in another sentence (the article's denial is told); ``told_by_article`` the same way round."""
    conflicts = []
    for source, other, forward in ((article, report, True), (report, article, False)):
        found = _negated_auxiliary(source, other)
        if found is None:
            continue
        modal, cue, other_modal = found
        if _bound_in_time(source, cue.end, sentence_at(other, other_modal.start)):
            continue
        source_span = (modal.start, _clause_end(source, cue.end))
        other_span = (other_modal.start, _clause_end(other, other_modal.end))
        negated = Word(source[slice(*source_span)], *source_span)
        plain = Word(other[slice(*other_span)], *other_span)
        conflicts.append(Conflict.negation(negated, plain) if forward else Conflict.negation(plain, negated))
    if conflicts:
        return conflicts
    for source, other, forward in ((article, report, True), (report, article, False)):
        governed = _negated_stems(source)
        other_words = words(other)
        other_governed = _negated_stems(other)
        told = told_by_report if forward else told_by_article
        for stem_key, cue in governed.items():
            if stem_key in other_governed or stem_key in told or len(stem_key) < 3:
                continue
            if stem_key in _denied_by_prefix(other):
                continue  # "has not been able to" / "has been unable to": the other side denies it too
            if _a_name_denied(source, cue, stem_key):
                continue  # "It's not Patch Tuesday", "not AMD management's words": a name set aside, no fact denied
            nominal = _nominal_predicate(source, cue)
            source_particle = _particle_after(source, cue, stem_key)
            source_object = _object_after(source, cue, stem_key) if stem_key in _LIGHT_VERBS else None
            # "don't have insurance" denies having it: only "has insurance" says otherwise, not "insurance products".
            possession = _governed_after_have(source, cue, stem_key)
            expelling = (stem_key in _OUT_VERBS and source_particle == "out") or stem_key in _EXPEL_VERBS
            family = phrasal_family(stem_key, source_particle)
            for index, w in enumerate(other_words):
                if (
                    (
                        verb_family(stem(w.text)) == stem_key
                        # "never spelled out" / "set out in detail": one act in other words
                        or (
                            family is not None and phrasal_family(stem(w.text), _particle(other_words, index)) == family
                        )
                        # "can't kick out Russian forces" / "could drive Russian forces out": one act, said
                        # plainly on the other side (not "doubts it can force them out", "nobody knows whether")
                        or (expelling and _expels(other_words, index) and _said_plainly(sentence_at(other, w.start)))
                    )
                    and not _negated_near(other, other_words, index)
                    # "Unless Russian troops withdraw" says no one withdrew: nothing for a denial to meet
                    and not in_condition(other, other_words, index)
                    and not _a_noun_in_a_denied_clause(other, other_words, index)
                    and (not nominal or _after_copula(other_words, index))
                    # "can't call it arson yet" says no more than "arson is likely" does
                    and not (_CALLED.match(source, cue.end) and _hedged(sentence_at(other, w.start)))
                    # "does not expect to lift it before Sunday" is "expects to lift it on Sunday at the earliest"
                    and not _bound_in_time(source, cue.end, sentence_at(other, w.start))
                ):
                    other_particle = _particle(other_words, index)
                    if source_particle and other_particle and source_particle != other_particle:
                        continue  # "can't push them out" says nothing against "can push back": two verbs
                    if source_object is not None and source_object != _next_content(other_words, index):
                        continue  # "never get ill" says nothing against "getting thrown out": what is got differs
                    if possession and not _after_have(other_words, index):
                        continue
                    other_names = _names_after(other, other_words, index)
                    source_names = _names_after_governed(source, cue, stem_key) if other_names else ()
                    if source_names and not _share_a_name(source_names, other_names):
                        continue  # "would not join NATO" says nothing against "joining the European Union"
                    negated_end = _phrase_end(source, cue, stem_key)
                    if _opposite_manners(source, negated_end, other, w.end):
                        continue  # "haven't gone well" / "have gone poorly": a denied opposite, the same claim
                    negated = Word(source[cue.start : negated_end], cue.start, negated_end)
                    plain_end = _with_particle(other_words, index) if source_particle else w.end
                    plain = Word(other[w.start : plain_end], w.start, plain_end)
                    conflicts.append(
                        Conflict.negation(negated, plain) if forward else Conflict.negation(plain, negated)
                    )
                    break
    return conflicts


_MODALS = {"can", "could", "will", "would", "shall", "should", "may", "might", "must"}
# A denial bounded in time, and the bound said the other way: "not ... before Sunday" / "Sunday at the earliest".
_NOT_BEFORE = re.compile(r".*\b(?:before|until|till)\b", re.IGNORECASE | re.DOTALL)
_AT_THE_EARLIEST = re.compile(r"\bat\s+the\s+(?:earliest|soonest)\b|\bno\s+(?:earlier|sooner)\s+than\b", re.I)


def _bound_in_time(source: str, cue_end: int, other_sentence: str) -> bool:
    """Whether the denial ending at ``cue_end`` bounds an act in time ("does not expect to lift it before
    Sunday") where the other side gives the bound as the earliest ("on Sunday at the earliest")."""
    return bool(
        _NOT_BEFORE.match(source, cue_end, _clause_end(source, cue_end, 10)) and _AT_THE_EARLIEST.search(other_sentence)
    )


# A belief denied, and the same belief held: "have said they do not believe Russia ever set out to
# decapitate Ukraine's leadership" / "have said they believe Russia's goal was to decapitate Ukraine's
# leadership". The denial of "believe" is said of what follows it, so the two differ only where what follows
# is one claim: four words of content shared in the next ten ("they can kick out Russian forces" and "they
# can push the Russian forces back" share two).
_BELIEF_DENIED = re.compile(r"\b(?:do|does|did)(?:\s+not|n['’]t)\s+(?P<verb>believe|think|expect)\b", re.I)
_BELIEF_HELD = re.compile(r"\b(?<!-)(?P<verb>believes?|believed|thinks?|thought|expects?|expected)\b(?!-)", re.I)
_BELIEF_SHARED = 4


# "un-" before any word ("unable", "unresolved"); "in-" and "im-" only before an adjective's ending ("incapable",
# "impossible", "incorrect"), not in "income" or "inform".
_PREFIX_DENIAL = re.compile(r"un|i[nm]\w*(?:ble|ant|ent|ete|ect|ive|al)$")


@lru_cache(maxsize=4096)
def _denied_by_prefix(text: str) -> frozenset[str]:
    """The stems ``text`` denies by a prefix: "abl" for "unable", "possibl" for "impossible"."""
    return frozenset(stem(w.lower[2:]) for w in words(text) if len(w.lower) > 5 and _PREFIX_DENIAL.match(w.lower))


def _content_after(text: str, start: int, most: int = 10) -> set[str]:
    """The stems of the words of content among the ``most`` words after ``start``."""
    return {
        stem(w.text)
        for w in words(text[start:])[:most]
        if w.lower not in _STOPWORDS and w.lower not in _MODALS and len(w.text) > 1
    }


def _belief_denied(article: str, report: str) -> list[Conflict]:
    """One side says someone does not believe (think, expect) a thing, the other that they do."""
    for source, other, forward in ((article, report, True), (report, article, False)):
        denied = _BELIEF_DENIED.search(source)
        if denied is None:
            continue
        other_words = words(other)
        after_denied = _content_after(source, denied.end())
        for held in _BELIEF_HELD.finditer(other):
            index = next(i for i, w in enumerate(other_words) if w.start == held.start())
            if stem(held.group("verb")) != stem(denied.group("verb")) or _negated_near(other, other_words, index):
                continue
            if len(after_denied & _content_after(other, held.end())) < _BELIEF_SHARED:
                continue
            if _bound_in_time(source, denied.end(), sentence_at(other, held.start())):
                continue  # "does not expect to lift it before Sunday" / "expects to lift it Sunday at the earliest"
            negated = Word(denied.group(), denied.start(), denied.end())
            plain = Word(held.group(), held.start(), held.end())
            return [Conflict.negation(negated, plain) if forward else Conflict.negation(plain, negated)]
    return []


# What a thing is said to be, or not to be: "This is a gesture for negotiation" / "It is no gesture towards
# the negotiators". The subject a pronoun or "this", the predicate a noun after at most one word.
_COPULA = r"\b(?:[Tt]his|[Tt]hat|[Ii]t|[Ii]t['’]s)\s+(?:(?:is|was)\s+)?"
_IS_A = re.compile(_COPULA + r"(?:an?|the)\s+(?:(?P<modifier>[a-z]+)\s+)??(?P<noun>[a-z]{4,})\b")
_IS_NO = re.compile(_COPULA + r"(?:no|not\s+(?:an?|the))\s+(?:(?P<modifier>[a-z]+)\s+)??(?P<noun>[a-z]{4,})\b")


def _copular_denials(article: str, report: str) -> list[Conflict]:
    """One side says what a thing is ("This is a gesture for negotiation"), the other that it is no such thing
    ("It is no gesture towards the negotiators at all"): the same noun, denied on one side only."""
    conflicts = []
    for source, other, forward in ((article, report, True), (report, article, False)):
        denied = {stem(m.group("noun")): m for m in _IS_NO.finditer(source)}
        if not denied:
            continue
        also_denied = {stem(m.group("noun")) for m in _IS_NO.finditer(other)}
        for said in _IS_A.finditer(other):
            match = denied.get(stem(said.group("noun")))
            if match is None or stem(said.group("noun")) in also_denied:
                continue
            no = Word(match.group(0), match.start(), match.end())
            yes = Word(said.group(0), said.start(), said.end())
            a, r = (no, yes) if forward else (yes, no)
            conflicts.append(Conflict.negation(a, r))
            break
    return conflicts


def _a_name_denied(text: str, cue: Word, stem_key: str) -> bool:
    """Whether the word a negation cue governs is capitalised: a name, not a verb or a thing denied. Not
    after a verb that passes the denial on ("do not expect Donbas and Crimea to be returned")."""
    tokens, start, index = _governed(text, cue, stem_key)
    if index < 0 or not tokens[index].text[:1].isupper():
        return False
    if not any(raises_negation(w.text) for w in tokens[start:index]):
        return True
    # After such a verb, a name with a modal after it is the subject of the clause whose verb is denied:
    # "does not believe Ukraine can drive the Russian forces out" denies no Ukraine.
    return index + 1 < len(tokens) and tokens[index + 1].lower in _MODALS


_COPULAS = {"is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't", "weren't"}
# A denied plural noun: "soldiers", "civilians", not "serious" or "unless" ("is not serious").
_PLURAL_NOUN = re.compile(r"[a-z]{3,}[^su]s")


def _nominal_predicate(text: str, cue: Word) -> bool:
    """Whether the negation ``cue`` denies a plural noun after a copula: "people who are not soldiers".
    Such a denial says what some people are, and only "are soldiers" says otherwise, not any mention of
    soldiers ("soldiers have been killed"). (A cue before an article governs nothing: see
    :func:`negated_stems`.)"""
    tokens = words(text)
    at = next((i for i, w in enumerate(tokens) if w.start == cue.start), None)
    if at is None or at + 1 >= len(tokens):
        return False
    is_copula = tokens[at].lower in _COPULAS or (at > 0 and tokens[at - 1].lower in _COPULAS)
    return is_copula and _PLURAL_NOUN.fullmatch(tokens[at + 1].text) is not None


def _after_copula(tokens: Sequence[Word], index: int) -> bool:
    """Whether ``tokens[index]`` follows a copula, directly or after an article ("are soldiers", "is a truce")."""
    before = [w.lower for w in tokens[max(0, index - 2) : index]]
    if before and before[-1] in ("a", "an", "the"):
        before = before[:-1]
    return bool(before) and before[-1] in _COPULAS


def _clause_end(text: str, start: int, most: int = 4) -> int:
    """The end of the next few words after ``start`` (up to punctuation): the verb phrase a modal opens."""
    end = start
    for w in words(text[start : start + 80])[:most]:
        if re.search(r"[,.;:!?]", text[end : start + w.start]):
            break
        end = start + w.end
    return end


_PARTICLES = {"out", "back", "up", "down", "off", "away"}  # adverbs only: "in", "on" are mostly prepositions
_UNCERTAIN = {"doubt", "doubts", "doubted", "whether", "if", "unless", "unclear"}


# A thing denied its name: "would not call it success", "can't call it arson".
_CALLED = re.compile(r"\s+(?:\w+\s+)?(?:call|calls|called|describe|describes|described)\s+(?:it|this|that|them)\b")
_HEDGES = {"likely", "probably", "possibly", "may", "might", "suspected", "apparent", "apparently", "seems"}


def _hedged(sentence: str) -> bool:
    """Whether ``sentence`` holds a word that says its claim is not sure: "Arson is likely"."""
    return any(w.lower in _HEDGES for w in words(sentence))


def _said_plainly(sentence: str) -> bool:
    """Whether a sentence holds no negation, refusal, doubt or condition. "Not merely" adds and denies
    nothing: "can drive Russian forces out completely, not merely push them back" says it plainly."""
    tokens = words(sentence)
    adding = {k for k, w in enumerate(tokens[:-1]) if w.lower == "not" and tokens[k + 1].lower in _ADDING}
    denied = any(_denies(w) for k, w in enumerate(tokens) if k not in adding)
    return not denied and not any(w.lower in _UNCERTAIN for w in tokens)


_ADDING = {"merely", "just", "only", "simply", "solely"}


# Verbs that with "out" say one thing, to expel: "kick out", "drive out", "push out", "force out".
_OUT_VERBS = {stem(v) for v in ("kick", "drive", "push", "force", "throw", "chase", "boot", "drove", "threw")}
# ... and the verbs that say it alone: "capable of expelling Russian forces entirely".
_EXPEL_VERBS = {stem(v) for v in ("expel", "expelled", "oust", "evict")}


def _expels(tokens: Sequence[Word], index: int) -> bool:
    """Whether ``tokens[index]`` says "expel": a verb of :data:`_EXPEL_VERBS`, or one of :data:`_OUT_VERBS`
    with "out"."""
    key = stem(tokens[index].text)
    return key in _EXPEL_VERBS or (key in _OUT_VERBS and _particle(tokens, index) == "out")


def _particle(tokens: Sequence[Word], index: int) -> str:
    """The particle of a phrasal verb at ``tokens[index]``, within its next three words ("push them out")."""
    return next((w.lower for w in tokens[index + 1 : index + 4] if w.lower in _PARTICLES), "")


def _governed(text: str, cue: Word, stem_key: str) -> tuple[list[Word], int, int]:
    """``text``'s tokens, the index of the first token after the cue, and that of the word the cue governs
    (-1 where it is not within twelve words: "not expect Russian forces leaving the Kyiv area to be sent")."""
    tokens = words(text)
    start = next((i for i, w in enumerate(tokens) if w.start >= cue.end), len(tokens))
    found = next((i for i in range(start, min(len(tokens), start + 12)) if _says(tokens[i], stem_key)), -1)
    return tokens, start, found


def _says(token: Word, stem_key: str) -> bool:
    """Whether ``token`` is the word a negated stem key stands for (a viewing verb for "think": "did not see
    it as")."""
    token_stem = stem(token.text)
    return verb_family(token_stem) == stem_key or (stem_key == "think" and token_stem in VIEWING)


_NOUN_BEFORE = {"a", "an", "the", "for", "of", "no", "any", "without"}


def _a_noun_in_a_denied_clause(text: str, tokens: list[Word], index: int) -> bool:
    """Whether ``tokens[index]`` is a noun (after an article or a preposition) in a clause a negation
    denies: "did not immediately return a request for comment" agrees with "has yet to comment"."""
    return (
        index > 0
        and tokens[index - 1].lower in _NOUN_BEFORE
        and _cue_earlier_in_clause(text, tokens, index, breaks=".;:!?,", refusals=False)
    )


def _names_after(text: str, tokens: Sequence[Word], index: int, most: int = 6) -> tuple[str, ...]:
    """The capitalised words of the object of the verb at ``tokens[index]``, up to a preposition or the
    clause's end ("join the Western military alliance NATO": "Western", "NATO"; "pled not guilty to
    manslaughter in Sydney": none, a place is no object)."""
    found = []
    for k in range(index + 1, min(len(tokens), index + 1 + most)):
        if re.search(r"[,;:.!?()]", text[tokens[k - 1].end : tokens[k].start]) or tokens[k].lower in _PREPOSITIONS:
            break
        if tokens[k].text[:1].isupper():
            found.append(tokens[k].text)
    return tuple(found)


_PREPOSITIONS = {
    "in", "on", "at", "to", "for", "from", "with", "by", "of", "after", "before", "during", "since", "until",
    "over", "under", "into", "onto", "about", "against", "through", "without", "within", "as", "than",
}  # fmt: skip


def _names_after_governed(text: str, cue: Word, stem_key: str) -> tuple[str, ...]:
    """The capitalised words after the verb a negation cue governs (see :func:`_names_after`)."""
    tokens, _, index = _governed(text, cue, stem_key)
    return _names_after(text, tokens, index) if index >= 0 else ()


def _share_a_name(a: Sequence[str], b: Sequence[str]) -> bool:
    return any(same_name(x, y) for x in a for y in b)


def _particle_after(text: str, cue: Word, stem_key: str) -> str:
    """The particle of the verb a negation cue governs ("can't push the Russians out": "out")."""
    tokens, _, index = _governed(text, cue, stem_key)
    return _particle(tokens, index) if index >= 0 else ""


# Verbs that mean little without what follows them: "get ill" and "get thrown out" are two facts.
_LIGHT_VERBS = {
    stem(v) for v in ("get", "got", "make", "made", "take", "took", "do", "did", "go", "went", "give", "gave")
} | {"want"}  # "doesn't want this scenario" says nothing against "wants a break": what is wanted differs


_HAVE = {"have", "has", "had", "having"}


def _after_have(tokens: Sequence[Word], index: int, most: int = 3) -> bool:
    """Whether a form of "have" stands in the few words before ``tokens[index]``, with no word of content
    between ("has any insurance")."""
    for w in reversed(tokens[max(0, index - most) : index]):
        if w.lower in _HAVE or w.lower.endswith(("'ve", "’ve")):  # "you've"
            return True
        if w.lower not in _STOPWORDS:
            return False
    return False


def _governed_after_have(text: str, cue: Word, stem_key: str) -> bool:
    """Whether the word a negation cue governs is what "have" takes ("don't have insurance"); not a
    perfect tense, whose "have" comes before the cue ("has not shown")."""
    tokens, start, index = _governed(text, cue, stem_key)
    return index >= 0 and any(w.lower in _HAVE for w in tokens[start:index])


def _next_content(tokens: Sequence[Word], index: int, most: int = 3) -> str:
    """The stem of the first word of content among the ``most`` after ``tokens[index]``, or ""."""
    return next(
        (stem(w.text) for w in tokens[index + 1 : index + 1 + most] if w.lower not in _STOPWORDS and len(w.text) > 2),
        "",
    )


def _object_after(text: str, cue: Word, stem_key: str) -> str:
    """What the verb a negation cue governs takes: the first word of content after it ("ill" in "never get ill")."""
    tokens, _, index = _governed(text, cue, stem_key)
    return _next_content(tokens, index) if index >= 0 else ""


def _phrase_end(text: str, cue: Word, stem_key: str) -> int:
    """Where the phrase a negation cue opens ends: after its verb, and the verb's particle if it has one."""
    tokens, _, index = _governed(text, cue, stem_key)
    return _with_particle(tokens, index) if index >= 0 else cue.end


def _opposite_manners(source: str, source_end: int, other: str, other_end: int, reach: int = 16) -> bool:
    """Whether the words just after a denied verb (ending at ``source_end``) and just after the same verb said
    plainly (ending at ``other_end``) are opposites of one quality: "haven't gone well" / "have gone poorly"."""
    after_denied = {(p.concept, p.sign) for p in _polar_words(source) if 0 <= p.word.start - source_end <= reach}
    if not after_denied:
        return False
    return any(
        (p.concept, -p.sign) in after_denied for p in _polar_words(other) if 0 <= p.word.start - other_end <= reach
    )


@lru_cache(maxsize=1024)
def _polar_words(text: str) -> tuple[PolarWord, ...]:
    """``polar_words`` of ``text``, kept: the article's sentences are weighed against every report's."""
    return tuple(polar_words(text))


def _with_particle(tokens: Sequence[Word], index: int) -> int:
    """The end of the verb at ``tokens[index]`` with its particle, when one follows within three words
    ("kick out", "drive Russian forces out"), so that a highlight holds the whole verb."""
    return next((w.end for w in tokens[index + 1 : index + 4] if w.lower in _PARTICLES), tokens[index].end)


def _similar_stem(a: str, b: str) -> bool:
    """Equal stems, or one edit apart for longer words ("ruble" / "rouble")."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))


@dataclass(frozen=True)
class _Polar:
    concept: str
    sign: int
    word: Word
    subject: frozenset[str]
    event: bool  # a noun for a new event ("another push on the capital"), not what something did
    shown: Word  # what a conflict highlights: the word, with the negation that turns it round ("no longer in doubt")


# Before a direction word, these make it a noun naming a new or further event.
_NEW_EVENT = {"a", "an", "another", "new", "fresh", "renewed", "further", "second"}
_SMALL_WORDS = _STOPWORDS | {
    "longer",
    "even",
    "any",
    "more",
    "very",
    "yet",
    "ever",
    "being",
    "so",
    "much",
    "do",
    "did",
    "them",
    "these",
    "those",
}
# Concepts whose words are adjectives of mood, of a cost, of how something went or of what it bodes, which
# name no event whatever stands before them ("on an upbeat note", "at a terrible cost", "a worrying sign").
# Others stay events after "a" ("nor was lightning a possible cause" is no likelihood of arson).
_ADJECTIVE_CONCEPTS = {"mood", "severity", "performance", "omen"}


@lru_cache(maxsize=4096)
def _polar_mentions(text: str) -> tuple[_Polar, ...]:
    tokens = words(text)
    index_of = {w.start: i for i, w in enumerate(tokens)}
    mentions = []
    for polar in _polar_words(text):
        i = index_of.get(polar.word.start, 0)
        if polar.concept != "priority" and _names_the_event(tokens, i):  # "the front of the agenda" is read whole
            continue  # "the Russian push on the city faltered": the push is what the verb is about
        if _in_ones_favour(tokens, i):
            continue  # "weighted in Russia's favour": an advantage, not an approval
        if in_condition(text, tokens, i):
            continue  # "unless Russian troops withdraw" / "for as long as they had not pulled out": no fact
        if _an_option(text, tokens, i):
            continue  # "Agree strongly / agree / disagree": answers offered, none given
        negated = _negated_near(text, tokens, i)
        sign = -polar.sign if negated else polar.sign
        shown = polar.word
        if negated:
            cue_at = next(
                (
                    k
                    for k in range(i - 1, max(-1, i - 5), -1)
                    if is_negation_cue(tokens[k].text) or stem(tokens[k].text) in _REFUSALS
                ),
                _beyond_doubt(tokens, i),
            )
            # Shown with the word only where nothing but small words stand between: "no longer in doubt",
            # "refused to accept", not "nor was lightning a possible".
            if cue_at is not None and all(w.lower in _SMALL_WORDS for w in tokens[cue_at + 1 : i]):
                cue = tokens[cue_at]
                shown = Word(text[cue.start : polar.word.end], cue.start, polar.word.end)
        # What moved: the content words just before ("the Russian ruble gained").
        subject = frozenset(
            stem(w.text) for w in tokens[max(0, i - 3) : i] if w.lower not in _STOPWORDS and not w.text[:1].isdigit()
        )
        before = tokens[i - 1].lower if i > 0 else ""
        event = (
            before in _NEW_EVENT
            and tokens[i].start == polar.word.start
            and not polar.concept.startswith("degree")  # "a more formidable opponent" is a degree, not an event
            # "an increase of 207%", "a fall in sales": a change measured, not a new event; "an unarmed
            # man": an adjective
            and not (polar.concept == "movement" and before in ("a", "an"))
            and not polar.concept.startswith("quality ")
            and polar.concept not in _ADJECTIVE_CONCEPTS  # "an upbeat note": a mood, not a new event
        )
        mentions.append(_Polar(polar.concept, sign, polar.word, subject, event, shown))
    return tuple(mentions)


def _an_option(text: str, tokens: Sequence[Word], index: int) -> bool:
    """Whether ``tokens[index]`` is one of a run of choices set apart by slashes ("Agree strongly / agree /
    disagree"): within two words of a slash on either side."""
    start = tokens[max(0, index - 2)].end if index else 0
    end = tokens[min(len(tokens) - 1, index + 2)].start
    return re.search(r"\s/\s", text[start:end]) is not None


_POSSESSIVES = {"the", "their", "its", "his", "her", "our", "this", "that"}
_EVENT_OBJECT = {"on", "of", "into", "towards", "toward", "against"}


def _in_ones_favour(tokens: Sequence[Word], index: int) -> bool:
    """Whether ``tokens[index]`` says to whose advantage something is, which approves of nothing: the noun
    of "in Russia's favour", "in their favor", "in favour of Moscow", or the verb of "terms that favoured
    Moscow" (unlike "in favour of a truce" or "favoured Ukraine's membership")."""
    word = tokens[index].lower
    if not word.startswith(("favour", "favor")):
        return False
    if word in ("favour", "favor") and index >= 2 and tokens[index - 2].lower == "in":
        owner = tokens[index - 1].lower.replace("’", "'")
        if owner.endswith("'s") or owner in ("his", "her", "its", "their", "our", "my", "your"):
            return True
    after = tokens[index + 2] if index + 2 < len(tokens) and tokens[index + 1].lower == "of" else None
    if word in ("favour", "favor") and index >= 1 and tokens[index - 1].lower == "in" and after is not None:
        return _a_party(after)
    return (
        word in ("favoured", "favored", "favours", "favors") and index + 1 < len(tokens) and _a_party(tokens[index + 1])
    )


def _a_party(word: Word) -> bool:
    """Whether ``word`` names a party by itself (a capitalised name, not its possessive): "Moscow"."""
    return word.text[:1].isupper() and not word.text.replace("’", "'").endswith("'s")


def _names_the_event(tokens: Sequence[Word], index: int) -> bool:
    """A direction word used as the noun for an event, between a determiner (maybe one adjective
    apart) and its object: "the Russian push on the city", "their advance into the east"."""
    if index + 1 >= len(tokens) or tokens[index + 1].lower not in _EVENT_OBJECT:
        return False
    before = [w.lower for w in tokens[max(0, index - 2) : index]]
    return bool(before) and (before[-1] in _POSSESSIVES or (len(before) == 2 and before[0] in _POSSESSIVES))


def _direction_conflicts(article: str, report: str) -> list[Conflict]:
    """Opposite directions about the same thing: matched by subject where one is visible."""
    a_mentions, r_mentions = _polar_mentions(article), _polar_mentions(report)
    conflicts = []
    for concept in sorted({m.concept for m in a_mentions} & {m.concept for m in r_mentions}):  # a stable order
        a_list = [m for m in a_mentions if m.concept == concept]
        r_list = [m for m in r_mentions if m.concept == concept]
        if concept.startswith("quality ") and (len({m.sign for m in a_list}) > 1 or len({m.sign for m in r_list}) > 1):
            continue  # "labeled and unlabeled data": one side names both
        pairs = [
            (a, r) for a in a_list for r in r_list
            if any(_similar_stem(x, y) for x in a.subject for y in r.subject)
        ]  # fmt: skip
        # With nothing in common but the concept, one side naming a new event ("reorganise for another
        # push on the capital") says nothing against what the other says was done ("would pull back").
        if (
            not pairs
            and len({m.sign for m in a_list}) == 1
            and len({m.sign for m in r_list}) == 1
            and not any(m.event for m in (*a_list, *r_list))
        ):
            pairs = [(a_list[0], r_list[0])]
        # A mention told the same way on the other side is accounted for: "his ability to start wars" meets
        # "skill at starting wars", not the "finishing them" the report adds.
        told_alike = [
            (a, r)
            for a in a_list
            for r in r_list
            if a.sign == r.sign and ((a, r) in pairs or stem(a.word.lower) == stem(r.word.lower))
        ]
        for a, r in pairs:
            if a.sign == r.sign or a.word.lower == r.word.lower:
                continue  # same direction, or the same word flipped by a negation (reported as negation)
            if any(a is x or r is y for x, y in told_alike):
                continue
            if concept == "ability":  # "unable to" against "managed to": one denies what the other says was done
                reason = f"“{a.shown.text}” vs “{r.shown.text}”: one says it could not be done, the other that it was"
                conflicts.append(Conflict.between("negation", a.shown, r.shown, reason))
            elif (
                concept.startswith("quality ")
                or concept in ("certainty", "character", "resolution", "admission")
                or prefix_opposites(a.word.text, r.word.text)
            ):
                # "impossible" is "not possible": a negation made by a prefix; "no longer in doubt" denies
                # what "unknown" says; "not unlike them" what "out of character" says; "settled" what
                # "unresolved" says
                reason = f"“{a.shown.text}” vs “{r.shown.text}”: one denies what the other says"
                conflicts.append(Conflict.between("negation", a.shown, r.shown, reason))
            else:
                reason = f"“{a.shown.text}” vs “{r.shown.text}”: opposite directions"
                conflicts.append(Conflict.between("direction", a.shown, r.shown, reason))
            break
    return conflicts
