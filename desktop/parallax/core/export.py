"""Turn a comparison into schema 1 (the JSON contract of ``parallax compare --json``) and text.

Entry points: :func:`to_schema` (a plain dict, ready for ``json.dumps``) and
:func:`summary_text` (the readable terminal summary). The schema is
documented in ``docs/schema.md``; fields may be added, never renamed.

May import: the standard library, other ``parallax.core`` modules.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from parallax.core.documents import Document
from parallax.core.judgements import EMPTY, Judgement, Resolved, resolve, to_dict as judgement_to_dict
from parallax.core.result import DIVERGE, ComparisonResult, Link

SCHEMA_VERSION = 1


def _document(document: Document) -> dict[str, Any]:
    return {
        "path": document.path,
        "title": document.title,
        "source": document.source,
        "metadata": dict(document.metadata),
        "outlet": document.outlet,
        "author": document.author,
        "date": document.date,
        "url": document.url,
        "text": document.text,
        "paragraphs": [
            {"text": p.text, "start": p.start, "end": p.end, "boilerplate": p.boilerplate} for p in document.paragraphs
        ],
        "sentences": [
            {"text": s.text, "start": s.start, "end": s.end, "paragraph": s.paragraph} for s in document.sentences
        ],
    }


def _judgement(judgement: Judgement | None) -> dict[str, str] | None:
    return None if judgement is None else {"verdict": judgement.verdict, "note": judgement.note}


def _link(link: Link, judgement: Judgement | None = None) -> dict[str, Any]:
    return {
        "article": list(link.article),
        "report": list(link.report),
        "similarity": round(float(link.similarity), 4),
        "label": link.label,
        "conflicts": [
            {
                "kind": c.kind,
                "article": c.article,
                "report": c.report,
                "article_span": list(c.article_span),
                "report_span": list(c.report_span),
                "reason": c.reason,
            }
            for c in link.conflicts
        ],
        "diff": [[op.op, op.text] for op in link.diff],
        "judgement": _judgement(judgement),
    }


def to_schema(result: ComparisonResult, judgements: Iterable[Judgement] = ()) -> dict[str, Any]:
    """The comparison as schema 1, with the user's judgements on the links they are about."""
    judgements = tuple(judgements)
    resolved = resolve(judgements, result) if judgements else EMPTY
    return {
        "schema": SCHEMA_VERSION,
        "model": result.model,
        "threshold": result.config.threshold,
        "documents": [_document(d) for d in result.documents],
        "comparisons": [
            {
                "report": c.report,
                "links": [_link(link, resolved.get(c.report, i)) for i, link in enumerate(c.links)],
                "sentence_links": [
                    _link(link, resolved.get(c.report, i, sentences=True)) for i, link in enumerate(c.sentence_links)
                ],
                "article_only": list(c.article_only),
                "report_only": list(c.report_only),
            }
            for c in result.comparisons
        ],
        "coverage": [
            {"paragraph": row.paragraph, "agree": row.agree, "diverge": row.diverge, "absent": row.absent}
            for row in result.coverage
        ],
        "judgements": _judgements(judgements, resolved),
    }


def _judgements(judgements: tuple[Judgement, ...], resolved: Resolved) -> list[dict[str, Any]]:
    out = []
    for judgement in judgements:
        placement = resolved.placement_of(judgement)
        entry = judgement_to_dict(judgement)
        entry["placement"] = (
            None
            if placement is None
            else {"report": placement.report, "granularity": placement.granularity, "link": placement.link}
        )
        out.append(entry)
    return out


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def summary_text(result: ComparisonResult) -> str:
    """A readable summary: per report, counts and each divergence with its reason."""
    article = result.documents[0]
    lines = [f"Article: {article.title} ({len(article.content_paragraphs())} paragraphs)", ""]
    for comparison in result.comparisons:
        report = result.documents[comparison.report]
        counts = comparison.counts()
        lines.append(f"Report {comparison.report}: {report.title}")
        lines.append(
            f"  {counts['agree']} agree, {counts['diverge']} diverge, "
            f"{counts['report_only']} only in report, {counts['article_only']} only in article"
        )
        for link in comparison.links:
            if link.label != DIVERGE:
                continue
            where = ",".join(str(i) for i in link.article) + " ↔ " + ",".join(str(j) for j in link.report)
            lines.append(f"  diverge ¶{where} (similarity {link.similarity:.2f})")
            for conflict in link.conflicts:
                lines.append(f"    {conflict.kind}: {_short(conflict.article, 40)} vs {_short(conflict.report, 40)}")
        lines.append("")
    contested = [row for row in result.coverage if row.diverge]
    if contested:
        lines.append("Most contested article paragraphs:")
        for row in sorted(contested, key=lambda r: (-r.diverge, r.paragraph))[:5]:
            text = article.paragraphs[row.paragraph].text
            lines.append(f"  ¶{row.paragraph}: {row.diverge} diverge, {row.agree} agree — {_short(text, 60)}")
    return "\n".join(lines).rstrip() + "\n"
