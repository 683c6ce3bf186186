"""Build the ONNX file that :mod:`parallax.core.onnx_embed` runs, from the bundled model's weights.

Run as ``python -m parallax.core.onnx_export --model DIR --out FILE`` (onnx_embed
does, in a child process, so that the app never imports torch). The graph is
written with the onnx helper API straight from ``model.safetensors``: BERT's
embeddings, encoder layers and the sentence-transformers head (mean pooling over
the attention mask, L2 normalisation) as ONNX Runtime's fused CPU operators
(EmbedLayerNormalization, Attention, SkipLayerNormalization, BiasGelu), which is
what its own transformer optimiser makes of a torch export, without the
minutes that export and optimisation take. Before the file is installed, in
one rename, its vectors on sample texts (a long one, to check truncation, and
an empty one) must match ``SentenceTransformer.encode`` to cosine 0.9999.

``SentenceTransformer.encode`` means importing torch, which takes longer than
the whole export (minutes on a busy two-core machine). For the weights Parallax
ships with, its vectors on the sample texts are stored beside this module
(``onnx_reference.npz``, written by ``--write-reference``, keyed by the weights'
SHA-256 and the texts); the check compares with those and imports torch only
for other weights. A model test keeps the stored vectors honest against
sentence-transformers itself.

Exit status 0 with one line on stdout, or 1 with one line on stderr.

May import: the standard library, numpy, onnx, safetensors and
``parallax.core``; sentence-transformers (and so torch) only to check the
export. Never Qt.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import onnx
    from numpy.typing import NDArray

MIN_COSINE = 0.9999
REFERENCE_FILE = Path(__file__).with_name("onnx_reference.npz")
OPSET = 17
SAMPLES = (
    "",
    "Flooding",
    "The river burst its banks on Tuesday night, forcing 1,200 residents from their homes.",
    "Officials said the dam was not at risk, but engineers were still inspecting it on Wednesday.",
    "“We lost everything,” said Ana Müller, 54, who has lived on Quay Street since 1998 — ‘everything’.",
    " ".join(["The council met again on Thursday to discuss the cost of repairs and the insurance claims."] * 40),
)


class ExportError(RuntimeError):
    """The model cannot be exported or the export does not match; the message fits on one line."""


def _weights(model_dir: Path) -> dict[str, NDArray[Any]]:
    path = model_dir / "model.safetensors"
    if not path.exists():
        raise ExportError(f"no model.safetensors in {model_dir}")
    from safetensors.numpy import load_file

    tensors = load_file(str(path))
    if "embeddings.word_embeddings.weight" not in tensors:  # a BertForX checkpoint: strip "bert."
        tensors = {k.removeprefix("bert."): v for k, v in tensors.items()}
    return tensors


def build_model(model_dir: Path | str) -> onnx.ModelProto:
    """The graph: token ids and attention mask (int64, batch by length) in, unit sentence vectors out."""
    from onnx import TensorProto, helper, numpy_helper

    model_dir = Path(model_dir)
    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    if config.get("model_type") != "bert" or config.get("hidden_act", "gelu") != "gelu":
        raise ExportError(f"only BERT models with exact GELU can be exported, not {config.get('model_type')}")
    if config.get("position_embedding_type", "absolute") != "absolute":
        raise ExportError("only absolute position embeddings can be exported")
    hidden = int(config["hidden_size"])
    heads = int(config["num_attention_heads"])
    layers = int(config["num_hidden_layers"])
    eps = float(config.get("layer_norm_eps", 1e-12))
    w = _weights(model_dir)

    initializers: list[onnx.TensorProto] = []

    def tensor(name: str, value: NDArray[Any]) -> str:
        initializers.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def linear(prefix: str) -> tuple[NDArray[Any], NDArray[Any]]:  # torch stores (out, in); MatMul wants (in, out)
        return w[f"{prefix}.weight"].T.astype(np.float32), w[f"{prefix}.bias"].astype(np.float32)

    nodes: list[onnx.NodeProto] = []

    def node(op: str, inputs: list[str], output: str, domain: str = "", **attributes: Any) -> str:
        nodes.append(helper.make_node(op, inputs, [output], name=output, domain=domain, **attributes))
        return output

    ms = "com.microsoft"
    ids32 = node("Cast", ["input_ids"], "ids32", to=TensorProto.INT32)
    mask32 = node("Cast", ["attention_mask"], "mask32", to=TensorProto.INT32)
    segments = node(
        "ConstantOfShape",
        [node("Shape", ["input_ids"], "ids_shape")],
        "segments",
        value=numpy_helper.from_array(np.zeros(1, dtype=np.int32)),
    )
    nodes.append(
        helper.make_node(
            "EmbedLayerNormalization",
            [
                ids32,
                segments,
                tensor("word_embeddings", w["embeddings.word_embeddings.weight"]),
                tensor("position_embeddings", w["embeddings.position_embeddings.weight"]),
                tensor("token_type_embeddings", w["embeddings.token_type_embeddings.weight"]),
                tensor("embeddings_ln_gamma", w["embeddings.LayerNorm.weight"]),
                tensor("embeddings_ln_beta", w["embeddings.LayerNorm.bias"]),
                mask32,
            ],
            ["layer_input_0", "mask_index"],
            name="embeddings",
            domain=ms,
            epsilon=eps,
        )
    )
    x = "layer_input_0"
    for i in range(layers):
        p = f"encoder.layer.{i}"
        (wq, bq), (wk, bk), (wv, bv) = (linear(f"{p}.attention.self.{part}") for part in ("query", "key", "value"))
        qkv_w = tensor(f"l{i}_qkv_w", np.concatenate([wq, wk, wv], axis=1))
        qkv_b = tensor(f"l{i}_qkv_b", np.concatenate([bq, bk, bv]))
        context = node("Attention", [x, qkv_w, qkv_b, "mask_index"], f"l{i}_context", ms, num_heads=heads)
        wo, bo = linear(f"{p}.attention.output.dense")
        projected = node("MatMul", [context, tensor(f"l{i}_wo", wo)], f"l{i}_attn_out")
        attended = node(
            "SkipLayerNormalization",
            [
                projected,
                x,
                tensor(f"l{i}_ln1_g", w[f"{p}.attention.output.LayerNorm.weight"]),
                tensor(f"l{i}_ln1_b", w[f"{p}.attention.output.LayerNorm.bias"]),
                tensor(f"l{i}_bo", bo),
            ],
            f"l{i}_attended",
            ms,
            epsilon=eps,
        )
        wi, bi = linear(f"{p}.intermediate.dense")
        inner = node("MatMul", [attended, tensor(f"l{i}_wi", wi)], f"l{i}_inner")
        activated = node("BiasGelu", [inner, tensor(f"l{i}_bi", bi)], f"l{i}_gelu", ms)
        wout, bout = linear(f"{p}.output.dense")
        out = node("MatMul", [activated, tensor(f"l{i}_wout", wout)], f"l{i}_ffn_out")
        x = node(
            "SkipLayerNormalization",
            [
                out,
                attended,
                tensor(f"l{i}_ln2_g", w[f"{p}.output.LayerNorm.weight"]),
                tensor(f"l{i}_ln2_b", w[f"{p}.output.LayerNorm.bias"]),
                tensor(f"l{i}_bout", bout),
            ],
            f"layer_input_{i + 1}",
            ms,
            epsilon=eps,
        )

    # sentence-transformers' Pooling (mean over the mask, count clamped at 1e-9) and Normalize
    # (F.normalize: norm clamped at 1e-12).
    axis1 = tensor("axis1", np.array([1], dtype=np.int64))
    weights = node(
        "Cast", [node("Unsqueeze", ["attention_mask", tensor("axis_last", np.array([-1], dtype=np.int64))], "mask3")],
        "mask_f", to=TensorProto.FLOAT,
    )  # fmt: skip
    summed = node("ReduceSum", [node("Mul", [x, weights], "masked"), axis1], "summed", keepdims=0)
    counts = node("ReduceSum", [weights, axis1], "counts", keepdims=0)
    count = node("Clip", [counts, tensor("min_count", np.array(1e-9, dtype=np.float32))], "count")
    mean = node("Div", [summed, count], "mean")
    norm = node("ReduceL2", [mean], "norm", axes=[1], keepdims=1)
    norm = node("Clip", [norm, tensor("min_norm", np.array(1e-12, dtype=np.float32))], "norm_clipped")
    node("Div", [mean, norm], "sentence_embedding")

    graph = helper.make_graph(
        nodes,
        "all-MiniLM-L6-v2 sentence embedding",
        [
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "sequence"]),
            helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "sequence"]),
        ],
        [helper.make_tensor_value_info("sentence_embedding", TensorProto.FLOAT, ["batch", hidden])],
        initializers,
    )
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", OPSET), helper.make_opsetid("com.microsoft", 1)],
        producer_name="parallax",
        ir_version=8,
    )
    model.doc_string = f"Built by parallax.core.onnx_export from {model_dir.name}/model.safetensors"
    return model


def _texts_digest(texts: Sequence[str]) -> str:
    return hashlib.sha256(json.dumps(list(texts), ensure_ascii=False).encode("utf-8")).hexdigest()


def sentence_transformers_vectors(model_dir: Path, texts: Sequence[str]) -> NDArray[np.float32]:
    """``SentenceTransformer.encode`` on ``texts`` (unit vectors): imports torch."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    vectors = SentenceTransformer(str(model_dir), device="cpu").encode(
        list(texts), batch_size=32, convert_to_numpy=True, normalize_embeddings=True, show_progress_bar=False
    )
    return np.asarray(vectors, dtype=np.float32)


def stored_reference(model_dir: Path, texts: Sequence[str], file: Path | None = None) -> NDArray[np.float32] | None:
    """The stored sentence-transformers vectors of ``texts``, when they were made from these very weights."""
    from parallax.core.onnx_embed import weights_digest

    return stored_vectors(weights_digest(model_dir), texts, file)


def stored_vectors(weights_sha256: str, texts: Sequence[str], file: Path | None = None) -> NDArray[np.float32] | None:
    """The stored sentence-transformers vectors of ``texts`` for the weights with this SHA-256, or None."""
    try:
        with np.load(file or REFERENCE_FILE, allow_pickle=False) as stored:
            weights, texts_digest, vectors = (
                str(stored["weights_sha256"]),
                str(stored["texts_sha256"]),
                stored["vectors"],
            )
    except (OSError, KeyError, ValueError):
        return None
    if weights != weights_sha256 or texts_digest != _texts_digest(texts):
        return None
    return np.asarray(vectors, dtype=np.float32)


def write_reference(model_dir: Path | str, file: Path | None = None, texts: Sequence[str] = SAMPLES) -> Path:
    """Store sentence-transformers' vectors of ``texts`` for ``model_dir``'s weights (run when the model changes)."""
    from parallax.core.onnx_embed import weights_digest

    model_dir, file = Path(model_dir), file or REFERENCE_FILE
    vectors = sentence_transformers_vectors(model_dir, texts)
    with file.open("wb") as handle:
        np.savez(
            handle,
            weights_sha256=np.array(weights_digest(model_dir)),
            texts_sha256=np.array(_texts_digest(texts)),
            vectors=vectors,
        )
    return file


def check(onnx_path: Path, model_dir: Path, texts: Sequence[str] = SAMPLES) -> tuple[float, str]:
    """The lowest cosine between the ONNX vectors and sentence-transformers' on ``texts``, and which were used.

    The second value is "stored" (the vectors kept beside this module for these
    weights) or "computed" (``SentenceTransformer.encode`` run now).
    """
    from parallax.core.onnx_embed import _OnnxModel

    texts = list(texts)
    ours = _OnnxModel(onnx_path, model_dir).encode(texts)
    reference = stored_reference(model_dir, texts)
    how = "stored"
    if reference is None:
        reference, how = sentence_transformers_vectors(model_dir, texts), "computed"
    if ours.shape != reference.shape:
        raise ExportError(f"the ONNX vectors have shape {ours.shape}, sentence-transformers' {reference.shape}")
    return float(np.min(np.sum(ours * reference, axis=1))), how


def export(model_dir: Path | str, target: Path | str) -> tuple[float, float, str]:
    """Build, check and install ``target`` (atomically); returns the seconds taken, the lowest cosine and
    which reference vectors the check used (see :func:`check`)."""
    import onnx

    started = time.perf_counter()
    model_dir, target = Path(model_dir), Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        onnx.save(build_model(model_dir), str(temporary))
        cosine, how = check(temporary, model_dir)
        if not cosine >= MIN_COSINE:
            raise ExportError(f"the ONNX vectors differ from sentence-transformers' (cosine {cosine:.6f})")
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
    return time.perf_counter() - started, cosine, how


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m parallax.core.onnx_export", description=__doc__.split("\n")[0])
    parser.add_argument("--model", required=True, help="the sentence-transformers model folder")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", help="the .onnx file to write")
    target.add_argument(
        "--write-reference",
        metavar="FILE",
        nargs="?",
        const=str(REFERENCE_FILE),
        help=f"store sentence-transformers' vectors of the check's texts (default {REFERENCE_FILE.name})",
    )
    args = parser.parse_args(argv)
    try:
        if args.write_reference:
            written = write_reference(args.model, Path(args.write_reference))
            print(f"wrote sentence-transformers' vectors of {len(SAMPLES)} texts to {written}")
            return 0
        seconds, cosine, how = export(args.model, args.out)
    except Exception as error:  # the parent shows this line and falls back; no traceback
        message = " ".join(str(error).split()) or type(error).__name__
        print(f"{type(error).__name__}: {message[:300]}", file=sys.stderr)
        return 1
    print(
        f"exported {args.out} in {seconds:.1f} s (lowest cosine {cosine:.6f} with {how} sentence-transformers vectors)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
