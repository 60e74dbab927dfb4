"""Which OCR words were written by hand: their ink, set against the print of their line.

The number and day of a scanned document are usually filled in by hand after printing,
and OCR reads them badly ("23" as "22", "15" as "$⁄4"). Two kinds of evidence, both
taken from the page image OCR already rendered:

1. colour: most of the word's ink is blue or violet (B well above R: the pen inks of
   Vietnamese offices) while the rest of its line is black print;
2. stroke width: a word in a blank of the header form ("Số: __ /BC-UBND", "ngày __
   tháng") that reads as digits or signs, or was read unsurely, whose strokes are much
   thicker than the print around it (a felt tip against thin Times Roman): the share of
   its ink surviving an erosion of about 1.2 pt is at least ``THICK_SHARE`` and
   ``THICK_RATIO`` times the line's median, and no printed word shares its run of thick
   words (bold print). A word read with low confidence needs less of that evidence;
   confidence alone is never enough (old typewritten numbers are read unsurely too).
   Most scans of the dev corpus are filled in with black ink, so this is the main test.

Example: on a scan whose line reads "Số: 22 /BC-UBND", where "23" was written with a felt
tip, ``judge`` marks the word "22" and nothing else.
"""
from __future__ import annotations

import dataclasses
import statistics
from dataclasses import dataclass

from PIL import Image, ImageChops

from extractors.readers.layout import Word, blank_lead, is_blank_position

DARK = 140  # grey level (through the red filter) below which a pixel is ink
COLOUR_GAP = 40  # B − R above this: blue or violet ink
COLOURED_SHARE = 0.5  # a word whose ink is mostly coloured …
PRINT_COLOURED_SHARE = 0.25  # … on a line whose other words mostly are not
ERODE_PT = 1.2  # erosion width in points (5 pixels at 300 DPI)
THICK_SHARE = 0.15  # share of ink surviving the erosion: thin print ≈ 0–0.09, pen ≈ 0.2–0.3
THICK_RATIO = 2.0  # … and this many times the median of the other words on the line
LOW_CONFIDENCE = 50.0  # a word read less surely than this needs weaker stroke evidence:
LOW_CONF_THICK_SHARE = 0.06
LOW_CONF_RATIO = 1.5
MIN_INK = 40  # pixels: fewer and the word is a speck, not judged

_DARK_LUT = [255 if v < DARK else 0 for v in range(256)]
_COLOUR_LUT = [255 if v > COLOUR_GAP else 0 for v in range(256)]


@dataclass
class Ink:
    """The rendered page as OCR saw it (``grey``: red filter, stamps blanked) and where its
    ink is coloured (``coloured``: 255 on blue-ish pixels; None on a grey page)."""

    grey: Image.Image
    coloured: Image.Image | None
    scale: float  # pixels per point


def coloured_ink(rgb: Image.Image) -> Image.Image | None:
    """255 where a pixel of ``rgb`` is much bluer than it is red (blue or violet ink; black
    print and red seals are not), in one matrix conversion; None on a page without any
    (a grey or black-and-white scan). Whether the pixel is also dark is asked per word."""
    if rgb.mode not in ("RGB", "RGBA", "RGBX"):
        return None
    if rgb.mode != "RGB":
        rgb = rgb.convert("RGB")
    mask = rgb.convert("L", matrix=(-1.0, 0.0, 1.0, 0.0)).point(_COLOUR_LUT)
    return mask if mask.getbbox() else None


def judge(lines: list[list[Word]], ink: Ink) -> set[int]:
    """``id`` of every word of ``lines`` (OCR lines, boxes in points, not yet levelled)
    judged handwritten."""
    found: set[int] = set()
    for line in lines:
        words = sorted(line, key=lambda w: w.x0)
        if ink.coloured is not None and ink.coloured.crop(_line_box(words, ink)).getbbox():
            found.update(_by_colour(words, ink))
        found.update(_by_stroke(words, ink))
    return found


def _box(word: Word, scale: float, size: tuple[int, int], pad: int = 0) -> tuple[int, int, int, int]:
    return (max(int(word.x0 * scale) - pad, 0), max(int(word.top * scale) - pad, 0),
            min(int(word.x1 * scale + 0.999) + pad, size[0]),
            min(int(word.bottom * scale + 0.999) + pad, size[1]))


def _line_box(words: list[Word], ink: Ink, pad: int = 0) -> tuple[int, int, int, int]:
    union = Word("", min(w.x0 for w in words), min(w.top for w in words),
                 max(w.x1 for w in words), max(w.bottom for w in words))
    return _box(union, ink.scale, ink.grey.size, pad)


def _count(mask: Image.Image, box) -> int:
    return mask.crop(box).histogram()[255] if box[0] < box[2] and box[1] < box[3] else 0


def _by_colour(words: list[Word], ink: Ink) -> set[int]:
    shares = _colour_shares(words, ink)
    found = set()
    for i, share in enumerate(shares):
        if share is None or share < COLOURED_SHARE:
            continue
        others = [s for j, s in enumerate(shares) if j != i and s is not None]
        if not others or statistics.median(others) < PRINT_COLOURED_SHARE:
            found.add(id(words[i]))
    return found


def _colour_shares(words: list[Word], ink: Ink) -> list[float | None]:
    """Per word, the share of its ink that is coloured (None for a speck)."""
    shares: list[float | None] = []
    for w in words:
        box = _box(w, ink.scale, ink.grey.size)
        crop = ink.grey.crop(box) if box[0] < box[2] and box[1] < box[3] else None
        if crop is None:
            shares.append(None)
            continue
        dark = crop.point(_DARK_LUT)
        total = dark.histogram()[255]
        coloured = ImageChops.darker(ink.coloured.crop(box), dark).histogram()[255]
        shares.append(coloured / total if total >= MIN_INK else None)
    return shares


def _by_stroke(words: list[Word], ink: Ink) -> set[int]:
    """Words in a blank of the form whose strokes are far thicker than the line's print.

    A word counts when it holds a digit or a sign, or was read unsurely (print read well
    is letters), and the run of thick words it belongs to lies wholly in blanks: a
    deadline set in bold, "trước ngày 20/01/2025", is a run with printed words in it.
    """
    blanks = {i for i in range(len(words))
              if _looks_written(words[i]) and is_blank_position(words, i)}
    if not blanks:
        return set()
    shares = _thick_shares(words, ink)
    thick = [_is_thick(words, shares, i, i in blanks) for i in range(len(words))]
    found: set[int] = set()
    run: list[int] = []
    for i in range(len(words) + 1):
        if i < len(words) and thick[i]:
            run.append(i)
            continue
        if run and all(j in blanks for j in run):
            found.update(id(words[j]) for j in run)
        run = []
    return found


def _looks_written(word: Word) -> bool:
    """Digits or signs ("22", "$⁄4", "|D"), or a word OCR was unsure of."""
    text = word.text.rstrip(".,;:")
    unsure = word.conf is not None and word.conf < LOW_CONFIDENCE
    return unsure or any(not c.isalpha() for c in text)


def _is_thick(words: list[Word], shares: list[float | None], i: int, lenient: bool) -> bool:
    if shares[i] is None:
        return False
    others = [t for j, t in enumerate(shares) if j != i and t is not None]
    reference = statistics.median(others) if others else 0.0
    unsure = lenient and words[i].conf is not None and words[i].conf < LOW_CONFIDENCE
    floor, ratio = (LOW_CONF_THICK_SHARE, LOW_CONF_RATIO) if unsure else (THICK_SHARE, THICK_RATIO)
    return shares[i] >= floor and shares[i] >= ratio * reference


def split_glued(word: Word) -> list[Word]:
    """A form word with its blank's content read onto it, cut in two at the proportional
    place: "Só:4@`" → "Só:", "4@`" (so the written part is judged, and marked, alone)."""
    k = blank_lead(word.text)
    if not k:
        return [word]
    cut = word.x0 + (word.x1 - word.x0) * k / len(word.text)
    return [dataclasses.replace(word, text=word.text[:k], x1=cut),
            dataclasses.replace(word, text=word.text[k:], x0=cut)]


def _thick_shares(words: list[Word], ink: Ink) -> list[float | None]:
    """Per word, the share of its ink left after eroding the line's ink by ``ERODE_PT``."""
    size = max(3, int(ERODE_PT * ink.scale) | 1)
    line_box = _line_box(words, ink, pad=size)
    mask = ink.grey.crop(line_box).point(_DARK_LUT)
    eroded = erode(mask, size)
    shares: list[float | None] = []
    for w in words:
        box = _box(w, ink.scale, ink.grey.size)
        box = (box[0] - line_box[0], box[1] - line_box[1], box[2] - line_box[0],
               box[3] - line_box[1])
        total = _count(mask, box)
        shares.append(_count(eroded, box) / total if total >= MIN_INK else None)
    return shares


def erode(mask: Image.Image, size: int) -> Image.Image:
    """``mask`` eroded by a ``size`` × ``size`` square (outside the image counts as paper):
    the minimum over shifted copies, along x then along y — many times cheaper than a
    rank filter of the same size.

    >>> from PIL import ImageDraw
    >>> square = Image.new("L", (20, 20)); ImageDraw.Draw(square).rectangle([5, 5, 12, 14], 255)
    >>> erode(square, 5).getbbox()
    (7, 7, 11, 13)
    """
    width, height = mask.size
    out = mask
    for d in range(1, size // 2 + 1):
        out = ImageChops.darker(out, mask.crop((d, 0, width + d, height)))
        out = ImageChops.darker(out, mask.crop((-d, 0, width - d, height)))
    rows = out
    for d in range(1, size // 2 + 1):
        out = ImageChops.darker(out, rows.crop((0, d, width, height + d)))
        out = ImageChops.darker(out, rows.crop((0, -d, width, height - d)))
    return out
