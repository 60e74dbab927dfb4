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
        code = getattr(exc, "err_code", None)
        cause = CAUSES.get(code) or f"corrupt PDF: {str(exc).strip() or 'unreadable'}"
        raise UnreadableDocument(str(path), cause) from exc
    except OSError as exc:
        raise UnreadableDocument(str(path), exc.strerror or "cannot open file") from exc
