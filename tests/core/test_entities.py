"""Names found by rule: what each kind of sentence opening, vocabulary and known name does to them.

The expectations are the engine's answers when the table was written; they pin the behaviour
that the claim checks rely on, so that a faster search for names finds the same names.
"""

from __future__ import annotations

import pytest

from parallax.core.entities import city_in_country, find_entities, has_city_named, is_publication, nationality_word
from parallax.core.tokens import NameIndex, capitalised_inside


@pytest.mark.parametrize(
    ("text", "vocabulary", "known", "expected"),
    [
        (
            "Vladimir Putin met Recep Tayyip Erdogan in Istanbul on Tuesday.",
            None,
            None,
            [("Vladimir Putin", "person"), ("Recep Tayyip Erdogan", "person"), ("Istanbul", "place")],
        ),
        (
            "Talks resumed. Russia said the Ministry of Defence would pull back.",
            None,
            None,
            [("Russia", "person"), ("Ministry of Defence", "organisation")],
        ),
        # A word opening a sentence is a name only if it is not ordinary, or, alone, if it is known.
        ("Officials met. Lviv has become a refuge.", frozenset({"officials"}), frozenset(), []),
        ("Officials met. Lviv has become a refuge.", frozenset(), frozenset({"lviv"}), [("Lviv", "entity")]),
        (
            "“Peace is near,” said President Zelensky’s adviser. — Some doubt it.",
            None,
            None,
            [("Peace", "entity"), ("President Zelensky’s", "person")],
        ),
        # A live blog's clock time before a dash: the word after the dash opens a sentence.
        ("16:45 — Lviv is calm.", None, frozenset(), []),
        ("16:45 — Lviv is calm.", None, frozenset({"lviv"}), [("Lviv", "entity")]),
        (
            "16:45 — Not everyone agrees.\n12:30 — Kyiv says Odesa is calm.",
            None,
            None,
            [("Kyiv", "person"), ("Odesa", "entity")],
        ),
        (
            "The Royal United Services Institute and the Kremlin's press office said so. Dr. Who?",
            None,
            None,
            [("Royal United Services Institute", "organisation"), ("Kremlin's", "organisation")],
        ),
        # A news agency's slug before a headline names nothing; the name after it is whole.
        (
            "UPDATE 2-Russia, Ukraine cite progress in Istanbul",
            None,
            None,
            [("Russia", "entity"), ("Ukraine", "entity"), ("Istanbul", "place")],
        ),
        ("EXCLUSIVE-Ukraine seeks more air defences", None, None, [("Ukraine", "entity")]),
        # Names joined by "&" are one: a firm, or a paper named after a newspaper word.
        (
            "The financial daily Ledger & Ticker says Procter & Gamble left.",
            None,
            None,
            [("Ledger & Ticker", "publication"), ("Procter & Gamble", "organisation")],
        ),
        # A transcript's speaker label names nobody in the story; a quoted newspaper is a publication.
        ("RAMNARINE: Kyiv is calm tonight.", None, None, [("Kyiv", "entity")]),
        ("REPORTER (TOBIAS WREN) (VOICE-OVER): Kyiv is calm tonight.", None, None, [("Kyiv", "entity")]),
        ("HOST (Jane Doe): Kyiv is calm tonight.", None, None, [("Kyiv", "entity")]),
        # So does a parliamentary record's, a briefing's question label or a subtitle cue's.
        ("Mr Dunne: Her assessment is that Kyiv will hold.", None, None, [("Kyiv", "entity")]),
        ("Q (Amelie Dorsch, Radio Kastell): Kyiv proposes a pause.", None, None, [("Kyiv", "entity")]),
        ("11 00:01:03,400 --> 00:01:11,000 REPORTER: Kyiv is calm tonight.", None, None, [("Kyiv", "entity")]),
        ("Some towns were retaken. LEE: Kyiv is calm tonight.", None, None, [("Kyiv", "entity")]),
        # A name in capitals with its role after a comma, as an earnings call labels its speakers.
        ("HELEN MARSH-OCAMPO, CEO: Kyiv is calm tonight.", None, None, [("Kyiv", "entity")]),
        ("JOHN KAY, Head of Investor Relations: Kyiv is calm tonight.", None, None, [("Kyiv", "entity")]),
        # "I'd" is the speaker, no name; a name with "who" after it is a person, even after "from".
        ("Here is the line I'd like you to write down from Kyiv.", frozenset({"here"}), None, [("Kyiv", "place")]),
        (
            "It comes from Oksana Marchuk, who manages the forum.",
            frozenset({"it"}),
            None,
            [("Oksana Marchuk", "person")],
        ),
        # A time zone after a clock time names no one.
        (
            "Kyiv is calm. — Kettlewell (talk) 10:02, 31 March 2022 (UTC)",
            None,
            None,
            [("Kyiv", "entity"), ("Kettlewell", "entity")],
        ),
        ("Kyiv was calm at 10:02 AM EDT on Thursday.", None, None, [("Kyiv", "entity")]),
        # A list bullet opens a sentence: "Markets" is no name.
        ("→ Markets cheered as Kyiv stayed calm.", frozenset({"markets"}), None, [("Kyiv", "entity")]),
        ("• Her fear is that Kyiv falls.", frozenset({"her"}), None, [("Kyiv", "entity")]),
        (
            "The talks lead the Harbour Times and the Daily Arrow today.",
            None,
            None,
            [("Harbour Times", "publication"), ("Daily Arrow", "publication")],
        ),
        (
            "In March, the Bank of England and I met Mr Smith.",
            frozenset({"in"}),
            None,
            [("Bank of England", "organisation"), ("Mr Smith", "person")],
        ),
        # A footnote's marker after a full stop: the word after it opens a sentence.
        ("Both sides claimed progress.[1] What interests me is Kyiv.", None, None, [("Kyiv", "entity")]),
        # A cable: its labels after a paragraph number and marking name nothing; a marking opens a sentence;
        # a line in capitals names only words known as names, by their own kind (not "organisation").
        (
            "1. (SBU) SUMMARY: THE RUSSIAN AND UKRAINIAN DELEGATIONS LEFT TUESDAY'S SESSION IN ISTANBUL. END SUMMARY.",
            frozenset({"session"}),
            frozenset({"russian", "ukrainian", "istanbul"}),
            [("RUSSIAN", "place"), ("UKRAINIAN", "place"), ("ISTANBUL", "place")],
        ),
        ("15. (U) Markets took the session well.", frozenset({"markets"}), frozenset(), []),
        ("19. (C) RECOMMENDATION: Post advises patience.", frozenset(), frozenset(), []),
        # An acronym in a title-case headline is still an organisation.
        (
            "NATO Talks Resume in Brussels Today",
            frozenset({"talks", "resume", "today"}),
            frozenset({"nato", "brussels"}),
            [("NATO", "organisation"), ("Brussels", "place")],
        ),
        # A section's number opens a sentence as a list's does: "Markets" is no name.
        ("3.6 Markets responded quickly.", frozenset({"markets"}), frozenset(), []),
        ("3.6 Kyiv responded quickly.", frozenset(), frozenset({"kyiv"}), [("Kyiv", "entity")]),
        # A headline in title case: only words the documents never write in lower case and do capitalise
        # inside a sentence count as names.
        (
            "Briefing Note: Would a Ceasefire Hold? Ukrainian Distrust After the Istanbul Talks",
            frozenset({"briefing", "note", "would", "ceasefire", "hold", "distrust", "after", "talks"}),
            frozenset({"ukrainian", "istanbul"}),
            [("Ukrainian", "place"), ("Istanbul", "entity")],
        ),
        (
            "Briefing Note: Would a Ceasefire Hold?",
            frozenset({"note", "would", "ceasefire", "hold"}),
            frozenset(),
            [],
        ),
        # A stretch in capitals inside a line names only the words that are no ordinary word and are capitalised
        # elsewhere: "Putin", not "UNTIL HIS TROOPS GO HOME".
        (
            "COVER. Snow outside. COVER LINE: WILL PUTIN HONOUR A TRUCE? NOT UNTIL HIS TROOPS GO HOME, SAY UKRAINIANS.",
            frozenset({"will", "honour", "truce", "troops", "go", "home", "say", "not", "until", "his", "a"}),
            frozenset({"putin"}),
            [("PUTIN", "entity")],
        ),
        # An ordinary word set as a label is no name: a crossword's answer in capitals, a log's entry after its
        # time. A word in capitals that is no ordinary word stays a name.
        (
            "11 RECORD (6). Clue: a disc. Medinsky read the proposal for the record, and NATO listened.",
            frozenset({"record", "read", "proposal", "listened"}),
            frozenset({"medinsky", "nato"}),
            [("Medinsky", "entity"), ("NATO", "organisation")],
        ),
        (
            "1850 Markets item: once the meeting was over, share prices jumped in Istanbul.",
            frozenset({"markets", "item", "share", "prices"}),
            frozenset({"istanbul"}),
            [("Istanbul", "place")],
        ),
        # A street's word after its number names no street: the number does ("117th Street", "97th Ave.").
        (
            "He was hit near the intersection of 117th Street and 97th Ave. in Queens, police said.",
            None,
            None,
            [("Queens", "place")],
        ),
        # A state's abbreviation after its town is no place of its own; the state written out is one.
        (
            "She checked into the Betty Ford Center in Rancho Mirage, Calif. on Friday, near Palm Springs.",
            None,
            None,
            [("Betty Ford Center", "organisation"), ("Rancho Mirage", "place"), ("Palm Springs", "place")],
        ),
        (
            "The crash happened near Fort Smith, Arkansas, on Friday.",
            None,
            None,
            [("Fort Smith", "place"), ("Arkansas", "entity")],
        ),
        # An acronym of a common noun names no one: a charge, a part, a score.
        (
            "He was charged in Queens with DWI after the crash, as Intel's CPU team and the OEM partners watched.",
            None,
            None,
            [("Queens", "place"), ("Intel's", "entity")],
        ),
        # A name with a web address after it is an outlet, as a newspaper's is.
        (
            "He escaped from the van and took off on foot, MyFoxHouston.com reports, as police in Houston searched.",
            None,
            None,
            [("MyFoxHouston", "publication"), ("Houston", "place")],
        ),
        # A rank cut short before a name is no name of its own.
        (
            "Gray was killed by police who claim he pointed a gun at Sgt. Mourad Mourad and Officer Jovaniel Cordova.",
            None,
            None,
            [("Gray", "entity"), ("Mourad Mourad", "person"), ("Officer Jovaniel Cordova", "person")],
        ),
        # Without the documents' words, a headline's capitals are read as any others are.
        (
            "Ceasefire Hopes Rise in Istanbul",
            None,
            None,
            [("Ceasefire Hopes Rise", "person"), ("Istanbul", "place")],
        ),
        # A weekday cut short before a day of the month, and a currency's code, are no names; "the Sun" is one.
        (
            "Raid early Mon 10 Mar at the Halvern Museum.",
            None,
            None,
            [("Raid", "entity"), ("Halvern Museum", "person")],
        ),
        ("Value per police approx. EUR 3.8m.", None, None, [("Value", "entity")]),
        ("On Mon the Sun said so.", None, None, [("Mon", "entity"), ("Sun", "person")]),
        # An entry's heading in a log or a comment thread names nothing in the entry.
        ("12:50 OTHER ORDERS: a ban for Ashcroft-Mensah.", None, None, [("Ashcroft-Mensah", "entity")]),
        (
            "Marta Quispe-Holloway (Collections) · 2024-11-08 16:02: administration, says Linden Marsh.",
            None,
            None,
            [("Linden Marsh", "person")],
        ),
    ],
)
def test_names_and_their_kinds(text, vocabulary, known, expected):
    found = find_entities(text, vocabulary, known)
    assert [(e.text, e.kind) for e in found] == expected
    assert all(text[e.start : e.end] == e.text for e in found)
    # Asked again with other words known, the same text gives the answers for those words.
    assert [(e.text, e.kind) for e in find_entities(text, vocabulary, known)] == expected


def test_the_same_text_with_another_vocabulary_gives_other_names():
    text = "Reporters met. Lviv has become a refuge."
    assert [e.text for e in find_entities(text, frozenset())] == ["Reporters", "Lviv"]
    assert [e.text for e in find_entities(text, frozenset({"reporters"}))] == ["Lviv"]
    assert [e.text for e in find_entities(text)] == ["Reporters", "Lviv"]  # its own lower-case words


@pytest.mark.parametrize(
    ("city", "country", "expected"),
    [
        (("Istanbul",), ("Turkey",), True),
        (("London",), ("United", "Kingdom"), True),  # "U.K." and "the United Kingdom" give these keys
        (("Sydney",), ("Australia",), True),
        (("Paris",), ("United", "Kingdom"), False),
        (("London",), ("United", "States"), False),
    ],
)
def test_a_city_lies_in_its_country_however_the_country_is_written(city, country, expected):
    assert city_in_country(city, country) is expected
    assert city_in_country(country, city) is expected


@pytest.mark.parametrize(
    ("country", "named", "expected"),
    [
        (("United", "Kingdom"), ["Activists", "London"], True),
        (("Russia",), ["Moscow"], True),
        (("United", "States"), ["London"], False),
        (("Russia",), ["Kyiv", "Ukraine"], False),
    ],
)
def test_a_country_is_named_through_one_of_its_cities(country, named, expected):
    assert has_city_named(country, NameIndex(named)) is expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A heading's last word and the next paragraph's first: two names, as a link's joined text holds them.
        ("She checked into the Betty Ford Center\n\nAfter a week she left.", ["Betty Ford Center"]),
        ("Saints put Pierre Thomas\n\nBell will start on Sunday.", ["Saints", "Pierre Thomas", "Bell"]),
    ],
)
def test_a_name_ends_at_its_paragraph(text, names):
    assert [e.text for e in find_entities(text)] == names


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("Talks in Istanbul ended.", {"istanbul"}),
        # A paragraph's first word opens a sentence, after a heading without a full stop too ...
        ("Background\n\nGlobal markets rallied.", set()),
        # ... and so does a word after a footnote's marker.
        ("Both sides claimed progress.[1] What interests me is Kyiv.", {"kyiv"}),
        # A headline in title case capitalises every word and names nothing by it.
        ("Ceasefire Talks End in Istanbul Without a Deal\n\nThe delegations met.", set()),
        # Nor does a line in capitals, full stop or not.
        ("Talks resumed in Kyiv.\nTHE DELEGATIONS MET IN ISTANBUL. END SUMMARY.", {"kyiv"}),
        # Nor a stretch in capitals inside a line, as a cover line is.
        ("Snow outside. COVER LINE: NOT UNTIL HIS TROOPS GO HOME, SAY UKRAINIANS. Then Kyiv.", {"kyiv"}),
        # Acronyms side by side are names: no function word stands among them.
        ("Talks with NATO, EU, UN, OSCE officials.", {"nato", "eu", "un", "osce"}),
    ],
)
def test_words_capitalised_inside_a_sentence(text, inside):
    assert capitalised_inside(text) == inside


@pytest.mark.parametrize(
    ("key", "nationality"),
    [
        ("Ukrainian", True),
        ("Russians", True),
        ("Israeli", True),
        ("Israelis", True),
        ("Turkish", True),
        # Given names that end like a plural of "-i": names, not nationalities.
        ("Chris", False),
        ("Lewis", False),
        ("Alexander", False),
    ],
)
def test_a_nationality_by_its_ending(key, nationality):
    assert nationality_word(key) is nationality


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # The piece of land a name is "of" makes it a place.
        ("He had lived in a Ukrainian-held part of Donetsk until May.", "Donetsk", "place"),
        ("The quake struck near the town of Bireuen on Friday.", "Bireuen", "place"),
        # A station named for a radio is a publication.
        ("Lutsevych, a native of Lviv, told Radio Liberty in an interview.", "Radio Liberty", "publication"),
        # A land's own word ending a name makes it a place, not two names of a person.
        ("Before the militia of the Luhansk People's Republic shelled it.", "Luhansk People's Republic", "place"),
        ("Troops moved toward Kherson Oblast overnight.", "Kherson Oblast", "place"),
        # Letters after a person's name make no body of the person; capitals alone still name one.
        ("His own barrister, Priya Halloran-Voss KC, had told the jury.", "Priya Halloran-Voss KC", "person"),
        ("Luckily for KC, the Chiefs won.", "Luckily for KC", "organisation"),
    ],
)
def test_a_place_of_a_piece_of_land_and_a_radio_station(text, name, kind):
    found = {e.text: e.kind for e in find_entities(text, frozenset())}
    assert found[name] == kind, found


def test_a_radio_station_is_a_publication():
    assert is_publication(("Radio", "Liberty"))
    assert is_publication(("Deutsche", "Welle"))
    assert not is_publication(("Rob", "Lee"))
