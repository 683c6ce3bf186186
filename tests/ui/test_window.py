"""The window on the demo: results, navigation, claims, threshold, granularity, bad files, sources."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt

from parallax.demo import demo_paths
from parallax.ui import presentation as P


def test_demo_loads_without_torch(make_window):
    # Meaningful when torch was not loaded before (scripts/test runs the UI tests in their own session).
    loaded_before = {m for m in ("torch", "sentence_transformers") if m in sys.modules}
    window = make_window()
    assert len(window.result.documents) == 4
    assert window.result.comparisons
    assert window.link_map.bands, "the link map draws a band per link"
    assert window.sources.count() == 4
    assert window.claims_model.rowCount() > 0
    assert window.coverage_model.rowCount() == len(window.result.coverage)
    assert window.coverage_model.columnCount() == 2 + len(window.result.comparisons) + 2
    assert "torch" in loaded_before or "torch" not in sys.modules
    assert "sentence_transformers" in loaded_before or "sentence_transformers" not in sys.modules


def _visible(window, link):
    doc_a = window.result.documents[0]
    doc_r = window.result.documents[window.report_index]
    a = window._span(doc_a, link.article)
    r = window._span(doc_r, link.report)
    return window.article_pane.is_visible_span(*a) and window.report_pane.is_visible_span(*r)


def test_alt_down_and_up_step_through_divergences(make_window, qtbot):
    window = make_window()
    items = window.divergences()
    assert len(items) >= 3
    window.activateWindow()
    window.article_pane.setFocus()
    qtbot.keyClick(window.article_pane, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.selection == items[0]
    assert window.selected_link().label == "diverge"
    assert _visible(window, window.selected_link())
    qtbot.keyClick(window.article_pane, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.selection == items[1]
    qtbot.keyClick(window.article_pane, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.selection == items[0]
    assert "Diverge" in window.detail.toPlainText()
    assert "Similarity" in window.detail.toPlainText()


def test_toolbar_buttons_step_too(make_window):
    window = make_window()
    items = window.divergences()
    window.next_action.trigger()
    window.next_action.trigger()
    assert window.selection == items[1]
    window.prev_action.trigger()
    assert window.selection == items[0]


def test_clicking_a_claim_scrolls_both_panes_to_it(make_window, qtbot):
    window = make_window()
    # pick a claim far down the article so both panes must scroll
    last = window.claims_model.index(window.claims_model.rowCount() - 1, 3)
    window.claims.scrollTo(last)
    rect = window.claims.visualRect(last)
    qtbot.mouseClick(window.claims.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    report, index = last.data(Qt.ItemDataRole.UserRole)
    assert window.selection == (report, index)
    assert window.report_index == report
    link = window.selected_link()
    assert _visible(window, link)
    assert window.report_pane.document_ is window.result.documents[report]
    text = window.detail.toPlainText()
    for conflict in link.conflicts:
        assert conflict.reason in text


def test_claims_filters(make_window):
    window = make_window()
    model = window.claims_model
    all_rows = model.rowCount()
    window.claim_kind_filter.setCurrentIndex(window.claim_kind_filter.findData("number"))
    assert 0 < model.rowCount() < all_rows
    assert all("number" in model.index(row, 2).data() for row in range(model.rowCount()))
    window.claim_kind_filter.setCurrentIndex(0)
    window.show_agreements.setChecked(True)
    assert model.rowCount() > all_rows
    window.claim_report_filter.setCurrentIndex(1)
    report = window.claim_report_filter.currentData()
    assert all(r == report for r, _ in window.claim_keys())


def test_threshold_change_realigns_without_reembedding(make_window, qtbot, wait):
    window = make_window()
    prepared = window.prepared
    before = [len(c.links) for c in window.result.comparisons]
    old = window.result
    window.threshold.setValue(90)
    qtbot.waitUntil(lambda: window.result is not old and not window.busy, timeout=60000)
    after = [len(c.links) for c in window.result.comparisons]
    assert after != before
    assert sum(after) < sum(before)
    assert window.prepared is prepared, "a threshold change must not embed again"
    assert window.result.config.threshold == 0.9


def test_granularity_switch_uses_sentence_links(make_window, qtbot):
    window = make_window()
    old = window.result
    window.granularity.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.result is not old and not window.busy, timeout=60000)
    assert window.sentences
    assert any(c.sentence_links for c in window.result.comparisons)
    bands = window.link_map.bands
    comparison = P.comparison_for(window.result, window.report_index)
    assert len(bands) == len(comparison.sentence_links)
    window.step_divergence(1)
    if window.divergences():
        assert window.selected_link() in comparison.sentence_links or window.report_index != comparison.report


def test_bad_file_shows_message_and_keeps_documents(make_window, qtbot, tmp_path):
    window = make_window()
    documents = list(window.documents)
    result = window.result
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02" * 50)
    window.open_files([str(bad), str(tmp_path / "missing.txt")])
    qtbot.waitUntil(lambda: bool(window.message_text()), timeout=30000)
    qtbot.waitUntil(lambda: not window.busy, timeout=30000)
    assert "broken.txt" in window.message_text()
    assert "missing.txt" in window.message_text()
    assert window.documents == documents
    assert window.result is result


def test_open_another_report_and_paste(make_window, qtbot, wait, tmp_path):
    window = make_window()
    extra = tmp_path / "extra.txt"
    extra.write_text("Extra report\n\nRussian negotiators met Ukrainian officials in Istanbul on Tuesday.\n",
                     encoding="utf-8")  # fmt: skip
    window.open_files([str(extra)])
    qtbot.waitUntil(lambda: window.result is not None and len(window.result.documents) == 5 and not window.busy,
                    timeout=60000)  # fmt: skip
    assert str(extra) in window.recent_files()
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText("Pasted report\n\nTalks in Istanbul ended on Tuesday with some progress.")
    window.paste_report()
    qtbot.waitUntil(lambda: len(window.result.documents) == 6 and not window.busy, timeout=60000)
    assert window.result.documents[-1].path == "clipboard"


def test_sources_reorder_remove_and_make_article(make_window, qtbot):
    window = make_window()
    docs = list(window.documents)
    window.sources.setCurrentRow(2)
    window.up_button.click()
    assert window.documents[1] is docs[2] and window.documents[2] is docs[1]
    qtbot.waitUntil(lambda: window.result.documents[1] is docs[2] and not window.busy, timeout=60000)
    window.sources.setCurrentRow(3)
    window.remove_button.click()
    assert docs[3] not in window.documents
    qtbot.waitUntil(lambda: len(window.result.documents) == 3 and not window.busy, timeout=60000)
    window.sources.setCurrentRow(1)
    window.article_button.click()
    qtbot.waitUntil(lambda: window.result.documents[0] is docs[2] and not window.busy, timeout=60000)
    assert window.article_pane.document_ is docs[2]


def test_choosing_a_source_shows_it_on_the_right(make_window):
    window = make_window()
    window.sources.setCurrentRow(2)
    assert window.report_pane.document_ is window.documents[2]
    assert "ARTICLE" in window.sources.item(0).text()
    assert "agree" in window.sources.item(1).text()


def test_coverage_cell_opens_the_pair(make_window, qtbot):
    window = make_window()
    window.tabs.setCurrentIndex(1)
    window.sort_most_contested()
    table, model = window.coverage, window.coverage_model
    contested = [model.index(row, model.columnCount() - 1).data() for row in range(model.rowCount())]
    assert contested[0] == max(c.diverge for c in window.result.coverage)
    assert contested == sorted(contested, reverse=True), "the most contested paragraphs come first"
    # find a diverge cell and click it
    for row in range(model.rowCount()):
        for column in range(2, model.columnCount() - 2):
            cell = model.index(row, column)
            if cell.data().startswith("≠"):
                table.scrollTo(cell)
                rect = table.visualRect(cell)
                qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
                report = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.UserRole)
                paragraph = cell.data(Qt.ItemDataRole.UserRole)
                assert window.tabs.currentIndex() == 0
                assert window.report_index == report
                assert paragraph in window.selected_link().article
                assert window.selected_link().label == "diverge"
                return
    raise AssertionError("no diverging cell in the demo")


def test_cancel_drops_the_running_comparison(make_window, qtbot):
    window = make_window()
    old = window.result
    window.threshold.setValue(80)
    window.request_compare()
    window.cancel()
    qtbot.waitUntil(lambda: not window.busy, timeout=60000)
    assert window.result is old
    assert window.status_label.text() == "Cancelled"


def test_settings_are_remembered(make_window, qtbot):
    window = make_window()
    window.threshold.setValue(70)
    window.ignore_case.setChecked(True)
    window.close()
    qtbot.waitUntil(lambda: not window.busy, timeout=60000)
    again = make_window(wait=False)
    assert again.threshold.value() == 70
    assert again.ignore_case.isChecked()
    qtbot.waitUntil(lambda: again.result is not None and not again.busy, timeout=60000)


def test_accessibility_names_and_tooltips(make_window):
    window = make_window()
    for widget in (window.article_pane, window.report_pane, window.link_map, window.claims, window.coverage):
        assert widget.accessibleName()
        assert widget.accessibleDescription()
    for widget in (
        window.threshold,
        window.granularity,
        window.ignore_case,
        window.ignore_punctuation,
        window.cancel_button,
        window.claim_kind_filter,
        window.claim_report_filter,
        window.sources,
    ):
        assert widget.toolTip()  # fmt: skip
    window.step_divergence(1)
    assert "report" in window.detail.accessibleDescription()


def test_dropping_files_adds_them(make_window, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    window = make_window()
    extra = tmp_path / "dropped.md"
    extra.write_text("# Dropped report\n\nNegotiators met in Istanbul on Tuesday.\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(extra))])
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)  # fmt: skip
    window.dropEvent(event)
    qtbot.waitUntil(lambda: len(window.result.documents) == 5 and not window.busy, timeout=60000)
    assert window.result.documents[-1].title == "Dropped report"


def test_without_a_display_the_app_prints_a_hint():
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "parallax"], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert "libxcb-cursor0" in done.stderr
    assert "Traceback" not in done.stderr


def test_with_many_reports_results_stream_in_before_the_last_is_compared(make_window, monkeypatch, tmp_path):
    from parallax.ui import main_window

    monkeypatch.setattr(main_window, "PARTIAL_INTERVAL_S", 0.0)
    article, *reports = demo_paths()
    files = [str(article)]
    for n in range(9):
        copy = tmp_path / f"report-{n}.txt"
        copy.write_text(reports[n % len(reports)].read_text(encoding="utf-8"), encoding="utf-8")
        files.append(str(copy))
    seen: list[tuple[int, bool]] = []
    original = main_window.MainWindow._compared_so_far

    def watch(self, result):
        original(self, result)
        seen.append((len(self.result.comparisons), self.busy))

    monkeypatch.setattr(main_window.MainWindow, "_compared_so_far", watch)
    window = make_window(files)
    assert len(window.result.comparisons) == 9
    assert seen, "reports compared so far were shown before the end"
    assert all(0 < n < 9 and busy for n, busy in seen)
    assert [n for n, _ in seen] == sorted(n for n, _ in seen)
    assert window.sources.count() == 10
