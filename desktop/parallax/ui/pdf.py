"""The HTML report printed to PDF with Qt's rich text engine (QTextDocument and QPdfWriter).

Entry points: :func:`pdf_bytes` (HTML in, PDF bytes out) and :func:`write_pdf`
(the same, written atomically). Both work in the app and from the command line
(``parallax compare ... --pdf OUT`` imports this module only for that flag): with
no Qt application running, one is started on the offscreen platform, so no
display is needed. The pages are A4 landscape, wide enough for the two texts
side by side; fonts are embedded, so the text can be searched and copied.

May import: the standard library, PySide6 and ``parallax.core``.
"""

from __future__ import annotations

import os

from parallax.core.files import write_atomic

_APP = None  # the application this module started, kept alive for the process


def _ensure_application() -> None:
    global _APP
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        return
    # The command line has no window: the offscreen platform needs no display server.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _APP = QGuiApplication(["parallax"])


def pdf_bytes(html: str, title: str = "Parallax report") -> bytes:
    """Lay ``html`` out on A4 landscape pages and return the PDF."""
    _ensure_application()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Parallax")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(8.5)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setHtml(html)
    # With a page size of its own the document prints as laid out, inside the writer's margins; without
    # one, QTextDocument.print_ adds 2 cm margins of its own. Document units are 1/96 inch.
    area = writer.pageLayout().paintRect(QPageLayout.Unit.Point)
    document.setPageSize(QSizeF(area.width() * 96 / 72, area.height() * 96 / 72))
    document.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data())


def write_pdf(html: str, path: str | os.PathLike[str], title: str = "Parallax report") -> None:
    """Print ``html`` to a PDF file at ``path``, replacing it in one step; ``OSError`` when it cannot."""
    write_atomic(path, lambda: pdf_bytes(html, title))
