"""Print engine speed on this machine: seeds vs three reports end to end with a warm model,
and embedding throughput of Parallax's path next to a plain SentenceTransformer.encode.

Usage: python tests/bench/engine_speed.py   (loads the real model; not a test)
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from parallax.core.compare import compare
from parallax.core.embed import EmbeddingCache, default_embedder, embed
from parallax.core.ingest import read_document
from parallax.demo import demo_paths


def main() -> None:
    documents = [read_document(p) for p in demo_paths()]
    texts = [p.text for d in documents for p in d.paragraphs if not p.boilerplate]
    embedder = default_embedder()  # ONNX Runtime on a CPU (see embed_speed.py), sentence-transformers on a GPU
    started = time.perf_counter()
    embedder.load()
    print(f"model load (import included): {time.perf_counter() - started:.2f} s")
    embedder.encode(texts[:4])  # warm-up
    with tempfile.TemporaryDirectory() as folder:
        cache = EmbeddingCache(Path(folder) / "bench.sqlite3")
        started = time.perf_counter()
        compare(documents, embedder, cache)
        cold = time.perf_counter() - started
        started = time.perf_counter()
        compare(documents, embedder, cache)
        warm = time.perf_counter() - started
        print(f"seed vs {len(documents) - 1} reports, warm model, empty cache: {cold:.2f} s")
        print(f"seed vs {len(documents) - 1} reports, warm model, warm cache:  {warm:.2f} s (goal < 1 s)")
    from sentence_transformers import SentenceTransformer

    from parallax.core.embed import bundled_model_path

    plain = SentenceTransformer(bundled_model_path(), device="cpu")
    started = time.perf_counter()
    plain.encode(texts, batch_size=32)
    plain_rate = len(texts) / (time.perf_counter() - started)
    started = time.perf_counter()
    embed(texts, embedder, None)
    ours_rate = len(texts) / (time.perf_counter() - started)
    print(
        f"embedding {len(texts)} paragraphs: plain encode {plain_rate:.0f}/s, Parallax {ours_rate:.0f}/s "
        f"(ratio {ours_rate / plain_rate:.2f}x), cores {os.cpu_count()}"
    )


if __name__ == "__main__":
    main()
