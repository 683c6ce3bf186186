"""The engine's child process: same answers as the engine in-process, clear errors, real cancellation."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from parallax.core.compare import CompareConfig, compare
from parallax.core.embed import EmbeddingCache, HashingEmbedder
from parallax.core.ingest import read_document
from parallax.demo import demo_paths
from parallax.ui.engine_process import PRELOAD_WHOLE, EngineProcess
from parallax.ui.workers import Cancelled


def _started_and_closed():
    process = EngineProcess()
    yield process
    process.close()
    assert not process.running


@pytest.fixture(scope="module")
def engine():
    """One child for the tests that leave it running: each start imports the engine again (seconds)."""
    yield from _started_and_closed()


@pytest.fixture
def own_engine():
    """A child of the test's own, for a test that kills it."""
    yield from _started_and_closed()


def never() -> bool:
    return False


def test_reading_gives_documents_and_one_line_messages(engine, tmp_path):
    good = demo_paths()[1]
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    outcome = engine.read([str(good), str(tmp_path / "missing.txt"), str(empty)], lambda *_: None, never)
    assert outcome[0] == read_document(good)
    assert all(isinstance(message, str) and "\n" not in message for message in outcome[1:])
    assert "missing.txt" in outcome[1]


def test_the_child_compares_exactly_as_the_engine_does(engine, tmp_path):
    documents = [read_document(p) for p in demo_paths()]
    config = CompareConfig(threshold=0.45)
    progress: list[tuple[int, int, str]] = []
    prepared = engine.prepare(
        documents, HashingEmbedder, str(tmp_path / "cache.sqlite3"), lambda *a: progress.append(a), never
    )
    streamed = []
    result = engine.compare(prepared, config, lambda *a: progress.append(a), never, streamed.append)
    expected = compare(documents, HashingEmbedder(), EmbeddingCache(tmp_path / "other.sqlite3"), config)
    assert result.comparisons == expected.comparisons
    assert result.coverage == expected.coverage
    assert progress, "progress reaches the caller"
    assert tuple(streamed) == expected.comparisons, "each report's comparison arrives as soon as it is done"
    # The window keeps its own Document objects: what comes back holds the very ones it sent.
    assert all(a is b for a, b in zip(prepared.documents, documents, strict=True))
    assert all(a is b for a, b in zip(result.documents, documents, strict=True))


def test_a_preload_reads_and_embeds_ahead_and_a_file_edited_since_is_read_again(own_engine, tmp_path):
    engine = own_engine
    article, report, edited, removed = (tmp_path / name for name in ("a.txt", "r.txt", "e.txt", "gone.txt"))
    article.write_text("Talks ended in Istanbul.\n\nThe delegations met for three hours.", encoding="utf-8")
    report.write_text("The talks in Istanbul ended.\n\nDelegations met for three hours.", encoding="utf-8")
    edited.write_text("A first version.", encoding="utf-8")
    removed.write_text("Soon gone.", encoding="utf-8")
    cache = tmp_path / "cache.sqlite3"
    paths = [str(p) for p in (article, report, edited, removed)]
    engine.start(preload=[*paths, str(tmp_path / "missing.txt"), "https://example.invalid/a"],
                 embedder_factory=HashingEmbedder, cache_path=str(cache))  # fmt: skip
    first = engine.read([str(article)], lambda *_: None, never)  # answered once the preload is done
    assert first == [read_document(article)]
    assert EmbeddingCache(cache).count() > 0, "the preload embedded the files into the cache"
    edited.write_text("A second, longer version of the text.", encoding="utf-8")
    removed.unlink()
    outcome = engine.read(paths[1:], lambda *_: None, never)
    assert outcome[0] == read_document(report)
    assert outcome[1].text == "A second, longer version of the text."
    assert isinstance(outcome[2], str) and "gone.txt" in outcome[2]


def test_a_preload_of_many_files_only_reads_them(own_engine, tmp_path):
    # Embedding and comparing them ahead would hold back the window's calls, which stream the results.
    paths = []
    for n in range(PRELOAD_WHOLE + 1):
        path = tmp_path / f"r{n}.txt"
        path.write_text(f"Report {n} on the talks in Istanbul.\n\nDelegations met for {n} hours.", encoding="utf-8")
        paths.append(str(path))
    cache = tmp_path / "cache.sqlite3"
    own_engine.start(preload=paths, embedder_factory=HashingEmbedder, cache_path=str(cache))
    documents = own_engine.read(paths, lambda *_: None, never)
    assert [d.text for d in documents] == [read_document(p).text for p in paths]
    assert not cache.exists() or EmbeddingCache(cache).count() == 0


def test_cancelling_stops_the_child_and_the_next_call_starts_a_new_one(own_engine):
    engine = own_engine
    documents = [read_document(p) for p in demo_paths()]
    with pytest.raises(Cancelled):
        engine.prepare(documents, HashingEmbedder, ":memory:", lambda *_: None, lambda: True)
    assert not engine.running
    outcome = engine.read([str(demo_paths()[0])], lambda *_: None, never)
    assert outcome[0].title == documents[0].title
    assert engine.running


def test_an_engine_error_is_reported_and_the_child_stays_up(engine):
    with pytest.raises(RuntimeError):
        engine.prepare([read_document(demo_paths()[0])], _broken_embedder, ":memory:", lambda *_: None, never)
    assert engine.running
    assert engine.read([str(demo_paths()[0])], lambda *_: None, never)[0].paragraphs


def _broken_embedder():
    raise ValueError("no model here")


def test_embeddings_the_child_has_lost_are_made_again_from_the_documents(own_engine, tmp_path):
    documents = [read_document(p) for p in demo_paths()]
    cache = str(tmp_path / "cache.sqlite3")
    embedded = own_engine.prepare(documents, HashingEmbedder, cache, lambda *_: None, never)
    own_engine.close()  # as after a cancel: the next call starts a new child, which never saw these embeddings
    result = own_engine.compare(embedded, CompareConfig(), lambda *_: None, never)
    expected = compare(documents, HashingEmbedder(), EmbeddingCache(tmp_path / "other.sqlite3"), CompareConfig())
    assert result.comparisons == expected.comparisons
    assert all(a is b for a, b in zip(result.documents, documents, strict=True))


def test_reports_moved_in_the_window_compare_as_if_opened_in_that_order(engine, tmp_path):
    documents = [read_document(p) for p in demo_paths()]
    embedded = engine.prepare(documents, HashingEmbedder, str(tmp_path / "c.sqlite3"), lambda *_: None, never)
    moved = embedded.reordered([0, 3, 1])  # the last report moved up, the second closed
    assert moved.documents == (documents[0], documents[3], documents[1])
    result = engine.compare(moved, CompareConfig(), lambda *_: None, never)
    expected = compare(moved.documents, HashingEmbedder(), EmbeddingCache(tmp_path / "o.sqlite3"), CompareConfig())
    assert result.comparisons == expected.comparisons


def test_the_window_receives_results_without_importing_numpy_or_the_engine_stages(tmp_path):
    # The window's process only unpickles result types: the vectors stay in the child, and the stages'
    # imports (numpy, hundreds of regular expressions: over 100 ms) would delay the first results.
    (tmp_path / "light_factory.py").write_text(
        "def hashing():\n    from parallax.core.embed import HashingEmbedder\n\n    return HashingEmbedder()\n",
        encoding="utf-8",
    )
    script = f"""
import json, sys
sys.path.insert(0, {str(tmp_path)!r})
from light_factory import hashing
from parallax.demo import demo_paths
from parallax.ui.engine_process import EngineProcess
from parallax.core.result import CompareConfig

engine = EngineProcess()
quiet, never = (lambda *_: None), (lambda: False)
documents = engine.read([str(p) for p in demo_paths()], quiet, never)
embedded = engine.prepare(documents, hashing, {str(tmp_path / "cache.sqlite3")!r}, quiet, never)
result = engine.compare(embedded, CompareConfig(), quiet, never)
engine.close()
heavy = ("numpy", "parallax.core.compare", "parallax.core.claims", "parallax.core.align", "parallax.core.embed")
print(json.dumps({{"imported": sorted(m for m in heavy if m in sys.modules),
                  "links": sum(len(c.links) for c in result.comparisons)}}))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert outcome["imported"] == []
    assert outcome["links"] > 10, "the comparison really ran"
