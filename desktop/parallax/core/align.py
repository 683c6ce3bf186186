"""Align two sequences of unit vectors by meaning: order-free, one-to-many, or not at all.

Entry point: :func:`align`. It takes vectors, not texts or a model (as vecalign
does), so tests feed fixed vectors and the threshold can move without
re-embedding. Each side's unit is linked to its most similar unit on the
other side when that similarity reaches the threshold; the union of both
directions, grouped into connected stars, gives links such as one report
paragraph summarising two article paragraphs. Anything left unlinked is
*only in article* or *only in report*.

A unit left out between two units of one link joins it when it comes close
to the threshold (merged paragraphs: the middle one shares fewest words).

Callers may also give the units' word overlap (``parallax.core.lexical``).
Pooled vectors of two paragraphs on one event score alike against every
paragraph on it; the names, places and figures two paragraphs share say which
is whose (on the labelled sets the right partner came first for 84% of article
paragraphs by cosine alone, 90% with the overlap). Among the partners admitted,
each unit takes the one it prefers by cosine plus the weighted overlap. The
threshold and the margins test the cosine, with two exceptions for pairs whose
words are many and rare: one a little under the default threshold (or a lower
one) is admitted, and one beyond the margin is kept.

Callers may also name *anchors*: pairs that correspond by their role whatever
their wording (the two documents' headlines). An anchor is linked when its
similarity comes within ``anchor_allowance`` of the threshold, and then its two
units are linked to each other only; not where the left unit scores
``ANCHOR_MARGIN`` better with another right unit (a title above the paragraph
that retells the headline).

May import: the standard library, numpy, ``parallax.core.result`` (the shared defaults).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from parallax.core.result import DEFAULT_MARGIN, DEFAULT_THRESHOLD

if TYPE_CHECKING:
    from numpy.typing import NDArray

MAX_GAP = 2  # units between two units of one link that may join it
# How much better than its anchor partner a unit of an anchor must score with another unit for the anchor to
# yield: a title that is no headline. (A rule that let it yield also to any partner scoring 0.8 moved ABCD's
# links to repeated sentences and lost recall there.)
ANCHOR_MARGIN = 0.35


@dataclass(frozen=True)
class AlignConfig:
    """``threshold``: lowest cosine similarity for a link.

    ``margin``: a link that is the best for only one of its two ends is kept
    when it comes within this much of the other end's best link (a report
    paragraph that merges two article paragraphs scores a little lower with
    each than a one-to-one paraphrase would).

    ``anchor_allowance``: how far below ``threshold`` an anchor pair may score and
    still be linked (two headlines on one event share few words: "Can Putin be
    trusted?" against "Talks end on a hopeful note" score about 0.6).

    ``gap_allowance``: how far below ``threshold`` a unit left out between two
    units of one link may score and still join that link.

    ``lexical_weight``: how much the word overlap, when given, counts beside the
    cosine when a unit chooses among the partners the cosine admits.

    ``lexical_admission`` and ``lexical_allowance``: a pair scoring up to
    ``lexical_allowance`` below ``threshold`` is admitted when its word overlap
    reaches ``lexical_admission`` (two paragraphs that alone share a place, a
    name and a figure tell of one thing, however differently worded), as long
    as ``threshold`` is at most ``lexical_ceiling``.

    ``lexical_confirmation``: a unit's preferred partner is kept, though the
    partner has a closer unit in meaning beyond the margin, when the two share
    this much (a report paragraph that retells two article paragraphs, sharing
    the names of each).

    ``split_allowance``: how far below ``threshold`` a report unit that nothing
    links to may score with its preferred partner and still join the link of
    the unit beside it, when the two share ``lexical_admission`` of their words
    (one paragraph split over two; see ``_adjacent_splits``).

    ``reference_allowance``: the same for a report unit that opens by pointing
    back ("Those talks could last ...", "It would ..."), joining the link of
    the unit right before it, whatever words the two share.
    """

    threshold: float = DEFAULT_THRESHOLD
    margin: float = DEFAULT_MARGIN
    anchor_allowance: float = 0.2
    # Wider, and a summary's edited sentence hides among article paragraphs it links with: at 0.1 the
    # SummEdits benchmark caught 8 points fewer edits (docs/quality.md).
    gap_allowance: float = 0.05
    # Measured on the nine labelled sets and ABCD (docs/quality.md): at 0.5 fewer right partners, at 1.0
    # three false divergences on dev4, at 2.0 and 3.0 a lower label accuracy on dev.
    lexical_weight: float = 1.5
    # On the labelled sets, of the pairs scoring 0.35 to 0.5, a fifth of the right ones and none of
    # the 11,769 others share this much; on ABCD news half of those admitted are right.
    lexical_admission: float = 0.25
    lexical_allowance: float = 0.1
    # Calibrated at the default threshold; one raised above it asks for fewer, closer links, and at 0.9
    # the seeds' paraphrases (0.80-0.89) all share that much.
    lexical_ceiling: float = DEFAULT_THRESHOLD
    # At 0.25 a summary's sentence on a guilty plea drew in the article's paragraph on the earlier
    # not-guilty plea (a false alarm on SummEdits); 0.3 and 0.35 link alike on the labelled sets.
    lexical_confirmation: float = 0.35
    # The ten labelled sets of session 13 link alike from 0.25 to 0.5 (dev2, dev6 and dev8 each gain a link, nothing
    # lost); at 0.2 dev6 keeps its miss. ABCD news and SummEdits do not move (docs/quality.md).
    split_allowance: float = 0.25
    # The labelled sets link alike from 0.1 to 0.3 (dev3 and dev8 gain a link each, nothing lost); ABCD
    # news, SummEdits and ClaimDiff do not move (docs/quality.md).
    reference_allowance: float = 0.15


@dataclass(frozen=True)
class AlignedGroup:
    """One link: indices on each side (ascending) and the best similarity inside it."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    similarity: float


@dataclass(frozen=True)
class Alignment:
    """Links plus the units on each side that nothing links to."""

    groups: tuple[AlignedGroup, ...]
    left_only: tuple[int, ...]
    right_only: tuple[int, ...]


def similarity_matrix(left: NDArray[np.float32], right: NDArray[np.float32]) -> NDArray[np.float32]:
    """Cosine similarities of unit vectors (rows of ``left`` against rows of ``right``)."""
    if left.size == 0 or right.size == 0:
        return np.zeros((len(left), len(right)), dtype=np.float32)
    return np.asarray(left @ right.T, dtype=np.float32)


def align(
    left: NDArray[np.float32],
    right: NDArray[np.float32],
    config: AlignConfig = AlignConfig(),
    anchors: Sequence[tuple[int, int]] = (),
    lexical: NDArray[np.float32] | None = None,
    refers_back: Sequence[bool] = (),
    runs_on: Sequence[bool] = (),
) -> Alignment:
    """Align the rows of ``left`` with the rows of ``right``; ``anchors`` are (left, right) pairs."""
    return align_matrix(similarity_matrix(left, right), config, anchors, lexical, refers_back, runs_on)


def word_candidates(scores: NDArray[np.float32], config: AlignConfig = AlignConfig()) -> NDArray[np.bool_]:
    """The pairs whose word overlap :func:`align_matrix` may read: those the cosine admits, or nearly
    (down to ``split_allowance`` under the threshold, for the second half of a split paragraph)."""
    floor = config.threshold
    if config.threshold <= config.lexical_ceiling:
        floor -= max(config.lexical_allowance, config.split_allowance)
    return np.asarray(scores >= floor)


def align_matrix(
    scores: NDArray[np.float32],
    config: AlignConfig = AlignConfig(),
    anchors: Sequence[tuple[int, int]] = (),
    lexical: NDArray[np.float32] | None = None,
    refers_back: Sequence[bool] = (),
    runs_on: Sequence[bool] = (),
) -> Alignment:
    """Align from a precomputed similarity matrix (rows: left side, columns: right side).

    ``refers_back`` marks the right-hand units that open by pointing back to the one before them
    ("Those talks ...", "It would ..."); ``runs_on`` those whose last sentence runs on into the next
    unit (a paragraph cut mid-sentence, as at a page break); absent or short, none do.
    """
    n_left, n_right = scores.shape
    if n_left == 0 or n_right == 0:
        return Alignment((), tuple(range(n_left)), tuple(range(n_right)))
    edges: set[tuple[int, int]] = set()
    # Which pairs may link is the cosine's call (the threshold), and so is the margin test; which admitted
    # partner each unit takes is the preference's: cosine plus the weighted word overlap, when given.
    preference = scores if lexical is None else scores + config.lexical_weight * lexical
    admit = scores >= config.threshold
    if lexical is not None and config.threshold <= config.lexical_ceiling:
        admit |= (scores >= config.threshold - config.lexical_allowance) & (lexical >= config.lexical_admission)
    admitted = np.where(admit, preference, -np.inf)
    row_best = scores.max(axis=1)
    col_best = scores.max(axis=0)
    row_arg = admitted.argmax(axis=1)
    col_arg = admitted.argmax(axis=0)
    # A pair whose words confirm it stays when the other end has a closer partner in meaning.
    confirmed = lexical >= config.lexical_confirmation if lexical is not None else np.zeros_like(admit)
    for i in range(n_left):
        j = int(row_arg[i])
        if np.isfinite(admitted[i, j]) and (scores[i, j] >= col_best[j] - config.margin or confirmed[i, j]):
            edges.add((i, j))
    for j in range(n_right):
        i = int(col_arg[j])
        if np.isfinite(admitted[i, j]) and (scores[i, j] >= row_best[i] - config.margin or confirmed[i, j]):
            edges.add((i, j))
    edges |= _gaps_between(edges, scores, config)
    edges |= _adjacent_splits(edges, scores, config, preference, lexical, refers_back, runs_on)
    anchored: list[AlignedGroup] = []
    for i, j in anchors:
        if not (0 <= i < n_left and 0 <= j < n_right):
            continue
        if scores[i, j] >= config.threshold - config.anchor_allowance and not _told_better_elsewhere(
            scores, i, j, config
        ):
            edges = {(a, b) for a, b in edges if a != i and b != j}
            anchored.append(_group([i], [j], scores))
    groups = _groups(edges, scores) + anchored
    linked_left = {i for g in groups for i in g.left}
    linked_right = {j for g in groups for j in g.right}
    return Alignment(
        groups=tuple(sorted(groups, key=lambda g: (g.left[0], g.right[0]))),
        left_only=tuple(i for i in range(n_left) if i not in linked_left),
        right_only=tuple(j for j in range(n_right) if j not in linked_right),
    )


def _told_better_elsewhere(scores: NDArray[np.float32], i: int, j: int, config: AlignConfig) -> bool:
    """Whether the left unit of an anchor scores far better with another right unit than with its anchor
    partner: a programme's title above the paragraph that retells the article's headline."""
    others = np.delete(scores[i], j)
    return others.size > 0 and float(others.max()) >= max(config.threshold, float(scores[i, j]) + ANCHOR_MARGIN)


def _gaps_between(
    edges: set[tuple[int, int]], scores: NDArray[np.float32], config: AlignConfig
) -> set[tuple[int, int]]:
    """Edges for units left out between two units of one link (a report paragraph merging article paragraphs
    20, 21 and 22 often scores too low with 21 alone): each joins the link when it is linked to nothing else,
    lies at most ``MAX_GAP`` units from both, and scores within ``gap_allowance`` of the threshold."""
    floor = config.threshold - config.gap_allowance
    added: set[tuple[int, int]] = set()
    for transpose in (False, True):
        # hub: the unit on one side; members: its partners on the other side, where gaps are looked for
        members: dict[int, list[int]] = {}
        for i, j in edges:
            hub, member = (i, j) if transpose else (j, i)
            members.setdefault(hub, []).append(member)
        linked = {member for partners in members.values() for member in partners}
        for hub, partners in members.items():
            for first, last in itertools.pairwise(sorted(partners)):
                if last - first > MAX_GAP + 1:
                    continue
                for unit in range(first + 1, last):
                    pair = (hub, unit) if transpose else (unit, hub)
                    if unit not in linked and scores[pair] >= floor:
                        added.add(pair)
    return added


def _adjacent_splits(
    edges: set[tuple[int, int]],
    scores: NDArray[np.float32],
    config: AlignConfig,
    preference: NDArray[np.float32],
    lexical: NDArray[np.float32] | None,
    refers_back: Sequence[bool] = (),
    runs_on: Sequence[bool] = (),
) -> set[tuple[int, int]]:
    """Edges for a unit that nothing links to, whose best partner is linked to the unit right beside it:
    one paragraph split over two ("The man who led the Russian side came out to face the press." /
    "He read the proposal and said it would go to Putin."), the half that scores lower falling outside
    the margin. Only a right-hand unit (a report's) is looked at: the same rule for the article's units
    linked report paragraphs to article paragraphs beside their own and drew false divergences on the
    development sets. The best partner is the preferred one (cosine plus the weighted overlap, when
    given), and the pair must reach the threshold, or come within ``split_allowance`` of it sharing
    ``lexical_admission`` of its words: the second half of a split paragraph that repeats the first's
    quote ("to 'increase mutual trust'") may score only 0.3 by cosine. A unit that opens by pointing
    back ("Those talks could last up to a decade and a half") joins the link of the unit right before
    it down to ``reference_allowance`` under the threshold, whatever words they share. A unit whose last
    sentence runs on into the next ("... to reorganise their units and move them into new positions," /
    "after which they would either ...") is that sentence's first half: it joins the link of the unit
    after it, whatever it scores alone."""
    floor = config.threshold
    worded = None
    if lexical is not None and config.threshold <= config.lexical_ceiling:
        worded = (scores >= config.threshold - config.split_allowance) & (lexical >= config.lexical_admission)
    partners: dict[int, set[int]] = {}
    for i, j in edges:
        partners.setdefault(i, set()).add(j)
    linked = {j for _, j in edges}
    added: set[tuple[int, int]] = set()
    for unit in range(scores.shape[1]):
        if unit in linked:
            continue
        if unit < len(runs_on) and runs_on[unit] and unit + 1 in linked:
            hubs = [i for i, partners_of_hub in partners.items() if unit + 1 in partners_of_hub]
            added.add((max(hubs, key=lambda i: float(preference[i, unit])), unit))
            continue
        hub = int(preference[:, unit].argmax())
        beside = partners.get(hub, set())
        close = scores[hub, unit] >= floor or (worded is not None and bool(worded[hub, unit]))
        # A unit that points back needs only the unit before it linked there, and less similarity.
        pointing_back = unit < len(refers_back) and refers_back[unit] and unit - 1 in beside
        if (close and (unit - 1 in beside or unit + 1 in beside)) or (
            pointing_back and scores[hub, unit] >= config.threshold - config.reference_allowance
        ):
            added.add((hub, unit))
    return added


def _groups(edges: set[tuple[int, int]], scores: NDArray[np.float32]) -> list[AlignedGroup]:
    """Connected components of the bipartite edge set; many-to-many ones split into stars."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(node: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for i, j in edges:
        parent[find(("L", i))] = find(("R", j))
    components: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for i, j in edges:
        components.setdefault(find(("L", i)), []).append((i, j))
    groups: list[AlignedGroup] = []
    for component in components.values():
        lefts = sorted({i for i, _ in component})
        rights = sorted({j for _, j in component})
        if len(lefts) == 1 or len(rights) == 1:
            groups.append(_group(lefts, rights, scores))
        else:
            groups.extend(_split_stars(component, scores))
    return groups


def _split_stars(component: list[tuple[int, int]], scores: NDArray[np.float32]) -> list[AlignedGroup]:
    """Break a chain such as L1-R1-L2-R2 into stars around the strongest edges.

    Edges are taken strongest first; an edge joins an existing star when one
    end is that star's single hub and the other end is still free.
    """
    stars: list[tuple[list[int], list[int]]] = []
    owner_left: dict[int, int] = {}
    owner_right: dict[int, int] = {}
    for i, j in sorted(component, key=lambda e: -float(scores[e])):
        if i in owner_left and j in owner_right:
            continue
        if i in owner_left:
            lefts, rights = stars[owner_left[i]]
            if len(lefts) == 1:
                rights.append(j)
                owner_right[j] = owner_left[i]
            continue
        if j in owner_right:
            lefts, rights = stars[owner_right[j]]
            if len(rights) == 1:
                lefts.append(i)
                owner_left[i] = owner_right[j]
            continue
        owner_left[i] = owner_right[j] = len(stars)
        stars.append(([i], [j]))
    return [_group(sorted(lefts), sorted(rights), scores) for lefts, rights in stars]


def _group(lefts: list[int], rights: list[int], scores: NDArray[np.float32]) -> AlignedGroup:
    best = float(scores[np.ix_(lefts, rights)].max())
    return AlignedGroup(tuple(lefts), tuple(rights), round(best, 4))
