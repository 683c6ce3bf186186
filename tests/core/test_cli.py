"""The command line on bad input: a non-zero exit and one ``parallax: ...`` line, never a traceback.

These never load the model: each fails before any embedding. The runs with the
real model are in ``test_model.py``.
"""

from __future__ import annotations

import json
from html import escape

import pytest

from parallax.cli import main

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100)


def run(argv, capsys):
    """Run the command in-process; argparse's SystemExit counts as the exit code."""
    try:
        code = main(argv)
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_failure(code, out, err, *names):
    assert code not in (0, None), "a failure must exit non-zero"
    assert "Traceback" not in err and "Traceback" not in out
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got: {err!r}"
    assert lines[0].startswith("parallax: "), lines[0]
    for name in names:
        assert name in lines[0]


@pytest.fixture
def article(tmp_path):
    file = tmp_path / "article.txt"
    file.write_text("Talks resume\n\nNegotiators met in Istanbul on Tuesday.", encoding="utf-8")
    return file


@pytest.fixture
def no_model(monkeypatch):
    """Fail the test if anything tries to load the real model."""
    from parallax.core import embed

    def refuse(self):
        raise AssertionError("the model must not load for input that is refused")

    monkeypatch.setattr(embed.SentenceTransformerEmbedder, "load", refuse)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("missing.txt", None),
        ("empty.txt", b""),
        ("blank.md", b"  \n\n  "),
        ("image.png", PNG),
        ("binary.txt", PNG),
    ],
)
@pytest.mark.parametrize("as_report", [False, True], ids=["as-article", "as-report"])
def test_compare_refuses_bad_files(tmp_path, capsys, article, no_model, name, data, as_report):
    bad = tmp_path / name
    if data is not None:
        bad.write_bytes(data)
    argv = ["compare", str(article), str(bad)] if as_report else ["compare", str(bad), str(article)]
    assert_one_line_failure(*run(argv, capsys), name)


def test_compare_refuses_a_folder(tmp_path, capsys, article, no_model):
    folder = tmp_path / "folder"
    folder.mkdir()
    assert_one_line_failure(*run(["compare", str(article), str(folder)], capsys), "folder")


@pytest.mark.parametrize("threshold", ["2", "-0.1", "abc", "1.5"])
def test_compare_refuses_a_bad_threshold(tmp_path, capsys, article, no_model, threshold):
    code, out, err = run(["compare", str(article), str(article), "--threshold", threshold], capsys)
    assert_one_line_failure(code, out, err, threshold)


def test_compare_needs_a_report(capsys, article, no_model):
    code, _out, err = run(["compare", str(article)], capsys)
    assert code not in (0, None)
    assert "Traceback" not in err
    assert "reports" in err.splitlines()[-1]


def test_batch_with_malformed_lines(tmp_path, capsys, no_model):
    lines = [
        "this is not json",
        json.dumps(["an", "array"]),
        json.dumps({"id": "no-reports", "article": "Talks resumed."}),
        json.dumps({"id": "reports-not-a-list", "article": "Talks resumed.", "reports": "Talks restarted."}),
        json.dumps({"id": "empty-article", "article": "   ", "reports": ["Talks restarted."]}),
        json.dumps({"id": "number-report", "article": "Talks resumed.", "reports": [42]}),
        "",
    ]
    batch = tmp_path / "in.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run(["batch", str(batch)], capsys)
    assert code not in (0, None)
    assert "Traceback" not in err
    err_lines = [line for line in err.splitlines() if line.strip()]
    assert len(err_lines) == 6, err
    assert all(line.startswith("parallax: line ") for line in err_lines)
    assert [line.split(":")[1].strip() for line in err_lines] == [
        "line 1",
        "line 2",
        "line 3",
        "line 4",
        "line 5",
        "line 6",
    ]
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 6, "one output line per input line, errors included"
    assert [r.get("id") for r in records[2:]] == ["no-reports", "reports-not-a-list", "empty-article", "number-report"]
    assert all("error" in r and "result" not in r for r in records)


def test_batch_missing_file(tmp_path, capsys, no_model):
    assert_one_line_failure(*run(["batch", str(tmp_path / "nope.jsonl")], capsys), "nope.jsonl")


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--help"], ["compare", "batch"]),
        (["compare", "--help"], ["--json", "--threshold", "article"]),
        (["batch", "--help"], ["input"]),
    ],
)
def test_help(capsys, argv, words):
    code, out, err = run(argv, capsys)
    assert code == 0
    assert out.startswith("usage: parallax")
    for word in words:
        assert word in out
    assert not err


def test_version(capsys):
    code, out, _ = run(["--version"], capsys)
    assert code == 0
    assert out.startswith("parallax ")


# --- exports: --html, --csv, --session, and a session as input (the hashing embedder, never the model) ---


@pytest.fixture
def hashing(monkeypatch):
    from parallax.core.embed import HashingEmbedder

    monkeypatch.setattr("parallax.cli.default_embedder", HashingEmbedder)


@pytest.fixture
def pair(tmp_path):
    article = tmp_path / "article.txt"
    report = tmp_path / "report.txt"
    article.write_text(
        "Talks resume\n\nNegotiators met in Istanbul on Tuesday, where 40 delegates attended the talks.",
        encoding="utf-8",
    )
    report.write_text(
        "Talks restart\n\nNegotiators met in Istanbul on Tuesday, where 60 delegates attended the talks.",
        encoding="utf-8",
    )
    return [str(article), str(report)]


def test_compare_writes_html_csv_and_a_session(tmp_path, capsys, hashing, pair):
    import csv

    from parallax.core.session import load_session

    html, table, session = tmp_path / "r.html", tmp_path / "r.csv", tmp_path / "r.parallax"
    code, out, err = run(
        ["compare", *pair, "--html", str(html), "--csv", str(table), "--session", str(session), "--json"], capsys
    )
    assert (code, err) == (0, "")
    schema = json.loads(out)
    assert schema["schema"] == 1, "--json still prints alongside the files"
    markup = html.read_text(encoding="utf-8")
    reasons = [c["reason"] for link in schema["comparisons"][0]["links"] for c in link["conflicts"]]
    assert len(reasons) == 1
    reason = reasons[0]
    assert "40 delegates" in markup and "60 delegates" in markup and escape(reason) in markup
    with table.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [r["conflict_kind"] for r in rows if r["conflict_kind"]] == ["number"]
    assert {r["row"] for r in rows} == {"link"}
    assert [d.path for d in load_session(session).documents] == pair


def test_compare_exports_a_sessions_judgements(tmp_path, capsys, hashing, pair):
    from parallax.core.compare import compare
    from parallax.core.embed import HashingEmbedder
    from parallax.core.ingest import read_document
    from parallax.core.judgements import WRONG, judge
    from parallax.core.session import Session, save_session

    documents = tuple(read_document(p) for p in pair)
    result = compare(documents, HashingEmbedder())
    judgements = judge((), result, 1, 0, verdict=WRONG, note="another meeting")
    session = tmp_path / "s.parallax"
    save_session(session, Session(documents, judgements=judgements))
    html = tmp_path / "r.html"
    code, out, err = run(["compare", str(session), "--json", "--html", str(html)], capsys)
    assert (code, err) == (0, "")
    assert json.loads(out)["comparisons"][0]["links"][0]["judgement"] == {"verdict": "wrong", "note": "another meeting"}
    assert "another meeting" in html.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("flags", "words"),
    [
        (lambda d: ["--html", str(d / "missing" / "r.html")], "r.html"),
        (lambda d: ["--csv", str(d)], "is a folder"),
        (lambda d: ["--pdf", str(d / "no" / "r.pdf")], "does not exist"),
        (lambda d: ["--html", str(d / "x"), "--csv", str(d / "x")], "the same file"),
        (lambda d: ["--session", ""], "needs a file name"),
    ],
)
def test_compare_refuses_unwritable_outputs_before_comparing(tmp_path, capsys, no_model, pair, flags, words):
    code, out, err = run(["compare", *pair, *flags(tmp_path)], capsys)
    assert code == 2
    assert_one_line_failure(code, out, err, words)


def test_compare_refuses_a_bad_session(tmp_path, capsys, no_model, pair):
    bad = tmp_path / "bad.parallax"
    bad.write_text("{}", encoding="utf-8")
    assert_one_line_failure(*run(["compare", str(bad)], capsys), "bad.parallax", "not a Parallax session")
    code, out, err = run(["compare", str(bad), pair[1]], capsys)
    assert_one_line_failure(code, out, err, "either a session or files")
