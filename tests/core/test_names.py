"""Name matching helpers that the claim checks index for speed: they must answer as ``same_name`` does."""

from __future__ import annotations

import pytest

from parallax.core.tokens import NameIndex, name_key, same_name

TEXT_NAMES = [
    "Kyiv",
    "Kharkiv's",
    "Chernihiv",
    "Luhansk",
    "Ukrainian",
    "Press",
    "Some",
    "Putin",
    "Lee",
    "EU",
    "Zelensky’s",
    "Putin's's",
]


@pytest.mark.parametrize(
    ("word", "named"),
    [
        ("Kiev", True),  # another spelling of "Kyiv"
        ("Kharkov's", True),
        ("Chernigov", True),  # Russian "g" for Ukrainian "h"
        ("Lugansk", True),
        ("Chernivtsi", False),  # another city
        ("Khersonese", False),
        ("Ukraine", True),  # its adjective
        ("Putin", True),
        ("Putin’s", True),
        ("Paris", False),  # the consonants of "Press", three edits away
        ("Sumy", False),
        ("Lie", False),  # short words match only when equal
        ("lee", True),
        ("EU", True),
        ("Zelensky", True),
        ("Medinsky", False),
        ("", False),
    ],
)
def test_a_name_index_answers_as_same_name_over_all_its_words(word, named):
    index = NameIndex(TEXT_NAMES)
    assert index.names(word) is named
    assert index.names(word) is any(same_name(word, w) for w in TEXT_NAMES)
    assert index.names(word) is named  # a remembered answer is the same answer
    assert sorted(index.matching(word)) == sorted({name_key(w) for w in TEXT_NAMES if same_name(word, w)})


def test_an_empty_index_names_nothing():
    assert not NameIndex([]).names("Kyiv")
    assert NameIndex([]).matching("Kyiv") == []
