"""The HTML report and the CSV table, read back as a browser and a spreadsheet would read them."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from parallax.core.claims import DIVERGE
from parallax.core.compare import compare
from parallax.core.embed import HashingEmbedder
from parallax.core.export import to_schema
from parallax.core.ingest import document_from_text, read_document
from parallax.core.judgements import CONFIRMED, DISMISSED, WRONG, judge
from parallax.core.report_csv import COLUMNS, CSV_ENCODING, report_csv
from parallax.core.report_html import report_html

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MANIFEST = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))
SEED_PATHS = [SEEDS / MANIFEST["article"], *(SEEDS / r["file"] for r in MANIFEST["reports"])]

HOSTILE_ARTICLE = (
    "Talks resume in Istanbul\n\n"
    'Negotiators met in Istanbul on Tuesday, where 40 delegates attended <script>alert("x")</script> the talks.\n\n'
    '<img src="https://tracker.example/pixel.png"> The ministry said food prices rose sharply in March.'
)
HOSTILE_REPORT = (
    "Talks restart in Istanbul\n\n"
    'Negotiators met in Istanbul on Tuesday, where 60 delegates attended <script>alert("x")</script> the talks.\n\n'
    '=HYPERLINK("https://evil.example") Football scores from the weekend league and a new stadium.'
)


class Page(HTMLParser):
    """What a browser would see: tags, attributes, ids, and the text with markup removed."""

    BLOCKS = frozenset({"p", "br", "td", "th", "tr", "li", "ul", "div", "h1", "h2", "h3", "table"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()
        self.chunks: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag in ("style", "title"):
            self._skip += 1
        if tag in self.BLOCKS:
            self.chunks.append(" ")

    def handle_endtag(self, tag):
        if tag in ("style", "title"):
            self._skip -= 1
        if tag in self.BLOCKS:
            self.chunks.append(" ")

    def handle_data(self, data):
        if not self._skip:
            self.chunks.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.chunks).split())


def parse(markup: str) -> Page:
    page = Page()
    page.feed(markup)
    page.close()
    return page


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def seeds():
    return compare([read_document(p) for p in SEED_PATHS], HashingEmbedder())


@pytest.fixture(scope="module")
def hostile():
    documents = [document_from_text(HOSTILE_ARTICLE, path="a.txt"), document_from_text(HOSTILE_REPORT, path="r.txt")]
    return compare(documents, HashingEmbedder())


@pytest.fixture(scope="module")
def judged(seeds):
    comparison = seeds.comparisons[0]
    diverging = [i for i, link in enumerate(comparison.links) if link.label == DIVERGE]
    judgements = judge((), seeds, comparison.report, diverging[0], verdict=CONFIRMED, note="Checked: <b>Sumy</b> & co")
    judgements = judge(judgements, seeds, comparison.report, diverging[1], verdict=WRONG)
    judgements = judge(judgements, seeds, 2, 0, verdict=DISMISSED, note="fine")
    return judgements


@pytest.mark.parametrize("sentences", [False, True], ids=["paragraphs", "sentences"])
def test_html_holds_both_texts_and_every_conflict(seeds, sentences):
    page = parse(report_html(seeds, sentences=sentences))
    for document in seeds.documents:
        units = document.sentences if sentences else document.paragraphs
        missing = [u.text for u in units if flat(u.text) not in page.text]
        assert not missing, f"{document.title}: {missing[:2]}"
    links = [link for c in seeds.comparisons for link in (c.sentence_links if sentences else c.links)]
    reasons = [c.reason for link in links for c in link.conflicts]
    assert reasons
    for reason in reasons:
        assert flat(reason) in page.text
    assert "Legend" in page.text and "✓" in page.text and "≠" in page.text


def test_html_is_standalone_and_its_links_land(seeds, judged):
    markup = report_html(seeds, judged)
    page = parse(markup)
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"script", "img", "link", "iframe", "object", "embed", "video", "audio", "source"}
    for tag, attributes in page.tags:
        assert "src" not in attributes, tag
        assert not any(name.startswith("on") for name in attributes), tag
        href = attributes.get("href")
        if href is not None:
            assert href.startswith("#"), href
            assert href[1:] in page.ids, f"{href} points nowhere"
    assert "url(" not in markup and "@import" not in markup and "http" not in markup.split("<body>")[0]


def test_html_escapes_document_text(hostile):
    markup = report_html(hostile)
    page = parse(markup)
    assert not any(tag in ("script", "img") for tag, _ in page.tags)
    assert '<script>alert("x")</script>' in page.text
    assert '<img src="https://tracker.example/pixel.png">' in page.text
    assert "&lt;script&gt;" in markup


def test_html_draws_links_on_both_sides(seeds):
    page = parse(report_html(seeds))
    for comparison in seeds.comparisons:
        for number in range(1, len(comparison.links) + 1):
            assert f"r{comparison.report}-L{number}-a" in page.ids
            assert f"r{comparison.report}-L{number}-r" in page.ids
    classes = " ".join(a.get("class") or "" for _, a in page.tags)
    for name in ("agree", "diverge", "only", "boilerplate", "conflict"):
        assert re.search(rf"\b{name}\b", classes), name
    assert "only in article" in page.text and "only in report" in page.text


def test_html_shows_the_coverage_grid(seeds):
    page = parse(report_html(seeds))
    rows = [a for tag, a in page.tags if tag == "td" and (a.get("class") or "").startswith("cell-")]
    assert len(rows) == len(seeds.coverage) * len(seeds.comparisons)
    counts = {name: sum(1 for a in rows if a["class"] == f"cell-{name}") for name in ("agree", "diverge", "absent")}
    assert counts["agree"] == sum(row.agree for row in seeds.coverage)
    assert counts["diverge"] == sum(row.diverge for row in seeds.coverage)
    assert counts["absent"] == sum(row.absent for row in seeds.coverage)


def test_html_shows_judgements(seeds, judged):
    page = parse(report_html(seeds, judged))
    assert "Checked: <b>Sumy</b> & co" in page.text
    assert "! divergence confirmed" in page.text
    assert "✗ wrong link" in page.text
    assert "○ not a divergence" in page.text
    assert "You have not judged" not in page.text
    assert "You have not judged" in parse(report_html(seeds)).text


def test_html_lists_judgements_whose_link_is_gone(seeds, judged):
    from parallax.core.compare import CompareConfig, compare_prepared, prepare

    strict = compare_prepared(prepare(seeds.documents, HashingEmbedder()), CompareConfig(threshold=0.95))
    page = parse(report_html(strict, judged))
    assert page.text.count("Not linked at these settings") == len(judged)
    assert "Checked: <b>Sumy</b> & co" in page.text


def read_csv(text: str) -> list[dict[str, str]]:
    data = text.encode(CSV_ENCODING)
    assert data.startswith(b"\xef\xbb\xbf"), "a byte-order mark, so spreadsheets read UTF-8"
    return list(csv.DictReader(io.StringIO(data.decode(CSV_ENCODING), newline="")))


@pytest.mark.parametrize("sentences", [False, True], ids=["paragraphs", "sentences"])
def test_csv_has_a_row_per_conflict_and_per_gap(seeds, sentences):
    rows = read_csv(report_csv(seeds, sentences=sentences))
    assert tuple(rows[0]) == COLUMNS
    links = [rows for rows in rows if rows["row"] == "link"]
    expected = sum(
        max(1, len(link.conflicts)) for c in seeds.comparisons for link in (c.sentence_links if sentences else c.links)
    )
    assert len(links) == expected
    conflicts = [r for r in links if r["conflict_kind"]]
    all_conflicts = [
        (c.kind, c.reason)
        for comp in seeds.comparisons
        for link in (comp.sentence_links if sentences else comp.links)
        for c in link.conflicts
    ]
    assert sorted((r["conflict_kind"], r["conflict_reason"]) for r in conflicts) == sorted(all_conflicts)
    assert all(r["label"] == DIVERGE for r in conflicts)
    if not sentences:
        only_article = sum(len(c.article_only) for c in seeds.comparisons)
        only_report = sum(len(c.report_only) for c in seeds.comparisons)
        assert sum(r["row"] == "only in article" for r in rows) == only_article
        assert sum(r["row"] == "only in report" for r in rows) == only_report
    first = next(r for r in links if r["report"] == "1" and r["link"] == "L1")
    comparison = seeds.comparisons[0]
    link = min(
        comparison.sentence_links if sentences else comparison.links, key=lambda x: (min(x.article), min(x.report))
    )
    items = seeds.documents[0].sentences if sentences else seeds.documents[0].paragraphs
    assert first["article_text"] == "\n\n".join(items[i].text for i in sorted(link.article))
    assert float(first["similarity"]) == pytest.approx(link.similarity, abs=1e-4)


def test_csv_carries_judgements(seeds, judged):
    rows = read_csv(report_csv(seeds, judged))
    marked = {r["judgement"]: r for r in rows if r["judgement"]}
    assert set(marked) == {"divergence confirmed", "wrong link", "not a divergence"}
    assert marked["divergence confirmed"]["note"] == "Checked: <b>Sumy</b> & co"
    assert marked["wrong link"]["label"] == "wrong" and marked["wrong link"]["engine_label"] == DIVERGE


def test_csv_defuses_formulas_and_keeps_markup_as_text(hostile):
    rows = read_csv(report_csv(hostile))
    cells = [value for row in rows for value in row.values()]
    assert not any(value.startswith(("=", "+", "@")) for value in cells)
    assert any(value.startswith("'=HYPERLINK") for value in cells)
    assert any('<script>alert("x")</script>' in value for value in cells)


def test_schema_carries_judgements(seeds, judged):
    schema = json.loads(json.dumps(to_schema(seeds, judged)))
    assert len(schema["judgements"]) == len(judged)
    placed = [j["placement"] for j in schema["judgements"]]
    assert all(p is not None for p in placed)
    for entry in schema["judgements"]:
        p = entry["placement"]
        comparison = next(c for c in schema["comparisons"] if c["report"] == p["report"])
        link = comparison["links" if p["granularity"] == "paragraphs" else "sentence_links"][p["link"]]
        assert link["judgement"] == {"verdict": entry["verdict"], "note": entry["note"]}
    assert sum(1 for c in schema["comparisons"] for link in c["links"] if link["judgement"]) == len(judged)
    assert to_schema(seeds)["judgements"] == []


def test_judgements_of_the_other_granularity_are_not_dropped(seeds, judged):
    page = parse(report_html(seeds, judged, sentences=True))
    assert page.text.count("On a link between paragraphs") == len(judged)
    rows = read_csv(report_csv(seeds, judged, sentences=True))
    elsewhere = [r for r in rows if r["row"] == "judgement on a link between paragraphs"]
    assert sorted(r["note"] for r in elsewhere) == sorted(j.note for j in judged)
