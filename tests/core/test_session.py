"""Sessions: save, reopen, compare again to the same result; atomic writes; refused files lose nothing."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from parallax.core.compare import CompareConfig, compare
from parallax.core.embed import HashingEmbedder
from parallax.core.export import to_schema
from parallax.core.files import writable_problem, write_atomic
from parallax.core.ingest import document_from_text, read_document
from parallax.core.judgements import CONFIRMED, WRONG, judge
from parallax.core.session import (
    SESSION_VERSION,
    Session,
    SessionError,
    load_session,
    save_session,
    session_to_dict,
)
from parallax.core.worddiff import DiffConfig

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MANIFEST = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))
SEED_PATHS = [SEEDS / MANIFEST["article"], *(SEEDS / r["file"] for r in MANIFEST["reports"])]
CONFIG = CompareConfig(threshold=0.55, sentences=False, diff=DiffConfig(ignore_case=True))


@pytest.fixture(scope="module")
def documents():
    return tuple(read_document(p) for p in SEED_PATHS)


@pytest.fixture(scope="module")
def result(documents):
    return compare(documents, HashingEmbedder(), config=CONFIG)


@pytest.fixture(scope="module")
def session(result):
    judgements = judge((), result, 1, 0, verdict=WRONG, note="not the same meeting")
    judgements = judge(judgements, result, 3, 1, verdict=CONFIRMED)
    return Session(result.documents, CONFIG, judgements, report=2, model=result.model)


def test_a_session_reopens_to_the_same_comparison(tmp_path, session, result):
    path = tmp_path / "talks.parallax"
    save_session(path, session)
    again = load_session(path)
    assert again.documents == session.documents
    assert [d.metadata for d in again.documents] == [d.metadata for d in session.documents]
    assert again.config == CONFIG
    assert again.judgements == session.judgements
    assert (again.report, again.model) == (2, result.model)
    redone = compare(again.documents, HashingEmbedder(), config=again.config)
    assert to_schema(redone, again.judgements) == to_schema(result, session.judgements)


def test_a_session_is_plain_versioned_json(tmp_path, session):
    path = tmp_path / "talks.parallax"
    save_session(path, session)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "parallax-session" and data["version"] == SESSION_VERSION
    assert data["documents"][0]["text"] == session.documents[0].text
    assert data["settings"]["threshold"] == 0.55 and data["settings"]["ignore_case"] is True
    assert data["judgements"][0]["note"] == "not the same meeting"


def test_extra_document_fields_travel(tmp_path):
    # Fields that Document may gain (plain JSON values) are kept, whatever their name.
    document = document_from_text("Talks resumed in Istanbul on Tuesday.", path="a.txt")
    document = replace(document, metadata={"author": "A. Writer", "url": "https://example.org/a"})
    path = tmp_path / "one.parallax"
    save_session(path, Session((document,)))
    assert load_session(path).documents[0].metadata == {"author": "A. Writer", "url": "https://example.org/a"}


def _broken(session_dict, change):
    data = json.loads(json.dumps(session_dict))
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d.update(format="something-else"), "not a Parallax session"),
        (lambda d: d.update(version=SESSION_VERSION + 1), "newer Parallax"),
        (lambda d: d.update(version="1"), "version"),
        (lambda d: d.update(documents=[]), "no documents"),
        (lambda d: d["documents"][1].update(text=5), "document 2: its text is not text"),
        (lambda d: d["documents"][0]["paragraphs"].append([0, 10**9, False]), "outside the text"),
        (lambda d: d["documents"][0]["paragraphs"].append([5, 2, False]), "outside the text"),
        (lambda d: d["documents"][0]["paragraphs"].append([0, 1, "yes"]), "boilerplate flag"),
        (lambda d: d["documents"][0]["sentences"].append([0, 1, 999]), "no paragraph"),
        (lambda d: d["documents"][0].update(metadata={"a": 1}), "metadata"),
        (lambda d: d["settings"].update(threshold=3), "threshold"),
        (lambda d: d["settings"].update(granularity="words"), "granularity"),
        (lambda d: d["settings"].update(conflict_kinds=["mood"]), "unknown kind"),
        (lambda d: d["judgements"][0].update(verdict="maybe"), "judgement 1"),
    ],
)
def test_a_damaged_session_gets_one_line(tmp_path, session, change, words):
    path = tmp_path / "damaged.parallax"
    path.write_text(json.dumps(_broken(session_to_dict(session), change)), encoding="utf-8")
    with pytest.raises(SessionError) as caught:
        load_session(path)
    message = str(caught.value)
    assert "\n" not in message and message.startswith("damaged.parallax: ")
    assert words in message


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "invalid JSON"),
        (b"{not json", "invalid JSON at line 1"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'["a list"]', "not a Parallax session"),
    ],
)
def test_what_is_not_a_session_is_refused(tmp_path, content, words):
    path = tmp_path / "x.parallax"
    path.write_bytes(content)
    with pytest.raises(SessionError, match=words):
        load_session(path)


def test_missing_and_folder(tmp_path):
    with pytest.raises(SessionError, match="no such file"):
        load_session(tmp_path / "nope.parallax")
    with pytest.raises(SessionError, match="folder"):
        load_session(tmp_path)


def test_saving_replaces_atomically_or_not_at_all(tmp_path, session):
    path = tmp_path / "talks.parallax"
    save_session(path, session)
    before = path.read_bytes()

    def failing() -> bytes:
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        write_atomic(path, failing)
    assert path.read_bytes() == before, "the old file is untouched"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["talks.parallax"], "no temporary file is left"


def test_a_write_error_leaves_no_partial_file(tmp_path, monkeypatch):
    path = tmp_path / "out.html"

    def fsync_fails(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync_fails)
    with pytest.raises(OSError, match="No space"):
        write_atomic(path, "<html>" * 1000)
    assert list(tmp_path.iterdir()) == []


def test_save_to_a_missing_folder_is_one_line(tmp_path, session):
    with pytest.raises(SessionError) as caught:
        save_session(tmp_path / "no" / "such" / "x.parallax", session)
    assert str(caught.value).startswith("x.parallax: cannot be written")
    assert "\n" not in str(caught.value)


def test_atomic_files_get_ordinary_permissions(tmp_path):
    path = tmp_path / "report.html"
    write_atomic(path, "<p>x</p>")
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda d: d / "missing" / "out.html", "does not exist"),
        (lambda d: d, "is a folder"),
        (lambda d: d / "file.txt" / "out.html", "not a folder"),
    ],
)
def test_writable_problem(tmp_path, make, words):
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    assert words in writable_problem(make(tmp_path))
    assert writable_problem(tmp_path / "fine.html") is None
