"""The linking policies ``tests/bench/abcd_policies.py`` compares: which targets each gives a source."""

from __future__ import annotations

import bench_scripts
import numpy as np
import pytest

policies = bench_scripts.load("abcd_policies")
Policy = policies.Policy

SCORES = np.array([[0.90, 0.88, 0.10], [0.40, 0.30, 0.35], [0.20, 0.10, 0.05]], dtype=np.float32)


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        (Policy("arg-max", words=False), {0: {0}, 1: {0}, 2: {0}}),
        (Policy("arg-max, floor", words=False, floor=0.5), {0: {0}}),
        (Policy("near-best", words=False, near=True, margin=0.05), {0: {0, 1}, 1: {0, 2}, 2: {0}}),
        (Policy("near-best, floor", words=False, near=True, margin=0.05, floor=0.38), {0: {0, 1}, 1: {0}}),
    ],
    ids=["arg-max", "arg-max-with-floor", "near-best", "near-best-with-floor"],
)
def test_targets(policy, expected):
    assert policies.targets(SCORES, policy) == expected


def test_overlap_counts_only_where_the_policy_says():
    cosine = np.array([[0.5, 0.5]], dtype=np.float32)
    overlap = np.array([[0.0, 0.4]], dtype=np.float32)
    with_words, without = Policy("w", words=True), Policy("c", words=False)
    assert policies.targets(policies.combined(cosine, overlap, with_words), with_words) == {0: {1}}
    assert np.array_equal(policies.combined(cosine, overlap, without), cosine)


def test_unpartnered_paragraphs_given_a_partner_are_counted():
    labelled = policies.Labelled(
        cosine=np.array([[0.9, 0.1], [0.3, 0.2], [0.1, 0.05]], dtype=np.float32),
        overlap=np.zeros((3, 2), dtype=np.float32),
        partners={0: {0}},
    )
    floor = Policy("near-best, floor", words=False, near=True, margin=0.05, floor=0.25)
    assert policies.unpartnered_given_one([labelled], floor) == (0.5, 2)  # row 1 (0.3) given one, row 2 not
