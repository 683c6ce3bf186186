"""Alignment of unit vectors: order-free, one-to-many, unmatched units, threshold behaviour."""

from __future__ import annotations

import numpy as np
import pytest

from parallax.core.align import AlignConfig, align, align_matrix, word_candidates

DIM = 8


def unit(*weights: float) -> np.ndarray:
    vector = np.zeros(DIM, dtype=np.float32)
    vector[: len(weights)] = weights
    return (vector / np.linalg.norm(vector)).astype(np.float32)


def axis(i: int, noise: float = 0.0, j: int | None = None) -> np.ndarray:
    """Mostly direction ``i``, tilted a little towards direction ``j``."""
    vector = np.zeros(DIM, dtype=np.float32)
    vector[i] = 1.0
    if j is not None:
        vector[j] = noise
    return (vector / np.linalg.norm(vector)).astype(np.float32)


def pairs(alignment) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(g.left, g.right) for g in alignment.groups}


@pytest.mark.parametrize(
    ("left_axes", "right_axes", "expected"),
    [
        ([0, 1, 2], [0, 1, 2], {((0,), (0,)), ((1,), (1,)), ((2,), (2,))}),
        ([0, 1, 2], [2, 0, 1], {((0,), (1,)), ((1,), (2,)), ((2,), (0,))}),
        ([0, 1, 2, 3], [3, 2, 1, 0], {((0,), (3,)), ((1,), (2,)), ((2,), (1,)), ((3,), (0,))}),
        ([4, 0], [0, 5, 4], {((0,), (2,)), ((1,), (0,))}),
    ],
    ids=["same-order", "rotated", "reversed", "reordered-with-extra"],
)
def test_reordered_units_link_correctly(left_axes, right_axes, expected):
    left = np.stack([axis(i, 0.2, 7) for i in left_axes])
    right = np.stack([axis(i, 0.1, 6) for i in right_axes])
    assert pairs(align(left, right)) == expected


def test_one_report_unit_summarising_two_article_units_is_one_link():
    article = np.stack([axis(0), axis(1), axis(2)])
    report = np.stack([unit(1, 1), axis(2, 0.1, 5)])
    alignment = align(article, report)
    assert pairs(alignment) == {((0, 1), (0,)), ((2,), (1,))}
    assert alignment.left_only == () and alignment.right_only == ()


def test_one_article_unit_split_over_two_report_units_is_one_link():
    article = np.stack([unit(1, 1), axis(3)])
    report = np.stack([axis(0), axis(3, 0.1, 6), axis(1)])
    assert pairs(align(article, report)) == {((0,), (0, 2)), ((1,), (1,))}


def test_units_below_the_threshold_are_only_on_their_side():
    article = np.stack([axis(0), axis(1), axis(2)])
    report = np.stack([axis(3), axis(0, 0.2, 6), axis(4)])
    alignment = align(article, report)
    assert pairs(alignment) == {((0,), (1,))}
    assert alignment.left_only == (1, 2)
    assert alignment.right_only == (0, 2)


def test_every_unit_is_linked_or_only_on_its_side_exactly_once():
    rng = np.random.default_rng(7)
    left = rng.normal(size=(9, DIM)).astype(np.float32)
    right = rng.normal(size=(7, DIM)).astype(np.float32)
    left /= np.linalg.norm(left, axis=1, keepdims=True)
    right /= np.linalg.norm(right, axis=1, keepdims=True)
    for threshold in (0.0, 0.3, 0.5, 0.8, 1.0):
        alignment = align(left, right, AlignConfig(threshold=threshold))
        linked_left = [i for g in alignment.groups for i in g.left]
        linked_right = [j for g in alignment.groups for j in g.right]
        assert sorted(linked_left + list(alignment.left_only)) == list(range(9))
        assert sorted(linked_right + list(alignment.right_only)) == list(range(7))
        assert all(g.similarity >= threshold for g in alignment.groups)


# Strong links 0↔0 (0.92) and 1↔1 (0.81); a weak link 2↔2 (0.55); row 3 and column 3 match nothing.
SCORES = np.array(
    [
        [0.92, 0.10, 0.05, 0.00],
        [0.12, 0.81, 0.20, 0.10],
        [0.03, 0.15, 0.55, 0.08],
        [0.01, 0.05, 0.02, 0.30],
    ],
    dtype=np.float32,
)


@pytest.mark.parametrize(
    ("threshold", "links", "left_only", "right_only"),
    [
        (0.25, {((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))}, (), ()),
        (0.5, {((0,), (0,)), ((1,), (1,)), ((2,), (2,))}, (3,), (3,)),
        (0.6, {((0,), (0,)), ((1,), (1,))}, (2, 3), (2, 3)),
        (0.85, {((0,), (0,))}, (1, 2, 3), (1, 2, 3)),
        (0.95, set(), (0, 1, 2, 3), (0, 1, 2, 3)),
    ],
)
def test_threshold_table(threshold, links, left_only, right_only):
    alignment = align_matrix(SCORES, AlignConfig(threshold=threshold))
    assert pairs(alignment) == links
    assert alignment.left_only == left_only
    assert alignment.right_only == right_only


def test_raising_the_threshold_only_removes_the_weak_links():
    low = align_matrix(SCORES, AlignConfig(threshold=0.5))
    high = align_matrix(SCORES, AlignConfig(threshold=0.6))
    assert {g for g in low.groups if g.similarity >= 0.6} == set(high.groups)
    removed = set(low.groups) - set(high.groups)
    assert {(g.left, g.right) for g in removed} == {((2,), (2,))}


def test_link_similarity_is_the_score_of_the_pair():
    alignment = align_matrix(SCORES, AlignConfig(threshold=0.5))
    assert {(g.left, g.right): g.similarity for g in alignment.groups} == pytest.approx(
        {((0,), (0,)): 0.92, ((1,), (1,)): 0.81, ((2,), (2,)): 0.55}, abs=1e-4
    )


@pytest.mark.parametrize(
    ("n_left", "n_right"),
    [(0, 0), (0, 3), (3, 0)],
)
def test_empty_inputs(n_left, n_right):
    left = np.zeros((n_left, DIM), dtype=np.float32)
    right = np.zeros((n_right, DIM), dtype=np.float32)
    alignment = align(left, right)
    assert alignment.groups == ()
    assert alignment.left_only == tuple(range(n_left))
    assert alignment.right_only == tuple(range(n_right))
    assert align_matrix(np.zeros((n_left, n_right), dtype=np.float32)).groups == ()


def test_alignment_is_symmetric_in_its_sides():
    flipped = align_matrix(SCORES.T.copy(), AlignConfig(threshold=0.5))
    straight = align_matrix(SCORES, AlignConfig(threshold=0.5))
    assert {(g.right, g.left) for g in flipped.groups} == pairs(straight)


def _matrix(rows: list[list[float]]) -> np.ndarray:
    return np.array(rows, dtype=np.float32)


@pytest.mark.parametrize(
    ("scores", "anchors", "expected"),
    [
        # The headlines score 0.4: too little for a link, enough for an anchor (threshold 0.5 - 0.2).
        ([[0.4, 0.1], [0.1, 0.9]], [(0, 0)], {((0,), (0,)), ((1,), (1,))}),
        ([[0.4, 0.1], [0.1, 0.9]], [], {((1,), (1,))}),
        # Below the allowance an anchor is no link either.
        ([[0.25, 0.1], [0.1, 0.9]], [(0, 0)], {((1,), (1,))}),
        # An anchored unit is linked to its anchor only: the headline leaves the body paragraph's link.
        ([[0.6, 0.1, 0.7], [0.1, 0.9, 0.2]], [(0, 0)], {((0,), (0,)), ((1,), (1,))}),
        # Anchors outside the matrix are ignored.
        ([[0.9]], [(3, 0), (0, 5)], {((0,), (0,))}),
        # A title that is no headline: the article's headline scores far better with a later paragraph.
        ([[0.37, 0.1, 0.83], [0.1, 0.9, 0.2]], [(0, 0)], {((0,), (2,)), ((1,), (1,))}),
        # ... but not where the other scores only somewhat better: the anchor holds.
        ([[0.5, 0.1, 0.8], [0.1, 0.9, 0.2]], [(0, 0)], {((0,), (0,)), ((1,), (1,))}),
    ],
    ids=[
        "anchor-links-below-threshold",
        "no-anchor",
        "anchor-too-dissimilar",
        "anchor-is-exclusive",
        "out-of-range",
        "title-yields",
        "anchor-holds",
    ],
)
def test_anchored_pairs_link_by_their_role(scores, anchors, expected):
    assert pairs(align_matrix(_matrix(scores), AlignConfig(), anchors)) == expected


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        # Article units 0 and 2 link with report unit 0; unit 1 between them (0.47) joins the link.
        ([[0.8, 0.1], [0.47, 0.1], [0.75, 0.1], [0.1, 0.9]], {((0, 1, 2), (0,)), ((3,), (1,))}),
        # Too dissimilar (below threshold - gap_allowance): left out.
        ([[0.8, 0.1], [0.42, 0.1], [0.75, 0.1], [0.1, 0.9]], {((0, 2), (0,)), ((3,), (1,))}),
        # Linked to something else already: it stays in its own link.
        ([[0.8, 0.1], [0.47, 0.9], [0.75, 0.1]], {((0, 2), (0,)), ((1,), (1,))}),
        # The same on the other side: report unit 1 between report units 0 and 2 of one article unit.
        ([[0.8, 0.47, 0.75], [0.1, 0.1, 0.1]], {((0,), (0, 1, 2))}),
        # More than two units apart: no gap to fill.
        (
            [[0.8, 0.1], [0.47, 0.1], [0.47, 0.1], [0.47, 0.1], [0.75, 0.1], [0.1, 0.9]],
            {((0, 4), (0,)), ((5,), (1,))},
        ),
    ],
    ids=["gap-joins", "gap-too-dissimilar", "gap-linked-elsewhere", "gap-on-report-side", "gap-too-wide"],
)
def test_a_unit_left_out_inside_a_link_joins_it(scores, expected):
    assert pairs(align_matrix(_matrix(scores))) == expected


@pytest.mark.parametrize(
    ("second_half_at", "linked"),
    [
        # Article paragraph 0 split over report paragraphs 0 and 1: the weaker half (0.56, outside the
        # 0.1 margin of 0.70) still joins, because its partner's link is right beside it.
        (1, True),
        # The same score for a report paragraph far from that link: no link.
        (2, False),
    ],
)
def test_a_paragraph_split_over_two_beside_each_other_links_both_halves(second_half_at, linked):
    scores = np.full((2, 3), 0.1, dtype=np.float32)
    scores[0, 0] = 0.70
    scores[0, second_half_at] = 0.56
    scores[1, 3 - second_half_at] = 0.80  # the other report paragraph has its own partner
    alignment = align_matrix(scores, AlignConfig(threshold=0.5))
    groups = {(g.left, g.right) for g in alignment.groups}
    expected = ((0,), tuple(sorted({0, second_half_at}))) if linked else ((0,), (0,))
    assert expected in groups
    assert (second_half_at in alignment.right_only) is not linked


@pytest.mark.parametrize(
    ("scores", "lexical", "expected"),
    [
        # Two report units close in meaning to article unit 0 (0.72, 0.70); the second shares its rare
        # words, so the article unit takes it, and report unit 0 goes to its own partner.
        ([[0.72, 0.70], [0.60, 0.20]], [[0.05, 0.60], [0.40, 0.00]], {((0,), (1,)), ((1,), (0,))}),
        # Without the word overlap the cosine alone decides: both report units go to article unit 0.
        ([[0.72, 0.70], [0.60, 0.20]], None, {((0,), (0, 1))}),
        # Words shared admit a pair a little under the threshold (0.45 against 0.5) when they are many
        # and rare ...
        ([[0.45, 0.10], [0.10, 0.90]], [[0.30, 0.00], [0.00, 0.20]], {((0,), (0,)), ((1,), (1,))}),
        # ... not when they are few ...
        ([[0.45, 0.10], [0.10, 0.90]], [[0.20, 0.00], [0.00, 0.20]], {((1,), (1,))}),
        # ... and never far under it, however many.
        ([[0.35, 0.10], [0.10, 0.90]], [[1.00, 0.00], [0.00, 0.20]], {((1,), (1,))}),
        # A partner taken for its words must still be within the margin of the other end's best cosine:
        # report unit 1 is article unit 1's, far closer in meaning (0.95 against 0.62).
        ([[0.90, 0.62], [0.10, 0.95]], [[0.00, 0.90], [0.00, 0.10]], {((0,), (0,)), ((1,), (1,))}),
    ],
    ids=[
        "overlap-breaks-the-tie",
        "cosine-alone",
        "overlap-admits-a-little-under",
        "too-little-overlap",
        "too-far-under",
        "margin-on-cosine",
    ],
)
def test_shared_words_choose_the_partner_and_admit_pairs_a_little_under_the_threshold(scores, lexical, expected):
    words = None if lexical is None else _matrix(lexical)
    alignment = align_matrix(_matrix(scores), AlignConfig(threshold=0.5), lexical=words)
    assert pairs(alignment) == expected


def test_link_similarity_stays_the_cosine_when_words_choose():
    scores = _matrix([[0.72, 0.70]])
    alignment = align_matrix(scores, AlignConfig(), lexical=_matrix([[0.0, 0.8]]))
    assert [(g.right, g.similarity) for g in alignment.groups] == [((0, 1), 0.72)]


@pytest.mark.parametrize(("threshold", "linked"), [(0.4, True), (0.5, True), (0.6, False), (0.9, False)])
def test_shared_words_admit_under_the_default_threshold_or_a_lower_one_only(threshold, linked):
    # A pair 0.05 under each threshold, sharing many rare words; a threshold raised over the default
    # asks for fewer, closer links, and gets them.
    scores = _matrix([[threshold - 0.05, 0.0], [0.0, 0.95]])
    alignment = align_matrix(scores, AlignConfig(threshold=threshold), lexical=_matrix([[0.6, 0.0], [0.0, 0.3]]))
    assert (((0,), (0,)) in pairs(alignment)) is linked


@pytest.mark.parametrize(
    ("overlap", "expected"),
    [
        # Article unit 1 prefers report unit 0 (0.6), which has a far closer partner (0.9, beyond the 0.1
        # margin); sharing many of its words, it joins that link all the same ...
        (0.40, {((0, 1), (0,))}),
        # ... sharing few, it is left only in the article.
        (0.20, {((0,), (0,))}),
    ],
    ids=["words-confirm", "words-do-not-confirm"],
)
def test_words_shared_keep_a_partner_that_has_a_closer_one(overlap, expected):
    scores = _matrix([[0.9, 0.1], [0.6, 0.1]])
    lexical = _matrix([[0.5, 0.0], [overlap, 0.0]])
    assert pairs(align_matrix(scores, AlignConfig(), lexical=lexical)) == expected


@pytest.mark.parametrize(
    ("second_half", "overlap", "joins"),
    [
        # Report unit 1, the second half of article unit 0 split over report units 0 and 1, repeats its
        # quote: far under the threshold in meaning (0.30) and closer to article unit 1 (0.40), its words
        # make article unit 0 its partner, and it joins the link beside it ...
        (0.30, 0.50, True),
        # ... not when it shares few words ...
        (0.30, 0.10, False),
        # ... nor when it is further from the threshold than the allowance (0.25), however many.
        (0.20, 0.90, False),
    ],
    ids=["words-join-the-half", "too-few-words", "too-far-in-meaning"],
)
def test_a_split_paragraphs_second_half_sharing_its_words_joins_the_link_beside_it(second_half, overlap, joins):
    scores = _matrix([[0.70, second_half, 0.10], [0.10, 0.40, 0.80]])
    lexical = _matrix([[0.40, overlap, 0.00], [0.00, 0.00, 0.30]])
    alignment = align_matrix(scores, AlignConfig(threshold=0.5), lexical=lexical)
    expected = {((0,), (0, 1)), ((1,), (2,))} if joins else {((0,), (0,)), ((1,), (2,))}
    assert pairs(alignment) == expected


@pytest.mark.parametrize(
    ("threshold", "score", "read"),
    [
        # At the default threshold or a lower one, the words of pairs down to 0.25 under it are read
        # (the second half of a split paragraph); large documents work out no others ...
        (0.5, 0.26, True),
        (0.5, 0.24, False),
        (0.4, 0.16, True),
        # ... and above it only the cosine admits, so only pairs over the threshold are read.
        (0.6, 0.59, False),
        (0.6, 0.61, True),
    ],
)
def test_the_words_of_every_pair_a_rule_may_admit_are_read(threshold, score, read):
    candidates = word_candidates(_matrix([[score]]), AlignConfig(threshold=threshold))
    assert bool(candidates[0, 0]) is read


@pytest.mark.parametrize(
    ("refers_back", "second_at", "score", "joins"),
    [
        # Report unit 1 opens by pointing back ("Those talks could last ..."): at 0.40, under the threshold
        # and sharing few words, it joins the link of report unit 0 right before it ...
        (True, 1, 0.40, True),
        # ... not without that opening ...
        (False, 1, 0.40, False),
        # ... nor further than the allowance (0.15) under the threshold ...
        (True, 1, 0.30, False),
        # ... nor when the linked unit comes after it: it points back, not forward.
        (True, 0, 0.40, False),
    ],
    ids=["points-back", "no-reference", "too-far-in-meaning", "points-the-wrong-way"],
)
def test_a_unit_that_points_back_joins_the_link_of_the_unit_before_it(refers_back, second_at, score, joins):
    first_at = 1 - second_at
    scores = np.full((2, 3), 0.1, dtype=np.float32)
    scores[0, first_at] = 0.80
    scores[0, second_at] = score
    scores[1, 2] = 0.80  # the third report unit has its own partner
    flags = [False, False, False]
    flags[second_at] = refers_back
    alignment = align_matrix(scores, AlignConfig(threshold=0.5), refers_back=flags)
    expected = ((0,), (0, 1)) if joins else ((0,), (first_at,))
    assert expected in pairs(alignment)


@pytest.mark.parametrize(
    ("runs_on", "next_linked", "joins"),
    [
        # Report unit 0 is a sentence's first half ("... and move them into new positions,"), unit 1 its second
        # ("after which they would ..."): however little unit 0 scores alone, it joins unit 1's link ...
        (True, True, True),
        # ... not when it ends its sentence ...
        (False, True, False),
        # ... nor when the unit it runs on into is linked to nothing.
        (True, False, False),
    ],
    ids=["runs-on", "ends-its-sentence", "runs-on-into-an-unlinked-unit"],
)
def test_a_unit_cut_mid_sentence_joins_the_link_of_the_unit_it_runs_on_into(runs_on, next_linked, joins):
    scores = np.full((2, 3), 0.1, dtype=np.float32)
    scores[0, 1] = 0.80 if next_linked else 0.2
    scores[1, 2] = 0.80  # the third report unit has its own partner
    alignment = align_matrix(scores, AlignConfig(threshold=0.5), runs_on=[runs_on, False, False])
    linked = {j for group in alignment.groups for j in group.right}
    assert (0 in linked) == joins
    if joins:
        assert ((0,), (0, 1)) in pairs(alignment)
