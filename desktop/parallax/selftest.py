"""``parallax --self-test``: a headless check that an installation (an app bundle, a wheel) works.

It loads the embedding model the app would use, compares the built-in demo
(the seed article and sample reports) without touching the embedding cache,
checks that every report links to the article, that divergences are found and
how many of the manifest's labelled links come back, checks that the app's Qt
modules import, and prints one line with the timings. Any failure is one
``parallax: self-test failed: ...`` line and a non-zero exit.

May import: the standard library, ``parallax.core`` and ``parallax.cli`` (for the
demo files); PySide6 only to check that it imports. Never torch itself: the
embedder decides what it loads.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from parallax.core.compare import ComparisonResult, compare
from parallax.core.embed import MODEL_NAME, Embedder, default_embedder
from parallax.core.ingest import IngestError, read_document

# With the real model at least this share of the seeds' labelled links must be found again.
MIN_LABELLED_RECALL = 0.6


class SelfTestFailed(RuntimeError):
    """One thing that does not work; the message fits on one line."""


def labelled_recall(result: ComparisonResult, manifest: dict[str, object]) -> tuple[int, int]:
    """How many of the manifest's labelled links (report by report) the result links too, out of how many."""
    found = total = 0
    reports = manifest.get("reports", [])
    assert isinstance(reports, list)
    for comparison, labelled in zip(result.comparisons, reports, strict=False):
        pairs = {(a, r) for link in comparison.links for a in link.article for r in link.report}
        for expected in labelled.get("links", []):
            total += 1
            wanted = {(a, r) for a in expected["article"] for r in expected["report"]}
            found += bool(wanted & pairs)
    return found, total


def _model_source(embedder: Embedder) -> str:
    runtime = getattr(embedder, "runtime", None)
    source = getattr(embedder, "source", None)
    if runtime in ("onnx", "openvino") and source:
        return f"{runtime}, {source}"  # "openvino, shipped": the ONNX file shipped, run in OpenVINO
    return str(runtime or type(embedder).__name__)


def run_self_test(
    seeds: Path, out: TextIO, embedder_factory: Callable[[], Embedder] | None = None, check_qt: bool = True
) -> None:
    """Run the checks on the demo in ``seeds``; print the summary line to ``out`` or raise :class:`SelfTestFailed`."""
    started = time.perf_counter()
    try:
        manifest = json.loads((seeds / "manifest.json").read_text(encoding="utf-8"))
        paths = [seeds / manifest["article"], *(seeds / r["file"] for r in manifest["reports"])]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise SelfTestFailed(f"the demo files are missing or damaged in {seeds} ({error})") from None
    try:
        documents = [read_document(path) for path in paths]
    except IngestError as error:
        raise SelfTestFailed(f"a demo file does not read ({error})") from None

    embedder = (embedder_factory or default_embedder)()
    loading = time.perf_counter()
    try:
        load = getattr(embedder, "load", None)
        if load is not None:
            load()
        else:
            embedder.encode(["warm up"])
    except (RuntimeError, ImportError, OSError) as error:
        raise SelfTestFailed(f"the embedding model does not load ({error})") from None
    comparing = time.perf_counter()
    try:
        result = compare(documents, embedder, cache=None)
    except (RuntimeError, ImportError, OSError) as error:
        raise SelfTestFailed(f"comparing the demo failed ({error})") from None
    compared = time.perf_counter()

    unlinked = [documents[c.report].title for c in result.comparisons if not c.links]
    if unlinked:
        raise SelfTestFailed(f"no paragraph of {unlinked[0]!r} links to the article")
    links = sum(len(c.links) for c in result.comparisons)
    diverging = sum(c.counts()["diverge"] for c in result.comparisons)
    if not diverging:
        raise SelfTestFailed("no divergence found in the demo")
    found, total = labelled_recall(result, manifest)
    if embedder.name == MODEL_NAME and total and found / total < MIN_LABELLED_RECALL:
        raise SelfTestFailed(f"only {found} of the demo's {total} labelled links were found: the model looks wrong")

    qt = "not checked"
    if check_qt:
        qt_started = time.perf_counter()
        try:
            import PySide6.QtGui
            import PySide6.QtWidgets  # noqa: F401
        except ImportError as error:
            raise SelfTestFailed(f"the desktop app's Qt libraries do not load ({error})") from None
        qt = f"Qt {time.perf_counter() - qt_started:.1f} s"
    print(
        f"parallax self-test: ok; {embedder.name} ({_model_source(embedder)}); "
        f"{len(documents) - 1} reports, {links} links, {diverging} diverge, "
        f"{found}/{total} labelled links found; "
        f"load {comparing - loading:.1f} s, compare {compared - comparing:.1f} s, {qt}, "
        f"total {time.perf_counter() - started:.1f} s",
        file=out,
    )
