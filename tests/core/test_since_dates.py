"""Counting from an event against counting from a date: parallax.core.since_dates."""

from __future__ import annotations

import pytest

from parallax.core.claims import compare_claims
from parallax.core.result import ClaimContext
from parallax.core.since_dates import since_conflicts

DATED = "More than a month after the Feb. 24 invasion, Russia's army has achieved few of its objectives."
KILLED = "NATO estimated that up to 15,000 Russian soldiers have been killed {start}."


@pytest.mark.parametrize(
    ("article_start", "report_start", "document", "expected"),
    [
        # The document dates the invasion: March is another start.
        (
            "since the invasion began",
            "since the beginning of March",
            DATED,
            ("since the invasion began", "since the beginning of March"),
        ),
        (
            "since the start of the invasion",
            "since early March",
            DATED,
            ("since the start of the invasion", "since early March"),
        ),
        ("since March 1", "since the invasion began", DATED, ("since March 1", "since the invasion began")),
        # The same month, or the same day: no conflict.
        ("since the invasion began", "since late February", DATED, None),
        ("since the invasion began", "since Feb. 24", DATED, None),
        # Undated, or dated twice over with different days: nothing to weigh.
        ("since the invasion began", "since the beginning of March", "Russia's army has achieved little.", None),
        (
            "since the invasion began",
            "since the beginning of March",
            DATED + " Some date the Feb. 20 invasion from the first shelling.",
            None,
        ),
        # Another event than the one dated.
        ("since the siege began", "since the beginning of March", DATED, None),
    ],
)
def test_a_start_counted_from_a_dated_event(article_start, report_start, document, expected):
    article, report = KILLED.format(start=article_start), KILLED.format(start=report_start)
    found = [(c.article, c.report) for c in since_conflicts(article, report, f"{article}\n\n{document}", report)]
    assert found == ([expected] if expected else [])
    for c in since_conflicts(article, report, f"{article}\n\n{document}", report):
        assert article[slice(*c.article_span)] == c.article and report[slice(*c.report_span)] == c.report
        assert c.kind == "date" and "Feb. 24" in c.reason


def test_the_claim_check_finds_it_in_paired_sentences():
    article, report = KILLED.format(start="since the invasion began"), KILLED.format(start="since mid-March")
    context = ClaimContext(f"{article}\n\n{DATED}", report)
    kinds = [(c.kind, c.article, c.report) for c in compare_claims(article, report, context=context).conflicts]
    assert kinds == [("date", "since the invasion began", "since mid-March")]
