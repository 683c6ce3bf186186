"""Plain data for a loaded document: its normalised text, paragraphs and sentences.

Every paragraph and sentence keeps ``start``/``end`` character offsets into
``Document.text``, so any later stage (alignment, word diff, conflicts, UI
highlights) can point at the exact characters it talks about.

May import: the standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Paragraph:
    """A block of text; ``boilerplate`` paragraphs are shown but never aligned or counted."""

    text: str
    start: int
    end: int
    boilerplate: bool = False


@dataclass(frozen=True)
class Sentence:
    """A sentence inside paragraph number ``paragraph``."""

    text: str
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Document:
    """A normalised document: the article or one of the reports.

    ``metadata`` holds what the reader found, all strings: ``format``, and
    where known ``outlet``, ``author``, ``date`` (``YYYY-MM-DD``) and ``url``
    (read through the properties below, "" when unknown).
    """

    path: str
    title: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    source: str = ""
    metadata: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def outlet(self) -> str:
        """Who published it (a site's name, or the host it was fetched from)."""
        return self.metadata.get("outlet", "")

    @property
    def author(self) -> str:
        return self.metadata.get("author", "")

    @property
    def date(self) -> str:
        """The publication (or creation) date as ``YYYY-MM-DD``."""
        return self.metadata.get("date", "")

    @property
    def url(self) -> str:
        """The web address it was read from, or that the page gives as its own."""
        return self.metadata.get("url", "")

    def content_paragraphs(self) -> list[int]:
        """Indices of the paragraphs that take part in alignment (not boilerplate)."""
        return [i for i, p in enumerate(self.paragraphs) if not p.boilerplate]

    def sentences_of(self, paragraph: int) -> list[int]:
        """Indices of the sentences that belong to ``paragraph``, in order."""
        return [i for i, s in enumerate(self.sentences) if s.paragraph == paragraph]
