"""Reading files and pasted text into Documents: formats, encodings, offsets and bad input."""

from __future__ import annotations

import builtins
import codecs
import io
import pathlib
import time

import pytest

from parallax.core.documents import Document
from parallax.core.ingest import (
    IngestConfig,
    IngestError,
    decode_bytes,
    document_from_clipboard,
    document_from_text,
    read_document,
)

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Talks resume in Istanbul | The Daily Example</title>
<script>var trackingPixelSecret = "analyticsTrackerCode";</script></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news menu</a></li>
<li><a href="/sport">Sport section</a></li></ul></nav>
<header><div class="site-header">The Daily Example masthead</div></header>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience. Accept all cookies.</div>
<article>
<h1>Talks resume in Istanbul</h1>
<p>Russian and Ukrainian negotiators met in Istanbul on Tuesday for the first face-to-face talks in weeks,
with both sides describing the meeting as constructive.</p>
<p>Moscow said it would sharply reduce military activity around Kyiv and the northern city of Chernihiv,
a move Western officials greeted with caution.</p>
<p>Ukraine proposed a neutral status under which it would not join any military alliance, in exchange
for security guarantees from a group of countries.</p>
<p>"They are having some success," one diplomat said after the session ended.</p>
</article>
<footer><p>Copyright 2022 The Daily Example. Footer contact link and privacy policy.</p></footer>
<script>document.write("injectedScriptText");</script>
</body></html>
"""

KEPT_HTML_TEXT = [
    "Russian and Ukrainian negotiators met in Istanbul on Tuesday for the first face-to-face talks in weeks, "
    "with both sides describing the meeting as constructive.",
    "Moscow said it would sharply reduce military activity around Kyiv and the northern city of Chernihiv, "
    "a move Western officials greeted with caution.",
    "Ukraine proposed a neutral status under which it would not join any military alliance, in exchange "
    "for security guarantees from a group of countries.",
    '"They are having some success," one diplomat said after the session ended.',
]
DROPPED_HTML_TEXT = [
    "World news menu",
    "Sport section",
    "masthead",
    "cookies",
    "trackingPixelSecret",
    "analyticsTrackerCode",
    "injectedScriptText",
    "Footer contact link",
    "privacy policy",
]

MARKDOWN = """# Ceasefire hopes rise after Istanbul talks

Negotiators met for **three hours** on Tuesday, according to [Reuters](https://example.com/reuters).

## What was agreed

Russia said it would *scale back* operations near Kyiv. Ukraine asked for `security guarantees`.
"""

PLAIN = """Ceasefire hopes rise after Istanbul talks

Negotiators met for three hours on Tuesday. Mr. Smith, a diplomat, said the tone was calm.

Russia said it would scale back operations near Kyiv on Feb. 24 next year. Ukraine asked for guarantees.
"""


def assert_offsets(document: Document) -> None:
    """Every paragraph and sentence points at its own characters in the document text."""
    assert document.paragraphs, "a readable document has paragraphs"
    assert document.sentences, "a readable document has sentences"
    for paragraph in document.paragraphs:
        assert document.text[paragraph.start : paragraph.end] == paragraph.text
    for sentence in document.sentences:
        assert document.text[sentence.start : sentence.end] == sentence.text
        owner = document.paragraphs[sentence.paragraph]
        assert owner.start <= sentence.start < sentence.end <= owner.end
    starts = [p.start for p in document.paragraphs]
    assert starts == sorted(starts)


def assert_one_line_error(error: pytest.ExceptionInfo[IngestError], name: str) -> None:
    message = str(error.value)
    assert message.strip(), "the message must say something"
    assert "\n" not in message, f"the message must be one line: {message!r}"
    assert name in message, f"the message must name the file {name!r}: {message!r}"
    assert "Traceback" not in message


# --- formats --------------------------------------------------------------------------------


def test_html_keeps_the_article_and_drops_menus_footers_banners_and_scripts(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(ARTICLE_HTML, encoding="utf-8")
    document = read_document(page)
    for kept in KEPT_HTML_TEXT:
        assert kept in document.text
    for dropped in DROPPED_HTML_TEXT:
        assert dropped not in document.text
    assert "<p>" not in document.text and "<script" not in document.text
    assert document.title == "Talks resume in Istanbul"
    assert_offsets(document)
    content = [document.paragraphs[i].text for i in document.content_paragraphs()]
    for kept in KEPT_HTML_TEXT:
        assert kept in content, "each <p> of the article is its own content paragraph"


def test_html_is_recognised_by_content_without_a_suffix(tmp_path):
    page = tmp_path / "saved_page"
    page.write_text(ARTICLE_HTML, encoding="utf-8")
    document = read_document(page)
    assert KEPT_HTML_TEXT[0] in document.text
    assert "injectedScriptText" not in document.text


def test_markdown_loses_its_markup_but_keeps_every_word(tmp_path):
    file = tmp_path / "story.md"
    file.write_text(MARKDOWN, encoding="utf-8")
    document = read_document(file)
    assert document.title == "Ceasefire hopes rise after Istanbul talks"
    for marker in ("**", "](", "#", "`", "*scale"):
        assert marker not in document.text
    for words in ("three hours", "Reuters", "What was agreed", "scale back", "security guarantees"):
        assert words in document.text
    assert "https://example.com" not in document.text
    assert_offsets(document)


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        # Underscores inside a word are no emphasis: a file name, an address, a handle keep them.
        ("The file budget_2024_final.xlsx has it.", "The file budget_2024_final.xlsx has it."),
        ("See @city_of_orrin for _updates_ and __more__.", "See @city_of_orrin for updates and more."),
        # An autolink shows its address; a comment is for the writer.
        (
            "Read <https://example.org/notice> or write to <press@example.org>.",
            "Read https://example.org/notice or write to press@example.org.",
        ),
        ("The toll rose <!-- editor: check the figure --> to 40.", "The toll rose to 40."),
    ],
    ids=["underscores-inside-words", "underscore-emphasis", "autolinks", "comment"],
)
def test_markdown_markup_goes_and_the_words_stay(markdown, expected):
    assert document_from_text(markdown, kind="markdown").text == expected


def test_a_table_in_a_markdown_quotation_is_read_row_by_row():
    document = document_from_text(
        "Before.\n\n> | Side | Troops |\n> |---|---|\n> | Russia | 7,000 |\n\nAfter.\n", kind="markdown"
    )
    assert [p.text for p in document.paragraphs] == ["Before.", "Side | Troops", "Russia | 7,000", "After."]


def test_a_blank_line_inside_a_markdown_blockquote_stays_blank():
    # The quote marker's pattern once matched across line ends and ate the blank quote line.
    from parallax.core.ingest import _markdown_to_text

    text = _markdown_to_text("Our view.\n\n> Glossary: Donbas is the east.\n>\n> Crimea: the south.\n")
    assert "Our view.\n\nGlossary: Donbas is the east.\n\nCrimea: the south." in text


_PROSE = "Negotiators met in Istanbul on Tuesday and talked for hours about a ceasefire and its terms."
_PAGE = "<html><head><title>Talks</title></head><body><article><h1>Talks</h1><p>{p}</p>{table}<p>{p}</p></article></body></html>"


@pytest.mark.parametrize(
    ("table", "paragraphs"),
    [
        # A data table's rows are paragraphs, in place, as the Word reader gives them; an empty row is skipped.
        (
            "<table><caption>Losses</caption><thead><tr><th>Side</th><th>Troops</th></tr></thead>"
            "<tbody><tr><td>Russia</td><td>7,000 to 15,000</td></tr><tr><td></td><td></td></tr>"
            "<tr><td>Ukraine</td><td></td><td>unknown</td></tr></tbody></table>",
            ["Losses", "Side | Troops", "Russia | 7,000 to 15,000", "Ukraine | | unknown"],
        ),
        # Prose in a cell is kept, not dropped with the table.
        (
            "<table><tr><td>Kyiv</td><td>Residents were told that Russia would scale back near the capital.</td></tr></table>",
            ["Kyiv | Residents were told that Russia would scale back near the capital."],
        ),
        # A table used for layout is read as the blocks it holds, not run together into one row.
        (
            "<table><tr><td><h2>Background</h2><p>Russia's borders are cluttered by frozen conflicts.</p>"
            "<p>Few believe the Kremlin will leave.</p></td></tr></table>",
            [
                "Background",
                "Russia's borders are cluttered by frozen conflicts.",
                "Few believe the Kremlin will leave.",
            ],
        ),
        # A data table inside a layout table is still rows.
        (
            "<table><tr><td><p>The figures given on Tuesday:</p>"
            "<table><tr><td>Dead</td><td>1,300</td></tr></table></td></tr></table>",
            ["The figures given on Tuesday:", "Dead | 1,300"],
        ),
        # A paragraph mark in each cell, as office suites and editors write them, is still data.
        (
            "<table><tr><td><p>Northbank</p></td><td><p>1,200</p></td></tr>"
            "<tr><td><p>Old Quay</p></td><td><p>640</p></td></tr></table>",
            ["Northbank | 1,200", "Old Quay | 640"],
        ),
        # A line break in a cell is a space; an empty cell inside a row keeps the columns in place.
        (
            "<table><tr><th>District</th><th>Evacuated</th><th>Missing</th></tr>"
            "<tr><td>North<br>Dunmere</td><td></td><td>3</td></tr></table>",
            ["District | Evacuated | Missing", "North Dunmere | | 3"],
        ),
        # A footnote marker after a figure is no digit of it.
        ("<table><tr><td>East</td><td>5,000<sup>1</sup></td></tr></table>", ["East | 5,000[1]"]),
        # An e-mail's table of one cell, its paragraphs set apart by blank lines, is layout.
        (
            '<table role="presentation"><tr><td><b>PRESS RELEASE</b><br><br>The harbour reopens on Monday '
            "after repairs.<br><br>Ferries sail at 7:40.</td></tr></table>",
            ["PRESS RELEASE", "The harbour reopens on Monday after repairs.", "Ferries sail at 7:40."],
        ),
    ],
    ids=["data", "prose-cells", "layout", "nested", "paragraph-cells", "breaks-and-gaps", "footnote", "e-mail"],
)
def test_html_tables_are_read_row_by_row(table, paragraphs):
    document = document_from_text(_PAGE.format(p=_PROSE, table=table), kind="html")
    texts = [p.text for p in document.paragraphs]
    first = texts.index(_PROSE)
    assert texts[first + 1 : first + 1 + len(paragraphs)] == paragraphs
    assert texts[first + 1 + len(paragraphs)] == _PROSE
    assert_offsets(document)


@pytest.mark.parametrize(
    "declaration", ['<?xml version="1.0" encoding="UTF-8"?>', "<?xml version='1.0' encoding='iso-8859-1'?>"]
)
def test_an_xhtml_page_keeps_its_table(declaration):
    page = declaration + _PAGE.format(p=_PROSE, table="<table><tr><td>Écoles</td><td>48 %</td></tr></table>")
    assert "Écoles | 48 %" in [p.text for p in document_from_text(page, kind="html").paragraphs]


def test_a_photo_caption_is_read():
    caption = "A fallen tree blocks Station Road in Velmont on Sunday morning."
    figure = f'<figure><img src="tree.jpg" alt="A tree"><figcaption>{caption}</figcaption></figure>'
    assert caption in [p.text for p in document_from_text(_PAGE.format(p=_PROSE, table=figure), kind="html").paragraphs]


def test_hidden_html_is_not_read():
    page = _PAGE.format(p=_PROSE, table="<p hidden>DRAFT: the figure was 300 million.</p>")
    assert "DRAFT" not in document_from_text(page, kind="html").text
    assert "DRAFT" not in document_from_clipboard(html_text="<p>Shown.</p><p hidden>DRAFT</p>").text


def test_a_table_copied_to_the_clipboard_keeps_its_cells_apart():
    document = document_from_clipboard(html_text="<table><tr><td>Kyiv</td><td>shelled</td></tr></table>")
    assert [p.text for p in document.paragraphs] == ["Kyiv | shelled"]


@pytest.mark.parametrize(
    ("markdown", "paragraphs"),
    [
        (
            "| Side | Troops |\n|:-----|------:|\n| Russia | 7,000 |\n| Ukraine | *unknown* |\n",
            ["Side | Troops", "Russia | 7,000", "Ukraine | unknown"],
        ),
        # An empty cell inside a row keeps the columns in place; an empty row is no paragraph.
        (
            "| Side | Troops | Tanks |\n|---|---|---|\n| Russia |  | 120 |\n| | | |\n",
            ["Side | Troops | Tanks", "Russia | | 120"],
        ),
        # Outer pipes are optional, and an escaped pipe is text.
        ("Side | Note\n--- | ---\nRussia | yes \\| no\n", ["Side | Note", "Russia | yes | no"]),
        # A pipe in prose, with no rule under it, is no table.
        ("Talks | day two\nwent on late.\n", ["Talks | day two went on late."]),
    ],
    ids=["table", "empty-cells", "no-outer-pipes", "not-a-table"],
)
def test_markdown_tables_are_read_row_by_row(markdown, paragraphs):
    document = document_from_text(f"Before the table.\n\n{markdown}\nAfter it.\n", kind="markdown")
    assert [p.text for p in document.paragraphs] == ["Before the table.", *paragraphs, "After it."]


def test_plain_text_paragraphs_sentences_and_title(tmp_path):
    file = tmp_path / "story.txt"
    file.write_text(PLAIN, encoding="utf-8")
    document = read_document(file)
    assert document.title == "Ceasefire hopes rise after Istanbul talks"
    assert [p.text for p in document.paragraphs] == [
        "Ceasefire hopes rise after Istanbul talks",
        "Negotiators met for three hours on Tuesday. Mr. Smith, a diplomat, said the tone was calm.",
        "Russia said it would scale back operations near Kyiv on Feb. 24 next year. Ukraine asked for guarantees.",
    ]
    assert [s.text for s in document.sentences] == [
        "Ceasefire hopes rise after Istanbul talks",
        "Negotiators met for three hours on Tuesday.",
        "Mr. Smith, a diplomat, said the tone was calm.",
        "Russia said it would scale back operations near Kyiv on Feb. 24 next year.",
        "Ukraine asked for guarantees.",
    ]
    assert [s.paragraph for s in document.sentences] == [0, 1, 1, 2, 2]
    assert_offsets(document)


@pytest.mark.parametrize(
    ("raw", "kind", "path", "given", "expected"),
    [
        ("Short headline\n\nBody text of the story.", "text", "", None, "Short headline"),
        ("# Heading One\n\nBody text.", "markdown", "a.md", None, "Heading One"),
        ("Intro text first.\n\n## Later heading\n\nMore.", "markdown", "a.md", None, "Later heading"),
        ("Short headline\n\nBody.", "text", "", "Given title", "Given title"),
        ("word " * 60 + "\n\nSecond paragraph.", "text", "/tmp/long_story.txt", None, "long_story"),
        (
            "<html><head><title>Page title</title></head><body><article><h1>Page title</h1>"
            "<p>" + "A sentence about the talks in Istanbul. " * 4 + "</p></article></body></html>",
            "html",
            "p.html",
            None,
            "Page title",
        ),
    ],
    ids=["first-line", "md-heading", "md-first-heading", "explicit", "long-first-line-uses-file-name", "html-title"],
)
def test_title_detection(raw, kind, path, given, expected):
    document = document_from_text(raw, kind=kind, path=path, title=given)
    assert document.title == expected


@pytest.mark.parametrize(
    ("data", "paragraphs"),
    [
        (
            b"Title\r\n\r\nFirst line of a\r\nwrapped paragraph.\r\n\r\nSecond one.\r\n",
            ["Title", "First line of a wrapped paragraph.", "Second one."],
        ),
        (b"Old Mac\r\rline one\rline two\r\rEnd.", ["Old Mac", "line one line two", "End."]),
        (
            b"The talks in Istanbul began on\nTuesday morning and ran for\nthree hours.\n\nA second\nparagraph.\n",
            ["The talks in Istanbul began on Tuesday morning and ran for three hours.", "A second paragraph."],
        ),
        (
            b"One line per paragraph.\nAnother paragraph.\nA third.",
            ["One line per paragraph.", "Another paragraph.", "A third."],
        ),
        (
            "  Indented   text\twith\u00a0odd spaces.  \n\n\n\n\nAfter many blank lines.".encode(),
            ["Indented text with odd spaces.", "After many blank lines."],
        ),
        # A page break, a vertical tab or Unicode's paragraph separator ends a paragraph; its line separator a line.
        (
            b"First page ends here.\n\f\nSecond page.\vThird.",
            ["First page ends here.", "Second page.", "Third."],
        ),
        (
            "One para\u2028wrapped.\u2029Two.".encode(),
            ["One para wrapped.", "Two."],
        ),
    ],
    ids=["crlf", "cr-only", "hard-wrapped", "no-blank-lines", "odd-spacing", "page-breaks", "unicode-separators"],
)
def test_line_endings_and_wrapping(tmp_path, data, paragraphs):
    file = tmp_path / "story.txt"
    file.write_bytes(data)
    document = read_document(file)
    assert [p.text for p in document.paragraphs] == paragraphs
    assert "\r" not in document.text
    assert_offsets(document)


@pytest.mark.parametrize(
    "raw",
    [
        PLAIN,
        MARKDOWN,
        ARTICLE_HTML,
        'Dr. Jones met U.S. officials.  He said: "We agree."\n\nShe left at 5 p.m. on Feb. 24, 2022. Talks end.',
        "Zero\u200bwidth and cafe\u0301 text.\n\nSecond para, with \u2018quotes\u2019 and \u201cmore\u201d.",
        "\n\n\n   Leading blank lines.   \n\n   Trailing spaces.   \n\n\n",
    ],
    ids=["plain", "markdown", "html", "abbreviations", "unicode", "padding"],
)
def test_offsets_point_at_the_text(raw):
    kind = "html" if raw.lstrip().startswith("<!DOCTYPE") else "markdown" if raw.startswith("#") else "text"
    assert_offsets(document_from_text(raw, kind=kind))


# --- encodings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"caf\xe9 \x93quoted\x94", "café “quoted”"),
        (b"It\x92s \x96 a dash \x85", "It’s – a dash …"),
        ("Grüße aus Köln".encode("latin-1"), "Grüße aus Köln"),
        (b"Gr\xfc\xdfe \x81 \x8d", "Grüße \x81 \x8d"),  # bytes cp1252 leaves undefined: Latin-1
        ("naïve café — “ok”".encode(), "naïve café — “ok”"),
        (codecs.BOM_UTF8 + "Hello wörld".encode(), "Hello wörld"),
        ("Héllo wörld “x”".encode("utf-16"), "Héllo wörld “x”"),
        (codecs.BOM_UTF16_LE + "Kyiv – Київ".encode("utf-16-le"), "Kyiv – Київ"),
        (codecs.BOM_UTF16_BE + "Kyiv – Київ".encode("utf-16-be"), "Kyiv – Київ"),
        # UTF-32's little-endian mark begins with UTF-16's: it is weighed first.
        (codecs.BOM_UTF32_LE + "Kyiv – Київ".encode("utf-32-le"), "Kyiv – Київ"),
        (codecs.BOM_UTF32_BE + "Kyiv – Київ".encode("utf-32-be"), "Kyiv – Київ"),
        # No mark and no declaration: UTF-16's NULs, and another script's legacy code page.
        ("Negotiators met in Istanbul on Tuesday.".encode("utf-16-le"), "Negotiators met in Istanbul on Tuesday."),
        (
            "Переговоры в Стамбуле прошли во вторник, сообщили обе делегации.".encode("cp1251"),
            "Переговоры в Стамбуле прошли во вторник, сообщили обе делегации.",
        ),
    ],
    ids=[
        "cp1252-quotes",
        "cp1252-punctuation",
        "latin-1",
        "latin-1-undefined-in-cp1252",
        "utf-8",
        "utf-8-bom",
        "utf-16",
        "utf-16-le-bom",
        "utf-16-be-bom",
        "utf-32-le-bom",
        "utf-32-be-bom",
        "utf-16-without-bom",
        "cp1251-cyrillic",
    ],
)
def test_decode_bytes(data, expected):
    text, _encoding = decode_bytes(data, "x.txt")
    assert text == expected
    assert "\ufeff" not in text and "\ufffd" not in text


def test_a_cp1252_file_reads_into_a_document(tmp_path):
    file = tmp_path / "windows.txt"
    file.write_bytes(b"Caf\xe9 talks\r\n\r\nThe minister said \x93we are close\x94 to a deal.")
    document = read_document(file)
    assert document.title == "Café talks"
    assert "“we are close”" in document.text
    assert_offsets(document)


def test_a_utf16_file_reads_into_a_document(tmp_path):
    file = tmp_path / "utf16.txt"
    file.write_bytes("Київ talks\r\n\r\nNegotiators met again.".encode("utf-16"))
    document = read_document(file)
    assert document.title == "Київ talks"
    assert [p.text for p in document.paragraphs] == ["Київ talks", "Negotiators met again."]


# --- bad input ------------------------------------------------------------------------------

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00" + bytes(200)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("empty.txt", b""),
        ("blank.txt", b"   \n\n\t  \r\n  "),
        ("image.png", PNG_HEADER),
        ("picture.txt", PNG_HEADER),
        ("nul.txt", b"Some text\x00with a NUL byte in the middle."),
        ("controls.txt", bytes(range(1, 9)) * 50),
        ("empty.html", b"<html><body><nav>Home</nav></body></html>"),
        ("only-markup.md", b"---\n\n***\n"),
        ("letter.rtf", b"{\\rtf1\\ansi Hello {\\b world}}"),
        ("letter.txt", b"{\\rtf1\\ansi Hello {\\b world}}"),
    ],
    ids=[
        "empty",
        "whitespace",
        "png",
        "png-named-txt",
        "nul-bytes",
        "control-bytes",
        "html-without-text",
        "markdown-without-text",
        "rtf",
        "rtf-named-txt",
    ],
)
def test_unreadable_files_raise_a_one_line_error(tmp_path, name, data):
    file = tmp_path / name
    file.write_bytes(data)
    with pytest.raises(IngestError) as error:
        read_document(file)
    assert_one_line_error(error, name)


def test_missing_file(tmp_path):
    with pytest.raises(IngestError) as error:
        read_document(tmp_path / "nowhere.txt")
    assert_one_line_error(error, "nowhere.txt")


def test_directory(tmp_path):
    folder = tmp_path / "a_folder"
    folder.mkdir()
    with pytest.raises(IngestError) as error:
        read_document(folder)
    assert_one_line_error(error, "a_folder")


def test_file_over_the_size_limit(tmp_path):
    file = tmp_path / "big.txt"
    file.write_text("A perfectly readable sentence. " * 100, encoding="utf-8")
    with pytest.raises(IngestError) as error:
        read_document(file, IngestConfig(max_bytes=1000))
    assert_one_line_error(error, "big.txt")
    # The same file under a larger limit reads fine: the limit, not the content, refused it.
    assert read_document(file, IngestConfig(max_bytes=10_000)).text


def test_a_50_megabyte_file_is_refused_without_being_read(tmp_path, monkeypatch):
    file = tmp_path / "huge.txt"
    with open(file, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no disk used, but stat() says 50 MB
    target = str(file)

    def guard(original):
        def wrapper(*args, **kwargs):
            if args and str(args[0]) == target:
                raise AssertionError("the oversized file was opened for reading")
            return original(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(builtins, "open", guard(builtins.open))
    monkeypatch.setattr(io, "open", guard(io.open))
    monkeypatch.setattr(pathlib.Path, "open", guard(pathlib.Path.open))
    monkeypatch.setattr(pathlib.Path, "read_bytes", guard(pathlib.Path.read_bytes))
    monkeypatch.setattr(pathlib.Path, "read_text", guard(pathlib.Path.read_text))
    began = time.perf_counter()
    with pytest.raises(IngestError) as error:
        read_document(file)
    assert time.perf_counter() - began < 1.0
    assert_one_line_error(error, "huge.txt")
    assert "50" in str(error.value), "the message says how large the file is"


@pytest.mark.parametrize("raw", ["", "   ", "\n\n\n", "\u200b\u200b", "\t \r\n"])
def test_text_without_words_is_refused(raw):
    with pytest.raises(IngestError) as error:
        document_from_text(raw, path="pasted.txt")
    assert_one_line_error(error, "pasted.txt")
