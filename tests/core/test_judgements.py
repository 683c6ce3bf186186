"""The user's judgements: keyed by texts, so they survive a new threshold, a new order, a new article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parallax.core.claims import AGREE, DIVERGE
from parallax.core.compare import CompareConfig, compare_prepared, prepare, reordered
from parallax.core.embed import HashingEmbedder
from parallax.core.ingest import document_from_text, read_document
from parallax.core.judgements import (
    CONFIRMED,
    DISMISSED,
    WRONG,
    JudgementError,
    effective_label,
    from_dict,
    from_dicts,
    judge,
    judged_coverage,
    link_key,
    resolve,
    to_dicts,
    unit_keys,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MANIFEST = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))
SEED_PATHS = [SEEDS / MANIFEST["article"], *(SEEDS / r["file"] for r in MANIFEST["reports"])]


@pytest.fixture(scope="module")
def prepared():
    return prepare([read_document(p) for p in SEED_PATHS], HashingEmbedder())


@pytest.fixture(scope="module")
def result(prepared):
    return compare_prepared(prepared, CompareConfig(threshold=0.5))


def _everything_judged(result):
    """A note on every paragraph link naming its report and units, so any mix-up shows."""
    judgements = ()
    for comparison in result.comparisons:
        for i, link in enumerate(comparison.links):
            note = json.dumps([result.documents[comparison.report].path, link.article, link.report])
            judgements = judge(judgements, result, comparison.report, i, verdict=WRONG, note=note)
    return judgements


def _placed_notes(judgements, result):
    resolved = resolve(judgements, result)
    return {
        (result.documents[c.report].path, link.article, link.report): resolved.get(c.report, i)
        for c in result.comparisons
        for i, link in enumerate(c.links)
    }


@pytest.mark.parametrize("threshold", [0.45, 0.5, 0.55, 0.6])
def test_judgements_survive_a_threshold_change(prepared, result, threshold):
    judgements = _everything_judged(result)
    again = compare_prepared(prepared, CompareConfig(threshold=threshold))
    before = {
        (result.documents[c.report].path, link.article, link.report) for c in result.comparisons for link in c.links
    }
    for (path, article, report), judgement in _placed_notes(judgements, again).items():
        if (path, article, report) in before:
            # The same link at the new threshold carries exactly its own note.
            assert judgement is not None and json.loads(judgement.note) == [path, list(article), list(report)]
            assert judgement.verdict == WRONG
        elif judgement is not None:
            # A link that grew or shrank carries the note of a link it shares paragraphs with on both sides.
            old_path, old_article, old_report = json.loads(judgement.note)
            assert old_path == path
            assert set(old_article) & set(article) and set(old_report) & set(report)


def test_a_shrunk_link_keeps_its_judgement(prepared, result):
    # Find a link of several article paragraphs and a threshold at which it loses some of them.
    comparison, index = next(
        (c, i) for c in result.comparisons for i, link in enumerate(c.links) if len(link.article) > 1
    )
    link = comparison.links[index]
    judgements = judge((), result, comparison.report, index, verdict=CONFIRMED, note="checked")
    for threshold in (0.52, 0.55, 0.58, 0.6):
        again = compare_prepared(prepared, CompareConfig(threshold=threshold))
        links = next(c for c in again.comparisons if c.report == comparison.report).links
        smaller = [
            i for i, other in enumerate(links) if set(other.article) < set(link.article) and other.report == link.report
        ]
        if smaller:
            judgement = resolve(judgements, again).get(comparison.report, smaller[0])
            assert judgement is not None and judgement.note == "checked" and judgement.verdict == CONFIRMED
            return
    pytest.fail("no threshold shrank the multi-paragraph link; pick another seed link")


def test_a_link_gone_at_a_high_threshold_comes_back(prepared, result):
    judgements = judge((), result, 1, 0, verdict=DISMISSED)
    strict = compare_prepared(prepared, CompareConfig(threshold=0.95))
    resolved = resolve(judgements, strict)
    assert resolved.unplaced == judgements
    assert not resolved.by_link
    assert resolve(judgements, result).get(1, 0) == judgements[0]


def test_judgements_follow_reports_when_reordered(prepared, result):
    judgements = _everything_judged(result)
    moved = compare_prepared(reordered(prepared, [0, 3, 1, 2]), CompareConfig(threshold=0.5))
    placed = _placed_notes(judgements, moved)
    assert placed
    for (path, article, report), judgement in placed.items():
        assert judgement is not None and json.loads(judgement.note) == [path, list(article), list(report)]


def test_judgements_follow_a_report_made_the_article(prepared, result):
    index = next(i for i, link in enumerate(result.comparisons[0].links) if link.label == DIVERGE)
    link = result.comparisons[0].links[index]
    judgements = judge((), result, 1, index, verdict=CONFIRMED, note="the wire is right")
    swapped = compare_prepared(reordered(prepared, [1, 0, 2, 3]), CompareConfig(threshold=0.5))
    comparison = next(c for c in swapped.comparisons if c.report == 1)
    resolved = resolve(judgements, swapped)
    found = [i for i, other in enumerate(comparison.links) if resolved.get(1, i) is not None]
    assert found, "the judgement is lost when the report becomes the article"
    other = comparison.links[found[0]]
    assert set(other.article) & set(link.report) and set(other.report) & set(link.article)


def test_judge_edits_and_clears_in_place(result):
    judgements = judge((), result, 1, 0, verdict=WRONG)
    judgements = judge(judgements, result, 1, 0, note="  same words, other day ")
    assert len(judgements) == 1
    assert (judgements[0].verdict, judgements[0].note) == (WRONG, "same words, other day")
    judgements = judge(judgements, result, 1, 0, verdict="")
    assert (judgements[0].verdict, judgements[0].note) == ("", "same words, other day")
    assert judge(judgements, result, 1, 0, note="") == ()


def test_judge_refuses_what_is_not_there(result):
    with pytest.raises(JudgementError, match="verdict"):
        judge((), result, 1, 0, verdict="maybe")
    with pytest.raises(JudgementError, match="no link"):
        judge((), result, 1, 999, verdict=WRONG)


@pytest.mark.parametrize(
    ("label", "verdict", "expected"),
    [
        (AGREE, "", AGREE),
        (DIVERGE, "", DIVERGE),
        (AGREE, WRONG, "wrong"),
        (DIVERGE, WRONG, "wrong"),
        (AGREE, CONFIRMED, DIVERGE),
        (DIVERGE, CONFIRMED, DIVERGE),
        (DIVERGE, DISMISSED, AGREE),
        (AGREE, DISMISSED, AGREE),
    ],
)
def test_effective_label(result, label, verdict, expected):
    judgement = judge((), result, 1, 0, verdict=verdict, note="n")[0]
    assert effective_label(label, judgement) == expected
    assert effective_label(label, None) == label


def test_a_wrong_link_no_longer_contests_the_paragraph(result):
    comparison = result.comparisons[0]
    index = next(i for i, link in enumerate(comparison.links) if link.label == DIVERGE)
    paragraph = comparison.links[index].article[0]
    before = next(row for row in result.coverage if row.paragraph == paragraph)
    judged = resolve(judge((), result, comparison.report, index, verdict=WRONG), result)
    after = next(row for row in judged_coverage(result, judged) if row.paragraph == paragraph)
    assert after.diverge == before.diverge - 1
    assert after.absent == before.absent + 1
    assert judged_coverage(result, resolve((), result)) == result.coverage


def test_repeated_paragraphs_get_distinct_keys():
    document = document_from_text("Subscribe now.\n\nTalks resumed in Istanbul.\n\nSubscribe now.")
    keys = unit_keys(document, sentences=False)
    assert len(set(keys)) == 3
    assert keys[2] == keys[0] + "~1"


def test_keys_name_texts_not_positions(result):
    key = link_key(result, 1, result.comparisons[0].links[0])
    moved = link_key(result, 1, result.comparisons[0].links[0])
    assert key == moved
    assert all(len(k) >= 16 for k in key.article_units + key.report_units)
    assert key.article_document != key.report_document


def test_json_round_trip(result):
    judgements = judge(judge((), result, 1, 0, verdict=WRONG, note="ü “quoted”"), result, 2, 1, note="x")
    assert from_dicts(json.loads(json.dumps(to_dicts(judgements)))) == judgements


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"verdict": "maybe"}, "verdict"),
        ({"granularity": "words"}, "granularity"),
        ({"article_units": []}, "article_units"),
        ({"report_units": "abc"}, "report_units"),
        ({"article_document": ""}, "hashes"),
        ({"note": 3}, "note"),
    ],
)
def test_malformed_judgements_are_refused(result, change, words):
    data = to_dicts(judge((), result, 1, 0, verdict=WRONG))[0] | change
    with pytest.raises(JudgementError, match=words):
        from_dict(data)
