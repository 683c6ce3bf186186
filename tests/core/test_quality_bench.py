"""The quality benchmark (``tests/bench/quality.py``): its metrics on hand-made tables, and a small run.

The metric tests need no model and no benchmark data. The run on a sample of
the shared development splits is marked ``model`` and skipped when the splits
(``../shared/benchmarks`` or ``$PARALLAX_BENCHMARKS``) are absent; the full run is
the manual command in docs/quality.md.
"""

from __future__ import annotations

import re

import bench_scripts
import numpy as np
import pytest

quality = bench_scripts.load("quality")

S, W, N = quality.STRENGTHEN, quality.WEAKEN, quality.NEITHER


# --- alignment ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("predicted", "gold", "recall", "precision"),
    [
        ({0: {1}}, {0: {1}}, 1.0, 1.0),
        ({0: {2}}, {0: {1}}, 0.0, 0.0),
        ({0: {1, 2}}, {0: {1}}, 1.0, 0.5),
        ({}, {0: {1}, 1: {0}}, 0.0, 0.0),
        ({0: {1}, 1: {3}}, {0: {1, 2}, 1: {0}}, 0.5, 0.5),
        # predictions for sources without gold links are not counted either way
        ({0: {1}, 5: {5, 6}}, {0: {1}}, 1.0, 1.0),
        ({0: {1}, 1: {1}}, {0: {1}, 1: set()}, 1.0, 1.0),
    ],
)
def test_score_alignment(predicted, gold, recall, precision):
    score = quality.score_alignment([(predicted, gold)])
    assert score.recall == pytest.approx(recall)
    assert score.precision == pytest.approx(precision)


def test_score_alignment_sums_over_pairs():
    score = quality.score_alignment([({0: {0}}, {0: {0}}), ({0: {1, 2, 3}}, {0: {9}, 1: {1}})])
    assert (score.sources, score.found, score.predicted, score.correct) == (3, 1, 4, 1)


@pytest.mark.parametrize(
    ("links", "expected"),
    [
        ([], {}),
        ([{"article": [0], "report": [2]}], {0: {2}}),
        ([{"article": [0, 1], "report": [2]}, {"article": [1], "report": [3, 4]}], {0: {2}, 1: {2, 3, 4}}),
    ],
)
def test_targets_by_article(links, expected):
    assert quality.targets_by_article(links) == expected


@pytest.mark.parametrize(
    ("scores", "threshold", "expected"),
    [
        ([[0.9, 0.2], [0.1, 0.4]], 0.5, {0: {0}}),
        ([[0.3, 0.6], [0.7, 0.5]], 0.5, {0: {1}, 1: {0}}),
        ([[0.5, 0.1]], 0.5, {0: {0}}),
        ([[0.49, 0.1]], 0.5, {}),
    ],
)
def test_argmax_targets(scores, threshold, expected):
    assert quality.argmax_targets(np.array(scores, dtype=np.float32), threshold) == expected


def test_argmax_targets_with_an_empty_report():
    assert quality.argmax_targets(np.zeros((3, 0), dtype=np.float32), 0.5) == {}


def test_sentences_as_paragraphs_maps_paragraphs_to_sentence_indices():
    text, index = quality.sentences_as_paragraphs({"10": "Last one.", "2": "Two\nlines.", "0": "First.", "5": "  "})
    assert text == "First.\n\nTwo lines.\n\nLast one."
    assert index == [0, 2, 10]


# --- SummEdits --------------------------------------------------------------------------------------


def _comparison(labels=(), report_only=(), kinds=("number",)):
    return {
        "links": [{"label": label, "conflicts": [{"kind": k} for k in kinds] if label == "diverge" else []} for label in labels],
        "report_only": list(report_only),
    }  # fmt: skip


@pytest.mark.parametrize(
    ("comparison", "expected"),
    [
        (_comparison(["agree"]), []),
        (_comparison([]), []),
        (_comparison(["agree", "diverge"]), ["diverge:number"]),
        (_comparison(["agree"], report_only=[1]), ["unlinked"]),
        (_comparison(["diverge"], report_only=[0], kinds=("negation", "person")), ["diverge:negation", "diverge:person", "unlinked"]),
    ],
)  # fmt: skip
def test_flag_reasons(comparison, expected):
    assert quality.flag_reasons(comparison) == expected


def _schema_with_conflict(article_span, report_span, reason="a reason"):
    conflict = {"kind": "place", "article": "Kyiv", "report": "Lviv", "article_span": article_span,
                "report_span": report_span, "reason": reason}  # fmt: skip
    link = {"article": [0], "report": [0], "conflicts": [conflict]}
    return {
        "documents": [{"text": "Talks in Kyiv."}, {"text": "Talks in Lviv."}],
        "comparisons": [{"report": 1, "links": [link], "sentence_links": [link]}],
    }


@pytest.mark.parametrize(
    ("schema", "misplaced"),
    [
        (_schema_with_conflict([9, 13], [9, 13]), 0),
        (_schema_with_conflict([8, 13], [9, 13]), 1),  # " Kyiv": the highlight is not the text it names
        (_schema_with_conflict([9, 13], [0, 5]), 1),
        (_schema_with_conflict([9, 13], [9, 13], reason=" "), 1),  # no reason to read
    ],
)
def test_misplaced_conflicts_counts_highlights_that_are_not_their_text(schema, misplaced):
    count, wrong = quality.misplaced_conflicts(schema)
    assert count == 2  # the paragraph link's and the sentence link's
    assert len(wrong) == 2 * misplaced


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ([True, True, False, False], [True, True, False, False], 1.0),
        ([True, True, False, False], [False, False, True, True], 0.0),
        ([True, True, True, False], [True, True, True, True], 0.5),  # flag everything: chance
        ([True, True, True, True, False, False], [True, False, False, False, False, True], (0.25 + 0.5) / 2),
        ([True, True], [True, False], 0.5),  # one class present: its accuracy
    ],
)
def test_balanced_accuracy(gold, predicted, expected):
    assert quality.balanced_accuracy(gold, predicted) == pytest.approx(expected)


def test_catch_rates_count_each_edit_type_of_inconsistent_rows_only():
    rows = [
        (["entity_modification"], True, True),
        (["entity_modification", "antonym_swap"], True, False),
        (["antonym_swap"], True, True),
        ([], True, False),
        (["entity_modification"], False, True),  # consistent: never in a catch rate
    ]
    assert quality.catch_rates(rows) == {
        quality.UNLISTED: (0, 1),
        "antonym_swap": (1, 2),
        "entity_modification": (1, 2),
    }


# --- ClaimDiff -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("labels", "expected"),
    [([], N), (["agree"], S), (["agree", "agree"], S), (["agree", "diverge"], W), (["diverge"], W)],
)
def test_claimdiff_relation(labels, expected):
    assert quality.claimdiff_relation(_comparison(labels)) == expected


@pytest.mark.parametrize(
    ("gold", "predicted", "acc", "f1"),
    [
        ([S, W, N], [S, W, N], 1.0, 1.0),
        ([S, W, N], [N, S, W], 0.0, 0.0),
        # always "strengthen": accuracy is its share, macro-F1 only its F1 over three
        ([S, S, S, W, N], [S, S, S, S, S], 0.6, (2 * 3 / (2 * 3 + 2)) / 3),
        # S: tp1 fp1 fn1 -> 1/2; W: tp1 fp1 fn0 -> 2/3; N: tp0 -> 0
        ([S, S, W, N], [S, W, W, S], 0.5, (1 / 2 + 2 / 3 + 0) / 3),
    ],
)
def test_accuracy_and_macro_f1(gold, predicted, acc, f1):
    assert quality.accuracy(gold, predicted) == pytest.approx(acc)
    assert quality.macro_f1(gold, predicted, quality.CLAIMDIFF_CLASSES) == pytest.approx(f1)


# --- sampling --------------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [1, 3, 7, 10, 50])
def test_sample_is_seeded_ordered_and_of_the_asked_size(n):
    items = list(range(40))
    first, again = quality.sample(items, n, 0), quality.sample(items, n, 0)
    assert first == again == sorted(first)
    assert len(first) == min(n, len(items))


@pytest.mark.parametrize(("n", "expected"), [(4, {0: 3, 1: 1}), (8, {0: 6, 1: 2}), (2, {0: 1, 1: 1})])
def test_sample_keeps_every_class(n, expected):
    items = [0] * 30 + [1] * 10
    chosen = quality.sample(items, n, 3, key=lambda x: x)
    assert {c: chosen.count(c) for c in set(chosen)} == expected


def test_sample_none_keeps_everything():
    assert quality.sample([3, 1, 2], None, 0) == [3, 1, 2]


# --- the command -----------------------------------------------------------------------------------


def test_absent_data_is_a_clear_skip(tmp_path, capsys):
    assert quality.main(["--data", str(tmp_path / "nowhere")]) == 0
    out = capsys.readouterr().out
    assert "skipped" in out and "nowhere" in out


def _table_rows(out: str) -> list[list[str]]:
    lines = [line for line in out.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[1:]]


@pytest.mark.skipif(
    not quality.data_folder(None).is_dir(),
    reason=f"no benchmark data in {quality.data_folder(None)} (set PARALLAX_BENCHMARKS to run on a sample)",
)
def test_the_benchmark_runs_on_a_small_sample(capsys):
    # The plumbing, not the figures: the model-free embedder keeps this to seconds (the model takes minutes).
    assert quality.main(["--sample", "4", "--hashing"]) == 0
    out = capsys.readouterr().out
    rows = _table_rows(out)
    datasets = {row[0] for row in rows}
    assert set(quality.DATASETS) <= datasets, out
    assert not any("skipped" in row[1] for row in rows), out
    metrics = {(row[0], row[1]): row[3] for row in rows}
    for key in [
        (quality.ABCD, "recall"),
        (quality.ABCD, "precision"),
        (quality.SEEDS, "link recall"),
        (quality.SEEDS, "label accuracy"),
    ]:
        assert 0.0 <= float(metrics[key]) <= 1.0, (key, out)
    for key in [
        (quality.SUMMEDITS, "balanced accuracy"),
        (quality.SUMMEDITS, "false alarms on consistent"),
        (quality.CLAIMDIFF, "accuracy"),
        (quality.CLAIMDIFF, "macro-F1"),
    ]:
        assert 0.0 <= float(metrics[key]) <= 100.0, (key, out)
    assert any(row[0] == quality.SUMMEDITS and row[1].startswith("caught, ") for row in rows)
    misplaced = [row for row in rows if row[1] == "conflicts whose highlight is not their text"]
    assert all(row[3] == "0" for row in misplaced), out
    assert re.search(r"sample of 4", out)
    assert "hashing" in out, "the table names the embedder its figures come from"
