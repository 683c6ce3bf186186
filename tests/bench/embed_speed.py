"""Print embedding throughput: plain ``SentenceTransformer.encode`` next to Parallax's ONNX Runtime embedder.

Same texts (the seeds' paragraphs, then their sentences), same run; the two are
timed in alternating rounds so that whatever else loads the machine hits both
alike, and each figure is the best round. Also printed: the lowest and mean
cosine between the two (the goal: at least 2.5x with every vector within cosine
0.999), import and load times of each runtime, and the first-use export time
(measured on a fresh models folder unless ``--reuse-export``). ``--variants``
adds ONNX Runtime settings (optimisation level, threads, batch size, spinning)
and an int8 quantisation, each against plain encode in the same run.

Usage: python tests/bench/embed_speed.py [--rounds N] [--reuse-export] [--variants]
(loads the real model; not a test, prints and asserts nothing)
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

Encode = Callable[[Sequence[str]], np.ndarray]


def _rate(encode: Encode, texts: Sequence[str]) -> float:
    started = time.perf_counter()
    encode(texts)
    return len(texts) / (time.perf_counter() - started)


def _race(encoders: dict[str, Encode], texts: Sequence[str], rounds: int) -> dict[str, float]:
    """The best rate of each encoder over ``rounds`` alternating rounds."""
    best = dict.fromkeys(encoders, 0.0)
    for _ in range(rounds):
        for name, encode in encoders.items():
            best[name] = max(best[name], _rate(encode, texts))
    return best


def _cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.sum(a * b, axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--reuse-export", action="store_true", help="use the exported model in the user cache")
    parser.add_argument("--variants", action="store_true", help="also time ONNX Runtime settings and int8")
    parser.add_argument("--json", action="store_true", help="print one JSON object (speed.py reads it)")
    args = parser.parse_args()
    figures: dict[str, object] = {"cores": os.cpu_count()}

    from parallax.cli import demo_paths
    from parallax.core.ingest import read_document

    documents = [read_document(p) for p in demo_paths()]
    paragraphs = [p.text for d in documents for p in d.paragraphs if not p.boilerplate]
    sentences = [s.text for d in documents for s in d.sentences]
    temporary = None
    if not args.reuse_export:
        temporary = tempfile.TemporaryDirectory()
        os.environ["PARALLAX_MODELS_DIR"] = temporary.name

    # ONNX Runtime first, while torch is not imported (as in the app).
    started = time.perf_counter()
    import onnxruntime  # noqa: F401
    import tokenizers  # noqa: F401

    from parallax.core import onnx_embed
    from parallax.core.embed import bundled_model_path

    onnx_import = time.perf_counter() - started
    model_dir = bundled_model_path()
    embedder = onnx_embed.OnnxEmbedder()
    started = time.perf_counter()
    embedder.load()
    onnx_first_load = time.perf_counter() - started
    if embedder.runtime != "onnx":
        print("the ONNX runtime is not available here (see the line above); nothing to compare")
        return
    started = time.perf_counter()
    onnx_model = onnx_embed._OnnxModel(onnx_embed.onnx_model_path(model_dir), model_dir)
    onnx_load = time.perf_counter() - started

    started = time.perf_counter()
    from sentence_transformers import SentenceTransformer

    st_import = time.perf_counter() - started
    started = time.perf_counter()
    plain = SentenceTransformer(model_dir, device="cpu")
    st_load = time.perf_counter() - started

    def plain_encode(texts: Sequence[str]) -> np.ndarray:
        return plain.encode(list(texts), batch_size=32, normalize_embeddings=True, show_progress_bar=False)

    encoders: dict[str, Encode] = {"plain": plain_encode, "onnx": onnx_model.encode}
    for encode in encoders.values():
        encode(paragraphs[:8])  # warm-up
    if not args.json:
        print(f"machine: {os.cpu_count()} cores, ONNX Runtime threads {onnx_embed.cpu_threads()}, rounds {args.rounds}")
        print(f"{'texts':<26} {'plain/s':>8} {'onnx/s':>8} {'ratio':>6} {'min cos':>9} {'mean cos':>9}")
    for key, label, texts in (
        ("paragraphs", f"{len(paragraphs)} seed paragraphs", paragraphs),
        ("sentences", f"{len(sentences)} seed sentences", sentences),
    ):
        rates = _race(encoders, texts, args.rounds)
        cos = _cosines(onnx_model.encode(texts), plain_encode(texts))
        figures[key] = {
            "texts": len(texts),
            "plain_per_s": rates["plain"],
            "onnx_per_s": rates["onnx"],
            "ratio": rates["onnx"] / rates["plain"],
            "min_cosine": float(cos.min()),
            "mean_cosine": float(cos.mean()),
        }
        if not args.json:
            print(
                f"{label:<26} {rates['plain']:8.1f} {rates['onnx']:8.1f} {rates['onnx'] / rates['plain']:5.2f}x "
                f"{cos.min():9.6f} {cos.mean():9.6f}"
            )
    figures.update(onnx_import_s=onnx_import, st_import_s=st_import, onnx_load_s=onnx_load, st_load_s=st_load)
    if args.json:
        import json

        print(json.dumps(figures))
        if temporary is not None:
            temporary.cleanup()
        return
    print(f"import: onnxruntime + tokenizers {onnx_import:.2f} s, sentence-transformers (torch) {st_import:.2f} s")
    print(f"load:   ONNX session {onnx_load:.2f} s, SentenceTransformer {st_load:.2f} s")
    if embedder.export_seconds is not None:
        print(f"first use: export (child process, torch import and check included) {embedder.export_seconds:.1f} s")
    else:
        print(f"first use: none (reused {onnx_embed.onnx_model_path(model_dir)}); first load {onnx_first_load:.2f} s")
    if args.variants:
        _variants(paragraphs, plain_encode, model_dir, args.rounds)
    if temporary is not None:
        temporary.cleanup()


def _variants(texts: list[str], plain_encode: Encode, model_dir: str, rounds: int) -> None:
    """ONNX Runtime settings and int8, each against plain encode in the same run."""
    import onnxruntime as ort

    from parallax.core import onnx_embed

    path = onnx_embed.onnx_model_path(model_dir)
    reference = plain_encode(texts)

    def session(level: ort.GraphOptimizationLevel, threads: int, spinning: bool = True, file: Path = path) -> object:
        model = onnx_embed._OnnxModel(file, model_dir, threads)
        options = ort.SessionOptions()
        options.graph_optimization_level = level
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        if not spinning:
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        model.session = ort.InferenceSession(str(file), options, providers=["CPUExecutionProvider"])
        return model

    cores = onnx_embed.cpu_threads()
    all_ = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    variants: dict[str, Encode] = {}
    for label, model, batch in [
        ("basic optimisation", session(ort.GraphOptimizationLevel.ORT_ENABLE_BASIC, cores), 32),
        ("all optimisation", session(all_, cores), 32),
        ("1 thread", session(all_, 1), 32),
        ("no spinning", session(all_, cores, spinning=False), 32),
        ("batch 8", session(all_, cores), 8),
        ("batch 16", session(all_, cores), 16),
        ("batch 64", session(all_, cores), 64),
    ]:
        variants[label] = lambda t, m=model, b=batch: m.encode(t, b)  # type: ignore[attr-defined]
    with tempfile.TemporaryDirectory() as folder:
        try:
            from onnxruntime.quantization import QuantType, quantize_dynamic

            quantised = Path(folder) / "int8.onnx"
            quantize_dynamic(str(path), str(quantised), weight_type=QuantType.QInt8, per_channel=True)
            int8 = session(all_, cores, file=quantised)
            variants["int8 dynamic, per channel"] = lambda t, m=int8: m.encode(t)  # type: ignore[attr-defined]
        except Exception as error:  # quantisation is optional here
            print(f"int8: not measured ({type(error).__name__}: {error})")
        print(f"\nvariants on {len(texts)} paragraphs (each against plain encode in the same rounds)")
        print(f"{'variant':<28} {'plain/s':>8} {'onnx/s':>8} {'ratio':>6} {'min cos':>9} {'counts':>7}")
        for label, encode in variants.items():
            rates = _race({"plain": plain_encode, label: encode}, texts, rounds)
            cos = _cosines(encode(texts), reference)
            verdict = "yes" if cos.min() >= 0.999 else "no"
            print(
                f"{label:<28} {rates['plain']:8.1f} {rates[label]:8.1f} {rates[label] / rates['plain']:5.2f}x "
                f"{cos.min():9.6f} {verdict:>7}"
            )


if __name__ == "__main__":
    main()
