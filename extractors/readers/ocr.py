"""Tesseract OCR (``vie``) of PDF pages without a text layer, one page at a time.

Each page is rendered once by pypdfium2 (grey, ``DPI`` dots per inch), regions holding a
signature stamp are painted white, and the image goes to one ``tesseract`` process on
stdin (PGM, no temporary file) with ``OMP_THREAD_LIMIT=1`` so that one process uses one
core and parallel work scales by processes. The hOCR it prints gives words with boxes,
confidence and the other spellings its LSTM weighed (``hocr``; the correction stage chooses
among them); its lines become rows (so a slightly skewed scan still reads line by line),
and ``layout`` cuts them at wide gaps and orders the two-column bands.

Example: page 1 of a scanned Tờ trình gives lines "ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI",
"Số: 01/TTr-UBND" (column 0), then "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", … (column 1).
"""
from __future__ import annotations

import dataclasses
import io
import os
import re
import shutil
import statistics
import subprocess
from dataclasses import dataclass

import pypdfium2 as pdfium

from docgen.errors import ConversionFailed
from extractors.readers import handread, handwriting, ocr_cache, ocr_tables
from extractors.readers.hocr import read_hocr
from extractors.readers.layout import Word, group_rows, group_units, lines_from_rows
from extractors.readers.model import Line

DPI = 300
LANGUAGE = "vie"
MIN_CONFIDENCE = 20.0  # words below this are specks, seal rims and signature strokes
TIMEOUT_S = 180
BLANK_SHARE = 0.0002  # fewer dark pixels than this share (~1,700 at 300 DPI A4): blank
MIN_SKEW = 0.002  # below about 0.1°, boxes are left as they are
SKEW_MIN_SPAN = 150.0  # points: lines shorter than this do not vote on the skew
SPECK_HEIGHT = 0.6  # a word of 1–2 letters lower than this share of the text height is a mark
TALL_STROKE = 1.8  # an unsure word this many text heights tall is a stroke, not text
ACCENT_MARKS = set("`'\"^~¨´ˆ˜‘’“”,.")


@dataclass(frozen=True)
class OcrPage:
    lines: list[Line]
    width: float  # points
    height: float
    confidence: float | None  # mean word confidence, 0–100
    warnings: tuple[str, ...] = ()


def tesseract_path() -> str | None:
    """The ``tesseract`` executable on PATH, or None."""
    return shutil.which("tesseract")


def ocr_page(pdf: pdfium.PdfDocument, index: int, masks=(), drops=(),
             dpi: int = DPI) -> OcrPage:
    """OCR page ``index``.

    ``masks`` are (x0, top, x1, bottom) boxes in points painted white first (stamp text);
    OCR lines lying mostly inside a ``drops`` box (a stamp's seal picture) are left out.
    """
    image, coloured, width, height = render_page(pdf, index, dpi, masks)
    if is_blank(image):
        return OcrPage([], width, height, None)
    tables = ocr_tables.find_tables(image)
    seen = ocr_tables.blank_tables(image, tables) if tables else image
    words = read_words(run_tesseract(image_bytes(seen), dpi), 72.0 / dpi)
    kept = _outside(drops, _without_mark_lines([w for w in words if _keep(w)]))
    kept = mark_handwriting(kept, handwriting.Ink(image, coloured, dpi / 72.0))
    readings, problem = handread.read_blanks(
        list(_by_line(_split(words)).values()), [k.word for k in kept if k.word.hand],
        image, dpi / 72.0, height)
    slope = _skew(kept)
    kept = _level(kept, slope)
    confidences = [k.word.conf for k in kept if k.word.conf is not None]
    mean = round(sum(confidences) / len(confidences), 1) if confidences else None
    lines = lines_from_rows(group_units(_tesseract_lines(kept)), width)
    if tables:  # ruled tables: their cells read one by one (ocr_tables.py)
        lines = ocr_tables.in_reading_order(lines, ocr_tables.read_cells(tables, dpi, 100 * index))
    return OcrPage(handread.attach(lines, readings, slope), width, height, mean,
                   (problem,) if problem else ())


def render_page(pdf: pdfium.PdfDocument, index: int, dpi: int, masks=()):
    """(grey PIL image, coloured-ink mask or None, width pt, height pt) of page ``index``,
    both images from one colour rendering; the page is closed."""
    from PIL import ImageDraw

    page = pdf[index]
    try:
        width, height = page.get_size()
        bitmap = page.render(scale=dpi / 72.0, draw_annots=True, may_draw_forms=True)
        colour = bitmap.to_pil()
        image = red_channel(colour)
        coloured = handwriting.coloured_ink(colour)
        del colour
        bitmap.close()
    finally:
        page.close()
    k = dpi / 72.0
    for x0, top, x1, bottom in masks:
        box = [x0 * k, top * k, x1 * k, bottom * k]
        ImageDraw.Draw(image).rectangle(box, fill=255)
        if coloured is not None:
            ImageDraw.Draw(coloured).rectangle(box, fill=0)
    if masks and coloured is not None and not coloured.getbbox():
        coloured = None  # the only coloured ink was a stamp's
    return image, coloured, width, height


def red_channel(image):
    """The page in grey as seen through a red filter: red seals and stamps vanish.

    The round red seal of the issuing body sits on the signer's title and name, and
    red incoming-mail and urgency stamps sit on the header; black print stays black.
    """
    grey = image.getchannel("R") if image.mode in ("RGB", "RGBA", "RGBX") else image.convert("L")
    return grey.point(_PAPER)


# light grey (the ghost of a red seal, paper texture) becomes white; ink keeps its shade
_PAPER = [255 if v >= 220 else v for v in range(256)]


def is_blank(image) -> bool:
    """Almost no dark pixels once red ink is filtered out: an empty back page, or one with
    only the seal showing through. Tesseract is not run on it."""
    histogram = image.histogram()
    dark = sum(histogram[:128])
    return dark < BLANK_SHARE * image.size[0] * image.size[1]


def image_bytes(image) -> bytes:
    """The image as binary PGM, which tesseract reads from stdin without decoding work."""
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")
    return buffer.getvalue()


def run_tesseract(data: bytes, dpi: int = DPI, psm: str = "3") -> str:
    """hOCR of ``tesseract stdin stdout -l vie --psm 3 -c lstm_choice_mode=2 hocr`` on one
    image: words, boxes, confidence, and the characters the LSTM chose between (``psm`` "6",
    one block of lines, for the sheet of a table's cells)."""
    exe = tesseract_path()
    if exe is None:
        raise ConversionFailed("tesseract", "tesseract is not installed")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    command = [exe, "stdin", "stdout", "-l", LANGUAGE, "--psm", psm, "--dpi", str(dpi),
               "-c", "lstm_choice_mode=2", "hocr"]
    return ocr_cache.cached(command, data, lambda: _run(command, data, env))


def _run(command: list[str], data: bytes, env: dict[str, str]) -> str:
    try:
        done = subprocess.run(command, input=data, capture_output=True, env=env,
                              timeout=TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired as exc:
        raise ConversionFailed("tesseract", f"no answer within {TIMEOUT_S} s") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ConversionFailed("tesseract", message[-1] if message else f"exit {done.returncode}")
    return done.stdout.decode("utf-8", "replace")


@dataclass(frozen=True)
class _OcrWord:
    word: Word
    line_key: tuple[int, int, int]


def read_words(hocr: str, scale: float) -> list[_OcrWord]:
    """The words of tesseract's hOCR, boxes scaled from pixels to points."""
    words = []
    for found in read_hocr(hocr):
        left, top, right, bottom = (v * scale for v in found.box)
        word = Word(found.text, left, top, right, bottom, conf=found.conf,
                    alternatives=found.alternatives)
        words.append(_OcrWord(word, (0, 0, found.line)))
    return words


def _by_line(words: list[_OcrWord]) -> dict[tuple[int, int, int], list[Word]]:
    """The words of each tesseract line, in reading order, keyed by (block, par, line)."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for item in words:
        lines.setdefault(item.line_key, []).append(item.word)
    return lines


def _marks_only(line: list[Word], typical: float) -> bool:
    """Tiny 1–2 letter words only, or one or two 1–2 letter words without a digit
    (strokes of a signature: "ï", "sa"); a page number "2" stays, and so does a short
    title read with confidence in capitals ("ĐỀ ÁN", "DỰ ÁN")."""
    if all(len(w.text) <= 2 and w.height < SPECK_HEIGHT * typical for w in line):
        return True
    short = len(line) <= 2 and all(len(w.text) <= 2 and not any(c.isdigit() for c in w.text)
                                   for w in line)
    title = len(line) == 2 and all(w.text.isupper() and len(w.text) == 2 and (w.conf or 0) >= 70
                                   for w in line)
    return short and not title


def _typical_height(words: list[_OcrWord]) -> float:
    heights = [w.word.height for w in words if len(w.word.text) >= 2]
    return statistics.median_high(heights) if heights else 0.0


def _keep(item: _OcrWord) -> bool:
    """Drop specks: unsure words (unless they look like a real word, "tháng" beside ink,
    or a signing authority, "KT" under a seal's rim) and stray quote or accent marks."""
    word = item.word
    if word.conf is not None and word.conf < MIN_CONFIDENCE:
        letters = sum(c.isalpha() for c in word.text)
        return (letters >= 3 and 2 * letters >= len(word.text)) or bool(_AUTHORITY.match(word.text))
    if not any(c.isalnum() for c in word.text):
        return (word.conf or 0) >= 60 and not set(word.text) <= ACCENT_MARKS
    return True


# a signing authority as printed, which OCR reads unsurely where a seal's rim or the
# signature's strokes run through it
_AUTHORITY = re.compile(r"^(?:KT|TM|TL|TUQ|K/T|T/M|T/L)\.?$")


def _without_mark_lines(words: list[_OcrWord]) -> list[_OcrWord]:
    """Drop tesseract lines made only of marks: the accents of a bold name read apart
    from their letters ("À" over "Trần") come back as a line of tiny 1–2 letter words."""
    typical = _typical_height(words)
    marks = {key for key, line in _by_line(words).items() if _marks_only(line, typical)}
    return [item for item in words if item.line_key not in marks
            and not _stroke(item.word, typical)]


def _stroke(word: Word, typical: float) -> bool:
    """An unsure "word" far taller than the text: a signature or stamp stroke ("lpệ")."""
    return (word.conf is not None and word.conf < MIN_CONFIDENCE
            and word.height > TALL_STROKE * typical > 0)


def _level(words: list[_OcrWord], slope: float) -> list[_OcrWord]:
    """Undo a scan's skew in the word boxes, so that a printed line is one row.

    The slope (``_skew``) is the median, over tesseract's longer lines, of the
    least-squares slope of word centres; each box is then shifted up or down by slope × x.
    """
    if abs(slope) < MIN_SKEW:
        return words
    out = []
    for item in words:
        w = item.word
        shift = slope * (w.x0 + w.x1) / 2
        moved = dataclasses.replace(w, top=w.top - shift, bottom=w.bottom - shift)
        out.append(_OcrWord(moved, item.line_key))
    return out


def _split(words: list[_OcrWord]) -> list[_OcrWord]:
    """A form word with its blank read onto it cut in two ("Só:4@`" → "Só:", "4@`")."""
    return [_OcrWord(piece, item.line_key) for item in words
            for piece in handwriting.split_glued(item.word)]


def mark_handwriting(words: list[_OcrWord], ink: handwriting.Ink) -> list[_OcrWord]:
    """The words, those judged handwritten (``handwriting.judge``, per tesseract line)
    with ``hand=True``; a form word with its blank read onto it is cut in two first."""
    words = _split(words)
    hand = handwriting.judge(list(_by_line(words).values()), ink)
    if not hand:
        return words
    return [_OcrWord(dataclasses.replace(item.word, hand=True), item.line_key)
            if id(item.word) in hand and not _PRINTED_SYMBOL.search(item.word.text) else item
            for item in words]


# a word holding the printed ký hiệu ("01/CĐ-UBND" read as one word) is print: a number
# written by hand fills the blank before the "/", it is not set in the symbol's type
_PRINTED_SYMBOL = re.compile(r"[/⁄∕][^\W\d_]{1,8}-[^\W\d_]")


def _skew(words: list[_OcrWord]) -> float:
    slopes = []
    for line in _by_line(words).values():
        xs = [(w.x0 + w.x1) / 2 for w in line]
        ys = [(w.top + w.bottom) / 2 for w in line]
        if len(line) < 4 or max(xs) - min(xs) < SKEW_MIN_SPAN:
            continue
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        spread = sum((x - mx) ** 2 for x in xs)
        slopes.append(sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / spread)
    return statistics.median_high(slopes) if slopes else 0.0


def _outside(boxes, words: list[_OcrWord]) -> list[_OcrWord]:
    """The words of the tesseract lines that do not lie mostly inside one of ``boxes``."""
    if not boxes:
        return words
    dropped = {key for key, line in _by_line(words).items() if _mostly_inside(line, boxes)}
    return [item for item in words if item.line_key not in dropped]


def _mostly_inside(line: list[Word], boxes) -> bool:
    """True when more than half of the line's ink width lies inside one of ``boxes``."""
    total = sum(w.x1 - w.x0 for w in line) or 1.0
    inside = sum(w.x1 - w.x0 for w in line for b in boxes if _centre_in(w, b))
    return inside / total > 0.5


def _centre_in(word: Word, box) -> bool:
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _tesseract_lines(words: list[_OcrWord]) -> list[list[Word]]:
    """Tesseract's lines, each split again where it took two printed lines for one.

    Small, tightly set lines (a Nơi nhận list beside a signature) sometimes come back as
    one line with the words of both; grouping its words by vertical overlap parts them.
    """
    return [row for line in _by_line(words).values() for row in group_rows(line)]
