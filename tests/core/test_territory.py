"""The same land given to different holders."""

from __future__ import annotations

import pytest

from conflict_checks import assert_one_conflict
from parallax.core.claims import compare_claims
from parallax.core.territory import holder_conflicts, transfer_conflicts


@pytest.mark.parametrize(
    ("article", "report", "holders"),
    [
        (
            "He was living in a Ukrainian-controlled region of Luhansk before Russian forces bombed his home.",
            "He was living in a part of Luhansk held by the Russian-backed separatists until Russian forces "
            "bombed his home.",
            ("Ukrainian-controlled", "held by the Russian-backed separatists"),
        ),
        (
            "Whether it can reclaim Russian-held territory is unknown.",
            "Whether it can win back the towns under Ukrainian control is unknown.",
            ("Russian-held", "under Ukrainian control"),
        ),
        (
            "The village has been under the control of Moscow since March.",
            "The village has been Kyiv-controlled since March.",
            ("under the control of Moscow", "Kyiv-controlled"),
        ),
    ],
)
def test_land_held_by_another_country_is_a_place_conflict(article, report, holders):
    assert_one_conflict(holder_conflicts(article, report), article, report, "place", holders)


@pytest.mark.parametrize(
    ("article", "report"),
    [
        # The same holder in other words.
        ("a Ukrainian-controlled region of Luhansk", "a part of Luhansk held by Kyiv"),
        ("Russian-occupied Crimea", "Crimea, under Moscow's control"),
        # A holder that names no country: which side it is depends on the war.
        ("a rebel-held district", "a Russian-held district"),
        ("a government-controlled town", "a town held by the Russian army"),
        # A place named before "held by" is no holder.
        ("Luhansk held by the separatists", "Luhansk held by the separatists"),
        # One side names both holders: the other may speak of either's land.
        ("Russian-held towns and Ukrainian-held villages", "the Ukrainian-held villages"),
    ],
)
def test_no_holder_conflict_where_the_holder_is_the_same_or_unknown(article, report):
    assert holder_conflicts(article, report) == []


def test_the_claim_check_reports_the_holder_in_the_paired_sentences():
    check = compare_claims(
        '"You cannot divide it," said Danilo Blizniuk, who was living in a Ukrainian-controlled region of Luhansk.',
        '"You cannot divide it," said Danilo Blizniuk, who was living in a part of Luhansk held by Russia.',
    )
    assert [(c.kind, c.article, c.report) for c in check.conflicts] == [
        ("place", "Ukrainian-controlled", "held by Russia")
    ]


@pytest.mark.parametrize(
    ("article", "report", "spans"),
    [
        (
            "Crimea, seized by Russia in 2014, would be left for later talks.",
            "Crimea, which voted to join Russia in 2014, would be left for later talks.",
            ("seized by Russia", "voted to join Russia"),
        ),
        (
            "Moscow's annexation of Crimea in 2014 was never recognised.",
            "Crimea was handed over to Russia in 2014.",
            ("Moscow's annexation of", "handed over to Russia"),
        ),
    ],
)
def test_land_taken_by_force_against_land_joined_by_consent_is_a_detail_conflict(article, report, spans):
    assert_one_conflict(transfer_conflicts(article, report), article, report, "detail", spans)


@pytest.mark.parametrize(
    ("article", "report"),
    [
        # By force on both sides, in other words.
        ("Crimea, seized by Russia in 2014", "Crimea, annexed by Moscow in 2014"),
        # Two countries: one took land, another was joined.
        ("Crimea, seized by Russia in 2014", "Finland, which voted to join NATO"),
        ("Crimea, seized by Russia in 2014", "Sweden chose to join Finland in the bid"),
    ],
)
def test_no_transfer_conflict_for_one_manner_or_two_countries(article, report):
    assert transfer_conflicts(article, report) == []


def test_the_claim_check_reports_the_transfer_in_the_paired_sentences():
    check = compare_claims(
        "Ukraine would leave the status of Crimea, seized by Russia in 2014, for another round of talks.",
        "Ukraine would leave the status of Crimea, which voted to join Russia in 2014, for another round of talks.",
    )
    assert [(c.kind, c.article, c.report) for c in check.conflicts] == [
        ("detail", "seized by Russia", "voted to join Russia")
    ]
