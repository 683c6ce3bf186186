"""Boilerplate: scraped noise is flagged by its form; short real paragraphs stay content."""

from __future__ import annotations

import pytest

from parallax.core.boilerplate import boilerplate_flags, flag_boilerplate
from parallax.core.ingest import document_from_text
from parallax.core.segment import segment

STORY = "Russian and Ukrainian negotiators met in Istanbul on Tuesday for a new round of talks."
MORE = "Moscow said it would scale back military activity around Kyiv and Chernihiv."


@pytest.mark.parametrize(
    "paragraph",
    [
        "WATCH | Russia, Ukraine see progress in Istanbul talks",
        "VIDEO: Ukrainian refugees cross into Poland",
        "Duration 1:28",
        "2 days ago",
        "3 hours ago",
        "Updated 5 minutes ago",
        "Credit belongs to :",
        "Ukrainian negotiators arrive for talks in Istanbul.1:28",
        "Ukrainian negotiators arrive for talks in Istanbul. 2:05",
        "By Jane Doe, Staff Reporter",
        "By Jane Doe",
        "Jane Doe is a senior correspondent based in Kyiv.",
        "Foreign Correspondent",
        "Share this article",
        "Advertisement",
        # Newsletter, wire and magazine furniture: credits, notes, sign-ups, copyright lines, reading times.
        "Picture: Beacon Pictures",
        "Interview by Jane Doe | The Review | 30 March 2022",
        "(Reporting by Jane Doe in Istanbul; Editing by John Roe)",
        "(Updates with the Kremlin's comments in paragraph 6)",
        "This interview has been edited for length and clarity.",
        "The Early Edition from Example Media · Wednesday, 30 March 2022 · 5-minute read",
        "Get our free Ukraine briefing every morning. Sign up here.",
        "Forwarded this email? Subscribe to The Early Edition. © 2022 Example Media",
        "(c) 2022 Example Wire. All rights reserved.",
        # Programme and page headers, transcripts' furniture, notes and credits.
        "Fenwick Public Radio | Broadcast Thursday 31 March 2022, 8.10 a.m. | Presenter: Marta Hollis | Guest: Dr Brandt",
        "Lakeshore Public Radio · The Morning Current · Broadcast Wednesday, March 30, 2022, 7:10 a.m.",
        "VeriLine | Fact check by Ines Marchetti-Boyd | 30 March 2022",
        "By Rosalind Achterberg, explainers editor, Lanternfield Post. Updated 30 March 2022, 14:05",
        "Blackthorn Audio. Recorded Friday 1 April 2022. Automatically generated transcript, lightly edited.",
        "[CLIP BEGINS]",
        "(VOICE-OVER)",
        "HOLLIS: Please, go on.",
        "HOLLIS: Dr Ilse Brandt, thank you very much.",
        "OKAFOR: Dev Ramnarine in Lviv, thank you.",
        "REPORTER: Tobias Wren, Northgate Television, Lviv.",
        "ANCHOR: That's the Evening Report for this Wednesday. I'm Margot Delacroix. Goodnight.",
        "INES: Hello and welcome back to Two Chairs and a Map. I'm Ines Halloran.",
        "Sources: Example News; NATO; statements by both delegations.",
        "Correction, 31 March: An earlier version of this explainer misspelled a city's name.",
        "COMMENT | Jane Doe is a former Moscow correspondent. Views are her own.",
        "Published March 30, 2022",
        "Get local news in your inbox: sign up for the Gazette's morning newsletter.",
        "ISTANBUL (PPA) – From our correspondent Jane Doe",
        "(PPA) mv/jk",
    ],
)
def test_noise_paragraphs_are_boilerplate(paragraph):
    assert boilerplate_flags([STORY, paragraph, MORE]) == [False, True, False]


@pytest.mark.parametrize(
    "paragraph",
    [
        "They are having some success.",
        "Some observers wary of Russia at talks",
        "By Tuesday, negotiators had agreed to meet again in Istanbul.",
        "He told a reporter that the talks were going well.",
        '"This is a war," she said.',
        "No.",
        "Talks resume",
        "Oleksandr Merezhko, who chairs parliament's foreign affairs committee, said the offer was serious.",
        "Jane Doe is a nurse in Mariupol who fled with her two children.",
        "Watch the skies, he told his troops: the drones come at dawn.",
        "Two days later the delegations met again.",
        "The copyright of the deal remains with Kyiv, officials said.",
        "Reporting from the front, she found the troops exhausted.",
        '"We will not sign up to a deal that cedes territory," Zelensky said.',
        "(Reuters) - Russia said on Tuesday it would scale down operations around Kyiv.",
        # Transcript turns and dated lines that tell the story.
        "HOLLIS: Ukraine, for its part, has offered to become a neutral state. How big a shift is that?",
        "ANCHOR: Talks in Istanbul ended on Tuesday | Kyiv says | Moscow says",
        "Zelensky thanked Turkey for hosting the talks.",
        "Russia will welcome back its negotiators on Wednesday, the Kremlin said.",
        "OKAFOR: Medinsky, Russia's chief negotiator, said the proposal would go to Putin.",
        "The sources of the leak were never named.",
        "Published reports on 30 March 2022 put the toll at 1,179.",
    ],
)
def test_real_paragraphs_are_content(paragraph):
    assert boilerplate_flags([STORY, paragraph, MORE]) == [False, False, False]


@pytest.mark.parametrize(
    ("paragraphs", "flags"),
    [
        # A "Check Also" teaser block ends the story: it and everything after it are noise.
        (
            [STORY, MORE, "Check Also", "Zelensky addresses parliament in video link", "Some long teaser text."],
            [False, False, True, True, True],
        ),
        ([STORY, "You may also like", "Headline of another story"], [False, True, True]),
        # A bare name just above a job title is the byline.
        ([STORY, "Jane Doe", "Foreign Correspondent", MORE], [False, True, True, False]),
        (["Jane Doe", "Jane Doe is a senior correspondent based in Kyiv.", STORY], [True, True, False]),
        # A video promo: its title, age and duration lines go with it, up to the captioned running time.
        (
            ["WATCH | Talks in Istanbul", "Negotiators meet in Turkey", "2 days ago", "Duration 1:28", STORY, MORE],
            [True, True, True, True, False, False],
        ),
        # A name alone that is not followed by a byline is content (a subheading, say).
        ([STORY, "Vladimir Medinsky", MORE], [False, False, False]),
        # A normal story has no boilerplate.
        ([STORY, MORE, "They are having some success."], [False, False, False]),
    ],
    ids=[
        "check-also",
        "you-may-also-like",
        "name-then-title",
        "name-then-bio",
        "video-block",
        "lone-name",
        "clean-story",
    ],
)
def test_flags_depend_on_neighbours(paragraphs, flags):
    assert boilerplate_flags(paragraphs) == flags


def test_flags_are_applied_to_paragraphs_in_place():
    text = "\n\n".join([STORY, "Duration 1:28", MORE])
    paragraphs, _ = segment(text)
    flagged = flag_boilerplate(paragraphs)
    assert [p.boilerplate for p in flagged] == [False, True, False]
    assert [(p.text, p.start, p.end) for p in flagged] == [(p.text, p.start, p.end) for p in paragraphs]


def test_documents_keep_boilerplate_but_leave_it_out_of_content():
    document = document_from_text(
        "\n\n".join(["Talks in Istanbul", STORY, "WATCH | Talks video", "Duration 1:28", MORE])
    )
    assert "Duration 1:28" in document.text, "boilerplate is still shown"
    content = [document.paragraphs[i].text for i in document.content_paragraphs()]
    assert content == ["Talks in Istanbul", STORY, MORE]
