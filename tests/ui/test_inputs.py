"""The app's inputs: File > Open URL… against a local web server, HTML pasted from the clipboard,
and the sources list showing where each document came from (outlet · author · date, URL in the tooltip)."""

from __future__ import annotations

import pytest

from document_makers import Route, local_server

ARTICLE = "Talks resume\n\nRussian and Ukrainian negotiators met in Istanbul on Tuesday for the first talks in weeks.\n"
PAGE = b"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Istanbul talks | The Example Times</title>
<meta property="og:site_name" content="The Example Times"><meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2022-03-29T08:00:00Z">
<script>document.title = "scriptRan";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World news menu</a></nav><article><h1>Istanbul talks</h1>
<p>Negotiators from Russia and Ukraine met in Istanbul on Tuesday, the first talks in weeks.</p>
<p>Moscow promised to cut back military activity around Kyiv and Chernihiv.</p></article></body></html>"""


@pytest.fixture
def server(monkeypatch):
    for key in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(key, raising=False)
    with local_server({"/talks": Route(PAGE)}) as running:
        yield running


def _answer_dialog(monkeypatch, text):
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *_args, **_kwargs: (text, True)))


def _trigger_file_menu(window, label):
    menu = window.menuBar().actions()[0].menu()
    action = next(a for a in menu.actions() if a.text().replace("&", "") == label)
    action.trigger()


def test_open_url_fetches_the_page_and_the_sources_list_shows_its_metadata(make_window, qtbot, monkeypatch,
                                                                             tmp_path, server):  # fmt: skip
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    window = make_window([str(article)], wait=False)
    qtbot.waitUntil(lambda: len(window.documents) == 1 and not window.busy, timeout=240000)

    _answer_dialog(monkeypatch, server.url("/talks"))
    _trigger_file_menu(window, "Open URL…")
    qtbot.waitUntil(lambda: (len(window.documents) == 2 or bool(window.message_text())) and not window.busy,
                    timeout=240000)  # fmt: skip
    assert not window.message_text()
    assert window.result is not None and len(window.result.documents) == 2
    page = window.documents[1]
    assert "Moscow promised to cut back military activity around Kyiv and Chernihiv." in page.text
    assert "World news menu" not in page.text and "scriptRan" not in page.text
    item = window.sources.item(1)
    assert "Istanbul talks" in item.text()
    assert "The Example Times · Jane Reporter · 2022-03-29" in item.text()
    tip = item.toolTip()
    for line in ("Author: Jane Reporter", "Date: 2022-03-29", f"URL: {server.url('/talks')}"):
        assert line in tip
    assert server.url("/talks") in window.recent_files()

    # A page that is not there: one message, and everything already loaded stays.
    documents, result = list(window.documents), window.result
    _answer_dialog(monkeypatch, server.url("/gone"))
    _trigger_file_menu(window, "Open URL…")
    qtbot.waitUntil(lambda: "404" in window.message_text() and not window.busy, timeout=240000)
    assert server.url("/gone") in window.message_text()
    assert window.documents == documents and window.result is result

    # Not a web address: refused at once, nothing fetched.
    requests = len(server.requests)
    _answer_dialog(monkeypatch, "file:///etc/passwd")
    _trigger_file_menu(window, "Open URL…")
    assert "Not a web address" in window.message_text()
    assert len(server.requests) == requests and window.documents == documents


def test_pasted_html_gets_its_main_text_extracted(make_window, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QGuiApplication

    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    window = make_window([str(article)], wait=False)
    qtbot.waitUntil(lambda: len(window.documents) == 1 and not window.busy, timeout=240000)
    mime = QMimeData()
    mime.setHtml(PAGE.decode())
    mime.setText("Home World news menu Istanbul talks Negotiators from Russia and Ukraine met (flattened text)")
    QGuiApplication.clipboard().setMimeData(mime)
    window.paste_report()
    qtbot.waitUntil(lambda: len(window.documents) == 2 and not window.busy, timeout=240000)
    pasted = window.documents[1]
    assert pasted.path == "clipboard"
    assert "Negotiators from Russia and Ukraine met in Istanbul on Tuesday, the first talks in weeks." in [
        p.text for p in pasted.paragraphs
    ], "the HTML's paragraphs, not the flattened text"
    assert "World news menu" not in pasted.text and "scriptRan" not in pasted.text
    assert "The Example Times · Jane Reporter" in window.sources.item(1).text()
