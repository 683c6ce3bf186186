"""Fine-tune all-MiniLM-L6-v2 as a cross-encoder that says whether a claim is supported by its context.

Input: ``examples.jsonl`` from ``make_data.py contexts`` (``context``, ``claim``, ``label`` 1 = supported,
``kind``, ``split`` in train/val/dev, ``group``). Trains on ``train``, reports accuracy per kind on ``val``
(held-out synthetic documents) and, when present, balanced accuracy on ``dev`` rows (a row is flagged when
any of its sentences scores below the threshold). Dev rows are never trained on.

The model: the bundled BERT encoder (6 layers, 384 wide), mean-pooled over the tokens of
``[CLS] claim [SEP] context [SEP]``, then one linear unit (the logit of "supported"). The word-embedding
table stays frozen, so the shipped file holds only the other weights (int8 per output row for matrices,
float32 for the rest) and borrows the word embeddings from the model package at run time; see
:mod:`parallax.core.support`, which runs the same network in numpy.

Runs on a GPU (minutes) or a CPU (hours; same seed, same data order):
    python training/checker/train.py --data DIR/examples.jsonl --model MODEL_DIR --out OUT [--device cuda]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
import torch
from torch import nn


class CrossEncoder(nn.Module):
    def __init__(self, model_dir: str) -> None:
        super().__init__()
        from transformers import AutoModel

        self.encoder = AutoModel.from_pretrained(model_dir).float()
        self.head = nn.Linear(self.encoder.config.hidden_size, 1)
        # Frozen, and rounded to float16 so that a float16 copy of the model folder (small enough to carry
        # to a GPU machine) trains exactly like the package's float32 one; the engine rounds them the same way.
        words = self.encoder.embeddings.word_embeddings.weight
        words.requires_grad_(False)
        words.data = words.data.half().float()

    def forward(
        self, input_ids: torch.Tensor, token_type_ids: torch.Tensor, attention_mask: torch.Tensor
    ) -> torch.Tensor:
        hidden = self.encoder(
            input_ids=input_ids, token_type_ids=token_type_ids, attention_mask=attention_mask
        ).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return self.head(pooled).squeeze(-1)


def load(path: str, limit: int, no_summedits: bool) -> dict[str, list[dict]]:
    splits: dict[str, list[dict]] = defaultdict(list)
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            example = json.loads(line)
            if no_summedits and example["kind"].startswith("summedits-"):
                continue
            splits[example["split"]].append(example)
    if limit:
        for name in splits:
            splits[name] = splits[name][:limit]
    return splits


def batches(tokenizer, examples: list[dict], size: int, max_len: int, device: str):
    for start in range(0, len(examples), size):
        chunk = examples[start : start + size]
        encoded = tokenizer(
            [e["claim"] for e in chunk],
            [e["context"] for e in chunk],
            truncation="only_second",
            max_length=max_len,
            padding=True,
            return_tensors="pt",
        )
        labels = torch.tensor([float(e["label"]) for e in chunk])
        yield (
            encoded["input_ids"].to(device),
            encoded["token_type_ids"].to(device),
            encoded["attention_mask"].to(device),
            labels.to(device),
        )


@torch.no_grad()
def predict(model, tokenizer, examples: list[dict], args) -> np.ndarray:
    model.eval()
    out = []
    for ids, types, mask, _ in batches(tokenizer, examples, args.batch * 4, args.max_len, args.device):
        with torch.autocast("cuda", dtype=torch.bfloat16, enabled=args.device.startswith("cuda")):
            logits = model(ids, types, mask)
        out.append(torch.sigmoid(logits.float()).cpu().numpy())
    model.train()
    return np.concatenate(out) if out else np.zeros(0)


def balanced_accuracy(gold: list[int], flagged: list[bool]) -> float:
    parts = []
    for label in (0, 1):
        rows = [f for g, f in zip(gold, flagged, strict=True) if g == label]
        if rows:
            parts.append(sum((not f) if label == 1 else f for f in rows) / len(rows))
    return 100 * sum(parts) / len(parts) if parts else float("nan")


def dev_report(examples: list[dict], probs: np.ndarray) -> dict:
    rows: dict[object, dict] = {}
    for example, p in zip(examples, probs, strict=True):
        row = rows.setdefault(example["group"], {"label": example["label"], "kind": example["kind"], "min": 1.0})
        row["min"] = min(row["min"], float(p))
    gold = [r["label"] for r in rows.values()]
    report = {"rows": len(rows)}
    for threshold in (0.3, 0.5, 0.7):
        report[f"bacc@{threshold}"] = round(balanced_accuracy(gold, [r["min"] < threshold for r in rows.values()]), 1)
    best = max((balanced_accuracy(gold, [r["min"] < t for r in rows.values()]), t) for t in np.linspace(0.05, 0.95, 19))
    report["best"] = (round(best[0], 1), round(float(best[1]), 2))
    return report


def val_report(examples: list[dict], probs: np.ndarray) -> dict:
    by_kind: dict[str, list[bool]] = defaultdict(list)
    for example, p in zip(examples, probs, strict=True):
        kind = "summedits" if example["kind"].startswith("summedits-") else example["kind"]
        by_kind[f"{kind}:{example['label']}"].append((p >= 0.5) == bool(example["label"]))
    overall = [ok for oks in by_kind.values() for ok in oks]
    report = {"acc": round(100 * sum(overall) / max(1, len(overall)), 1)}
    report.update({k: round(100 * sum(v) / len(v), 1) for k, v in sorted(by_kind.items())})
    return report


def save(model: CrossEncoder, path: Path, meta: dict) -> None:
    """Every weight but the word embeddings: matrices as int8 with a scale per output row, the rest float32."""
    arrays: dict[str, np.ndarray] = {}
    for name, tensor in model.state_dict().items():
        if "word_embeddings" in name or ".pooler." in name or "position_ids" in name:
            continue
        value = tensor.detach().float().cpu().numpy()
        if value.ndim == 2 and "embeddings" not in name:
            scale = np.maximum(np.abs(value).max(axis=1), 1e-8) / 127.0
            arrays[name + ".q"] = np.round(value / scale[:, None]).astype(np.int8)
            arrays[name + ".s"] = scale.astype(np.float32)
        else:
            arrays[name] = value.astype(np.float16 if value.ndim == 2 else np.float32)
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)
    np.savez_compressed(path, **arrays)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True)
    parser.add_argument(
        "--model", required=True, help="the all-MiniLM-L6-v2 folder (parallax.core.embed.bundled_model_path())"
    )
    parser.add_argument("--out", required=True)
    parser.add_argument("--name", default="checker")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=3e-5)
    parser.add_argument("--max-len", type=int, default=256)
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--limit", type=int, default=0, help="first N examples of each split (smoke tests)")
    parser.add_argument("--no-summedits", action="store_true", help="train on the synthetic news claims only")
    args = parser.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    from transformers import AutoTokenizer

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    splits = load(args.data, args.limit, args.no_summedits)
    train = splits["train"]
    print({k: len(v) for k, v in splits.items()}, "positives", sum(e["label"] for e in train), flush=True)
    tokenizer = AutoTokenizer.from_pretrained(args.model)
    model = CrossEncoder(args.model).to(args.device)
    params = [p for p in model.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    steps = args.epochs * math.ceil(len(train) / args.batch)
    warmup = max(1, int(0.06 * steps))

    def schedule(step: int) -> float:
        return step / warmup if step < warmup else max(0.0, (steps - step) / max(1, steps - warmup))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimiser, schedule)
    loss_fn = nn.BCEWithLogitsLoss()
    order_rng = random.Random(args.seed)
    started = time.time()
    step = 0
    for epoch in range(args.epochs):
        order = list(train)
        order_rng.shuffle(order)
        total = 0.0
        for ids, types, mask, labels in batches(tokenizer, order, args.batch, args.max_len, args.device):
            with torch.autocast("cuda", dtype=torch.bfloat16, enabled=args.device.startswith("cuda")):
                logits = model(ids, types, mask)
            loss = loss_fn(logits.float(), labels)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            optimiser.step()
            scheduler.step()
            optimiser.zero_grad(set_to_none=True)
            total += loss.detach()
            step += 1
            if step % 200 == 0:
                print(
                    f"epoch {epoch} step {step}/{steps} loss {float(total) / 200:.4f} {time.time() - started:.0f}s",
                    flush=True,
                )
                total = 0.0
        line = {"epoch": epoch, "seconds": round(time.time() - started)}
        if splits.get("val"):
            line["val"] = val_report(splits["val"], predict(model, tokenizer, splits["val"], args))
        if splits.get("dev"):
            probs = predict(model, tokenizer, splits["dev"], args)
            line["dev"] = dev_report(splits["dev"], probs)
        print(json.dumps(line), flush=True)
    meta = {"name": args.name, "max_len": args.max_len, "pooling": "mean", "epochs": args.epochs, "lr": args.lr,
            "batch": args.batch, "seed": args.seed, "word_round": "float16", "train_examples": len(train),
            "no_summedits": args.no_summedits}  # fmt: skip
    save(model, out / f"{args.name}.npz", meta)
    if splits.get("dev"):  # per-sentence probabilities, to check the numpy port against torch
        probs = predict(model, tokenizer, splits["dev"], args)
        (out / f"{args.name}-dev.json").write_text(json.dumps([round(float(p), 5) for p in probs]))
    print(f"saved {out / (args.name + '.npz')} after {time.time() - started:.0f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
