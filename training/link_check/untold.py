"""How many article paragraphs that no report tells the link check would still give a partner.

Usage: python training/link_check/untold.py MODEL_DIR ADAPTERS

The labelled sets' measure of a link policy's cost (tests/bench/abcd_policies.py): for each report, the
article's content paragraphs no gold link reaches, and the share of them a policy links anyway. Counted
only on the sets the check never trained on (``EVAL_SETS`` and ``SKIPPED_SETS`` of pair_model_data.py, and
any set written after it), for the check (each paragraph's five nearest report paragraphs by cosine, the
best of them kept where its chance of a link reaches the floor) and, on the same sets, for the engine's
near-best policies.

May import: the standard library, numpy, ``parallax.core``, tests/bench/abcd_policies.py, and the trainer.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(HERE), str(ROOT / "desktop"), str(ROOT / "tests"), str(ROOT / "tests" / "bench")]

import abcd_policies  # noqa: E402
from pair_model_train import Scorer, load_pair_model  # noqa: E402

from labelled_sets import labelled_manifests  # noqa: E402
from parallax.core.embed import EmbeddingCache, default_embedder, embed  # noqa: E402
from parallax.core.evaluate import load_manifest  # noqa: E402
from parallax.core.ingest import read_document  # noqa: E402

TRAINED_ON_UP_TO = 30  # seeds and tests/dev to tests/dev30
FLOORS = (0.3, 0.5, 0.7)


def unseen_sets() -> list[str]:
    def number(path: str) -> int:
        folder = path.split("/")[1]
        return int(folder.removeprefix("dev") or 1) if folder.startswith("dev") else 10**6

    return [m for m in labelled_manifests() if m.startswith("tests/") and number(m) > TRAINED_ON_UP_TO]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("model", type=Path)
    parser.add_argument("adapters", type=Path)
    args = parser.parse_args()
    sets = unseen_sets()
    embedder, cache = default_embedder(), EmbeddingCache.default()
    abcd_policies.labelled_manifests = lambda: sets  # type: ignore[attr-defined]
    labelled = abcd_policies.labelled_pairs(embedder, cache)
    print(f"{len(sets)} sets the check never trained on: {', '.join(s.split('/')[1] for s in sets)}")
    for policy in abcd_policies.POLICIES:
        if policy.near:
            share, total = abcd_policies.unpartnered_given_one(labelled, policy)
            print(f"engine, {policy.name}: {share:.0%} of {total}")
    model, tokenizer = load_pair_model(args.model, args.adapters)
    scorer = Scorer(model, tokenizer, "cpu", 192, 32)
    given = dict.fromkeys(FLOORS, 0)
    total = 0
    for path in sets:
        manifest = load_manifest(ROOT / path)
        documents = [read_document(manifest.article), *(read_document(r.file) for r in manifest.reports)]
        article = documents[0]
        for k, gold in enumerate(manifest.reports, start=1):
            told = {unit for link in gold.links for unit in link["article"]}
            rows = [article.paragraphs[u].text for u in article.content_paragraphs() if u not in told]
            columns = [documents[k].paragraphs[j].text for j in documents[k].content_paragraphs()]
            if not rows or not columns:
                continue
            cosine = embed(rows, embedder, cache).vectors @ embed(columns, embedder, cache).vectors.T
            nearest = [[int(j) for j in np.argsort(-cosine[i])[:5]] for i in range(len(rows))]
            chance = 1.0 - scorer([(rows[i], columns[j]) for i in range(len(rows)) for j in nearest[i]])[:, 0]
            for i in range(len(rows)):
                best = float(chance[sum(len(n) for n in nearest[:i]) :][: len(nearest[i])].max())
                total += 1
                for floor in FLOORS:
                    given[floor] += best >= floor
    for floor in FLOORS:
        print(f"the link check, best candidate's chance of a link >= {floor}: {given[floor] / total:.0%} of {total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
