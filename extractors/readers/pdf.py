"""PDF → ``RawDocument``: the text layer where there is one, Tesseract where there is not.

Per page, in one pass (each page is closed as soon as it is read):
1. words of the text layer (``pdf_words``; signature widgets flattened in first);
2. stamp text — inside a signature annotation, or a block of "Ký bởi: … / Thời gian ký: …"
   lines — is parsed into ``SignatureInfo(source="stamp")`` and taken out of the lines;
3. a page whose remaining text is (nearly) empty is a scan: it is OCR'd with the stamp
   regions blanked; a page whose glyphs do not map to Unicode is read again with
   pdfplumber, and OCR'd if that is no better;
4. a text layer is judged before it is trusted: one whose words are mostly no Vietnamese
   syllables (a scanner's own OCR layer, "Vd viQc cho ph6p hqp nh6t") is read by OCR.

Example: ``read_pdf("d06.pdf")`` → 2 text pages, first lines "ỦY BAN NHÂN DÂN",
"TỈNH QUẢNG NGÃI", "Số: 11 /TB-UBND", then "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", …
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pypdfium2 as pdfium

from docgen.errors import ConversionFailed, UnreadableDocument
from extractors.readers import ocr as ocr_reader
from extractors.readers import pdf_tables, plumber
from extractors.readers.layout import Word, group_rows, lines_from_words
from extractors.readers.model import Line, Page, RawDocument, SignatureInfo
from extractors.readers.pdf_errors import open_pdf
from extractors.readers.quality import garbled_share, layer_share, text_chars
from extractors.readers.signature import (dictionary_signatures, is_stamp_line, looks_like_stamp,
                                          parse_copy_stamp, parse_stamp)
from extractors.readers.pdf_words import PageText, read_page_text

MIN_TEXT_CHARS = 16  # a picture and fewer letters and digits than this (stamps aside): a scan
GARBLED_SHARE = 0.10  # more unmapped or replacement characters than this: garbled glyphs
LOW_CONFIDENCE = 60.0
SMALL_PRINT = 0.9  # a stamp drawn in the content is set smaller than the body text


def read_pdf(path: str | Path, ocr: str = "auto") -> RawDocument:
    """Read a PDF; ``ocr`` is "auto" (scans only), "always" or "never"."""
    pdf = open_pdf(path)
    try:
        return _read(pdf, str(path), ocr)
    finally:
        pdf.close()


def _read(pdf: pdfium.PdfDocument, path: str, ocr: str) -> RawDocument:
    count = len(pdf)
    if count == 0:
        raise UnreadableDocument(path, "PDF has no pages")
    doc = RawDocument(path=path, format="pdf", page_count=count)
    doc.signatures, doc.warnings = dictionary_signatures(pdf)
    reader = _PageReader(pdf, path, ocr, doc)
    try:
        for index in range(count):
            doc.pages.append(reader.read(index))
    finally:
        reader.close()
    doc.text_layer = any(p.lines and not p.ocr for p in doc.pages)
    doc.ocr = any(p.ocr for p in doc.pages)
    return doc


class _PageReader:
    def __init__(self, pdf: pdfium.PdfDocument, path: str, ocr: str, doc: RawDocument):
        self.pdf, self.path, self.ocr, self.doc = pdf, path, ocr, doc
        self.plumber = plumber.LazyPlumber(path)
        self.skipped: list[int] = []
        self.tables_seen = 0
        self._pristine: pdfium.PdfDocument | None = None

    def pristine(self) -> pdfium.PdfDocument:
        """A second handle whose pages are never flattened: what OCR renders.

        Flattening draws widget appearances into the page content, and the scan then
        renders with different smoothing; OCR reads the page as issued instead, its form
        widgets drawn as a viewer shows them.
        """
        if self._pristine is None:
            self._pristine = open_pdf(self.path)
            self._pristine.init_forms()  # widgets (a number stamped by the signing system) drawn
        return self._pristine

    def close(self) -> None:
        self.plumber.close()
        if self._pristine is not None:
            self._pristine.close()
        if self.skipped:
            pages = ", ".join(str(n) for n in self.skipped)
            self.doc.warnings.append(f"no text layer on page(s) {pages}; OCR was turned off")

    def read(self, index: int) -> Page:
        number = index + 1
        text = read_page_text(self.pdf, index)
        lines, stamps = self._text_lines(text)
        if self._garbled(lines, text):
            lines = self._plumber_lines(index, stamps)
        needs_ocr = not lines or (text.has_images and (
            text_chars(lines) < MIN_TEXT_CHARS or not _content_words(text)))
        if self.ocr == "always" or (needs_ocr and self.ocr == "auto"):
            return self._ocr(index, stamps)
        if needs_ocr and self.ocr == "never" and not lines:
            self.skipped.append(number)
        if text.drawn_columns >= pdf_tables.MIN_DRAWN_COLUMNS and lines:
            lines = self._with_tables(index, lines)
        page = Page(number, lines, text.width, text.height, ocr=False)
        return self._judged(page, stamps) if lines and not needs_ocr else page

    def _judged(self, page: Page, stamps: list[StampRegion]) -> Page:
        """A text layer that does not read as Vietnamese (a scanner's own OCR layer, a font
        whose codes stand for other letters) is read again by OCR, which is kept when it
        reads as more Vietnamese than the layer."""
        share = layer_share(page.lines)
        doubt = share.doubt()
        if doubt is None:
            return page
        cause = f"page {page.number}: the text layer does not read as Vietnamese ({doubt})"
        if self.ocr == "never" or ocr_reader.tesseract_path() is None:
            self.doc.warnings.append(f"{cause}; kept, OCR is off")
            return page
        read = self._ocr(page.number - 1, stamps)
        if not layer_share(read.lines).better_than(share):
            self.doc.warnings.append(f"{cause}; kept, OCR read no better")
            return page
        self.doc.warnings.append(f"{cause}; read by OCR instead")
        return read

    def _with_tables(self, index: int, lines: list[Line]) -> list[Line]:
        """A page that draws ruled columns: its tables read cell by cell (pdf_tables.py)."""
        tables = self.plumber.tables(index)
        lines = pdf_tables.with_tables(lines, tables, self.tables_seen)
        self.tables_seen += len(tables)
        return lines

    def _text_lines(self, text: PageText) -> tuple[list[Line], list[StampRegion]]:
        """Lines of the page without stamp text; the stamps go to doc.signatures."""
        words, regions = self._take_annotation_stamps(text)
        lines = lines_from_words(words, text.width)
        lines, found = self._take_stamp_blocks(lines)
        return lines, regions + found

    def _take_annotation_stamps(self, text: PageText) -> tuple[list[Word], list[StampRegion]]:
        if not text.annot_boxes:
            return text.words, []
        groups: dict[int, list[Word]] = {}
        rest: list[Word] = []
        x0, top, x1, bottom = _union(text.annot_boxes)
        for word in text.words:
            outside = word.x1 < x0 or word.x0 > x1 or word.bottom < top or word.top > bottom
            box = None if outside else _best_box(word, text.annot_boxes)
            (groups.setdefault(box, []) if box is not None else rest).append(word)
        regions = []
        for box, inside in groups.items():
            stamp = _stamp_of(tuple(" ".join(w.text for w in row) for row in group_rows(inside)))
            if stamp is None:
                rest.extend(inside)
                continue
            self._add_signature(stamp)
            regions.append(StampRegion(_pad(_box_of(inside)), text.annot_boxes[box]))
        return rest, regions

    def _take_stamp_blocks(self, lines: list[Line]) -> tuple[list[Line], list[StampRegion]]:
        """Stamps drawn in the page content: runs of stamp lines at the same left edge."""
        keep, boxes = self._take_copy_stamps(lines)
        body_size = _median_size(keep)
        for block in _stamp_blocks(keep):
            size = _median_size(block)
            if body_size and size and size >= SMALL_PRINT * body_size:
                continue  # stamps are small print: an "Email: …" line of the body is not one
            stamp = parse_stamp([l.text for l in block])
            if stamp is None:
                continue
            self._add_signature(stamp)
            box = _pad(_box_of(block))
            boxes.append(StampRegion(box, box))
            keep = [l for l in keep if not any(l is b for b in block)]
        return keep, boxes

    def _take_copy_stamps(self, lines: list[Line]) -> tuple[list[Line], list[StampRegion]]:
        """Certified-copy e-stamps ("SAO Y; …; 19/03/2026; 08:40:00"): their form alone tells
        them, whatever their print size (on a scanned copy they are the page's only text)."""
        keep, boxes = [], []
        for line in lines:
            stamp = parse_copy_stamp(line.text)
            if stamp is None or None in (line.x0, line.top):
                keep.append(line)
                continue
            self._add_signature(stamp)
            box = _pad(_box_of([line]))
            boxes.append(StampRegion(box, box))
        return keep, boxes

    def _add_signature(self, stamp: SignatureInfo) -> None:
        if stamp not in self.doc.signatures:
            self.doc.signatures.append(stamp)

    def _garbled(self, lines: list[Line], text: PageText) -> bool:
        if text.chars and text.unmapped / text.chars > GARBLED_SHARE:
            return True
        return garbled_share(lines) > GARBLED_SHARE

    def _plumber_lines(self, index: int, stamps: list[StampRegion]) -> list[Line]:
        lines = self.plumber.lines(index, [s.drop for s in stamps])
        if garbled_share(lines) > GARBLED_SHARE:
            self.doc.warnings.append(f"page {index + 1}: text layer garbled, not used")
            return []
        self.doc.warnings.append(f"page {index + 1}: glyphs garbled by pypdfium2, read with pdfplumber")
        return lines

    def _ocr(self, index: int, stamps: list[StampRegion]) -> Page:
        if ocr_reader.tesseract_path() is None:
            raise UnreadableDocument(self.path, "no text layer and tesseract is not installed")
        try:
            result = ocr_reader.ocr_page(self.pristine(), index, [s.mask for s in stamps],
                                         [s.drop for s in stamps])
        except ConversionFailed as exc:
            raise UnreadableDocument(self.path, f"OCR failed on page {index + 1}: {exc.cause}")
        if result.confidence is not None and result.confidence < LOW_CONFIDENCE:
            self.doc.warnings.append(
                f"page {index + 1}: low OCR confidence ({result.confidence:.0f}%)")
        self.doc.warnings.extend(w for w in result.warnings if w not in self.doc.warnings)
        return Page(index + 1, result.lines, result.width, result.height, ocr=True)


@lru_cache(maxsize=64)
def _stamp_of(rows: tuple[str, ...]) -> SignatureInfo | None:
    """The stamp the rows of an annotation's text show (a long PDF repeats the same one)."""
    return parse_stamp(list(rows)) if looks_like_stamp(" ".join(rows)) else None


@dataclass(frozen=True)
class StampRegion:
    """Where a stamp sits: ``mask`` (its text, blanked before OCR) and ``drop`` (the whole
    widget with its seal picture: OCR lines lying inside it are dropped)."""

    mask: tuple[float, float, float, float]
    drop: tuple[float, float, float, float]


def _best_box(word: Word, boxes: list[tuple]) -> int | None:
    """Index of the smallest annotation box holding at least half of ``word``.

    Widgets overlap (the publishing stamp beside the "Ký bởi" one), and stamp text runs a
    little past its widget's edge: the most specific box that holds the word wins.
    """
    best, best_area = None, None
    area = max((word.x1 - word.x0) * (word.bottom - word.top), 1e-6)
    for i, (x0, top, x1, bottom) in enumerate(boxes):
        w = min(x1, word.x1) - max(x0, word.x0)
        h = min(bottom, word.bottom) - max(top, word.top)
        box_area = (x1 - x0) * (bottom - top)
        if w > 0 and h > 0 and w * h >= 0.5 * area and (best is None or box_area < best_area):
            best, best_area = i, box_area
    return best


def _stamp_blocks(lines: list[Line]) -> list[list[Line]]:
    """Groups of lines around stamp lines: same left edge, no wider gap than a line."""
    blocks: list[list[Line]] = []
    for i, line in enumerate(lines):
        if not is_stamp_line(line.text) or any(line in b for b in blocks):
            continue
        block = [line]
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and _same_block(lines[j], block, step):
                block.insert(0, lines[j]) if step < 0 else block.append(lines[j])
                j += step
        blocks.append(block)
    return blocks


def _same_block(line: Line, block: list[Line], step: int) -> bool:
    edge = block[0] if step < 0 else block[-1]
    if None in (line.x0, line.top, edge.x0, edge.top):
        return False
    height = (edge.bottom or edge.top) - edge.top or 10.0
    gap = edge.top - line.bottom if step < 0 else line.top - edge.bottom
    return abs(line.x0 - edge.x0) <= 3.0 and -0.5 * height <= gap <= 1.0 * height


def _box_of(lines) -> tuple[float, float, float, float]:
    return (min(l.x0 for l in lines), min(l.top for l in lines),
            max(l.x1 for l in lines), max(l.bottom for l in lines))


def _content_words(text: PageText) -> bool:
    """Has the page text of its own, besides what its annotations (widgets) draw?"""
    return any(_best_box(w, text.annot_boxes) is None for w in text.words)


def _median_size(lines: list[Line]) -> float | None:
    sizes = [l.size for l in lines if l.size]
    return statistics.median_high(sizes) if sizes else None


def _union(boxes: list[tuple]) -> tuple[float, float, float, float]:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def _pad(box: tuple, by: float = 1.5) -> tuple[float, float, float, float]:
    return box[0] - by, box[1] - by, box[2] + by, box[3] + by
