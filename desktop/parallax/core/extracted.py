"""What a format reader hands to ingest: the text it found, a title, metadata, or a ReadError.

The readers (:mod:`parallax.core.pdf_reader`, :mod:`parallax.core.docx_reader`,
:mod:`parallax.core.html_reader`) know nothing about files, names or
segmentation: they turn bytes or markup into :class:`Extracted`, or raise
:class:`ReadError` with a one-line reason. :mod:`parallax.core.ingest` puts the
file's name in front of that reason and builds the Document.

Metadata keys every reader uses where it knows them (all plain strings):
``outlet`` (who published it), ``author``, ``date`` (ISO ``YYYY-MM-DD``),
``url``; readers may add their own (``pages`` for a PDF).

May import: the standard library only.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit


class ReadError(Exception):
    """A reader could not read its input; ``str(error)`` is a one-line reason without the file's name."""


@dataclass(frozen=True)
class Extracted:
    """A document's body text (paragraphs separated by blank lines), its title if found, and metadata."""

    text: str
    title: str | None = None
    metadata: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


def iso_date(value: object) -> str:
    """``value`` (a date, a datetime or an ISO-like string) as ``YYYY-MM-DD``; "" when it is not a date."""
    if isinstance(value, _dt.datetime | _dt.date):
        try:
            return value.strftime("%Y-%m-%d") if value.year >= 1 else ""
        except ValueError:
            return ""
    if isinstance(value, str):
        match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
        if match:
            try:
                return _dt.date(*map(int, match.groups())).isoformat()
            except ValueError:
                return ""
    return ""


def one_line(text: object, limit: int = 300) -> str:
    """``text`` as a single trimmed line of at most ``limit`` characters ("" for None)."""
    if text is None:
        return ""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def host_name(url: str) -> str:
    """The host of ``url`` without a leading ``www.`` ("news.example.com"); "" if there is none."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host
