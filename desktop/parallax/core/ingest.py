"""Read files, web pages and the clipboard into :class:`~parallax.core.documents.Document` objects.

Entry points: :func:`read_source` (a path or an http(s) address, as the app and
the command line get them), :func:`read_document` (a path), :func:`read_url`
(a web page, fetched only when asked), :func:`document_from_bytes` (a file's
bytes, whatever the format), :func:`document_from_clipboard` (the clipboard's
text and/or HTML) and :func:`document_from_text` (text already in memory: a
line of ``parallax batch``). Plain text in any common encoding, Markdown,
HTML (main text extracted), PDF with a text layer and Word .docx are
understood; the format readers live in their own modules. Every failure is an
:class:`IngestError` whose message is one readable line naming the file;
nothing here prints or exits, and a file is refused by its size before it is
read.

The metadata a reader finds lands in ``Document.metadata``: ``format``,
``encoding`` (text formats), and where known ``outlet``, ``author``, ``date``
(``YYYY-MM-DD``) and ``url`` (see :mod:`parallax.core.extracted`).

May import: the standard library, ``parallax.core.documents``, ``segment``,
``boilerplate``, ``extracted``, and (lazily, when that format is met) the
format readers ``html_reader``, ``pdf_reader``, ``docx_reader`` and ``fetch``, and
charset_normalizer (lazily, for text that is neither UTF-8 nor declared).
"""

from __future__ import annotations

import codecs
import html
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from parallax.core.boilerplate import BoilerplateConfig, flag_boilerplate
from parallax.core.documents import Document
from parallax.core.extracted import Extracted, ReadError, host_name
from parallax.core.segment import SegmentConfig, normalise_text, segment

MB = 1024 * 1024


class IngestError(Exception):
    """A document could not be read; ``str(error)`` is a one-line message for the user."""


@dataclass(frozen=True)
class IngestConfig:
    """Limits and stage settings for reading documents.

    ``max_bytes`` bounds text, Markdown and HTML files and downloaded pages;
    ``max_binary_bytes`` bounds PDF and Word files (pictures make them larger);
    ``max_unpacked_bytes`` bounds what a Word file's zip archive unpacks to.
    """

    max_bytes: int = 20 * MB
    max_binary_bytes: int = 50 * MB
    max_unpacked_bytes: int = 100 * MB
    max_pages: int = 2000
    max_chars: int = 5_000_000
    max_seconds: float = 120.0
    url_timeout_s: float = 20.0
    segment: SegmentConfig = SegmentConfig()
    boilerplate: BoilerplateConfig = BoilerplateConfig()


_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown"}
_TEXT_SUFFIXES = {".txt", ".text", ""}
_PDF_SUFFIXES = {".pdf"}
_DOCX_SUFFIXES = {".docx", ".docm"}
SUPPORTED_SUFFIXES = frozenset(_HTML_SUFFIXES | _MARKDOWN_SUFFIXES | _TEXT_SUFFIXES | _PDF_SUFFIXES | _DOCX_SUFFIXES)
_DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Word .doc, Excel .xls, ...


def read_source(location: str, config: IngestConfig = IngestConfig()) -> Document:
    """Read ``location``: an http(s) address is fetched (see :func:`read_url`), anything else is a file path."""
    from parallax.core.fetch import is_url

    return read_url(location, config) if is_url(location) else read_document(location, config)


def read_document(path: str | os.PathLike[str], config: IngestConfig = IngestConfig()) -> Document:
    """Read the file at ``path`` (text, Markdown, HTML, PDF or .docx, judged by suffix and content)."""
    file = Path(path)
    name = file.name or str(file)
    try:
        size = file.stat().st_size
    except FileNotFoundError:
        raise IngestError(f"{name}: no such file") from None
    except PermissionError:
        raise IngestError(f"{name}: permission denied") from None
    except OSError as error:
        raise IngestError(f"{name}: cannot be read ({error.strerror or error})") from None
    if file.is_dir():
        raise IngestError(f"{name}: is a folder, not a document")
    suffix = file.suffix.lower()
    limit = config.max_binary_bytes if suffix in _PDF_SUFFIXES | _DOCX_SUFFIXES else config.max_bytes
    if size > limit:
        raise IngestError(
            f"{name}: {size / MB:.1f} MB is too large; Parallax reads "
            f"{'PDF and Word' if limit == config.max_binary_bytes else 'text'} documents up to {limit / MB:.0f} MB"
        )
    try:
        data = file.read_bytes()
    except OSError as error:
        raise IngestError(f"{name}: cannot be read ({error.strerror or error})") from None
    return document_from_bytes(data, path=str(file), name=name, config=config)


def read_url(url: str, config: IngestConfig = IngestConfig(), cancelled: Callable[[], bool] | None = None) -> Document:
    """Fetch the web page (or PDF, or .docx) at ``url`` and read it; the only function that uses the network."""
    from parallax.core.fetch import FetchConfig, fetch

    url = url.strip()
    name = _short_url(url)
    try:
        page = fetch(url, FetchConfig(timeout_s=config.url_timeout_s, max_bytes=config.max_bytes), cancelled)
    except ReadError as error:
        raise IngestError(f"{name}: {error}") from None
    document = document_from_bytes(
        page.data, path=url, name=name, content_type=page.content_type, charset=page.charset, url=page.url,
        config=config,
    )  # fmt: skip
    return document


def _short_url(url: str, width: int = 80) -> str:
    return url if len(url) <= width else url[: width - 1] + "…"


def _url_name(url: str) -> str:
    """The last part of a URL's path ("press.pdf"), used to judge its format like a file suffix."""
    try:
        return unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    except ValueError:
        return ""


def document_from_bytes(
    data: bytes,
    *,
    path: str = "",
    name: str = "",
    content_type: str = "",
    charset: str | None = None,
    url: str = "",
    config: IngestConfig = IngestConfig(),
) -> Document:
    """Read ``data``, whatever its format: PDF, Word .docx, HTML, Markdown or text.

    The format is judged by the content first, then by ``content_type`` (from a
    web server) and the suffix of ``path`` or ``url``. ``charset`` is the
    encoding a web server declared for text.
    """
    name = name or (Path(path).name if path else "document")
    suffix = Path(_url_name(url) if url else path).suffix.lower()
    content_type = content_type.lower()
    head = data[:1024]
    pdf = head.lstrip()[:5] == b"%PDF-"
    docx = data.startswith(b"PK\x03\x04")
    if not (pdf or docx):  # the content did not say; what the name or the server says decides
        pdf = suffix in _PDF_SUFFIXES or content_type == "application/pdf"
        docx = suffix in _DOCX_SUFFIXES or content_type == _DOCX_TYPE
    try:
        if pdf:
            from parallax.core.pdf_reader import read_pdf

            found = read_pdf(data, max_pages=config.max_pages, max_chars=config.max_chars,
                             max_seconds=config.max_seconds)  # fmt: skip
            return _build(found, path=path, name=name, kind="pdf", url=url, config=config)
        if docx:
            from parallax.core.docx_reader import read_docx

            found = read_docx(data, max_unpacked_bytes=config.max_unpacked_bytes)
            return _build(found, path=path, name=name, kind="docx", url=url, config=config)
    except ReadError as error:
        raise IngestError(f"{name}: {error}") from None
    if data.startswith(_OLE_MAGIC) or suffix == ".doc":
        raise IngestError(f"{name}: old Word (.doc) files cannot be read; save it as .docx or PDF")
    if data.lstrip()[:5] == b"{\\rtf" or suffix == ".rtf":
        raise IngestError(f"{name}: Rich Text (.rtf) files cannot be read; save it as .docx, PDF or plain text")
    declared = charset
    if declared is None and (suffix in _HTML_SUFFIXES or b"<" in head):
        from parallax.core.html_reader import declared_charset

        declared = declared_charset(data)
    raw, encoding = decode_bytes(data, name, declared)
    if content_type in ("text/html", "application/xhtml+xml"):
        kind = "html"
    elif content_type in ("text/markdown", "text/x-markdown"):
        kind = "markdown"
    else:
        kind = _kind_of(suffix, raw)
    return document_from_text(raw, path=path, kind=kind, config=config, encoding=encoding, url=url, name=name)


def document_from_clipboard(
    text: str | None = None, html_text: str | None = None, config: IngestConfig = IngestConfig()
) -> Document:
    """A report from what the clipboard holds: its HTML (main text extracted) where there is some, else its text.

    HTML copied from a web page loses menus and banners like an opened page; a
    small fragment keeps all its visible text. When the HTML yields nothing
    readable the plain text is used.
    """
    if html_text and html_text.strip():
        try:
            return document_from_text(html_text, path="clipboard", kind="html-fragment", config=config)
        except IngestError:
            if not (text and text.strip()):
                raise
    return document_from_text(text or "", path="clipboard", kind="text", config=config)


def decode_bytes(data: bytes, name: str = "document", declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``: a byte-order mark wins (or UTF-16's pattern of NULs without one), then the
    ``declared`` encoding (a web server's or a page's ``<meta charset>``) if the bytes fit it, then UTF-8,
    then a legacy code page of another script where a detector reads mostly that script's letters
    (Windows-1251 Cyrillic, Shift_JIS), then Windows-1252/Latin-1.

    Returns the text and the encoding used. Raises :class:`IngestError` for
    empty or binary data.
    """
    if not data.strip():
        raise IngestError(f"{name}: the file is empty")
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        # UTF-32's marks before UTF-16's: little-endian UTF-32's begins with UTF-16's.
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                raise IngestError(f"{name}: the file claims {codec} but is not valid {codec}") from None
    if (utf16 := _utf16_without_mark(data)) is not None:
        return utf16
    if _looks_binary(data):
        raise IngestError(f"{name}: looks like a binary file, not a document Parallax reads")
    if declared:
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            codec = ""
        if codec == "iso8859-1":
            codec = "cp1252"  # as browsers do: pages that say Latin-1 mean Windows-1252
        if codec and not codec.startswith(("utf-16", "utf-32")):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if (guessed := _non_latin_guess(data)) is not None:
        return guessed
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte.
        return data.decode("latin-1"), "latin-1"


def _utf16_without_mark(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark: a NUL beside nearly every character of a Latin or
    Cyrillic text, on one side; None for anything else."""
    sample = data[:8192]
    if len(sample) < 8 or len(data) % 2:
        return None
    for codec, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if zeros.count(0) > len(zeros) * 0.6:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text and sum(c.isprintable() or c.isspace() for c in text) > len(text) * 0.98:
                return text, codec
    return None


def _non_latin_guess(data: bytes) -> tuple[str, str] | None:
    """The text of a legacy encoding of another script (Windows-1251 Cyrillic, Shift_JIS, GB18030 ...),
    where a detector's guess reads mostly letters of that script; None where Windows-1252 should be
    tried (Western text, whose guesses are unreliable and whose code page is the usual one)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    if best is None or not best.encoding:
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    letters = [c for c in text if c.isalpha()]
    other_script = sum(ord(c) > 0x24F for c in letters)
    if other_script < 20 or other_script < len(letters) * 0.5:
        return None  # too few to trust: a guess from a few bytes is often another script by chance
    return text, best.encoding


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 11, 12, 13))  # tabs, line and page breaks
    return controls > len(sample) * 0.02


def _kind_of(suffix: str, raw: str) -> str:
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    head = raw.lstrip()[:512].lower()
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in raw):
        return "html"
    return "text"


def document_from_text(
    raw: str,
    *,
    path: str = "",
    title: str | None = None,
    source: str = "",
    kind: str = "text",
    config: IngestConfig = IngestConfig(),
    encoding: str = "utf-8",
    url: str = "",
    name: str = "",
) -> Document:
    """Build a Document from ``raw`` of the given ``kind``: "text", "markdown", "html", or
    "html-fragment" (HTML from the clipboard: all visible text where no article is found)."""
    name = name or (Path(path).name if path else "text")
    if kind in ("html", "html-fragment"):
        from parallax.core.html_reader import read_html

        try:
            found = read_html(raw, url=url, fragment=kind == "html-fragment")
        except ReadError as error:
            raise IngestError(f"{name}: {error}") from None
    elif kind == "markdown":
        found = Extracted(_markdown_to_text(raw), _markdown_title(raw))
    else:
        found = Extracted(raw)
    return _build(found, path=path, name=name, kind=kind, url=url, config=config, title=title, source=source,
                  encoding=encoding)  # fmt: skip


def _build(
    found: Extracted,
    *,
    path: str,
    name: str,
    kind: str,
    url: str,
    config: IngestConfig,
    title: str | None = None,
    source: str = "",
    encoding: str = "",
) -> Document:
    """Segment what a reader found into a Document with its metadata."""
    metadata: dict[str, str] = {"format": "html" if kind == "html-fragment" else kind}
    if encoding:
        metadata["encoding"] = encoding
    metadata.update(found.metadata)
    if url:
        metadata["url"] = url  # where it was fetched from, rather than what the page says of itself
        if not metadata.get("outlet"):
            metadata["outlet"] = host_name(url)
    text = normalise_text(found.text)
    if not text:
        raise IngestError(f"{name}: contains no readable text")
    paragraphs, sentences = segment(text, config.segment)
    paragraphs = flag_boilerplate(paragraphs, config.boilerplate)
    resolved_title = title or found.title or _first_line_title(text) or (Path(path).stem if path else "Untitled")
    return Document(
        path=path,
        title=resolved_title,
        text=text,
        paragraphs=paragraphs,
        sentences=sentences,
        source=source or metadata.get("outlet", "") or path,
        metadata={key: value for key, value in metadata.items() if value},
    )


def _first_line_title(text: str) -> str | None:
    first = text.split("\n\n", 1)[0]
    return first if len(first) <= 200 else None


# --- Markdown -------------------------------------------------------------------------------

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.M)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|\*|~~)(?=\S)(.+?)(?<=\S)\1")
# Underscores make emphasis only at a word's edge: "budget_2024_final.xlsx" and "@city_of_orrin" keep theirs.
_MD_UNDERSCORES = re.compile(r"(?<!\w)(__|_)(?=\S)(.+?)(?<=\S)\1(?!\w)")
# An autolink shows its address: "<https://example.org/notice>", "<press@example.org>".
_MD_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^<>\s]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
_MD_COMMENT = re.compile(r"<!--.*?-->", re.S)
_MD_CODE = re.compile(r"`([^`]*)`")
_MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$", re.M)
_MD_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.M)  # [ \t], not \s: a blank quote line stays a blank line
_MD_FENCE = re.compile(r"^\s{0,3}(```|~~~).*$", re.M)
_MD_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_MD_TABLE_RULE = re.compile(r"^\s{0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")  # | --- | :-: |


def _markdown_tables(text: str) -> str:
    """Each row of a pipe table as its own paragraph, cells joined by " | " as the Word reader joins them."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        header = lines[i]
        if "|" in header and i + 1 < len(lines) and "|" in lines[i + 1] and _MD_TABLE_RULE.match(lines[i + 1]):
            rows = [header]
            i += 2
            while i < len(lines) and "|" in lines[i] and lines[i].strip():
                rows.append(lines[i])
                i += 1
            for row in rows:
                cells = [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", row.strip().strip("|"))]
                while cells and not cells[-1]:
                    cells.pop()  # as the HTML and Word readers do: an empty cell inside a row keeps its place
                if cells:
                    out += ["", " | ".join(cells).replace("|  |", "| |"), ""]
            continue
        out.append(header)
        i += 1
    return "\n".join(out)


def _markdown_to_text(raw: str) -> str:
    """Strip Markdown markup but keep every word; headings and table rows become their own paragraphs."""
    # Quote marks first, so that a table or a heading inside a quotation is read as one.
    text = _markdown_tables(_MD_QUOTE.sub("", _MD_COMMENT.sub("", _MD_FENCE.sub("", raw))))
    text = _MD_HEADING.sub(lambda m: "\n" + m.group(1) + "\n", text)
    text = _MD_RULE.sub("", text)
    text = _MD_IMAGE.sub(lambda m: m.group(1), text)
    text = _MD_LINK.sub(lambda m: m.group(1), text)
    text = _MD_CODE.sub(lambda m: m.group(1), text)
    text = _MD_AUTOLINK.sub(lambda m: m.group(1), text)
    text = _MD_HTML_TAG.sub("", text)
    for _ in range(2):  # nested emphasis such as ***bold italic***
        text = _MD_EMPHASIS.sub(lambda m: m.group(2), text)
        text = _MD_UNDERSCORES.sub(lambda m: m.group(2), text)
    return html.unescape(text)


def _markdown_title(raw: str) -> str | None:
    match = _MD_HEADING.search(raw)
    return match.group(1).strip() if match else None
