"""The speaker search before a reporting verb finds exactly what its regular expression finds, only faster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from labelled_sets import labelled_manifests
from parallax.core.entities import _BEFORE_VERB, _before_verb, find_speakers

ROOT = Path(__file__).resolve().parents[2]


def _pattern_spans(text: str) -> list[tuple[int, int]]:
    return [m.span("speaker") for m in _BEFORE_VERB.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "He said",
        "Xsaid it",
        "NATO estimated that 7,000 soldiers died.",
        '"We will stay," said Smith, and the Pentagon has also estimated more.',
        "Officials  said\nthe talks   have  told nothing.",
        "A" * 95 + " said so.",  # a speaker longer than 90 characters starts later
        "A" * 88 + " said so, and " + "B" * 3 + " says",
        "the minister; the Kremlin also  said (and NATO told reporters) Putin says",
        "— Russia has estimated – Ukraine had said: Lavrov believes",
        "Sayings: he is saying nothing, she says nothing",
    ],
)
def test_speaker_spans_before_a_verb_match_the_pattern(text):
    assert _before_verb(text) == _pattern_spans(text)


def test_speaker_spans_match_the_pattern_on_every_seed_and_dev_text():
    for manifest in labelled_manifests(held_out=False):
        path = ROOT / manifest
        entries = json.loads(path.read_text(encoding="utf-8"))
        files = [entries["article"], *(r["file"] for r in entries["reports"])]
        for name in files:
            text = (path.parent / name).read_text(encoding="utf-8")
            assert _before_verb(text) == _pattern_spans(text), name


def test_speakers_are_found_again_unchanged():
    text = "Last week the Pentagon estimated that 7,000 soldiers died, said Chris Alexander."
    first = find_speakers(text)
    first.clear()  # a caller may change the list it gets; the remembered answer stays whole
    assert [s.text for s in find_speakers(text)] == ["Chris Alexander", "the Pentagon"]


def test_speaker_spans_match_the_pattern_on_random_mixtures_of_its_parts():
    import random

    pieces = ["said", "says", "say", "told", "has", "have", "also", "Smith", "the Pentagon", " ", "  ", "\n", ",",
              ".", '"', "“", "—", "x" * 40, "NATO", "estimated", "saying", "(", ")", "reports", "\t"]  # fmt: skip
    rng = random.Random(5)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", "  "]) for _ in range(rng.randint(0, 40)))
        assert _before_verb(text) == _pattern_spans(text), text
