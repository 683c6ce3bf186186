"""The token-similarity probe (``tests/bench/abcd_token_probe.py``): its measures on hand-made vectors."""

from __future__ import annotations

import math

import bench_scripts
import numpy as np
import pytest

probe = bench_scripts.load("abcd_token_probe")


def _tokens(rows, ids):
    vectors = np.array(rows, dtype=np.float32)
    return probe.Tokens(vectors / np.linalg.norm(vectors, axis=1, keepdims=True), tuple(ids))


def test_idf_weighs_rare_tokens_over_common_ones():
    sentences = [_tokens([[1, 0], [0, 1]], [1, 2]), _tokens([[1, 0]], [1]), _tokens([[1, 0]], [1])]
    idf = probe.inverse_document_frequency(sentences)
    assert idf[2] > idf[1] >= 0
    assert idf[2] == pytest.approx(math.log(4 / 2))


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (_tokens([[1, 0], [0, 1]], [1, 2]), _tokens([[1, 0], [0, 1]], [1, 2]), 1.0),  # the same tokens
        (_tokens([[1, 0]], [1]), _tokens([[0, 1]], [2]), 0.0),  # nothing in common
        # Half of one matches: precision 1 (its one token is found), recall 0.5 (equal weights), F1 2/3.
        (_tokens([[1, 0]], [1]), _tokens([[1, 0], [0, 1]], [1, 2]), 2 / 3),
    ],
)
def test_token_f1(a, b, expected):
    idf = {1: 1.0, 2: 1.0}
    assert probe.token_f1(a, b, idf) == pytest.approx(expected, abs=1e-6)
    assert probe.token_f1(b, a, idf) == pytest.approx(expected, abs=1e-6)  # symmetric


def test_a_token_of_no_weight_counts_for_nothing():
    a, b = _tokens([[1, 0], [0, 1]], [1, 2]), _tokens([[1, 0]], [1])
    assert probe.token_f1(a, b, {1: 1.0, 2: 0.0}) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("margin", "expected"),
    [(0.0, {0: {1}, 1: {0}}), (0.1, {0: {1, 2}, 1: {0}}), (1.0, {0: {0, 1, 2}, 1: {0, 1, 2}})],
)
def test_margin_targets(margin, expected):
    scores = np.array([[0.2, 0.9, 0.85], [0.7, 0.1, 0.3]])
    assert probe.margin_targets(scores, margin) == expected


def test_margin_targets_with_an_empty_report():
    assert probe.margin_targets(np.zeros((2, 0)), 0.1) == {}
