"""A part of a thing on one side, the whole of it on the other."""

from __future__ import annotations

import pytest

from conflict_checks import assert_one_conflict
from parallax.core.claims import compare_claims
from parallax.core.scope import scope_conflicts


@pytest.mark.parametrize(
    ("article", "report", "spans"),
    [
        (
            "The Russians need to hit the pause button on parts of their military operation that have gone poorly.",
            "The Russians have to pause the whole of their military operation, which has gone poorly.",
            ("parts of their military operation", "the whole of their military operation"),
        ),
        (
            "I don't think they can kick out Russian forces. But they can push back in certain places, Lee said.",
            "Lee doesn't think they can kick out Russian forces, but reckons they can push them back all along "
            "the front.",
            ("in certain places", "all along the front"),
        ),
        (
            "The fighting has spread to all of the eastern regions.",
            "The fighting has spread to some of the eastern regions.",
            ("all of the eastern regions", "some of the eastern regions"),
        ),
        (
            "Ukraine's army proved tougher than Russia, and even some Western nations, expected.",
            "Ukraine's army proved tougher than Russia, or indeed every Western government, expected.",
            ("some Western nations", "every Western government"),
        ),
        (
            "The podcast gives support to all simmers.",
            "The podcast gives support to some simmers.",
            ("all simmers", "some simmers"),
        ),
        (
            "Ukraine's forces pushed the Russians back here and there.",
            "Ukraine's forces pushed the Russians back everywhere.",
            ("here and there", "everywhere"),
        ),
        # The members of a list the sentence before gives, counted without a noun.
        (
            "All are examples of the Kremlin invading and then never leaving.",
            "Three of those four are cases of the Kremlin invading and never going home.",
            ("All", "Three of those four"),
        ),
        (
            "Both were cases of the Kremlin sending in troops.",
            "One of the two was a case of the Kremlin sending in troops.",
            ("Both", "One of the two"),
        ),
    ],
)
def test_a_part_against_the_whole_is_a_number_conflict(article, report, spans):
    assert_one_conflict(scope_conflicts(article, report), article, report, "number", spans)


@pytest.mark.parametrize(
    ("article", "report", "spans"),
    [
        (
            "NATO estimated that between 7,000 and 15,000 Russian soldiers have been killed since the invasion began.",
            "NATO put the Russian soldiers killed in the previous fortnight alone at 7,000 to 15,000.",
            ("since the invasion began", "in the previous fortnight"),
        ),
        (
            "Polls throughout the war have shown that Ukrainians expect to win.",
            "Polls in the past ten days have shown that Ukrainians expect to win.",
            ("throughout the war", "in the past ten days"),
        ),
        (
            "Opinion polls throughout the war have shown that Ukrainians expect to win.",
            "Opinion polls taken in the first week of the war showed people expecting to win.",
            ("throughout the war", "in the first week of the war"),
        ),
        (
            "Polls since the invasion began show that most Ukrainians expect to win.",
            "Polls during the early weeks of the invasion showed that most Ukrainians expected to win.",
            ("since the invasion began", "during the early weeks of the invasion"),
        ),
    ],
)
def test_a_stretch_of_the_war_against_the_whole_war_is_a_date_conflict(article, report, spans):
    assert_one_conflict(scope_conflicts(article, report), article, report, "date", spans)


@pytest.mark.parametrize(
    ("article", "report"),
    [
        # Parts and wholes of different things.
        ("Parts of the city were shelled.", "The whole of the army was mobilised."),
        # The same extent in other words.
        ("They paused parts of the operation.", "They paused some of the operation."),
        ("They can push back in certain places.", "They can push them back here and there."),
        # One side says both: the other may be speaking of either.
        ("Parts of the city, and then the whole of the city, fell.", "The whole of the city fell."),
        # "Last week" says when something was said, not the time a count covers.
        (
            "NATO estimated last week that 7,000 soldiers have been killed since the invasion began.",
            "NATO said last week that 7,000 soldiers have died since the war started.",
        ),
        # The same stretch on both sides.
        (
            "Polls in the first week of the war showed that Ukrainians expected to win.",
            "Polls during the opening week of the war showed that Ukrainians expected to win.",
        ),
        # Two peoples' nations are two things.
        ("Some Western nations expected a quick defeat.", "All Asian nations expected a quick defeat."),
        # A figure after "some" is an estimate, no part of anything.
        ("Some 7,000 troops were sent.", "All 7,000 troops were sent."),
        # A name after "all of" is no thing counted.
        ("All of Ukraine mourned.", "Some of Ukraine's allies mourned."),
        # A count that reaches its total is all of them; "all" inside a clause is no subject counted.
        ("All are examples of the Kremlin invading.", "Four of those four are cases of the Kremlin invading."),
        ("They said all are examples of invasions.", "Three of those four are cases of invasions."),
    ],
)
def test_no_scope_conflict_where_the_extent_or_thing_agrees(article, report):
    assert scope_conflicts(article, report) == []


def test_the_claim_check_reports_the_scope_in_the_paired_sentences():
    check = compare_claims(
        "Alexander says the Russians need to pause parts of their military operation that have gone poorly.",
        "Alexander says the Russians need to pause the whole of their military operation, which has gone poorly.",
    )
    assert [(c.kind, c.article, c.report) for c in check.conflicts] == [
        ("number", "parts of their military operation", "the whole of their military operation")
    ]
