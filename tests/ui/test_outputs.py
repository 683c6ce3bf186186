"""File > Export, sessions, the autosave and the user's judgements, driven through the window."""

from __future__ import annotations

import csv
import json
from html.parser import HTMLParser

import pytest
from PySide6.QtWidgets import QFileDialog

ARTICLE = (
    "Talks resume in Istanbul\n\n"
    "Negotiators met in Istanbul on Tuesday, where 40 delegates attended the talks on a ceasefire.\n\n"
    "The ministry said food prices rose sharply in March after the port closed.\n\n"
    "Officials in Kyiv said the next round would follow within weeks."
)
REPORT = (
    "Talks restart in Istanbul\n\n"
    "Negotiators met in Istanbul on Tuesday, where 60 delegates attended the talks on a ceasefire.\n\n"
    "The ministry said food prices fell sharply in March after the port closed.\n\n"
    "Football scores from the weekend league and a new stadium for the capital."
)


@pytest.fixture
def pair(tmp_path):
    article = tmp_path / "article.txt"
    report = tmp_path / "report.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    report.write_text(REPORT, encoding="utf-8")
    return [str(article), str(report)]


def _text_of(markup: str) -> str:
    chunks: list[str] = []
    parser = HTMLParser()
    parser.handle_data = chunks.append  # type: ignore[method-assign]
    parser.feed(markup)
    return " ".join("".join(chunks).split())


def _diverging(window):
    report, index = window.divergences()[0]
    return report, index


@pytest.mark.parametrize("kind", ["html", "csv", "json", "pdf"])
def test_file_export_writes_each_format(make_window, qtbot, monkeypatch, tmp_path, pair, kind):
    window = make_window(pair)
    report, index = _diverging(window)
    window.select_link(report, index)
    window.judge_selected(verdict="confirmed", note="Checked with the desk")
    target = tmp_path / f"out.{kind}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    with qtbot.waitSignal(window.exported, timeout=120000) as signal:
        window.export_actions[kind].trigger()
    assert signal.args == [str(target), ""]
    conflict = window.result.comparisons[0].links[index].conflicts[0]
    if kind == "html":
        text = _text_of(target.read_text(encoding="utf-8"))
        assert "Negotiators met in Istanbul on Tuesday, where 40 delegates" in text
        assert "Negotiators met in Istanbul on Tuesday, where 60 delegates" in text
        assert conflict.reason in text and "Checked with the desk" in text
    elif kind == "csv":
        with target.open(encoding="utf-8-sig", newline="") as stream:
            rows = list(csv.DictReader(stream))
        assert any(r["conflict_reason"] == conflict.reason and r["note"] == "Checked with the desk" for r in rows)
    elif kind == "json":
        schema = json.loads(target.read_text(encoding="utf-8"))
        assert schema["schema"] == 1
        assert schema["comparisons"][0]["links"][index]["judgement"] == {
            "verdict": "confirmed",
            "note": "Checked with the desk",
        }
    else:
        import pypdf

        text = " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(target).pages).split())
        assert "Talks resume in Istanbul" in text
        assert "Checked with the desk" in text
        assert "60 delegates" in text


def test_export_to_an_unwritable_place_says_so_and_writes_nothing(make_window, qtbot, tmp_path, pair):
    window = make_window(pair)
    target = tmp_path / "missing-folder" / "out.html"
    with qtbot.waitSignal(window.exported) as signal:
        window.export("html", target)
    assert signal.args[1], "an error message"
    assert "out.html" in window.message_text()
    assert not target.parent.exists()


def test_judging_marks_the_panes_and_the_claims(make_window, pair):
    window = make_window(pair)
    report, index = _diverging(window)
    window.select_link(report, index)
    window.wrong_button.click()
    assert window.judgement_of(report, index).verdict == "wrong"
    assert any(kind == "j-wrong" for _, kind in window.article_pane.markers())
    assert any(kind == "j-wrong" for _, kind in window.report_pane.markers())
    assert window.link_map.bands[index].label == "wrong"
    row = window.claim_keys().index((report, index))
    assert "wrong link" in window.claims_model.index(row, 5).data()
    assert "Your judgement" in window.detail.toPlainText()
    window.note_edit.setText("A different vote")
    window.note_edit.editingFinished.emit()
    assert window.judgement_of(report, index).note == "A different vote"
    window.wrong_button.click()  # unchecking clears the verdict, the note stays
    judgement = window.judgement_of(report, index)
    assert judgement.verdict == "" and judgement.note == "A different vote"
    assert any(kind == "j-note" for _, kind in window.article_pane.markers())


def test_judgements_survive_a_threshold_change(make_window, qtbot, wait, pair):
    window = make_window(pair)
    report, index = _diverging(window)
    link = window.result.comparisons[0].links[index]
    window.select_link(report, index)
    window.judge_selected(verdict="confirmed", note="kept")
    window.threshold.setValue(window.threshold.value() - 5)
    qtbot.waitUntil(lambda: abs(window.result.config.threshold - window.threshold.value() / 100) < 1e-9, timeout=240000)
    wait(qtbot, window)
    links = window.result.comparisons[0].links
    same = next(i for i, other in enumerate(links) if other.article == link.article and other.report == link.report)
    assert window.judgement_of(report, same).note == "kept"


def test_save_and_open_a_session(make_window, qtbot, wait, monkeypatch, tmp_path, pair):
    window = make_window(pair)
    report, index = _diverging(window)
    window.select_link(report, index)
    window.judge_selected(verdict="dismissed", note="same story")
    target = tmp_path / "talks.parallax"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window.save_session_action.trigger()
    assert target.exists() and window.session_path == str(target)
    assert "talks.parallax" in window.windowTitle()

    from parallax.core.export import to_schema

    other = make_window(wait=False, autosave=tmp_path / "other-autosave.parallax")
    wait(qtbot, other)  # the demo first
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(target), ""))
    other.open_session_action.trigger()
    qtbot.waitUntil(lambda: other.result is not None and len(other.result.documents) == 2, timeout=240000)
    wait(qtbot, other)
    assert [d.text for d in other.documents] == [d.text for d in window.documents]
    assert other.judgements == window.judgements
    assert other.threshold.value() == window.threshold.value()
    assert (
        to_schema(other.result, other.judgements)["comparisons"]
        == to_schema(window.result, window.judgements)["comparisons"]
    )
    assert other.judgement_of(report, index).note == "same story"


def test_a_session_given_on_the_command_line_opens(make_window, qtbot, wait, tmp_path, pair):
    from parallax.core.ingest import read_document
    from parallax.core.session import Session, save_session

    path = tmp_path / "given.parallax"
    save_session(path, Session(tuple(read_document(p) for p in pair)))
    window = make_window([str(path)], wait=False)
    qtbot.waitUntil(lambda: window.result is not None and len(window.result.documents) == 2, timeout=240000)
    wait(qtbot, window)
    assert window.result.documents[0].title == "Talks resume in Istanbul"
    assert window.session_path == str(path)


def test_a_bad_session_is_refused_and_loses_nothing(make_window, tmp_path, pair):
    window = make_window(pair)
    bad = tmp_path / "bad.parallax"
    bad.write_text('{"format": "parallax-session", "version": 99}', encoding="utf-8")
    before = list(window.documents)
    assert not window.open_session(bad)
    assert "newer Parallax" in window.message_text() and "bad.parallax" in window.message_text()
    assert window.documents == before


def test_the_autosave_is_offered_back_after_a_crash(make_window, qtbot, wait, tmp_path, pair):
    from parallax.core.ingest import read_document
    from parallax.core.session import Session, load_session, save_session

    autosave = tmp_path / "data" / "autosave.parallax"
    autosave.parent.mkdir()
    # What a crashed run leaves behind: its autosave, and no clean exit to move it aside.
    save_session(autosave, Session(tuple(read_document(p) for p in pair)))
    window = make_window(wait=False, autosave=autosave)
    assert window.restore_offered
    assert "did not close properly" in window.message_text()
    wait(qtbot, window)  # the demo loads meanwhile, and must not overwrite what is offered
    assert window.restore_offered
    window.restore_button.click()
    qtbot.waitUntil(lambda: window.result is not None and len(window.result.documents) == 2, timeout=240000)
    wait(qtbot, window)
    assert not window.restore_offered
    assert window.documents[0].title == "Talks resume in Istanbul"

    report, index = _diverging(window)
    window.judge_link(report, index, verdict="wrong")
    assert window.autosave_now()
    assert load_session(autosave).judgements == window.judgements
    window.shutdown()  # a clean exit: nothing is offered next time, the session is there to reopen
    assert not autosave.exists() and (autosave.parent / "last.parallax").exists()
    again = make_window(wait=False, autosave=autosave)
    assert not again.restore_offered
    assert again.last_session_action.isEnabled()


def test_the_command_line_writes_a_pdf(qapp, tmp_path, monkeypatch, capsys, pair):
    import pypdf

    from parallax.cli import main
    from parallax.core.embed import HashingEmbedder

    monkeypatch.setattr("parallax.cli.default_embedder", HashingEmbedder)
    target = tmp_path / "report.pdf"
    assert main(["compare", *pair, "--pdf", str(target)]) == 0
    assert capsys.readouterr().err == ""
    assert target.read_bytes().startswith(b"%PDF")
    text = " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(target).pages).split())
    assert "Talks resume in Istanbul" in text and "Talks restart in Istanbul" in text
    assert "Football scores from the weekend league" in text
    # pypdf splits some bold words where the font kerns ("L" "egend"): look for the heading without spaces.
    assert "Legend" in "".join(text.split())
