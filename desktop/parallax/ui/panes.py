"""The two text panes and the link map drawn in the splitter handle between them.

A :class:`DocumentPane` shows one document with highlights (extra selections)
and margin markers; the :class:`LinkMap` handle draws a band from every
article unit to its partners in the report, like Meld (and like calibre's
diff view, inside a ``QSplitterHandle``).

May import: PySide6 and ``parallax.ui.presentation``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QSplitter, QSplitterHandle, QTextEdit, QToolTip, QWidget

from parallax.core.documents import Document
from parallax.ui.presentation import COLOURS, GLYPHS, JUDGEMENT_GLYPHS, utf16_offsets

GUTTER = 26


def tint(label: str, alpha: int) -> QColor:
    colour = QColor(COLOURS[label])
    colour.setAlpha(alpha)
    return colour


@dataclass(frozen=True)
class Mark:
    """A highlighted span in a pane: kind is agree, diverge, wrong, only, conflict or boilerplate."""

    start: int
    end: int
    kind: str


class DocumentPane(QTextEdit):
    """A read-only view of one document, with highlights, margin markers and a selection frame."""

    unit_clicked = Signal(int)  # character offset in the document text

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(name)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.document_ = None  # type: Document | None
        self._offsets: list[int] | None = None
        self._marks: list[Mark] = []
        self._markers: list[tuple[int, str]] = []  # (offset, kind) for the gutter
        self._selected: tuple[int, int] | None = None
        self.wheel_target: DocumentPane | None = None
        # Adds the window's actions for the link under the mouse to the pane's context menu.
        self.menu_extender: Callable[[QMenu, int], None] | None = None

    # --- content ---------------------------------------------------------------------------
    def set_document(self, document: Document | None) -> None:
        self.document_ = document
        self._marks, self._markers, self._selected = [], [], None
        self.setExtraSelections([])
        if document is None:
            self.setPlainText("")
            return
        self._offsets = utf16_offsets(document.text)
        self.setPlainText(document.text)
        root = self.document().rootFrame()
        frame = root.frameFormat()
        frame.setLeftMargin(GUTTER)
        frame.setRightMargin(6)
        root.setFrameFormat(frame)
        self.verticalScrollBar().setValue(0)

    def position(self, offset: int) -> int:
        """QTextDocument position of a Python string offset."""
        if self._offsets is not None:
            offset = self._offsets[max(0, min(offset, len(self._offsets) - 1))]
        return max(0, min(offset, self.document().characterCount() - 1))

    def offset(self, position: int) -> int:
        if self._offsets is None:
            return position
        import bisect

        return max(0, bisect.bisect_right(self._offsets, position) - 1)

    def set_marks(self, marks: list[Mark], markers: list[tuple[int, str]]) -> None:
        self._marks, self._markers = marks, markers
        selections = []
        grey = QColor("#8c8c8c")  # mid grey: readable, yet clearly muted, on light and dark bases
        for mark in marks:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.position(mark.start))
            cursor.setPosition(self.position(mark.end), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            if mark.kind == "agree":
                fmt.setBackground(tint("agree", 45))
            elif mark.kind == "diverge":
                fmt.setBackground(tint("diverge", 70))
            elif mark.kind == "only":
                fmt.setBackground(QBrush(tint("only", 170), Qt.BrushStyle.BDiagPattern))
            elif mark.kind == "conflict":
                fmt.setFontUnderline(True)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor(COLOURS["diverge"]))
                fmt.setFontWeight(QFont.Weight.Bold)
                fmt.setBackground(tint("conflict", 110))
            elif mark.kind == "wrong":  # marked wrong by the user: no tint, a dotted grey underline
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(QColor(COLOURS["wrong"]))
            elif mark.kind == "boilerplate":
                fmt.setForeground(grey)
                fmt.setFontItalic(True)
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)
        self.viewport().update()

    def set_selected(self, span: tuple[int, int] | None) -> None:
        self._selected = span
        self.viewport().update()

    # --- geometry --------------------------------------------------------------------------
    def span_rect(self, start: int, end: int) -> tuple[int, int]:
        """Top and bottom of a span, in viewport coordinates."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.position(start))
        top = self.cursorRect(cursor).top()
        cursor.setPosition(self.position(max(start, end)))
        bottom = self.cursorRect(cursor).bottom()
        return top, max(bottom, top + 4)

    def doc_y(self, offset: int) -> int:
        """Top of the character at ``offset`` in document coordinates (independent of scrolling)."""
        return self.span_rect(offset, offset)[0] + self.verticalScrollBar().value()

    def content_height(self) -> int:
        return int(self.document().size().height())

    def scroll_to_doc_y(self, y: float) -> None:
        self.verticalScrollBar().setValue(round(y))

    def is_visible_span(self, start: int, end: int) -> bool:
        top, bottom = self.span_rect(start, end)
        return bottom > 0 and top < self.viewport().height()

    # --- painting & input ------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        height = self.viewport().height()
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        for offset, kind in self._markers:
            top, _ = self.span_rect(offset, offset)
            if top < -30 or top > height:
                continue
            if kind.startswith("j-"):  # the user's judgement, under the label's symbol
                painter.setPen(self.palette().color(QPalette.ColorRole.Text))
                glyph = JUDGEMENT_GLYPHS.get(kind[2:], "?")
                painter.drawText(QRect(2, top + 17, GUTTER - 6, 18), Qt.AlignmentFlag.AlignCenter, glyph)
                continue
            colour = QColor(COLOURS.get(kind, COLOURS["only"]))
            painter.setPen(colour)
            painter.drawText(QRect(2, top, GUTTER - 6, 20), Qt.AlignmentFlag.AlignCenter, GLYPHS.get(kind, "?"))
        if self._selected is not None:
            top, bottom = self.span_rect(*self._selected)
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(
                QRect(GUTTER - 4, top - 2, self.viewport().width() - GUTTER, bottom - top + 4), 4, 4
            )
        painter.end()

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if not self.textCursor().hasSelection():
            cursor = self.cursorForPosition(event.position().toPoint())
            self.unit_clicked.emit(self.offset(cursor.position()))

    def contextMenuEvent(self, event) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if self.menu_extender is not None:
            cursor = self.cursorForPosition(event.pos())
            self.menu_extender(menu, self.offset(cursor.position()))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def markers(self) -> list[tuple[int, str]]:
        """The margin markers as (offset, kind): labels, "only", and the user's judgements ("j-...")."""
        return list(self._markers)

    def wheelEvent(self, event) -> None:
        if self.wheel_target is not None:
            self.wheel_target.wheelEvent(event)
            return
        super().wheelEvent(event)


@dataclass(frozen=True)
class Band:
    """One link: spans in the article and in the report, its label and whether it is selected."""

    article: tuple[int, int]
    report: tuple[int, int]
    label: str
    selected: bool
    tooltip: str


class LinkMap(QSplitterHandle):
    """The splitter handle between the panes: a band per link, coloured and dashed by label; click one to select it."""

    band_clicked = Signal(int)

    def __init__(self, orientation: Qt.Orientation, parent: QSplitter) -> None:
        super().__init__(orientation, parent)
        self.left: DocumentPane | None = None
        self.right: DocumentPane | None = None
        self.bands: list[Band] = []
        self.setAccessibleName("Link map")
        self.setAccessibleDescription("Bands joining each article paragraph to its partners in the report")
        self.setMouseTracking(True)

    def sizeHint(self):
        hint = super().sizeHint()
        hint.setWidth(64)
        return hint

    def _y(self, pane: DocumentPane, y: int) -> int:
        return self.mapFromGlobal(pane.viewport().mapToGlobal(QPoint(0, y))).y()

    def band_paths(self) -> list[tuple[Band, QPainterPath]]:
        if self.left is None or self.right is None:
            return []
        out = []
        w = self.width()
        for band in self.bands:
            lt, lb = self.left.span_rect(*band.article)
            rt, rb = self.right.span_rect(*band.report)
            lt, lb = self._y(self.left, lt), self._y(self.left, lb)
            rt, rb = self._y(self.right, rt), self._y(self.right, rb)
            if max(lb, rb) < 0 or min(lt, rt) > self.height():
                continue
            path = QPainterPath(QPointF(0, lt))
            path.cubicTo(QPointF(w / 2, lt), QPointF(w / 2, rt), QPointF(w, rt))
            path.lineTo(QPointF(w, rb))
            path.cubicTo(QPointF(w / 2, rb), QPointF(w / 2, lb), QPointF(0, lb))
            path.closeSubpath()
            out.append((band, path))
        return out

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Window))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for band, path in self.band_paths():
            colour = QColor(COLOURS[band.label])
            fill = QColor(colour)
            fill.setAlpha(150 if band.selected else 70)
            pen = QPen(colour, 2.5 if band.selected else 1.0)
            if band.label == "diverge":
                pen.setStyle(Qt.PenStyle.DashLine)
            elif band.label == "wrong":
                pen.setStyle(Qt.PenStyle.DotLine)
                fill.setAlpha(60 if band.selected else 25)
            painter.setPen(pen)
            painter.setBrush(fill)
            painter.drawPath(path)
        painter.end()

    def mousePressEvent(self, event) -> None:
        for band, path in self.band_paths():
            if path.contains(QPointF(event.position())):
                self.band_clicked.emit(self.bands.index(band))
                return
        super().mousePressEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            for band, path in self.band_paths():
                if path.contains(QPointF(event.position() if hasattr(event, "position") else event.pos())):
                    QToolTip.showText(event.globalPos(), band.tooltip, self)
                    return True
            QToolTip.hideText()
            return True
        return super().event(event)


class LinkSplitter(QSplitter):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setHandleWidth(64)
        self.setChildrenCollapsible(False)

    def createHandle(self) -> QSplitterHandle:
        return LinkMap(self.orientation(), self)

    def link_map(self) -> LinkMap:
        handle = self.handle(1)
        assert isinstance(handle, LinkMap)
        return handle
