"""One fact placed at different stages of the same war, said by how far into it, with no date."""

from __future__ import annotations

import pytest

from parallax.core.claims import compare_claims
from parallax.core.event_phase import phase_conflicts, phase_mentions

DECAPITATE = "Russia set out to decapitate Ukraine's leadership by pressing hard on Kyiv"


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("in the early days of the invasion", (0, 10)),
        ("in the opening weeks of the war", (0, 28)),
        ("in the third week of the war", (14, 21)),
        ("in the invasion's second month", (30.4, 60.8)),
        ("during the war's first year", (0, 365.25)),
        ("held by Russia before the invasion", (-float("inf"), -1)),
        ("in the run-up to the war", (-float("inf"), -1)),
    ],
)
def test_a_stage_of_a_war_as_days_from_its_start(text, days):
    (mention,) = phase_mentions(text)
    assert (mention.first_day, mention.last_day) == pytest.approx(days)
    assert mention.event == "war"


@pytest.mark.parametrize(
    ("article", "report", "conflict"),
    [
        (
            f"{DECAPITATE} in the early days of the invasion.",
            f"{DECAPITATE} in the invasion's third week.",
            ("the early days of the invasion", "the invasion's third week"),
        ),
        (
            f"{DECAPITATE} in the early days of the invasion.",
            f"{DECAPITATE} in the second month of the war.",
            ("the early days of the invasion", "the second month of the war"),
        ),
        # Stretches that meet: the first week is among the early days.
        (f"{DECAPITATE} in the early days of the invasion.", f"{DECAPITATE} in the first week of the war.", None),
        (f"{DECAPITATE} in the first month of the invasion.", f"{DECAPITATE} in the opening weeks of the war.", None),
        # Before the war, or in its first days.
        (
            "Donbas and Crimea, which were held by Russia before the invasion, will be returned.",
            "Donbas and Crimea, which Russia seized in the first days of this invasion, will be returned.",
            ("before the invasion", "the first days of this invasion"),
        ),
        # One stretch told on both sides: the other is another fact's.
        (
            "Crimea, held by Russia before the invasion, will be returned after the early days of the war.",
            "Crimea, held by Russia before the war, will be returned in the second month of the war.",
            None,
        ),
        # Another event: an offensive's second week is no stage of the invasion.
        (
            f"{DECAPITATE} in the early days of the invasion.",
            f"{DECAPITATE} in the second week of the offensive.",
            None,
        ),
    ],
)
def test_stages_of_one_war_that_do_not_meet_conflict(article, report, conflict):
    found = [(c.article, c.report) for c in phase_conflicts(article, report)]
    assert found == ([conflict] if conflict else [])
    kinds = [c.kind for c in compare_claims(article, report).conflicts]
    assert kinds == (["date"] if conflict else [])
