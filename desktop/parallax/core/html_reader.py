"""Read the main text of an HTML page (a file, a fetched URL, or HTML from the clipboard).

Entry points: :func:`read_html` (markup in, :class:`Extracted` out) and
:func:`declared_charset` (the encoding a page's ``<meta>`` names). trafilatura
keeps the article and drops menus, footers, banners and comments, and finds
the title, author, date and site name. Nothing in a page is ever run: the
markup is parsed as data, and the text of ``<script>``, ``<style>``,
``<noscript>``, ``<template>`` and frames never reaches the document.
HTML copied to the clipboard is often a fragment too small for trafilatura to
call it an article; then the fragment's visible text is used as it is.
Tables are read as the Word reader reads them: each row one paragraph, its
cells joined by " | ". A table used for layout (marked so, one cell only, or
cells holding headings, lists or several paragraphs) is read as the blocks it
holds. A footnote marker set after a figure is shown in brackets, and a photo's
caption is kept.

May import: the standard library, trafilatura and lxml (lazily), ``parallax.core.extracted``.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from parallax.core.extracted import Extracted, ReadError, host_name, iso_date, one_line

# Elements whose content is never text a reader sees.
_HIDDEN = ("script", "style", "noscript", "template", "iframe", "frame", "object", "embed", "svg", "math", "head")
_BLOCKS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote", "pre",
    "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "figure",
    "figcaption", "address", "hr", "form", "fieldset", "details", "summary", "center",
}  # fmt: skip
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
# Blocks whose presence in a table cell marks a table used for page layout, not for data.
_LAYOUT_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "blockquote", "pre", "table",
                  "section", "article")  # fmt: skip
_FOOTNOTE_MARKER = re.compile(r"\d{1,3}|[*†‡§]{1,3}")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_TABLE_PARTS = ("thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col")
MIN_WORDS = 5  # a bare menu ("Home") is not an article
MIN_CHARACTERS = 20  # nor is it in a language written without spaces


def _is_text(body: str, words: int = MIN_WORDS) -> bool:
    parts = body.split()
    return len(parts) >= words or sum(map(len, parts)) >= MIN_CHARACTERS


def declared_charset(data: bytes) -> str | None:
    """The encoding the page's ``<meta charset>`` (or http-equiv) declares, if Python knows it."""
    match = _META_CHARSET.search(data[:8192])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def read_html(raw: str, *, url: str = "", fragment: bool = False) -> Extracted:
    """The main text, title and metadata of the page ``raw`` (fetched from ``url``, if given).

    With ``fragment`` (HTML from the clipboard) markup too small to be called an
    article gives all its visible text instead of an error.
    """
    import trafilatura

    if re.search(r"<(?:table|sup|figcaption)\b", raw, re.IGNORECASE):
        raw = _tables_and_markers(raw)
    try:
        extracted = trafilatura.bare_extraction(
            raw,
            url=url or None,
            include_comments=False,
            include_tables=False,
            include_images=False,
            with_metadata=True,
            deduplicate=False,
            prune_xpath=["//template", "//noscript", "//iframe", "//object", "//*[@hidden]"],
        )
    except (ValueError, TypeError, RecursionError) as error:  # markup lxml cannot make sense of
        raise ReadError(f"the HTML could not be parsed ({one_line(error, 80)})") from None
    values: dict[str, Any] = {}
    if extracted is not None:
        values = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    body = str(values.get("text") or "")
    if not _is_text(body):
        body = visible_text(raw) if fragment else ""
        if not _is_text(body, words=1 if fragment else MIN_WORDS):
            raise ReadError("no article text found in this HTML page")
    else:
        # trafilatura separates paragraphs with single newlines; make them blank-line breaks.
        body = re.sub(r"\n+", "\n\n", body)
    metadata: dict[str, str] = {}
    for key in ("author", "description"):
        if values.get(key):
            metadata[key] = one_line(values[key], 300)
    date = iso_date(values.get("date"))
    if date and not _guessed_from_a_year(date, raw):
        metadata["date"] = date
    page_url = url or str(values.get("url") or "")
    if page_url.startswith(("http://", "https://")):
        metadata["url"] = page_url
    site = one_line(values.get("sitename"), 120)
    if site:
        metadata["site"] = site  # the key schema 1 has always had
    # Without a site name trafilatura gives the address ("www.example.com", "127.0.0.1:8000"): use the host.
    looks_like_host = bool(re.fullmatch(r"[\w.:-]+", site)) and ("." in site or ":" in site)
    named = "" if looks_like_host else site
    outlet = named or host_name(metadata.get("url", "")) or site
    if outlet:
        metadata["outlet"] = outlet
    title = one_line(values.get("title"), 300) or None
    return Extracted(text=body, title=title, metadata=metadata)


def _tables_and_markers(raw: str) -> str:
    """``raw`` with each data table's rows made paragraphs, each layout table made plain blocks, and each
    footnote marker set after a figure shown in brackets ("5,000<sup>1</sup>" is "5,000[1]", not 5,0001), and
    each photo caption kept as a paragraph.

    trafilatura either drops tables (prose in a cell is lost) or writes them as
    Markdown rows, and it runs a layout table's paragraphs together into one
    row. Rewriting the tables first keeps every row, in place, as a paragraph.
    Markup lxml cannot read is left for trafilatura to refuse.
    """
    from lxml import etree, html

    # lxml takes no text that declares its own encoding ("<?xml ... encoding=...?>"): it is decoded already.
    raw = _XML_DECLARATION.sub("", raw, count=1)
    try:
        root = html.document_fromstring(raw)
    except (etree.ParserError, ValueError):
        return raw
    # A photo's caption is text the reader sees (trafilatura drops it with the picture).
    for caption in root.iter("figcaption"):
        caption.tag = "p"
        if (figure := caption.getparent()) is not None and figure.tag == "figure":
            figure.tag = "div"
    for sup in root.iter("sup"):
        marker = (sup.text or "").strip()
        before = sup.getprevious().tail if sup.getprevious() is not None else sup.getparent().text
        if len(sup) == 0 and _FOOTNOTE_MARKER.fullmatch(marker) and (before or "")[-1:].isdigit():
            sup.text = f"[{marker}]"
    # Innermost tables first, so a layout table's data tables are rows before their cells are judged.
    tables = sorted(root.iter("table"), key=lambda table: -sum(1 for _ in table.iterancestors()))
    for table in tables:
        rows = [r for r in table.iter("tr") if _owner(r) is table]
        if _for_layout(table, rows):
            for part in [table, *(e for e in table.iter(*_TABLE_PARTS) if _owner(e) is table)]:
                part.tag = "div"  # the blocks inside are read as they stand
            continue
        block = html.Element("div")
        caption = next((c for c in table.iter("caption") if _owner(c) is table), None)
        lines = [_cell_text(caption)] if caption is not None else []
        for row in rows:
            texts = [_cell_text(cell) for cell in row if cell.tag in ("td", "th")]
            while texts and not texts[-1]:
                texts.pop()  # an empty cell at the end moves nothing; one inside keeps the columns in place
            lines.append(" | ".join(texts).replace("|  |", "| |"))
        for line in filter(None, lines):
            paragraph = html.Element("p")
            paragraph.text = line
            block.append(paragraph)
        block.tail = table.tail
        table.getparent().replace(table, block)
    return str(html.tostring(root, encoding="unicode"))


def _for_layout(table: Any, rows: list[Any]) -> bool:
    """Whether ``table`` lays out a page rather than holding data: marked as presentation, one cell only,
    or a cell holding headings, lists, several paragraphs or paragraphs set apart by blank lines."""
    if (table.get("role") or "").lower() in ("presentation", "none"):
        return True
    cells = [c for row in rows for c in row if c.tag in ("td", "th")]
    if len(cells) == 1:
        return True
    for cell in cells:
        inside = [b for b in cell.iter(*_LAYOUT_BLOCKS) if b is not cell and _owner(b) is table]
        if any(b.tag not in ("p", "div") for b in inside) or len(inside) > 1:
            return True
        if any(br.getnext() is not None and br.getnext().tag == "br" and not (br.tail or "").strip()
               for br in cell.iter("br")):  # fmt: skip
            return True
    return False


def _cell_text(cell: Any) -> str:
    """The text of a table cell on one line, a line break read as a space ("North<br>Dunmere")."""
    for br in cell.iter("br"):
        br.tail = " " + (br.tail or "")
    return " ".join(cell.text_content().split())


def _owner(element: Any) -> Any:
    """The nearest table that holds ``element`` (not ``element`` itself)."""
    return next(element.iterancestors("table"), None)


def visible_text(raw: str) -> str:
    """All the text a browser would show for ``raw``, block elements as paragraphs (nothing hidden, nothing run)."""
    from lxml import etree, html

    try:
        root = html.fromstring(raw) if raw.strip() else None
    except (etree.ParserError, ValueError):
        try:
            root = html.fromstring(raw.encode("utf-8", "surrogatepass"))
        except (etree.ParserError, ValueError):
            return ""
    if root is None:
        return ""
    parts: list[str] = []
    stack: list[tuple[Any, bool]] = [(root, False)]  # a loop, not recursion: pages can nest very deeply
    while stack:
        element, closing = stack.pop()
        tag = element.tag.lower() if isinstance(element.tag, str) else ""  # comments have no tag
        block = tag in _BLOCKS
        if closing or tag in _HIDDEN or not tag or (element.get("hidden") is not None and not closing):
            if closing and block:
                parts.append("\n\n")
            if element.tail:
                parts.append(element.tail)
            continue
        parts.append("\n\n" if block else "\n" if tag == "br" else "")
        if element.text:
            parts.append(element.text)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    return "".join(parts)


def _guessed_from_a_year(date: str, raw: str) -> bool:
    """Whether ``date`` is 1 January that the page never states: the date search's guess from a
    year alone ("© 2022" gives 2022-01-01), which would show a day nobody wrote."""
    if not date.endswith("-01-01"):
        return False
    stated = r"\b(?:1(?:st)?\s+Jan(?:uary)?|Jan(?:uary)?\.?\s+1(?:st)?\b)|\d{4}-01-01|01/01/\d{2,4}"
    return re.search(stated, raw, re.IGNORECASE) is None
