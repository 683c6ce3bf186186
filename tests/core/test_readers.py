"""PDF, Word, HTML, clipboard and URL readers: text, paragraphs and metadata, and every bad input refused.

Fixtures are made here (see ``tests/document_makers.py``): PDFs written by
hand, Word files from python-docx, HTML strings, and a web server on
127.0.0.1. A bad input must end in one :class:`IngestError` line that names
it; the fuzz tests feed random and mutated bytes to every reader and accept
nothing else.
"""

from __future__ import annotations

import builtins
import contextlib
import datetime as dt
import io
import json
import pathlib
import signal
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from document_makers import (
    Route,
    docx_bytes,
    encrypt_pdf,
    layout,
    local_server,
    pdf_bytes,
    replace_zip_member,
    with_zip_member,
)
from parallax.core.documents import Document
from parallax.core.export import to_schema
from parallax.core.ingest import (
    IngestConfig,
    IngestError,
    document_from_bytes,
    document_from_clipboard,
    read_document,
    read_source,
    read_url,
)

# --- helpers ----------------------------------------------------------------------------------


def paragraphs(document: Document) -> list[str]:
    return [p.text for p in document.paragraphs]


def refused(call, *names: str) -> str:
    """Run ``call``; it must raise one IngestError whose one-line message names each of ``names``."""
    with pytest.raises(IngestError) as error:
        call()
    message = str(error.value)
    assert message.strip() and "\n" not in message, f"one line, please: {message!r}"
    assert "Traceback" not in message
    for name in names:
        assert name in message, f"{name!r} not in {message!r}"
    return message


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    # The local server must be reached directly, whatever the machine's proxy settings.
    for key in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(key, raising=False)


# --- PDF --------------------------------------------------------------------------------------

PRESS_PAGE_1 = layout([
    ("title", ["Talks resume in Istanbul"]),
    ("para", ["Russian and Ukrainian negotiators met in Istanbul on Tues-",
              "day for the first face-to-face talks in weeks, with both",
              "sides describing the meeting as constructive and well-known."]),
    ("para", ["Moscow said it would sharply reduce military activity near",
              "Kyiv, a well-", "known pledge that pro-", "Western officials met with a careful face-to-",
              "face welcome."]),
    ("indent", ["An indented paragraph starts on this line and then runs",
                "on to a second line of the same size."]),
    ("indent", ["The last paragraph of the first page carries on over the",
                "page break without any full stop at the end of the"]),
])  # fmt: skip
PRESS_PAGE_2 = layout([
    ("tight", ["page, and ends on page two.",
               "A tight paragraph follows with no space and no indent;",
               "only its short last line ends it."]),
    ("tight", ["The next tight paragraph starts right below that short line",
               "and runs over two lines of ordinary body text."]),
    ("tight", ["2"]),
])  # fmt: skip
PRESS_PARAGRAPHS = [
    "Talks resume in Istanbul",
    "Russian and Ukrainian negotiators met in Istanbul on Tuesday for the first face-to-face talks in weeks, "
    "with both sides describing the meeting as constructive and well-known.",
    "Moscow said it would sharply reduce military activity near Kyiv, a well-known pledge that pro-Western "
    "officials met with a careful face-to-face welcome.",
    "An indented paragraph starts on this line and then runs on to a second line of the same size.",
    "The last paragraph of the first page carries on over the page break without any full stop at the end of the "
    "page, and ends on page two.",
    "A tight paragraph follows with no space and no indent; only its short last line ends it.",
    "The next tight paragraph starts right below that short line and runs over two lines of ordinary body text.",
]
PRESS_INFO = {"Author": "Jane Doe", "CreationDate": "D:20220329101500+01'00'"}


def press_pdf(**info: str) -> bytes:
    return pdf_bytes([PRESS_PAGE_1, PRESS_PAGE_2], {**PRESS_INFO, **info})


@pytest.mark.parametrize("flipped", [False, True], ids=["bottom-up", "top-down"])
def test_pdf_paragraphs_are_rebuilt_from_lines(tmp_path, flipped):
    file = tmp_path / "press.pdf"
    file.write_bytes(pdf_bytes([PRESS_PAGE_1, PRESS_PAGE_2], PRESS_INFO, flipped=flipped))
    document = read_document(file)
    # Hard-wrapped lines joined; blank lines, indents, headline size and short last lines end paragraphs;
    # "Tues-day" made whole, compound hyphens kept; the page number "2" dropped; the paragraph that runs
    # over the page break is one paragraph.
    assert paragraphs(document) == PRESS_PARAGRAPHS
    assert document.title == "Talks resume in Istanbul"  # the largest text on page 1
    assert (document.author, document.date) == ("Jane Doe", "2022-03-29")
    assert document.metadata["format"] == "pdf" and document.metadata["pages"] == "2"


def _page(*texts: str) -> list[tuple[float, float, float, str]]:
    """Lines of body text down a page, a blank line's gap before each."""
    return [(72, 700 - 30 * i, 11, text) for i, text in enumerate(texts)]


@pytest.mark.parametrize(
    ("pages", "kept", "dropped"),
    [
        # A column of years ending a page is text, not three page numbers.
        ([_page("Spending on schools by year:", "2023", "2024", "2025")], ["2023", "2024", "2025"], []),
        # A journal's own numbering, counted on from page to page; a decorated number alone.
        ([_page("Body text on one page.", "237"), _page("Body text on the next.", "238")], [], ["237", "238"]),
        (
            [_page("Body text on one page.", "- 1 -"), _page("Page 2 of 2", "Body text on the next.")],
            [],
            ["- 1 -", "Page 2 of 2"],
        ),
        # A figure ending one page only, that counts nothing, stays.
        ([_page("Evacuated in Northbank:", "1200"), _page("Body text on the next.")], ["1200"], []),
    ],
    ids=["years", "journal-numbering", "decorated", "a-figure"],
)
def test_pdf_page_numbers_are_dropped_and_figures_kept(tmp_path, pages, kept, dropped):
    file = tmp_path / "numbers.pdf"
    file.write_bytes(pdf_bytes(pages))
    read = paragraphs(read_document(file))
    assert all(any(text == p or text in p.split() for p in read) for text in kept), read
    assert not any(text in p for text in dropped for p in read), read


@pytest.mark.parametrize(
    ("info_title", "expected"),
    [("Joint statement on the Istanbul talks", "Joint statement on the Istanbul talks"),
     ("Microsoft Word - draft3.docx", "Talks resume in Istanbul"),
     ("untitled", "Talks resume in Istanbul")],
    ids=["info-title", "file-name-title-ignored", "untitled-ignored"],
)  # fmt: skip
def test_pdf_title_from_document_information_unless_it_is_a_file_name(info_title, expected):
    document = document_from_bytes(press_pdf(Title=info_title), path="press.pdf")
    assert document.title == expected


def test_pdf_is_recognised_by_content_whatever_its_name(tmp_path):
    file = tmp_path / "download"
    file.write_bytes(press_pdf())
    assert paragraphs(read_document(file)) == PRESS_PARAGRAPHS


def test_scanned_pdf_without_text_layer(tmp_path):
    file = tmp_path / "scan.pdf"
    file.write_bytes(pdf_bytes([[], []], scanned=True))
    message = refused(lambda: read_document(file), "scan.pdf", "no text layer")
    assert "OCR" in message


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_pdf_encrypted_without_a_user_password_opens(algorithm):
    data = encrypt_pdf(press_pdf(), user_password="", algorithm=algorithm)
    assert paragraphs(document_from_bytes(data, path="locked.pdf")) == PRESS_PARAGRAPHS


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_pdf_with_a_password_is_refused(algorithm):
    data = encrypt_pdf(press_pdf(), user_password="secret", algorithm=algorithm)
    refused(lambda: document_from_bytes(data, path="locked.pdf"), "locked.pdf", "password")


def _corruptions(data: bytes) -> dict[str, bytes]:
    middle = len(data) // 2
    return {
        "truncated-half": data[:middle],
        "truncated-header": data[:20],
        "header-only": b"%PDF-1.7\n",
        "garbage-body": data[:15] + bytes(range(256)) * 8,
        "xref-zeroed": data[: data.rindex(b"xref")] + b"\x00" * (len(data) - data.rindex(b"xref")),
        "named-pdf-but-text": b"Just some text that claims to be a PDF.",
    }


@pytest.mark.parametrize(
    "case", ["truncated-half", "truncated-header", "header-only", "garbage-body", "xref-zeroed", "named-pdf-but-text"]
)
def test_damaged_pdf_gives_one_line(case):
    data = _corruptions(press_pdf())[case]
    try:
        document = document_from_bytes(data, path="broken.pdf")
    except IngestError as error:
        assert "\n" not in str(error) and "broken.pdf" in str(error)
    else:
        # pypdf rebuilds some damage (a lost cross-reference table); then the text must be the real text.
        assert case == "xref-zeroed"
        assert paragraphs(document) == PRESS_PARAGRAPHS


# --- Word -------------------------------------------------------------------------------------

WORD_PARAGRAPHS = [
    "Negotiators met in Istanbul on Tuesday for three hours.",
    "Russia said it would scale back operations near Kyiv and Chernihiv.",
]


def test_docx_paragraphs_title_table_and_properties(tmp_path):
    file = tmp_path / "draft.docx"
    file.write_bytes(
        docx_bytes(
            ["Negotiators met in Istanbul\non Tuesday for three hours.", "", WORD_PARAGRAPHS[1]],
            title="Ceasefire hopes rise",
            heading="What was agreed",
            author="Ann Editor",
            created=dt.datetime(2022, 3, 30, 9, 0),
            core_title="Template title",
            table=[
                ["Side", "Offer", "Troops"],
                ["Ukraine", "Neutral status", ""],
                ["Russia", "", "fewer"],
                ["", "", ""],
            ],
        )
    )
    document = read_document(file)
    assert document.title == "Ceasefire hopes rise"  # the Title style beats the file's title property
    assert paragraphs(document) == [
        "Ceasefire hopes rise",
        "What was agreed",
        *WORD_PARAGRAPHS,  # a line break inside a paragraph joins; the empty paragraph is gone
        "Side | Offer | Troops",
        "Ukraine | Neutral status",  # an empty cell at the end moves nothing
        "Russia | | fewer",  # one inside keeps the columns in place
    ]
    assert (document.author, document.date, document.metadata["format"]) == ("Ann Editor", "2022-03-30", "docx")


_W_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _run(text: str) -> str:
    return f"<w:r><w:t xml:space='preserve'>{text}</w:t></w:r>"


def _box(text: str) -> str:
    return f"<w:txbxContent><w:p>{_run(text)}</w:p></w:txbxContent>"


# What Word shows, wherever python-docx's own text leaves it out.
_WORD_BODY = (
    f"<w:p>{_run('Spending on schools rises by ')}<w:ins w:id='1' w:author='A'>{_run('four')}</w:ins>"
    f"<w:del w:id='2' w:author='A'><w:r><w:delText>three</w:delText></w:r></w:del>{_run(' percent.')}</w:p>"
    f"<w:sdt><w:sdtContent><w:p>{_run('A paragraph in a content control.')}</w:p></w:sdtContent></w:sdt>"
    f"<w:p>{_run('Councillors ')}<w:sdt><w:sdtContent>{_run('voted against')}</w:sdtContent></w:sdt>"
    f"{_run(' it.')}</w:p>"
    f"<w:p>{_run('Page ')}<w:fldSimple w:instr='PAGE'>{_run('7')}</w:fldSimple>{_run(' records the vote.')}</w:p>"
    f"<w:p>{_run('A sidebar follows.')}<w:r><mc:AlternateContent><mc:Choice Requires='wps'>{_box('We will open shelters.')}"
    f"</mc:Choice><mc:Fallback><w:pict><v:textbox>{_box('We will open shelters.')}</v:textbox></w:pict>"
    f"</mc:Fallback></mc:AlternateContent></w:r></w:p>"
    f"<w:tbl><w:tr><w:tc><w:p>{_run('Outer')}</w:p></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p>{_run('inner')}</w:p>"
    f"</w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>"
)


def test_docx_text_word_shows_is_read_wherever_it_sits(tmp_path):
    file = tmp_path / "tracked.docx"
    xml = f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?><w:document {_W_NS}><w:body>{_WORD_BODY}</w:body></w:document>"
    file.write_bytes(replace_zip_member(docx_bytes(["placeholder"]), "word/document.xml", xml.encode()))
    assert paragraphs(read_document(file)) == [
        "Spending on schools rises by four percent.",  # the tracked insertion shown, the deletion not
        "A paragraph in a content control.",
        "Councillors voted against it.",
        "Page 7 records the vote.",
        "A sidebar follows.",
        "We will open shelters.",  # a text box once, not again from the copy kept for old readers
        "Outer | inner",
    ]


@pytest.mark.parametrize(
    ("title", "heading", "core_title", "expected"),
    [(None, "What was agreed", "Property title", "What was agreed"),
     (None, None, "Property title", "Property title"),
     (None, None, "", WORD_PARAGRAPHS[0])],
    ids=["heading-1", "title-property", "first-line"],
)  # fmt: skip
def test_docx_title_fallbacks(title, heading, core_title, expected):
    data = docx_bytes(WORD_PARAGRAPHS, title=title, heading=heading, core_title=core_title)
    assert document_from_bytes(data, path="x.docx").title == expected


def test_docx_without_text():
    refused(lambda: document_from_bytes(docx_bytes([]), path="blank.docx"), "blank.docx", "no text")


def _bad_docx() -> dict[str, bytes]:
    good = docx_bytes(WORD_PARAGRAPHS)
    plain_zip = io.BytesIO()
    with zipfile.ZipFile(plain_zip, "w") as archive:
        archive.writestr("notes.txt", "not a Word document")
    return {
        "truncated": good[: len(good) // 2],
        "truncated-end": good[:-30],
        "not-a-zip": b"Plain text saved with the wrong suffix.",
        "zip-without-document": plain_zip.getvalue(),
        "broken-xml": replace_zip_member(good, "word/document.xml", b"<w:document><w:body><w:p>"),
        "no-content-types": replace_zip_member(good, "[Content_Types].xml", b"nonsense"),
        "old-doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
    }


@pytest.mark.parametrize("case", ["truncated", "truncated-end", "not-a-zip", "zip-without-document", "broken-xml",
                                  "no-content-types", "old-doc"])  # fmt: skip
def test_damaged_docx_gives_one_line(case):
    refused(lambda: document_from_bytes(_bad_docx()[case], path="broken.docx"), "broken.docx")


@pytest.fixture
def forbid_docx(monkeypatch):
    """Call it once the fixture is made: from then on python-docx must not open anything, because
    hostile archives are refused before anything is unpacked."""
    import docx

    def refuse(*_args, **_kwargs):
        raise AssertionError("python-docx opened a file that should have been refused first")

    return lambda: monkeypatch.setattr(docx, "Document", refuse)


def test_docx_zip_bomb_is_refused_before_unpacking(forbid_docx):
    bomb = with_zip_member(docx_bytes(WORD_PARAGRAPHS), "word/media/image1.png", 64 * 1024 * 1024)
    forbid_docx()
    assert len(bomb) < 1024 * 1024, "64 MB of zeros packs into well under 1 MB"
    refused(lambda: document_from_bytes(bomb, path="bomb.docx"), "bomb.docx", "zip bomb")


def test_docx_unpacking_past_the_limit_is_refused(forbid_docx):
    big = with_zip_member(docx_bytes(WORD_PARAGRAPHS), "word/media/image1.png", 3 * 1024 * 1024)
    forbid_docx()
    config = IngestConfig(max_unpacked_bytes=2 * 1024 * 1024)
    refused(lambda: document_from_bytes(big, path="big.docx", config=config), "big.docx", "2 MB")


def test_docx_with_a_compression_word_never_uses_is_refused(forbid_docx):
    odd = with_zip_member(docx_bytes(WORD_PARAGRAPHS), "word/extra.bin", 1000, compression=zipfile.ZIP_BZIP2)
    forbid_docx()
    refused(lambda: document_from_bytes(odd, path="odd.docx"), "odd.docx", "compression")


@pytest.mark.parametrize("name", ["huge.pdf", "huge.docx", "huge.txt"])
def test_a_100_megabyte_file_is_refused_without_being_read(tmp_path, monkeypatch, name):
    file = tmp_path / name
    with open(file, "wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: stat() says 100 MB, no disk used
    target = str(file)

    def guard(original):
        def wrapper(*args, **kwargs):
            if args and str(args[0]) == target:
                raise AssertionError("the oversized file was opened for reading")
            return original(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(builtins, "open", guard(builtins.open))
    monkeypatch.setattr(io, "open", guard(io.open))
    monkeypatch.setattr(pathlib.Path, "read_bytes", guard(pathlib.Path.read_bytes))
    refused(lambda: read_document(file), name, "100.0 MB")


# --- HTML -------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Talks resume | The Example Times</title>
<meta property="og:site_name" content="The Example Times">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2022-03-29T10:00:00Z">
<link rel="canonical" href="https://news.example.com/world/talks">
<script>var secretTracker = "scriptInHead";</script><style>.x { content: "styleText"; }</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World news menu</a></nav>
<article><h1>Talks resume</h1>
<p>Russian and Ukrainian negotiators met in Istanbul on Tuesday for the first talks in weeks.</p>
<script>document.write("scriptInArticle")</script><noscript>noscriptText: please enable JavaScript</noscript>
<p onclick="evilHandler()">Moscow said it would reduce military activity around Kyiv and Chernihiv.</p>
<iframe srcdoc="<p>iframeSrcdocText</p>"></iframe><template><p>templateText never shown</p></template>
<p><a href="javascript:evilLink()">Ukraine</a> asked for security guarantees from a group of countries.</p>
</article><footer>Copyright footer text and privacy policy</footer>
<script src="https://tracker.example.com/t.js"></script></body></html>"""
PAGE_PARAGRAPHS = [
    "Russian and Ukrainian negotiators met in Istanbul on Tuesday for the first talks in weeks.",
    "Moscow said it would reduce military activity around Kyiv and Chernihiv.",
    "Ukraine asked for security guarantees from a group of countries.",
]
NEVER_SHOWN = ["scriptInHead", "secretTracker", "styleText", "scriptInArticle", "noscriptText", "evilHandler",
               "iframeSrcdocText", "templateText", "evilLink", "javascript", "World news menu", "Copyright"]  # fmt: skip


def test_html_file_main_text_and_metadata(tmp_path):
    file = tmp_path / "talks.html"
    file.write_text(PAGE, encoding="utf-8")
    document = read_document(file)
    for text in PAGE_PARAGRAPHS:
        assert text in paragraphs(document)
    for text in NEVER_SHOWN:
        assert text not in document.text
    assert document.title == "Talks resume"
    assert (document.outlet, document.author, document.date, document.url) == (
        "The Example Times", "Jane Reporter", "2022-03-29", "https://news.example.com/world/talks",
    )  # fmt: skip
    assert document.metadata["site"] == "The Example Times", "the key schema 1 always had stays"


def test_metadata_is_in_the_schema_export(tmp_path):
    from parallax.core.compare import CompareConfig, compare
    from parallax.core.embed import HashingEmbedder

    html_file, pdf_file = tmp_path / "talks.html", tmp_path / "press.pdf"
    html_file.write_text(PAGE, encoding="utf-8")
    pdf_file.write_bytes(press_pdf())
    result = compare([read_document(html_file), read_document(pdf_file)], HashingEmbedder(), None, CompareConfig())
    exported = json.loads(json.dumps(to_schema(result)))
    page, press = exported["documents"]
    assert {k: page[k] for k in ("outlet", "author", "date", "url")} == {
        "outlet": "The Example Times", "author": "Jane Reporter", "date": "2022-03-29",
        "url": "https://news.example.com/world/talks",
    }  # fmt: skip
    assert {k: press[k] for k in ("outlet", "author", "date", "url")} == {
        "outlet": "", "author": "Jane Doe", "date": "2022-03-29", "url": "",
    }  # fmt: skip
    assert press["path"] == str(pdf_file) and press["metadata"]["format"] == "pdf"


@pytest.mark.parametrize(
    ("charset", "text"),
    [("windows-1251", "Переговоры в Стамбуле продолжились во вторник утром."),
     ("koi8-r", "Переговоры в Стамбуле продолжились во вторник утром."),
     ("iso-8859-1", "Les négociateurs se sont réunis mardi – «enfin»."),
     ("shift_jis", "イスタンブールで火曜日に交渉が再開された。交渉は三時間続いた。")],
)  # fmt: skip
def test_html_in_the_encoding_its_meta_tag_declares(charset, text):
    page = (f'<html><head><meta charset="{charset}"><title>t</title></head><body><article>'
            f"<p>{text}</p><p>{text}</p></article></body></html>")  # fmt: skip
    encoding = "cp1252" if charset == "iso-8859-1" else charset
    document = document_from_bytes(page.encode(encoding), path="page.html")
    assert text in document.text


# --- clipboard --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "html", "expected"),
    [
        (None, "<html><body><!--StartFragment--><p>Negotiators met for three hours on Tuesday.</p>"
               "<script>stealCookies()</script><p>Russia said it would scale back operations.</p>"
               "<!--EndFragment--></body></html>",
         ["Negotiators met for three hours on Tuesday.", "Russia said it would scale back operations."]),
        ("ignored plain text", PAGE, PAGE_PARAGRAPHS),
        (None, "<b>Two</b> words", ["Two words"]),
        ("Plain text wins when the HTML has none.", "<div><script>only()</script></div>",
         ["Plain text wins when the HTML has none."]),
        ("Line one of an email.\n\nLine two of it.", None, ["Line one of an email.", "Line two of it."]),
    ],
    ids=["fragment", "whole-page-main-text", "tiny-fragment", "html-without-text", "text-only"],
)  # fmt: skip
def test_clipboard_text_and_html(text, html, expected):
    document = document_from_clipboard(text, html)
    got = paragraphs(document)
    for paragraph in expected:
        assert paragraph in got
    for hidden in ("stealCookies", "only()", *NEVER_SHOWN):
        assert hidden not in document.text
    assert document.path == "clipboard"


@pytest.mark.parametrize(("text", "html"), [(None, None), ("  ", ""), ("", "<script>x()</script>")])
def test_empty_clipboard(text, html):
    refused(lambda: document_from_clipboard(text, html), "clipboard")


# --- URLs -------------------------------------------------------------------------------------


@pytest.fixture
def server():
    routes = {
        "/talks": Route(PAGE.encode()),
        "/moved": Route(status=302, headers={"Location": "/talks"}),
        "/press.pdf": Route(press_pdf(), content_type="application/pdf"),
        "/cyrillic": Route(
            "<html><body><article><p>Переговоры в Стамбуле продолжились во вторник утром.</p></article></body></html>"
            .encode("koi8-r"), content_type="text/html; charset=koi8-r"),
        "/slow": Route(PAGE.encode(), delay=3.0),
        "/trickle": Route(PAGE.encode(), trickle=0.05),
        "/huge": Route(b"x" * 1000, declared_length=500 * 1024 * 1024),
        "/endless": Route(endless=True, content_type="text/plain"),
        "/to-file": Route(status=302, headers={"Location": "file:///etc/passwd"}),
        "/to-ftp": Route(status=302, headers={"Location": "ftp://127.0.0.1/etc/passwd"}),
        "/error": Route(b"oops", status=500),
    }  # fmt: skip
    with local_server(routes) as running:
        yield running


def test_url_main_text_and_metadata(server):
    document = read_url(server.url("/moved"))  # a redirect is followed
    for text in PAGE_PARAGRAPHS:
        assert text in paragraphs(document)
    assert document.path == server.url("/moved")
    assert document.url == server.url("/talks"), "the address it was fetched from, after redirects"
    assert (document.outlet, document.author, document.date) == ("The Example Times", "Jane Reporter", "2022-03-29")


def test_url_to_a_pdf_and_a_declared_charset(server):
    assert paragraphs(read_source(server.url("/press.pdf"))) == PRESS_PARAGRAPHS
    cyrillic = read_url(server.url("/cyrillic"))
    assert "Переговоры в Стамбуле" in cyrillic.text
    assert cyrillic.outlet == "127.0.0.1", "without a site name the host is the outlet"


@pytest.mark.parametrize(
    ("path", "config", "words"),
    [
        ("/nowhere", IngestConfig(), "404"),
        ("/error", IngestConfig(), "500"),
        ("/slow", IngestConfig(url_timeout_s=0.3), "0.3 s"),
        ("/trickle", IngestConfig(url_timeout_s=0.4), "0.4 s"),
        ("/huge", IngestConfig(), "500.0 MB"),
        ("/endless", IngestConfig(max_bytes=2 * 1024 * 1024), "2 MB"),
        ("/to-file", IngestConfig(), "not allowed"),
        ("/to-ftp", IngestConfig(), "not a web address"),
    ],
    ids=[
        "404",
        "500",
        "no-answer",
        "trickling-answer",
        "declared-too-large",
        "endless-body",
        "redirect-to-file",
        "redirect-to-ftp",
    ],
)
def test_url_failures_give_one_line(server, path, config, words):
    refused(lambda: read_url(server.url(path), config), server.url(path), words)


def test_only_http_addresses_are_fetched():
    from parallax.core.extracted import ReadError
    from parallax.core.fetch import fetch, is_url

    for address in ("file:///etc/passwd", "ftp://example.com/a.txt", "javascript:alert(1)", "example.com/page"):
        assert not is_url(address)
        with pytest.raises(ReadError):
            fetch(address)
    assert is_url("https://example.com/page") and is_url(" http://127.0.0.1:8000/x ")


def test_cli_compares_urls(server, capsys, monkeypatch, tmp_path):
    from parallax import cli
    from parallax.core.embed import HashingEmbedder

    monkeypatch.setattr(cli, "default_embedder", HashingEmbedder)
    code = cli.main(["compare", server.url("/talks"), server.url("/press.pdf"), "--json", "--no-cache"])
    out, err = capsys.readouterr()
    assert code == 0, err
    article, report = json.loads(out)["documents"]
    assert (article["url"], article["outlet"]) == (server.url("/talks"), "The Example Times")
    assert report["path"] == server.url("/press.pdf") and report["author"] == "Jane Doe"
    code = cli.main(["compare", server.url("/talks"), server.url("/nowhere")])
    out, err = capsys.readouterr()
    assert code == cli.EXIT_INPUT
    assert err.count("\n") == 1 and "404" in err and err.startswith("parallax: ")


# --- fuzzing ----------------------------------------------------------------------------------


@contextlib.contextmanager
def hang_guard(seconds: float):
    """Fail (rather than hang the run) if the block takes longer than ``seconds``."""

    def alarm(*_args):
        raise AssertionError(f"a reader ran for more than {seconds} s on one input")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def read_or_refuse(data: bytes, name: str) -> None:
    """Reading ``data`` gives a Document or an IngestError, never another exception, never a hang.

    The guard is generous (a normal input reads in well under a second) so that a busy machine does
    not fail the test; the readers' imports are done before it is armed (see :func:`sample`).
    """
    with hang_guard(60):
        try:
            document = document_from_bytes(data, path=name)
        except IngestError as error:
            assert str(error) and "\n" not in str(error)
        else:
            assert isinstance(document, Document) and document.text


FUZZ = settings(
    max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)  # the hang guard bounds each example; no deadline, so a busy machine does not make the test flaky
SAMPLES: dict[str, bytes] = {}


def sample(kind: str) -> bytes:
    """A valid file of each kind to mutate; made, and read once (importing every reader), on first use."""
    if not SAMPLES:
        SAMPLES["pdf"] = press_pdf()
        SAMPLES["docx"] = docx_bytes(WORD_PARAGRAPHS, title="Ceasefire hopes rise", table=[["a", "b"]])
        SAMPLES["html"] = PAGE.encode()
        for name, data in SAMPLES.items():
            document_from_bytes(data, path=f"x.{name}")
    return SAMPLES[kind]


@FUZZ
@given(data=st.binary(max_size=3000), name=st.sampled_from(["x.pdf", "x.docx", "x.html", "x.txt", "x.md", "x"]))
def test_fuzz_random_bytes(data, name):
    sample("pdf")
    read_or_refuse(data, name)


@st.composite
def mutated(draw, kind: str) -> bytes:
    data = bytearray(sample(kind))
    for _ in range(draw(st.integers(1, 6))):
        operation = draw(st.sampled_from(["flip", "cut", "insert", "truncate", "repeat"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if operation == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif operation == "cut":
            del data[at : at + draw(st.integers(1, 200))]
        elif operation == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif operation == "truncate":
            del data[at:]
        elif operation == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 64))] * draw(st.integers(2, 50))
    return bytes(data)


@FUZZ
@given(data=mutated("pdf"))
def test_fuzz_mutated_pdf(data):
    read_or_refuse(data, "x.pdf")


@FUZZ
@given(data=mutated("docx"))
def test_fuzz_mutated_docx_archive(data):
    read_or_refuse(data, "x.docx")


@FUZZ
@given(xml=st.data())
def test_fuzz_mutated_docx_xml(xml):
    good = sample("docx")
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        document_xml = bytearray(archive.read("word/document.xml"))
    for _ in range(xml.draw(st.integers(1, 4))):
        at = xml.draw(st.integers(0, len(document_xml) - 1))
        document_xml[at : at + xml.draw(st.integers(0, 40))] = xml.draw(st.binary(max_size=20))
    read_or_refuse(replace_zip_member(good, "word/document.xml", bytes(document_xml)), "x.docx")


@FUZZ
@given(data=mutated("html"))
def test_fuzz_mutated_html(data):
    read_or_refuse(data, "x.html")


_TALKS_PAGE = (
    "<html><head><title>Talks</title>{meta}</head><body><article><h1>Talks</h1><p>"
    + "Negotiators met in Istanbul on Tuesday and talked for hours about a ceasefire. " * 6
    + "</p><p>{line}</p></article><footer>© 2022 Northlight</footer></body></html>"
)


@pytest.mark.parametrize(
    ("meta", "line", "date"),
    [
        # A copyright year alone is no date: the date search's "2022-01-01" would be a day nobody wrote.
        ("", "More about the talks in Istanbul, with words enough to count as an article.", None),
        (
            '<meta property="article:published_time" content="2022-03-30T10:00:00Z">',
            "More about the talks.",
            "2022-03-30",
        ),
        ("", "Published on 1 January 2022, before the talks began, this story was updated.", "2022-01-01"),
    ],
)
def test_an_html_page_date_is_one_the_page_gives(meta, line, date):
    from parallax.core.html_reader import read_html

    extracted = read_html(_TALKS_PAGE.format(meta=meta, line=line))
    assert extracted.metadata.get("date") == date
