"""Build the training and evaluation pairs for the learned link check (training/link_check/pair_model_train.py).

Usage: python training/link_check/pair_model_data.py OUT_DIR [--benchmarks DIR]

Writes JSON-lines files of ``{"a": article text, "b": report text, "y": 0 | 1 | 2}`` (0 = no link,
1 = agree, 2 = diverge) and the evaluation files the trainer scores on. Training data comes only from
what the project may train on:

- the project's own labelled sets (written by its developers), except the sets kept for evaluation
  (``EVAL_SETS``) and ``SKIPPED_SETS`` (a set nobody has read yet): linked paragraphs with their label,
  the sentences holding a labelled conflict, and unlinked paragraphs of the same story, the most similar
  first, as "no link";
- FNC-1's news bodies (``train/fnc-1``): sentences against a corrupted copy (a number, name, date,
  negation or direction changed: FactCC's recipe) as "diverge", against a shortened or reworded copy as
  "agree", against another sentence of the same body as "no link"; headlines against the body sentence
  closest to them, "agree" / "disagree" stances only;
- SummEdits' seven non-news domains (``train/summedits-other``): the summary against the two document
  sentences closest to it.

Evaluation files (never trained on): ClaimDiff, ABCD news, SummEdits news (read from the benchmarks
folder), and the held-out labelled sets. They are written for the trainer only and are not part of the
project: keep OUT_DIR outside version control.

May import: the standard library, numpy and ``parallax.core`` (run from the repository root with
``desktop`` on the path).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "desktop"), str(ROOT / "tests")]

from labelled_sets import labelled_manifests  # noqa: E402
from parallax.core.embed import EmbeddingCache, default_embedder, embed  # noqa: E402
from parallax.core.evaluate import load_manifest  # noqa: E402
from parallax.core.ingest import document_from_text, read_document  # noqa: E402

NONE, AGREE, DIVERGE = 0, 1, 2
EVAL_SETS = ("tests/dev31", "tests/dev32", "tests/dev34", "tests/dev35", "tests/heldout")
SKIPPED_SETS = ("tests/dev33",)
HARD_NEGATIVES = 3
CANDIDATES = 5

_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\b")
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_OPPOSITES = [
    ("increase", "decrease"),
    ("increased", "decreased"),
    ("rise", "fall"),
    ("rose", "fell"),
    ("more", "fewer"),
    ("higher", "lower"),
    ("won", "lost"),
    ("approved", "rejected"),
    ("before", "after"),
    ("accepted", "refused"),
    ("confirmed", "denied"),
    ("support", "oppose"),
    ("supported", "opposed"),
    ("allowed", "banned"),
    ("open", "closed"),
    ("true", "false"),
    ("alive", "dead"),
    ("largest", "smallest"),
    ("first", "last"),
    ("up", "down"),
    ("north", "south"),
    ("east", "west"),
    ("gained", "lost"),
    ("guilty", "innocent"),
    ("arrested", "released"),
    ("agreed", "refused"),
    ("began", "ended"),
    ("started", "stopped"),
]
_NEGATABLE = [
    (" is ", " is not "),
    (" was ", " was not "),
    (" are ", " are not "),
    (" were ", " were not "),
    (" has ", " has not "),
    (" have ", " have not "),
    (" will ", " will not "),
    (" can ", " cannot "),
    (" did ", " did not "),
    (" would ", " would not "),
    (" could ", " could not "),
]
_REWORDINGS = [
    (" said ", " stated "),
    (" told ", " informed "),
    (" about ", " around "),
    (" nearly ", " almost "),
    (" big ", " large "),
    (" started ", " began "),
    (" buy ", " purchase "),
    (" help ", " assist "),
    (" people ", " persons "),
    (" also ", " as well "),
    (" officials ", " authorities "),
]


def write_lines(path: Path, rows: Sequence[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def sentences_of(text: str) -> list[str]:
    document = document_from_text(text)
    return [text_of(document, s.start, s.end) for s in document.sentences]


def text_of(document: object, start: int, end: int) -> str:
    return document.text[start:end].strip()  # type: ignore[attr-defined]


# ---------------------------------------------------------------- own labelled sets


def own_set_pairs(
    manifest_path: str, rng: random.Random, vectors: dict[str, np.ndarray]
) -> Iterator[dict[str, object]]:
    """Linked paragraphs with their labels, conflict sentences, and unlinked paragraphs of the story."""
    manifest = load_manifest(ROOT / manifest_path)
    article = read_document(manifest.article)
    article_texts = [p.text for p in article.paragraphs]
    content = [i for i in range(len(article_texts)) if i not in manifest.article_boilerplate]
    for gold in manifest.reports:
        report = read_document(gold.file)
        linked_to: dict[int, set[int]] = {}
        for link in gold.links:
            a = " ".join(article_texts[i] for i in link["article"])
            b = " ".join(report.paragraphs[j].text for j in link["report"])
            label = DIVERGE if link["label"] == "diverge" else AGREE
            yield {"a": a, "b": b, "y": label}
            for conflict in link.get("conflicts", ()):
                sa = _sentence_holding(a, conflict.get("article", ""))
                sb = _sentence_holding(b, conflict.get("report", ""))
                if sa and sb:
                    yield {"a": sa, "b": sb, "y": DIVERGE}
            for j in link["report"]:
                linked_to.setdefault(j, set()).update(link["article"])
        for j in [*linked_to, *gold.report_only]:
            b = report.paragraphs[j].text
            taken = linked_to.get(j, set())
            others = [i for i in content if i not in taken]
            if not others:
                continue
            vb = vectors.get(b)
            if vb is not None:
                others.sort(key=lambda i: -float(vectors[article_texts[i]] @ vb))
            chosen = others[:HARD_NEGATIVES] + rng.sample(others[HARD_NEGATIVES:], min(1, len(others[HARD_NEGATIVES:])))
            for i in chosen:
                yield {"a": article_texts[i], "b": b, "y": NONE}


def _sentence_holding(text: str, span: str) -> str:
    if not span:
        return ""
    for sentence in sentences_of(text):
        if span in sentence:
            return sentence
    return ""


def own_eval_set(manifest_path: str, vectors: dict[str, np.ndarray]) -> list[dict[str, object]]:
    """Each report paragraph with its closest article paragraphs, and the gold links and labels."""
    manifest = load_manifest(ROOT / manifest_path)
    article = read_document(manifest.article)
    article_texts = [p.text for p in article.paragraphs]
    content = [i for i in range(len(article_texts)) if i not in manifest.article_boilerplate]
    reports = []
    for gold in manifest.reports:
        report = read_document(gold.file)
        reports.append(
            {
                "name": f"{manifest_path}:{gold.file.name}",
                "report": [p.text for p in report.paragraphs],
                "candidates": [
                    [content[i] for i in nearest(vectors[p.text], [vectors[article_texts[i]] for i in content])]
                    for p in report.paragraphs
                ],
                "links": list(gold.links),
                "report_only": list(gold.report_only),
            }
        )
    return [{"article": article_texts, "boilerplate": list(manifest.article_boilerplate), "reports": reports}]


def paragraph_vectors(manifests: Sequence[str]) -> dict[str, np.ndarray]:
    texts: set[str] = set()
    for path in manifests:
        manifest = load_manifest(ROOT / path)
        texts.update(p.text for p in read_document(manifest.article).paragraphs)
        for gold in manifest.reports:
            texts.update(p.text for p in read_document(gold.file).paragraphs)
    ordered = sorted(texts)
    found = embed(ordered, default_embedder(), EmbeddingCache.default())
    return dict(zip(ordered, found.vectors, strict=True))


# ---------------------------------------------------------------- FNC-1 bodies: FactCC-style corruption


def corrupt(sentence: str, body: str, rng: random.Random) -> str | None:
    """The sentence with one fact changed, or None when no change applies."""
    ways = [_swap_number, _swap_name, _swap_date, _flip_negation, _swap_opposite]
    rng.shuffle(ways)
    for way in ways:
        changed = way(sentence, body, rng)
        if changed and changed != sentence:
            return changed
    return None


def _swap_number(sentence: str, body: str, rng: random.Random) -> str | None:
    found = list(_NUMBER.finditer(sentence))
    if not found:
        return None
    match = rng.choice(found)
    digits = match.group().replace(",", "")
    try:
        value = float(digits)
    except ValueError:
        return None
    factor = rng.choice([0.5, 2, 3, 1.5, 0.25, 10])
    new = value * factor if value else rng.randint(2, 9)
    text = f"{round(new):,}" if "," in match.group() else (str(round(new)) if "." not in digits else f"{new:.1f}")
    if text == match.group():
        text = str(int(value) + rng.randint(1, 9))
    return sentence[: match.start()] + text + sentence[match.end() :]


def _swap_name(sentence: str, body: str, rng: random.Random) -> str | None:
    here = {m.group() for m in _NAME.finditer(sentence)} - set(_MONTHS) - set(_DAYS)
    there = {m.group() for m in _NAME.finditer(body)} - here - set(_MONTHS) - set(_DAYS)
    if not here or not there:
        return None
    old = rng.choice(sorted(here))
    candidates = [n for n in sorted(there) if len(n.split()) == len(old.split())] or sorted(there)
    return re.sub(rf"\b{re.escape(old)}\b", rng.choice(candidates), sentence, count=1)


def _swap_date(sentence: str, body: str, rng: random.Random) -> str | None:
    for names in (_DAYS, _MONTHS):
        present = [n for n in names if re.search(rf"\b{n}\b", sentence)]
        if present:
            old = present[0]
            new = rng.choice([n for n in names if n != old])
            return re.sub(rf"\b{old}\b", new, sentence, count=1)
    return None


def _flip_negation(sentence: str, body: str, rng: random.Random) -> str | None:
    for negated, plain in ((" not ", " "), (" n't ", " "), (" never ", " ")):
        if negated in sentence:
            return sentence.replace(negated, plain, 1)
    for plain, negated in rng.sample(_NEGATABLE, len(_NEGATABLE)):
        if plain in sentence:
            return sentence.replace(plain, negated, 1)
    return None


def _swap_opposite(sentence: str, body: str, rng: random.Random) -> str | None:
    pairs = [(x, y) for x, y in _OPPOSITES] + [(y, x) for x, y in _OPPOSITES]
    rng.shuffle(pairs)
    for old, new in pairs:
        if re.search(rf"\b{old}\b", sentence):
            return re.sub(rf"\b{old}\b", new, sentence, count=1)
    return None


def reword(sentence: str, rng: random.Random) -> str:
    """A copy that says the same: a trailing clause dropped, or common words swapped for synonyms."""
    parts = sentence.split(", ")
    if len(parts) > 1 and len(parts[0].split()) >= 6 and rng.random() < 0.5:
        return parts[0].rstrip(".") + "."
    changed = sentence
    for old, new in rng.sample(_REWORDINGS, len(_REWORDINGS)):
        if old in changed:
            changed = changed.replace(old, new, 1)
    return changed


def fnc_pairs(folder: Path, rng: random.Random, limit: int) -> Iterator[dict[str, object]]:
    bodies: dict[str, list[str]] = {}
    with (folder / "train_bodies.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            bodies[row["Body ID"]] = [s for s in sentences_of(row["articleBody"]) if 6 <= len(s.split()) <= 60]
    made = 0
    for sentences in bodies.values():
        body = " ".join(sentences)
        for k, sentence in enumerate(sentences):
            if made >= limit:
                break
            context = " ".join(sentences[max(0, k - 1) : k + 2]) if rng.random() < 0.3 else sentence
            changed = corrupt(sentence, body, rng)
            if changed:
                yield {"a": context, "b": changed, "y": DIVERGE}
                made += 1
            yield {"a": context, "b": reword(sentence, rng), "y": AGREE}
            if len(sentences) > 2:
                other = rng.choice([s for i, s in enumerate(sentences) if abs(i - k) > 1] or [sentences[k - 1]])
                yield {"a": other, "b": sentence, "y": NONE}
    yield from _headline_pairs(folder, bodies, rng)


def _headline_pairs(folder: Path, bodies: dict[str, list[str]], rng: random.Random) -> Iterator[dict[str, object]]:
    stances = {"agree": AGREE, "disagree": DIVERGE}
    rows = []
    with (folder / "train_stances.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["Stance"] in stances and bodies.get(row["Body ID"]):
                rows.append(row)
    texts = sorted({r["Headline"] for r in rows} | {s for r in rows for s in bodies[r["Body ID"]]})
    found = embed(texts, default_embedder(), EmbeddingCache.default())
    vectors = dict(zip(texts, found.vectors, strict=True))
    for row in rows:
        head = vectors[row["Headline"]]
        best = max(bodies[row["Body ID"]], key=lambda s: float(vectors[s] @ head))
        yield {"a": best, "b": row["Headline"], "y": stances[row["Stance"]]}


# ---------------------------------------------------------------- SummEdits, other domains


def summedits_other_pairs(folder: Path) -> Iterator[dict[str, object]]:
    rows = []
    for path in sorted(folder.glob("summedits_*.json")):
        rows.extend(json.loads(path.read_text(encoding="utf-8")))
    doc_sentences = {r["doc"]: sentences_of(r["doc"]) for r in rows}
    texts = sorted({s for ss in doc_sentences.values() for s in ss} | {r["summary"] for r in rows})
    found = embed(texts, default_embedder(), EmbeddingCache.default())
    vectors = dict(zip(texts, found.vectors, strict=True))
    for row in rows:
        sentences = doc_sentences[row["doc"]]
        if not sentences:
            continue
        summary = vectors[row["summary"]]
        best = sorted(range(len(sentences)), key=lambda i: -float(vectors[sentences[i]] @ summary))[:2]
        evidence = " ".join(sentences[i] for i in sorted(best))
        yield {"a": evidence, "b": row["summary"], "y": AGREE if str(row["label"]) == "1" else DIVERGE}


# ---------------------------------------------------------------- evaluation files


def evaluation_files(benchmarks: Path, out: Path) -> None:
    strength = json.loads((benchmarks / "claimdiff/ClaimDiff-strength-train.json").read_text(encoding="utf-8"))["data"]
    weak = json.loads((benchmarks / "claimdiff/ClaimDiff-weak-train.json").read_text(encoding="utf-8"))["data"]
    weakens = {r["pair_id"] for r in weak if int(r["relation"]) == 1}
    claimdiff = [
        {
            "a": r["claim_a"],
            "b": r["claim_b"],
            "y": DIVERGE if r["pair_id"] in weakens else (AGREE if int(r["relation"]) == 1 else NONE),
        }
        for r in strength
    ]
    write_lines(out / "eval_claimdiff.jsonl", claimdiff)
    docs = json.loads((benchmarks / "abcd-news-ecb/docs.json").read_text(encoding="utf-8"))
    links = json.loads((benchmarks / "abcd-news-ecb/links.json").read_text(encoding="utf-8"))
    texts = sorted({t for doc in docs.values() for t in doc.values()})
    found = embed(texts, default_embedder(), EmbeddingCache.default())
    vectors = dict(zip(texts, found.vectors, strict=True))
    candidates = {
        pair_id: {
            source: nearest(
                vectors[docs[item["doc1"]][source]],
                [vectors[docs[item["doc2"]][str(j)]] for j in range(len(docs[item["doc2"]]))],
            )
            for source in item["links"]
        }
        for pair_id, item in links.items()
    }
    (out / "eval_abcd.json").write_text(
        json.dumps({"docs": docs, "links": links, "candidates": candidates}), encoding="utf-8"
    )
    summedits = json.loads((benchmarks / "summedits-news/summedits_news_evaluation.json").read_text(encoding="utf-8"))
    rows = [
        {"doc": sentences_of(r["doc"]), "summary": sentences_of(r["summary"]), "label": int(r["label"])}
        for r in summedits
    ]
    texts = sorted({t for r in rows for t in [*r["doc"], *r["summary"]]})
    found = embed(texts, default_embedder(), EmbeddingCache.default())
    vectors = dict(zip(texts, found.vectors, strict=True))
    for r in rows:
        r["candidates"] = [nearest(vectors[s], [vectors[d] for d in r["doc"]]) for s in r["summary"]]
    write_lines(out / "eval_summedits.jsonl", rows)


def nearest(vector: np.ndarray, others: Sequence[np.ndarray], k: int = CANDIDATES) -> list[int]:
    """The indices of the k others most similar to vector: the pairs the learned check reads."""
    if not others:
        return []
    scores = np.stack(others) @ vector
    return [int(i) for i in np.argsort(-scores)[:k]]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--benchmarks", type=Path, default=ROOT.parent / "shared" / "benchmarks")
    parser.add_argument("--fnc-limit", type=int, default=20000, help="corrupted FNC-1 sentences at most")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20261129)
    manifests = [m for m in labelled_manifests(held_out=True) if not m.startswith(SKIPPED_SETS)]
    training_sets = [m for m in manifests if not m.startswith(EVAL_SETS)]
    held_out_sets = [m for m in manifests if m.startswith(EVAL_SETS)]
    vectors = paragraph_vectors(training_sets)
    own = [row for path in training_sets for row in own_set_pairs(path, rng, vectors)]
    print(f"own sets: {len(own)} pairs from {len(training_sets)} sets", flush=True)
    fnc = list(fnc_pairs(args.benchmarks / "train/fnc-1", rng, args.fnc_limit))
    print(f"FNC-1: {len(fnc)} pairs", flush=True)
    summedits = list(summedits_other_pairs(args.benchmarks / "train/summedits-other"))
    print(f"SummEdits other domains: {len(summedits)} pairs", flush=True)
    rows = own + fnc + summedits
    rng.shuffle(rows)
    write_lines(args.out / "train.jsonl", rows)
    counts = [sum(1 for r in rows if r["y"] == k) for k in (NONE, AGREE, DIVERGE)]
    print(f"training pairs: {len(rows)} (no link {counts[0]}, agree {counts[1]}, diverge {counts[2]})")
    held_out_vectors = paragraph_vectors(held_out_sets)
    (args.out / "eval_own.json").write_text(
        json.dumps({path: own_eval_set(path, held_out_vectors) for path in held_out_sets}), encoding="utf-8"
    )
    evaluation_files(args.benchmarks, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
