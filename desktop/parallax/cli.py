"""The ``parallax`` command: the app with no subcommand, ``compare`` and ``batch`` for scripts.

``parallax compare ARTICLE REPORT... [--json] [--threshold T]`` (files, or
http(s) addresses, which are fetched: the only time the command line uses
the network) and
``parallax batch IN.jsonl`` are a stable contract (schema 1, see
docs/schema.md). Every failure a user can cause ends in a one-line message on
stderr and a non-zero exit code, never a traceback.

May import: the standard library and ``parallax.core``; ``parallax.ui`` only
when the app is started.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from parallax import __version__
from parallax.core.batch import compare_record
from parallax.core.compare import CompareConfig, compare
from parallax.core.documents import Document
from parallax.core.embed import EmbeddingCache, default_embedder
from parallax.core.export import summary_text, to_schema
from parallax.core.ingest import IngestError, read_source

EXIT_USAGE, EXIT_INPUT, EXIT_FAILURE = 2, 3, 1


def seeds_dir() -> Path:
    """The folder of the demo article and sample reports."""
    here = Path(__file__).resolve()
    for candidate in (here.parent / "seeds", here.parents[2] / "seeds"):
        if (candidate / "manifest.json").exists():
            return candidate
    return here.parents[2] / "seeds"


def demo_paths() -> list[Path]:
    """The seed article followed by the sample reports, in manifest order."""
    folder = seeds_dir()
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return [folder / manifest["article"], *(folder / r["file"] for r in manifest["reports"])]


def _threshold(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"the threshold must be between 0 and 1, not {number}")
    return number


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line: ``parallax: <what is wrong>``."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"parallax: {message} (see 'parallax --help')\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="parallax",
        description="Compare news coverage by meaning. With no command, open the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"parallax {__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    comparing = commands.add_parser("compare", help="compare an article with one or more reports")
    comparing.add_argument("article", help="the article: .txt, .md, .html, .pdf or .docx, or an http(s) URL")
    comparing.add_argument("reports", nargs="+", help="the reports to compare with it (files or URLs)")
    comparing.add_argument("--json", action="store_true", help="print schema 1 JSON instead of a summary")
    comparing.add_argument("--threshold", type=_threshold, default=CompareConfig().threshold,
                           help="lowest similarity for a link, 0-1 (default %(default)s)")  # fmt: skip
    comparing.add_argument("--no-cache", action="store_true", help="do not read or write the embedding cache")
    batching = commands.add_parser("batch", help='compare many sets from JSON lines {"id", "article", "reports"}')
    batching.add_argument("input", help="a .jsonl file, or - for standard input")
    batching.add_argument("--threshold", type=_threshold, default=CompareConfig().threshold)
    batching.add_argument("--no-cache", action="store_true")
    app = commands.add_parser("app", help="open the desktop app (the default)")
    app.add_argument("files", nargs="*", help="article, then reports")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in ("compare", "batch", "app") and not args_list[0].startswith("-")):
        return _run_app(args_list)
    parser = build_parser()
    args = parser.parse_args(args_list)
    try:
        if args.command == "compare":
            return _compare(args, sys.stdout)
        if args.command == "batch":
            return _batch(args, sys.stdout)
        if args.command == "app":
            return _run_app(args.files)
    except KeyboardInterrupt:
        print("parallax: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    parser.print_help()
    return EXIT_USAGE


def _cache(no_cache: bool) -> EmbeddingCache | None:
    return None if no_cache else EmbeddingCache.default()


def _compare(args: argparse.Namespace, out: TextIO) -> int:
    documents: list[Document] = []
    for path in [args.article, *args.reports]:
        try:
            documents.append(read_source(path))
        except IngestError as error:
            print(f"parallax: {error}", file=sys.stderr)
            return EXIT_INPUT
    try:
        result = compare(documents, default_embedder(), _cache(args.no_cache), CompareConfig(threshold=args.threshold))
    except RuntimeError as error:
        print(f"parallax: {error}", file=sys.stderr)
        return EXIT_FAILURE
    if args.json:
        json.dump(to_schema(result), out, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(summary_text(result))
    return 0


def _batch(args: argparse.Namespace, out: TextIO) -> int:
    try:
        stream = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")  # noqa: SIM115
    except OSError as error:
        print(f"parallax: {args.input}: {error.strerror or error}", file=sys.stderr)
        return EXIT_INPUT
    embedder = default_embedder()  # loaded once, on the first line that needs it
    cache = _cache(args.no_cache)
    config = CompareConfig(threshold=args.threshold)
    failures = 0
    with stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            record_id: object = None
            try:
                record = json.loads(line)
                if isinstance(record, dict):
                    record_id = record.get("id", number)
                result = compare_record(record, embedder, cache, config)
                out.write(json.dumps({"id": record_id, "result": result}, ensure_ascii=False) + "\n")
            except (ValueError, IngestError) as error:
                failures += 1
                message = f"line {number}: {error}"
                print(f"parallax: {message}", file=sys.stderr)
                out.write(json.dumps({"id": record_id, "error": message}, ensure_ascii=False) + "\n")
            out.flush()
    return EXIT_INPUT if failures else 0


def _run_app(files: Sequence[str]) -> int:
    try:
        from parallax.ui.app import run
    except ImportError as error:
        print(f"parallax: the desktop app is not available ({error}); use 'parallax compare'", file=sys.stderr)
        return EXIT_FAILURE
    return run(list(files))
