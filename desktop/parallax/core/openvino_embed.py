"""The ONNX model of :mod:`parallax.core.onnx_embed` run by OpenVINO in bfloat16, where the CPU has it.

On a CPU with native bfloat16 arithmetic (AVX-512 BF16 or AMX), OpenVINO runs the
same ONNX file (it reads ONNX Runtime's fused operators) with bf16 matrix products
and fp32 accumulation: on the seeds, 2.5-3.1x plain
``SentenceTransformer.encode`` where ONNX Runtime's fp32 gives 1.3-1.6x, with
every vector within cosine 0.9999 of it (tests/bench/embed_speed.py). Elsewhere
OpenVINO's fp32 is no faster than ONNX Runtime's, so it is not used.

Entry points: :func:`wanted` (whether to try it here, decided without importing
OpenVINO where the CPU can be read) and :class:`OpenVinoModel`, which
:mod:`parallax.core.onnx_embed` loads instead of its ONNX Runtime session. A
model whose vectors on the exporter's sample texts drift past cosine
:data:`MIN_COSINE` from sentence-transformers' is refused at load
(:class:`OpenVinoRefused`), and the caller keeps ONNX Runtime.

``$PARALLAX_ONNX_RUNTIME`` = ``onnxruntime`` or ``openvino`` forces the choice.

May import: the standard library and numpy at import time; openvino,
tokenizers and :mod:`parallax.core.onnx_embed` (which imports this module only
when it loads a model) at run time. Never torch or Qt.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray

# The bar of issue 5 for a faster runtime: every vector within this cosine of sentence-transformers'.
MIN_COSINE = 0.999
# Texts go in length-sorted batches of about this many tokens (padding included): short texts in
# wide batches keep the matrix products efficient, long ones in narrow batches pad little. With two
# batches in flight (one per stream, see OpenVinoModel), 256 ran the seeds' sentences about 6% faster
# than 512 and fixed batches of 8 or 32 by more; paragraphs barely care.
TOKEN_BUDGET = 256
ENVIRONMENT = "PARALLAX_ONNX_RUNTIME"


class OpenVinoRefused(RuntimeError):
    """OpenVINO cannot run the model here, or its vectors are not close enough; one line."""


def forced() -> str | None:
    """``openvino`` or ``onnxruntime`` when ``$PARALLAX_ONNX_RUNTIME`` names one, else None."""
    choice = os.environ.get(ENVIRONMENT, "").strip().lower()
    return choice if choice in ("openvino", "onnxruntime") else None


def cpu_has_bf16() -> bool | None:
    """Whether the CPU does bfloat16 arithmetic natively, read from ``/proc/cpuinfo``; None where unreadable."""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("flags"):
                    flags = set(line.split(":", 1)[1].split())
                    return bool(flags & {"avx512_bf16", "amx_bf16"})
    except OSError:
        return None
    return None


def wanted() -> bool:
    """Whether to try OpenVINO: forced, or installed on a CPU with native bf16 (unknown CPUs: try)."""
    choice = forced()
    if choice is not None:
        return choice == "openvino"
    try:
        if importlib.util.find_spec("openvino") is None:
            return False
    except (ImportError, ValueError):
        return False
    return cpu_has_bf16() is not False


class OpenVinoModel:
    """An OpenVINO model compiled for this CPU and the model's tokenizer; ``encode`` is safe from any thread.

    ``reference`` (the sample texts and sentence-transformers' unit vectors of them) is
    checked at load: a lowest cosine under :data:`MIN_COSINE` raises :class:`OpenVinoRefused`.
    Unless forced, a CPU that OpenVINO would run in fp32 is refused too (ONNX Runtime is
    faster there).
    """

    def __init__(
        self,
        onnx_path: Path,
        model_dir: Path | str,
        threads: int,
        reference: tuple[Sequence[str], NDArray[np.float32]] | None,
    ) -> None:
        try:
            import openvino as ov

            core = ov.Core()
            precision = "bf16" if "BF16" in core.get_property("CPU", "OPTIMIZATION_CAPABILITIES") else "f32"
            if precision != "bf16" and forced() != "openvino":
                raise OpenVinoRefused("this CPU has no native bfloat16; ONNX Runtime is as fast in fp32")
            self._compiled = core.compile_model(
                core.read_model(str(onnx_path)),
                "CPU",
                # Streams of one thread each, every one running a batch of its own: on two cores
                # 6-7% more texts a second than both threads on one batch at a time.
                {
                    "INFERENCE_PRECISION_HINT": precision,
                    "PERFORMANCE_HINT": "THROUGHPUT",
                    "INFERENCE_NUM_THREADS": threads,
                },
            )
            self._queue = ov.AsyncInferQueue(
                self._compiled, int(self._compiled.get_property("OPTIMAL_NUMBER_OF_INFER_REQUESTS"))
            )
        except OpenVinoRefused:
            raise
        except Exception as error:  # a missing or broken wheel, an operator this version cannot read
            why = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise OpenVinoRefused(f"OpenVINO cannot run the model ({why[:200]})") from None
        self.precision = precision
        self._lock = threading.Lock()  # one queue of requests, whose callback writes one call's output
        self.dim = int(self._compiled.outputs[0].get_partial_shape()[-1].get_length())
        from parallax.core.onnx_embed import load_tokenizer

        self.tokenizer = load_tokenizer(model_dir)
        self.lowest_cosine: float | None = None
        if reference is not None:
            texts, vectors = reference
            cosines = np.sum(self.encode(texts) * vectors, axis=1)
            self.lowest_cosine = float(cosines.min())
            if not self.lowest_cosine >= MIN_COSINE:
                raise OpenVinoRefused(
                    f"OpenVINO's {precision} vectors differ from sentence-transformers' "
                    f"(cosine {self.lowest_cosine:.6f})"
                )

    def encode(self, texts: Sequence[str], batch_size: int | None = None) -> NDArray[np.float32]:
        """Unit vectors of ``texts``; ``batch_size`` is accepted for ONNX Runtime's signature and ignored."""
        if not len(texts):
            return np.zeros((0, self.dim), dtype=np.float32)
        from parallax.core.onnx_embed import padded_batch

        ids = [e.ids for e in self.tokenizer.encode_batch(list(texts), add_special_tokens=True)]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)

        def done(request: Any, rows: list[int]) -> None:
            out[rows] = request.get_output_tensor(0).data

        with self._lock:
            self._queue.set_callback(done)
            for rows in token_batches([len(i) for i in ids], TOKEN_BUDGET):
                # start_async waits for a free request when all are busy
                self._queue.start_async(padded_batch(ids, rows), rows)
            self._queue.wait_all()
        return out


def token_batches(lengths: Sequence[int], budget: int) -> list[list[int]]:
    """Indices into ``lengths`` sorted by length, cut into batches of at most ``budget`` padded tokens.

    A text longer than the budget has a batch of its own.
    """
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    batches: list[list[int]] = []
    current: list[int] = []
    for i in order:
        if current and (len(current) + 1) * lengths[i] > budget:
            batches.append(current)
            current = []
        current.append(i)
    if current:
        batches.append(current)
    return batches


def note(message: str) -> None:
    """One line on stderr for a forced OpenVINO that could not be used (the automatic choice stays quiet)."""
    if forced() == "openvino":
        sys.stderr.write(f"parallax: {message}; embedding with ONNX Runtime instead\n")
