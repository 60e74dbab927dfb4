"""Opening a PDF with pypdfium2, each failure turned into one short human cause.

Example: a PDF with a user password → ``UnreadableDocument("x.pdf", "encrypted PDF")``.
"""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from docgen.errors import UnreadableDocument

# pdfium's error codes (FPDF_ERR_*) → cause
CAUSES = {
    1: "corrupt PDF: unknown error",
    2: "file not found or could not be opened",
    3: "corrupt PDF: not in PDF format or damaged",
    4: "encrypted PDF",
    5: "encrypted PDF (unsupported security handler)",
    6: "corrupt PDF: page not found or damaged",
}


def open_pdf(path: str | Path) -> pdfium.PdfDocument:
    """The opened document; raises UnreadableDocument with a short cause."""
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise UnreadableDocument(str(path), _cause(path, getattr(exc, "err_code", None))) from exc
    except OSError as exc:
        raise UnreadableDocument(str(path), exc.strerror or "cannot open file") from exc


def _cause(path, code: int | None) -> str:
    """Why pdfium could not load the file.

    pdfium's error code is process-wide and not reset by every failure (an empty page
    tree fails with whatever the previous error was), so the code is checked against
    the file: a password error needs an /Encrypt entry, and pdfminer is asked whether
    the page tree is empty.
    """
    if code in (4, 5) and _mentions(path, b"/Encrypt"):
        return CAUSES[code]
    opinion = _pdfminer_opinion(path)
    if opinion:
        return opinion
    if code in (3, 6):
        return CAUSES[code]
    return "corrupt PDF: pdfium cannot load it"


def _mentions(path, token: bytes, chunk: int = 1 << 20) -> bool:
    with open(path, "rb") as handle:
        tail = b""
        while block := handle.read(chunk):
            if token in tail + block:
                return True
            tail = block[-len(token):]
    return False


def _pdfminer_opinion(path) -> str | None:
    """"PDF has no pages" or "encrypted PDF" when pdfminer sees so, else None."""
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFPasswordIncorrect

        with pdfplumber.open(str(path)) as pdf:
            return "PDF has no pages" if len(pdf.pages) == 0 else None
    except PDFPasswordIncorrect:
        return CAUSES[4]
    except Exception:  # pdfminer cannot read it either: pdfium's cause stands
        return None
