"""Pictures of PDF pages for the live preview, and a small memory of recent PDFs.

The preview is the PDF the download gives (same DOCX → LibreOffice path), drawn by pypdfium2
at 108 dpi (scale 1.5 of the PDF's 72 units per inch), so an A4 page is 893 × 1263 pixels.

    >>> image = page_png(pdf_bytes, 1)   # doctest: +SKIP
    >>> image.count, image.png[:4]
    (2, b'\\x89PNG')
"""
from __future__ import annotations

import hashlib
import io
import json
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import pypdfium2

SCALE = 1.5
PNG_COMPRESSION = 1  # fast: the picture goes over the loopback


@dataclass(frozen=True)
class PageImage:
    """Page ``number`` (1-based) of a PDF of ``count`` pages, as PNG bytes."""

    number: int
    count: int
    png: bytes


def page_png(pdf: bytes, number: int) -> PageImage:
    """Draw page ``number`` (clamped to the pages there are) as a PNG."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        count = len(document)
        number = min(max(number, 1), count)
        page = document[number - 1]
        try:
            image = page.render(scale=SCALE).to_pil()
        finally:
            page.close()
    finally:
        document.close()
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=PNG_COMPRESSION)
    return PageImage(number, count, buffer.getvalue())


def data_key(type_name: str, clean: dict[str, Any]) -> str:
    """A key for one document's content: the same clean data gives the same PDF."""
    text = json.dumps([type_name, clean], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class PdfMemory:
    """The last few PDFs by content key, so asking for page 2 converts nothing again."""

    def __init__(self, size: int = 32):
        self.size = size
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            pdf = self._items.get(key)
            if pdf is not None:
                self._items.move_to_end(key)
            return pdf

    def put(self, key: str, pdf: bytes) -> None:
        with self._lock:
            self._items[key] = pdf
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
