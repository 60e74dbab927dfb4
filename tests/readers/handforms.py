"""Test data for the handwritten-digit reader: forms this project renders from its own
templates, with the number and the day (sometimes the month) written by hand in their
blanks, then scanned the way the poor-scan round trip scans pages.

A form is rendered with wide placeholder digits ("Số: 888888/…", "ngày 28 tháng 8"),
whose printed glyphs are painted out in the page image; digits are then drawn in their
place in one of two ways:
- ``strokes``: each digit a few pen strokes through jittered control points (open or
  closed 4, crossed or plain 7, flagged 1), in a random slant, size and spacing;
- a handwriting font that Debian ships (``FONTS``; those not installed are skipped);
in blue or black ink, with a felt tip or a ballpoint width. The page is then turned,
blurred, speckled and saved as a coarse JPEG (colour, or grey as a black-and-white
scanner gives) inside an image-only PDF.

Everything is drawn from a seeded generator: the same seed gives the same files.
"""
from __future__ import annotations

import calendar
import io
import random
import re
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter, ImageFont

DPI = 300
SCAN_DPI = 200
FONTS = {
    "kristi": "/usr/share/fonts/truetype/kristi/Kristi.ttf",
    "dkg": "/usr/share/fonts/truetype/fifthhorseman/dkg.ttf",
    "humor": "/usr/share/fonts/truetype/humor-sans/Humor-Sans.ttf",
    "breip": "/usr/share/fonts/truetype/breip/Breip.ttf",
    "rufscript": "/usr/share/fonts/truetype/rufscript/Rufscript010.ttf",
    "bwht-learn": "/usr/share/fonts/opentype/bwht/BecauseWeLearn-Regular.otf",
    "bwht-build": "/usr/share/fonts/opentype/bwht/BecauseWeBuild-Regular.otf",
    "dancing": "/usr/share/fonts/opentype/dancingscript/DancingScript-Regular.otf",
}
INKS = {"blue": (35, 60, 175), "black": (25, 25, 35)}
PENS = {"felt": (2.0, 2.8), "ballpoint": (0.9, 1.3)}  # stroke width range, points
PLACEHOLDER_NUMBER = 888888
ROOM = 1.25  # the writing may run this much wider than the printed placeholder


@dataclass(frozen=True)
class HandSample:
    """One generated scan and what was written on it."""

    path: Path
    number: str  # digits as written ("07", "4214")
    year: int
    month: int
    day: int
    month_by_hand: bool
    style: str  # "strokes" or a font name
    ink: str
    pen: str
    grey: bool  # scanned in grey (ink colour lost)


def placeholder_data(data: dict) -> dict:
    """``data`` with wide number and day placeholders to paint out: "888888", day 28."""
    out = dict(data)
    out["so"] = PLACEHOLDER_NUMBER
    day = out["ngay"]
    out["ngay"] = f"{str(day)[:4]}-08-28"
    return out


# ---- where the printed digits are ---------------------------------------------------------
def printed_digits(pdf_path: Path) -> dict[str, tuple[float, float, float, float]]:
    """Boxes (points, top-left origin) of the printed number, day and month of page 1."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        page = pdf[0]
        height = page.get_height()
        text = page.get_textpage()
        content = text.get_text_range(0, text.count_chars())
        found = {}
        number = re.search(r"Số:\s*(\d+)", content)
        date = re.search(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", content)
        spans = {"number": number.span(1), "day": date.span(1), "month": date.span(2)}
        for key, (start, end) in spans.items():
            boxes = [text.get_charbox(i) for i in range(start, end)]
            found[key] = (min(b[0] for b in boxes), height - max(b[3] for b in boxes),
                          max(b[2] for b in boxes), height - min(b[1] for b in boxes))
        found["year"] = int(date.group(3))
        text.close()
        page.close()
        return found
    finally:
        pdf.close()


# ---- drawing digits by hand ---------------------------------------------------------------
# control points of each digit's strokes in a box 0..1 wide (x) and 0..1 high (y, down);
# several shapes per digit, as people write them
SHAPES: dict[str, list[list[list[tuple[float, float]]]]] = {
    "0": [[[(0.5, 0.0), (0.1, 0.25), (0.05, 0.7), (0.45, 1.0), (0.9, 0.7), (0.85, 0.2), (0.5, 0.0)]]],
    "1": [[[(0.55, 0.0), (0.5, 1.0)]], [[(0.2, 0.25), (0.6, 0.0), (0.55, 1.0)]]],
    "2": [[[(0.1, 0.25), (0.45, 0.0), (0.85, 0.2), (0.7, 0.5), (0.05, 1.0), (0.95, 0.95)]],
          [[(0.15, 0.2), (0.5, 0.0), (0.8, 0.25), (0.1, 0.95), (0.3, 0.85), (0.95, 1.0)]]],
    "3": [[[(0.1, 0.1), (0.6, 0.0), (0.8, 0.25), (0.4, 0.45), (0.85, 0.7), (0.55, 1.0), (0.05, 0.9)]]],
    "4": [[[(0.6, 0.0), (0.05, 0.65), (0.95, 0.65)], [(0.65, 0.25), (0.65, 1.0)]],
          [[(0.2, 0.0), (0.1, 0.6), (0.9, 0.6)], [(0.7, 0.1), (0.7, 1.0)]]],
    "5": [[[(0.85, 0.0), (0.25, 0.0), (0.15, 0.45), (0.7, 0.4), (0.85, 0.75), (0.45, 1.0), (0.05, 0.85)]]],
    "6": [[[(0.8, 0.05), (0.35, 0.2), (0.1, 0.7), (0.45, 1.0), (0.85, 0.75), (0.5, 0.5), (0.15, 0.7)]]],
    "7": [[[(0.05, 0.05), (0.95, 0.0), (0.4, 1.0)]],
          [[(0.05, 0.05), (0.95, 0.0), (0.4, 1.0)], [(0.25, 0.5), (0.85, 0.5)]]],
    "8": [[[(0.5, 0.45), (0.15, 0.2), (0.5, 0.0), (0.85, 0.2), (0.5, 0.45), (0.1, 0.75),
            (0.5, 1.0), (0.9, 0.75), (0.5, 0.45)]]],
    "9": [[[(0.85, 0.3), (0.5, 0.5), (0.15, 0.3), (0.5, 0.0), (0.85, 0.3), (0.75, 1.0)]],
          [[(0.85, 0.3), (0.5, 0.5), (0.15, 0.3), (0.5, 0.0), (0.85, 0.3), (0.8, 0.6), (0.4, 1.0)]]],
}


def _spline(points: list[tuple[float, float]], steps: int = 12) -> list[tuple[float, float]]:
    """A Catmull-Rom curve through ``points``."""
    if len(points) < 3:
        return points
    padded = [points[0], *points, points[-1]]
    out = []
    for i in range(1, len(padded) - 2):
        p0, p1, p2, p3 = padded[i - 1: i + 3]
        for s in range(steps):
            t = s / steps
            out.append(tuple(0.5 * (2 * p1[k] + (-p0[k] + p2[k]) * t
                                    + (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) * t * t
                                    + (-p0[k] + 3 * p1[k] - 3 * p2[k] + p3[k]) * t ** 3)
                             for k in range(2)))
    out.append(points[-1])
    return out


def draw_strokes(draw: ImageDraw.ImageDraw, text: str, x: float, baseline: float, size: float,
                 width: float, colour, rng: random.Random) -> float:
    """Digits of ``text`` as pen strokes from ``x`` (pixels); returns the x after them."""
    slant = rng.uniform(-0.1, 0.3)
    for char in text:
        shape = rng.choice(SHAPES[char])
        w, h = size * rng.uniform(0.45, 0.62), size * rng.uniform(0.9, 1.1)
        top = baseline - h + rng.uniform(-0.08, 0.08) * size
        for stroke in shape:
            pts = [(px + rng.gauss(0, 0.04), py + rng.gauss(0, 0.04)) for px, py in stroke]
            curve = _spline(pts)
            xy = [(x + px * w + slant * (1 - py) * h, top + py * h) for px, py in curve]
            draw.line(xy, fill=colour, width=max(1, round(width)), joint="curve")
        x += w + size * rng.uniform(0.08, 0.25)
    return x


def draw_font(image: Image.Image, text: str, x: float, baseline: float, size: float,
              font_path: str, colour, rng: random.Random) -> float:
    """Digits of ``text`` in a handwriting font, each turned a little; returns the x after."""
    probe = ImageFont.truetype(font_path, 100)
    left, top, right, bottom = probe.getbbox("0123456789")
    font = ImageFont.truetype(font_path, max(8, round(100 * size / max(bottom - top, 1))))
    for char in text:
        left, top, right, bottom = font.getbbox(char)
        tile = Image.new("L", (right + 8, bottom + 8), 0)
        ImageDraw.Draw(tile).text((4, 4), char, font=font, fill=255)
        tile = tile.rotate(rng.uniform(-10, 10), resample=Image.BICUBIC, expand=True)
        y = baseline - tile.height + rng.uniform(-0.1, 0.1) * size + 0.15 * size
        image.paste(Image.new("RGB", tile.size, colour), (round(x), round(y)), tile)
        x += (right - left) + size * rng.uniform(0.02, 0.15)
    return x


def write(image: Image.Image, box, text: str, style: str, ink: str, pen: str,
          rng: random.Random, size_pt: float, room: float) -> None:
    """``text`` written by hand over ``box`` (pixels): the printed digits painted out
    first, the writing no wider than ``room`` pixels (as a clerk fits it in the blank)."""
    ImageDraw.Draw(image).rectangle([box[0] - 1, box[1] - 1, box[2] + 1, box[3] + 1], fill="white")
    scale = DPI / 72
    size = size_pt * scale * rng.uniform(1.1, 1.45)
    colour = tuple(max(0, min(255, c + rng.randint(-20, 20))) for c in INKS[ink])
    tile = Image.new("RGB", (round(size * (len(text) + 2)), round(size * 3)), "white")
    baseline = 2 * size
    if style == "strokes":
        width = rng.uniform(*PENS[pen]) * scale
        draw_strokes(ImageDraw.Draw(tile), text, size / 2, baseline, size, width, colour, rng)
    else:
        draw_font(tile, text, size / 2, baseline, size, FONTS[style], colour, rng)
    ink_box = Image.eval(tile.convert("L"), lambda v: 255 - v).getbbox()
    if ink_box is None:
        return
    tile = tile.crop(ink_box)
    if tile.width > room:
        tile = tile.resize((round(room), max(1, round(tile.height * room / tile.width))), Image.LANCZOS)
    bottom = box[3] + rng.uniform(-0.05, 0.3) * size
    left = box[0] + rng.uniform(0.0, 0.1) * size
    mask = Image.eval(tile.convert("L"), lambda v: 255 - v)
    image.paste(tile, (round(left), round(bottom - tile.height)), mask)


# ---- one sample ---------------------------------------------------------------------------
def styles() -> list[str]:
    """"strokes" and the handwriting fonts installed here."""
    return ["strokes", *[name for name, path in FONTS.items() if Path(path).is_file()]]


def hand_form(pdf_path: Path, out: Path, rng: random.Random, style: str | None = None) -> HandSample:
    """Page 1 of ``pdf_path`` (rendered with ``placeholder_data``) with a number and a day
    (and, one time in four, the month) written by hand, as a poor scan in ``out``."""
    boxes = printed_digits(pdf_path)
    style = style or rng.choice(styles())
    ink, pen = rng.choice(sorted(INKS)), rng.choice(sorted(PENS))
    number = _random_number(rng)
    month_by_hand = rng.random() < 0.25
    month = rng.randint(1, 12) if month_by_hand else 8
    day = rng.randint(1, calendar.monthrange(boxes["year"], month)[1])
    day_text = f"{day:02d}" if day < 10 and rng.random() < 0.6 else str(day)
    image = _render(pdf_path)
    scale = DPI / 72
    size_pt = boxes["day"][3] - boxes["day"][1]
    for key, text in (("number", number), ("day", day_text)) + ((("month", str(month)),) if month_by_hand else ()):
        box = tuple(v * scale for v in boxes[key])
        room = max(box[2] - box[0], 0.5 * size_pt * scale * len(text)) * ROOM
        write(image, box, text, style, ink, pen, rng, size_pt, room)
    grey = rng.random() < 0.4
    target = out / f"{pdf_path.stem}-{number}-{day}-{month}-{style}-{ink}-{pen}.pdf"
    _scan(image, target, rng, grey)
    return HandSample(target, number, boxes["year"], month, day, month_by_hand, style, ink, pen, grey)


def _random_number(rng: random.Random) -> str:
    digits = rng.choice([1, 2, 2, 3, 3, 3, 4, 4])
    value = rng.randint(1 if digits == 1 else 10 ** (digits - 1), 10 ** digits - 1)
    return f"0{value}" if digits == 1 and rng.random() < 0.5 else str(value)


def _render(pdf_path: Path) -> Image.Image:
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        page = pdf[0]
        image = page.render(scale=DPI / 72).to_pil().convert("RGB")
        page.close()
        return image
    finally:
        pdf.close()


def _scan(image: Image.Image, target: Path, rng: random.Random, grey: bool) -> None:
    """Turned up to 1°, blurred, speckled, JPEG at quality 45 and 200 DPI, image-only PDF."""
    small = image.resize((round(image.width * SCAN_DPI / DPI), round(image.height * SCAN_DPI / DPI)),
                         Image.LANCZOS)
    if grey:
        small = small.convert("L")
    small = small.rotate(rng.uniform(-1.0, 1.0), resample=Image.BICUBIC,
                         fillcolor=255 if grey else (255, 255, 255))
    small = small.filter(ImageFilter.GaussianBlur(0.6))
    draw = ImageDraw.Draw(small)
    for _ in range(1500):
        shade = rng.randrange(0, 120)
        draw.point((rng.randrange(small.width), rng.randrange(small.height)),
                   fill=shade if grey else (shade, shade, shade))
    buffer = io.BytesIO()
    small.save(buffer, "JPEG", quality=45)
    Image.open(io.BytesIO(buffer.getvalue())).convert("RGB").save(target, resolution=SCAN_DPI)
