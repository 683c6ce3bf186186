"""The model reads one spelling per word; the documents keep the writer's."""

from __future__ import annotations

import pytest

from parallax.core.compare import CompareConfig, compare
from parallax.core.embed import HashingEmbedder
from parallax.core.ingest import document_from_text
from parallax.core.spelling import for_embedding


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rouble bounced back.", "The ruble bounced back."),
        ("Ministry of Defence", "Ministry of Defense"),
        ("DEFENCE CUTS", "DEFENSE CUTS"),
        ("Shelling near Kyiv and Kharkiv", "Shelling near Kiev and Kharkov"),
        ("They organised a programme", "They organized a program"),
        # Whole words only.
        ("The centrepiece and the roubles", "The centrepiece and the rubles"),
        ("Nothing to change here.", "Nothing to change here."),
        # A transcript's speaker label is not read; a colon inside the text stays.
        ("OKAFOR: The talks ended.", "The talks ended."),
        ("DEV RAMNARINE: From Lviv.", "From Lviv."),
        ("Q: What did Russia offer?", "What did Russia offer?"),
        ("REPORTER (TOBIAS WREN) (VOICE-OVER): From Lviv.", "From Lviv."),
        ("ANCHOR [CLIP BEGINS]: Good evening.", "Good evening."),
        ("HOST (Marguerite Ocampo): Good evening.", "Good evening."),
        ("GUEST 2: He has said so.", "He has said so."),
        ("The verdict: talks ended.", "The verdict: talks ended."),
        ("He said: we will see.", "He said: we will see."),
        ("NATO said the talks ended.", "NATO said the talks ended."),
    ],
)
def test_variant_spellings_become_one(text, expected):
    assert for_embedding(text) == expected


def _link_of_second_paragraph(report_paragraph: str):
    """Compare "Markets rose." plus a ruble sentence with a report whose second paragraph is given."""
    article = document_from_text("Markets rose.\n\nThe ruble gained strength against the dollar.", path="a.txt")
    report = document_from_text(f"Markets rose.\n\n{report_paragraph}", path="r.txt")
    result = compare([article, report], HashingEmbedder(), None, CompareConfig(sentences=False))
    return result, next(link for link in result.comparisons[0].links if link.report == (1,))


def test_a_british_spelling_links_as_the_american_one_and_keeps_its_letters():
    result, link = _link_of_second_paragraph("The rouble gained strength against the dollar.")
    assert link.similarity == pytest.approx(1.0, abs=1e-4)
    assert "rouble" in result.documents[1].text
    assert any("rouble" in op.text for op in link.diff)  # the word diff shows what the writer wrote


def test_a_speaker_label_does_not_cost_a_transcript_turn_its_link():
    _, link = _link_of_second_paragraph("OKAFOR: The ruble gained strength against the dollar.")
    assert link.similarity == pytest.approx(1.0, abs=1e-4)
