"""Export the embedding model to ONNX and stage it for the app bundle (any platform).

    python packaging/stage_model.py [FOLDER]     # default build/parallax-model

Runs parallax's own exporter (``parallax.core.onnx_export``, checked against
sentence-transformers' stored vectors for the shipped weights) unless
build/models already holds the file for these weights, then copies the ONNX
file, the tokenizer files and a manifest into FOLDER, which
packaging/parallax.spec puts into the bundle as ``parallax/model``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else ROOT / "build" / "parallax-model"
    sys.path.insert(0, str(ROOT / "desktop"))  # this checkout's parallax
    os.environ["PARALLAX_MODELS_DIR"] = str(ROOT / "build" / "models")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    # Other weights than the stored reference vectors' make the export's check import torch: wait for it.
    os.environ.setdefault("PARALLAX_EXPORT_TIMEOUT", "7200")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "desktop"), os.environ.get("PYTHONPATH")]))
    from parallax.core.embed import bundled_model_path
    from parallax.core.onnx_embed import OnnxUnavailable, onnx_model_path, stage_model

    started = time.perf_counter()
    try:
        weights = bundled_model_path()
        fresh = not onnx_model_path(weights).exists()
        stage_model(weights, folder)
    except (OnnxUnavailable, RuntimeError, OSError) as error:
        print(f"stage_model: {error}", file=sys.stderr)
        return 1
    how = "exported and checked" if fresh else "already exported"
    print(f"stage_model: model {how}, staged in {folder} ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
