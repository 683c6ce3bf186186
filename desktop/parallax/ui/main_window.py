"""The main window: article and report side by side, link map, sources, claims, coverage, detail.

A thin layer over :mod:`parallax.core`: reading, embedding and aligning run in
:mod:`parallax.ui.workers` (one serial queue, request tokens); the widgets
only draw what a :class:`~parallax.core.compare.ComparisonResult` says. The
user's judgements (:mod:`parallax.core.judgements`), sessions and the autosave
(:mod:`parallax.core.session`) and the exports (HTML, PDF, CSV, JSON) are engine
functions; this module only calls them and shows their marks.

May import: PySide6, ``parallax.core`` (never torch or sentence-transformers:
the embedder loads its model itself, inside a worker).
"""

from __future__ import annotations

import contextlib
import html
import itertools
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QLockFile, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSlider,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from parallax import __version__
from parallax.core.documents import Document
from parallax.core.model import MODEL_LICENCE, MODEL_NAME, default_cache_path
from parallax.ui import presentation as P
from parallax.ui.engine_process import Embedded, EngineProcess, default_embedder, shared_engine
from parallax.ui.panes import Band, DocumentPane, LinkSplitter, Mark
from parallax.ui.tables import ClaimRow, ClaimsModel, CoverageModel, blend
from parallax.ui.workers import Job, SerialQueue

if TYPE_CHECKING:
    from parallax.core.embed import EmbeddingCache
    from parallax.core.judgements import Judgement, Resolved
    from parallax.core.result import CompareConfig, ComparisonResult, Link, ReportComparison
    from parallax.core.session import Session

# The engine's default link threshold (CompareConfig().threshold), kept here so that the window
# can paint before the alignment and claim modules are imported (they load in the worker).
DEFAULT_THRESHOLD = 0.5

MAX_RECENT = 10
PARTIAL_INTERVAL_S = 0.5  # how often reports compared so far are shown while the rest are compared
FILE_FILTER = (
    "Documents (*.txt *.text *.md *.markdown *.html *.htm *.xhtml *.pdf *.docx);;"
    "PDF (*.pdf);;Word (*.docx);;Web pages (*.html *.htm *.xhtml);;Text and Markdown (*.txt *.text *.md *.markdown);;"
    "Parallax sessions (*.parallax);;All files (*)"
)
SESSION_FILTER = "Parallax sessions (*.parallax);;All files (*)"
# File > Export: kind -> (menu text, dialog filter, suffix)
EXPORTS = {
    "html": ("&HTML report…", "HTML report (*.html)", ".html"),
    "pdf": ("&PDF report…", "PDF report (*.pdf)", ".pdf"),
    "csv": ("&CSV of links and conflicts…", "CSV table (*.csv)", ".csv"),
    "json": ("&JSON (schema 1)…", "JSON (*.json)", ".json"),
}
AUTOSAVE_DELAY_MS = 1500  # after a change
AUTOSAVE_INTERVAL_MS = 60_000  # and on a timer, whatever happens


def app_settings() -> QSettings:
    """Parallax's settings (an INI file in the user's config folder; tests redirect it with QSettings.setPath)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "parallax", "parallax")


class MainWindow(QMainWindow):
    """Parallax's window. ``embedder_factory`` makes the embedder (tests pass ``HashingEmbedder``)."""

    result_ready = Signal()
    exported = Signal(str, str)  # path, error message ("" when the file was written)
    documents_changed = Signal()

    def __init__(
        self,
        files: Sequence[str] | None = None,
        embedder_factory: Callable[[], object] | None = None,
        cache: EmbeddingCache | None = None,
        settings: QSettings | None = None,
        autosave: str | Path | None = None,
    ) -> None:
        super().__init__()
        self.setWindowTitle("Parallax")
        self.setAcceptDrops(True)
        self.settings = settings or app_settings()
        # The engine runs in a child process (see engine_process): the factory and the cache's
        # path travel there, so the factory must be picklable (a class or a module-level function).
        self._embedder_factory = embedder_factory or default_embedder
        self._cache = cache
        self.documents: list[Document] = []
        self.prepared: Embedded | None = None
        self.result: ComparisonResult | None = None
        self.report_index = 1  # index into result.documents of the report on the right
        self.selection: tuple[int, int] | None = None  # (report index, link index) in self.result
        self.judgements: tuple[Judgement, ...] = ()  # the user's, keyed by texts (parallax.core.judgements)
        self._resolved: tuple[object, tuple[Judgement, ...], Resolved] | None = None
        self.session_path: str | None = None  # the session file last saved or opened
        self._pending_report: int | None = None  # the report to show once a session's comparison arrives
        self._generation = 0  # bumped when a session replaces everything: older loads are dropped
        self._token = 0
        self._updating = False
        self._syncing = False
        self.queue = SerialQueue(self)
        self.queue.busy_changed.connect(self._on_busy)

        self._build_ui()
        self._restore_settings()
        self._setup_autosave(autosave)
        self._files = [str(f) for f in files] if files else None
        self._load_started = False
        # Start reading only once the window has painted (see showEvent); the fallback covers a hidden window.
        QTimer.singleShot(500, self._initial_load)

    # ------------------------------------------------------------------ construction
    def _build_ui(self) -> None:
        self.article_pane = DocumentPane("Article")
        self.article_pane.setAccessibleDescription("The article: every paragraph marked agree, diverge or only here")
        self.report_pane = DocumentPane("Report")
        self.report_pane.setAccessibleDescription("The selected report, kept level with the article")
        self.report_pane.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.report_pane.wheel_target = self.article_pane
        self.splitter = LinkSplitter()
        self.splitter.addWidget(self.article_pane)
        self.splitter.addWidget(self.report_pane)
        self.link_map = self.splitter.link_map()
        self.link_map.left, self.link_map.right = self.article_pane, self.report_pane
        self.link_map.setToolTip("Link map: hover a band for its similarity, click it to select the link")
        self.link_map.band_clicked.connect(lambda i: self.select_link(self.report_index, i, scroll=False))
        self.article_pane.verticalScrollBar().valueChanged.connect(self._sync_scroll)
        self.report_pane.verticalScrollBar().valueChanged.connect(self.link_map.update)
        self.article_pane.document().documentLayout().documentSizeChanged.connect(lambda *_: self._sync_scroll())
        self.report_pane.document().documentLayout().documentSizeChanged.connect(lambda *_: self._sync_scroll())
        self.article_pane.unit_clicked.connect(lambda offset: self._clicked(offset, "article"))
        self.report_pane.unit_clicked.connect(lambda offset: self._clicked(offset, "report"))
        self.article_pane.menu_extender = lambda menu, offset: self._pane_menu(menu, offset, "article")
        self.report_pane.menu_extender = lambda menu, offset: self._pane_menu(menu, offset, "report")

        self.article_title = QLabel("Article")
        self.report_title = QLabel("Report")
        for label in (self.article_title, self.report_title):
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(False)
            label.setMinimumWidth(40)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        titles = QHBoxLayout()
        titles.addWidget(self.article_title, 1)
        titles.addSpacing(64)
        titles.addWidget(self.report_title, 1)

        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName("Legend")
        self.legend.setToolTip("What the marks mean: colours are backed by symbols in the margin")
        self.message_bar = QLabel()
        self.message_bar.setWordWrap(True)
        self.message_bar.setAccessibleName("Message")
        self.message_bar.setVisible(False)
        self.message_bar.setStyleSheet(
            "QLabel { background: #fff3cd; color: #5c4400; border: 1px solid #E69F00; padding: 6px; }"
        )
        self.message_close = QToolButton()
        self.message_close.setText("✕")
        self.message_close.setToolTip("Dismiss this message")
        self.message_close.setVisible(False)
        self.message_close.clicked.connect(self.clear_message)
        self.restore_button = QPushButton("Restore")
        self.restore_button.setToolTip("Reopen the comparison Parallax was working on when it stopped")
        self.restore_button.setVisible(False)
        self.restore_button.clicked.connect(self.restore_autosave)
        self.discard_button = QPushButton("Discard")
        self.discard_button.setToolTip("Forget the unsaved comparison of the last run")
        self.discard_button.setVisible(False)
        self.discard_button.clicked.connect(self.discard_autosave)
        message_row = QHBoxLayout()
        message_row.addWidget(self.message_bar, 1)
        message_row.addWidget(self.restore_button)
        message_row.addWidget(self.discard_button)
        message_row.addWidget(self.message_close)

        compare_page = QWidget()
        layout = QVBoxLayout(compare_page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(titles)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.legend)

        self.coverage_model = CoverageModel(self)
        self.coverage = QTableView()
        self.coverage.setModel(self.coverage_model)
        self.coverage.verticalHeader().setVisible(False)
        self.coverage.horizontalHeader().setSortIndicatorShown(True)
        self.coverage.setAccessibleName("Coverage overview")
        self.coverage.setAccessibleDescription(
            "Article paragraphs against every report: agree, diverge or absent, with how many reports corroborate"
        )
        self.coverage.setToolTip("Click a cell to open that paragraph in that report")
        self.coverage.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.coverage.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.coverage.setSortingEnabled(True)
        self.coverage.clicked.connect(self._coverage_clicked)
        self.coverage.activated.connect(self._coverage_clicked)
        self.contested_button = QPushButton("Most contested first")
        self.contested_button.setToolTip("Sort the paragraphs so the ones most reports dispute come first")
        self.contested_button.clicked.connect(self.sort_most_contested)
        coverage_page = QWidget()
        cov_layout = QVBoxLayout(coverage_page)
        cov_layout.setContentsMargins(4, 4, 4, 4)
        cov_row = QHBoxLayout()
        cov_row.addWidget(QLabel("Who else reports each paragraph of the article, and who says otherwise?"), 1)
        cov_row.addWidget(self.contested_button)
        cov_layout.addLayout(cov_row)
        cov_layout.addWidget(self.coverage, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(compare_page, "Side by side")
        self.tabs.addTab(coverage_page, "Coverage")
        self.tabs.setTabToolTip(0, "The article beside one report, linked paragraph by paragraph")
        self.tabs.setTabToolTip(1, "Every article paragraph against every report")

        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.addLayout(message_row)
        central_layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self._build_sources()
        self._build_detail()
        self._build_claims()
        self._build_actions()
        self._build_status()
        self._update_legend()
        self._refresh_judgement_controls()

    def _build_sources(self) -> None:
        self.sources = QListWidget()
        self.sources.setAccessibleName("Sources")
        self.sources.setAccessibleDescription("The article and every report, with agree, diverge and only-here counts")
        self.sources.setToolTip("Choose the report shown on the right")
        self.sources.setWordWrap(True)
        self.sources.currentRowChanged.connect(self._source_chosen)
        buttons = QHBoxLayout()
        self.up_button = QPushButton("↑")
        self.up_button.setToolTip("Move the selected report up")
        self.down_button = QPushButton("↓")
        self.down_button.setToolTip("Move the selected report down")
        self.article_button = QPushButton("Make article")
        self.article_button.setToolTip("Compare every other document against the selected one")
        self.remove_button = QPushButton("Remove")
        self.remove_button.setToolTip("Remove the selected document from the comparison")
        self.up_button.clicked.connect(lambda: self.move_source(-1))
        self.down_button.clicked.connect(lambda: self.move_source(1))
        self.article_button.clicked.connect(self.make_article)
        self.remove_button.clicked.connect(self.remove_source)
        for button in (self.up_button, self.down_button, self.article_button, self.remove_button):
            button.setAccessibleName(button.toolTip())
            buttons.addWidget(button)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.sources, 1)
        layout.addLayout(buttons)
        dock = QDockWidget("Sources", self)
        dock.setObjectName("sources")
        dock.setWidget(box)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.sources_dock = dock

    def _build_detail(self) -> None:
        self.detail = QTextBrowser()
        self.detail.setAccessibleName("Link detail")
        self.detail.setAccessibleDescription(
            "Similarity, conflicts in plain words and the word diff of the selected link"
        )
        self.detail.setToolTip(
            "The selected link: struck-through words are only in the article, underlined only in the report"
        )
        self.detail.setOpenLinks(False)
        # The user's judgement of the selected link: buttons for the verdict, a line for a note.
        self.wrong_button = QPushButton(f"{P.JUDGEMENT_GLYPHS['wrong']} Wrong link")
        self.wrong_button.setToolTip("These paragraphs are not about the same thing: the link is wrong")
        self.confirm_button = QPushButton(f"{P.JUDGEMENT_GLYPHS['confirmed']} Confirm divergence")
        self.confirm_button.setToolTip("You checked: the two sides really disagree")
        self.dismiss_button = QPushButton(f"{P.JUDGEMENT_GLYPHS['dismissed']} Not a divergence")
        self.dismiss_button.setToolTip("You checked: the two sides say the same")
        verdicts = (
            ("wrong", self.wrong_button),
            ("confirmed", self.confirm_button),
            ("dismissed", self.dismiss_button),
        )
        for verdict, button in verdicts:
            button.setCheckable(True)
            button.setAccessibleName(button.toolTip())
            button.clicked.connect(lambda checked, v=verdict: self.judge_selected(verdict=v if checked else ""))
        self.verdict_buttons = dict(verdicts)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(f"{P.JUDGEMENT_GLYPHS['note']} Your note on this link (Enter to keep it)")
        self.note_edit.setAccessibleName("Your note on the selected link")
        self.note_edit.setClearButtonEnabled(True)
        self.note_edit.editingFinished.connect(self._note_edited)
        judge_row = QHBoxLayout()
        for button in self.verdict_buttons.values():
            judge_row.addWidget(button)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.detail, 1)
        layout.addLayout(judge_row)
        layout.addWidget(self.note_edit)
        dock = QDockWidget("Detail", self)
        dock.setObjectName("detail")
        dock.setWidget(box)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.detail_dock = dock

    def _build_claims(self) -> None:
        self.claims_model = ClaimsModel(self)
        self.claims = QTreeView()
        self.claims.setModel(self.claims_model)
        self.claims.setAccessibleName("Claims")
        self.claims.setAccessibleDescription("Every divergence across all reports; choose one to show it in both panes")
        self.claims.setToolTip("Every divergence across all reports: choose one to jump to it")
        self.claims.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.claims.customContextMenuRequested.connect(self._claims_menu)
        self.claims.setRootIsDecorated(False)
        self.claims.setAlternatingRowColors(True)
        self.claims.setUniformRowHeights(True)
        self.claims.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.claims.header().setStretchLastSection(False)
        self.claims.selectionModel().currentRowChanged.connect(self._claim_chosen)
        self.claims.clicked.connect(lambda index: self._claim_chosen(index, None))
        self.claim_report_filter = QComboBox()
        self.claim_report_filter.setToolTip("Show the claims of one report only")
        self.claim_report_filter.setAccessibleName("Filter claims by report")
        self.claim_kind_filter = QComboBox()
        self.claim_kind_filter.setToolTip("Show one kind of conflict only")
        self.claim_kind_filter.setAccessibleName("Filter claims by kind")
        self.claim_kind_filter.addItem("All kinds", "")
        for kind in P.CONFLICT_KINDS:
            self.claim_kind_filter.addItem(kind.capitalize(), kind)
        self.show_agreements = QCheckBox("Show agreements")
        self.show_agreements.setToolTip("List agreeing links too, not only divergences")
        for widget in (self.claim_report_filter, self.claim_kind_filter):
            widget.currentIndexChanged.connect(self._refresh_claims)
        self.show_agreements.toggled.connect(self._refresh_claims)
        filters = QHBoxLayout()
        filters.addWidget(QLabel("Report:"))
        filters.addWidget(self.claim_report_filter, 1)
        filters.addWidget(QLabel("Kind:"))
        filters.addWidget(self.claim_kind_filter)
        filters.addWidget(self.show_agreements)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.claims, 1)
        dock = QDockWidget("Claims", self)
        dock.setObjectName("claims")
        dock.setWidget(box)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.claims_dock = dock

    def _build_actions(self) -> None:
        def action(text: str, tip: str, slot, shortcut=None) -> QAction:
            act = QAction(text, self)
            act.setToolTip(tip)
            act.setStatusTip(tip)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
                act.setToolTip(f"{tip} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
            act.triggered.connect(slot)
            return act

        self.open_action = action("&Open…", "Open an article or reports (several at once)", self.open_dialog,
                                  QKeySequence.StandardKey.Open)  # fmt: skip
        self.open_url_action = action("Open &URL…", "Fetch a web page (or an online PDF) and add it",
                                      self.open_url_dialog, "Ctrl+Shift+O")  # fmt: skip
        self.paste_action = action("&Paste as report", "Add the text or web page on the clipboard as a new report",
                                   self.paste_report, "Ctrl+Shift+V")  # fmt: skip
        self.prev_action = action("◀ Previous divergence", "Go to the previous divergence", lambda: self.step_divergence(-1),
                                  "Alt+Up")  # fmt: skip
        self.next_action = action("Next divergence ▶", "Go to the next divergence", lambda: self.step_divergence(1),
                                  "Alt+Down")  # fmt: skip
        self.coverage_action = action("&Coverage overview", "Show every article paragraph against every report",
                                      lambda: self.tabs.setCurrentIndex(1), "Ctrl+2")  # fmt: skip
        self.side_action = action("&Side by side", "Show the article beside one report",
                                  lambda: self.tabs.setCurrentIndex(0), "Ctrl+1")  # fmt: skip
        self.quit_action = action("&Quit", "Close Parallax", self.close, QKeySequence.StandardKey.Quit)
        self.about_action = action("&About Parallax", "Version, model and licence", self.about)
        self.open_session_action = action("Open &Session…", "Open a saved comparison (.parallax)",
                                          self.open_session_dialog, "Ctrl+Shift+O")  # fmt: skip
        self.save_session_action = action("&Save Session", "Save the documents, settings and your judgements",
                                          self.save_session, QKeySequence.StandardKey.Save)  # fmt: skip
        self.save_session_as_action = action("Save Session &As…", "Save the comparison to a new session file",
                                             self.save_session_as, QKeySequence.StandardKey.SaveAs)  # fmt: skip
        self.last_session_action = action("Reopen &Last Session", "The comparison open when Parallax last closed",
                                          self.reopen_last_session)  # fmt: skip
        self.export_actions = {
            kind: action(text, f"Export the comparison as {filt.split(' (')[0]}", lambda _=False, k=kind: self.export_dialog(k))
            for kind, (text, filt, _suffix) in EXPORTS.items()
        }  # fmt: skip
        self.wrong_action = action(f"{P.JUDGEMENT_GLYPHS['wrong']} Mark Link &Wrong", "The selected link joins "
                                   "paragraphs that are not about the same thing", lambda: self.judge_selected(verdict="wrong"))  # fmt: skip
        self.confirm_action = action(f"{P.JUDGEMENT_GLYPHS['confirmed']} &Confirm Divergence", "The two sides "
                                     "really disagree", lambda: self.judge_selected(verdict="confirmed"))  # fmt: skip
        self.dismiss_action = action(f"{P.JUDGEMENT_GLYPHS['dismissed']} &Not a Divergence", "The two sides say "
                                     "the same", lambda: self.judge_selected(verdict="dismissed"))  # fmt: skip
        self.note_action = action(f"{P.JUDGEMENT_GLYPHS['note']} Add or Edit &Note…", "Write a note on the selected "
                                  "link", self.edit_note, "Ctrl+Shift+N")  # fmt: skip
        self.clear_judgement_action = action("C&lear My Judgement", "Remove your verdict and note from the "
                                             "selected link", lambda: self.judge_selected(verdict="", note=""))  # fmt: skip
        self.judgement_actions = [self.wrong_action, self.confirm_action, self.dismiss_action, self.note_action,
                                  self.clear_judgement_action]  # fmt: skip
        for act in (self.prev_action, self.next_action):
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

        menu = self.menuBar().addMenu("&File")
        menu.addAction(self.open_action)
        menu.addAction(self.open_url_action)
        self.recent_menu = menu.addMenu("Open &Recent")
        self.recent_menu.setToolTip("Files opened before")
        menu.addAction(self.paste_action)
        menu.addSeparator()
        menu.addAction(self.open_session_action)
        menu.addAction(self.last_session_action)
        menu.addAction(self.save_session_action)
        menu.addAction(self.save_session_as_action)
        menu.addSeparator()
        self.export_menu = menu.addMenu("&Export")
        self.export_menu.setToolTip("Hand the comparison on: a report, a table or the raw data")
        for act in self.export_actions.values():
            self.export_menu.addAction(act)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        self.file_menu = menu
        linkmenu = self.menuBar().addMenu("&Link")
        for act in self.judgement_actions:
            linkmenu.addAction(act)
        self.link_menu = linkmenu
        view = self.menuBar().addMenu("&View")
        for act in (self.prev_action, self.next_action, self.side_action, self.coverage_action):
            view.addAction(act)
        view.addSeparator()
        for dock in (self.sources_dock, self.detail_dock, self.claims_dock):
            view.addAction(dock.toggleViewAction())
        helpmenu = self.menuBar().addMenu("&Help")
        helpmenu.addAction(self.about_action)

        bar = QToolBar("Main")
        bar.setObjectName("main-toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addAction(self.open_action)
        bar.addAction(self.paste_action)
        bar.addSeparator()
        bar.addAction(self.prev_action)
        bar.addAction(self.next_action)
        bar.addSeparator()
        bar.addWidget(QLabel(" Threshold "))
        self.threshold = QSlider(Qt.Orientation.Horizontal)
        self.threshold.setRange(20, 95)
        self.threshold.setValue(round(DEFAULT_THRESHOLD * 100))
        self.threshold.setFixedWidth(140)
        self.threshold.setToolTip(
            "Lowest similarity for two paragraphs to be linked (re-aligns without re-embedding); the headlines,"
            " and paragraphs that alone share their names and words, may link a little under it"
        )
        self.threshold.setAccessibleName("Similarity threshold")
        self.threshold_label = QLabel()
        self.threshold_label.setMinimumWidth(34)
        bar.addWidget(self.threshold)
        bar.addWidget(self.threshold_label)
        bar.addSeparator()
        self.granularity = QComboBox()
        self.granularity.addItem("Paragraphs", False)
        self.granularity.addItem("Sentences", True)
        self.granularity.setToolTip("Link whole paragraphs or single sentences")
        self.granularity.setAccessibleName("Granularity")
        bar.addWidget(self.granularity)
        self.ignore_case = QCheckBox("Ignore case")
        self.ignore_case.setToolTip("Word diff: treat upper and lower case as the same")
        self.ignore_punctuation = QCheckBox("Ignore punctuation")
        self.ignore_punctuation.setToolTip("Word diff: ignore punctuation marks")
        bar.addWidget(self.ignore_case)
        bar.addWidget(self.ignore_punctuation)
        self.addToolBar(bar)
        self.toolbar = bar

        self._realign_timer = QTimer(self)
        self._realign_timer.setSingleShot(True)
        # Zero: the re-alignment starts on the next pass of the event loop, so a user sees it at once
        # (the demo re-aligns in a few milliseconds), while the changes of one pass (a dragged slider)
        # still make one request. Requests made while one runs replace each other in the queue.
        self._realign_timer.setInterval(0)
        self._realign_timer.timeout.connect(lambda: self.request_compare(reprepare=False))
        self.threshold.valueChanged.connect(self._threshold_moved)
        self.granularity.currentIndexChanged.connect(lambda *_: self._realign_timer.start())
        self.ignore_case.toggled.connect(lambda *_: self._realign_timer.start())
        self.ignore_punctuation.toggled.connect(lambda *_: self._realign_timer.start())
        self._threshold_moved(self.threshold.value(), realign=False)

    def _build_status(self) -> None:
        self.status_label = QLabel("Starting…")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setVisible(False)
        self.progress.setAccessibleName("Progress")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop the comparison that is running")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)

    # ------------------------------------------------------------------ settings
    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 880)
        state = s.value("state")
        self._state_restored = isinstance(state, QByteArray | bytes) and self.restoreState(state)
        with contextlib.suppress(TypeError, ValueError):
            self.threshold.setValue(int(str(s.value("threshold", self.threshold.value()))))
        self.granularity.setCurrentIndex(1 if str(s.value("granularity", "paragraphs")) == "sentences" else 0)
        self.ignore_case.setChecked(str(s.value("ignore_case", "false")).lower() == "true")
        self.ignore_punctuation.setChecked(str(s.value("ignore_punctuation", "false")).lower() == "true")
        self._realign_timer.stop()
        self._rebuild_recent()

    def _save_settings(self) -> None:
        s = self.settings
        s.setValue("geometry", self.saveGeometry())
        s.setValue("state", self.saveState())
        s.setValue("threshold", self.threshold.value())
        s.setValue("granularity", "sentences" if self.sentences else "paragraphs")
        s.setValue("ignore_case", self.ignore_case.isChecked())
        s.setValue("ignore_punctuation", self.ignore_punctuation.isChecked())
        s.sync()

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent", [])
        if isinstance(value, str):
            return [value]  # QSettings gives a list of one as its one string
        return [str(v) for v in value] if isinstance(value, list | tuple) else []

    def _add_recent(self, paths: Sequence[str]) -> None:
        recent = self.recent_files()
        for path in paths:
            if path in recent:
                recent.remove(path)
            recent.insert(0, path)
        self.settings.setValue("recent", recent[:MAX_RECENT])
        self._rebuild_recent()

    def _rebuild_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_files()
        for path in recent:
            act = self.recent_menu.addAction(P.snippet(path, 60) if "://" in path else Path(path).name)
            act.setToolTip(path)
            act.triggered.connect(lambda _=False, p=path: self.open_files([p]))
        self.recent_menu.setEnabled(bool(recent))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(20, self._initial_load)
        if not getattr(self, "_docks_sized", False):
            self._docks_sized = True
            if not self._state_restored:
                self.resizeDocks([self.sources_dock, self.detail_dock], [270, 380], Qt.Orientation.Horizontal)
                self.resizeDocks([self.claims_dock], [190], Qt.Orientation.Vertical)

    def closeEvent(self, event) -> None:
        self._save_settings()
        self._realign_timer.stop()
        self._token += 1
        self.queue.close()
        self._finish_autosave()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop background work and end the autosave cleanly (tests call this before the window goes away)."""
        self._realign_timer.stop()
        self._token += 1
        self.queue.close()
        self._finish_autosave()

    # ------------------------------------------------------------------ properties
    @property
    def sentences(self) -> bool:
        return bool(self.granularity.currentData())

    @property
    def engine(self) -> EngineProcess:
        return shared_engine()

    def _cache_path(self) -> str:
        return str(self._cache.path if self._cache is not None else default_cache_path())

    def config(self) -> CompareConfig:
        from parallax.core.result import CompareConfig
        from parallax.core.worddiff import DiffConfig

        return CompareConfig(
            threshold=self.threshold.value() / 100,
            sentences=self.sentences,
            diff=DiffConfig(ignore_case=self.ignore_case.isChecked(),
                            ignore_punctuation=self.ignore_punctuation.isChecked()),
        )  # fmt: skip

    # ------------------------------------------------------------------ messages & progress
    def show_message(self, text: str) -> None:
        self.message_bar.setText(text)
        self.message_bar.setVisible(True)
        self.message_close.setVisible(True)
        self.status_label.setText(text.splitlines()[0])

    def clear_message(self) -> None:
        self.message_bar.clear()
        self.message_bar.setVisible(False)
        self.message_close.setVisible(False)

    def message_text(self) -> str:
        return self.message_bar.text() if self.message_bar.isVisible() else ""

    def _on_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)

    def _on_progress(self, token: int, done: int, total: int, label: str) -> None:
        if token != self._token and token >= 0:
            return
        self.status_label.setText(label)
        if total > 0 and done > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        else:
            self.progress.setRange(0, 0)

    def cancel(self) -> None:
        self._token += 1
        self.queue.cancel_all()
        self.status_label.setText("Cancelled")

    @property
    def busy(self) -> bool:
        return self.queue.busy

    # ------------------------------------------------------------------ loading
    def _initial_load(self) -> None:
        if self._load_started:
            return
        self._load_started = True
        if self._files is None:
            from parallax.demo import demo_paths

            self.status_label.setText("Opening the demo: an article and three reports…")
            self.open_files([str(p) for p in demo_paths()], remember=False)
        else:
            self.open_files(self._files)

    def open_dialog(self) -> None:
        start = str(Path(self.recent_files()[0]).parent) if self.recent_files() else ""
        paths, _ = QFileDialog.getOpenFileNames(self, "Open documents", start, FILE_FILTER)
        if paths:
            self.open_files(paths)

    def open_files(self, paths: Sequence[str], remember: bool = True) -> None:
        """Read ``paths`` in the background and add them (the first document ever opened is the article).

        A ``.parallax`` session among them replaces the whole comparison instead.
        """
        from parallax.core.session_path import is_session_path

        paths = [str(p) for p in paths]
        sessions = [p for p in paths if is_session_path(p)]
        if sessions:
            self.open_session(sessions[0], remember=remember)
            return

        engine = self.engine

        def work(job: Job) -> tuple[list[Document], list[str], list[str]]:
            documents, errors, good = [], [], []
            for path, outcome in zip(paths, engine.read(paths, job.report, job.cancelled), strict=True):
                if isinstance(outcome, str):
                    errors.append(outcome)
                else:
                    documents.append(outcome)
                    good.append(path)
            return documents, errors, good

        generation = self._generation
        self._submit(
            "load", work, lambda result: self._read(result, remember=remember, generation=generation), replace=False
        )

    def open_url_dialog(self) -> None:
        """File > Open URL…: ask for a web address and fetch it (the only time the app uses the network)."""
        url, ok = QInputDialog.getText(
            self,
            "Open URL",
            "Address of a web page or online PDF (http:// or https://):",
            QLineEdit.EchoMode.Normal,
            "",
        )
        if ok and url.strip():
            self.open_url(url.strip())

    def open_url(self, url: str) -> None:
        """Fetch ``url`` in the engine process and add it like an opened file."""
        from parallax.core.fetch import is_url

        if not is_url(url):
            self.show_message(f"Not a web address: {P.snippet(url, 80)} (it must start with http:// or https://)")
            return
        self.status_label.setText(f"Fetching {P.snippet(url, 80)}…")
        self.open_files([url])

    def paste_report(self) -> None:
        """Add the clipboard as a report: its HTML (main text extracted, as for a web page) or its text."""
        mime = QGuiApplication.clipboard().mimeData()
        text = mime.text() if mime is not None and mime.hasText() else ""
        markup = mime.html() if mime is not None and mime.hasHtml() else ""
        if not text.strip() and not markup.strip():
            self.show_message("The clipboard holds no text to add as a report.")
            return
        engine = self.engine

        def work(job: Job) -> tuple[list[Document], list[str], list[str]]:
            outcome = engine.read_clipboard(text or None, markup or None, job.report, job.cancelled)
            return ([], [outcome], []) if isinstance(outcome, str) else ([outcome], [], [])

        self._submit("load", work, lambda result: self._read(result, remember=False), replace=False)

    def add_documents(self, documents: Sequence[Document]) -> None:
        self._loaded(list(documents), [], [], remember=False)

    def _read(self, result: tuple[list[Document], list[str], list[str]], remember: bool, generation: int = -1) -> None:
        """A load job's result: the documents read, the errors, and the paths that were read."""
        documents, errors, good = result
        self._loaded(documents, errors, good, remember=remember, generation=generation)

    def _loaded(
        self, documents: list[Document], errors: list[str], good: list[str], remember: bool, generation: int = -1
    ) -> None:
        if generation >= 0 and generation != self._generation:
            return  # read before a session replaced everything: not part of it
        if errors:
            self.show_message("Could not open: " + "\n".join(errors) + "\nEverything already loaded is unchanged.")
        if remember and good:
            self._add_recent(good)
        if not documents:
            if not errors:
                self.status_label.setText("Nothing to add")
            return
        if errors == [] and not self.restore_button.isVisible():
            self.clear_message()
        self.documents.extend(documents)
        self.prepared = None
        self.documents_changed.emit()
        self._refresh_sources()
        self.request_compare(reprepare=True)

    def _submit(
        self, kind: str, work, on_result, replace: bool = True, token: int | None = None, on_partial=None
    ) -> None:
        job = Job(self._token if token is None else token, kind, work)
        job.signals.progress.connect(self._on_progress)
        if on_partial is not None:

            def partial(tok: int, value: object) -> None:
                if tok == self._token:
                    on_partial(value)

            job.signals.partial.connect(partial)

        def finished(tok: int, result: object) -> None:
            if kind != "load" and tok != self._token:
                return  # stale
            on_result(result)

        def failed(tok: int, message: str) -> None:
            if kind != "load" and tok != self._token:
                return
            if message:
                self.show_message(f"Something went wrong: {message}")

        job.signals.finished.connect(finished)
        job.signals.failed.connect(failed)
        self.queue.submit(job, replace=replace)

    # ------------------------------------------------------------------ comparing
    def request_compare(self, reprepare: bool = False) -> None:
        """Align again (reusing embeddings unless ``reprepare``); stale requests are dropped."""
        self._realign_timer.stop()
        self._token += 1
        documents = tuple(self.documents)
        if len(documents) < 2:
            self.result = None
            self._refresh_all()
            self.status_label.setText("Open an article and at least one report to compare them")
            return
        settings = (self.threshold.value() / 100, self.sentences, self.ignore_case.isChecked(),
                    self.ignore_punctuation.isChecked())  # fmt: skip
        prepared = None if reprepare or self.prepared is None else self.prepared
        if prepared is not None and tuple(map(id, prepared.documents)) != tuple(map(id, documents)):
            prepared = None
        engine, factory, cache_path = self.engine, self._embedder_factory, self._cache_path()

        def work(job: Job) -> tuple[Embedded, ComparisonResult]:
            # The engine's alignment and claim modules are imported here, off the GUI thread.
            from parallax.core.result import CompareConfig
            from parallax.core.worddiff import DiffConfig

            threshold, sentences, ignore_case, ignore_punctuation = settings
            config = CompareConfig(threshold=threshold, sentences=sentences,
                                   diff=DiffConfig(ignore_case=ignore_case, ignore_punctuation=ignore_punctuation))  # fmt: skip
            p = prepared
            if p is None:
                p = engine.prepare(documents, factory, cache_path, job.report, job.cancelled)
            job.report(0, 0, "Aligning and checking claims…")
            from parallax.core.result import ComparisonResult, coverage

            arrived: list[ReportComparison] = []
            shown = [time.monotonic()]

            def stream(comparison: ReportComparison) -> None:
                # With many reports, show what is done so far, at most a few times a second.
                arrived.append(comparison)
                now = time.monotonic()
                if now - shown[0] >= PARTIAL_INTERVAL_S and len(arrived) < len(documents) - 1:
                    shown[0] = now
                    job.partial(ComparisonResult(p.model, documents, tuple(arrived),
                                                 coverage(documents[0], arrived), config))  # fmt: skip

            return p, engine.compare(p, config, job.report, job.cancelled, stream)

        self._submit("compare", work, lambda pr: self._compared(*pr), on_partial=self._compared_so_far)

    def _compared_so_far(self, result: ComparisonResult) -> None:
        """Show the reports compared so far while the rest are still being compared."""
        same = self.result is not None and len(self.result.documents) == len(result.documents) and all(
            a is b for a, b in zip(self.result.documents, result.documents, strict=True))  # fmt: skip
        self.result = result
        if not same or not 0 < self.report_index < len(result.documents):
            self.report_index = 1
        self.selection = None
        self.status_label.setText(f"Compared {len(result.comparisons)} of {len(result.documents) - 1} reports…")
        self._refresh_all()

    def _compared(self, prepared: Embedded, result: ComparisonResult) -> None:
        old_report = self.result.documents[self.report_index] if self.result and self.report_index < len(
            self.result.documents) else None  # fmt: skip
        self.prepared = prepared
        self.result = result
        self.report_index = 1
        if old_report is not None:
            for i, d in enumerate(result.documents):
                if d is old_report and i > 0:
                    self.report_index = i
        if self._pending_report is not None:
            if 0 < self._pending_report < len(result.documents):
                self.report_index = self._pending_report
            self._pending_report = None
        self.selection = None
        counts = [c.counts() for c in result.comparisons]
        self.status_label.setText(
            f"Compared {len(result.comparisons)} report(s) with {result.model}: "
            f"{sum(c['agree'] for c in counts)} agree, {sum(c['diverge'] for c in counts)} diverge"
        )
        self._refresh_all()
        self._changed()
        self.result_ready.emit()

    def _threshold_moved(self, value: int, realign: bool = True) -> None:
        self.threshold_label.setText(f"{value / 100:.2f}")
        if realign:
            self._realign_timer.start()

    # ------------------------------------------------------------------ sources
    def _result_index(self, document: Document) -> int | None:
        if self.result is None:
            return None
        for i, d in enumerate(self.result.documents):
            if d is document:
                return i
        return None

    def _refresh_sources(self) -> None:
        self._updating = True
        self.sources.clear()
        # Looked up once: with hundreds of reports, a search per row made this refresh quadratic.
        result_index = {id(d): i for i, d in enumerate(self.result.documents)} if self.result else {}
        by_report = {c.report: c for c in self.result.comparisons} if self.result else {}
        for n, document in enumerate(self.documents):
            byline = P.byline(document)
            where = P.origin(document)
            source = P.snippet(byline or (where if "://" in where else Path(where).name or where), 60)
            if n == 0:
                text = f"ARTICLE\n{document.title}\n{source}"
                tip = "The article: every report is compared with it"
            else:
                text = f"{document.title}\n{source}"
                index = result_index.get(id(document))
                comparison = by_report.get(index) if index is not None else None
                if comparison is not None:
                    c = comparison.counts()
                    text += f"\n✓ {c['agree']} agree · ≠ {c['diverge']} diverge · + {c['report_only']} only here"
                    tip = (
                        f"{c['agree']} agree, {c['diverge']} diverge, {c['report_only']} paragraphs only in this report"
                    )
                else:
                    text += "\n(not compared yet)"
                    tip = "Not compared yet"
            item = QListWidgetItem(text)
            item.setToolTip(f"{P.source_details(document)}\n\n{tip}")
            item.setData(Qt.ItemDataRole.UserRole, n)
            if n == 0:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.sources.addItem(item)
        if self.result is not None and self.report_index < len(self.result.documents):
            shown = self.result.documents[self.report_index]
            for n, d in enumerate(self.documents):
                if d is shown:
                    self.sources.setCurrentRow(n)
        self._updating = False
        self._update_source_buttons()

    def _update_source_buttons(self) -> None:
        row = self.sources.currentRow()
        n = len(self.documents)
        self.up_button.setEnabled(row > 1)
        self.down_button.setEnabled(0 < row < n - 1)
        self.article_button.setEnabled(row > 0)
        self.remove_button.setEnabled(row >= 0 and n > 0)

    def _source_chosen(self, row: int) -> None:
        self._update_source_buttons()
        if self._updating or row <= 0 or row >= len(self.documents):
            return
        index = self._result_index(self.documents[row])
        if index is not None and index > 0:
            self.show_report(index)

    def _reorder(self, documents: list[Document]) -> None:
        old = {id(d): i for i, d in enumerate(self.prepared.documents)} if self.prepared else {}
        self.documents = documents
        if self.prepared is not None and all(id(d) in old for d in documents) and len(documents) >= 2:
            self.prepared = self.prepared.reordered([old[id(d)] for d in documents])
        else:
            self.prepared = None
        self.documents_changed.emit()
        self._refresh_sources()
        self.request_compare(reprepare=self.prepared is None)

    def move_source(self, step: int) -> None:
        row = self.sources.currentRow()
        target = row + step
        if row < 1 or not 1 <= target < len(self.documents):
            return
        docs = list(self.documents)
        docs[row], docs[target] = docs[target], docs[row]
        self._reorder(docs)
        self.sources.setCurrentRow(target)

    def make_article(self) -> None:
        row = self.sources.currentRow()
        if row <= 0:
            return
        docs = list(self.documents)
        docs.insert(0, docs.pop(row))
        self._reorder(docs)

    def remove_source(self) -> None:
        row = self.sources.currentRow()
        if row < 0:
            return
        docs = list(self.documents)
        docs.pop(row)
        self._reorder(docs)

    # ------------------------------------------------------------------ views
    def _links(self, report: int | None = None) -> tuple[Link, ...]:
        comparison = P.comparison_for(self.result, self.report_index if report is None else report)
        return P.links_of(comparison, self.sentences) if comparison else ()

    def _refresh_all(self) -> None:
        self._refresh_sources()
        self._refresh_panes()
        self._refresh_claim_filters()
        self._refresh_claims()
        self._refresh_coverage()
        self._refresh_detail()

    def show_report(self, index: int) -> None:
        if self.result is None or not 0 < index < len(self.result.documents):
            return
        if index != self.report_index:
            self.report_index = index
            if self.selection and self.selection[0] != index:
                self.selection = None
            self._refresh_panes()
            self._refresh_detail()
            for n, d in enumerate(self.documents):
                if d is self.result.documents[index] and self.sources.currentRow() != n:
                    self._updating = True
                    self.sources.setCurrentRow(n)
                    self._updating = False

    def _span(self, document: Document, indices: Sequence[int]) -> tuple[int, int]:
        spans = [P.unit_span(document, i, self.sentences) for i in indices]
        return min(s[0] for s in spans), max(s[1] for s in spans)

    def _refresh_panes(self) -> None:
        result = self.result
        if result is None:
            if not self.documents:
                self.article_pane.set_document(None)
            self.report_pane.set_document(None)
            self.link_map.bands = []
            self.link_map.update()
            return
        article = result.documents[0]
        report = result.documents[self.report_index] if self.report_index < len(result.documents) else None
        if self.article_pane.document_ is not article or self.report_pane.document_ is not report:
            self.link_map.bands = []
        if self.article_pane.document_ is not article:
            self.article_pane.set_document(article)
        if self.report_pane.document_ is not report:
            self.report_pane.set_document(report)
        self.article_title.setText(f"<b>Article:</b> {html.escape(P.snippet(article.title, 80))}")
        self.report_title.setText(
            f"<b>Report:</b> {html.escape(P.snippet(report.title, 80))}" if report else "<b>Report:</b> none"
        )
        comparison = P.comparison_for(result, self.report_index)
        if comparison is None or report is None:
            return
        links = P.links_of(comparison, self.sentences)
        labels = [self.effective_label(self.report_index, i) for i in range(len(links))]
        judged = [self.judgement_of(self.report_index, i) for i in range(len(links))]
        for pane, document, side in ((self.article_pane, article, "article"), (self.report_pane, report, "report")):
            marks: list[Mark] = []
            markers: list[tuple[int, str]] = []
            for p in document.paragraphs:
                if p.boilerplate:
                    marks.append(Mark(p.start, p.end, "boilerplate"))
            for n, link in enumerate(links):
                for k, i in enumerate(getattr(link, side)):
                    start, end = P.unit_span(document, i, self.sentences)
                    marks.append(Mark(start, end, labels[n]))
                    markers.append((start, labels[n]))
                    judgement = judged[n]
                    marker = P.judgement_marker(judgement.verdict, judgement.note) if judgement else None
                    if marker and k == 0:
                        markers.append((start, marker))
            for i in P.only_units(document, comparison, side, self.sentences):
                start, end = P.unit_span(document, i, self.sentences)
                marks.append(Mark(start, end, "only"))
                markers.append((start, "only"))
            for link in links:
                for conflict in link.conflicts:
                    span = conflict.article_span if side == "article" else conflict.report_span
                    marks.append(Mark(span[0], span[1], "conflict"))
            pane.set_marks(marks, markers)
        bands = []
        for i, link in enumerate(links):
            selected = self.selection == (self.report_index, i)
            judgement = judged[i]
            words = judgement.words if judgement is not None else ""
            bands.append(Band(self._span(article, link.article), self._span(report, link.report), labels[i],
                              selected, P.link_summary(link, words)))  # fmt: skip
        self.link_map.bands = bands
        self._show_selection_frames()
        self._sync_scroll()

    def _show_selection_frames(self) -> None:
        link = self.selected_link()
        if link is None or self.result is None:
            self.article_pane.set_selected(None)
            self.report_pane.set_selected(None)
            return
        self.article_pane.set_selected(self._span(self.result.documents[0], link.article))
        self.report_pane.set_selected(self._span(self.result.documents[self.report_index], link.report))

    def selected_link(self) -> Link | None:
        if self.selection is None or self.selection[0] != self.report_index:
            return None
        links = self._links()
        return links[self.selection[1]] if self.selection[1] < len(links) else None

    # ------------------------------------------------------------------ synchronised scrolling
    def _anchors(self) -> list[tuple[float, float]]:
        if self.result is None:
            return []
        points = []
        for band in self.link_map.bands:
            points.append((self.article_pane.doc_y(band.article[0]), self.report_pane.doc_y(band.report[0])))
        points.sort()
        # Keep the longest chain of links that go down both panes together: a link that jumps
        # (the article's headline matched to a paragraph far down the report) must not bend the map.
        best: list[int] = [1] * len(points)
        parent: list[int] = [-1] * len(points)
        for i, (a, r) in enumerate(points):
            for j in range(i):
                if points[j][0] < a and points[j][1] < r and best[j] + 1 > best[i]:
                    best[i], parent[i] = best[j] + 1, j
        chain: list[tuple[float, float]] = []
        i = max(range(len(points)), key=best.__getitem__) if points else -1
        while i >= 0:
            chain.append(points[i])
            i = parent[i]
        out: list[tuple[float, float]] = [(0.0, 0.0)]
        out += [(float(a), float(r)) for a, r in reversed(chain) if a > 0 and r > 0]
        end = (float(self.article_pane.content_height()), float(self.report_pane.content_height()))
        if end[0] > out[-1][0] and end[1] > out[-1][1]:
            out.append(end)
        return out

    def _sync_scroll(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            anchors = self._anchors()
            reference = self.article_pane.viewport().height() * 0.3
            y = self.article_pane.verticalScrollBar().value() + reference
            mapped = y
            if len(anchors) >= 2:
                mapped = anchors[-1][1] + (y - anchors[-1][0])
                for (a0, r0), (a1, r1) in itertools.pairwise(anchors):
                    if y <= a1:
                        mapped = r0 + (r1 - r0) * (y - a0) / max(a1 - a0, 1e-6)
                        break
            self.report_pane.scroll_to_doc_y(mapped - reference)
        finally:
            self._syncing = False
        self.link_map.update()

    def scroll_to_link(self, link: Link) -> None:
        if self.result is None:
            return
        span = self._span(self.result.documents[0], link.article)
        top = self.article_pane.doc_y(span[0])
        reference = self.article_pane.viewport().height() * 0.3
        self.article_pane.scroll_to_doc_y(top - reference)
        self._sync_scroll()

    # ------------------------------------------------------------------ selection & navigation
    def select_link(self, report: int, index: int, scroll: bool = True) -> None:
        if self.result is None:
            return
        self.show_report(report)
        links = self._links()
        if not 0 <= index < len(links):
            return
        self.selection = (report, index)
        self.link_map.bands = [
            Band(b.article, b.report, b.label, i == index, b.tooltip) for i, b in enumerate(self.link_map.bands)
        ]
        self._show_selection_frames()
        if scroll:
            self.scroll_to_link(links[index])
        self._refresh_detail()
        self._select_claim_item(report, index)
        self.link_map.update()

    def divergences(self) -> list[tuple[int, int]]:
        """Every diverging link as (report, link index), in report order and then article order."""
        out: list[tuple[int, int]] = []
        if self.result is None:
            return out
        for comparison in self.result.comparisons:
            links = P.links_of(comparison, self.sentences)
            order = sorted(range(len(links)), key=lambda i: (min(links[i].article), i))
            out += [(comparison.report, i) for i in order if links[i].label == P.DIVERGE]
        return out

    def step_divergence(self, step: int) -> None:
        items = self.divergences()
        if not items:
            self.status_label.setText("No divergences")
            return
        if self.selection in items:
            position = (items.index(self.selection) + step) % len(items)
        else:
            later = [n for n, item in enumerate(items) if item[0] >= self.report_index]
            position = (later[0] if later else 0) if step > 0 else ((later[0] - 1) if later else -1) % len(items)
        report, index = items[position]
        self.select_link(report, index)
        self.status_label.setText(f"Divergence {position + 1} of {len(items)}")

    def _link_at(self, offset: int, side: str) -> int | None:
        """The link (index into the shown report's links) covering character ``offset`` of one pane."""
        if self.result is None:
            return None
        document = self.result.documents[0 if side == "article" else self.report_index]
        for i, link in enumerate(self._links()):
            for unit in getattr(link, side):
                start, end = P.unit_span(document, unit, self.sentences)
                if start <= offset <= end:
                    return i
        return None

    def _clicked(self, offset: int, side: str) -> None:
        index = self._link_at(offset, side)
        if index is not None:
            self.select_link(self.report_index, index, scroll=False)

    # ------------------------------------------------------------------ detail
    def _refresh_detail(self) -> None:
        link = self.selected_link()
        self._refresh_judgement_controls()
        if link is None or self.result is None:
            self.detail.setHtml(
                "<p>Select a link in either pane, in the claims list, or press "
                "<b>Alt+Down</b> for the next divergence.</p>"
            )
            return
        base = self.palette().color(QPalette.ColorRole.Base)
        deleted = blend(base, P.COLOURS["diverge"], 0.3).name()
        inserted = blend(base, P.COLOURS["agree"], 0.3).name()
        words = "Agree" if link.label == P.AGREE else "Diverge"
        colour = P.COLOURS[link.label]
        paragraphs = P.article_paragraphs_of(self.result.documents[0], link, self.sentences)
        summary = P.spoken_summary(self.result, paragraphs)
        parts = [
            f'<h3 style="color:{colour}">{P.GLYPHS[link.label]} {words}</h3>',
            f"<p>Similarity <b>{link.similarity:.2f}</b> · {len(link.article)} article and "
            f"{len(link.report)} report {'sentences' if self.sentences else 'paragraphs'}</p>",
            f"<p><i>All reports:</i> {html.escape(summary)}.</p>",
        ]
        # The slider sets the paragraphs' threshold; sentence links have their own and nothing under it.
        reason = ""
        article, report = self.result.documents[0], self.result.documents[self.report_index]
        if not self.sentences:
            headlines = link.article == tuple(article.content_paragraphs()[:1]) and link.report == tuple(
                report.content_paragraphs()[:1]
            )
            reason = P.below_threshold_reason(link, self.threshold.value() / 100, headlines)
        if reason:
            parts.insert(2, f"<p><i>{html.escape(reason)}.</i></p>")
        shared = P.shared_words(article, report, link, self.sentences)
        if shared:
            parts.insert(2, f"<p>Rare words both sides share: {html.escape(', '.join(shared))}</p>")
        if link.conflicts:
            parts.append("<p><b>Conflicts</b></p><ul>")
            for c in link.conflicts:
                parts.append(f"<li><b>{html.escape(c.kind)}</b>: {html.escape(P.conflict_line(c))}</li>")
            parts.append("</ul>")
        judgement = self.judgement_of(*self.selection) if self.selection else None
        if judgement is not None:
            parts.append(f"<p><b>Your judgement:</b> {html.escape(judgement.words)}</p>")
        parts.append(
            "<p><b>Word diff</b> (<s>struck through</s>: only in the article; <u>underlined</u>: only in the report)</p>"
        )
        parts.append(f"<p>{P.diff_html(link, deleted, inserted)}</p>")
        self.detail.setHtml("".join(parts))
        self.detail.setAccessibleDescription(f"{words}, similarity {link.similarity:.2f}. {summary}")
        self.article_pane.setAccessibleDescription(f"Article. Selected: {summary}")

    # ------------------------------------------------------------------ claims
    def _refresh_claim_filters(self) -> None:
        current = self.claim_report_filter.currentData()
        self.claim_report_filter.blockSignals(True)
        self.claim_report_filter.clear()
        self.claim_report_filter.addItem("All reports", -1)
        if self.result is not None:
            for comparison in self.result.comparisons:
                title = self.result.documents[comparison.report].title
                self.claim_report_filter.addItem(P.snippet(title, 40), comparison.report)
        found = self.claim_report_filter.findData(current)
        self.claim_report_filter.setCurrentIndex(max(found, 0))
        self.claim_report_filter.blockSignals(False)

    def _refresh_claims(self) -> None:
        self._updating = True
        rows: list[ClaimRow] = []
        result = self.result
        if result is not None:
            report_filter = self.claim_report_filter.currentData()
            kind_filter = self.claim_kind_filter.currentData() or ""
            agreements = self.show_agreements.isChecked()
            article = result.documents[0]
            for comparison in result.comparisons:
                if report_filter not in (None, -1) and comparison.report != report_filter:
                    continue
                title = result.documents[comparison.report].title
                links = P.links_of(comparison, self.sentences)
                order = sorted(range(len(links)), key=lambda i: (min(links[i].article), i))
                for i in order:
                    link = links[i]
                    judgement = self.judgement_of(comparison.report, i)
                    if link.label == P.AGREE and not agreements and judgement is None:
                        continue
                    kinds = sorted({c.kind for c in link.conflicts})
                    if kind_filter and kind_filter not in kinds:
                        continue
                    if link.conflicts:
                        what = "; ".join(P.conflict_line(c) for c in link.conflicts)
                    else:
                        first = link.article[0]
                        unit = article.sentences[first] if self.sentences else article.paragraphs[first]
                        what = P.snippet(unit.text, 90)
                    label = self.effective_label(comparison.report, i)
                    yours = judgement.words if judgement else ""
                    rows.append(ClaimRow(comparison.report, i, label, title, ", ".join(kinds) or link.label, what,
                                         link.similarity, yours))  # fmt: skip
        self.claims_model.set_rows(rows)
        self._size_claim_columns(rows)
        self.claims_dock.setWindowTitle(f"Claims ({len(rows)})")
        if self.selection:
            self._select_claim_item(*self.selection)
        self._updating = False

    def _size_claim_columns(self, rows: list[ClaimRow]) -> None:
        # From the longest texts rather than resizeColumnToContents, which asks the model for
        # every row's size: with thousands of claims that was a visible freeze.
        metrics = self.claims.fontMetrics()
        pad = 4 * metrics.averageCharWidth()
        header = self.claims_model.headerData
        for column, texts in (
            (0, ["✓"]),
            (1, [P.snippet(r.title, 32) for r in rows]),
            (2, [r.kinds for r in rows]),
            (4, ["0.00"]),
            (5, [r.yours for r in rows]),
        ):
            longest = max(texts, key=len, default="")
            title = header(column, Qt.Orientation.Horizontal) or ""
            width = max(metrics.horizontalAdvance(longest), metrics.horizontalAdvance(title)) + pad
            self.claims.setColumnWidth(column, min(width, 220 if column == 5 else 320))

    def claim_keys(self) -> list[tuple[int, int]]:
        """The (report, link) of every row of the claims list, top to bottom."""
        return [row.key for row in self.claims_model.rows]

    def _select_claim_item(self, report: int, index: int) -> None:
        was = self._updating
        self._updating = True
        row = self.claims_model.row_of((report, index))
        if row is not None:
            model_index = self.claims_model.index(row, 0)
            self.claims.setCurrentIndex(model_index)
            self.claims.scrollTo(model_index)
        self._updating = was

    def _claim_chosen(self, index: QModelIndex | None, _previous: object) -> None:
        if self._updating or index is None or not index.isValid():
            return
        key = index.data(Qt.ItemDataRole.UserRole)
        if key:
            self.tabs.setCurrentIndex(0)
            self.select_link(int(key[0]), int(key[1]))

    # ------------------------------------------------------------------ coverage
    def _refresh_coverage(self) -> None:
        self.coverage_model.set_result(self.result, self.palette().color(QPalette.ColorRole.Base))
        if self.result is None:
            return
        # Widths from the headers and a few characters, not from every cell (see _size_claim_columns).
        metrics = self.coverage.fontMetrics()
        self.coverage.setColumnWidth(0, metrics.horizontalAdvance("0000") + 12)
        self.coverage.setColumnWidth(1, 380)
        cell = metrics.horizontalAdvance("≠ diverge") + 16
        header = self.coverage.horizontalHeader()
        for column in range(2, self.coverage_model.columnCount()):
            title = self.coverage_model.headerData(column, Qt.Orientation.Horizontal) or ""
            header.resizeSection(column, max(cell, min(metrics.horizontalAdvance(title) + 16, 200)))
        # The model keeps its sort across results; the header's arrow follows it to its new column.
        header.blockSignals(True)
        header.setSortIndicator(self.coverage_model.sort_column(), self.coverage_model.sort_order())
        header.blockSignals(False)

    def sort_most_contested(self) -> None:
        self.coverage.sortByColumn(self.coverage_model.columnCount() - 1, Qt.SortOrder.DescendingOrder)

    def _coverage_clicked(self, index: QModelIndex) -> None:
        if self.result is None or not index.isValid():
            return
        paragraph = self.coverage_model.paragraph_at(index.row())
        if paragraph is None:
            return
        report = self.coverage_model.report_at(index.column())
        self.open_pair(self.report_index if report is None else report, paragraph)

    def open_pair(self, report: int, paragraph: int) -> None:
        """Show article paragraph ``paragraph`` beside report ``report`` (its link selected if any)."""
        if self.result is None:
            return
        self.tabs.setCurrentIndex(0)
        self.show_report(report)
        links = self._links()
        index = P.link_for_paragraph(self.result.documents[0], links, paragraph, self.sentences)
        if index is not None:
            self.select_link(report, index)
        else:
            start = self.result.documents[0].paragraphs[paragraph].start
            reference = self.article_pane.viewport().height() * 0.3
            self.article_pane.scroll_to_doc_y(self.article_pane.doc_y(start) - reference)
            self.status_label.setText("This report does not mention that paragraph")

    # ------------------------------------------------------------------ judgements
    def resolved(self) -> Resolved:
        """The user's judgements matched to the links of the current result (cached until either changes)."""
        from parallax.core.judgements import resolve

        cached = self._resolved
        if cached is None or cached[0] is not self.result or cached[1] is not self.judgements:
            cached = (self.result, self.judgements, resolve(self.judgements, self.result))
            self._resolved = cached
        return cached[2]

    def judgement_of(self, report: int, index: int) -> Judgement | None:
        if self.result is None or not self.judgements:
            return None
        return self.resolved().get(report, index, self.sentences)

    def effective_label(self, report: int, index: int) -> str:
        """The link's label after the user's verdict: agree, diverge or wrong."""
        links = self._links(report)
        if not 0 <= index < len(links):
            return P.AGREE
        judgement = self.judgement_of(report, index)
        if judgement is None or not judgement.verdict:
            return links[index].label
        from parallax.core.judgements import effective_label

        return effective_label(links[index].label, judgement)

    def judge_link(self, report: int, index: int, verdict: str | None = None, note: str | None = None) -> None:
        """Set the verdict and/or note of one link (``None`` keeps it, ``""`` clears it)."""
        if self.result is None:
            return
        from parallax.core.judgements import judge

        self.judgements = judge(
            self.judgements, self.result, report, index, sentences=self.sentences, verdict=verdict, note=note
        )
        self._judgements_changed()

    def judge_selected(self, verdict: str | None = None, note: str | None = None) -> None:
        if self.selection is None or self.selected_link() is None:
            self.status_label.setText("Select a link first: click it in a pane or in the claims list")
            self._refresh_judgement_controls()
            return
        self.judge_link(*self.selection, verdict=verdict, note=note)
        judgement = self.judgement_of(*self.selection)
        self.status_label.setText(f"Your judgement: {judgement.words}" if judgement else "Judgement cleared")

    def edit_note(self) -> None:
        if self.selected_link() is None:
            self.status_label.setText("Select a link first: click it in a pane or in the claims list")
            return
        self.detail_dock.show()
        self.detail_dock.raise_()
        self.note_edit.setFocus()
        self.note_edit.selectAll()

    def _note_edited(self) -> None:
        if self._updating or self.selection is None or self.selected_link() is None:
            return
        judgement = self.judgement_of(*self.selection)
        text = self.note_edit.text().strip()
        if text != (judgement.note if judgement else ""):
            self.judge_selected(note=text)

    def _refresh_judgement_controls(self) -> None:
        link = self.selected_link()
        judgement = self.judgement_of(*self.selection) if link is not None and self.selection else None
        was = self._updating
        self._updating = True
        for verdict, button in self.verdict_buttons.items():
            button.setEnabled(link is not None)
            button.setChecked(judgement is not None and judgement.verdict == verdict)
        self.note_edit.setEnabled(link is not None)
        self.note_edit.setText(judgement.note if judgement else "")
        self._updating = was
        for act in self.judgement_actions:
            act.setEnabled(link is not None)

    def _judgements_changed(self) -> None:
        self._refresh_panes()
        self._refresh_claims()
        self._refresh_detail()
        self._changed()

    def _add_judgement_actions(self, menu: QMenu) -> None:
        menu.addSeparator()
        for act in self.judgement_actions:
            menu.addAction(act)

    def _pane_menu(self, menu: QMenu, offset: int, side: str) -> None:
        index = self._link_at(offset, side)
        if index is not None:
            self.select_link(self.report_index, index, scroll=False)
            self._add_judgement_actions(menu)

    def _claims_menu(self, position) -> None:
        index = self.claims.indexAt(position)
        key = index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None
        if not key:
            return
        self.select_link(int(key[0]), int(key[1]))
        menu = QMenu(self)
        self._add_judgement_actions(menu)
        menu.exec(self.claims.viewport().mapToGlobal(position))
        menu.deleteLater()

    # ------------------------------------------------------------------ sessions
    def current_session(self) -> Session:
        """Everything needed to redo this comparison: documents, settings, judgements, the report shown."""
        from parallax.core.session import Session

        report = 1
        if self.result is not None and self.report_index < len(self.result.documents):
            shown = self.result.documents[self.report_index]
            report = next((n for n, d in enumerate(self.documents) if d is shown), 1)
        model = self.result.model if self.result is not None else ""
        return Session(tuple(self.documents), self.config(), self.judgements, max(report, 1), model)

    def open_session_dialog(self) -> None:
        start = (
            str(Path(self.session_path).parent) if self.session_path else str(self.settings.value("session_dir", ""))
        )
        path, _ = QFileDialog.getOpenFileName(self, "Open session", start, SESSION_FILTER)
        if path:
            self.open_session(path)

    def open_session(self, path: str | Path, remember: bool = True) -> bool:
        """Replace the comparison with the session at ``path`` and compare again (embeddings come from the cache)."""
        from parallax.core.session import SessionError, load_session

        try:
            session = load_session(path)
        except SessionError as error:
            self.show_message(f"Could not open the session: {error}\nEverything already loaded is unchanged.")
            return False
        self.apply_session(session)
        self.session_path = str(path)
        self.settings.setValue("session_dir", str(Path(path).parent))
        self._update_title()
        if remember:
            self._add_recent([str(path)])
        self.status_label.setText(f"Opened {Path(path).name}: comparing again…")
        return True

    def apply_session(self, session: Session) -> None:
        self._load_started = True  # the demo must not arrive on top of a session
        self._generation += 1
        self.clear_message()
        self._hide_restore()
        widgets = (self.threshold, self.granularity, self.ignore_case, self.ignore_punctuation)
        for widget in widgets:
            widget.blockSignals(True)
        self.threshold.setValue(round(session.config.threshold * 100))
        self.granularity.setCurrentIndex(1 if session.config.sentences else 0)
        self.ignore_case.setChecked(session.config.diff.ignore_case)
        self.ignore_punctuation.setChecked(session.config.diff.ignore_punctuation)
        for widget in widgets:
            widget.blockSignals(False)
        self._threshold_moved(self.threshold.value(), realign=False)
        self.documents = list(session.documents)
        self.judgements = tuple(session.judgements)
        self.prepared = None
        self.result = None
        self.selection = None
        self._pending_report = session.report
        self.documents_changed.emit()
        self._refresh_all()
        self.request_compare(reprepare=True)

    def save_session(self) -> bool:
        if self.session_path:
            return self.save_session_to(self.session_path)
        return self.save_session_as()

    def save_session_as(self) -> bool:
        from parallax.core.session_path import SESSION_SUFFIX

        name = self.session_path or str(Path(str(self.settings.value("session_dir", ""))) / self._file_stem())
        path, _ = QFileDialog.getSaveFileName(self, "Save session", str(Path(name).with_suffix(SESSION_SUFFIX)),
                                              SESSION_FILTER)  # fmt: skip
        if not path:
            return False
        if not Path(path).suffix:
            path += SESSION_SUFFIX
        return self.save_session_to(path)

    def save_session_to(self, path: str | Path) -> bool:
        """Write the session to ``path`` atomically; a message (and nothing half-written) when it cannot."""
        from parallax.core.session import SessionError, save_session

        if not self.documents:
            self.show_message("There is nothing to save yet: open an article and a report first.")
            return False
        try:
            save_session(path, self.current_session())
        except SessionError as error:
            self.show_message(f"Could not save the session: {error}")
            return False
        self.session_path = str(path)
        self.settings.setValue("session_dir", str(Path(path).parent))
        self._add_recent([str(path)])
        self._update_title()
        self.status_label.setText(f"Saved {Path(path).name}")
        return True

    def reopen_last_session(self) -> None:
        if self._last_path is not None and self._last_path.exists():
            self.open_session(self._last_path, remember=False)
            self.session_path = None
            self._update_title()

    def _update_title(self) -> None:
        self.setWindowTitle(f"Parallax — {Path(self.session_path).name}" if self.session_path else "Parallax")

    def _file_stem(self) -> str:
        title = self.documents[0].title if self.documents else "parallax"
        stem = "".join(c if c.isalnum() or c in " -_" else " " for c in title)
        return "-".join(stem.split())[:60].lower() or "parallax"

    # ------------------------------------------------------------------ autosave
    def _setup_autosave(self, autosave: str | Path | None) -> None:
        """Keep the comparison in an autosave file; offer it back if the last run did not end cleanly.

        One window at a time owns the autosave (a lock file, released on a clean exit, stale after a
        crash); another Parallax running meanwhile simply does not autosave.
        """
        from parallax.core.session_path import autosave_path

        self._autosave_path: Path | None = Path(autosave) if autosave is not None else autosave_path()
        self._recovered_path = self._autosave_path.with_name(self._autosave_path.stem + "-recovered.parallax")
        self._last_path: Path | None = self._autosave_path.with_name("last.parallax")
        self._dirty = False
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave_timer.timeout.connect(self.autosave_now)
        self._autosave_clock = QTimer(self)
        self._autosave_clock.setInterval(AUTOSAVE_INTERVAL_MS)
        self._autosave_clock.timeout.connect(self.autosave_now)
        self._lock: QLockFile | None = None
        try:
            self._autosave_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            self._autosave_path = None
        if self._autosave_path is not None:
            lock = QLockFile(str(self._autosave_path) + ".lock")
            lock.setStaleLockTime(0)  # only a lock whose process is gone is stale
            if lock.tryLock(0):
                self._lock = lock
            else:
                self._autosave_path = None
        if self._autosave_path is None:
            self.last_session_action.setEnabled(False)
            return
        self.last_session_action.setEnabled(self._last_path is not None and self._last_path.exists())
        self.documents_changed.connect(self._changed)
        self._autosave_clock.start()
        if self._autosave_path.exists():
            # The last run stopped without closing: keep its autosave aside, so the new run cannot overwrite it.
            try:
                os.replace(self._autosave_path, self._recovered_path)
            except OSError:
                return
            self.show_message(
                "Parallax did not close properly last time. Restore the comparison it was working on? "
                "(It stays aside until you choose.)"
            )
            self.restore_button.setVisible(True)
            self.discard_button.setVisible(True)
            self.message_close.setVisible(False)

    @property
    def restore_offered(self) -> bool:
        return self.restore_button.isVisible()

    def restore_autosave(self) -> None:
        path = self._recovered_path
        if path.exists() and self.open_session(path, remember=False):
            self.session_path = None
            self._update_title()
            with contextlib.suppress(OSError):
                path.unlink()
            self.status_label.setText("Restored the comparison of the last run: comparing again…")
        self._hide_restore()

    def discard_autosave(self) -> None:
        with contextlib.suppress(OSError):
            self._recovered_path.unlink()
        self._hide_restore()
        self.clear_message()

    def _hide_restore(self) -> None:
        self.restore_button.setVisible(False)
        self.discard_button.setVisible(False)

    def _changed(self) -> None:
        """Something worth keeping changed: autosave soon."""
        if getattr(self, "_autosave_path", None) is None:
            return
        self._dirty = True
        self._autosave_timer.start()

    def autosave_now(self) -> bool:
        """Write the autosave if anything changed since the last one; True when a file was written."""
        if self._autosave_path is None or not self._dirty:
            return False
        from parallax.core.session import SessionError, save_session

        self._dirty = False
        if not self.documents:
            with contextlib.suppress(OSError):
                self._autosave_path.unlink()
            return False
        try:
            save_session(self._autosave_path, self.current_session())
        except SessionError as error:
            self.status_label.setText(f"Autosave failed: {error}")
            return False
        return True

    def _finish_autosave(self) -> None:
        """A clean exit: the autosave becomes the last session (File > Reopen Last Session) and the lock goes."""
        path = getattr(self, "_autosave_path", None)
        if path is None:
            return
        self._autosave_timer.stop()
        self._autosave_clock.stop()
        self._dirty = True
        self.autosave_now()
        if path.exists() and self._last_path is not None:
            with contextlib.suppress(OSError):
                os.replace(path, self._last_path)
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
        self._autosave_path = None

    # ------------------------------------------------------------------ exports
    def export_dialog(self, kind: str) -> None:
        if self.result is None:
            self.show_message("There is nothing to export yet: wait for the comparison to finish.")
            return
        _text, file_filter, suffix = EXPORTS[kind]
        folder = str(self.settings.value("export_dir", ""))
        start = str(Path(folder) / (self._file_stem() + suffix))
        path, _ = QFileDialog.getSaveFileName(self, "Export", start, file_filter)
        if not path:
            return
        if not Path(path).suffix:
            path += suffix
        self.settings.setValue("export_dir", str(Path(path).parent))
        self.export(kind, path)

    def export(self, kind: str, path: str | Path) -> None:
        """Write the comparison as ``kind`` (html, pdf, csv, json) to ``path``; :attr:`exported` says how it went.

        HTML, CSV and JSON are written at once; the PDF is laid out in the background.
        """
        import datetime
        import json

        from parallax.core.files import write_atomic

        path = str(path)
        result = self.result
        if result is None:
            self.exported.emit(path, "nothing to export yet")
            return
        judgements, sentences = self.judgements, self.sentences
        generated = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
        try:
            if kind in ("html", "pdf"):
                from parallax.core.report_html import report_html

                markup = report_html(result, judgements, sentences=sentences, generated=generated,
                                     media="print" if kind == "pdf" else "screen")  # fmt: skip
            if kind == "html":
                write_atomic(path, markup)
            elif kind == "csv":
                from parallax.core.report_csv import CSV_ENCODING, report_csv

                write_atomic(path, report_csv(result, judgements, sentences=sentences), encoding=CSV_ENCODING)
            elif kind == "json":
                from parallax.core.export import to_schema

                write_atomic(path, json.dumps(to_schema(result, judgements), ensure_ascii=False) + "\n")
            elif kind == "pdf":
                self._export_pdf(markup, path, f"Parallax report: {result.documents[0].title}")
                return
            else:
                raise ValueError(f"unknown export {kind!r}")
        except OSError as error:
            self._exported(path, error.strerror or str(error))
            return
        self._exported(path, "")

    def _export_pdf(self, markup: str, path: str, title: str) -> None:
        def work(job: Job) -> str:
            from parallax.ui.pdf import write_pdf

            job.report(0, 0, f"Laying out {Path(path).name}…")
            try:
                write_pdf(markup, path, title)
            except OSError as error:
                return error.strerror or str(error)
            return ""

        job = Job(-1, "export", work)
        job.signals.progress.connect(self._on_progress)
        job.signals.finished.connect(lambda _token, message: self._exported(path, str(message)))
        job.signals.failed.connect(lambda _token, message: self._exported(path, message or "cancelled"))
        self.queue.submit(job, replace=False)

    def _exported(self, path: str, error: str) -> None:
        if error:
            self.show_message(f"Could not export {Path(path).name}: {error}")
        else:
            self.status_label.setText(f"Exported {Path(path).name}")
        self.exported.emit(path, error)

    # ------------------------------------------------------------------ misc
    def _update_legend(self) -> None:
        c = P.COLOURS
        self.legend.setText(
            f'<span style="color:{c["agree"]}"><b>✓</b></span> agree (blue tint) &nbsp; '
            f'<span style="color:{c["diverge"]}"><b>≠</b></span> diverge (orange, dashed band) &nbsp; '
            f"<b><u>underlined</u></b> conflicting words &nbsp; "
            f'<span style="color:{c["only"]}"><b>+</b></span> only on one side (hatched) &nbsp; '
            f'<i style="color:gray">grey italics</i> boilerplate &nbsp; '
            f"<b>{' '.join(P.JUDGEMENT_GLYPHS[k] for k in ('wrong', 'confirmed', 'dismissed', 'note'))}</b> "
            "your judgements: wrong link, divergence confirmed, not a divergence, note"
        )

    def changeEvent(self, event) -> None:
        from PySide6.QtCore import QEvent

        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) and hasattr(
            self, "coverage"
        ):
            self._refresh_panes()
            self._refresh_detail()
            self._refresh_coverage()

    def about(self) -> None:
        QMessageBox.about(
            self,
            "About Parallax",
            f"<h3>Parallax {__version__}</h3><p>Compare news coverage by meaning.</p>"
            f"<p>Embedding model: <b>{MODEL_NAME}</b> (sentence-transformers), licence <b>{MODEL_LICENCE}</b>.</p>"
            "<p>Parallax is licensed under Apache-2.0.</p>",
        )

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.open_files(paths)
            event.acceptProposedAction()
