"""Read a Word document (.docx) into paragraphs, with its title, author and date.

Entry point: :func:`read_docx` (the file's bytes in, :class:`Extracted` out).
Body paragraphs (also those in content controls and text boxes, with tracked insertions shown and
deletions not) and table rows are kept in order; the title is the first
paragraph styled "Title", else the first "Heading 1", else the document's
title property. A .docx is a zip archive, so before python-docx unpacks
anything the archive's directory is checked: too many parts, parts that
unpack to more than a set size in all, a part far more compressed than any
real document (a zip bomb), or a compression method Word never uses, are
refused without unpacking.

May import: the standard library, python-docx (lazily), ``parallax.core.extracted``.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from parallax.core.extracted import Extracted, ReadError, iso_date, one_line

MAX_PARTS = 5000
# Real Word XML compresses 5-30 times; a zip bomb compresses thousands of times.
BOMB_RATIO = 100
BOMB_MIN_BYTES = 10 * 1024 * 1024


def read_docx(data: bytes, *, max_unpacked_bytes: int = 100 * 1024 * 1024) -> Extracted:
    """The paragraphs of the .docx in ``data``; :class:`ReadError` if it is damaged, hostile or empty."""
    check_archive(data, max_unpacked_bytes)
    try:
        return _read(data)
    except ReadError:
        raise
    except MemoryError:
        raise ReadError("the Word document needs more memory than Parallax allows") from None
    except Exception as error:  # python-docx and lxml on a damaged file may raise many kinds of error
        reason = one_line(error, 120) or error.__class__.__name__
        raise ReadError(f"the Word document is damaged ({reason})") from None


def check_archive(data: bytes, max_unpacked_bytes: int) -> None:
    """Refuse ``data`` unless it is a zip archive of a Word document that unpacks to a sane size."""
    if not data.startswith(b"PK"):
        raise ReadError("not a Word document (.docx): the file is not a zip archive")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as error:
        raise ReadError(f"the Word document is damaged or truncated ({one_line(error, 80)})") from None
    if len(parts) > MAX_PARTS:
        raise ReadError(f"the Word document has {len(parts)} parts, more than any real document")
    names = {part.filename for part in parts}
    if "word/document.xml" not in names:
        raise ReadError("not a Word document (.docx): the zip archive has no word/document.xml")
    total = 0
    for part in parts:
        if part.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ReadError(f"the Word document uses a compression Word never writes ({part.filename})")
        total += part.file_size
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > BOMB_MIN_BYTES and ratio > BOMB_RATIO:
            raise ReadError(
                f"refused: {part.filename} unpacks {ratio:,.0f} times larger than it is stored (a zip bomb?)"
            )
    if total > max_unpacked_bytes:
        raise ReadError(
            f"refused: the Word document unpacks to {total / 1_048_576:,.0f} MB, "
            f"more than the {max_unpacked_bytes / 1_048_576:.0f} MB Parallax allows"
        )


def _read(data: bytes) -> Extracted:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    blocks: list[str] = []
    title = heading = None
    for element in _body_blocks(document.element.body):
        if element.tag == _W + "tbl":
            blocks.extend(_table_rows(Table(element, document)))
            continue
        paragraph = Paragraph(element, document)
        text = _paragraph_text(paragraph)
        if text:
            style = _style_name(paragraph)
            if title is None and style == "title":
                title = text
            elif heading is None and style == "heading 1":
                heading = text
            blocks.append(text)
        blocks.extend(_text_boxes(element))
    if not blocks:
        raise ReadError("the Word document contains no text")
    properties = document.core_properties
    metadata = {}
    author = one_line(_safe(lambda: properties.author), 200)
    if author:
        metadata["author"] = author
    date = iso_date(_safe(lambda: properties.created))
    if date:
        metadata["date"] = date
    found = title or heading or one_line(_safe(lambda: properties.title), 200) or None
    return Extracted(text="\n\n".join(blocks), title=found, metadata=metadata)


def _safe(get: Any) -> Any:
    try:
        return get()
    except Exception:  # a malformed property is as good as a missing one
        return None


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# What Word shows of a paragraph's runs, wherever they sit: in a tracked insertion, a content control, a
# simple field, a hyperlink or a smart tag (python-docx's ``paragraph.text`` skips all but hyperlinks).
# Deleted text is ``w:delText`` and a field's code ``w:instrText``: neither is shown, neither is read.
_SHOWN = {_W + "t": None, _W + "tab": " ", _W + "br": " ", _W + "cr": " ", _W + "noBreakHyphen": "-"}


def _body_blocks(body: Any) -> list[Any]:
    """The paragraphs and tables of the body in order, those inside a block content control too."""
    found = []
    for child in body:
        if child.tag in (_W + "p", _W + "tbl"):
            found.append(child)
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                found.extend(_body_blocks(content))
    return found


def _shown_text(element: Any) -> str:
    """The text Word shows for ``element``, on one line; text boxes (read apart) and the fallback copies
    Word keeps for old readers are left out."""
    parts: list[str] = []
    for node in element.iter(*_SHOWN):
        if _inside_box_or_fallback(node, element):
            continue
        shown = _SHOWN[node.tag]
        parts.append((node.text or "") if shown is None else shown)
    return " ".join("".join(parts).split())


def _inside_box_or_fallback(node: Any, within: Any) -> bool:
    """Whether ``node`` sits in a text box or a fallback copy below ``within``."""
    for ancestor in node.iterancestors():
        if ancestor is within:
            return False
        if ancestor.tag in (_W + "txbxContent", _MC_FALLBACK):
            return True
    return False


def _text_boxes(paragraph: Any) -> list[str]:
    """The paragraphs of the text boxes anchored in ``paragraph`` (a pull quote, a sidebar), once each."""
    found = []
    for box in paragraph.iter(_W + "txbxContent"):
        if any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
            continue
        found += [text for p in box.iter(_W + "p") if (text := _shown_text(p))]
    return found


def _paragraph_text(paragraph: Any) -> str:
    # Line breaks inside a paragraph are not paragraph breaks: they are read as spaces.
    return _shown_text(paragraph._p)


def _style_name(paragraph: Any) -> str:
    style = _safe(lambda: paragraph.style)
    name = _safe(lambda: style.name) if style is not None else None
    return str(name).strip().lower() if name else ""


def _table_rows(table: Any) -> list[str]:
    """Each row of a table as one paragraph, its cells joined by " | " (merged cells once, an empty cell
    inside a row kept as a gap so that the columns stay in place)."""
    rows = []
    for row in table.rows:
        seen: list[Any] = []  # a merged cell appears once per column it spans, with the same element
        cells = []
        for cell in row.cells:
            if any(cell._tc is element for element in seen):
                continue
            seen.append(cell._tc)
            # All its paragraphs, and a table nested in it, on one line: nothing in a cell is lost.
            cells.append(" ".join(text for p in cell._tc.iter(_W + "p") if (text := _shown_text(p))))
        while cells and not cells[-1]:
            cells.pop()  # an empty cell at the end moves nothing; one inside keeps the columns in place
        if cells:
            rows.append(" | ".join(cells).replace("|  |", "| |"))
    return rows
