"""The whole comparison on the seeds with the hashing embedder, and its schema-1 export."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from parallax.core.align import AlignConfig
from parallax.core.claims import AGREE, DIVERGE, ClaimConfig
from parallax.core.compare import (
    CompareConfig,
    _paragraphs_as_read,
    compare,
    compare_prepared,
    prepare,
    units_running_on,
)
from parallax.core.embed import EmbeddingCache, HashingEmbedder
from parallax.core.export import SCHEMA_VERSION, summary_text, to_schema
from parallax.core.ingest import document_from_text, read_document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MANIFEST = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))
SEED_PATHS = [SEEDS / MANIFEST["article"], *(SEEDS / r["file"] for r in MANIFEST["reports"])]

# Schema 1 as issue 2 defines it, plus the fields the engine adds (the issue welcomes additions, never renames).
TOP_KEYS = {"schema", "model", "documents", "comparisons", "coverage"} | {"threshold", "judgements"}
DOCUMENT_KEYS = {"path", "title", "text", "paragraphs", "sentences"} | {"source", "metadata"}
DOCUMENT_KEYS |= {"outlet", "author", "date", "url"}  # added in schema 1 with the PDF, Word and URL readers
PARAGRAPH_KEYS = {"text", "start", "end", "boilerplate"}
SENTENCE_KEYS = {"text", "start", "end", "paragraph"}
COMPARISON_KEYS = {"report", "links", "sentence_links", "article_only", "report_only"}
LINK_KEYS = {"article", "report", "similarity", "label", "conflicts", "diff"} | {"judgement"}
CONFLICT_KEYS = {"kind", "article", "report", "article_span", "report_span"} | {"reason"}
COVERAGE_KEYS = {"paragraph", "agree", "diverge", "absent"}


class CountingEmbedder(HashingEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def encode(self, texts):
        self.calls += 1
        return super().encode(texts)


@pytest.fixture(scope="module")
def documents():
    return [read_document(path) for path in SEED_PATHS]


@pytest.fixture(scope="module")
def result(documents):
    return compare(documents, HashingEmbedder())


@pytest.fixture(scope="module")
def schema(result):
    return to_schema(result)


def test_the_manifest_boilerplate_is_flagged(documents):
    article = documents[0]
    assert {i for i, p in enumerate(article.paragraphs) if p.boilerplate} == set(MANIFEST["article_boilerplate"])
    for document, report in zip(documents[1:], MANIFEST["reports"], strict=True):
        assert {i for i, p in enumerate(document.paragraphs) if p.boilerplate} == set(report["boilerplate"])


def test_schema_has_exactly_the_schema_1_keys(schema):
    assert set(schema) == TOP_KEYS
    assert schema["schema"] == SCHEMA_VERSION == 1
    assert schema["model"] == HashingEmbedder().name
    for document in schema["documents"]:
        assert set(document) == DOCUMENT_KEYS
        assert all(set(p) == PARAGRAPH_KEYS for p in document["paragraphs"])
        assert all(set(s) == SENTENCE_KEYS for s in document["sentences"])
    for comparison in schema["comparisons"]:
        assert set(comparison) == COMPARISON_KEYS
        for link in comparison["links"] + comparison["sentence_links"]:
            assert set(link) == LINK_KEYS
            assert link["label"] in (AGREE, DIVERGE)
            assert all(set(c) == CONFLICT_KEYS for c in link["conflicts"])
            assert (link["label"] == DIVERGE) == bool(link["conflicts"])
    assert all(set(row) == COVERAGE_KEYS for row in schema["coverage"])


def test_schema_is_plain_json(schema):
    assert json.loads(json.dumps(schema, ensure_ascii=False)) == schema


def test_documents_are_the_article_then_the_reports_in_order(schema):
    assert [d["path"] for d in schema["documents"]] == [str(p) for p in SEED_PATHS]
    assert [c["report"] for c in schema["comparisons"]] == list(range(1, len(SEED_PATHS)))


def test_offsets_in_the_schema_point_at_the_text(schema):
    for document in schema["documents"]:
        for p in document["paragraphs"]:
            assert document["text"][p["start"] : p["end"]] == p["text"]
        for s in document["sentences"]:
            assert document["text"][s["start"] : s["end"]] == s["text"]
            assert 0 <= s["paragraph"] < len(document["paragraphs"])


def test_indices_are_in_range_and_conflict_spans_point_at_text(schema):
    article = schema["documents"][0]
    for comparison in schema["comparisons"]:
        report = schema["documents"][comparison["report"]]
        for key, units in (("links", "paragraphs"), ("sentence_links", "sentences")):
            for link in comparison[key]:
                assert link["article"] and link["report"]
                assert all(0 <= i < len(article[units]) for i in link["article"])
                assert all(0 <= j < len(report[units]) for j in link["report"])
                assert 0.0 <= link["similarity"] <= 1.0 + 1e-6
                for c in link["conflicts"]:
                    s, e = c["article_span"]
                    assert article["text"][s:e] == c["article"]
                    s, e = c["report_span"]
                    assert report["text"][s:e] == c["report"]
        assert all(0 <= i < len(article["paragraphs"]) for i in comparison["article_only"])
        assert all(0 <= j < len(report["paragraphs"]) for j in comparison["report_only"])


def test_the_diff_of_a_link_spells_out_both_linked_texts(schema):
    article = schema["documents"][0]
    for comparison in schema["comparisons"]:
        report = schema["documents"][comparison["report"]]
        for link in comparison["links"]:
            a_text = "\n\n".join(article["paragraphs"][i]["text"] for i in link["article"])
            r_text = "\n\n".join(report["paragraphs"][j]["text"] for j in link["report"])
            assert all(op in (-1, 0, 1) for op, _ in link["diff"])
            assert "".join(t for op, t in link["diff"] if op != 1) == a_text
            assert "".join(t for op, t in link["diff"] if op != -1) == r_text


def test_boilerplate_is_never_linked_or_counted(schema):
    article = schema["documents"][0]
    article_noise = {i for i, p in enumerate(article["paragraphs"]) if p["boilerplate"]}
    assert article_noise, "the seed article carries boilerplate"
    for comparison in schema["comparisons"]:
        report = schema["documents"][comparison["report"]]
        report_noise = {j for j, p in enumerate(report["paragraphs"]) if p["boilerplate"]}
        linked_article = {i for link in comparison["links"] for i in link["article"]}
        linked_report = {j for link in comparison["links"] for j in link["report"]}
        assert not article_noise & (linked_article | set(comparison["article_only"]))
        assert not report_noise & (linked_report | set(comparison["report_only"]))
        sentence_paragraphs = {
            article["sentences"][i]["paragraph"] for link in comparison["sentence_links"] for i in link["article"]
        }
        assert not article_noise & sentence_paragraphs
    assert not article_noise & {row["paragraph"] for row in schema["coverage"]}


def test_every_content_paragraph_is_linked_or_only_on_its_side(schema):
    article = schema["documents"][0]
    article_content = {i for i, p in enumerate(article["paragraphs"]) if not p["boilerplate"]}
    for comparison in schema["comparisons"]:
        report = schema["documents"][comparison["report"]]
        report_content = {j for j, p in enumerate(report["paragraphs"]) if not p["boilerplate"]}
        linked_article = [i for link in comparison["links"] for i in link["article"]]
        linked_report = [j for link in comparison["links"] for j in link["report"]]
        assert sorted(linked_article + comparison["article_only"]) == sorted(article_content)
        assert sorted(linked_report + comparison["report_only"]) == sorted(report_content)


def test_coverage_rows_add_up_to_the_number_of_reports(schema):
    n_reports = len(schema["comparisons"])
    article = schema["documents"][0]
    assert [row["paragraph"] for row in schema["coverage"]] == [
        i for i, p in enumerate(article["paragraphs"]) if not p["boilerplate"]
    ]
    for row in schema["coverage"]:
        assert min(row["agree"], row["diverge"], row["absent"]) >= 0
        assert row["agree"] + row["diverge"] + row["absent"] == n_reports


def test_coverage_matches_the_links(schema):
    for row in schema["coverage"]:
        labels_per_report = [
            {link["label"] for link in c["links"] if row["paragraph"] in link["article"]} for c in schema["comparisons"]
        ]
        assert row["diverge"] == sum(1 for labels in labels_per_report if DIVERGE in labels)
        assert row["absent"] == sum(1 for labels in labels_per_report if not labels)


def test_summary_names_every_report(result, documents):
    text = summary_text(result)
    assert documents[0].title in text
    for document in documents[1:]:
        assert document.title in text


def test_threshold_moves_without_new_embeddings(documents):
    embedder = CountingEmbedder()
    prepared = prepare(documents, embedder)
    assert embedder.calls == 1
    # Paragraph links only, no claim checks: the links are what the threshold moves, and this keeps it fast.
    fast = {"sentences": False, "claims": ClaimConfig(kinds=frozenset())}
    results = {t: compare_prepared(prepared, CompareConfig(threshold=t, **fast)) for t in (0.3, 0.5, 0.8)}
    assert embedder.calls == 1, "changing the threshold must not embed again"
    counts = [sum(len(c.links) for c in results[t].comparisons) for t in sorted(results)]
    assert counts == sorted(counts, reverse=True), f"a higher threshold never yields more links: {counts}"
    assert counts[0] > counts[-1]
    for threshold, outcome in results.items():
        assert outcome.config.threshold == threshold
        assert to_schema(outcome)["threshold"] == threshold
        # The headlines link a little below the threshold, and so do pairs sharing many rare words.
        config = AlignConfig()
        for comparison in outcome.comparisons:
            assert all(
                link.similarity >= threshold - config.lexical_allowance
                for link in comparison.links
                if link.article != (0,)
            )
            assert all(link.similarity >= threshold - config.anchor_allowance for link in comparison.links)


def test_a_second_comparison_reads_every_vector_from_the_cache(documents, tmp_path):
    cache = EmbeddingCache(tmp_path / "e.sqlite3")
    embedder = CountingEmbedder()
    first = prepare(documents, embedder, cache)
    second = prepare(documents, embedder, cache)
    cache.close()
    assert first.computed > 0
    assert second.computed == 0 and embedder.calls == 1
    for a, b in zip(
        first.paragraph_vectors + first.sentence_vectors,
        second.paragraph_vectors + second.sentence_vectors,
        strict=True,
    ):
        np.testing.assert_allclose(a, b, rtol=1e-6)


def test_progress_is_reported(documents):
    seen = []
    compare(
        documents,
        HashingEmbedder(),
        config=CompareConfig(sentences=False, claims=ClaimConfig(kinds=frozenset())),
        progress=lambda done, total, what: seen.append((done, total)),
    )
    assert seen, "progress callbacks were made"
    assert seen[-1][0] == seen[-1][1]


@pytest.mark.parametrize(
    ("first_paragraph", "linked"),
    [
        ("Ceasefire doubts linger in Kyiv", True),  # a headline: the title, short, not a sentence
        ("Talks ended on Tuesday in Istanbul.", False),  # a sentence opening the text is no headline
    ],
)
def test_the_headlines_link_though_they_share_few_words(first_paragraph, linked):
    from parallax.core.compare import Prepared
    from parallax.core.ingest import document_from_text

    article = document_from_text("Can Putin be trusted?\n\nThe talks went on.\n\nThe troops stayed.", path="a.txt")
    report = document_from_text(f"{first_paragraph}\n\nThe talks continued.\n\nThe troops remained.", path="r.txt")
    e = np.eye(4, dtype=np.float32)
    # The headlines score 0.4 (below the 0.5 threshold), the bodies 1.0.
    headline = (0.4 * e[0] + np.sqrt(1 - 0.16) * e[1]).astype(np.float32)
    prepared = Prepared(
        "fixed",
        (article, report),
        (np.stack([e[0], e[2], e[3]]), np.stack([headline, e[2], e[3]])),
        (np.zeros((0, 4), np.float32), np.zeros((0, 4), np.float32)),
    )
    comparison = compare_prepared(prepared, CompareConfig(sentences=False)).comparisons[0]
    assert (((0,), (0,)) in {(link.article, link.report) for link in comparison.links}) is linked
    assert (0 in comparison.report_only) is not linked


@pytest.mark.parametrize(
    ("paragraphs", "read_as"),
    [
        # A question subhead is read with the answer that follows it.
        (
            ["Headline", "Where do the troops go?", "Back to Belarus, officials say."],
            ["Headline", "Where do the troops go?\nBack to Belarus, officials say.", "Back to Belarus, officials say."],
        ),
        # The headline is read alone, even as a question.
        (["Can Putin be trusted?", "Few think so."], ["Can Putin be trusted?", "Few think so."]),
        # A long turn that ends in a question says things of its own; two questions in a row answer nothing.
        (
            ["H", "Ukraine has offered to become a neutral state, which is a very large shift for it. How big is it?",
             "Huge."],
            ["H", "Ukraine has offered to become a neutral state, which is a very large shift for it. How big is it?",
             "Huge."],
        ),
        (["H", "Why?", "Why now?", "Because."], ["H", "Why?", "Why now?\nBecause.", "Because."]),
        # A question last has no answer to be read with.
        (["H", "Text.", "What next?"], ["H", "Text.", "What next?"]),
    ],
)  # fmt: skip
def test_a_question_is_read_with_its_answer(paragraphs, read_as):
    document = document_from_text("\n\n".join(paragraphs), path="r.txt")
    assert _paragraphs_as_read(document) == read_as


def test_a_question_subhead_links_where_its_answer_does():
    article = document_from_text(
        "Talks end in Istanbul\n\nRussian troops pull back from Kyiv to Belarus.\n\nUkraine offers neutrality.",
        path="a.txt",
    )
    report = document_from_text(
        "Talks end in Istanbul\n\nWhere do the troops go?\n\nRussian troops pull back from Kyiv to Belarus, "
        "officials said.",
        path="r.txt",
    )
    result = compare([article, report], HashingEmbedder(), None, CompareConfig(sentences=False))
    linked = {j: link.article for link in result.comparisons[0].links for j in link.report}
    assert linked.get(1) == linked.get(2) == (1,)


@pytest.mark.parametrize(
    ("texts", "dates", "year"),
    [
        (["Talks ended on Tuesday.", "Talks ended."], ["2022-03-30", ""], 2022),  # a publication date
        (["Istanbul, 29 March 2022. Talks ended.", "Talks ended."], ["", ""], 2022),  # a full date in the text
        (["Talks ended on March 29, 2022.", "Talks ended."], ["", ""], 2022),
        (["Crimea was seized in 2014.", "Talks ended."], ["", ""], None),  # a year alone dates an event, not the text
        (["Written 29 March 2022.", "Written 1 April 2023."], ["", ""], None),  # they disagree
    ],
)
def test_the_year_the_documents_were_written_in(texts, dates, year):
    from dataclasses import replace as with_

    from parallax.core.compare import _year_written

    documents = [
        with_(document_from_text(text, path=f"{n}.txt"), metadata={"date": date} if date else {})
        for n, (text, date) in enumerate(zip(texts, dates, strict=True))
    ]
    assert _year_written(*documents) == year


def test_two_events_alike_in_meaning_link_by_the_names_they_share():
    from parallax.core.compare import Prepared

    article = document_from_text(
        "Shelling hit Mariupol's drama theatre on Wednesday, officials said.\n\n"
        "Officials said a hospital in Chernihiv was shelled overnight.\n\n"
        "Talks resumed in Istanbul.",
        path="a.txt",
    )
    report = document_from_text(
        "A Chernihiv hospital came under fire overnight, officials said.\n\n"
        "Officials said the drama theatre in Mariupol was hit on Wednesday.\n\n"
        "Negotiators met again in Istanbul.",
        path="r.txt",
    )
    e = np.eye(4, dtype=np.float32)
    # The pooled vector of a shelling blurs its place and day: each article shelling scores 0.62 with
    # the report's other shelling and 0.60 with its own.
    depth = np.sqrt(1 - 0.62**2 - 0.60**2)
    chernihiv = (0.62 * e[0] + 0.60 * e[1] + depth * e[2]).astype(np.float32)
    mariupol = (0.60 * e[0] + 0.62 * e[1] + depth * e[2]).astype(np.float32)
    prepared = Prepared(
        "fixed",
        (article, report),
        (np.stack([e[0], e[1], e[3]]), np.stack([chernihiv, mariupol, e[3]])),
        (np.zeros((0, 4), np.float32), np.zeros((0, 4), np.float32)),
    )
    comparison = compare_prepared(prepared, CompareConfig(sentences=False)).comparisons[0]
    links = [(link.article, link.report) for link in comparison.links]
    assert links == [((0,), (1,)), ((1,), (0,)), ((2,), (2,))]


@pytest.mark.parametrize(
    ("text", "points_back"),
    [
        ("Those talks could last up to a decade and a half.", True),
        ("It would take years.", True),
        ("  This, the analyst said, was a pause.", True),
        ("Italy sent aid.", False),  # a word that only begins like "It"
        ("Thousands fled the city.", False),
        ("The talks ended.", False),
        # After a numbered paragraph's number.
        ("12. That plan, on their account, turned on capturing the government.", True),
        ("12. The plan turned on capturing the government.", False),
        ("2022 That plan failed.", False),  # a year, not a paragraph's number
    ],
)
def test_a_unit_points_back_when_it_opens_with_a_reference_to_the_one_before(text, points_back):
    from parallax.core.compare import _REFERS_BACK

    assert (_REFERS_BACK.match(text) is not None) is points_back


@pytest.mark.parametrize(
    ("first", "second", "runs_on"),
    [
        (
            "Her assessment is that the generals will move them into new positions,",
            "after which they would strike.",
            True,
        ),
        ("The generals will regroup and", "then strike the capital.", True),
        ("The generals will regroup.", "then strike the capital.", False),  # a sentence ended
        ("The generals will regroup,", "After that they strike.", False),  # the next opens a sentence
        ("- dress uniforms in tanks", "a stalled push", False),  # a list's items go without full stops
    ],
)
def test_a_paragraph_cut_mid_sentence_runs_on_into_the_next(first, second, runs_on):
    assert units_running_on([first, second]) == [runs_on]


TREATIES = "Ukraine offered neutrality under bilateral security treaties with Western nations."


@pytest.mark.parametrize(
    ("last_sentence", "linked"),
    [
        # A recipe's step that goes on with what the radio said links where that sentence does.
        (f"The radio said {TREATIES}", True),
        # Close in meaning but in other words: the sentence alone is too little to link the paragraph by.
        ("The radio went through the offer from Kyiv, every clause of it.", False),
    ],
)
def test_a_paragraph_that_links_nowhere_links_by_a_sentence_that_retells_a_paragraph(last_sentence, linked):
    from parallax.core.compare import Prepared

    article = document_from_text(f"Talks ended in Istanbul on Tuesday.\n\n{TREATIES}", path="a.txt")
    report = document_from_text(
        f"Cut the core out of the cabbage. Boil the leaves until soft. {last_sentence}\n\n"
        "Talks ended in Istanbul on Tuesday.",
        path="r.txt",
    )
    assert [s.paragraph for s in report.sentences] == [0, 0, 0, 1]
    e = np.eye(4, dtype=np.float32)
    # The mixed paragraph as a whole scores 0.3 with the treaties (below the threshold); its last sentence 0.9.
    mixed = (0.3 * e[1] + np.sqrt(1 - 0.09) * e[3]).astype(np.float32)
    retold = (0.9 * e[1] + np.sqrt(1 - 0.81) * e[2]).astype(np.float32)
    prepared = Prepared(
        "fixed",
        (article, report),
        (np.stack([e[0], e[1]]), np.stack([mixed, e[0]])),
        (np.stack([e[0], e[1]]), np.stack([e[3], e[3], retold, e[0]])),
    )
    comparison = compare_prepared(prepared, CompareConfig(sentences=False)).comparisons[0]
    assert (((1,), (0,)) in {(link.article, link.report) for link in comparison.links}) is linked
    assert (0 in comparison.report_only) is not linked


SUCCESS = '"They are having some success. They are retaking some towns," Lee said.'


@pytest.mark.parametrize(
    ("report_text", "article_first", "linked"),
    [
        # A move's note quoting the article's words links where they stand.
        (
            '22...Kxf7 23 Qxe6+ Kf8. "They are having some success," Lee said, and so is White.',
            "Talks ended in Istanbul on Tuesday.",
            True,
        ),
        # Three words quoted are too few to tell the paragraph by.
        ('22...Kxf7 23 Qxe6+ Kf8. "Having some success," Lee said.', "Talks ended in Istanbul on Tuesday.", False),
        # Words both article paragraphs hold tell neither.
        (
            '22...Kxf7 23 Qxe6+ Kf8. "They are having some success," Lee said, and so is White.',
            '"They are having some success," said Lee after the talks in Istanbul.',
            False,
        ),
    ],
)
def test_a_paragraph_that_links_nowhere_links_by_a_quotation_one_article_paragraph_holds(
    report_text, article_first, linked
):
    from parallax.core.compare import Prepared

    article = document_from_text(f"{article_first}\n\n{SUCCESS}", path="a.txt")
    report = document_from_text(f"{report_text}\n\nTalks ended in Istanbul on Tuesday.", path="r.txt")
    e = np.eye(4, dtype=np.float32)
    # The note scores 0.3 with Lee's paragraph by cosine: below the threshold.
    note = (0.3 * e[1] + np.sqrt(1 - 0.09) * e[3]).astype(np.float32)
    a_sentences = np.stack([e[0]] * sum(s.paragraph == 0 for s in article.sentences) + [e[1]] * 2)
    r_sentences = np.stack([e[3]] * (len(report.sentences) - 1) + [e[0]])
    prepared = Prepared(
        "fixed",
        (article, report),
        (np.stack([e[0], e[1]]), np.stack([note, e[0]])),
        (a_sentences, r_sentences),
    )
    comparison = compare_prepared(prepared, CompareConfig(sentences=False)).comparisons[0]
    assert (((1,), (0,)) in {(link.article, link.report) for link in comparison.links}) is linked
    assert (0 in comparison.report_only) is not linked
