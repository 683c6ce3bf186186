"""Train the learned link check and score it: all-MiniLM-L6-v2 read as a cross-encoder, tuned with LoRA.

Usage: python training/link_check/pair_model_train.py DATA_DIR MODEL_DIR OUT_DIR [--epochs N] [--max-seconds S]
       python training/link_check/pair_model_train.py DATA_DIR MODEL_DIR OUT_DIR --adapters FILE   (score only)

DATA_DIR holds what training/link_check/pair_model_data.py wrote; MODEL_DIR the bundled model (config, tokenizer,
safetensors weights, in any float type). The model reads "[CLS] article text [SEP] report text [SEP]"
and says, from the mean of its last layer, whether the two texts tell no common fact (0), tell the
same fact alike (1), or tell it differently (2). Only low-rank adapters on every linear layer of the
encoder, the segment embeddings and a three-way head are trained, so what is shipped is a small file
of adapters (OUT_DIR/pair_model.safetensors) over the weights Parallax already has.

After training it scores the model on data it never saw, and writes the figures to OUT_DIR/metrics.json
and every probability to OUT_DIR/eval_probs.npz (for choosing a decision rule later without a GPU):
ClaimDiff (strengthen = agree, weaken = diverge, unrelated = no link), ABCD news (every sentence pair of
every document pair), SummEdits news (each summary sentence against every document sentence) and the
held-out labelled sets (each report paragraph against every article paragraph).

Runs on a GPU where there is one (bfloat16), else on the CPU (slower: hours for the full data).

May import: the standard library, numpy, torch, safetensors and transformers. Never ``parallax``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import save_file
from torch import nn
from transformers import AutoTokenizer, BertModel

LABELS = ("no link", "agree", "diverge")
TARGETS = ("query", "key", "value", "attention.output.dense", "intermediate.dense", "output.dense")


class LoraLinear(nn.Module):
    """A frozen linear layer plus a trainable low-rank update: W x + (B A x) * alpha / rank."""

    def __init__(self, base: nn.Linear, rank: int, alpha: float) -> None:
        super().__init__()
        self.base = base
        for p in self.base.parameters():
            p.requires_grad_(False)
        self.lora_a = nn.Parameter(torch.randn(rank, base.in_features) / math.sqrt(base.in_features))
        self.lora_b = nn.Parameter(torch.zeros(base.out_features, rank))
        self.scale = alpha / rank

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + (x @ self.lora_a.T @ self.lora_b.T) * self.scale


class PairModel(nn.Module):
    def __init__(self, encoder: BertModel, rank: int, alpha: float) -> None:
        super().__init__()
        self.encoder = encoder
        for p in encoder.parameters():
            p.requires_grad_(False)
        for name, module in list(encoder.encoder.named_modules()):
            for child_name, child in list(module.named_children()):
                full = f"{name}.{child_name}" if name else child_name
                if isinstance(child, nn.Linear) and full.endswith(TARGETS):
                    setattr(module, child_name, LoraLinear(child, rank, alpha))
        encoder.embeddings.token_type_embeddings.weight.requires_grad_(True)
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(encoder.config.hidden_size, len(LABELS))

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor
    ) -> torch.Tensor:
        hidden = self.encoder(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        ).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return self.head(self.dropout(pooled))

    def trained_tensors(self) -> dict[str, torch.Tensor]:
        """What is shipped: adapters keyed by the encoder's own weight names, segment embeddings, head."""
        out: dict[str, torch.Tensor] = {}
        for name, module in self.encoder.encoder.named_modules():
            if isinstance(module, LoraLinear):
                out[f"encoder.{name}.lora_a"] = module.lora_a.detach().float().cpu().contiguous()
                out[f"encoder.{name}.lora_b"] = (module.lora_b * module.scale).detach().float().cpu().contiguous()
        out["embeddings.token_type_embeddings.weight"] = (
            self.encoder.embeddings.token_type_embeddings.weight.detach().float().cpu().contiguous()
        )
        out["head.weight"] = self.head.weight.detach().float().cpu().contiguous()
        out["head.bias"] = self.head.bias.detach().float().cpu().contiguous()
        return out


def load_pair_model(model_dir: Path, adapters: Path, device: str = "cpu") -> tuple[PairModel, object]:
    """The bundled encoder with trained adapters, segment embeddings and head, and its tokenizer."""
    from safetensors.torch import load_file

    tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
    encoder = BertModel.from_pretrained(str(model_dir), dtype=torch.float32, add_pooling_layer=False)
    trained = load_file(str(adapters))
    rank = int(trained["encoder.layer.0.attention.self.query.lora_a"].shape[0])
    model = PairModel(encoder, rank, alpha=float(rank))  # lora_b was saved with its scale folded in
    state = {name: tensor for name, tensor in model.named_parameters()}
    for name, tensor in trained.items():
        state[name if name.startswith("head.") else f"encoder.{name}"].data.copy_(tensor)
    return model.to(device).eval(), tokenizer


def read_json(path: Path) -> dict[str, object]:
    """A JSON file, or its gzipped copy (``NAME.gz``) where only that is there."""
    if not path.exists() and path.with_name(path.name + ".gz").exists():
        with gzip.open(path.with_name(path.name + ".gz"), "rt", encoding="utf-8") as packed:
            return json.load(packed)  # type: ignore[no-any-return]
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def read_lines(path: Path) -> list[dict[str, object]]:
    """A JSON-lines file, or its gzipped copy (``NAME.gz``) where only that is there."""
    if not path.exists() and path.with_name(path.name + ".gz").exists():
        with gzip.open(path.with_name(path.name + ".gz"), "rt", encoding="utf-8") as packed:
            return [json.loads(line) for line in packed]
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


class Scorer:
    """Batched probabilities for (article, report) text pairs, longest first to keep padding low."""

    def __init__(self, model: PairModel, tokenizer: object, device: str, max_length: int, batch: int) -> None:
        self.model, self.tokenizer, self.device = model, tokenizer, device
        self.max_length, self.batch = max_length, batch

    @torch.no_grad()
    def __call__(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        self.model.eval()
        order = sorted(range(len(pairs)), key=lambda i: -(len(pairs[i][0]) + len(pairs[i][1])))
        out = np.zeros((len(pairs), len(LABELS)), dtype=np.float32)
        for start in range(0, len(order), self.batch):
            chunk = order[start : start + self.batch]
            enc = self.tokenizer(  # type: ignore[operator]
                [pairs[i][0] for i in chunk],
                [pairs[i][1] for i in chunk],
                truncation="longest_first",
                max_length=self.max_length,
                padding=True,
                return_tensors="pt",
            ).to(self.device)
            with torch.autocast(self.device, dtype=torch.bfloat16, enabled=self.device == "cuda"):
                logits = self.model(enc["input_ids"], enc["attention_mask"], enc["token_type_ids"])
            out[chunk] = torch.softmax(logits.float(), -1).cpu().numpy()
        return out


def length_batches(rows: Sequence[dict[str, object]], size: int, rng: random.Random) -> list[list[int]]:
    """Shuffled batches of texts of like length (sorted within pools of 50 batches), so padding is small."""
    order = list(range(len(rows)))
    rng.shuffle(order)
    batches: list[list[int]] = []
    pool = size * 50
    for start in range(0, len(order), pool):
        chunk = sorted(order[start : start + pool], key=lambda i: len(str(rows[i]["a"])) + len(str(rows[i]["b"])))
        batches.extend(chunk[k : k + size] for k in range(0, len(chunk), size))
    rng.shuffle(batches)
    return batches


def train(
    model: PairModel, tokenizer: object, rows: list[dict[str, object]], args: argparse.Namespace, device: str
) -> None:
    params = [p for p in model.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    steps_per_epoch = math.ceil(len(rows) / args.batch)
    total = steps_per_epoch * args.epochs
    warm = max(1, total // 20)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm)))
    )
    counts = np.bincount([int(r["y"]) for r in rows], minlength=len(LABELS)).astype(np.float64)  # type: ignore[call-overload]
    weights = torch.tensor(
        (counts.sum() / (len(LABELS) * np.maximum(counts, 1))) ** 0.5, dtype=torch.float32, device=device
    )
    loss_of = nn.CrossEntropyLoss(weight=weights)
    rng = random.Random(7)
    started = time.perf_counter()
    step = 0
    for epoch in range(args.epochs):
        model.train()
        running = 0.0
        for indices in length_batches(rows, args.batch, rng):
            chunk = [rows[i] for i in indices]
            enc = tokenizer(  # type: ignore[operator]
                [str(r["a"]) for r in chunk],
                [str(r["b"]) for r in chunk],
                truncation="longest_first",
                max_length=args.max_length,
                padding=True,
                return_tensors="pt",
            ).to(device)
            labels = torch.tensor([int(r["y"]) for r in chunk], device=device)  # type: ignore[call-overload]
            with torch.autocast(device, dtype=torch.bfloat16, enabled=device == "cuda"):
                logits = model(enc["input_ids"], enc["attention_mask"], enc["token_type_ids"])
            loss = loss_of(logits.float(), labels)
            optimiser.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            optimiser.step()
            schedule.step()
            step += 1
            running += float(loss.detach())
            if step % 200 == 0:
                print(
                    f"epoch {epoch} step {step}/{total} loss {running / 200:.4f} {time.perf_counter() - started:.0f}s",
                    flush=True,
                )
                running = 0.0
            if time.perf_counter() - started > args.max_seconds:
                print(f"stopped at the time limit after {step} steps", flush=True)
                return


# ---------------------------------------------------------------- scoring


def macro_f1(gold: Sequence[int], guess: Sequence[int]) -> tuple[float, float, list[float]]:
    f1s = []
    for k in range(len(LABELS)):
        tp = sum(1 for g, p in zip(gold, guess, strict=True) if g == k and p == k)
        fp = sum(1 for g, p in zip(gold, guess, strict=True) if g != k and p == k)
        fn = sum(1 for g, p in zip(gold, guess, strict=True) if g == k and p != k)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    accuracy = sum(1 for g, p in zip(gold, guess, strict=True) if g == p) / max(1, len(gold))
    return 100 * accuracy, 100 * sum(f1s) / len(f1s), [100 * f for f in f1s]


def score_claimdiff(scorer: Scorer, data: Path, probs: dict[str, np.ndarray]) -> dict[str, object]:
    rows = read_lines(data / "eval_claimdiff.jsonl")
    p = scorer([(str(r["a"]), str(r["b"])) for r in rows])
    probs["claimdiff"] = p
    gold = [int(r["y"]) for r in rows]  # type: ignore[call-overload]
    accuracy, f1, per = macro_f1(gold, list(p.argmax(1)))
    return {"accuracy": accuracy, "macro_f1": f1, "f1_per_class": per, "pairs": len(rows)}


def score_abcd(scorer: Scorer, data: Path, probs: dict[str, np.ndarray]) -> dict[str, object]:
    """Annotated source sentences against their candidate targets (all targets where none are given)."""
    abcd = read_json(data / "eval_abcd.json")
    docs, links = abcd["docs"], abcd["links"]  # type: ignore[index]
    candidates = abcd.get("candidates", {})  # type: ignore[attr-defined]
    pairs: list[tuple[str, str]] = []
    where: list[tuple[str, str, int]] = []
    for pair_id, item in links.items():
        source, target = docs[item["doc1"]], docs[item["doc2"]]
        for source_key in item["links"]:
            targets = candidates.get(pair_id, {}).get(source_key, range(len(target)))
            for j in targets:
                pairs.append((source[source_key], target[str(j)]))
                where.append((pair_id, source_key, int(j)))
    p = scorer(pairs)
    probs["abcd"] = p.astype(np.float16)
    related: dict[tuple[str, str], dict[int, float]] = {}
    for (pair_id, source_key, j), row in zip(where, p, strict=True):
        related.setdefault((pair_id, source_key), {})[j] = 1.0 - float(row[0])
    results = {}
    for policy, values in (("arg-max", (0.3, 0.5, 0.7, 0.9)), ("near-best", (0.05, 0.1, 0.2))):
        for value in values:
            sources = found = predicted = correct = 0
            for pair_id, item in links.items():
                for source_key, targets in item["links"].items():
                    scores = related.get((pair_id, source_key), {})
                    gold = {int(t) for t in targets}
                    top = max(scores.values(), default=0.0)
                    if policy == "arg-max":
                        best = max(scores, key=scores.__getitem__) if scores else -1
                        guess = {best} if scores and top >= value else set()
                    else:
                        guess = {j for j, r in scores.items() if r >= 0.5 and r >= top - value}
                    sources += 1
                    found += bool(guess & gold)
                    predicted += len(guess)
                    correct += len(guess & gold)
            results[f"{policy} {value}"] = {"recall": found / sources, "precision": correct / max(1, predicted)}
    return results


def score_summedits(scorer: Scorer, data: Path, probs: dict[str, np.ndarray]) -> dict[str, object]:
    """Each summary sentence against its candidate document sentences; a row diverges if any does."""
    rows = read_lines(data / "eval_summedits.jsonl")
    pairs: list[tuple[str, str]] = []
    where: list[tuple[int, int]] = []
    for n, r in enumerate(rows):
        doc, summary = list(r["doc"]), list(r["summary"])  # type: ignore[call-overload]
        chosen = r.get("candidates") or [list(range(len(doc)))] * len(summary)
        for k, s in enumerate(summary):
            for d in chosen[k]:  # type: ignore[index]
                pairs.append((doc[d], s))
                where.append((n, k))
    p = scorer(pairs)
    probs["summedits"] = p
    best: dict[tuple[int, int], np.ndarray] = {}
    for key, row in zip(where, p, strict=True):
        if key not in best or row[1:].sum() > best[key][1:].sum():
            best[key] = row
    gold = [int(r["label"]) for r in rows]  # type: ignore[call-overload]
    results = {}
    for t in (0.3, 0.5, 0.7, 0.9):
        guess = [0 if any(best[key][2] >= t for key in best if key[0] == n) else 1 for n in range(len(rows))]
        results[f"diverge >= {t}"] = balanced_accuracy(gold, guess)
    return results


def balanced_accuracy(gold: Sequence[int], guess: Sequence[int]) -> float:
    rates = []
    for k in (0, 1):
        n = sum(1 for g in gold if g == k)
        rates.append(sum(1 for g, p in zip(gold, guess, strict=True) if g == k and p == k) / max(1, n))
    return 100 * sum(rates) / 2


def score_own(scorer: Scorer, data: Path, probs: dict[str, np.ndarray]) -> dict[str, object]:
    sets = read_json(data / "eval_own.json")
    results = {}
    for name, (story,) in sets.items():
        article = story["article"]
        content = [i for i in range(len(article)) if i not in set(story["boilerplate"])]
        linked = right = labelled = labels_right = only = only_right = 0
        for report in story["reports"]:
            gold_of: dict[int, tuple[set[int], str]] = {}
            for link in report["links"]:
                for j in link["report"]:
                    gold_of[j] = (set(link["article"]), link["label"])
            units = [*gold_of, *report["report_only"]]
            chosen = report.get("candidates") or [content] * len(report["report"])
            pairs = [(article[i], report["report"][j]) for j in units for i in chosen[j]]
            p = scorer(pairs)
            probs["own " + report["name"].replace("/", "_")] = p
            offset = 0
            for j in units:
                rows = p[offset : offset + len(chosen[j])]
                offset += len(chosen[j])
                rel = 1.0 - rows[:, 0]
                best = int(rel.argmax())
                guess = chosen[j][best] if rel[best] >= 0.5 else None
                if j in gold_of:
                    linked += 1
                    if guess in gold_of[j][0]:
                        right += 1
                        labelled += 1
                        said = "diverge" if rows[best, 2] > rows[best, 1] else "agree"
                        labels_right += said == gold_of[j][1]
                else:
                    only += 1
                    only_right += guess is None
        results[name] = {
            "linked right": right / max(1, linked),
            "labels right (linked right)": labels_right / max(1, labelled),
            "only in report kept unlinked": only_right / max(1, only),
        }
    return results


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", type=Path)
    parser.add_argument("model", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--lr", type=float, default=5e-4)
    parser.add_argument("--rank", type=int, default=16)
    parser.add_argument("--alpha", type=float, default=32.0)
    parser.add_argument("--max-length", type=int, default=256)
    parser.add_argument("--max-seconds", type=float, default=float("inf"))
    parser.add_argument("--limit", type=int, default=0, help="train on this many pairs only (a smoke test)")
    parser.add_argument("--skip", default="", help="comma-separated evaluations to skip")
    parser.add_argument("--adapters", type=Path, help="score these trained adapters instead of training")
    args = parser.parse_args()
    torch.manual_seed(20261129)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    args.out.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, object]] = []
    trained_s = 0.0
    if args.adapters:  # score a model trained before
        model, tokenizer = load_pair_model(args.model, args.adapters, device)
    else:
        tokenizer = AutoTokenizer.from_pretrained(str(args.model))
        encoder = BertModel.from_pretrained(str(args.model), dtype=torch.float32, add_pooling_layer=False)
        model = PairModel(encoder, args.rank, args.alpha).to(device)
        rows = read_lines(args.data / "train.jsonl")
        if args.limit:
            rows = rows[: args.limit]
        started = time.perf_counter()
        train(model, tokenizer, rows, args, device)
        trained_s = time.perf_counter() - started
        meta = {
            "labels": ",".join(LABELS),
            "rank": str(args.rank),
            "max_length": str(args.max_length),
            "pooling": "mean",
            "training_pairs": str(len(rows)),
            "epochs": str(args.epochs),
        }
        save_file(model.trained_tensors(), str(args.out / "pair_model.safetensors"), metadata=meta)
        print(f"trained on {len(rows)} pairs in {trained_s:.0f} s on {device}", flush=True)
    scorer = Scorer(model, tokenizer, device, args.max_length, 512 if device == "cuda" else 32)
    probs: dict[str, np.ndarray] = {}
    metrics: dict[str, object] = {"training_seconds": trained_s, "device": device, "pairs": len(rows)}
    skip = set(args.skip.split(","))
    for name, scoring in (
        ("claimdiff", score_claimdiff),
        ("own", score_own),
        ("summedits", score_summedits),
        ("abcd", score_abcd),
    ):
        if name in skip:
            continue
        began = time.perf_counter()
        metrics[name] = scoring(scorer, args.data, probs)
        print(name, f"{time.perf_counter() - began:.0f}s", json.dumps(metrics[name], indent=1), flush=True)
        (args.out / "metrics.json").write_text(json.dumps(metrics, indent=1), encoding="utf-8")
        np.savez_compressed(args.out / "eval_probs.npz", **probs)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "true")
    sys.exit(main())
