"""Read the text layer of a PDF into paragraphs, with its title, author and date.

Entry point: :func:`read_pdf` (the file's bytes in, :class:`Extracted` out).
pypdf hands over each line of text with its position and font size; lines
are joined into paragraphs where a reader would see one: a paragraph ends at a
larger vertical gap, an indented first line, a change of font size, a bullet,
or a short line that ends a sentence. Words hyphenated at a line end are
joined again. A scanned PDF (pictures of pages, no text) is refused with a
message saying so, as are password-protected and damaged files. The number of
pages, the amount of text and the time spent are bounded.

May import: the standard library, pypdf (lazily), ``parallax.core.extracted``.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import logging
import math
import re
import statistics
import time
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from parallax.core.extracted import Extracted, ReadError, iso_date, one_line


@dataclass(frozen=True)
class _Line:
    text: str
    x: float
    y: float
    size: float


_BULLETS = "•◦▪●■‣⁃"
_SENTENCE_END = (".", "!", "?", ":", '"', "”", "’", ")", ";")
_PAGE_NUMBER = re.compile(
    r"^(?:(?P<bare>\d{1,4})|page\s*\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?|\d{1,4}\s*(?:/|of)\s*\d{1,4}"
    r"|[-–—]\s*\d{1,4}\s*[-–—])$",
    re.I,
)
_FILE_NAME_TITLE = re.compile(
    r"\.(?:docx?|pdf|odt|rtf|txt|indd|pages)$|^microsoft (?:word|powerpoint) - |^untitled", re.I
)


def read_pdf(
    data: bytes, *, max_pages: int = 2000, max_chars: int = 5_000_000, max_seconds: float = 120.0
) -> Extracted:
    """The paragraphs of the PDF in ``data``; :class:`ReadError` if it has no text or cannot be read."""
    if b"%PDF-" not in data[:1024]:
        raise ReadError("not a PDF file (no PDF header)")
    with _quiet():
        try:
            return _read(data, max_pages, max_chars, max_seconds)
        except ReadError:
            raise
        except RecursionError:
            raise ReadError("the PDF is damaged (its structure nests too deeply)") from None
        except MemoryError:
            raise ReadError("the PDF needs more memory than Parallax allows") from None
        except Exception as error:  # pypdf on hostile input may raise almost anything
            raise ReadError(f"the PDF is damaged or not a PDF ({_reason(error)})") from None


def _reason(error: Exception) -> str:
    text = one_line(error, 120)
    return text or error.__class__.__name__


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Keep pypdf's warnings about damaged files off the terminal (the ReadError says what matters)."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _read(data: bytes, max_pages: int, max_chars: int, max_seconds: float) -> Extracted:
    from pypdf import PasswordType, PdfReader
    from pypdf.errors import DependencyError

    began = time.monotonic()
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except DependencyError:
            raise ReadError("this PDF is encrypted with AES and the 'cryptography' package is not installed") from None
        if opened == PasswordType.NOT_DECRYPTED:
            raise ReadError("this PDF is protected by a password; open it elsewhere and save an unprotected copy")
    count = len(reader.pages)
    if count == 0:
        raise ReadError("this PDF has no pages")
    if count > max_pages:
        raise ReadError(f"this PDF has {count} pages; Parallax reads PDFs of up to {max_pages} pages")
    pages: list[list[_Line]] = []
    chars = 0
    for number in range(count):
        if time.monotonic() - began > max_seconds:
            raise ReadError(f"reading this PDF took longer than {max_seconds:.0f} s (stopped at page {number + 1})")
        lines = _page_lines(reader.pages[number])
        chars += sum(len(line.text) for line in lines)
        if chars > max_chars:
            raise ReadError(f"this PDF holds more than {max_chars:,} characters of text, more than Parallax compares")
        pages.append(lines)
    if not any(line.text.strip() for lines in pages for line in lines):
        raise ReadError("this PDF has no text layer (a scan?); run it through OCR first")
    pages = _without_page_numbers(pages)
    body_size = _body_size([line for lines in pages for line in lines])
    paragraphs = _paragraphs(pages, body_size)
    text = "\n\n".join(_dehyphenate(paragraphs))
    metadata = {"pages": str(count)}
    title = None
    info = _info(reader)
    if info.get("author"):
        metadata["author"] = info["author"]
    if info.get("date"):
        metadata["date"] = info["date"]
    if info.get("title") and not _FILE_NAME_TITLE.search(info["title"]):
        title = info["title"]
    if title is None and pages:
        title = _largest_line(pages[0], body_size)
    return Extracted(text=text, title=title, metadata=metadata)


def _info(reader: Any) -> dict[str, str]:
    """Title, author and date from the PDF's document information, each "" where missing or unreadable."""
    found = {"title": "", "author": "", "date": ""}
    try:
        meta = reader.metadata
    except Exception:
        return found
    if meta is None:
        return found
    for key, attribute in (("title", "title"), ("author", "author")):
        with contextlib.suppress(Exception):
            found[key] = one_line(getattr(meta, attribute), 200)
    for attribute in ("creation_date", "modification_date"):
        try:
            found["date"] = iso_date(getattr(meta, attribute))
        except Exception:
            continue
        if found["date"]:
            break
    return found


# --- lines ------------------------------------------------------------------------------------


def _position(cm: Any, tm: Any, font_size: Any) -> tuple[float, float, float]:
    """Where a piece of text starts on the page, and its font size there (both in points)."""
    try:
        a = tm[0] * cm[0] + tm[1] * cm[2]
        b = tm[0] * cm[1] + tm[1] * cm[3]
        c = tm[2] * cm[0] + tm[3] * cm[2]
        d = tm[2] * cm[1] + tm[3] * cm[3]
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        size = float(font_size) * math.sqrt(abs(a * d - b * c))
        values = (float(x), float(y), size)
    except (TypeError, ValueError, IndexError, OverflowError):
        return 0.0, 0.0, 0.0
    return values if all(math.isfinite(v) for v in values) else (0.0, 0.0, 0.0)


def _page_lines(page: Any) -> list[_Line]:
    """The page's lines in content order, each with the position and size of its first piece."""
    lines: list[_Line] = []
    pieces: list[str] = []
    start: tuple[float, float, float] | None = None

    def flush() -> None:
        nonlocal start
        text = " ".join("".join(pieces).split())
        if text and start is not None:
            lines.append(_Line(text, *start))
        pieces.clear()
        start = None

    def visit(text: Any, cm: Any, tm: Any, _font: Any, font_size: Any) -> None:
        nonlocal start
        if not isinstance(text, str):
            return
        for n, piece in enumerate(text.split("\n")):
            if n:
                flush()
            if not piece.strip():
                if piece and pieces:
                    pieces.append(" ")
                continue
            x, y, size = _position(cm, tm, font_size)
            if start is not None and size and abs(y - start[1]) > 0.6 * max(size, start[2]):
                flush()  # a new line without a line break in the text
            if start is None:
                start = (x, y, size)
            pieces.append(piece)

    page.extract_text(visitor_text=visit)
    flush()
    return lines


def _without_page_numbers(pages: list[list[_Line]]) -> list[list[_Line]]:
    """The pages less the page number at the bottom or top of each: a line that says so ("Page 3 of 9",
    "- 3 -"), or a bare number that is the page's ordinal ("3" on the third page) or counts the pages
    with another page's ("237" and "238" in a journal's pages). One line at each end at most: a column of
    figures or years ending a page ("2023", "2024", "2025") is text."""
    pages = [list(lines) for lines in pages]
    for end in (-1, 0):
        bare: dict[int, list[int]] = {}  # the number less its page's index -> the pages that give it so
        for index, lines in enumerate(pages):
            if not lines or not (match := _PAGE_NUMBER.match(lines[end].text.strip())):
                continue
            if match.group("bare") is None:
                lines.pop(end)
            else:
                bare.setdefault(int(match.group("bare")) - index, []).append(index)
        for offset, indices in bare.items():
            if len(indices) > 1 or offset == 1:  # a page's own ordinal ("2" on the second page) needs no other
                for index in indices:
                    pages[index].pop(end)
    return pages


def _body_size(lines: list[_Line]) -> float:
    """The font size most of the text is set in."""
    weights: Counter[float] = Counter()
    for line in lines:
        if line.size > 0:
            weights[round(line.size, 1)] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def _largest_line(lines: list[_Line], body_size: float) -> str | None:
    """The text set larger than the body on the first page (a headline), if any."""
    if not lines or body_size <= 0:
        return None
    largest = max(line.size for line in lines)
    if largest < body_size * 1.15:
        return None
    first = next(i for i, line in enumerate(lines) if line.size >= largest * 0.98)
    words = [lines[first].text]
    for line in lines[first + 1 :]:  # a headline may wrap onto a second line
        if abs(line.size - lines[first].size) > 0.1 or len(words) == 3:
            break
        words.append(line.text)
    title = one_line(" ".join(words), 200)
    return title or None


# --- paragraphs -------------------------------------------------------------------------------


def _paragraphs(pages: list[list[_Line]], body_size: float) -> list[list[str]]:
    """Each paragraph as its lines, across all pages (a paragraph may run on to the next page)."""
    paragraphs: list[list[str]] = []
    every = [line for lines in pages for line in lines]
    body = [line for line in every if abs(line.size - body_size) <= 0.5] or every
    full = statistics.quantiles([len(line.text) for line in body], n=4)[2] if len(body) > 1 else len(body[0].text)
    for page_number, lines in enumerate(pages):
        if not lines:
            continue
        step = _line_step(lines, body_size)
        size = body_size or statistics.median(line.size for line in lines) or 10.0
        for n, line in enumerate(lines):
            if n == 0:
                if page_number and paragraphs and _continues(paragraphs[-1][-1], line.text):
                    paragraphs[-1].append(line.text)
                else:
                    paragraphs.append([line.text])
                continue
            if _breaks(lines[n - 1], line, step, full, size):
                paragraphs.append([line.text])
            else:
                paragraphs[-1].append(line.text)
    return paragraphs


def _line_step(lines: list[_Line], body_size: float) -> float:
    """The usual distance from one line of body text to the next on this page."""
    steps = [
        prev.y - line.y
        for prev, line in itertools.pairwise(lines)
        if abs(prev.size - body_size) <= 0.5
        and abs(line.size - body_size) <= 0.5
        and 0 < prev.y - line.y < 3 * body_size
    ]
    return statistics.median(steps) if steps else (body_size or 10.0) * 1.2


def _breaks(prev: _Line, line: _Line, step: float, full: float, size: float) -> bool:
    """Whether ``line`` starts a new paragraph after ``prev`` (``full``: the length of a full line of body text)."""
    gap = prev.y - line.y
    if gap > step * 1.4 + 0.5 or gap < -0.5 * size:  # a blank line, or a jump up (next column)
        return True
    if abs(line.size - prev.size) > 0.15 * size:  # a heading, or the body after it
        return True
    if line.text[0] in _BULLETS:
        return True
    if line.x - prev.x > 0.9 * size:  # an indented first line
        return True
    # A short line that ends a sentence ends its paragraph.
    return full >= 30 and len(prev.text) < 0.7 * full and prev.text.endswith(_SENTENCE_END)


def _continues(last_line: str, first_line: str) -> bool:
    """Whether the first line of a page carries on the paragraph the previous page ended in."""
    if not last_line or not first_line:
        return False
    if last_line.endswith(("-", "\u00ad")) and first_line[0].isalpha():
        return True
    return not last_line.endswith(_SENTENCE_END) and first_line[0].islower()


_HYPHENATED = re.compile(r"\b\w+(?:-\w+)+\b")


def _dehyphenate(paragraphs: list[list[str]]) -> list[str]:
    """Each paragraph's lines joined; a word split by a hyphen at a line end is made whole again.

    The hyphen stays where it belongs to the word: after another hyphen
    ("face-to-" + "face"), before a capital or a digit ("pro-" + "Western",
    "COVID-" + "19"), or where the document spells the word with a hyphen
    elsewhere ("well-known").
    """
    whole = "\n".join(" ".join(lines) for lines in paragraphs)
    spelled = {match.group(0).lower() for match in _HYPHENATED.finditer(whole)}
    out = []
    for lines in paragraphs:
        text = lines[0]
        for line in lines[1:]:
            if text.endswith("\u00ad"):
                text = text[:-1] + line
            elif text.endswith("-") and len(text) > 1 and text[-2].isalpha() and line[:1].isalpha():
                left = text.rsplit(None, 1)[-1][:-1]
                right = re.match(r"\w+", line)
                compound = f"{left}-{right.group(0) if right else ''}".lower()
                if "-" in left or not line[0].islower() or compound in spelled:
                    text += line
                else:
                    text = text[:-1] + line
            else:
                text += " " + line
        out.append(text)
    return out
