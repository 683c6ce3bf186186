"""Word overlap weighted by rarity: how much two units share the words that set them apart.

Entry point: :func:`lexical_similarity` (the matrix for two sides' units, each
given by :func:`unit_words`, from ``parallax.core.shared_words``). The similarity of
two units is the weighted Dice coefficient of their word sets, each word
weighted by its inverse document frequency over the units of both sides:

    2 * sum(idf of shared words) / (sum(idf of left words) + sum(idf of right words))

It is the F1 of the two units' weighted word precision and recall. A word found in
nearly every unit ("the", "said", the event's main name) weighs next to nothing;
a word two units alone share ("Mariupol", "hysterectomies", "14") weighs most.

Pooled sentence vectors blur exactly these words: two paragraphs on one event
score alike against every other paragraph on it. The aligner breaks such ties
with this score (``parallax.core.align``). The IDF is counted over the two
documents being compared, as BERTScore counts it over its reference set, so a
comparison never depends on the other reports loaded beside it. With one unit a
side every word is in every unit, and nothing sets the pair apart: it scores 0.

May import: the standard library, numpy, ``parallax.core.shared_words``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from parallax.core.shared_words import unit_words as unit_words  # re-exported: callers read units here too

if TYPE_CHECKING:
    from numpy.typing import NDArray


# Above this many pairs, a dense product over the shared vocabulary grows too slow (two 5,000-sentence
# documents: seconds), and only the pairs the caller names are worked out.
DENSE_PAIRS = 250_000


def lexical_similarity(
    left: Sequence[frozenset[str]],
    right: Sequence[frozenset[str]],
    candidates: NDArray[np.bool_] | None = None,
) -> NDArray[np.float32]:
    """IDF-weighted Dice similarity of every left unit with every right unit (rows: left), in [0, 1].

    ``candidates`` (the matrix's shape) names the pairs the caller will read; for large documents
    only those are worked out and the rest are 0. For small ones every pair is, at no extra cost.
    """
    if not left or not right:
        return np.zeros((len(left), len(right)), dtype=np.float32)
    # Not cached: 0.4 ms for a report against the seed article, where a cache of matrices would grow
    # with the square of the documents' lengths.
    ids = [_word_ids(words) for words in (*left, *right)]
    lengths = np.array([len(i) for i in ids])
    units = np.repeat(np.arange(len(ids)), lengths)  # the unit of each (unit, word) entry
    vocabulary, columns, frequency = np.unique(np.concatenate(ids), return_inverse=True, return_counts=True)
    idf = np.log((len(ids) + 1) / (frequency + 1))
    weight = np.bincount(units, weights=idf[columns], minlength=len(ids))
    if candidates is not None and len(left) * len(right) > DENSE_PAIRS:
        rows, cols = np.nonzero(candidates)
        shared = _shared_at(rows, cols, columns, lengths, idf, len(left))
        total = weight[rows] + weight[len(left) + cols]
        scores = np.zeros(candidates.shape, dtype=np.float32)
        with np.errstate(divide="ignore", invalid="ignore"):
            scores[rows, cols] = np.where(total > 0, 2 * shared / total, 0.0)
        return scores
    shared_all = _shared_dense(columns, units, idf, len(left), len(ids), len(vocabulary))
    total_all = weight[: len(left), None] + weight[None, len(left) :]
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(total_all > 0, 2 * shared_all / total_all, 0.0).astype(np.float32)


def _shared_dense(
    columns: NDArray[np.intp],
    units: NDArray[np.intp],
    idf: NDArray[np.float64],
    n_left: int,
    n_units: int,
    n_words: int,
) -> NDArray[np.float32]:
    """The IDF of the words each pair shares, summed, for every pair: one product of incidence matrices."""
    # Only words on both sides add to a pair's shared weight: the incidence matrices keep those alone.
    on_left = units < n_left
    both = np.bincount(columns[on_left], minlength=n_words) > 0
    both &= np.bincount(columns[~on_left], minlength=n_words) > 0
    shared_column = np.cumsum(both) - 1
    keep = both[columns]
    incidence = np.zeros((n_units, int(both.sum())), dtype=np.float32)
    incidence[units[keep], shared_column[columns[keep]]] = 1.0
    a, b = incidence[:n_left], incidence[n_left:]
    return np.asarray((a * idf[both].astype(np.float32)) @ b.T, dtype=np.float32)


def _shared_at(
    rows: NDArray[np.intp],
    cols: NDArray[np.intp],
    columns: NDArray[np.intp],
    lengths: NDArray[np.intp],
    idf: NDArray[np.float64],
    n_left: int,
) -> NDArray[np.float64]:
    """The same sums for the pairs (``rows``, ``cols``) alone, by intersecting their word sets."""
    bounds = np.concatenate(([0], np.cumsum(lengths)))
    word_sets = [frozenset(columns[bounds[k] : bounds[k + 1]].tolist()) for k in range(len(lengths))]
    weights = idf.tolist()
    return np.array(
        [
            sum(weights[c] for c in word_sets[i] & word_sets[n_left + j])
            for i, j in zip(rows.tolist(), cols.tolist(), strict=True)
        ],
        dtype=np.float64,
    )


@lru_cache(maxsize=65536)
def _word_ids(words: frozenset[str]) -> NDArray[np.int64]:
    # A word's hash stands for it (64 bits: a collision between two words of two documents is
    # vanishingly rare), so no vocabulary grows with every word a session reads.
    return np.fromiter((hash(word) for word in words), dtype=np.int64, count=len(words))
