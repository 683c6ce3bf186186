"""Word overlap weighted by rarity: what two units share, counted by how few other units share it."""

from __future__ import annotations

import numpy as np
import pytest

from parallax.core.lexical import lexical_similarity, unit_words

ARTICLE = [
    "The mayor said the bridge in Dunmore would reopen on Monday.",
    "The mayor said the council had voted on the budget.",
    "Flooding closed the bridge last week.",
]
REPORT = [
    "Dunmore's bridge reopens Monday, the mayor said.",
    "The council voted, the mayor said.",
]


def similarity(article: list[str], report: list[str]) -> np.ndarray:
    return lexical_similarity([unit_words(t) for t in article], [unit_words(t) for t in report])


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Kyiv's forces", {"kyiv", "s", "forces"}),
        ("KYIV kyiv Kyiv", {"kyiv"}),
        ("14 March, 2022", {"14", "march", "2022"}),
        ("30,000 troops, 1.5 km away, in 2022.", {"30,000", "troops", "1.5", "km", "away", "in", "2022"}),
        ("Zürich — Genève", {"zürich", "genève"}),
        ("", set()),
    ],
    ids=["possessive", "case-folded-once", "figures", "a-figure-is-one-word", "accents", "empty"],
)
def test_unit_words(text, words):
    assert unit_words(text) == frozenset(words)


def test_each_unit_is_closest_to_the_one_sharing_its_rare_words():
    scores = similarity(ARTICLE, REPORT)
    assert scores.shape == (3, 2)
    # "the mayor said" is in four of the five units and weighs little; "Dunmore", "bridge",
    # "Monday" and "council", "voted" decide.
    assert scores[0].argmax() == 0 and scores[1].argmax() == 1
    assert scores[:, 0].argmax() == 0 and scores[:, 1].argmax() == 1


@pytest.mark.parametrize(
    ("article", "report", "expected"),
    [
        (["Talks resumed in Istanbul.", "Shelling went on."], ["Talks resumed in Istanbul."], 1.0),
        (["Talks resumed in Istanbul."], ["Shelling continued near Kharkiv."], 0.0),
        # One unit a side: every word is in every unit, so none sets the pair apart (a ranking among one).
        (["Talks resumed in Istanbul."], ["Talks resumed in Istanbul."], 0.0),
        # Words in every unit weigh nothing: two units sharing only "the" share nothing.
        (["the talks", "the shelling"], ["the ceasefire"], 0.0),
    ],
    ids=["identical", "disjoint", "single-pair", "common-word-only"],
)
def test_bounds(article, report, expected):
    assert similarity(article, report)[0, 0] == pytest.approx(expected)


def test_scores_are_symmetric_in_their_sides():
    forward, backward = similarity(ARTICLE, REPORT), similarity(REPORT, ARTICLE)
    assert np.allclose(forward, backward.T)


@pytest.mark.parametrize(("n_left", "n_right"), [(0, 2), (3, 0), (0, 0)])
def test_empty_sides(n_left, n_right):
    assert similarity(ARTICLE[:n_left], REPORT[:n_right]).shape == (n_left, n_right)


def test_a_unit_without_words_scores_zero_not_nan():
    scores = similarity(["—", "Talks resumed."], ["Talks resumed."])
    assert scores[0, 0] == 0.0 and np.isfinite(scores).all()


def test_large_documents_work_out_only_the_candidate_pairs_and_get_the_same_scores(monkeypatch):
    import parallax.core.lexical as lexical

    article = [unit_words(t) for t in ARTICLE]
    report = [unit_words(t) for t in REPORT]
    candidates = np.array([[True, False], [False, True], [True, True]])
    dense = lexical.lexical_similarity(article, report, candidates)  # small: every pair
    monkeypatch.setattr(lexical, "DENSE_PAIRS", 0)  # as if large
    sparse = lexical.lexical_similarity(article, report, candidates)
    assert np.allclose(sparse[candidates], dense[candidates])
    assert (sparse[~candidates] == 0).all() and (dense[~candidates] > 0).any()
