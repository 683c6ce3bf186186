"""Item models for the claims list and the coverage grid: rows built in Python, cells drawn on demand.

With two hundred reports the coverage grid has tens of thousands of cells and
the claims list thousands of rows. Widget items (QTableWidgetItem, one object
per cell) took seconds to rebuild on the GUI thread each time streamed results
arrived; these models swap in plain row data in one reset, and Qt asks
:meth:`data` only for the cells it paints.

May import: PySide6 and ``parallax.core`` (plain data), ``parallax.ui.presentation``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from parallax.ui import presentation as P

if TYPE_CHECKING:  # the window's startup path must not import the engine's heavy modules
    from parallax.core.result import ComparisonResult

_Index = QModelIndex | QPersistentModelIndex
ROLE = Qt.ItemDataRole


class ClaimRow(NamedTuple):
    """One line of the claims list: a link of one report, as the user's verdict labels it."""

    report: int  # index into the result's documents
    link: int  # index into that report's links (at the granularity shown)
    label: str  # agree, diverge or wrong (after the user's verdict)
    title: str
    kinds: str
    what: str
    similarity: float
    yours: str

    @property
    def key(self) -> tuple[int, int]:
        return (self.report, self.link)


CLAIM_HEADERS = ("", "Report", "Kind", "What differs", "Similarity", "Yours")


class ClaimsModel(QAbstractTableModel):
    """The claims list's rows; ``ROLE.UserRole`` of any cell is the row's (report, link) key."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ClaimRow] = []
        self._where: dict[tuple[int, int], int] = {}

    def set_rows(self, rows: Sequence[ClaimRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._where = {row.key: n for n, row in enumerate(self._rows)}
        self.endResetModel()

    @property
    def rows(self) -> list[ClaimRow]:
        return self._rows

    def row_of(self, key: tuple[int, int]) -> int | None:
        return self._where.get(key)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(CLAIM_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = ROLE.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == ROLE.DisplayRole and 0 <= section < len(CLAIM_HEADERS):
            return CLAIM_HEADERS[section]
        return None

    def data(self, index: _Index, role: int = ROLE.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == ROLE.DisplayRole:
            if column == 0:
                return P.GLYPHS[row.label]
            if column == 1:
                return P.snippet(row.title, 32)
            if column == 2:
                return row.kinds
            if column == 3:
                return row.what
            if column == 4:
                return f"{row.similarity:.2f}"
            return row.yours
        if role == ROLE.UserRole:
            return row.key
        if role == ROLE.ForegroundRole and column == 0:
            return QColor(P.COLOURS[row.label])
        if role == ROLE.ToolTipRole:
            if column == 1:
                return row.title
            if column == 3:
                return row.what
            if column == 5 and row.yours:
                return row.yours
        if role == ROLE.AccessibleTextRole and column == 0:
            return P.LABEL_WORDS[row.label]
        return None


_CELL_WORDS = {P.AGREE: "✓ agree", P.DIVERGE: "≠ diverge", "absent": "– absent"}
# "Most contested" puts divergences first, then agreements, then silence.
_CELL_RANK = {P.DIVERGE: 2, P.AGREE: 1, "absent": 0}


class CoverageModel(QAbstractTableModel):
    """The article's paragraphs (rows) against every compared report (columns), with two count columns.

    Columns: ¶, the paragraph, one per report, Corroborate (reports agreeing), Contest
    (reports diverging). ``ROLE.UserRole`` of a cell is the article paragraph; of a
    report column's header, the report's index in the result. :meth:`sort` keeps the
    order across :meth:`set_result`, so streamed results do not reshuffle the grid.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._result: ComparisonResult | None = None
        self._order: list[int] = []  # row -> index into result.coverage
        self._labels: dict[tuple[int, int], str] = {}  # (coverage index, comparison index) -> label
        self._brushes: dict[str, QBrush] = {}
        # What the grid is sorted by, kept by meaning ("contest", or a report's index) rather than by
        # column number: streamed results add report columns and shift the count columns.
        self._sort: tuple[str | int, Qt.SortOrder] | None = None

    def set_result(self, result: ComparisonResult | None, base: QColor) -> None:
        self.beginResetModel()
        self._result = result
        self._labels = {}
        self._brushes = {label: QBrush(blend(base, P.COLOURS[label], 0.35)) for label in (P.AGREE, P.DIVERGE)}
        self._order = self._sorted()
        self.endResetModel()

    @property
    def report_columns(self) -> int:
        return len(self._result.comparisons) if self._result is not None else 0

    def report_at(self, column: int) -> int | None:
        """The report (index into the result's documents) shown in ``column``, if it is a report column."""
        n = column - 2
        if self._result is None or not 0 <= n < len(self._result.comparisons):
            return None
        return self._result.comparisons[n].report

    def paragraph_at(self, row: int) -> int | None:
        if self._result is None or not 0 <= row < len(self._order):
            return None
        return self._result.coverage[self._order[row]].paragraph

    def label(self, row: int, column: int) -> str | None:
        """agree, diverge or absent for a report cell; None elsewhere."""
        if self._result is None or not 0 <= row < len(self._order) or not 0 <= column - 2 < self.report_columns:
            return None
        return self._label(self._order[row], column - 2)

    def _label(self, entry: int, n: int) -> str:
        key = (entry, n)
        found = self._labels.get(key)
        if found is None:
            assert self._result is not None
            result = self._result
            found = P.cell_label(result.documents[0], result.comparisons[n], result.coverage[entry].paragraph)
            self._labels[key] = found
        return found

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._result is None else self.report_columns + 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = ROLE.DisplayRole) -> Any:
        result = self._result
        if orientation != Qt.Orientation.Horizontal or result is None:
            return None
        last = self.report_columns + 2
        report = self.report_at(section)
        if role == ROLE.DisplayRole:
            if section == 0:
                return "¶"
            if section == 1:
                return "Article paragraph"
            if report is not None:
                return P.snippet(result.documents[report].title, 24)
            return "Corroborate" if section == last else "Contest"
        if role == ROLE.ToolTipRole:
            if report is not None:
                return result.documents[report].title
            if section == last:
                return "How many reports agree with the paragraph"
            if section == last + 1:
                return "How many reports say something different"
        if role == ROLE.UserRole:
            return report
        return None

    def data(self, index: _Index, role: int = ROLE.DisplayRole) -> Any:
        result = self._result
        if result is None or not index.isValid() or not 0 <= index.row() < len(self._order):
            return None
        entry = self._order[index.row()]
        coverage = result.coverage[entry]
        column, last = index.column(), self.report_columns + 2
        if role == ROLE.UserRole:
            return coverage.paragraph
        if column == 0:
            return coverage.paragraph + 1 if role == ROLE.DisplayRole else None
        if column == 1:
            text = result.documents[0].paragraphs[coverage.paragraph].text
            if role == ROLE.DisplayRole:
                return P.snippet(text, 90)
            if role == ROLE.ToolTipRole:
                return P.spoken_summary(result, {coverage.paragraph}) + "\n\n" + P.snippet(text, 400)
            return None
        if column >= last:
            if role in (ROLE.DisplayRole, ROLE.TextAlignmentRole):
                if role == ROLE.TextAlignmentRole:
                    return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                return coverage.agree if column == last else coverage.diverge
            return None
        label = self._label(entry, column - 2)
        if role == ROLE.DisplayRole:
            return _CELL_WORDS[label]
        if role == ROLE.BackgroundRole:
            return self._brushes.get(label)
        if role == ROLE.ToolTipRole:
            report = result.comparisons[column - 2].report
            return f"{result.documents[report].title}: {_CELL_WORDS[label].split()[1]}"
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._result is None:
            return
        self._sort = (self._sort_name(column), order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        entries = [self._order[index.row()] for index in before]
        self._order = self._sorted()
        rows = {entry: row for row, entry in enumerate(self._order)}
        after = [self.index(rows[entry], index.column()) for entry, index in zip(entries, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sorted(self) -> list[int]:
        # From article order, with a stable sort: ties stay in article order either way round.
        if self._result is None:
            return []
        order = list(range(len(self._result.coverage)))
        if self._sort is not None:
            name, direction = self._sort
            key = self._sort_key(name)
            if key is not None:
                order.sort(key=key, reverse=direction == Qt.SortOrder.DescendingOrder)
        return order

    def sort_column(self) -> int:
        """The column the grid is sorted by now (-1: none, or a report no longer shown)."""
        if self._sort is None or self._result is None:
            return -1
        name = self._sort[0]
        if isinstance(name, str):
            return self._fixed_columns()[name]
        n = self._comparison_of(name)
        return -1 if n is None else 2 + n

    def sort_order(self) -> Qt.SortOrder:
        return self._sort[1] if self._sort is not None else Qt.SortOrder.AscendingOrder

    def _fixed_columns(self) -> dict[str, int]:
        """The columns that are not a report's, by name (the count columns move as reports arrive)."""
        last = self.report_columns + 2
        return {"paragraph": 0, "text": 1, "corroborate": last, "contest": last + 1}

    def _comparison_of(self, report: int) -> int | None:
        """Which of the result's comparisons is ``report``'s (its column is 2 + that)."""
        assert self._result is not None
        return next((n for n, c in enumerate(self._result.comparisons) if c.report == report), None)

    def _sort_name(self, column: int) -> str | int:
        report = self.report_at(column)
        if report is not None:
            return report
        return next((name for name, at in self._fixed_columns().items() if at == column), "paragraph")

    def _sort_key(self, name: str | int) -> Any:
        result = self._result
        assert result is not None
        coverage = result.coverage
        if name == "text":
            return lambda entry: result.documents[0].paragraphs[coverage[entry].paragraph].text.casefold()
        if name == "corroborate":
            return lambda entry: coverage[entry].agree
        if name == "contest":
            # Descending, the most contested first: most divergences, then fewest agreements.
            return lambda entry: (coverage[entry].diverge, -coverage[entry].agree)
        if isinstance(name, int):
            n = self._comparison_of(name)
            if n is None:
                return None
            return lambda entry: _CELL_RANK[self._label(entry, n)]
        return lambda entry: coverage[entry].paragraph


def blend(base: QColor, accent: str, alpha: float) -> QColor:
    """``accent`` laid over ``base`` at ``alpha``: a tint that keeps text readable in both themes."""
    a = QColor(accent)
    return QColor(
        round(base.red() * (1 - alpha) + a.red() * alpha),
        round(base.green() * (1 - alpha) + a.green() * alpha),
        round(base.blue() * (1 - alpha) + a.blue() * alpha),
    )
