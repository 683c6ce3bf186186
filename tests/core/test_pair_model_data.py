"""The training pairs of the learned link check (training/link_check/pair_model_data.py): each corruption changes one fact
and each rewording keeps every fact."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training" / "link_check"))

import pair_model_data as data

BODY = (
    "Police in Dunmere said 14 people were hurt on Tuesday when a crane fell. "
    "Mayor Ellen Vasquez said the site was closed. Inspectors from Harland Safety will visit in March."
)


@pytest.mark.parametrize(
    ("way", "sentence", "word"),
    [
        (data._swap_number, "Police said 14 people were hurt.", "14"),
        (data._swap_date, "The crane fell on Tuesday.", "Tuesday"),
        (data._swap_date, "Inspectors will visit in March.", "March"),
        (data._flip_negation, "The site was closed.", "not"),
        (data._flip_negation, "The site was not closed.", "not"),
        (data._swap_opposite, "The toll rose overnight.", "rose"),
        (data._swap_name, "Mayor Ellen Vasquez said the site was closed.", "Ellen Vasquez"),
    ],
)
def test_a_corruption_changes_the_fact_it_names(way, sentence, word):
    changed = way(sentence, BODY, random.Random(3))
    assert changed is not None
    assert (word in changed) != (word in sentence), changed  # the word goes, or comes


@pytest.mark.parametrize(
    ("way", "sentence"),
    [
        (data._swap_number, "Police said people were hurt."),
        (data._swap_date, "The crane fell overnight."),
        (data._swap_opposite, "The crane toppled overnight."),
    ],
)
def test_a_corruption_with_nothing_to_change_gives_none(way, sentence):
    assert way(sentence, BODY, random.Random(3)) is None


def test_a_name_is_swapped_for_another_the_body_names():
    changed = data._swap_name("Mayor Ellen Vasquez said the site was closed.", BODY, random.Random(1))
    assert changed is not None
    assert "Ellen Vasquez" not in changed
    assert any(name in changed for name in ("Harland Safety", "Police", "Dunmere", "Inspectors"))


@pytest.mark.parametrize("seed", range(6))
def test_a_rewording_keeps_the_figures_and_names_it_keeps(seed):
    sentence = "Police said about 14 people were hurt on Tuesday, and officials said the site was closed for a week."
    reworded = data.reword(sentence, random.Random(seed))
    assert reworded != sentence
    for kept in ("Police", "14", "hurt", "Tuesday"):  # a clause may go; what stays is unchanged
        assert kept in reworded


def test_nearest_orders_by_similarity():
    vector = np.array([1.0, 0.0], dtype=np.float32)
    others = [np.array(v, dtype=np.float32) for v in ([0.0, 1.0], [0.9, 0.1], [0.5, 0.5], [-1.0, 0.0])]
    assert data.nearest(vector, others, k=2) == [1, 2]
    assert data.nearest(vector, [], k=2) == []
