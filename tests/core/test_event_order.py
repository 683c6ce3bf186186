"""One fact placed before an event on one side and after it on the other."""

from __future__ import annotations

import pytest

from conflict_checks import assert_one_conflict
from parallax.core.claims import compare_claims
from parallax.core.event_order import order_conflicts


@pytest.mark.parametrize(
    ("article", "report", "markers"),
    [
        (
            "Prior to Russia's announcement that it would pull back its forces from Kyiv, Ukraine's army had "
            "launched some successful counterattacks near the capital.",
            "In the days after Moscow announced its pull-back from Kyiv, Ukraine's army mounted some successful "
            "counterattacks near the capital.",
            ("Prior to", "In the days after"),
        ),
        (
            "Crimea and the parts of Donetsk and Luhansk which were held by Russia before the invasion.",
            "Crimea and the parts of Donetsk and Luhansk, which Russia has held only since the invasion began.",
            ("before", "since"),
        ),
        (
            "Russia brought dress uniforms in advance of its invasion.",
            "Russia has brought dress uniforms since the invasion began.",
            ("in advance of", "since"),
        ),
        (
            "Markets rallied ahead of the talks in Istanbul.",
            "Markets rallied in the wake of the talks in Istanbul.",
            ("ahead of", "in the wake of"),
        ),
    ],
)
def test_a_fact_moved_to_the_other_side_of_an_event_is_a_date_conflict(article, report, markers):
    assert_one_conflict(order_conflicts(article, report), article, report, "date", markers)


@pytest.mark.parametrize(
    ("article", "report"),
    [
        # The same side of the event, in other words.
        ("Prior to the announcement, the army attacked.", "Before the announcement, the army attacked."),
        ("After the invasion, Russia held the city.", "Following the invasion, Russia held the city."),
        # Two different events: no word of the events is shared.
        ("Before the talks, the army attacked.", "After the announcement, the army attacked."),
        # A pronoun or a time opens no event.
        ("But before that happens, the Kremlin will grab land.", "But after that, the Kremlin will grab land."),
        ("Russia has held Crimea since 2014.", "Russia held Crimea before 2022."),
        # A name is who acts, not which event: Russia's invasion is not Russia's withdrawal.
        ("Before Russia's invasion, prices rose.", "After Russia's withdrawal, prices rose."),
        # Each death is told on both sides: two events, not one moved.
        (
            "The day before Buckley's death another climber, Duncan Rait, died after slipping from a ridge.",
            "The day following Rait's death a second climber, Robert Buckley, slipped on ice and fell.",
        ),
        # One side places things on both sides of the same event.
        (
            "Before the talks the army attacked, and after the talks it held its ground.",
            "After the talks, the army held its ground.",
        ),
        # A marker that opens no event.
        ("The talks had ended the day before.", "The talks ended after a day."),
    ],
)
def test_no_order_conflict_where_the_order_is_not_turned_round(article, report):
    assert order_conflicts(article, report) == []


def test_the_claim_check_reports_the_order_in_the_paired_sentences():
    check = compare_claims(
        "Lee said that, prior to Russia's announcement of a pullback, Ukraine had retaken several towns.",
        "Lee said that, after Russia's announcement of a pullback, Ukraine had retaken several towns.",
    )
    assert [(c.kind, c.article, c.report) for c in check.conflicts] == [("date", "prior to", "after")]


@pytest.mark.parametrize(
    ("article", "report", "markers"),
    [
        (
            "Russia's top negotiator, Vladimir Medinsky, met reporters afterwards and read out the proposal.",
            "Russia's chief negotiator spoke to journalists before the delegations had even sat down.",
            ("afterwards", "before"),
        ),
        (
            "Medinsky met reporters afterwards.",
            "Medinsky spoke to journalists before the session opened.",
            ("afterwards", "before"),
        ),
        (
            "The ministers briefed their allies ahead of the summit.",
            "The ministers briefed their allies afterward.",
            ("ahead of", "afterward"),
        ),
    ],
)
def test_afterwards_against_before_a_gathering_is_a_date_conflict(article, report, markers):
    assert_one_conflict(order_conflicts(article, report), article, report, "date", markers)


@pytest.mark.parametrize(
    ("article", "report"),
    [
        # Before something else than a gathering: both can hold.
        ("Medinsky met reporters afterwards.", "Medinsky spoke to journalists before flying home."),
        # Both sides place it after the talks, in other words.
        ("Medinsky met reporters afterwards.", "Medinsky spoke to journalists after the talks."),
        # The other side also says "afterwards": the "before" is about something else in it.
        (
            "Medinsky met reporters afterwards.",
            "Medinsky, who had spoken before the session, met reporters afterwards.",
        ),
    ],
)
def test_afterwards_leaves_other_orders_alone(article, report):
    assert order_conflicts(article, report) == []
