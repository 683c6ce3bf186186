"""Test fixtures made on the spot: PDFs written by hand, Word files, zip bombs, and a local web server.

Nothing here is copied from elsewhere: :func:`pdf_bytes` writes the few PDF
objects a page of text needs, :func:`docx_bytes` uses python-docx, and
:class:`LocalServer` is ``http.server`` in a thread, answering from a table
of routes (pages, 404s, slow and oversized answers) on 127.0.0.1.
"""

from __future__ import annotations

import io
import threading
import time
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# (x, y, font size, text): one line of text on a page, positioned from the bottom-left corner in points.
Line = tuple[float, float, float, str]


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def pdf_bytes(
    pages: Sequence[Sequence[Line]],
    info: dict[str, str] | None = None,
    scanned: bool = False,
    flipped: bool = False,
) -> bytes:
    """A valid PDF whose pages show ``pages``' lines in Helvetica (a text layer pypdf can read).

    ``scanned`` makes every page a grey picture with no text at all (what a
    scanner produces); ``flipped`` draws through a top-down coordinate system,
    as many word processors do.
    """
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")
    pages_id = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    image = add(
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8"
        b" /Length 4 >>\nstream\n\x80\x90\xa0\xb0\nendstream"
    )
    kids = []
    for lines in pages:
        ops: list[bytes] = []
        if scanned:
            ops.append(b"q 612 0 0 792 0 0 cm /Im1 Do Q")
        else:
            if flipped:
                ops.append(b"1 0 0 -1 0 792 cm")
            for x, y, size, text in lines:
                if flipped:
                    ops.append(b"BT /F1 %g Tf 1 0 0 -1 %g %g Tm %s Tj ET" % (size, x, 792 - y, _pdf_string(text)))
                else:
                    ops.append(b"BT /F1 %g Tf %g %g Td %s Tj ET" % (size, x, y, _pdf_string(text)))
        stream = b"\n".join(ops)
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >>"
                b" /XObject << /Im1 %d 0 R >> >> /Contents %d 0 R >>" % (pages_id, font, image, content)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    info_id = add(
        b"<< " + b" ".join(b"/%s %s" % (k.encode(), _pdf_string(v)) for k, v in (info or {}).items()) + b" >>"
    )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        info_id,
        xref,
    )
    return bytes(out)


def layout(blocks: Sequence[tuple[str, Sequence[str]]], top: float = 740, step: float = 14) -> list[Line]:
    """Lines for one page from ``(kind, lines)`` blocks, top to bottom.

    Kinds: "title" (18 pt), "para" (11 pt, a blank line before it), "indent"
    (11 pt, first line indented, no extra space), "tight" (11 pt, no space, no
    indent: only a short last line shows where the paragraph before it ended).
    """
    out: list[Line] = []
    y = top
    for kind, lines in blocks:
        if kind == "title":
            for text in lines:
                out.append((72, y, 18, text))
                y -= 24
            y -= 6
            continue
        if kind == "para" and out:
            y -= step
        for n, text in enumerate(lines):
            x = 90 if kind == "indent" and n == 0 else 72
            out.append((x, y, 11, text))
            y -= step
    return out


def encrypt_pdf(data: bytes, user_password: str, owner_password: str = "owner", algorithm: str = "RC4-128") -> bytes:
    """``data`` encrypted by pypdf (a user password of "" opens without asking, as many PDFs do)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(
    paragraphs: Sequence[str],
    title: str | None = None,
    heading: str | None = None,
    author: str = "",
    created: object = None,
    core_title: str = "",
    table: Sequence[Sequence[str]] = (),
) -> bytes:
    """A Word document made with python-docx: an optional Title, a Heading 1, paragraphs, a table."""
    import docx

    document = docx.Document()
    properties = document.core_properties
    properties.author = author
    properties.title = core_title
    if created is not None:
        properties.created = created
    if title:
        document.add_heading(title, level=0)
    if heading:
        document.add_heading(heading, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def with_zip_member(data: bytes, name: str, size: int, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """The zip archive ``data`` with one more member of ``size`` zero bytes, written in 1 MB pieces."""
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a", compression=compression) as archive, archive.open(name, "w", force_zip64=True) as f:
        piece = bytes(1024 * 1024)
        left = size
        while left > 0:
            f.write(piece[: min(left, len(piece))])
            left -= len(piece)
    return out.getvalue()


def replace_zip_member(data: bytes, name: str, content: bytes) -> bytes:
    """The zip archive ``data`` with member ``name``'s content replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, content if item.filename == name else source.read(item.filename))
    return out.getvalue()


# --- a local web server -----------------------------------------------------------------------


@dataclass
class Route:
    """What the server answers on one path. ``delay`` waits before answering; ``trickle`` sends
    the body one byte at a time with that pause between bytes; ``endless`` streams zeros without a
    declared length until the client hangs up; ``declared_length`` overrides Content-Length."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0
    trickle: float = 0.0
    endless: bool = False
    declared_length: int | None = None
    headers: dict[str, str] = field(default_factory=dict)


class LocalServer:
    """An HTTP server on 127.0.0.1 in a thread; ``url(path)`` is the address of a route."""

    def __init__(self, routes: dict[str, Route]) -> None:
        self.routes = routes
        self.stopping = threading.Event()
        self.requests: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, *args: object) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:
                server.requests.append(self.path)
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                if route.delay and server.stopping.wait(route.delay):
                    return
                try:
                    self.send_response(route.status)
                    self.send_header("Content-Type", route.content_type)
                    for key, value in route.headers.items():
                        self.send_header(key, value)
                    if not route.endless:
                        length = route.declared_length if route.declared_length is not None else len(route.body)
                        self.send_header("Content-Length", str(length))
                    self.end_headers()
                    if route.endless:
                        piece = bytes(256 * 1024)
                        for _ in range(400):  # at most 100 MB, far past any cap under test
                            if server.stopping.is_set():
                                return
                            self.wfile.write(piece)
                    elif route.trickle:
                        for byte in route.body:
                            if server.stopping.wait(route.trickle):
                                return
                            self.wfile.write(bytes([byte]))
                            self.wfile.flush()
                    else:
                        self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up, as it should for oversized answers

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path: str) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}{path}"

    def start(self) -> LocalServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@contextmanager
def local_server(routes: dict[str, Route]) -> Iterator[LocalServer]:
    server = LocalServer(routes).start()
    try:
        yield server
    finally:
        server.stop()


def wait_for(predicate: object, timeout: float = 5.0) -> bool:
    """Poll ``predicate`` until it is true or ``timeout`` seconds have passed."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.02)
    return False
