"""The claims and coverage models: what each cell says, sorting, and order kept while results stream in."""

from __future__ import annotations

import json
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from parallax.core.compare import CompareConfig, compare, coverage
from parallax.core.embed import HashingEmbedder
from parallax.core.ingest import read_document
from parallax.ui import presentation as P
from parallax.ui.tables import ClaimRow, ClaimsModel, CoverageModel

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
DESCENDING = Qt.SortOrder.DescendingOrder


@pytest.fixture(scope="module")
def result():
    manifest = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))
    paths = [SEEDS / manifest["article"], *(SEEDS / r["file"] for r in manifest["reports"])]
    return compare([read_document(p) for p in paths], HashingEmbedder(), None, CompareConfig())


def _column(model, column, role=Qt.ItemDataRole.DisplayRole):
    return [model.index(row, column).data(role) for row in range(model.rowCount())]


def test_coverage_cells_say_what_each_report_does_with_each_paragraph(qapp, result):
    model = CoverageModel()
    model.set_result(result, QColor("white"))
    reports = len(result.comparisons)
    assert (model.rowCount(), model.columnCount()) == (len(result.coverage), reports + 4)
    article = result.documents[0]
    for row, entry in enumerate(result.coverage):
        assert model.index(row, 0).data() == entry.paragraph + 1
        for n, comparison in enumerate(result.comparisons):
            label = P.cell_label(article, comparison, entry.paragraph)
            cell = model.index(row, 2 + n)
            assert cell.data().split()[1] == label  # "✓ agree", "≠ diverge", "– absent": never colour alone
            assert (cell.data(Qt.ItemDataRole.BackgroundRole) is None) == (label == "absent")
            assert cell.data(Qt.ItemDataRole.UserRole) == entry.paragraph
        assert model.index(row, reports + 2).data() == entry.agree
        assert model.index(row, reports + 3).data() == entry.diverge
    headers = [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.UserRole) for c in range(reports + 4)]
    assert headers == [None, None, *(c.report for c in result.comparisons), None, None]


def test_most_contested_first_and_ties_in_article_order(qapp, result):
    model = CoverageModel()
    model.set_result(result, QColor("white"))
    model.sort(model.columnCount() - 1, DESCENDING)
    rows = [(result.coverage[i].diverge, -result.coverage[i].agree) for i in range(len(result.coverage))]
    shown = list(zip(_column(model, model.columnCount() - 1), _column(model, 0), strict=True))
    assert [d for d, _ in shown] == sorted((d for d, _ in rows), reverse=True)
    for (d1, p1), (d2, p2) in pairwise(shown):
        if d1 == d2:
            a1 = next(c.agree for c in result.coverage if c.paragraph == p1 - 1)
            a2 = next(c.agree for c in result.coverage if c.paragraph == p2 - 1)
            assert a1 < a2 or (a1 == a2 and p1 < p2)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert _column(model, 0) == [c.paragraph + 1 for c in result.coverage]


def test_sort_order_survives_streamed_results(qapp, result):
    model = CoverageModel()
    first = replace(
        result, comparisons=result.comparisons[:1], coverage=coverage(result.documents[0], result.comparisons[:1])
    )
    model.set_result(first, QColor("white"))
    model.sort(model.columnCount() - 1, DESCENDING)
    model.set_result(result, QColor("white"))
    contested = _column(model, model.columnCount() - 1)
    assert contested == sorted(contested, reverse=True)


def test_claims_model_rows_and_keys(qapp):
    model = ClaimsModel()
    rows = [
        ClaimRow(1, 4, P.DIVERGE, "Wire story", "number", "about 2,000 vs 500 troops", 0.71, ""),
        ClaimRow(2, 0, "wrong", "Analysis", "place", "Kyiv vs Lviv", 0.66, "✗ wrong link"),
    ]
    model.set_rows(rows)
    assert model.rowCount() == 2 and model.columnCount() == 6
    assert _column(model, 3) == ["about 2,000 vs 500 troops", "Kyiv vs Lviv"]
    assert _column(model, 4) == ["0.71", "0.66"]
    assert _column(model, 0, Qt.ItemDataRole.AccessibleTextRole) == [P.LABEL_WORDS[P.DIVERGE], P.LABEL_WORDS["wrong"]]
    assert model.row_of((2, 0)) == 1 and model.row_of((3, 3)) is None
    assert model.index(1, 0).data(Qt.ItemDataRole.UserRole) == (2, 0)
    model.set_rows([])
    assert model.rowCount() == 0 and model.row_of((1, 4)) is None
