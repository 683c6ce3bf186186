"""Qt-free wording and the display check."""

from __future__ import annotations

import pytest

from parallax.ui.app import display_problem
from parallax.ui.presentation import number_word, utf16_offsets


def test_display_hint_names_the_packages():
    hint = display_problem({}, "linux")
    assert hint and "libxcb-cursor0" in hint and "parallax compare" in hint
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({}, "darwin") is None


def test_number_words_and_offsets():
    assert number_word(2) == "two"
    assert number_word(12) == "12"
    assert utf16_offsets("plain") is None
    assert utf16_offsets("a😀b") == [0, 1, 3, 4]


def test_spoken_summary_on_demo():
    from parallax.core.compare import CompareConfig, compare
    from parallax.core.embed import HashingEmbedder
    from parallax.core.ingest import read_document
    from parallax.demo import demo_paths
    from parallax.ui.presentation import spoken_summary

    result = compare([read_document(p) for p in demo_paths()], HashingEmbedder(), None, CompareConfig(sentences=False))
    diverging = next(link for c in result.comparisons for link in c.links if link.label == "diverge")
    text = spoken_summary(result, set(diverging.article))
    assert text[0].isupper()
    assert any(word in text for word in ("different", "opposite", "cites"))
    assert "report" in text.split(",")[0], "the line names what it counts from its first words"


def test_window_default_threshold_matches_the_engine():
    from parallax.core.compare import CompareConfig
    from parallax.ui.main_window import DEFAULT_THRESHOLD

    assert CompareConfig().threshold == DEFAULT_THRESHOLD


def test_startup_path_leaves_the_heavy_engine_modules_alone():
    import subprocess
    import sys

    code = (
        "import sys, parallax.ui.app, parallax.ui.main_window;"
        "heavy = [m for m in ('torch', 'sentence_transformers', 'parallax.core.compare', 'parallax.core.ingest',"
        " 'numpy', 'onnxruntime')"
        " if m in sys.modules];"
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=300)


@pytest.mark.parametrize(
    ("similarity", "threshold", "headlines", "says"),
    [
        (0.42, 0.5, True, "The two headlines"),
        (0.43, 0.5, False, "Linked by the names and words these two share"),
        (0.71, 0.5, False, ""),
        (0.42, 0.4, True, ""),
    ],
    ids=["headlines", "shared-words", "over-the-threshold", "headlines-over-a-lower-threshold"],
)
def test_a_link_under_the_threshold_says_why(similarity, threshold, headlines, says):
    from parallax.core.compare import Link
    from parallax.ui.presentation import below_threshold_reason

    reason = below_threshold_reason(Link((0,), (0,), similarity, "agree", (), ()), threshold, headlines)
    assert reason.startswith(says) if says else reason == ""
    if says:
        assert f"{similarity:.2f} < {threshold:.2f}" in reason


@pytest.mark.parametrize("sentences", [False, True])
def test_a_link_names_the_rare_words_its_sides_share_as_the_article_spells_them(sentences):
    from parallax.core.compare import Link
    from parallax.core.ingest import document_from_text
    from parallax.ui.presentation import shared_words

    article = document_from_text(
        "Talks resumed in Istanbul on Tuesday.\n\nShelling hit Mariupol's drama theatre, officials said.",
        path="a.txt",
    )
    report = document_from_text(
        "Officials said the theatre in MARIUPOL was hit.\n\nNegotiators met again in Istanbul.", path="r.txt"
    )
    link = Link((1,), (0,), 0.7, "agree", (), ())  # paragraph 1 with 0, or sentence 1 with 0: the same text
    # Each is in these two units alone: a tie, alphabetical; spelt as the article spells it.
    assert shared_words(article, report, link, sentences) == ["hit", "Mariupol", "officials", "theatre"]
