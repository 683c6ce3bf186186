"""Every link and conflict of a comparison as one CSV table, for a spreadsheet.

Entry point: :func:`report_csv` (a string; write it with a UTF-8 byte-order
mark, :data:`CSV_ENCODING`, so spreadsheet programs read the accents and
quotes right). One row per conflict; a link without conflicts gets one row with
the conflict columns empty; each paragraph only in the article or only in the
report gets a row of its own. So a filter on ``row`` or ``label`` gives the
links, the divergences or the gaps. The columns (:data:`COLUMNS`) are
documented in ``docs/schema.md``.

A text cell that a spreadsheet would run as a formula (it starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) gets a leading apostrophe, so
a hostile web page cannot plant a formula in the user's sheet.

May import: the standard library and other ``parallax.core`` modules.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from parallax.core.judgements import VERDICT_WORDS, Judgement, resolve
from parallax.core.reporting import ONLY_ARTICLE, ONLY_REPORT, join_names, link_rows, only_units, unit_names
from parallax.core.result import ComparisonResult

CSV_ENCODING = "utf-8-sig"
COLUMNS = (
    "report",  # 1-based position of the report
    "report_title",
    "report_source",
    "granularity",  # paragraphs or sentences
    "row",  # link, only in article, only in report
    "link",  # L1, L2... as in the HTML report, in article order
    "label",  # agree, diverge or wrong (after your verdict); empty for only-in rows
    "engine_label",  # agree or diverge, as Parallax found it
    "similarity",
    "article_units",  # ¶3 or ¶3.2 (paragraph 3, sentence 2), 1-based
    "article_text",
    "report_units",
    "report_text",
    "conflict_kind",  # number, date, place, person, organisation, negation, direction, attribution, detail
    "conflict_article",  # the words on the article's side
    "conflict_report",
    "conflict_reason",  # the conflict in plain words
    "judgement",  # wrong link, divergence confirmed, not a divergence
    "note",
)
# A judgement on no row of the table (a link of the other granularity, or none at these settings) gets a row
# of its own, so no export drops one: its ``row`` says where it is.
OTHER_GRANULARITY, NOT_LINKED = "judgement on a link between {}", "judgement not linked at these settings"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_VERDICT_TEXT = {key: words.split(" ", 1)[1] for key, words in VERDICT_WORDS.items()}


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def report_csv(result: ComparisonResult, judgements: Iterable[Judgement] = (), *, sentences: bool = False) -> str:
    """The table (header row first) as CSV text with ``\\r\\n`` line ends."""
    resolved = resolve(tuple(judgements), result)
    article = result.documents[0]
    article_items = article.sentences if sentences else article.paragraphs
    article_names = unit_names(article, sentences)
    granularity = "sentences" if sentences else "paragraphs"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for position, comparison in enumerate(result.comparisons, start=1):
        report = result.documents[comparison.report]
        items = report.sentences if sentences else report.paragraphs
        names = unit_names(report, sentences)
        head = [position, report.title, report.source or report.path, granularity]

        def texts(indices: Iterable[int], units: tuple[object, ...]) -> str:
            return "\n\n".join(getattr(units[i], "text", "") for i in sorted(indices))

        for row in link_rows(comparison, resolved, sentences):
            link = row.link
            common = [
                "link",
                row.name,
                row.label,
                link.label,
                float(link.similarity),
                join_names(article_names, link.article),
                texts(link.article, article_items),
                join_names(names, link.report),
                texts(link.report, items),
            ]
            verdict = _VERDICT_TEXT.get(row.judgement.verdict, "") if row.judgement else ""
            note = row.judgement.note if row.judgement else ""
            conflicts = [(c.kind, c.article, c.report, c.reason) for c in link.conflicts] or [("", "", "", "")]
            for conflict in conflicts:
                writer.writerow([_cell(v) for v in (*head, *common, *conflict, verdict, note)])
        for side, kind in (("article", ONLY_ARTICLE), ("report", ONLY_REPORT)):
            document = article if side == "article" else report
            for unit in only_units(document, comparison, side, sentences):
                text = (document.sentences if sentences else document.paragraphs)[unit].text
                where = article_names[unit] if side == "article" else names[unit]
                cells = [where, text, "", ""] if side == "article" else ["", "", where, text]
                writer.writerow([_cell(v) for v in (*head, kind, "", "", "", "", *cells, "", "", "", "", "", "")])
    elsewhere = [(p.report, OTHER_GRANULARITY.format(p.granularity), j) for p, j in resolved.by_link.items()]
    elsewhere = [item for item in elsewhere if not item[1].endswith(granularity)]
    elsewhere += [(0, NOT_LINKED, j) for j in resolved.unplaced]
    positions = {c.report: n for n, c in enumerate(result.comparisons, start=1)}
    for report_index, kind, judgement in elsewhere:
        judged = result.documents[report_index] if report_index else None
        where_judged = [
            positions.get(report_index, ""),
            judged.title if judged else "",
            (judged.source or judged.path) if judged else "",
            judgement.key.granularity,
        ]
        cells = ["", judgement.article_excerpt, "", judgement.report_excerpt]
        verdict = _VERDICT_TEXT.get(judgement.verdict, "")
        writer.writerow(
            [_cell(v) for v in (*where_judged, kind, "", "", "", "", *cells, "", "", "", "", verdict, judgement.note)]
        )
    return buffer.getvalue()
