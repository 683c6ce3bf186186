"""One record of ``parallax batch``: check it, build its documents, compare them, return schema 1.

Entry points: :func:`record_documents` (a record's article and reports as
documents) and :func:`compare_record` (the whole per-record step). A record is a
JSON object ``{"id", "article": text, "reports": [text, ...]}``. The command line
(``parallax batch``) and the quality benchmark (``tests/bench/quality.py``) both
call :func:`compare_record`, so the figures the benchmark prints are the ones a
batch user gets. A bad record raises ``ValueError`` (or ``IngestError`` for text
with nothing readable in it), with a message fit for one line on stderr.

May import: the standard library, other ``parallax.core`` modules; never Qt.
"""

from __future__ import annotations

from typing import Any

from parallax.core.compare import CompareConfig, compare
from parallax.core.documents import Document
from parallax.core.embed import Embedder, EmbeddingCache
from parallax.core.export import to_schema
from parallax.core.ingest import document_from_text


def record_documents(record: object) -> list[Document]:
    """The article (path "article") and reports (paths "report 1", ...) of one batch record."""
    if not isinstance(record, dict):
        raise ValueError("each line must be a JSON object")
    article = record.get("article")
    reports = record.get("reports")
    if not isinstance(article, str) or not isinstance(reports, list) or not all(isinstance(r, str) for r in reports):
        raise ValueError('needs "article" (text) and "reports" (a list of texts)')
    documents = [document_from_text(article, title=None, path="article")]
    documents += [document_from_text(text, path=f"report {i + 1}") for i, text in enumerate(reports)]
    return documents


def compare_record(
    record: object,
    embedder: Embedder,
    cache: EmbeddingCache | None = None,
    config: CompareConfig | None = None,
) -> dict[str, Any]:
    """Compare one batch record's article with its reports; the result as schema 1 (a plain dict)."""
    return to_schema(compare(record_documents(record), embedder, cache, config or CompareConfig()))
