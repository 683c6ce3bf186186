"""Reproducible many-report inputs for the speed benchmarks: the seed article and N reports.

Each report is one of the seed reports with its paragraphs shuffled by a seeded
random generator (issue 5 allows paraphrase-free duplication for timing). The
same N and seed always give the same files.

    python tests/bench/scale_reports.py OUT_DIR [--reports 200] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

from parallax.demo import demo_paths


def make_reports(folder: Path, count: int, seed: int = 0) -> list[Path]:
    """Write the article and ``count`` shuffled reports into ``folder``; returns their paths, article first."""
    folder.mkdir(parents=True, exist_ok=True)
    article, *reports = demo_paths()
    rng = random.Random(seed)
    paths = [folder / f"000-article{article.suffix}"]
    shutil.copyfile(article, paths[0])
    sources = [(r.suffix, r.read_text(encoding="utf-8").split("\n\n")) for r in reports]
    for n in range(count):
        suffix, paragraphs = sources[n % len(sources)]
        paragraphs = list(paragraphs)
        title, body = paragraphs[0], paragraphs[1:]  # the first paragraph is the headline: keep it first
        rng.shuffle(body)
        path = folder / f"{n + 1:03d}-report{suffix}"
        path.write_text("\n\n".join([title, *body]), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = make_reports(Path(args.out), args.reports, args.seed)
    print(f"wrote {len(paths)} files to {args.out}")


if __name__ == "__main__":
    main()
