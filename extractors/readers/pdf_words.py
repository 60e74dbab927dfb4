"""Words of one PDF page from pypdfium2's text layer, with boxes in top-left points.

Signature widgets carry text the page content does not: the signing system stamps the
number and day into the blank "Số:  /TB-UBND" and "ngày  tháng" (their appearance
streams hold "11" and "08") and draws the "Ký bởi … Thời gian ký …" stamp. The page's
annotations are therefore flattened into its content before the text is read, and the
annotation boxes are returned so that stamp text can be set apart by the caller.

Example: page 1 of a Word export gives ``Word("Số:", 119.1, 117.0, 135.8, …)``,
``Word("11", 150.3, …)``, ``Word("/TB-UBND", …)``.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractors.readers.layout import Word

WORD_GAP_EM = 0.25  # a horizontal jump wider than this (in font sizes) starts a new word
BOLD_WEIGHT = 600


@dataclass(frozen=True)
class PageText:
    """What the text layer of one page holds."""

    words: list[Word]
    annot_boxes: list[tuple[float, float, float, float]]  # x0, top, x1, bottom
    width: float
    height: float
    unmapped: int  # characters whose font has no Unicode mapping
    chars: int


class _Transform:
    """PDF user space (bottom-left origin, unrotated) → displayed page, top-left origin."""

    SCALE = 100

    def __init__(self, page: pdfium.PdfPage, width: float, height: float):
        sx, sy = int(width * self.SCALE), int(height * self.SCALE)
        args = (page.raw, 0, 0, sx, sy, page.get_rotation() // 90)
        ox, oy = self._map(args, 0.0, 0.0)
        ax, ay = self._map(args, 1000.0, 0.0)
        bx, by = self._map(args, 0.0, 1000.0)
        self.origin = (ox, oy)
        self.ux = ((ax - ox) / 1000.0, (ay - oy) / 1000.0)
        self.uy = ((bx - ox) / 1000.0, (by - oy) / 1000.0)

    def _map(self, args, x: float, y: float) -> tuple[float, float]:
        dx, dy = ctypes.c_int(), ctypes.c_int()
        pdfium_c.FPDF_PageToDevice(*args, x, y, ctypes.byref(dx), ctypes.byref(dy))
        return dx.value / self.SCALE, dy.value / self.SCALE

    def box(self, left: float, bottom: float, right: float, top: float):
        """(x0, top, x1, bottom) of a PDF box on the displayed page."""
        xs, ys = [], []
        for x, y in ((left, bottom), (right, top)):
            xs.append(self.origin[0] + self.ux[0] * x + self.uy[0] * y)
            ys.append(self.origin[1] + self.ux[1] * x + self.uy[1] * y)
        return min(xs), min(ys), max(xs), max(ys)


def read_page_text(pdf: pdfium.PdfDocument, index: int) -> PageText:
    """Flatten the annotations of page ``index`` and read its words; the page is closed."""
    page = pdf[index]
    annots = _annotation_rects(page)
    if annots:
        pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY)
        page.close()
        page = pdf[index]
    try:
        width, height = page.get_size()
        transform = _Transform(page, width, height)
        textpage = page.get_textpage()
        try:
            words, unmapped, count = _words(textpage, transform)
        finally:
            textpage.close()
        boxes = [transform.box(*r) for r in annots]
        return PageText(words, boxes, width, height, unmapped, count)
    finally:
        page.close()


def _annotation_rects(page: pdfium.PdfPage) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) of every annotation of the page, in PDF space."""
    rects = []
    rect = pdfium_c.FS_RECTF()
    for i in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, i)
        if not annot:
            continue
        try:
            if pdfium_c.FPDFAnnot_GetRect(annot, ctypes.byref(rect)):
                rects.append((rect.left, rect.bottom, rect.right, rect.top))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return rects


class _WordBuilder:
    def __init__(self, textpage, transform: _Transform):
        self.raw = textpage.raw
        self.transform = transform
        self.words: list[Word] = []
        self.chars: list[str] = []
        self.box: list[float] = []  # x0, top, x1, bottom of the word being built
        self.first = 0
        self.last = 0

    def add(self, index: int, char: str, box: tuple[float, float, float, float]) -> None:
        if self.chars and not self._continues(box):
            self.flush()
        if not self.chars:
            self.first = index
            self.box = list(box)
        else:
            b = self.box
            b[0], b[1] = min(b[0], box[0]), min(b[1], box[1])
            b[2], b[3] = max(b[2], box[2]), max(b[3], box[3])
        self.chars.append(char)
        self.last = index

    def _continues(self, box) -> bool:
        b = self.box
        size = max(b[3] - b[1], box[3] - box[1], 1.0)
        if box[0] < b[2] - 0.5 * size or box[0] - b[2] > WORD_GAP_EM * size:
            return False
        middle = (box[1] + box[3]) / 2
        return b[1] - 0.3 * size <= middle <= b[3] + 0.3 * size

    def flush(self) -> None:
        if not self.chars:
            return
        size = pdfium_c.FPDFText_GetFontSize(self.raw, self.first)
        weight = pdfium_c.FPDFText_GetFontWeight(self.raw, self.first)
        self.words.append(Word(
            "".join(self.chars), *self.box,
            size=round(size, 2) if size > 0 else None,
            bold=(weight >= BOLD_WEIGHT) if weight > 0 else None,
            start=self.first, end=self.last,
        ))
        self.chars = []


def _words(textpage, transform: _Transform) -> tuple[list[Word], int, int]:
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    text = textpage.get_text_range(0, count) if count > 0 else ""
    if len(text) != count:
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, i)) for i in range(count))
    builder = _WordBuilder(textpage, transform)
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    loose_box, unmapped_at = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_HasUnicodeMapError
    unmapped = 0
    for i, char in enumerate(text):
        if char.isspace() or char == "\x00":
            builder.flush()
            continue
        if unmapped_at(raw, i) == 1:
            unmapped += 1
        loose_box(raw, i, rect_ref)
        builder.add(i, char, transform.box(rect.left, rect.bottom, rect.right, rect.top))
    builder.flush()
    return builder.words, unmapped, count
