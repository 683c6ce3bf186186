"""Normalising text and cutting it into paragraphs and sentences."""

from __future__ import annotations

import pytest

from parallax.core.ingest import read_document
from parallax.core.segment import SegmentConfig, normalise_text, segment, split_sentences


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", ""),
        ("One paragraph.", "One paragraph."),
        ("a\r\nb", "a\n\nb"),
        ("First.\r\n\r\nSecond.", "First.\n\nSecond."),
        ("Line one\nline two\n\nNext", "Line one line two\n\nNext"),
        ("Line one\nline two\n  \t \nNext", "Line one line two\n\nNext"),
        ("Each line\nis its own\nparagraph", "Each line\n\nis its own\n\nparagraph"),
        ("\n\n\nA\n\n\n\nB\n\n", "A\n\nB"),
        ("  spaced   out\u00a0text\u2009here  ", "spaced out text here"),
        ("in\u200bvisible\u2060 join\ufeffers", "invisible joiners"),
        ("cafe\u0301", "café"),
        ("tabs\tand\t\ttabs", "tabs and tabs"),
    ],
    ids=[
        "empty",
        "single",
        "crlf-lines",
        "crlf-paragraphs",
        "hard-wrap",
        "blank-line-with-spaces",
        "line-per-paragraph",
        "extra-blank-lines",
        "odd-spaces",
        "zero-width",
        "nfc",
        "tabs",
    ],
)
def test_normalise_text(raw, expected):
    assert normalise_text(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["a\r\nb", "Line one\nline two\n\nNext", "  x  \n\n\n  y ", "cafe\u0301\u200b"],
)
def test_normalise_text_is_idempotent(raw):
    once = normalise_text(raw)
    assert normalise_text(once) == once


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Talks ended on Feb. 24 in Istanbul. Then both sides left.",
            ["Talks ended on Feb. 24 in Istanbul.", "Then both sides left."],
        ),
        ("Mr. Smith arrived. He spoke briefly.", ["Mr. Smith arrived.", "He spoke briefly."]),
        (
            "Dr. Jones met Mrs. Brown at 5 p.m. on Friday. They talked.",
            ["Dr. Jones met Mrs. Brown at 5 p.m. on Friday.", "They talked."],
        ),
        ("He met U.S. officials on Tuesday. They talked.", ["He met U.S. officials on Tuesday.", "They talked."]),
        (
            '"We will not give up," he said. The talks continue.',
            ['"We will not give up," he said.', "The talks continue."],
        ),
        (
            "“We will not give up,” he said. The talks continue.",
            ["“We will not give up,” he said.", "The talks continue."],
        ),
        (
            "Prices rose 2.5 per cent. Analysts were surprised!",
            ["Prices rose 2.5 per cent.", "Analysts were surprised!"],
        ),
        ("Why now? Nobody knows.", ["Why now?", "Nobody knows."]),
        ("A headline without a full stop", ["A headline without a full stop"]),
    ],
    ids=[
        "feb-abbreviation",
        "mr",
        "dr-mrs-pm",
        "u-s",
        "straight-quote",
        "curly-quote",
        "decimal",
        "question",
        "no-full-stop",
    ],
)
def test_sentences(text, sentences):
    paragraphs, found = segment(text)
    assert len(paragraphs) == 1
    assert [s.text for s in found] == sentences
    assert all(text[s.start : s.end] == s.text for s in found)


@pytest.mark.parametrize(
    ("text", "paragraphs", "owners"),
    [
        (
            "First para. Two sentences here.\n\nSecond para.",
            ["First para. Two sentences here.", "Second para."],
            [0, 0, 1],
        ),
        ("Headline\n\nOne. Two. Three.\n\nLast.", ["Headline", "One. Two. Three.", "Last."], [0, 1, 1, 1, 2]),
        ("Only one.", ["Only one."], [0]),
    ],
)
def test_paragraphs_and_sentence_owners(text, paragraphs, owners):
    found_paragraphs, sentences = segment(text)
    assert [p.text for p in found_paragraphs] == paragraphs
    assert [s.paragraph for s in sentences] == owners
    for p in found_paragraphs:
        assert text[p.start : p.end] == p.text
        assert not p.boilerplate, "segment alone never flags boilerplate"
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_empty_text_has_no_units():
    assert segment("") == ((), ())


def test_the_fast_path_cuts_exactly_as_pysbd_does():
    """Paragraphs with no sentence end before their last words skip pysbd; the spans must not change."""
    from parallax.core import segment as seg
    from parallax.demo import demo_paths

    paragraphs = [p.text for path in demo_paths() for p in read_document(path).paragraphs]
    paragraphs += ["  One clause only, then the end.  ", "Duration 1:28", "No end at all", "Ends with dots..."]
    fast = [p for p in paragraphs if not seg._INNER_END.search(p.rstrip(seg._TRAILING))]
    assert len(fast) >= 10, "the seeds exercise the fast path"
    for paragraph in fast:
        assert seg.split_sentences(paragraph) == seg._pysbd_spans(paragraph, SegmentConfig()), paragraph


def test_remembered_splits_are_fresh_lists():
    spans = split_sentences("First one. Second one.")
    spans.append((0, 0))
    assert split_sentences("First one. Second one.") == [(0, 10), (11, 22)]
