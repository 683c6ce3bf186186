"""Assertions shared by the tests of the per-sentence conflict checks.

May import: the standard library and ``parallax.core.result``.
"""

from __future__ import annotations

from collections.abc import Sequence

from parallax.core.result import Conflict


def assert_one_conflict(
    conflicts: Sequence[Conflict], article: str, report: str, kind: str, shown: tuple[str, str]
) -> None:
    """``conflicts`` is one conflict of ``kind`` showing the words ``shown``, and its spans point at them."""
    assert [(c.kind, c.article, c.report) for c in conflicts] == [(kind, *shown)]
    c = conflicts[0]
    assert article[slice(*c.article_span)] == shown[0] and report[slice(*c.report_span)] == shown[1]
