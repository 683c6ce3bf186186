"""The engine in a child process, so the window's event loop never waits for it.

Reading, embedding and comparing are CPU-heavy Python. Run in a thread of the
GUI process they hold the interpreter lock, and on a busy machine the window
froze for seconds whenever the OS paused that thread while it held the lock.
Here one long-lived child process does the work: it keeps the model, the
embedding caches and the engine's memo caches between calls (one child serves
every window of the app, see :func:`shared_engine`), and it is a new
interpreter, never a fork (Qt's threads do not survive a fork), talking over a
socket pair (``parallax.ui.channel``). A cancelled call kills the child at once;
the next call starts a fresh one.

At launch the app already knows which files it will open (those on the command
line, or the demo), so it may ask the child to *preload* them while the window is
still being built: the child reads them, embeds them into the cache and compares
them once (a dozen documents at most; more are only read), which fills its memo
caches. When the window then asks for the same files (unchanged on disk), the child
answers from what it read, and the comparison that follows finds its work done.
Nothing is sent back for a preload; a failed one is only a lost head start.

The calls block, so they are made from a worker thread (``parallax.ui.workers``):
the waiting thread polls the pipe and releases the interpreter lock meanwhile.

May import: the standard library, ``parallax.ui.cancelled`` and ``parallax.ui.channel`` (never
Qt: the child imports this module, and Qt's import is time it would add to every start);
``parallax.core`` inside the child's functions, for typing, and ``parallax.core.result`` in
:meth:`EngineProcess.compare` (a worker thread) to assemble the streamed comparisons.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import socket
import subprocess
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from parallax.ui.cancelled import Cancelled
from parallax.ui.channel import Channel, channel_pair, child_command

if TYPE_CHECKING:
    from parallax.core.compare import Prepared
    from parallax.core.documents import Document
    from parallax.core.embed import EmbeddingCache
    from parallax.core.result import CompareConfig, ComparisonResult, ReportComparison

Report = Callable[[int, int, str], None]
Factory = Callable[[], object]


@dataclass(frozen=True)
class Embedded:
    """The window's hold on documents the engine's child has embedded: the vectors stay in the child.

    The window never reads the vectors. Leaving them in the child spares the window's
    process numpy and the engine's modules (over 100 ms, which used to come after the
    child's answer), and spares the pipe a round trip of every vector at each
    re-alignment (megabytes with a hundred reports). ``key`` names the child's
    embeddings and ``order`` picks and orders their documents, so reports moved in the
    window need no new embedding. A child that has lost them (it was restarted after a
    cancel) embeds ``documents`` again with ``embedder_factory``, from the cache at
    ``cache_path``.
    """

    key: str
    model: str
    documents: tuple[Document, ...]
    order: tuple[int, ...]
    embedder_factory: Factory
    cache_path: str
    cached: int = 0
    computed: int = 0

    def reordered(self, order: Sequence[int]) -> Embedded:
        """The same embeddings with the documents in a new order (or a subset)."""
        return replace(
            self, documents=tuple(self.documents[i] for i in order), order=tuple(self.order[i] for i in order)
        )


class _Lost(Exception):
    """The child no longer holds the embeddings a call names."""


class _Pipe(Protocol):
    """What the parent and the child use of their connection (a Channel, or multiprocessing's on Windows)."""

    def send(self, message: Any) -> None: ...
    def recv(self) -> Any: ...
    def poll(self, timeout: float) -> bool: ...
    def close(self) -> None: ...


class _Child(Protocol):
    def is_alive(self) -> bool: ...
    def kill(self) -> None: ...
    def join(self, timeout: float | None = None) -> None: ...


class _Subprocess:
    """A ``subprocess.Popen`` seen as the multiprocessing process it replaces."""

    def __init__(self, popen: subprocess.Popen[bytes]) -> None:
        self._popen = popen

    def is_alive(self) -> bool:
        return self._popen.poll() is None

    def kill(self) -> None:
        self._popen.kill()

    def join(self, timeout: float | None = None) -> None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._popen.wait(timeout)


def _start_child() -> tuple[_Child, _Pipe]:
    """A new engine child and the parent's end of its connection."""
    if os.name != "posix":
        # Windows cannot hand a socket down by descriptor: multiprocessing's spawn does it there
        # (and needs no resource tracker on Windows). The bundle's launcher calls freeze_support().
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        ours, child_end = context.Pipe()
        process = context.Process(target=_serve, args=(child_end,), name="parallax-engine", daemon=True)
        process.start()
        child_end.close()
        return process, ours
    channel, inherited = channel_pair()
    try:
        descriptor = inherited.fileno()
        popen = subprocess.Popen(child_command(descriptor), pass_fds=(descriptor,), stdin=subprocess.DEVNULL)
    finally:
        inherited.close()
    channel.send(list(sys.path))  # the child imports what the parent can (tests' modules, a source tree)
    return _Subprocess(popen), channel


def serve_descriptor(descriptor: int) -> None:
    """The child's entry point: serve the engine over the inherited socket ``descriptor`` until told to quit."""
    channel = Channel(socket.socket(fileno=descriptor))
    path = channel.recv()
    if isinstance(path, list):
        sys.path[:] = [entry for entry in path if isinstance(entry, str)]
    _serve(channel)


def default_embedder() -> object:
    """The embedder the app uses when none is given (made in the child)."""
    from parallax.core import embed

    factory = getattr(embed, "default_embedder", None)  # the fastest runtime, where the engine offers a choice
    return factory() if factory is not None else embed.SentenceTransformerEmbedder()


class EngineProcess:
    """One child process that reads, embeds and compares on request; calls are serialised by a lock."""

    def __init__(self) -> None:
        self._process: _Child | None = None
        self._connection: _Pipe | None = None
        self._lock = threading.Lock()

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def start(
        self, preload: Sequence[str] = (), embedder_factory: Factory | None = None, cache_path: str | None = None
    ) -> None:
        """Start the child now (it imports the engine), so the first real call waits less.

        ``preload``: local files the window is about to open; the child reads them, embeds them
        with the embedder ``embedder_factory`` makes (the default one when None) into the cache at
        ``cache_path`` (the default cache when None) and compares them with the default settings.
        """
        with self._lock:
            connection = self._ensure()
            if preload:
                connection.send(("preload", (list(preload), embedder_factory or default_embedder, cache_path)))

    def read(self, paths: Sequence[str], report: Report, cancelled: Callable[[], bool]) -> list[Any]:
        """Each path's (or http(s) address's) Document, or its one-line IngestError message as a ``str``."""
        return self._call("read", list(paths), report, cancelled)

    def read_clipboard(
        self, text: str | None, html: str | None, report: Report, cancelled: Callable[[], bool]
    ) -> Document | str:
        """The clipboard's HTML (main text) or text as a Document, or the one-line IngestError message."""
        return self._call("clipboard", (text, html), report, cancelled)

    def prepare(
        self,
        documents: Sequence[Document],
        embedder_factory: Factory,
        cache_path: str,
        report: Report,
        cancelled: Callable[[], bool],
    ) -> Embedded:
        """Embed ``documents`` with the embedder ``embedder_factory`` makes (once per child) and that cache.

        The vectors stay in the child; what comes back holds the very ``documents`` given.
        """
        documents = tuple(documents)
        key, model, cached, computed = self._call(
            "prepare", (documents, embedder_factory, cache_path), report, cancelled
        )
        order = tuple(range(len(documents)))
        return Embedded(key, model, documents, order, embedder_factory, cache_path, cached, computed)

    def compare(
        self,
        embedded: Embedded,
        config: CompareConfig,
        report: Report,
        cancelled: Callable[[], bool],
        on_report: Callable[[ReportComparison], None] | None = None,
    ) -> ComparisonResult:
        """Compare in the child; each report's comparison reaches ``on_report`` as soon as it is done.

        The child streams the comparisons and nothing else, so the result holds
        ``embedded.documents`` themselves and no document crosses the pipe twice.
        Embeddings the child has lost are made again first (from the cache).
        """
        from parallax.core.result import ComparisonResult, coverage

        comparisons: list[ReportComparison] = []

        def arrived(comparison: ReportComparison) -> None:
            comparisons.append(comparison)
            if on_report is not None:
                on_report(comparison)

        try:
            model = self._call("compare", (embedded.key, embedded.order, config), report, cancelled, arrived)
        except _Lost:
            again = self.prepare(embedded.documents, embedded.embedder_factory, embedded.cache_path, report, cancelled)
            model = self._call("compare", (again.key, again.order, config), report, cancelled, arrived)
        documents = embedded.documents
        return ComparisonResult(model, documents, tuple(comparisons), coverage(documents[0], comparisons), config)

    def close(self) -> None:
        """Stop the child (politely, then for good)."""
        with self._lock:
            connection, process = self._connection, self._process
            self._connection = self._process = None
        if connection is not None:
            with contextlib.suppress(OSError, ValueError):
                connection.send(("quit", None))
            connection.close()
        if process is not None:
            process.join(timeout=2)
            if process.is_alive():
                process.kill()
                process.join(timeout=2)

    # --- parent side ---------------------------------------------------------------------------
    def _ensure(self) -> _Pipe:
        if self._connection is None or self._process is None or not self._process.is_alive():
            self._process, self._connection = _start_child()
        return self._connection

    def _kill(self) -> None:
        process, connection = self._process, self._connection
        self._process = self._connection = None
        if process is not None:
            process.kill()
            process.join(timeout=5)
        if connection is not None:
            connection.close()

    def _call(
        self,
        kind: str,
        payload: object,
        report: Report,
        cancelled: Callable[[], bool],
        partial: Callable[[Any], None] | None = None,
    ) -> Any:
        with self._lock:
            connection = self._ensure()
            connection.send((kind, payload))
            while True:
                if cancelled():
                    self._kill()
                    raise Cancelled
                try:
                    ready = connection.poll(0.05)
                    message = connection.recv() if ready else None
                except (EOFError, OSError):
                    self._kill()
                    raise RuntimeError("the comparison engine stopped unexpectedly; try again") from None
                if message is None:
                    if self._process is not None and not self._process.is_alive():
                        self._kill()
                        raise RuntimeError("the comparison engine stopped unexpectedly; try again")
                    continue
                tag, value = message
                if tag == "progress":
                    report(*value)
                elif tag == "partial":
                    if partial is not None:
                        partial(value)
                elif tag == "result":
                    return value
                elif tag == "lost":
                    raise _Lost
                else:
                    raise RuntimeError(value)


# At most this many documents are embedded and compared by a preload (more are only read).
PRELOAD_WHOLE = 12
# The child keeps this many sets of embeddings, the oldest dropped first (the window holds one).
KEEP_EMBEDDED = 4

# --- child side --------------------------------------------------------------------------------
_SHARED: EngineProcess | None = None
_SHARED_LOCK = threading.Lock()


def shared_engine() -> EngineProcess:
    """The app's one engine process (started on first use, stopped when the app exits)."""
    global _SHARED
    with _SHARED_LOCK:
        if _SHARED is None:
            _SHARED = EngineProcess()
            atexit.register(_SHARED.close)
        return _SHARED


def _serve(connection: _Pipe) -> None:
    from parallax.core.compare import compare_prepared, prepare, reordered
    from parallax.core.embed import EmbeddingCache
    from parallax.core.fetch import is_url
    from parallax.core.ingest import IngestError, document_from_clipboard, read_source

    embedders: dict[Factory, object] = {}
    caches: dict[str, EmbeddingCache] = {}
    # The embeddings each "prepare" made, by the key the window's Embedded holds (oldest first).
    kept: dict[str, Prepared] = {}
    # What a preload read, by path: the file's (size, mtime) then and the document.
    preloaded: dict[str, tuple[tuple[int, int], object]] = {}
    # The app embeds with the default embedder: make it now, while the window is still starting (it only
    # chooses its runtime; the model loads on the first text not in the cache). Failing here is not
    # fatal: the first "prepare" makes it again and reports what went wrong.
    with contextlib.suppress(Exception):
        embedders[default_embedder] = default_embedder()

    def progress(done: int, total: int, label: str) -> None:
        connection.send(("progress", (done, total, label)))

    def embedder(factory: Factory) -> object:
        if factory not in embedders:
            embedders[factory] = factory()
        return embedders[factory]

    def cache(path: str) -> EmbeddingCache:
        if path not in caches:
            caches[path] = EmbeddingCache(path)
        return caches[path]

    def read(path: str) -> object:
        """The path's Document (the preloaded one while the file is unchanged), or its error message."""
        if path in preloaded:
            stamp, document = preloaded.pop(path)
            if stamp == _stamp(path):
                return document
        try:
            return read_source(path)
        except IngestError as error:
            return str(error)

    while True:
        try:
            kind, payload = connection.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if kind == "quit":
            return
        if kind == "preload":
            try:
                paths, factory, cache_path = payload
                _preload(paths, cache_path, embedder(factory), cache, preloaded)
            except Exception:  # only a lost head start: the window's own calls report what is wrong
                traceback.print_exc(file=sys.stderr)
            continue
        try:
            result: object
            if kind == "read":
                documents: list[object] = []
                for n, path in enumerate(payload):
                    progress(n, len(payload), f"Fetching {path}…" if is_url(path) else f"Reading {Path(path).name}…")
                    documents.append(read(path))
                result = documents
            elif kind == "clipboard":
                try:
                    result = document_from_clipboard(*payload)
                except IngestError as error:
                    result = str(error)
            elif kind == "prepare":
                documents, factory, cache_path = payload
                model = embedder(factory)
                progress(0, 0, "Embedding paragraphs and sentences (the first run loads the model)…")
                prepared = prepare(documents, model, cache(cache_path))  # type: ignore[arg-type]
                key = os.urandom(8).hex()  # never one a restarted child could take for its own
                kept[key] = prepared
                while len(kept) > KEEP_EMBEDDED:
                    del kept[next(iter(kept))]
                result = (key, prepared.model, prepared.cached, prepared.computed)
            elif kind == "compare":
                key, order, config = payload
                if key not in kept:
                    connection.send(("lost", None))
                    continue
                prepared = kept[key]
                if order != tuple(range(len(prepared.documents))):
                    prepared = reordered(prepared, order)
                compare_prepared(
                    prepared,
                    config,
                    progress=lambda i, n, title: progress(i, n, f"Compared {title[:40]}"),
                    on_report=lambda comparison: connection.send(("partial", comparison)),
                )
                result = prepared.model
            else:
                raise ValueError(f"unknown request {kind!r}")
            connection.send(("result", result))
        except Exception as error:  # reported in the window; the child stays up for the next call
            traceback.print_exc(file=sys.stderr)
            try:
                connection.send(("error", str(error) or error.__class__.__name__))
            except (OSError, ValueError):
                return


def _stamp(path: str) -> tuple[int, int] | None:
    """A file's size and modification time (None when it cannot be read), to tell an edited file."""
    try:
        status = Path(path).stat()
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def _preload(
    paths: Sequence[str],
    cache_path: str | None,
    embedder: object,
    cache: Callable[[str], EmbeddingCache],
    preloaded: dict[str, tuple[tuple[int, int], object]],
) -> None:
    """Read, embed and compare ``paths`` once (child side), keeping each document read for :func:`_serve`."""
    from parallax.core.compare import CompareConfig, compare_prepared, prepare
    from parallax.core.fetch import is_url
    from parallax.core.ingest import IngestError, read_source
    from parallax.core.model import default_cache_path

    preloaded.clear()
    documents = []
    for path in paths:
        stamp = _stamp(path)
        if is_url(path) or stamp is None:
            continue  # the network only when the user asks; a missing file is reported by the real read
        try:
            document = read_source(path)
        except IngestError:
            continue
        preloaded[path] = (stamp, document)
        documents.append(document)
    # Many documents are only read: embedding and comparing them here would hold back the window's
    # own calls, which show progress and stream each report's results as it is compared.
    if 2 <= len(documents) <= PRELOAD_WHOLE:
        prepared = prepare(documents, embedder, cache(cache_path or str(default_cache_path())))  # type: ignore[arg-type]
        compare_prepared(prepared, CompareConfig())
