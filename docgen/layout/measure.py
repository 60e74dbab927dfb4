"""Text widths in points, from the metrics of Liberation Serif (the metric twin of Times New Roman).

The drawn lines must be as long as (or a share of) the text above them, so the layout engine
measures that text. ``docgen lint`` can use the same functions.

>>> round(text_width_pt("Độc lập - Tự do - Hạnh phúc", 13, bold=True))
159
>>> wrap("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN", 150, 12, bold=True)
['ỦY BAN NHÂN DÂN TỈNH', 'BÌNH THUẬN']
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/liberation"),
)
_STYLE_NAMES = {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic", (True, True): "BoldItalic"}
_UNITS = 1000  # the font is loaded at 1000 px so that width/1000 × size = points


@lru_cache(maxsize=4)
def _font(bold: bool, italic: bool):
    """The Liberation Serif face, or None when the fonts are not installed."""
    try:
        from PIL import ImageFont
    except ImportError:  # pragma: no cover - Pillow comes with pdfplumber
        return None
    name = f"LiberationSerif-{_STYLE_NAMES[bold, italic]}.ttf"
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return ImageFont.truetype(str(folder / name), _UNITS)
    return None


def _estimate(text: str) -> float:
    """Average Times widths in em when no font file is available."""
    return sum(0.25 if c == " " else 0.7 if c.isupper() else 0.48 for c in text)


@lru_cache(maxsize=4096)
def text_width_pt(text: str, size_pt: float, bold: bool = False, italic: bool = False) -> float:
    """Width of one line of ``text`` set at ``size_pt``."""
    font = _font(bold, italic)
    em = font.getlength(text) / _UNITS if font else _estimate(text)
    return em * size_pt


def wrap(text: str, width_pt: float, size_pt: float, bold: bool = False, italic: bool = False) -> list[str]:
    """Greedy word wrap, as a word processor does it; one over-long word stays on its own line."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and text_width_pt(candidate, size_pt, bold, italic) > width_pt:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def longest_line_pt(text: str, width_pt: float, size_pt: float, bold: bool = False, italic: bool = False) -> float:
    """Width of the longest line ``text`` wraps to inside ``width_pt`` (explicit newlines kept)."""
    widths = [
        text_width_pt(line, size_pt, bold, italic)
        for part in text.split("\n")
        for line in wrap(part, width_pt, size_pt, bold, italic)
    ]
    return max(widths, default=0.0)
