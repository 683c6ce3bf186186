"""A name counted among others on one side, and said in words not to be on the other."""

from __future__ import annotations

import pytest

from conflict_checks import assert_one_conflict
from parallax.core.claims import compare_claims
from parallax.core.membership import membership_conflicts

TREATIES = "Ukraine would have its security guaranteed by treaties with Western nations, possibly including Canada."


@pytest.mark.parametrize(
    ("article", "report", "shown"),
    [
        (
            TREATIES,
            "Ukraine's safety would rest on treaties with Western countries, though Canada would not be one of them.",
            ("Canada", "Canada would not be one of"),
        ),
        (
            TREATIES,
            "Ukraine's safety would rest on treaties with Western capitals, and Canada won't be among the guarantors.",
            ("Canada", "Canada won't be among"),
        ),
        (
            TREATIES,
            "Ukraine's safety would rest on treaties with every Western nation excluding Canada.",
            ("Canada", "excluding Canada"),
        ),
    ],
)
def test_a_name_said_not_to_be_among_the_others_is_a_negation(article, report, shown):
    assert_one_conflict(membership_conflicts(article, report), article, report, "negation", shown)


@pytest.mark.parametrize(
    ("article", "report"),
    [
        # Among them on both sides, in other words.
        (TREATIES, "Ukraine would be guaranteed by treaties with Western nations, Canada possibly among them."),
        # Left out on both sides.
        (
            "Treaties with Western nations, though Canada would not be one of them.",
            "Treaties with Western states, excluding Canada.",
        ),
        # The other side never names it.
        (TREATIES.replace(", possibly including Canada", ""), "Treaties, though Canada would not be one of them."),
        # A pronoun opening the sentence is no name.
        ("It would be one of the guarantors, Kyiv hopes.", "It would not be one of the guarantors."),
    ],
)
def test_no_membership_conflict_where_both_sides_agree_or_one_is_silent(article, report):
    assert membership_conflicts(article, report) == []


def test_the_claim_check_reports_the_membership_as_a_negation():
    check = compare_claims(
        TREATIES, "Ukraine's safety would rest on treaties with Western states, though Canada would not be one of them."
    )
    assert [(c.kind, c.article, c.report) for c in check.conflicts] == [
        ("negation", "Canada", "Canada would not be one of")
    ]
