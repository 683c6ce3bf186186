"""The whole comparison: embed, align, diff and check claims for an article and its reports.

Entry points: :func:`prepare` (embeddings, the slow part, done once) and
:func:`compare_prepared` (alignment, word diff, claims and coverage from those
vectors, fast enough to rerun whenever the threshold or granularity moves);
:func:`compare` does both. Results are frozen dataclasses that
:mod:`parallax.core.export` turns into schema 1.

May import: the standard library, numpy, other ``parallax.core`` modules.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from parallax.core.align import AlignConfig, Alignment, align_matrix, similarity_matrix, word_candidates
from parallax.core.claims import ClaimCheck, ClaimContext, compare_claims
from parallax.core.documents import Document
from parallax.core.embed import Embedder, EmbeddingCache, embed
from parallax.core.lexical import lexical_similarity, unit_words
from parallax.core.result import (  # the result types, re-exported: callers import them from here too
    AGREE as AGREE,
    DEFAULT_SENTENCE_THRESHOLD as DEFAULT_SENTENCE_THRESHOLD,
    DIVERGE as DIVERGE,
    ClaimConfig as ClaimConfig,
    CompareConfig as CompareConfig,
    ComparisonResult as ComparisonResult,
    Conflict as Conflict,
    Coverage as Coverage,
    Link as Link,
    ReportComparison as ReportComparison,
    coverage as coverage,
)
from parallax.core.spelling import for_embedding
from parallax.core.tokens import WORD
from parallax.core.worddiff import word_diff

if TYPE_CHECKING:
    from numpy.typing import NDArray


@dataclass(frozen=True)
class Prepared:
    """Documents with the unit vectors of their content paragraphs and sentences."""

    model: str
    documents: tuple[Document, ...]
    paragraph_vectors: tuple[NDArray[np.float32], ...]
    sentence_vectors: tuple[NDArray[np.float32], ...]
    cached: int = 0
    computed: int = 0


ProgressCallback = Callable[[int, int, str], None]


def _content_sentences(document: Document) -> list[int]:
    return [i for i, s in enumerate(document.sentences) if not document.paragraphs[s.paragraph].boilerplate]


# A question standing alone as a subhead: at most this many words (a longer turn says things of its own).
_QUESTION_WORDS = 15


def _paragraphs_as_read(document: Document) -> list[str]:
    """The content paragraphs' texts as the model reads them: a question is read with its answer.

    A question on its own ("Is Russia really pulling its troops back from around Kyiv?") is
    close to many article paragraphs and closest to none in particular; what it is about is
    the answer that follows. Read together, the question links where its answer does. The
    headline (the first content paragraph) is read alone: it is linked by its own rule.
    """
    content = document.content_paragraphs()
    texts = [document.paragraphs[i].text for i in content]
    for position, (index, text) in enumerate(zip(content, texts, strict=True)):
        following = position + 1
        if (
            position > 0
            and following < len(content)
            and content[following] == index + 1
            and text.rstrip().endswith("?")
            and len(text.split()) <= _QUESTION_WORDS
            and not texts[following].rstrip().endswith("?")
        ):
            texts[position] = f"{text}\n{texts[following]}"
    return texts


def prepare(
    documents: Sequence[Document],
    embedder: Embedder,
    cache: EmbeddingCache | None = None,
    progress: ProgressCallback | None = None,
) -> Prepared:
    """Embed every content paragraph and sentence of ``documents`` (article first) in one pass."""
    texts: list[str] = []
    slices: list[tuple[int, int, int]] = []
    for document in documents:
        paragraph_texts = _paragraphs_as_read(document)
        sentence_texts = [document.sentences[i].text for i in _content_sentences(document)]
        slices.append((len(texts), len(paragraph_texts), len(sentence_texts)))
        texts += paragraph_texts + sentence_texts
    if progress:
        progress(0, len(documents), "embedding")
    result = embed([for_embedding(t) for t in texts], embedder, cache)
    dim = result.vectors.shape[1] if result.vectors.size else 0
    paragraph_vectors, sentence_vectors = [], []
    for start, n_paragraphs, n_sentences in slices:
        paragraph_vectors.append(_rows(result.vectors, start, n_paragraphs, dim))
        sentence_vectors.append(_rows(result.vectors, start + n_paragraphs, n_sentences, dim))
    if progress:
        progress(len(documents), len(documents), "embedded")
    return Prepared(
        embedder.name,
        tuple(documents),
        tuple(paragraph_vectors),
        tuple(sentence_vectors),
        result.cached,
        result.computed,
    )


def reordered(prepared: Prepared, order: Sequence[int]) -> Prepared:
    """The same embeddings for the documents in a new order (or a subset): no re-embedding."""
    return replace(
        prepared,
        documents=tuple(prepared.documents[i] for i in order),
        paragraph_vectors=tuple(prepared.paragraph_vectors[i] for i in order),
        sentence_vectors=tuple(prepared.sentence_vectors[i] for i in order),
    )


def _rows(matrix: NDArray[np.float32], start: int, count: int, dim: int) -> NDArray[np.float32]:
    if count == 0:
        return np.zeros((0, dim), dtype=np.float32)
    return matrix[start : start + count]


def compare_prepared(
    prepared: Prepared,
    config: CompareConfig = CompareConfig(),
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    on_report: Callable[[ReportComparison], None] | None = None,
) -> ComparisonResult:
    """Align the article (document 0) with each report and label every link.

    ``on_report`` gets each report's comparison as soon as it is done (the app streams
    them into the window while the rest are still being compared).
    """
    documents = prepared.documents
    article = documents[0]
    comparisons = []
    for index in range(1, len(documents)):
        if cancelled is not None and cancelled():
            break
        comparisons.append(_compare_one(prepared, index, config))
        if on_report:
            on_report(comparisons[-1])
        if progress:
            progress(index, len(documents) - 1, documents[index].title)
    return ComparisonResult(
        model=prepared.model,
        documents=documents,
        comparisons=tuple(comparisons),
        coverage=coverage(article, comparisons),
        config=config,
    )


def _opens_with_headline(document: Document) -> bool:
    """Whether the first paragraph is the document's headline: its title, content, short and not a sentence."""
    if not document.paragraphs or document.paragraphs[0].boilerplate:
        return False
    text = document.paragraphs[0].text.strip()
    return text == document.title.strip() and len(text.split()) <= 30 and not text.endswith(".")


def _year_written(*documents: Document) -> int | None:
    """The year the documents were written in: a publication date's, else a full date's in their text
    ("30 March 2022"); None when neither says, or they disagree."""
    years = {int(d.date[:4]) for d in documents if d.date[:4].isdigit()}
    if not years:
        for document in documents:
            years |= _full_date_years(document.text)
    return years.pop() if len(years) == 1 else None


@lru_cache(maxsize=64)
def _full_date_years(text: str) -> frozenset[int]:
    # The article's text is read for every report.
    return frozenset(int(m.group(1) or m.group(2)) for m in _FULL_DATE.finditer(text))


_FULL_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December),?\s+((?:19|20)\d\d)\b|\b(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+\d{1,2}(?:st|nd|rd|th)?,\s+((?:19|20)\d\d)\b"
)


def _prose(document: Document) -> str:
    """``document``'s paragraphs that are no boilerplate, a blank line apart."""
    return "\n\n".join(document.paragraphs[i].text for i in document.content_paragraphs())


def _compare_one(prepared: Prepared, index: int, config: CompareConfig) -> ReportComparison:
    article, report = prepared.documents[0], prepared.documents[index]
    a_units = article.content_paragraphs()
    r_units = report.content_paragraphs()
    # The headlines correspond by their role, however differently they are worded.
    anchors = [(0, 0)] if _opens_with_headline(article) and _opens_with_headline(report) else []
    a_texts = [article.paragraphs[i].text for i in a_units]
    r_texts = [report.paragraphs[j].text for j in r_units]
    align = functools.partial(
        _aligned,
        prepared.paragraph_vectors[0],
        prepared.paragraph_vectors[index],
        a_texts,
        r_texts,
        AlignConfig(config.threshold, config.margin),
        anchors,
    )
    alignment = align()
    rescued = _rescued_by_a_sentence(prepared, index, alignment.right_only, a_texts)
    for pair, score in _rescued_by_a_quotation(prepared, index, alignment.right_only, a_texts, config.threshold):
        rescued[pair] = max(rescued.get(pair, score), score)
    if rescued:
        # Once more, with the pairs a sentence or a quotation tells.
        alignment = align(_rescue_scores(rescued, (len(a_texts), len(r_units))))
    context = ClaimContext(
        article.text,
        report.text,
        tuple(s.text for s in article.sentences),
        tuple(s.text for s in report.sentences),
        _year_written(article, report),
        _prose(article),
        _prose(report),
    )
    links = []
    for group in alignment.groups:
        a_idx = tuple(a_units[i] for i in group.left)
        r_idx = tuple(r_units[j] for j in group.right)
        a_text = _joined(article, a_idx, paragraphs=True)
        r_text = _joined(report, r_idx, paragraphs=True)
        links.append(_link(a_idx, r_idx, group.similarity, a_text, r_text, config, context))
    sentence_links: list[Link] = []
    if config.sentences:
        a_sent = _content_sentences(article)
        r_sent = _content_sentences(report)
        s_alignment = _aligned(
            prepared.sentence_vectors[0],
            prepared.sentence_vectors[index],
            [article.sentences[i].text for i in a_sent],
            [report.sentences[j].text for j in r_sent],
            AlignConfig(config.sentence_threshold, config.margin),
        )
        for group in s_alignment.groups:
            a_idx = tuple(a_sent[i] for i in group.left)
            r_idx = tuple(r_sent[j] for j in group.right)
            a_text = _joined(article, a_idx, paragraphs=False)
            r_text = _joined(report, r_idx, paragraphs=False)
            sentence_links.append(_link(a_idx, r_idx, group.similarity, a_text, r_text, config, context))
    return ReportComparison(
        report=index,
        links=tuple(links),
        sentence_links=tuple(sentence_links),
        article_only=tuple(a_units[i] for i in alignment.left_only),
        report_only=tuple(r_units[j] for j in alignment.right_only),
    )


def _aligned(
    a_vectors: NDArray[np.float32],
    r_vectors: NDArray[np.float32],
    a_texts: Sequence[str],
    r_texts: Sequence[str],
    config: AlignConfig,
    anchors: Sequence[tuple[int, int]] = (),
    rescued: NDArray[np.float32] | None = None,
) -> Alignment:
    """Align by the vectors' cosine, with the words the units share (``parallax.core.lexical``); ``rescued``
    raises the scores of pairs one sentence or a quotation tells (see :func:`_rescued_by_a_sentence`)."""
    scores = similarity_matrix(a_vectors, r_vectors)
    if rescued is not None:
        scores = np.maximum(scores, rescued)
    words = lexical_similarity(
        [unit_words(t) for t in a_texts], [unit_words(t) for t in r_texts], word_candidates(scores, config)
    )
    refers_back = [_REFERS_BACK.match(t) is not None for t in r_texts]
    return align_matrix(scores, config, anchors, words, refers_back, units_running_on(r_texts))


# A report paragraph of several sentences that links nowhere may still retell an article paragraph in one
# of them: a recipe's step that goes on with what the radio said, an auction lot's note. Its sentence must be
# this close to the article paragraph in meaning and share this much of its rarer words.
_RESCUE_COSINE = 0.6
_RESCUE_WORDS = 0.3


def _rescue_scores(rescued: dict[tuple[int, int], float], shape: tuple[int, int]) -> NDArray[np.float32]:
    """The rescued pairs' scores as a matrix for :func:`_aligned` (-1, below any cosine, elsewhere)."""
    scores = np.full(shape, -1.0, dtype=np.float32)
    for pair, score in rescued.items():
        scores[pair] = score
    return scores


def _rescued_by_a_sentence(
    prepared: Prepared, index: int, unlinked: Sequence[int], a_texts: Sequence[str]
) -> dict[tuple[int, int], float]:
    """Scores for the unlinked report paragraphs (positions among the content paragraphs) of several
    sentences whose one sentence retells an article paragraph, by (article, report) position: that
    sentence's cosine at its closest article paragraph, where the two share their words too."""
    report = prepared.documents[index]
    r_units = report.content_paragraphs()
    unlinked_paragraphs = {r_units[j]: j for j in unlinked}
    r_sentences = _content_sentences(report)
    paragraph_of = [report.sentences[k].paragraph for k in r_sentences]
    counts = Counter(paragraph_of)
    several = {p for p in unlinked_paragraphs if counts[p] >= 2}
    rescued: dict[tuple[int, int], float] = {}
    if not several:
        return rescued
    cosines = prepared.paragraph_vectors[0] @ prepared.sentence_vectors[index].T
    a_words: list[frozenset[str]] | None = None
    for position, sentence in enumerate(r_sentences):
        if paragraph_of[position] not in several:
            continue
        closest = int(cosines[:, position].argmax())
        cosine = float(cosines[closest, position])
        if cosine < _RESCUE_COSINE:
            continue
        a_words = a_words or [unit_words(t) for t in a_texts]
        shared = lexical_similarity(a_words, [unit_words(report.sentences[sentence].text)])[closest, 0]
        if shared < _RESCUE_WORDS:
            continue
        pair = (closest, unlinked_paragraphs[paragraph_of[position]])
        rescued[pair] = max(rescued.get(pair, cosine), cosine)
    return rescued


# A quotation of at least this many words, found word for word in one article paragraph, tells that the
# report paragraph retells it: "'They are having some success,' Lee said of the Ukrainians, and so is White."
_QUOTED_WORDS = 4
_QUOTATION = re.compile(r"“([^”]{8,}?)”|\"([^\"\n]{8,}?)\"")


def _plain_words(text: str) -> str:
    """``text``'s words in lower case, one space apart and one at each end, so that a search finds whole words."""
    return " " + " ".join(w.lower().replace("’", "'") for w in WORD.findall(text)) + " "


def _rescued_by_a_quotation(
    prepared: Prepared, index: int, unlinked: Sequence[int], a_texts: Sequence[str], threshold: float
) -> Iterator[tuple[tuple[int, int], float]]:
    """Scores for the unlinked report paragraphs (positions among the content paragraphs) that quote
    words found in one article paragraph alone, by (article, report) position: the paragraphs' cosine,
    raised to ``threshold``. A quotation found in several article paragraphs tells no one of them."""
    report = prepared.documents[index]
    r_units = report.content_paragraphs()
    a_plain: list[str] | None = None
    for column in unlinked:
        for m in _QUOTATION.finditer(report.paragraphs[r_units[column]].text):
            quoted = _plain_words(m.group(1) or m.group(2))
            if quoted.count(" ") - 1 < _QUOTED_WORDS:
                continue
            a_plain = a_plain or [_plain_words(t) for t in a_texts]
            rows = [row for row, text in enumerate(a_plain) if quoted in text]
            if len(rows) != 1:
                continue
            cosine = float(prepared.paragraph_vectors[0][rows[0]] @ prepared.paragraph_vectors[index][column])
            yield (rows[0], column), max(cosine, threshold)


def units_running_on(texts: Sequence[str]) -> list[bool]:
    """For each text, whether its last sentence runs on into the next text: a paragraph cut mid-sentence."""
    # Only the last characters are searched: the pattern ends the text.
    return [
        _GOES_ON.match(n) is not None and _RUNS_ON.search(t[-16:]) is not None for t, n in itertools.pairwise(texts)
    ]


# A unit that opens by pointing back at the one before it: "Those talks could last ...", "It would ...",
# after its number where a cable or a statement numbers its paragraphs ("12. That plan, on their account").
_REFERS_BACK = re.compile(r"\s*(?:\d{1,3}[.)]\s+)?(?:This|That|These|Those|It|They|Such)\b")
# A unit cut mid-sentence: it ends on a comma, a semicolon or a word no sentence ends on, and the next goes
# on in lower case. (Not any last word: a list's items go without full stops.)
_RUNS_ON = re.compile(
    r"(?:[,;]|\b(?:and|or|but|of|to|the|a|an|with|which|that|in|on|for|by|from|as|at|who|whose|where|when|while))\s*$"
)
_GOES_ON = re.compile(r"\s*[a-z]")


@dataclass(frozen=True)
class _Joined:
    """Several units' texts joined by blank lines, with a map back to document offsets."""

    text: str
    pieces: tuple[tuple[int, int], ...]  # (offset in joined text, offset in document) per unit

    def to_document(self, span: tuple[int, int]) -> tuple[int, int]:
        def one(position: int) -> int:
            base_joined, base_doc = self.pieces[0]
            for joined_start, doc_start in self.pieces:
                if joined_start <= position:
                    base_joined, base_doc = joined_start, doc_start
            return base_doc + position - base_joined

        return one(span[0]), one(span[1])


def _joined(document: Document, indices: tuple[int, ...], *, paragraphs: bool) -> _Joined:
    units = [document.paragraphs[i] if paragraphs else document.sentences[i] for i in indices]
    parts, pieces, position = [], [], 0
    for unit in units:
        pieces.append((position, unit.start))
        parts.append(unit.text)
        position += len(unit.text) + 2
    return _Joined("\n\n".join(parts), tuple(pieces))


def _link(
    a_idx: tuple[int, ...],
    r_idx: tuple[int, ...],
    similarity: float,
    a: _Joined,
    r: _Joined,
    config: CompareConfig,
    context: ClaimContext,
) -> Link:
    check: ClaimCheck = compare_claims(a.text, r.text, config.claims, context)
    conflicts = tuple(
        Conflict(c.kind, c.article, c.report, a.to_document(c.article_span), r.to_document(c.report_span), c.reason)
        for c in check.conflicts
    )
    return Link(a_idx, r_idx, similarity, check.label, conflicts, word_diff(a.text, r.text, config.diff))


def compare(
    documents: Sequence[Document],
    embedder: Embedder,
    cache: EmbeddingCache | None = None,
    config: CompareConfig = CompareConfig(),
    progress: ProgressCallback | None = None,
) -> ComparisonResult:
    """Embed and compare in one call: ``documents[0]`` is the article, the rest are reports."""
    return compare_prepared(prepare(documents, embedder, cache, progress), config, progress)
