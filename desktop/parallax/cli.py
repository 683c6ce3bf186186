"""The ``parallax`` command: the app with no subcommand, ``compare`` and ``batch`` for scripts.

``parallax compare ARTICLE REPORT... [--json] [--threshold T]`` (files, or
http(s) addresses, which are fetched: the only time the command line uses
the network) and
``parallax batch IN.jsonl`` are a stable contract (schema 1, see
docs/schema.md). ``compare`` also writes the HTML report (``--html``), its PDF
(``--pdf``, through Qt, imported only then), the CSV table (``--csv``) and a
session (``--session``), each atomically; given one ``.parallax`` session
instead of files, it compares that session's documents with its settings and
judgements. ``parallax SESSION.parallax`` opens a session in the app, and
``parallax --self-test`` checks an installation (see :mod:`parallax.selftest`). Every
failure a user can cause ends in a one-line message on stderr and a non-zero
exit code, never a traceback.

May import: the standard library and ``parallax.core``; ``parallax.ui`` only
when the app is started.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from parallax import __version__
from parallax.demo import seeds_dir

if TYPE_CHECKING:
    from parallax.core.documents import Document
    from parallax.core.embed import Embedder, EmbeddingCache
    from parallax.core.judgements import Judgement
    from parallax.core.result import CompareConfig, ComparisonResult

# The engine (and numpy with it) is imported by the commands that use it, not here: the desktop app
# starts through this module, and every import before its window and engine process start is waited for.

EXIT_USAGE, EXIT_INPUT, EXIT_FAILURE = 2, 3, 1


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


def default_embedder() -> Embedder:
    """The engine's default embedder (a seam: tests put the model-free one in its place)."""
    from parallax.core.embed import default_embedder as make

    return make()


def build_parser() -> argparse.ArgumentParser:
    from parallax.core.result import CompareConfig

    parser = _Parser(
        prog="parallax",
        description="Compare news coverage by meaning. With no command, open the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"parallax {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation without a window: load the model, compare the demo, print one line",
    )
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    comparing = commands.add_parser("compare", help="compare an article with one or more reports")
    comparing.add_argument(
        "article", help="the article: .txt, .md, .html, .pdf or .docx, an http(s) URL, or a saved .parallax session"
    )
    comparing.add_argument("reports", nargs="*", help="the reports to compare with it (files or URLs)")
    comparing.add_argument("--json", action="store_true", help="print schema 1 JSON instead of a summary")
    comparing.add_argument("--threshold", type=_threshold, default=None,
                           help=f"lowest similarity for a link, 0-1 (default {CompareConfig().threshold})")  # fmt: skip
    comparing.add_argument("--html", metavar="OUT", help="write the report as one standalone HTML file")
    comparing.add_argument("--pdf", metavar="OUT", help="write the same report as PDF")
    comparing.add_argument("--csv", metavar="OUT", help="write every link and conflict as CSV")
    comparing.add_argument("--session", metavar="OUT", help="save the comparison as a session to open in the app")
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
    if args.self_test:
        if args.command is not None:
            parser.error("--self-test takes no command")
        return _self_test()
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
    from parallax.core.embed import EmbeddingCache

    return None if no_cache else EmbeddingCache.default()


_OUTPUTS = ("html", "pdf", "csv", "session")


class _UsageError(Exception):
    """The arguments do not make sense together; the message is one line."""


def _output_problem(args: argparse.Namespace) -> str | None:
    """Why an output file given on the command line could not be written, checked before comparing."""
    from parallax.core.files import writable_problem

    seen: dict[str, str] = {}
    for flag in _OUTPUTS:
        path = getattr(args, flag)
        if path is None:
            continue
        if not path:
            return f"--{flag} needs a file name"
        key = str(Path(path).resolve())
        if key in seen:
            return f"--{seen[key]} and --{flag} name the same file {path}"
        seen[key] = flag
        problem = writable_problem(path)
        if problem:
            return f"cannot write {path}: {problem}"
    return None


def _inputs(args: argparse.Namespace) -> tuple[list[Document], CompareConfig, tuple[Judgement, ...], bool]:
    """The documents, settings, judgements and granularity to compare (from files or a session)."""
    from parallax.core.ingest import IngestError, read_source
    from parallax.core.result import CompareConfig
    from parallax.core.session import SessionError, load_session
    from parallax.core.session_path import is_session_path

    if is_session_path(args.article):
        if args.reports:
            raise _UsageError("give either a session or files to compare, not both")
        try:
            session = load_session(args.article)
        except SessionError as error:
            raise IngestError(str(error)) from None
        if len(session.documents) < 2:
            raise IngestError(f"{Path(args.article).name}: the session needs an article and at least one report")
        config = session.config
        if args.threshold is not None:
            config = replace(config, threshold=args.threshold)
        return list(session.documents), config, session.judgements, config.sentences
    if not args.reports:
        raise _UsageError("the following arguments are required: reports")
    documents = [read_source(path) for path in [args.article, *args.reports]]
    threshold = CompareConfig().threshold if args.threshold is None else args.threshold
    return documents, CompareConfig(threshold=threshold), (), False


def _compare(args: argparse.Namespace, out: TextIO) -> int:
    from parallax.core.compare import compare
    from parallax.core.export import summary_text, to_schema
    from parallax.core.ingest import IngestError

    problem = _output_problem(args)
    if problem:
        print(f"parallax: {problem}", file=sys.stderr)
        return EXIT_USAGE
    try:
        documents, config, judgements, sentences = _inputs(args)
    except _UsageError as error:
        print(f"parallax: {error} (see 'parallax compare --help')", file=sys.stderr)
        return EXIT_USAGE
    except IngestError as error:
        print(f"parallax: {error}", file=sys.stderr)
        return EXIT_INPUT
    try:
        result = compare(documents, default_embedder(), _cache(args.no_cache), config)
    except RuntimeError as error:
        print(f"parallax: {error}", file=sys.stderr)
        return EXIT_FAILURE
    try:
        _write_outputs(args, result, judgements, sentences)
    except OSError as error:
        print(f"parallax: cannot write {error.filename or 'the output'}: {error.strerror or error}", file=sys.stderr)
        return EXIT_FAILURE
    except ImportError as error:
        print(f"parallax: --pdf needs Qt (PySide6), which could not be loaded ({error})", file=sys.stderr)
        return EXIT_FAILURE
    if args.json:
        json.dump(to_schema(result, judgements), out, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(summary_text(result))
    return 0


def _write_outputs(
    args: argparse.Namespace, result: ComparisonResult, judgements: tuple[Judgement, ...], sentences: bool
) -> None:
    """Write each export the arguments ask for; an ``OSError`` names the file that failed."""
    import datetime

    from parallax.core.files import write_atomic

    generated = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")

    def attempt(path: str, write: Callable[[], None]) -> None:
        try:
            write()
        except OSError as error:
            error.filename = path
            raise

    html = None
    if args.html or args.pdf:
        from parallax.core.report_html import report_html

        html = report_html(result, judgements, sentences=sentences, generated=generated)
    if args.html:
        attempt(args.html, lambda: write_atomic(args.html, html or ""))
    if args.csv:
        from parallax.core.report_csv import CSV_ENCODING, report_csv

        text = report_csv(result, judgements, sentences=sentences)
        attempt(args.csv, lambda: write_atomic(args.csv, text, encoding=CSV_ENCODING))
    if args.session:
        from parallax.core.session import Session, session_json

        session = Session(
            tuple(result.documents), replace(result.config, sentences=sentences), judgements, 1, result.model
        )
        attempt(args.session, lambda: write_atomic(args.session, session_json(session)))
    if args.pdf:
        from parallax.ui.pdf import write_pdf

        title = f"Parallax report: {result.documents[0].title}"
        attempt(args.pdf, lambda: write_pdf(html or "", args.pdf, title))


def _batch(args: argparse.Namespace, out: TextIO) -> int:
    from parallax.core.batch import compare_record
    from parallax.core.ingest import IngestError
    from parallax.core.result import CompareConfig

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


def _self_test() -> int:
    from parallax.selftest import SelfTestFailed, run_self_test

    try:
        run_self_test(seeds_dir(), sys.stdout)
    except SelfTestFailed as error:
        print(f"parallax: self-test failed: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("parallax: interrupted", file=sys.stderr)
        return 130
    return 0


def _run_app(files: Sequence[str]) -> int:
    try:
        from parallax.ui.app import run
    except ImportError as error:
        print(f"parallax: the desktop app is not available ({error}); use 'parallax compare'", file=sys.stderr)
        return EXIT_FAILURE
    return run(list(files))
