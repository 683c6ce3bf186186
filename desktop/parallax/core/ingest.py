"""Read files and raw text into :class:`~parallax.core.documents.Document` objects.

Entry points: :func:`read_document` (a path) and :func:`document_from_text`
(text already in memory: pasted, or a line of ``parallax batch``). Plain text,
Markdown and HTML (main text extracted with trafilatura, so menus and footers
stay out) are understood. Every failure is an :class:`IngestError` whose
message is one readable line; nothing here prints or exits.

May import: the standard library, trafilatura (lazily, for HTML only),
``parallax.core.documents``, ``parallax.core.segment``, ``parallax.core.boilerplate``.
"""

from __future__ import annotations

import codecs
import html
import os
import re
from dataclasses import dataclass
from pathlib import Path

from parallax.core.boilerplate import BoilerplateConfig, flag_boilerplate
from parallax.core.documents import Document
from parallax.core.segment import SegmentConfig, normalise_text, segment


class IngestError(Exception):
    """A document could not be read; ``str(error)`` is a one-line message for the user."""


@dataclass(frozen=True)
class IngestConfig:
    """Limits and stage settings for reading documents."""

    max_bytes: int = 20 * 1024 * 1024
    segment: SegmentConfig = SegmentConfig()
    boilerplate: BoilerplateConfig = BoilerplateConfig()


_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown"}
_TEXT_SUFFIXES = {".txt", ".text", ""}
SUPPORTED_SUFFIXES = frozenset(_HTML_SUFFIXES | _MARKDOWN_SUFFIXES | _TEXT_SUFFIXES)


def read_document(path: str | os.PathLike[str], config: IngestConfig = IngestConfig()) -> Document:
    """Read the file at ``path`` (text, Markdown or HTML, judged by suffix and content)."""
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
    if size > config.max_bytes:
        raise IngestError(
            f"{name}: {size / 1_048_576:.1f} MB is too large; Parallax reads documents up to "
            f"{config.max_bytes / 1_048_576:.0f} MB"
        )
    try:
        data = file.read_bytes()
    except OSError as error:
        raise IngestError(f"{name}: cannot be read ({error.strerror or error})") from None
    raw, encoding = decode_bytes(data, name)
    kind = _kind_of(file.suffix.lower(), raw)
    return document_from_text(raw, path=str(file), kind=kind, config=config, encoding=encoding)


def decode_bytes(data: bytes, name: str = "document") -> tuple[str, str]:
    """Decode ``data`` as UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252/Latin-1.

    Returns the text and the encoding used. Raises :class:`IngestError` for
    empty or binary data.
    """
    if not data.strip():
        raise IngestError(f"{name}: the file is empty")
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                raise IngestError(f"{name}: the file claims {codec} but is not valid {codec}") from None
    if _looks_binary(data):
        raise IngestError(f"{name}: looks like a binary file, not text, Markdown or HTML")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte.
        return data.decode("latin-1"), "latin-1"


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
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
) -> Document:
    """Build a Document from ``raw`` of the given ``kind`` ("text", "markdown" or "html")."""
    name = Path(path).name if path else "text"
    metadata: dict[str, str] = {"format": kind, "encoding": encoding}
    if kind == "html":
        body, found_title, extra = _html_to_text(raw, name)
        metadata.update(extra)
    elif kind == "markdown":
        body, found_title = _markdown_to_text(raw), _markdown_title(raw)
    else:
        body, found_title = raw, None
    text = normalise_text(body)
    if not text:
        raise IngestError(f"{name}: contains no readable text")
    paragraphs, sentences = segment(text, config.segment)
    paragraphs = flag_boilerplate(paragraphs, config.boilerplate)
    resolved_title = title or found_title or _first_line_title(text) or (Path(path).stem if path else "Untitled")
    return Document(
        path=path,
        title=resolved_title,
        text=text,
        paragraphs=paragraphs,
        sentences=sentences,
        source=source or metadata.get("site", "") or path,
        metadata=metadata,
    )


def _first_line_title(text: str) -> str | None:
    first = text.split("\n\n", 1)[0]
    return first if len(first) <= 200 else None


# --- Markdown -------------------------------------------------------------------------------

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.M)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")
_MD_CODE = re.compile(r"`([^`]*)`")
_MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$", re.M)
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?", re.M)
_MD_FENCE = re.compile(r"^\s{0,3}(```|~~~).*$", re.M)
_MD_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def _markdown_to_text(raw: str) -> str:
    """Strip Markdown markup but keep every word; headings become their own paragraphs."""
    text = _MD_FENCE.sub("", raw)
    text = _MD_HEADING.sub(lambda m: "\n" + m.group(1) + "\n", text)
    text = _MD_RULE.sub("", text)
    text = _MD_IMAGE.sub(lambda m: m.group(1), text)
    text = _MD_LINK.sub(lambda m: m.group(1), text)
    text = _MD_CODE.sub(lambda m: m.group(1), text)
    text = _MD_QUOTE.sub("", text)
    text = _MD_HTML_TAG.sub("", text)
    for _ in range(2):  # nested emphasis such as ***bold italic***
        text = _MD_EMPHASIS.sub(lambda m: m.group(2), text)
    return html.unescape(text)


def _markdown_title(raw: str) -> str | None:
    match = _MD_HEADING.search(raw)
    return match.group(1).strip() if match else None


# --- HTML -----------------------------------------------------------------------------------


def _html_to_text(raw: str, name: str) -> tuple[str, str | None, dict[str, str]]:
    """Extract the main text and metadata of an HTML page with trafilatura (no scripts run)."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        raw,
        include_comments=False,
        include_tables=False,
        include_images=False,
        with_metadata=True,
        deduplicate=False,
    )
    if extracted is None:
        raise IngestError(f"{name}: no article text found in this HTML page")
    values = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    body = values.get("text") or ""
    if len(body.split()) < 5:  # a bare menu ("Home") is not an article
        raise IngestError(f"{name}: no article text found in this HTML page")
    # trafilatura separates paragraphs with single newlines; make them blank-line breaks.
    body = re.sub(r"\n+", "\n\n", body)
    metadata = {
        key: str(values[key]) for key in ("author", "date", "sitename", "url", "description") if values.get(key)
    }
    if "sitename" in metadata:
        metadata["site"] = metadata.pop("sitename")
    title = values.get("title")
    return body, (str(title) if title else None), metadata
