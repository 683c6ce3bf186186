"""Word diff: whole words only, options for case and punctuation, runs that rebuild both texts."""

from __future__ import annotations

import pytest

from parallax.core.worddiff import DELETE, EQUAL, INSERT, DiffConfig, changed_spans, word_diff

PAIRS = [
    ("The talks resumed in Istanbul.", "The talks resumed in Istanbul."),
    ("Oil prices rose sharply on Tuesday.", "Oil prices fell sharply on Tuesday."),
    ("Russia will reduce activity near Kyiv.", "Moscow will sharply reduce military activity around Kyiv."),
    ("about 2,000 troops", "between 500 and 1,000 troops"),
    ("Talks resumed.", ""),
    ("", "Talks resumed."),
    ("Negotiators met for three hours.", "The weather in Madrid was sunny."),
    ("Ukraine's so-called neutral status", "Ukraine’s so-called neutral stance"),
    ("Line one.\n\nLine two.", "Line one.\n\nLine three."),
]


def a_side(runs) -> str:
    return "".join(r.text for r in runs if r.op in (EQUAL, DELETE))


def b_side(runs) -> str:
    return "".join(r.text for r in runs if r.op in (EQUAL, INSERT))


def cuts_a_word(text: str, start: int, end: int) -> bool:
    def inside(position: int) -> bool:
        return 0 < position < len(text) and text[position - 1].isalnum() and text[position].isalnum()

    return inside(start) or inside(end)


@pytest.mark.parametrize(("a", "b"), PAIRS)
@pytest.mark.parametrize(
    "config",
    [
        DiffConfig(),
        DiffConfig(ignore_case=True),
        DiffConfig(ignore_punctuation=True),
        DiffConfig(semantic_cleanup=False),
    ],
    ids=["default", "ignore-case", "ignore-punctuation", "no-cleanup"],
)
def test_runs_rebuild_both_texts_at_their_offsets(a, b, config):
    runs = word_diff(a, b, config)
    assert a_side(runs) == a
    if not (config.ignore_case or config.ignore_punctuation):
        assert b_side(runs) == b
    for run in runs:
        assert run.op in (DELETE, EQUAL, INSERT)
        assert run.text
        if run.op in (EQUAL, DELETE):
            assert a[run.a_start : run.a_start + len(run.text)] == run.text
            assert not cuts_a_word(a, run.a_start, run.a_start + len(run.text))
        if run.op == INSERT:
            assert b[run.b_start : run.b_start + len(run.text)] == run.text
            assert not cuts_a_word(b, run.b_start, run.b_start + len(run.text))


@pytest.mark.parametrize("text", ["The talks resumed in Istanbul.", "x", "Feb. 24, 2022: “quotes”"])
def test_identical_texts_are_one_equal_run(text):
    runs = word_diff(text, text)
    assert [(r.op, r.text) for r in runs] == [(EQUAL, text)]


@pytest.mark.parametrize(
    ("a", "b", "deleted", "inserted"),
    [
        ("Oil prices rose sharply.", "Oil prices fell sharply.", ["rose"], ["fell"]),
        ("Shelling hit Mariupol overnight.", "Shelling hit Mykolaiv overnight.", ["Mariupol"], ["Mykolaiv"]),
        ("They met on Monday.", "They met on Sunday.", ["Monday"], ["Sunday"]),
        ("about 2,000 troops", "about 2,500 troops", ["2,000"], ["2,500"]),
        ("He said he would go.", "He said he would not go.", [], ["not"]),
        ("She did not rule it out.", "She did rule it out.", ["not"], []),
    ],
)
def test_a_changed_word_is_deleted_and_inserted_whole(a, b, deleted, inserted):
    runs = word_diff(a, b)
    assert [r.text.strip() for r in runs if r.op == DELETE and r.text.strip()] == deleted
    assert [r.text.strip() for r in runs if r.op == INSERT and r.text.strip()] == inserted
    assert a_side(runs) == a and b_side(runs) == b


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Talks Resumed In ISTANBUL.", "the talks resumed in istanbul."),
        ("NATO said", "Nato said"),
    ],
)
def test_ignore_case(a, b):
    assert any(r.op != EQUAL for r in word_diff(a, b))
    runs = word_diff(a, b, DiffConfig(ignore_case=True))
    assert all(r.op == EQUAL for r in runs)
    assert a_side(runs) == a, "the text shown is the original"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Talks resumed, officials said.", "Talks resumed; officials said!"),
        ("Talks resumed, officials said.", "Talks resumed officials said"),
        ("“We agree,” he said.", '"We agree" he said'),
    ],
)
def test_ignore_punctuation(a, b):
    assert any(r.op != EQUAL for r in word_diff(a, b))
    runs = word_diff(a, b, DiffConfig(ignore_punctuation=True))
    changed = [r for r in runs if r.op != EQUAL]
    assert not [r for r in changed if any(ch.isalnum() for ch in r.text)]
    assert not changed, f"punctuation-only differences must not show as changes: {changed}"


def test_ignore_punctuation_still_sees_changed_words():
    runs = word_diff(
        "Oil prices rose, traders said.", "Oil prices fell; traders said.", DiffConfig(ignore_punctuation=True)
    )
    assert [r.text for r in runs if r.op == DELETE] == ["rose"]
    assert [r.text for r in runs if r.op == INSERT] == ["fell"]


def test_changed_spans_point_at_the_changed_words():
    a, b = "Oil prices rose sharply.", "Oil prices fell sharply."
    deleted, inserted = changed_spans(word_diff(a, b))
    assert [a[s:e] for s, e in deleted] == ["rose"]
    assert [b[s:e] for s, e in inserted] == ["fell"]


@pytest.mark.parametrize(("a", "b"), PAIRS)
@pytest.mark.parametrize("config", [DiffConfig(), DiffConfig(semantic_cleanup=False)], ids=["cleanup", "raw"])
def test_native_and_python_diff_match_patch_give_the_same_runs(a, b, config):
    assert word_diff(a, b, config, native=True) == word_diff(a, b, config, native=False)
