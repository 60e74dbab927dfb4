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
import re
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractors.readers.layout import Word

WORD_GAP_EM = 0.25  # a horizontal jump wider than this (in font sizes) starts a new word
BOLD_WEIGHT = 600
# a bold face by its name: "Times New Roman,Bold", "ABCDEF+LiberationSerif-BoldItalic",
# "Arial-BoldMT", "Roboto-Black"; LibreOffice's embedded subsets report weight 400 for all
BOLD_NAME = re.compile(r"bold|black|heavy", re.IGNORECASE)
FEW_CHARS = 400  # pages with fewer characters are asked whether they hold a picture
APPEARANCE_DEPTH = 5  # form XObjects nested deeper than this are not searched for text


@dataclass(frozen=True)
class PageText:
    """What the text layer of one page holds."""

    words: list[Word]
    annot_boxes: list[tuple[float, float, float, float]]  # x0, top, x1, bottom
    width: float
    height: float
    unmapped: int  # characters whose font has no Unicode mapping
    chars: int
    has_images: bool  # asked only of pages with little text (is it a scan?)
    drawn_columns: int = 0  # columns that drawn rules or cell boxes make: 3 or more, a ruled table


class _Transform:
    """PDF user space (bottom-left origin, unrotated) → displayed page, top-left origin."""

    SCALE = 100

    def __init__(self, page: pdfium.PdfPage, width: float, height: float):
        sx, sy = int(width * self.SCALE), int(height * self.SCALE)
        args = (page.raw, 0, 0, sx, sy, page.get_rotation() // 90)
        ox, oy = self._map(args, 0.0, 0.0)
        ax, ay = self._map(args, 1000.0, 0.0)
        bx, by = self._map(args, 0.0, 1000.0)
        self.ox, self.oy = ox, oy
        self.xx, self.xy = (ax - ox) / 1000.0, (ay - oy) / 1000.0  # image of the unit x
        self.yx, self.yy = (bx - ox) / 1000.0, (by - oy) / 1000.0  # image of the unit y

    def _map(self, args, x: float, y: float) -> tuple[float, float]:
        dx, dy = ctypes.c_int(), ctypes.c_int()
        pdfium_c.FPDF_PageToDevice(*args, x, y, ctypes.byref(dx), ctypes.byref(dy))
        return dx.value / self.SCALE, dy.value / self.SCALE

    def box(self, left: float, bottom: float, right: float, top: float):
        """(x0, top, x1, bottom) of a PDF box on the displayed page."""
        xa = self.ox + self.xx * left + self.yx * bottom
        xb = self.ox + self.xx * right + self.yx * top
        ya = self.oy + self.xy * left + self.yy * bottom
        yb = self.oy + self.xy * right + self.yy * top
        return (xa, yb, xb, ya) if xa <= xb and yb <= ya else (
            min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb))


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
        images = count < FEW_CHARS and _has_images(page)
        return PageText(words, boxes, width, height, unmapped, count, images, _drawn_columns(page))
    finally:
        page.close()


def _drawn_columns(page: pdfium.PdfPage) -> int:
    """How many columns the page's drawn rules make: distinct places of thin vertical rules, or,
    for tables drawn as a box per cell, the boxes side by side in one row (two rows of three or
    more are needed: a box behind each text line, a highlight, is no table). Cheap: only the
    bounds of path objects are read."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    rules: set[int] = set()
    rows: dict[int, set[int]] = {}
    for i in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, i)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        pdfium_c.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in (left, bottom, right, top)))
        if top.value - bottom.value <= 8:
            continue
        if right.value - left.value < 3:
            rules.add(round(left.value / 2))
        else:
            rows.setdefault(round(top.value / 2), set()).add(round(left.value / 2))
    boxed = [len(lefts) for lefts in rows.values() if len(lefts) >= 3]
    return max(len(rules), min(boxed) if len(boxed) >= 2 else 0)


def _has_images(page: pdfium.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3))


def _annotation_rects(page: pdfium.PdfPage) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) of the annotations whose appearance draws text."""
    rects = []
    rect = pdfium_c.FS_RECTF()
    for i in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, i)
        if not annot:
            continue
        try:
            if _draws_text(annot) and pdfium_c.FPDFAnnot_GetRect(annot, ctypes.byref(rect)):
                rects.append((rect.left, rect.bottom, rect.right, rect.top))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return rects


def _draws_text(annot) -> bool:
    """Does the annotation's appearance hold a text object (not only a seal picture)?"""
    objects = [pdfium_c.FPDFAnnot_GetObject(annot, i)
               for i in range(pdfium_c.FPDFAnnot_GetObjectCount(annot))]
    for _ in range(APPEARANCE_DEPTH):
        nested = []
        for obj in objects:
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
                return True
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                nested += [pdfium_c.FPDFFormObj_GetObject(obj, j)
                           for j in range(pdfium_c.FPDFFormObj_CountObjects(obj))]
        objects = nested
    return False


class _WordBuilder:
    """Words of one page: one box lookup at each end of a run of non-space characters,
    and character by character only where a run is not one straight piece of text."""

    def __init__(self, textpage, transform: _Transform):
        self.raw = textpage.raw
        self.transform = transform
        self.words: list[Word] = []
        self.rect = pdfium_c.FS_RECTF()
        self.rect_ref = ctypes.byref(self.rect)
        self.fonts = _FontFaces()

    def box(self, index: int) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) of character ``index`` on the displayed page."""
        pdfium_c.FPDFText_GetLooseCharBox(self.raw, index, self.rect_ref)
        r = self.rect
        return self.transform.box(r.left, r.bottom, r.right, r.top)

    def add_run(self, text: str, start: int) -> None:
        """Add the run ``text`` of non-space characters starting at index ``start``."""
        end = start + len(text) - 1
        first = self.box(start)
        last = self.box(end) if end > start else first
        if _straight(first, last, len(text)):
            box = (first[0], min(first[1], last[1]), last[2], max(first[3], last[3]))
            self._emit(text, box, start, end)
        else:
            self._split_run(text, start)

    def _split_run(self, text: str, start: int) -> None:
        """Character by character: a new word wherever the next glyph jumps away."""
        piece, box, first = "", None, start
        for offset, char in enumerate(text):
            index = start + offset
            glyph = self.box(index)
            if box is not None and not _continues(box, glyph):
                self._emit(piece, box, first, index - 1)
                piece, box = "", None
            if box is None:
                piece, box, first = char, glyph, index
            else:
                piece += char
                box = (min(box[0], glyph[0]), min(box[1], glyph[1]),
                       max(box[2], glyph[2]), max(box[3], glyph[3]))
        if box is not None:
            self._emit(piece, box, first, start + len(text) - 1)

    def _emit(self, text: str, box, start: int, end: int) -> None:
        size = pdfium_c.FPDFText_GetFontSize(self.raw, start)
        self.words.append(Word(
            text, *box,
            size=round(size, 2) if size > 0 else None,
            bold=self.fonts.bold(self.raw, start),
            start=start, end=end,
        ))


class _FontFaces:
    """Is the character at an index set in a bold face? By the font's weight, or by its
    name where the weight says regular (embedded subsets often carry no real weight)."""

    NAME_BYTES = 128

    def __init__(self):
        self.buffer = ctypes.create_string_buffer(self.NAME_BYTES)
        self.flags = ctypes.c_int()
        self.flags_ref = ctypes.byref(self.flags)
        self.by_name: dict[bytes, bool] = {}

    def bold(self, raw, index: int) -> bool | None:
        weight = pdfium_c.FPDFText_GetFontWeight(raw, index)
        if weight >= BOLD_WEIGHT:
            return True
        if not pdfium_c.FPDFText_GetFontInfo(raw, index, self.buffer, self.NAME_BYTES,
                                             self.flags_ref):
            return False if weight > 0 else None
        name = self.buffer.value
        found = self.by_name.get(name)
        if found is None:
            found = self.by_name[name] = bool(BOLD_NAME.search(name.decode("latin-1")))
        return found


def _straight(first, last, length: int) -> bool:
    """Do the first and last glyph of a run bound one left-to-right piece of text?"""
    size = max(first[3] - first[1], last[3] - last[1], 1.0)
    width = last[2] - first[0]
    same_line = abs(first[3] - last[3]) <= 0.3 * size and abs(first[1] - last[1]) <= 0.3 * size
    return same_line and -0.01 <= width <= length * 1.2 * size + 1.0


def _continues(box, glyph) -> bool:
    size = max(box[3] - box[1], glyph[3] - glyph[1], 1.0)
    if glyph[0] < box[2] - 0.5 * size or glyph[0] - box[2] > WORD_GAP_EM * size:
        return False
    middle = (glyph[1] + glyph[3]) / 2
    return box[1] - 0.3 * size <= middle <= box[3] + 0.3 * size


RUN = re.compile(r"[^\s\x00]+")
UNMAPPED_SAMPLE = 7  # every 7th character is asked whether its glyph mapped to Unicode


def _words(textpage, transform: _Transform) -> tuple[list[Word], int, int]:
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    text = textpage.get_text_range(0, count) if count > 0 else ""
    if len(text) != count:
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, i)) for i in range(count))
    builder = _WordBuilder(textpage, transform)
    rect = builder.rect
    rect_ref = builder.rect_ref
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    font_size, bold = pdfium_c.FPDFText_GetFontSize, builder.fonts.bold
    box = transform.box
    append = builder.words.append
    for match in RUN.finditer(text):  # the fast path of _WordBuilder.add_run, inlined
        start, end = match.span()
        end -= 1
        loose_box(raw, start, rect_ref)
        first = box(rect.left, rect.bottom, rect.right, rect.top)
        if end > start:
            loose_box(raw, end, rect_ref)
            last = box(rect.left, rect.bottom, rect.right, rect.top)
        else:
            last = first
        if not _straight(first, last, end - start + 1):
            builder.add_run(match.group(), start)
            continue
        size = font_size(raw, start)
        append(Word(match.group(), first[0], min(first[1], last[1]), last[2],
                    max(first[3], last[3]), round(size, 2) if size > 0 else None,
                    bold(raw, start), None, start, end))
    unmapped_at = pdfium_c.FPDFText_HasUnicodeMapError
    sampled = range(0, count, UNMAPPED_SAMPLE)
    unmapped = sum(1 for i in sampled if unmapped_at(raw, i) == 1) * UNMAPPED_SAMPLE
    return builder.words, unmapped, count
