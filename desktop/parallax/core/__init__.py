"""The Parallax engine: documents, ingest, segmentation, embeddings, alignment, word diff,
claims, the comparison result and its export.

Free of Qt (an import-linter contract and a test enforce it) and free of I/O at
import time: the model loads lazily, on the first embedding request.

May import: the standard library, numpy, and the engine's own dependencies
(pysbd, diff-match-patch, trafilatura, sentence-transformers lazily); never
PySide6 or ``parallax.ui``.
"""
