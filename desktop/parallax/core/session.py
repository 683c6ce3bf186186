"""A whole comparison as one JSON file (``.parallax``): documents, settings and the user's judgements.

A session stores each document's full normalised text, its paragraph and
sentence offsets, boilerplate flags and metadata, the order (the article
first), the comparison settings and the user's judgements. It stores no
results: reopening compares again from the stored texts (the embedding cache
makes that quick), so a session never disagrees with the engine that opens it.
Never pickle: plain JSON with ``"format": "parallax-session"`` and a
``"version"``; files are written atomically (:mod:`parallax.core.files`).

Entry points: :func:`session_to_dict` / :func:`session_from_dict`,
:func:`save_session` / :func:`load_session` (where the app keeps its autosave:
:mod:`parallax.core.session_path`). Every problem with a
session file is a :class:`SessionError` with a one-line message.

May import: the standard library, platformdirs (lazily) and other ``parallax.core`` modules.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from parallax.core.documents import Document, Paragraph, Sentence
from parallax.core.files import write_atomic
from parallax.core.judgements import Judgement, JudgementError, from_dicts, to_dicts
from parallax.core.result import CONFLICT_KINDS, ClaimConfig, CompareConfig
from parallax.core.worddiff import DiffConfig

SESSION_FORMAT = "parallax-session"
SESSION_VERSION = 1
MAX_SESSION_BYTES = 256 * 1024 * 1024
_DOCUMENT_FIELDS = {"path", "title", "text", "paragraphs", "sentences", "source", "metadata"}


class SessionError(Exception):
    """A session could not be read or written; ``str(error)`` is one line for the user."""


@dataclass(frozen=True)
class Session:
    """Everything needed to redo a comparison and show it as the user left it."""

    documents: tuple[Document, ...]
    # ``config.sentences`` is the granularity shown (and exported): paragraphs unless the user chose sentences.
    config: CompareConfig = field(default_factory=lambda: CompareConfig(sentences=False))
    judgements: tuple[Judgement, ...] = ()
    report: int = 1  # the report shown beside the article (index into documents)
    model: str = ""  # the embedding model of the last comparison, for information


# --- documents -------------------------------------------------------------------------------


def _plain(value: object) -> bool:
    if value is None or isinstance(value, str | int | float | bool):
        return True
    if isinstance(value, list | tuple):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    return False


def document_to_dict(document: Document) -> dict[str, Any]:
    """A document as JSON: text, offsets, flags, metadata, and any further plain fields it has."""
    data: dict[str, Any] = {
        "path": document.path,
        "title": document.title,
        "source": document.source,
        "metadata": dict(document.metadata),
        "text": document.text,
        "paragraphs": [[p.start, p.end, p.boilerplate] for p in document.paragraphs],
        "sentences": [[s.start, s.end, s.paragraph] for s in document.sentences],
    }
    for item in fields(Document):
        value = getattr(document, item.name)
        if item.name not in _DOCUMENT_FIELDS and _plain(value):
            data[item.name] = list(value) if isinstance(value, tuple) else value
    return data


def _text(data: dict[str, Any], name: str, default: str | None = None) -> str:
    value = data.get(name, default)
    if not isinstance(value, str):
        raise SessionError(f"its {name} is not text")
    return value


def _span(item: object, text: str, what: str) -> tuple[int, int, object]:
    if (
        not isinstance(item, list)
        or len(item) != 3
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in item[:2])
    ):
        raise SessionError(f"a {what} is not [start, end, flag]")
    start, end, flag = item
    if not 0 <= start <= end <= len(text):
        raise SessionError(f"a {what} lies outside the text ({start}-{end})")
    return start, end, flag


def document_from_dict(data: object) -> Document:
    """The document :func:`document_to_dict` wrote; :class:`SessionError` if it is not one."""
    if not isinstance(data, dict):
        raise SessionError("not an object")
    text = _text(data, "text")
    if not text.strip():
        raise SessionError("its text is empty")
    paragraphs_data, sentences_data = data.get("paragraphs"), data.get("sentences")
    if not isinstance(paragraphs_data, list) or not paragraphs_data or not isinstance(sentences_data, list):
        raise SessionError("it has no paragraphs")
    paragraphs = []
    for item in paragraphs_data:
        start, end, boilerplate = _span(item, text, "paragraph")
        if not isinstance(boilerplate, bool):
            raise SessionError("a paragraph's boilerplate flag is not true or false")
        paragraphs.append(Paragraph(text[start:end], start, end, boilerplate))
    sentences = []
    for item in sentences_data:
        start, end, paragraph = _span(item, text, "sentence")
        if not isinstance(paragraph, int) or isinstance(paragraph, bool) or not 0 <= paragraph < len(paragraphs):
            raise SessionError("a sentence points at no paragraph")
        sentences.append(Sentence(text[start:end], start, end, paragraph))
    metadata = data.get("metadata", {})
    if not isinstance(metadata, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in metadata.items()
    ):
        raise SessionError("its metadata is not a set of texts")
    extra: dict[str, Any] = {}
    for item in fields(Document):
        if item.name not in _DOCUMENT_FIELDS and item.name in data and _plain(data[item.name]):
            value = data[item.name]
            extra[item.name] = tuple(value) if isinstance(value, list) else value
    return Document(
        path=_text(data, "path", ""),
        title=_text(data, "title", "Untitled"),
        text=text,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        source=_text(data, "source", ""),
        metadata=dict(metadata),
        **extra,
    )


# --- settings --------------------------------------------------------------------------------


def config_to_dict(config: CompareConfig) -> dict[str, Any]:
    return {
        "threshold": config.threshold,
        "sentence_threshold": config.sentence_threshold,
        "margin": config.margin,
        "granularity": "sentences" if config.sentences else "paragraphs",
        "ignore_case": config.diff.ignore_case,
        "ignore_punctuation": config.diff.ignore_punctuation,
        "conflict_kinds": sorted(config.claims.kinds),
    }


def config_from_dict(data: object) -> CompareConfig:
    """Settings from :func:`config_to_dict`; missing ones take the defaults."""
    if not isinstance(data, dict):
        raise SessionError("its settings are not an object")
    default = CompareConfig()
    numbers = {}
    for name in ("threshold", "sentence_threshold", "margin"):
        value = data.get(name, getattr(default, name))
        if not isinstance(value, int | float) or isinstance(value, bool) or not 0.0 <= value <= 1.0:
            raise SessionError(f"its {name} must be a number between 0 and 1")
        numbers[name] = float(value)
    flags = {}
    for name in ("ignore_case", "ignore_punctuation"):
        value = data.get(name, False)
        if not isinstance(value, bool):
            raise SessionError(f"its {name} must be true or false")
        flags[name] = value
    granularity = data.get("granularity", "paragraphs")
    if granularity not in ("paragraphs", "sentences"):
        raise SessionError(f"unknown granularity {granularity!r}")
    kinds = data.get("conflict_kinds", list(CONFLICT_KINDS))
    if not isinstance(kinds, list) or not all(isinstance(k, str) and k in CONFLICT_KINDS for k in kinds):
        raise SessionError("its conflict_kinds name an unknown kind")
    return CompareConfig(
        threshold=numbers["threshold"],
        sentence_threshold=numbers["sentence_threshold"],
        margin=numbers["margin"],
        claims=ClaimConfig(kinds=frozenset(kinds)),
        diff=DiffConfig(ignore_case=flags["ignore_case"], ignore_punctuation=flags["ignore_punctuation"]),
        sentences=granularity == "sentences",
    )


# --- sessions --------------------------------------------------------------------------------


def session_to_dict(session: Session) -> dict[str, Any]:
    return {
        "format": SESSION_FORMAT,
        "version": SESSION_VERSION,
        "model": session.model,
        "settings": config_to_dict(session.config),
        "report": session.report,
        "documents": [document_to_dict(d) for d in session.documents],
        "judgements": to_dicts(session.judgements),
    }


def session_from_dict(data: object) -> Session:
    """The session in ``data``; :class:`SessionError` (one line) when it is not a usable session."""
    if not isinstance(data, dict) or data.get("format") != SESSION_FORMAT:
        raise SessionError("not a Parallax session")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SessionError("the session has no valid version number")
    if version > SESSION_VERSION:
        raise SessionError(
            f"saved by a newer Parallax (session version {version}); this one reads version {SESSION_VERSION}"
        )
    raw_documents = data.get("documents")
    if not isinstance(raw_documents, list) or not raw_documents:
        raise SessionError("the session holds no documents")
    documents = []
    for n, item in enumerate(raw_documents):
        try:
            documents.append(document_from_dict(item))
        except SessionError as error:
            raise SessionError(f"document {n + 1}: {error}") from None
    try:
        judgements = from_dicts(data.get("judgements", []))
    except JudgementError as error:
        raise SessionError(str(error)) from None
    report = data.get("report", 1)
    if not isinstance(report, int) or isinstance(report, bool) or not 0 < report < max(len(documents), 2):
        report = 1
    model = data.get("model", "")
    return Session(
        documents=tuple(documents),
        config=config_from_dict(data.get("settings", {})),
        judgements=judgements,
        report=report,
        model=model if isinstance(model, str) else "",
    )


def session_json(session: Session) -> str:
    return json.dumps(session_to_dict(session), ensure_ascii=False, indent=1) + "\n"


def save_session(path: str | os.PathLike[str], session: Session) -> None:
    """Write ``session`` to ``path`` atomically; :class:`SessionError` with the reason when it cannot."""
    name = Path(path).name
    try:
        write_atomic(path, lambda: session_json(session).encode("utf-8"))
    except OSError as error:
        raise SessionError(f"{name}: cannot be written ({error.strerror or error})") from None


def load_session(path: str | os.PathLike[str]) -> Session:
    """Read the session at ``path``; :class:`SessionError` (one line, naming the file) when it cannot."""
    file = Path(path)
    name = file.name or str(file)
    try:
        size = file.stat().st_size
        if file.is_dir():
            raise SessionError(f"{name}: is a folder, not a session")
        if size > MAX_SESSION_BYTES:
            raise SessionError(f"{name}: {size / 1_048_576:.0f} MB is too large for a session")
        raw = file.read_bytes()
    except FileNotFoundError:
        raise SessionError(f"{name}: no such file") from None
    except OSError as error:
        raise SessionError(f"{name}: cannot be read ({error.strerror or error})") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise SessionError(f"{name}: not a Parallax session (not UTF-8 text)") from None
    except json.JSONDecodeError as error:
        raise SessionError(f"{name}: not a Parallax session (invalid JSON at line {error.lineno})") from None
    except RecursionError:
        raise SessionError(f"{name}: not a Parallax session (nested too deeply)") from None
    try:
        return session_from_dict(data)
    except SessionError as error:
        raise SessionError(f"{name}: {error}") from None
