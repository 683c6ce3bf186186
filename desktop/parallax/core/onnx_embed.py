"""all-MiniLM-L6-v2 through ONNX Runtime: the same weights as sentence-transformers, faster on a CPU.

Entry point: :class:`OnnxEmbedder`, an :class:`~parallax.core.embed.Embedder`
whose vectors stay within cosine 0.9999 of ``SentenceTransformer.encode``
(the exporter checks it before installing a model file). The pipeline is the
bundled model's own (``modules.json``: Transformer, mean Pooling, Normalize):
the fast ``tokenizers`` library reads ``tokenizer.json`` and truncates to the
model's ``max_seq_length`` (``sentence_bert_config.json``), texts are embedded
in length-sorted batches so short texts are not padded to long ones, and the
graph pools over the attention mask and L2-normalises.

The ONNX file is built from the bundled weights on first use by a child process
(``python -m parallax.core.onnx_export``), so this process never imports torch,
and kept in ``default_cache_dir()/models`` (``$PARALLAX_MODELS_DIR`` overrides
it) under a name holding the model, a hash of its weights file and the graph
version. A file that does not load is re-exported once; when that fails too,
or the export does, the embedder says so in one line on stderr and embeds with
:class:`~parallax.core.embed.SentenceTransformerEmbedder` instead (where that is
installed; otherwise the load fails with that one line).

An app bundle ships a ready model instead (:func:`shipped_model_dir`): a folder
``parallax/model`` beside the package (``$PARALLAX_ONNX_MODEL_DIR`` overrides
it) with the ONNX file, the tokenizer files and :data:`SHIPPED_MANIFEST`, made
by :func:`stage_model` at build time. When it is there and matches this
version's graph, nothing is hashed or exported at run time and the model
package (the safetensors weights) need not be installed.

Where the CPU has native bfloat16 and OpenVINO is installed, the same ONNX file
runs in OpenVINO instead (:mod:`parallax.core.openvino_embed`: about 1.9x ONNX
Runtime's speed, vectors within cosine 0.9999), after its vectors on the export's
sample texts pass the check; otherwise ONNX Runtime runs it.

May import: the standard library, numpy and ``parallax.core.embed`` at import
time; onnxruntime, openvino and tokenizers only when a model is loaded. Never
torch, sentence-transformers or Qt.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from parallax.core.embed import MODEL_NAME, Embedder, SentenceTransformerEmbedder, bundled_model_path
from parallax.core.model import models_dir

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from parallax.core.openvino_embed import OpenVinoModel

# Bump when onnx_export builds a different graph, so that old files are not reused.
GRAPH_VERSION = 1
# The longest an export may take (seconds; minutes where its check must import torch, for weights
# other than those whose reference vectors onnx_export stores).
EXPORT_TIMEOUT_S = float(os.environ.get("PARALLAX_EXPORT_TIMEOUT", "1800"))
# Small batches: length-sorted texts in batches of 8 pad less and stay in the CPU's caches. Against plain
# SentenceTransformer.encode in the same run, batch 8 gave 1.65x on the seed paragraphs where 32 gave
# 1.27x, with the same vectors (tests/bench/embed_speed.py --variants).
BATCH_SIZE = 8

# The description of a shipped model, in its folder (see shipped_model_dir and stage_model).
SHIPPED_MANIFEST = "parallax-model.json"
SHIPPED_ONNX = "model.onnx"
# What the runtime reads from the model's folder besides the ONNX file (the rest is for the export).
TOKENIZER_FILES = ("tokenizer.json", "sentence_bert_config.json")

_SESSIONS: dict[tuple[Path, str | None], _OnnxModel | OpenVinoModel] = {}
_SESSIONS_LOCK = threading.Lock()
_HASHES: dict[tuple[str, int, int], str] = {}


class OnnxUnavailable(RuntimeError):
    """The ONNX model could not be exported or loaded; the message fits on one line."""


def weights_file(model_dir: Path | str) -> Path:
    """The weights of the bundled model (safetensors, which the exporter reads)."""
    return Path(model_dir) / "model.safetensors"


def weights_digest(model_dir: Path | str) -> str:
    """A SHA-256 of the weights file, computed once per file version (remembered in the models folder)."""
    path = weights_file(model_dir)
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    digest = _HASHES.get(key)
    if digest is not None:
        return digest
    # Hashing 90 MB takes a noticeable fraction of a second at every start: keep it on disk.
    memo = models_dir() / "weights-sha256.json"
    label = json.dumps(key)
    try:
        known = json.loads(memo.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    digest = known.get(label) if isinstance(known, dict) else None
    if not isinstance(digest, str):
        with path.open("rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
        known = {**(known if isinstance(known, dict) else {}), label: digest}
        with contextlib.suppress(OSError):
            memo.parent.mkdir(parents=True, exist_ok=True)
            temporary = memo.with_name(f".{memo.name}.{os.getpid()}.part")
            temporary.write_text(json.dumps(known, indent=1), encoding="utf-8")
            os.replace(temporary, memo)
    _HASHES[key] = digest
    return digest


def onnx_model_path(model_dir: Path | str) -> Path:
    """The exported file for ``model_dir``: model name, weights hash and graph version in its name."""
    return models_dir() / f"{MODEL_NAME}-{weights_digest(model_dir)[:16]}-g{GRAPH_VERSION}.onnx"


def max_seq_length(model_dir: Path | str) -> int:
    """The model's token limit, as sentence-transformers reads it (``sentence_bert_config.json``)."""
    config = Path(model_dir) / "sentence_bert_config.json"
    try:
        return int(json.loads(config.read_text(encoding="utf-8"))["max_seq_length"])
    except (OSError, ValueError, KeyError, TypeError):
        return 256


def cpu_threads() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


class _OnnxModel:
    """An ONNX Runtime session and the model's tokenizer; ``encode`` is safe from any thread."""

    def __init__(self, onnx_path: Path, model_dir: Path | str, threads: int | None = None) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.intra_op_num_threads = threads or cpu_threads()
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        # Idle worker threads sleep instead of spinning: with the window, the engine and whatever
        # else the user runs sharing a laptop's few cores, spinning threads steal the CPU they wait for.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}
        width = self.session.get_outputs()[0].shape[-1]
        self.dim = width if isinstance(width, int) else 0
        self.tokenizer = load_tokenizer(model_dir)

    def encode(self, texts: Sequence[str], batch_size: int = BATCH_SIZE) -> NDArray[np.float32]:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        ids = [e.ids for e in self.tokenizer.encode_batch(list(texts), add_special_tokens=True)]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        out: NDArray[np.float32] | None = None
        for start in range(0, len(order), batch_size):
            rows = order[start : start + batch_size]
            feed: dict[str, Any] = padded_batch(ids, rows)
            if "token_type_ids" in self.inputs:
                feed["token_type_ids"] = np.zeros_like(feed["input_ids"])
            vectors = self.session.run(None, feed)[0]
            if out is None:
                out = np.zeros((len(texts), vectors.shape[1]), dtype=np.float32)
            out[rows] = vectors
        assert out is not None
        return out


def load_tokenizer(model_dir: Path | str) -> Any:
    """The model's fast tokenizer, set up as sentence-transformers runs it (``tokenizers.Tokenizer``).

    tokenizer.json pads and truncates to 128; sentence-transformers truncates to max_seq_length
    and pads each batch to its longest text, as :func:`padded_batch` does.
    """
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(Path(model_dir) / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_seq_length(model_dir))
    return tokenizer


def padded_batch(ids: Sequence[Sequence[int]], rows: Sequence[int]) -> dict[str, NDArray[np.int64]]:
    """The model's inputs for the texts ``rows`` (their token ids in ``ids``), padded to the longest."""
    width = max(len(ids[i]) for i in rows)
    input_ids = np.zeros((len(rows), width), dtype=np.int64)
    mask = np.zeros((len(rows), width), dtype=np.int64)
    for r, i in enumerate(rows):
        input_ids[r, : len(ids[i])] = ids[i]
        mask[r, : len(ids[i])] = 1
    return {"input_ids": input_ids, "attention_mask": mask}


def shipped_model_dir() -> Path | None:
    """The ready model shipped with this installation (an app bundle's), or None when there is none that fits.

    ``$PARALLAX_ONNX_MODEL_DIR`` names the folder, else ``model`` inside the ``parallax``
    package. It counts when :data:`SHIPPED_MANIFEST` there names this model and this
    :data:`GRAPH_VERSION` and the files it needs are present.
    """
    override = os.environ.get("PARALLAX_ONNX_MODEL_DIR")
    folder = Path(override) if override else Path(__file__).resolve().parents[1] / "model"
    try:
        manifest = json.loads((folder / SHIPPED_MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or manifest.get("model") != MODEL_NAME:
        return None
    if manifest.get("graph_version") != GRAPH_VERSION:
        return None
    if not all((folder / name).is_file() for name in (SHIPPED_ONNX, *TOKENIZER_FILES)):
        return None
    return folder


def stage_model(model_dir: Path | str, folder: Path | str) -> Path:
    """Make ``folder`` a shipped model (what :func:`shipped_model_dir` finds) from the weights in ``model_dir``.

    The ONNX file comes from this installation's models folder, exported (and checked against
    sentence-transformers) first where it is not there yet. Used when an app bundle is built.
    """
    import shutil

    model_dir, folder = Path(model_dir), Path(folder)
    source = onnx_model_path(model_dir)
    if not source.exists():
        _run_export(model_dir, source)
    folder.mkdir(parents=True, exist_ok=True)
    for name in TOKENIZER_FILES:
        shutil.copyfile(model_dir / name, folder / name)
    for name in ("README.md", "LICENSE"):  # the model's card and licence travel with it, where present
        if (model_dir / name).exists():
            shutil.copyfile(model_dir / name, folder / name)
    shutil.copyfile(source, folder / SHIPPED_ONNX)
    manifest = {
        "model": MODEL_NAME,
        "graph_version": GRAPH_VERSION,
        "weights_sha256": weights_digest(model_dir),
        "onnx": SHIPPED_ONNX,
    }
    (folder / SHIPPED_MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return folder


def _run_export(model_dir: Path, target: Path) -> None:
    """Build ``target`` from ``model_dir`` in a child process (torch stays out of this one)."""
    if getattr(sys, "frozen", False):  # an app bundle's executable is not a Python interpreter
        raise OnnxUnavailable("this app bundle has no ready ONNX model and cannot export one; reinstall it")
    import parallax

    package_root = str(Path(parallax.__file__).resolve().parents[1])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH", "")) if p)
    env.setdefault("HF_HUB_OFFLINE", "1")
    env.setdefault("TRANSFORMERS_OFFLINE", "1")
    command = [sys.executable, "-m", "parallax.core.onnx_export", "--model", str(model_dir), "--out", str(target)]
    try:
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=EXPORT_TIMEOUT_S, stdin=subprocess.DEVNULL
        )
    except subprocess.TimeoutExpired:
        raise OnnxUnavailable(f"exporting the model to ONNX took over {EXPORT_TIMEOUT_S:.0f} s") from None
    except OSError as error:
        raise OnnxUnavailable(f"could not start the ONNX export ({error})") from None
    if done.returncode != 0 or not target.exists():
        lines = [line for line in (done.stderr or "").splitlines() if line.strip()]
        why = lines[-1].strip() if lines else f"exit code {done.returncode}"
        raise OnnxUnavailable(f"exporting the model to ONNX failed ({why})")


def _open(onnx_path: Path, model_dir: Path, weights_sha256: str | None) -> _OnnxModel | OpenVinoModel:
    """OpenVINO in bf16 where it is wanted and its vectors on the export's samples pass, else ONNX Runtime.

    The samples' reference vectors are sentence-transformers' stored for these weights, or,
    for other weights, ONNX Runtime's (checked against sentence-transformers at export).
    """
    from parallax.core import openvino_embed

    fp32: _OnnxModel | None = None
    if openvino_embed.wanted():
        from parallax.core import onnx_export

        texts = list(onnx_export.SAMPLES)
        reference = onnx_export.stored_vectors(weights_sha256, texts) if weights_sha256 else None
        if reference is None:  # kept, should OpenVINO be refused
            fp32 = _OnnxModel(onnx_path, model_dir)
            reference = fp32.encode(texts)
        try:
            return openvino_embed.OpenVinoModel(onnx_path, model_dir, cpu_threads(), (texts, reference))
        except openvino_embed.OpenVinoRefused as error:
            openvino_embed.note(str(error))
    return fp32 or _OnnxModel(onnx_path, model_dir)


def _session_key(target: Path) -> tuple[Path, str | None]:
    from parallax.core.openvino_embed import forced

    return target, forced()


def _load(model_dir: Path) -> tuple[_OnnxModel | OpenVinoModel, float | None]:
    """The process's session for ``model_dir``, exporting first where needed; returns it and the export time."""
    with _SESSIONS_LOCK:
        target = onnx_model_path(model_dir)
        model = _SESSIONS.get(_session_key(target))
        if model is not None:
            return model, None
        exported: float | None = None
        for attempt in range(2):
            if not target.exists():
                started = time.perf_counter()
                _run_export(model_dir, target)
                exported = time.perf_counter() - started
            try:
                model = _open(target, model_dir, weights_digest(model_dir))
                break
            except Exception as error:  # corrupt or truncated: ONNX Runtime refuses it
                if attempt == 1 or exported is not None:
                    why = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
                    raise OnnxUnavailable(f"the ONNX model does not load ({why[:200]})") from None
                target.unlink(missing_ok=True)  # re-export once
        assert model is not None
        _SESSIONS[_session_key(target)] = model
        return model, exported


def _load_shipped(folder: Path) -> _OnnxModel | OpenVinoModel:
    """The process's session for a shipped model folder."""
    target = folder / SHIPPED_ONNX
    with _SESSIONS_LOCK:
        model = _SESSIONS.get(_session_key(target))
        if model is None:
            try:
                manifest = json.loads((folder / SHIPPED_MANIFEST).read_text(encoding="utf-8"))
                digest = manifest.get("weights_sha256") if isinstance(manifest, dict) else None
                model = _open(target, folder, digest if isinstance(digest, str) else None)
                _SESSIONS[_session_key(target)] = model
            except Exception as error:  # a damaged installation
                why = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
                raise OnnxUnavailable(f"the shipped ONNX model in {folder} does not load ({why[:200]})") from None
        return model


class OnnxEmbedder:
    """all-MiniLM-L6-v2 with ONNX Runtime on the CPU; falls back to sentence-transformers when it cannot.

    ``name`` is the sentence-transformers embedder's, so both share cached vectors: on the
    seeds' paragraphs their vectors agree to cosine 0.99999 (tests/core/test_onnx_embed.py,
    tests/bench/embed_speed.py), well inside the 0.999 that interchangeable requires.
    """

    def __init__(
        self,
        model_path: str | None = None,
        batch_size: int = BATCH_SIZE,
        fallback: Callable[[], Embedder] | None = None,
    ) -> None:
        self._model_path = model_path
        self._batch_size = batch_size
        self._fallback_factory = fallback
        self._model: _OnnxModel | OpenVinoModel | None = None
        self._fallback: Embedder | None = None
        self._lock = threading.Lock()
        self.export_seconds: float | None = None  # how long this embedder waited for an export, if it did
        self._source = "unloaded"

    @property
    def name(self) -> str:
        return MODEL_NAME

    @property
    def loaded(self) -> bool:
        return self._model is not None or self._fallback is not None

    @property
    def runtime(self) -> str:
        """``openvino`` (the ONNX model in OpenVINO), ``onnx`` (in ONNX Runtime), ``torch`` (after a
        fallback) or ``unloaded``."""
        if self._model is not None:
            return "onnx" if isinstance(self._model, _OnnxModel) else "openvino"
        return "torch" if self._fallback is not None else "unloaded"

    @property
    def source(self) -> str:
        """Where the model was loaded from: ``shipped`` (a ready file), ``exported`` (this installation's)."""
        return self._source

    def load(self) -> None:
        """Load the shipped model, or export (first use only) and load one, or fall back; idempotent."""
        with self._lock:
            if self.loaded:
                return
            shipped = None if self._model_path else shipped_model_dir()
            try:
                if shipped is not None:
                    self._model, self._source = _load_shipped(shipped), "shipped"
                else:
                    model_dir = Path(self._model_path or bundled_model_path())
                    self._model, self.export_seconds = _load(model_dir)
                    self._source = "exported"
            except (OnnxUnavailable, ImportError, OSError, RuntimeError) as error:
                message = error.msg if isinstance(error, ImportError) and error.msg else str(error)
                if self._fallback_factory is None and importlib.util.find_spec("sentence_transformers") is None:
                    raise OnnxUnavailable(
                        f"{message}; sentence-transformers is not installed to fall back on"
                    ) from None
                sys.stderr.write(f"parallax: {message}; embedding with sentence-transformers instead\n")
                factory = self._fallback_factory or (lambda: SentenceTransformerEmbedder(self._model_path))
                self._fallback = factory()

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        self.load()
        if self._model is not None:
            return self._model.encode(texts, self._batch_size)
        assert self._fallback is not None
        return np.asarray(self._fallback.encode(texts), dtype=np.float32)
