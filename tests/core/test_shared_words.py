"""The rare words two units share, as the window names them beside a link."""

from __future__ import annotations

import pytest

from parallax.core.shared_words import rare_shared_words, unit_words

UNITS = [
    unit_words("Talks in Istanbul ended on Tuesday, officials said."),
    unit_words("Officials said shelling hit Mariupol's theatre on Tuesday."),
    unit_words("The theatre in Mariupol was hit, officials said, on Tuesday."),
    unit_words("Officials said the talks would resume."),
]


@pytest.mark.parametrize(
    ("left", "right", "most", "expected"),
    [
        # "hit", "mariupol" and "theatre" are in two units (a tie: alphabetical), "tuesday" in three,
        # "officials" and "said" in all four.
        (1, 2, 6, ("hit", "mariupol", "theatre", "tuesday")),
        (1, 2, 2, ("hit", "mariupol")),
        # Function words ("on", "the", "in") and single letters ("s") are never named; nor is a word in
        # every unit.
        (0, 3, 6, ("talks",)),
        # "ended" and "istanbul" are in one unit, "talks" in two, "tuesday" in three.
        (0, 0, 3, ("ended", "istanbul", "talks")),
    ],
    ids=["rarest-first", "at-most", "function-words-and-common-words-left-out", "one-unit-with-itself"],
)
def test_rare_shared_words(left, right, most, expected):
    assert rare_shared_words(UNITS, UNITS[left], UNITS[right], most) == expected


def test_nothing_shared_names_nothing():
    assert rare_shared_words(UNITS, unit_words("Kharkiv"), unit_words("Lviv")) == ()
