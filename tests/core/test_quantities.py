"""Quantities as intervals with units, and dates (whose numbers never count as quantities)."""

from __future__ import annotations

import pytest

from parallax.core.quantities import find_dates, find_quantities, find_shares


def quantities(text: str):
    """Quantities as the claim checker sees them: date spans are skipped."""
    return find_quantities(text, [(d.start, d.end) for d in find_dates(text)])


def only_quantity(text: str):
    found = quantities(text)
    assert len(found) == 1, f"expected one quantity in {text!r}, got {found}"
    q = found[0]
    assert text[q.start : q.end] == q.text
    return q


@pytest.mark.parametrize(
    ("text", "inside", "outside", "span"),
    [
        (
            "Russia massed about 2,000 troops at the border.",
            [1900, 2000, 2100],
            [1000, 1500 - 1, 3000],
            "about 2,000 troops",
        ),
        (
            "Russia massed between 500 and 1,000 troops at the border.",
            [500, 750, 1000],
            [400, 1200],
            "500 and 1,000 troops",
        ),
        ("Nearly 300 people were evacuated.", [260, 299, 300], [200, 320], "Nearly 300 people"),
        # A series is more than two.
        (
            "Its security would rest on a series of bilateral treaties.",
            [3, 5, 10],
            [1, 2],
            "a series of bilateral treaties",
        ),
        ("Between 250 and 300 people were evacuated.", [250, 275, 300], [200, 320], "250 and 300 people"),
        ("They agreed on a two-week window for talks.", [14], [7, 30], "two-week"),
        # An anniversary counts years: "the second anniversary" is as far on as "the two-year anniversary".
        ("It was the second anniversary of the invasion.", [730.5], [365.25, 1095.75], "second anniversary"),
        # Figures as a transcript says them.
        (
            "Some three point nine million people have fled.",
            [3.9e6],
            [2e6, 9e6],
            "Some three point nine million people",
        ),
        ("Over eleven hundred civilians were killed.", [1100, 1500], [900, 1000], "Over eleven hundred civilians"),
        ("The convoy had a hundred and fifty vehicles.", [150], [100, 151], "a hundred and fifty vehicles"),
        ("Ukraine has forty-odd million people.", [40e6, 45e6], [20e6, 60e6], "forty-odd million people"),
        ("Zelensky spoke for a quarter of an hour.", [0.25 / 24], [1 / 24], "a quarter of an hour"),
        ("Russia lost two hundred thousand soldiers.", [200_000], [2000, 200], "two hundred thousand soldiers"),
        # A hyphenated range, and a thread's "k" on its second figure.
        ("Between them, 15-20 soldiers were lost.", [15, 20], [10, 25], "15-20 soldiers"),
        ("RU losses: 7-15k soldiers killed.", [7000, 15000], [6000, 16000], "7-15k soldiers"),
        ("Talks could last up to 14 days.", [7, 14], [20, 30], "up to 14 days"),
        ("Officials counted three ships in the harbour.", [3], [2, 4, 5], "three ships"),
        ("Officials counted five ships in the harbour.", [5], [3, 4, 6], "five ships"),
        ("The war has displaced 1.5 million people.", [1_500_000], [1_000_000, 2_000_000], "1.5 million people"),
        ("The fund holds $5mn in cash.", [5_000_000], [5_000_000_000], "$5mn"),
        ("The fund holds $5bn in cash.", [5_000_000_000], [5_000_000], "$5bn"),
        (
            "Between 30,000 to 40,000 Russian soldiers died.",
            [30_000, 35_000, 40_000],
            [20_000, 50_000],
            "30,000 to 40,000 Russian soldiers",
        ),
        (
            "More than 10 million Ukrainians have fled.",
            [10_000_000, 12_000_000],
            [5_000_000],
            "More than 10 million Ukrainians",
        ),
        ("Some two thousand soldiers were moved.", [2000], [1000, 3000], "two thousand soldiers"),
    ],
    ids=[
        "about",
        "between-and",
        "nearly",
        "a-series-of",
        "between-and-people",
        "two-week",
        "anniversary-years",
        "spoken-point",
        "spoken-hundred",
        "spoken-a-hundred-and",
        "spoken-odd",
        "spoken-fraction",
        "spoken-hundred-thousand",
        "hyphen-range",
        "k-range",
        "up-to-days",
        "three-ships",
        "five-ships",
        "million",
        "mn-suffix",
        "bn-suffix",
        "x-to-y",
        "more-than",
        "spelled-thousand",
    ],
)
def test_quantity_intervals(text, inside, outside, span):
    q = only_quantity(text)
    for value in inside:
        assert q.low <= value <= q.high, f"{value} should fit {q}"
    for value in outside:
        assert not q.low <= value <= q.high, f"{value} should not fit {q}"
    assert span in q.text


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("about 2,000 troops left", "500 soldiers left"),
        ("a two-week window", "up to 14 days"),
        ("three months", "ninety days"),
        # Notes cut the words short.
        ("18 yrs in power", "22 years in power"),
        ("3 wks", "21 days"),
        ("nearly 300 people", "between 250 and 300 people"),
        ("three ships", "five ships"),
        ("1.5 million people", "200 people"),
        # Volumes and masses are units, not the verb after them.
        ("roughly 900 litres ran into a ditch", "1,900 litres ran down the ditch"),
        ("500 ml spilled", "two litres spilled"),
        ("2.5 tonnes of grain", "2,500 kg of grain"),
        # A singular noun before the noun counted: "14 town schools" counts schools.
        ("14 town schools", "14 schools"),
    ],
)
def test_units_that_mean_the_same_thing_match(first, second):
    assert only_quantity(first).unit == only_quantity(second).unit


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("three ships", "three tanks"),
        ("five days", "five people"),
        ("ten missiles", "ten soldiers"),
        ("900 litres", "900 kg"),
        ("three town halls", "three towns"),
        ("two-country treaties", "two treaties"),
    ],
)
def test_different_units_do_not_match(first, second):
    assert only_quantity(first).unit != only_quantity(second).unit


@pytest.mark.parametrize(
    ("text", "counted_as", "low", "high"),
    [
        # The count is named before a bare figure: "put the number of soldiers killed at ...".
        (
            "NATO put the number of Russian soldiers killed at between seven and twelve thousand.",
            "soldiers",
            7000,
            12000,
        ),
        ("The number of refugees reached 4 million.", "refugees", 4_000_000, 4_000_000),
        ("The total of civilians evacuated was 300.", "civilians", 300, 300),
        ("A number of ideas came up at 5 meetings.", "meetings", 5, 5),  # its own unit first
    ],
)
def test_a_bare_figure_counts_what_a_number_of_phrase_names(text, counted_as, low, high):
    (q,) = quantities(text)
    assert q.unit == only_quantity(f"5 {counted_as}").unit
    assert (q.low, q.high) == pytest.approx((low, high), rel=0.02)


@pytest.mark.parametrize(
    ("text", "span", "unit_is_time"),
    [
        ("Wait a second.", "a second", True),
        ("It took a second or two.", "a second", True),
        ("Russia may make a second attempt on Kyiv.", "second attempt", False),  # an ordinal, no time
    ],
)
def test_a_second_is_a_time_only_where_nothing_follows_it(text, span, unit_is_time):
    q = only_quantity(text)
    assert q.text == span
    assert (q.unit == "time") is unit_is_time


def test_a_bare_figure_with_no_count_named_is_no_quantity():
    assert quantities("The talks ended at 5 and resumed later.") == []


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("11 of 14 schools closed.", ["14 schools"]),
        # A part of a count the possessive introduces: "Eleven" counts schools, never "town".
        ("Eleven of the town's 14 schools stayed closed.", ["14 schools"]),
        ("Eleven of the town’s schools stayed closed.", ["Eleven of the town’s schools"]),
        ("two of the city's hospitals", ["two of the city's hospitals"]),
    ],
)
def test_a_part_of_a_count_is_no_count_of_its_own(text, said):
    assert [q.text for q in quantities(text)] == said


def test_a_figure_counts_the_noun_it_is_put_at():
    (q,) = quantities("NATO put Russian military deaths at between 7,000 and 17,000, with more in all.")
    assert (q.text, q.unit, q.low, q.high) == ("7,000 and 17,000", "death", 7000, 17000)


@pytest.mark.parametrize("text", ["Ukraine wants F-16 jets.", "COVID-19 cases rose.", "On 2022-03-30 they met."])
def test_names_and_iso_dates_hold_no_figures(text):
    assert quantities(text) == []


@pytest.mark.parametrize(
    ("first", "second", "overlap"),
    [
        ("about 2,000 troops", "between 500 and 1,000 troops", False),
        ("nearly 300 people", "between 250 and 300 people", True),
        ("a two-week window", "up to 14 days", True),
        ("three ships", "five ships", False),
        ("30,000 to 40,000 Russian soldiers", "about 35,000 troops", True),
        ("up to 15 years", "up to five years", False),
        # Two limits of one kind compare as figures, within a paraphrase's give.
        ("up to 15 years", "up to ten years", False),
        ("more than 20,000 soldiers", "more than 30,000 soldiers", False),
        ("more than a month", "more than four weeks", True),
        # A rough figure is compared as stated: a decade and a half is 15 years, a decade is not.
        ("up to 15 years", "up to a decade and a half", True),
        ("up to 15 years", "up to a decade", False),
        # Two stated ranges are two estimates; a figure inside a range agrees with it.
        ("30,000 to 40,000 soldiers", "30,000 to 50,000 soldiers", False),
        # Their ends are figures as stated: another figure is another estimate, the same figure agrees.
        ("between 7,000 and 15,000 soldiers", "between 7,000 and 17,000 soldiers", False),
        ("30,000 to 40,000 soldiers", "between 30,000 and 45,000 soldiers", False),
        ("between 7,000 and 15,000 soldiers", "between 7000 and 15000 soldiers", True),
        ("30,000 to 40,000 soldiers", "35,000 soldiers", True),
        # "within" a range names the estimate, as "in" does.
        ("in one or two years", "within two or three years", False),
        ("in one or two years", "within one or two years", True),
        ("as many as 25,000 troops", "up to 25,000 troops", True),
        # A part of a whole counts what the whole is made of.
        ("between 7,000 and 15,000 Russian soldiers", "more than 20,000 of his soldiers", False),
    ],
)
def test_overlap_decides_consistency(first, second, overlap):
    assert only_quantity(first).overlaps(only_quantity(second)) is overlap
    assert only_quantity(second).overlaps(only_quantity(first)) is overlap


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A count whose noun is left out borrows the noun of the count before it.
        ("7,000 troops were killed and 20,000 wounded.", [("7,000 troops", "soldier"), ("20,000", "soldier")]),
        ("12 civilians died and 40 injured", [("12 civilians", "civilian"), ("40", "civilian")]),
        # Auxiliaries may stand between the count and its participle.
        (
            "as many as 25,000 soldiers had been killed and that 30,000 to 40,000 had been killed or wounded",
            [("as many as 25,000 soldiers", "soldier"), ("30,000 to 40,000", "soldier")],
        ),
        # A semicolon joins two counts of one list.
        (
            "7,000 to 15,000 Russian soldiers killed since the invasion began; 50,000 to 60,000 killed or wounded.",
            [("7,000 to 15,000 Russian soldiers", "soldier"), ("50,000 to 60,000", "soldier")],
        ),
        # Taken, treated, rescued: "nine people were treated and two were taken to hospital".
        (
            "nine people were treated on the quayside and two were taken to hospital",
            [("nine people", "peopl"), ("two", "peopl")],
        ),
        # Not across a sentence, not after a unit that is no head count.
        ("7,000 troops were killed. 20,000 wounded were evacuated.", [("7,000 troops", "soldier")]),
        ("It cost $5 million and 300 died", [("$5 million", "$")]),
    ],
)
def test_an_elided_count_borrows_the_unit_before_it(text, expected):
    assert [(q.text, q.unit) for q in quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "date_texts", "quantity_texts"),
    [
        ("Talks began on Feb. 24 with 200 delegates.", ["Feb. 24"], ["200 delegates"]),
        ("Talks on 29 March 2022 lasted three hours.", ["29 March 2022"], ["three hours"]),
        ("Russia seized Crimea in 2014 with 20,000 troops.", ["2014"], ["20,000 troops"]),
        ("The 2014 annexation involved 20,000 troops.", ["2014"], ["20,000 troops"]),
        ("Duration 1:28", [], []),
        ("The clip runs 1:28 minutes and shows 12 tanks.", [], ["12 tanks"]),
        ("At 10:45 the delegates left.", [], []),
    ],
)
def test_numbers_inside_dates_and_times_are_not_quantities(text, date_texts, quantity_texts):
    dates = find_dates(text)
    found = quantities(text)
    assert [q.text for q in found] == quantity_texts
    for expected in date_texts:
        assert any(d.text == expected for d in dates), f"{expected!r} should be a date in {dates}"
    for q in found:
        for d in dates:
            assert q.end <= d.start or d.end <= q.start, f"{q.text!r} overlaps the date {d.text!r}"
    for q in found:
        assert ":" not in q.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They met on Tuesday.", [("weekday", "tuesday", "Tuesday")]),
        ("They met on March 29.", [("day", "03-29", "March 29")]),
        ("They met on 29 March.", [("day", "03-29", "29 March")]),
        ("They met on Feb. 24.", [("day", "02-24", "Feb. 24")]),
        ("They met on 29 March 2022.", [("day", "03-29", "29 March 2022"), ("year", "2022", "2022")]),
        ("Crimea was seized in 2014.", [("year", "2014", "2014")]),
        ("They met last week.", [("relative", "last week", "last week")]),
        ("They will meet in March.", [("month", "03", "in March")]),
        # A part of a month is that month: "mid-March", "the beginning of March".
        ("NATO gave its estimate in mid-March.", [("month", "03", "mid-March")]),
        ("Soldiers killed since the beginning of March.", [("month", "03", "of March")]),
        ("The ides of March came.", [("month", "03", "of March")]),
        ("The 15th of March came.", [("day", "03-15", "15th of March")]),
        ("Talks may resume.", []),
        ("They counted 2,014 troops and 2014 per cent.", []),
        ("It rose 5%.", []),
        # As a transcript says them: spelled-out days and years.
        ("They met on the twenty-ninth of March.", [("day", "03-29", "the twenty-ninth of March")]),
        ("The invasion began February twenty-fourth.", [("day", "02-24", "February twenty-fourth")]),
        ("Crimea was seized in twenty fourteen.", [("year", "2014", "twenty fourteen")]),
        ("Crimea was seized in two thousand and fourteen.", [("year", "2014", "two thousand and fourteen")]),
        ("The Soviet Union fell in nineteen ninety-one.", [("year", "1991", "nineteen ninety-one")]),
        ("Some two thousand troops and twenty-two tanks moved.", []),
        # Quarters of a year: the ordinal, hyphenated or not, or "Q" and its number; "a quarter" is no date.
        ("Sales fell in the fourth quarter.", [("quarter", "4", "fourth quarter")]),
        ("Third-quarter profit rose.", [("quarter", "3", "Third-quarter")]),
        ("Profit in Q2 rose.", [("quarter", "2", "Q2")]),
        ("A quarter of the staff left.", []),
        # Notes cut weekdays short; "Mon", "Sat" and "Sun" only before a day of the month ("the Sun" is a paper).
        ("11 of 14 schools closed Thu.", [("weekday", "thursday", "Thu")]),
        ("Notice issued Wed 05 Mar.", [("weekday", "wednesday", "Wed"), ("day", "03-05", "05 Mar")]),
        ("Sat, 8 March: rally.", [("weekday", "saturday", "Sat"), ("day", "03-08", "8 March")]),
        ("The Sun said so.", []),
        ("Sat on the bench.", []),
        # A habit is no day: "on a Tuesday", "every Friday", "on Tuesdays"; "a Monday evening vigil" was held then.
        ("Families come on a Tuesday.", []),
        ("The market opens every Friday.", []),
        ("The food bank opens on Tuesdays.", []),
        ("Then came a Monday evening vigil.", [("weekday", "monday", "Monday")]),
    ],
)
def test_find_dates(text, expected):
    found = find_dates(text)
    assert [(d.category, d.value, d.text) for d in found] == expected
    for d in found:
        assert text[d.start : d.end] == d.text


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("The review may run for a decade and a half.", 15),
        ("He served two years and a half in the army.", 2.5),
        ("He served two years in the army.", 2),
    ],
)
def test_and_a_half_adds_half_a_unit(text, years):
    q = only_quantity(text)
    assert q.unit == "time"
    assert q.low / 365.25 <= years <= q.high / 365.25
    assert text[q.start : q.end].endswith("half") == (years % 1 == 0.5 or years == 15)


@pytest.mark.parametrize(
    "text", ["A quake hit Aceh.\n\n7 people died.", "(\n7 people died.", "Deaths: \u2014 7 people died."]
)
def test_a_figure_starts_at_its_first_digit(text):
    (q,) = find_quantities(text)
    assert q.text == "7 people"


@pytest.mark.parametrize(
    ("text", "said", "value", "unit"),
    [
        # A tens word and its unit, however a transcript joins them: one figure, not 20 and 5.
        ("they got twenty - five machines", "twenty - five machines", 25, "machin"),
        ("the price will be twenty five Euros", "twenty five Euros", 25, "€"),
        ("ninety nine problems", "ninety nine problems", 99, "problem"),
        ("one hundred twenty five people", "one hundred twenty five people", 125, "peopl"),
        ("a hundred and fifty people", "a hundred and fifty people", 150, "peopl"),
        # An ordinal counts its noun, not the preposition after it.
        ("what is your first memory of the show", "first memory", 1, "memory"),
    ],
)
def test_spoken_figures_are_read_whole(text, said, value, unit):
    (q,) = find_quantities(text)
    assert (q.text, q.low, q.high, q.unit) == (said, value, value, unit)


@pytest.mark.parametrize(
    ("text", "said", "inside", "outside"),
    [
        ("That is why the majority believe there should be no ceasefire.", "the majority", 0.6, 0.4),
        ("Only around a third of Ukrainians think so.", "around a third", 0.3, 0.5),
        ("The push achieved few of its objectives.", "few", 0.1, 0.45),
        ("It achieved only about half of its goals.", "about half", 0.5, 0.3),
        ("Most Ukrainians refuse a truce.", "Most", 0.8, 0.3),
        ("One in three Ukrainians expects a truce.", "One in three", 0.33, 0.5),
        ("More than half of them stayed.", "More than half", 0.9, 0.4),
        ("The vast majority of people fled.", "The vast majority", 0.9, 0.6),
        ("Half the country has no power.", "Half", 0.5, 0.7),
        ("A small minority backs the deal.", "A small minority", 0.1, 0.4),
        ("He said so. Most Ukrainians refuse a truce.", "Most", 0.8, 0.3),
        # Many said with weight is no small minority, nor one in five.
        ("So many Ukrainians are resolutely opposed to a truce.", "So many", 0.6, 0.3),
        # One of a people in so many.
        ("Only about one Ukrainian in five rejects a ceasefire.", "about one Ukrainian in five", 0.2, 0.4),
    ],
)
def test_a_share_of_a_group_said_in_words_is_an_interval_of_the_whole(text, said, inside, outside):
    (share,) = find_shares(text)
    assert share.unit == "share" and share.text == said and text[share.start : share.end] == said
    assert share.low <= inside <= share.high
    assert not share.low <= outside <= share.high


@pytest.mark.parametrize(
    "text",
    [
        "The most plausible course is a pause.",  # a superlative
        "It will last two years at most.",
        "They stayed a few days.",  # a small count
        "It was historic for a few reasons.",
        "It took half a day.",  # part of a unit
        "He scored in the first half.",  # part of a game
        "Prices were cut by half.",
        "A third round of talks is planned.",  # an ordinal
        "Senate Majority Leader Chuck Schumer spoke.",  # a name
        "There was one attack in three days.",  # a count over a time, not one of a people
    ],
)
def test_words_of_share_that_say_no_share_of_a_group(text):
    assert find_shares(text) == []
