"""Readers: any supported file → ``RawDocument`` (pages of lines in reading order).

``read(path, ocr="auto")`` picks the reader from the file's content (PDF header, a ZIP
holding ``word/document.xml``, HTML markup, else text), not from its name alone. Every
failure is one ``UnreadableDocument(path, cause)`` with a short cause such as
"encrypted PDF" or "binary data, not text"; no library exception escapes.

Example: ``read("d06.pdf").pages[0].lines[0].text`` → "ỦY BAN NHÂN DÂN".
"""
from __future__ import annotations

from pathlib import Path

from docgen.errors import DocgenError, UnreadableDocument
from extractors.readers.model import Line, Page, RawDocument, SignatureInfo

__all__ = ["read", "Line", "Page", "RawDocument", "SignatureInfo", "OCR_MODES"]

OCR_MODES = ("auto", "always", "never")


def read(path: str | Path, ocr: str = "auto") -> RawDocument:
    """Read one file; ``ocr`` is "auto" (pages without text), "always" or "never"."""
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {OCR_MODES}, not {ocr!r}")
    path = Path(path)
    try:
        return _dispatch(path, ocr)
    except DocgenError as exc:
        if isinstance(exc, UnreadableDocument):
            raise
        raise UnreadableDocument(str(path), exc.cause) from exc
    except MemoryError as exc:
        raise UnreadableDocument(str(path), "too large to read in memory") from exc
    except RecursionError as exc:
        raise UnreadableDocument(str(path), "corrupt file: structure nested too deeply") from exc
    except Exception as exc:  # the promise: one typed error, never a library traceback
        raise UnreadableDocument(str(path), f"unreadable file ({type(exc).__name__}: {exc})") from exc


def _dispatch(path: Path, ocr: str) -> RawDocument:
    from extractors.readers.sniff import sniff

    kind = sniff(path)
    if kind == "pdf":
        from extractors.readers.pdf import read_pdf

        return read_pdf(path, ocr)
    if kind == "docx":
        from extractors.readers.docx import read_docx

        return read_docx(path)
    if kind == "html":
        from extractors.readers.html import read_html

        return read_html(path)
    from extractors.readers.txt import read_txt

    return read_txt(path)
