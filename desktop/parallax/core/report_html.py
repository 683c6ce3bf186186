"""The comparison as one standalone HTML page: the report a user hands to an editor.

Entry point: :func:`report_html` (a :class:`ComparisonResult` and the user's
judgements in, a string out; no I/O). The page holds, in this order: a legend,
a summary per report, the coverage grid (article paragraphs against reports:
agree, diverge or absent, with corroboration counts), every conflict in plain
words with its kind, and for each report the article and the report side by
side with their highlights, link numbers (``L3`` on both sides, each a link to
the other side) and the user's judgements and notes.

The file is self-contained: inline CSS, no scripts, fonts, images or links
outside the page; every text from a document is HTML-escaped. The side-by-side
view is a table whose rows follow the longest run of links that go down both
documents together, so each text keeps its own order and linked paragraphs
start level where they can. The same markup prints to PDF through Qt's rich
text engine (:mod:`parallax.ui.pdf`), which reads a subset of this CSS; every
label also has a symbol and a word, so neither colour nor CSS is needed to read
it.

May import: the standard library and other ``parallax.core`` modules.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape

from parallax.core.documents import Document
from parallax.core.judgements import NOTE_MARK, VERDICT_WORDS, Judgement, Resolved, judged_coverage, resolve
from parallax.core.reporting import (
    GLYPHS,
    LABEL_WORDS,
    WRONG,
    LinkRow,
    join_names,
    link_rows,
    only_units,
    unit_names,
)
from parallax.core.result import AGREE, DIVERGE, ComparisonResult, ReportComparison

STYLE = """
body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; font-size: 10pt; color: #1a1a1a;
       background: #ffffff; margin: 1.5em auto; max-width: 1500px; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 18pt; margin: 0 0 .2em 0; }
h2 { font-size: 14pt; margin: 1.4em 0 .4em 0; border-bottom: 1px solid #bbbbbb; }
h3 { font-size: 11pt; margin: .8em 0 .2em 0; }
p { margin: .35em 0; }
.meta { color: #444444; }
table { border-collapse: collapse; }
th, td { border: 1px solid #c8c8c8; padding: 3px 6px; vertical-align: top; text-align: left; }
th { background-color: #f0f0f0; }
table.side { width: 100%; table-layout: fixed; }
table.side td { width: 50%; padding: 2px 8px; }
td.num { text-align: right; }
.legend { border: 1px solid #c8c8c8; padding: 4px 8px; background-color: #fafafa; }
.legend span.item { display: inline-block; margin: 2px 12px 2px 0; }
.agree { background-color: #d4e7f4; }
.diverge { background-color: #f9d0b4; }
p.diverge { border-left: 4px solid #d55e00; padding-left: 4px; }
p.agree { border-left: 4px solid #0072b2; padding-left: 4px; }
.wrong { background-color: #ffffff; }
p.wrong { border-left: 4px dotted #767676; padding-left: 4px; }
.only { background-color: #e9e9e9; }
p.only { border: 1px dashed #8a8a8a; padding: 1px 4px; }
.boilerplate { color: #6b6b6b; font-style: italic; }
.absent { background-color: #ffffff; }
u.conflict { font-weight: bold; text-decoration: underline; text-decoration-thickness: 2px;
             text-underline-offset: 2px; background-color: #f3c96b; }
.badge { font-size: 8pt; font-weight: bold; white-space: nowrap; border: 1px solid #999999;
         border-radius: 3px; padding: 0 3px; text-decoration: none; color: #1a1a1a; background-color: #ffffff; }
a.badge { color: #1a1a1a; }
.b-agree { color: #00507d; border-color: #0072b2; }
.b-diverge { color: #a3420a; border-color: #d55e00; }
.b-wrong, .b-only, .b-boilerplate { color: #555555; }
.b-judged { color: #1a1a1a; border-style: double; border-width: 3px; }
.note { display: block; font-size: 9pt; color: #333333; background-color: #fff8d6; border-left: 3px solid #b58900;
        padding: 1px 4px; margin: 2px 0; font-style: normal; }
.small { font-size: 8.5pt; color: #444444; }
td.cell-agree { background-color: #d4e7f4; }
td.cell-diverge { background-color: #f9d0b4; }
td.cell-absent { color: #555555; }
td.cell-agree a, td.cell-diverge a, td.cell-absent a { color: inherit; text-decoration: none; }
@media print {
  body { max-width: none; margin: 0; font-size: 9pt; }
  a { color: inherit; text-decoration: none; }
  tr, p { page-break-inside: avoid; }
  h2 { page-break-after: avoid; }
  .section { page-break-before: always; }
}
"""


# Qt's rich text engine (the PDF) reads CSS 2 in part: no max-width, no line-height, borders on tables only.
# Same colours and classes as STYLE, laid out for an A4 landscape page.
PRINT_STYLE = """
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; font-size: 8.5pt; color: #1a1a1a; }
h1 { font-size: 14pt; margin: 0 0 4px 0; }
h2 { font-size: 11.5pt; margin: 14px 0 4px 0; }
h2.report { page-break-before: always; }
p { margin: 2px 0 2px 0; }
.meta { color: #444444; }
table { border-collapse: collapse; border-color: #c8c8c8; }
th, td { border: 1px solid #c8c8c8; padding: 2px; vertical-align: top; }
td { background-color: #ffffff; }
th { background-color: #f0f0f0; font-weight: bold; }
td.num { text-align: right; }
.legend { background-color: #fafafa; }
.agree { background-color: #d4e7f4; }
.diverge { background-color: #f9d0b4; }
.only { background-color: #ededed; }
.boilerplate { color: #6b6b6b; font-style: italic; }
u.conflict { font-weight: bold; text-decoration: underline; background-color: #f3c96b; }
.badge { font-size: 7pt; font-weight: bold; }
a { color: #1a1a1a; text-decoration: none; }
.b-agree { color: #00507d; }
.b-diverge { color: #a3420a; }
.b-wrong, .b-only, .b-boilerplate { color: #555555; }
.b-judged { color: #1a1a1a; background-color: #fff3b0; }
.note { font-size: 7.5pt; color: #333333; background-color: #fff8d6; }
.small { font-size: 7pt; color: #444444; }
td.cell-agree { background-color: #d4e7f4; }
td.cell-diverge { background-color: #f9d0b4; }
td.cell-absent { color: #555555; }
"""


@dataclass
class _Side:
    """What to draw on one side of a report's side-by-side table."""

    document: Document
    names: list[str]
    unit_class: dict[int, str] = field(default_factory=dict)
    badges: dict[int, list[str]] = field(default_factory=dict)
    notes: dict[int, list[str]] = field(default_factory=dict)
    conflicts: list[tuple[int, int, str]] = field(default_factory=list)


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _text_html(text: str) -> str:
    return _e(text).replace("\n", "<br>")


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _legend() -> str:
    items = [
        f'<span class="item"><span class="badge b-agree">{GLYPHS[AGREE]} L1</span> '
        '<span class="agree">agree</span>: the linked paragraphs say the same (blue tint, solid bar)</span>',
        f'<span class="item"><span class="badge b-diverge">{GLYPHS[DIVERGE]} L2</span> '
        '<span class="diverge">diverge</span>: they disagree on a fact (orange tint, solid bar)</span>',
        '<span class="item"><u class="conflict">underlined bold</u>: the words in conflict</span>',
        f'<span class="item"><span class="badge b-only">{GLYPHS["only"]} only in article</span> / '
        f'<span class="badge b-only">{GLYPHS["only"]} only in report</span> '
        '<span class="only">no partner on the other side</span> (grey, dashed box)</span>',
        f'<span class="item"><span class="badge b-boilerplate">{GLYPHS["boilerplate"]} boilerplate</span> '
        '<span class="boilerplate">grey italics</span>: promos, bylines and captions, never compared</span>',
        f'<span class="item"><span class="badge b-judged">{_e(VERDICT_WORDS["wrong"])}</span> '
        f'<span class="badge b-judged">{_e(VERDICT_WORDS["confirmed"])}</span> '
        f'<span class="badge b-judged">{_e(VERDICT_WORDS["dismissed"])}</span> '
        f'<span class="note" style="display:inline">{NOTE_MARK} note</span>: your own judgements (double border)</span>',
        '<span class="item">L<i>n</i>: the link\'s number, the same on both sides; ¶3 is paragraph 3, ¶3.2 its '
        "second sentence</span>",
    ]
    return '<div class="legend" id="legend"><b>Legend</b><br>' + " ".join(items) + "</div>"


def _document_meta(document: Document) -> str:
    parts = []
    metadata = document.metadata
    for key, label in (("author", "by"), ("date", "dated"), ("site", "from"), ("url", "at")):
        if metadata.get(key):
            parts.append(f"{label} {_e(metadata[key])}")
    where = document.source or document.path
    if where and where != metadata.get("url"):
        parts.append(_e(where))
    return " · ".join(parts)


def _judgement_badges(judgement: Judgement | None) -> list[str]:
    if judgement is None or not judgement.verdict:
        return []
    return [f'<span class="badge b-judged">{_e(VERDICT_WORDS[judgement.verdict])}</span>']


def _summary(result: ComparisonResult, rows: dict[int, list[LinkRow]]) -> str:
    out = [
        '<table width="100%" cellspacing="0" cellpadding="3"><thead><tr><th>#</th><th>Report</th><th>Source</th>'
        f"<th>{GLYPHS[AGREE]} agree</th><th>{GLYPHS[DIVERGE]} diverge</th>"
        f"<th>{GLYPHS['only']} only in report</th><th>{GLYPHS['only']} only in article</th>"
        "<th>Your judgements</th></tr></thead><tbody>"
    ]
    for n, comparison in enumerate(result.comparisons, start=1):
        document = result.documents[comparison.report]
        counts = comparison.counts()
        links = rows[comparison.report]
        judged = sum(1 for row in links if row.judgement is not None)
        agree = sum(1 for row in links if row.label == AGREE)
        diverge = sum(1 for row in links if row.label == DIVERGE)
        out.append(
            f'<tr><td class="num">{n}</td><td><a href="#report-{comparison.report}">{_e(document.title)}</a></td>'
            f'<td class="small">{_document_meta(document)}</td>'
            f'<td class="num">{agree}</td><td class="num">{diverge}</td>'
            f'<td class="num">{counts["report_only"]}</td><td class="num">{counts["article_only"]}</td>'
            f'<td class="num">{judged}</td></tr>'
        )
    out.append("</tbody></table>")
    return "".join(out)


def _coverage(result: ComparisonResult, resolved: Resolved) -> str:
    article = result.documents[0]
    heads = "".join(
        f'<th title="{_e(result.documents[c.report].title)}">{n}. {_e(_short(result.documents[c.report].title, 28))}</th>'
        for n, c in enumerate(result.comparisons, start=1)
    )
    all_rows = [(c.report, link_rows(c, resolved)) for c in result.comparisons]
    out = [
        "<p>Each article paragraph against each report: does the report agree with it, diverge from it, or not "
        "mention it? <b>Corroborate</b> counts the reports that agree, <b>contest</b> those that diverge. "
        f"Your verdicts are applied (a link marked wrong counts for nothing); {NOTE_MARK} marks a cell they change.</p>",
        f'<table width="100%" cellspacing="0" cellpadding="3"><thead><tr><th>¶</th><th>Article paragraph</th>{heads}'
        "<th>Corroborate</th><th>Contest</th></tr></thead><tbody>",
    ]
    for row in judged_coverage(result, resolved):
        cells = []
        for report, rows in all_rows:
            here = [r for r in rows if row.paragraph in r.link.article]
            label = _strongest(r.label for r in here)
            changed = f" {NOTE_MARK}" if label != _strongest(r.link.label for r in here) else ""
            linked = [r for r in here if r.label != WRONG]
            target = f"#r{report}-{linked[0].name}-a" if linked else f"#r{report}-p{row.paragraph}"
            cells.append(
                f'<td class="cell-{label}"><a href="{target}">{GLYPHS[label]} {LABEL_WORDS[label]}</a>{changed}</td>'
            )
        contested = " <b>(contested)</b>" if row.diverge else ""
        out.append(
            f'<tr><td class="num">{row.paragraph + 1}</td>'
            f"<td>{_e(_short(article.paragraphs[row.paragraph].text, 110))}{contested}</td>"
            f'{"".join(cells)}<td class="num">{row.agree}</td><td class="num">{row.diverge}</td></tr>'
        )
    out.append("</tbody></table>")
    return "".join(out)


def _strongest(labels: Iterable[str]) -> str:
    found = set(labels)
    return DIVERGE if DIVERGE in found else AGREE if AGREE in found else "absent"


def _conflicts(result: ComparisonResult, rows: dict[int, list[LinkRow]], sentences: bool) -> str:
    article_names = unit_names(result.documents[0], sentences)
    body = []
    for n, comparison in enumerate(result.comparisons, start=1):
        document = result.documents[comparison.report]
        names = unit_names(document, sentences)
        for row in rows[comparison.report]:
            if not row.link.conflicts and row.label != DIVERGE and not (row.judgement and row.judgement.note):
                continue
            where = (
                f'<a href="#r{comparison.report}-{row.name}-a">{row.name}</a><br>'
                f'<span class="small">{join_names(article_names, row.link.article)} ↔ '
                f"{join_names(names, row.link.report)}</span>"
            )
            yours = _e(row.judgement.words) if row.judgement else ""
            conflicts = row.link.conflicts
            if not conflicts:
                what = "confirmed by you" if row.label == DIVERGE else f"{LABEL_WORDS[row.label]}, no conflict found"
                body.append(
                    f'<tr><td class="num">{n}</td><td>{where}</td><td>–</td><td>{_e(what)}</td>'
                    f"<td></td><td></td><td>{yours}</td></tr>"
                )
                continue
            for conflict in conflicts:
                body.append(
                    f'<tr><td class="num">{n}</td><td>{where}</td><td><b>{_e(conflict.kind)}</b></td>'
                    f"<td>{_e(conflict.reason)}</td><td>{_e(conflict.article)}</td><td>{_e(conflict.report)}</td>"
                    f"<td>{yours}</td></tr>"
                )
    if not body:
        return "<p>No conflicts: every linked paragraph agrees on the facts Parallax checks.</p>"
    return (
        '<table width="100%" cellspacing="0" cellpadding="3"><thead><tr><th>Report</th><th>Link</th><th>Kind</th><th>What differs, in plain words</th>'
        "<th>The article says</th><th>The report says</th><th>Your judgement</th></tr></thead><tbody>"
        + "".join(body)
        + "</tbody></table>"
    )


def _sides(
    result: ComparisonResult, comparison: ReportComparison, rows: list[LinkRow], sentences: bool
) -> tuple[_Side, _Side]:
    article, report = result.documents[0], result.documents[comparison.report]
    r = comparison.report
    a_side = _Side(article, unit_names(article, sentences))
    r_side = _Side(report, unit_names(report, sentences))
    for side, other, key in ((a_side, "r", "article"), (r_side, "a", "report")):
        mine = "a" if other == "r" else "r"
        for row in rows:
            units = getattr(row.link, key)
            for position, unit in enumerate(units):
                side.unit_class[unit] = row.label
                anchor = f' id="r{r}-{row.name}-{mine}"' if position == 0 else ""
                side.badges.setdefault(unit, []).append(
                    f'<a class="badge b-{row.label}"{anchor} href="#r{r}-{row.name}-{other}" '
                    f'title="{_e(LABEL_WORDS[row.label])}, similarity {row.link.similarity:.2f}">'
                    f"{GLYPHS[row.label]} {row.name}</a>"
                )
                side.badges[unit] += _judgement_badges(row.judgement) if position == 0 else []
            if row.judgement and row.judgement.note and units:
                side.notes.setdefault(max(units), []).append(
                    f'<span class="note">{NOTE_MARK} {row.name}: {_e(row.judgement.note)}</span>'
                )
            for conflict in row.link.conflicts:
                span = conflict.article_span if key == "article" else conflict.report_span
                side.conflicts.append((span[0], span[1], f"{conflict.kind}: {conflict.reason}"))
        for unit in only_units(side.document, comparison, key, sentences):
            side.unit_class[unit] = "only"
            side.badges.setdefault(unit, []).append(f'<span class="badge b-only">{GLYPHS["only"]} only in {key}</span>')
    return a_side, r_side


def _paragraph(side: _Side, index: int, sentences: bool, anchor: str, inline: bool = False) -> str:
    """One paragraph as ``<p>``: its class, badges, inline sentence classes and underlined conflicts.

    ``inline`` puts the paragraph's class on a ``<span>`` around its text instead of on the ``<p>``: Qt's
    printing paints a block's background over the rest of a table cell that runs onto the next page.
    """
    document = side.document
    paragraph = document.paragraphs[index]
    name = side.names if not sentences else unit_names(document, False)
    if paragraph.boilerplate:
        return (
            f'<p class="boilerplate"{anchor}><span class="badge b-boilerplate">{GLYPHS["boilerplate"]} '
            f"{_e(name[index])} boilerplate</span> {_text_html(paragraph.text)}</p>"
        )
    if sentences:
        units = [(i, s.start, s.end) for i, s in enumerate(document.sentences) if s.paragraph == index]
        p_class = ""
    else:
        units = [(index, paragraph.start, paragraph.end)]
        p_class = side.unit_class.get(index, "")
    conflicts = [(max(s, paragraph.start), min(e, paragraph.end), t) for s, e, t in side.conflicts]
    conflicts = [c for c in conflicts if c[0] < c[1]]
    bounds = {paragraph.start, paragraph.end}
    for _, s, e in units:
        bounds.update((max(s, paragraph.start), min(e, paragraph.end)))
    for s, e, _ in conflicts:
        bounds.update((s, e))
    points = sorted(bounds)
    starts = {s: i for i, s, _ in units}
    ends: dict[int, list[int]] = {}
    for i, _, e in units:
        ends.setdefault(min(e, paragraph.end), []).append(i)
    out: list[str] = []
    number = f'<span class="small">{_e(name[index])}</span> '
    for a, b in itertools.pairwise(points):
        if a in starts:
            unit = starts[a]
            out.extend(badge + " " for badge in side.badges.get(unit, []))
        text = document.text[a:b]
        piece = _text_html(text)
        titles = [t for s, e, t in conflicts if s <= a and b <= e]
        if titles:
            piece = f'<u class="conflict" title="{_e("; ".join(titles))}">{piece}</u>'
        if sentences:
            unit_here = next((i for i, s, e in units if s <= a and b <= e), None)
            label = side.unit_class.get(unit_here, "") if unit_here is not None else ""
            if label:
                piece = f'<span class="{label}">{piece}</span>'
        out.append(piece)
        for unit in ends.get(b, []):
            out.extend(" " + note for note in side.notes.get(unit, []))
    if inline and p_class:
        return f'<p{anchor}>{number}<span class="{p_class}">{"".join(out)}</span></p>'
    css = f' class="{p_class}"' if p_class else ""
    return f"<p{css}{anchor}>{number}{''.join(out)}</p>"


def _row_bounds(
    result: ComparisonResult, comparison: ReportComparison, rows: list[LinkRow], sentences: bool
) -> list[tuple[int, int, int, int]]:
    """Rows of the side-by-side table: article and report paragraph ranges that start level.

    The anchors are the longest chain of links going down both documents (as the
    app's synchronised scrolling uses); everything between two anchors shares a row.
    """
    article, report = result.documents[0], result.documents[comparison.report]

    def paragraph(document: Document, unit: int) -> int:
        return document.sentences[unit].paragraph if sentences else unit

    points = sorted(
        {
            (min(paragraph(article, u) for u in row.link.article), min(paragraph(report, u) for u in row.link.report))
            for row in rows
            if row.label != WRONG
        }
    )
    best = [1] * len(points)
    parent = [-1] * len(points)
    for i, (a, r) in enumerate(points):
        for j in range(i):
            if points[j][0] < a and points[j][1] < r and best[j] + 1 > best[i]:
                best[i], parent[i] = best[j] + 1, j
    chain: list[tuple[int, int]] = []
    i = max(range(len(points)), key=best.__getitem__) if points else -1
    while i >= 0:
        chain.append(points[i])
        i = parent[i]
    chain.reverse()
    a_bounds = [0] + [a for a, _ in chain] + [len(article.paragraphs)]
    r_bounds = [0] + [r for _, r in chain] + [len(report.paragraphs)]
    return [
        (a_bounds[k], a_bounds[k + 1], r_bounds[k], r_bounds[k + 1])
        for k in range(len(a_bounds) - 1)
        if a_bounds[k] < a_bounds[k + 1] or r_bounds[k] < r_bounds[k + 1]
    ]


def _side_by_side(
    result: ComparisonResult, comparison: ReportComparison, rows: list[LinkRow], sentences: bool, inline: bool
) -> str:
    a_side, r_side = _sides(result, comparison, rows, sentences)
    r = comparison.report
    article, report = a_side.document, r_side.document
    out = [
        '<table class="side" width="100%" cellspacing="0" cellpadding="4"><thead><tr>'
        f'<th width="50%">Article: {_e(article.title)}</th><th width="50%">Report: {_e(report.title)}</th>'
        "</tr></thead><tbody>"
    ]
    for a0, a1, r0, r1 in _row_bounds(result, comparison, rows, sentences):
        left = "".join(_paragraph(a_side, i, sentences, f' id="r{r}-p{i}"', inline) for i in range(a0, a1))
        right = "".join(_paragraph(r_side, j, sentences, "", inline) for j in range(r0, r1))
        out.append(f'<tr><td width="50%">{left}</td><td width="50%">{right}</td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


def _judgement_list(
    result: ComparisonResult, resolved: Resolved, rows: dict[int, list[LinkRow]], sentences: bool
) -> str:
    items = []
    for n, comparison in enumerate(result.comparisons, start=1):
        for row in rows[comparison.report]:
            if row.judgement is not None:
                items.append(
                    f'<li>Report {n}, <a href="#r{comparison.report}-{row.name}-a">{row.name}</a>: '
                    f'{_e(row.judgement.words)} <span class="small">(“{_e(row.judgement.article_excerpt)}” ↔ '
                    f"“{_e(row.judgement.report_excerpt)}”)</span></li>"
                )
    granularity = "sentences" if sentences else "paragraphs"
    for placement, judgement in resolved.by_link.items():
        if placement.granularity != granularity:
            items.append(
                f"<li>On a link between {_e(placement.granularity)} (this report shows {granularity}): "
                f'{_e(judgement.words)} <span class="small">(“{_e(judgement.article_excerpt)}” ↔ '
                f"“{_e(judgement.report_excerpt)}”)</span></li>"
            )
    for judgement in resolved.unplaced:
        items.append(
            f'<li>Not linked at these settings: {_e(judgement.words)} <span class="small">'
            f"({_e(judgement.key.granularity)}; “{_e(judgement.article_excerpt)}” ↔ "
            f"“{_e(judgement.report_excerpt)}”)</span></li>"
        )
    if not items:
        return "<p>You have not judged any link yet.</p>"
    return "<ul>" + "".join(items) + "</ul>"


def report_html(
    result: ComparisonResult,
    judgements: Sequence[Judgement] | Iterable[Judgement] = (),
    *,
    sentences: bool = False,
    generated: str = "",
    media: str = "screen",
) -> str:
    """The whole report as one HTML document (see the module docstring); ``generated`` is shown as its date.

    ``media="print"`` swaps the style sheet for :data:`PRINT_STYLE`, the one Qt's PDF printing understands.
    """
    judgements = tuple(judgements)
    resolved = resolve(judgements, result)
    article = result.documents[0]
    rows = {c.report: link_rows(c, resolved, sentences) for c in result.comparisons}
    unit = "sentences" if sentences else "paragraphs"
    meta = [
        f"Article: <b>{_e(article.title)}</b>",
        _document_meta(article),
        f"{len(result.comparisons)} report{'s' if len(result.comparisons) != 1 else ''}",
        f"model {_e(result.model)}",
        f"similarity threshold {result.config.threshold:.2f}",
        f"links between {unit}",
    ]
    if generated:
        meta.append(f"made {_e(generated)}")
    sections = []
    for n, comparison in enumerate(result.comparisons, start=1):
        document = result.documents[comparison.report]
        sections.append(
            f'<div class="section"><h2 class="report" id="report-{comparison.report}">Report {n}: {_e(document.title)}</h2>'
            f'<p class="meta">{_document_meta(document)}</p>'
            f"{_side_by_side(result, comparison, rows[comparison.report], sentences, media == 'print')}</div>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="Parallax">\n'
        f"<title>Parallax report: {_e(article.title)}</title>\n<style>{PRINT_STYLE if media == 'print' else STYLE}</style>\n"
        "</head>\n<body>\n"
        f"<h1>Parallax report: {_e(article.title)}</h1>\n"
        f'<p class="meta">{" · ".join(m for m in meta if m)}</p>\n'
        f"{_legend()}\n"
        f'<h2 id="summary">Summary</h2>\n{_summary(result, rows)}\n'
        f'<h2 id="conflicts">Conflicts</h2>\n{_conflicts(result, rows, sentences)}\n'
        f'<h2 id="judgements">Your judgements</h2>\n{_judgement_list(result, resolved, rows, sentences)}\n'
        f'<h2 id="coverage">Coverage across reports</h2>\n{_coverage(result, resolved)}\n'
        + "\n".join(sections)
        + '\n<p class="small">Made with Parallax. Similarity is the cosine of sentence embeddings; conflicts are '
        "found by rules on numbers, dates, names, negation, direction and sources, and can be wrong: check them "
        "against the texts.</p>\n</body>\n</html>\n"
    )
