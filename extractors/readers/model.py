"""What every reader returns: pages of lines, in reading order.

A reader turns one file into a ``RawDocument``. Within a two-column band (the header
"ỦY BAN NHÂN DÂN … | CỘNG HÒA XÃ HỘI …", or "Nơi nhận | KT. CHỦ TỊCH" at the end) the
whole left column comes first, then the whole right column: columns are never
interleaved. ``Line.column`` says which side a line sat on: 0 left, 1 right, None full width.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CellRef:
    """Where a line sits in a table its reader saw: table number (in the document), row and
    grid column (0-based), and how many grid columns the cell spans."""

    table: int
    row: int
    col: int
    colspan: int = 1


@dataclass(frozen=True)
class Line:
    text: str
    column: int | None = None
    x0: float | None = None  # points from the page's left edge (PDF, OCR)
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    size: float | None = None  # font size in points, where known
    bold: bool | None = None
    # character ranges of ``text`` that OCR judged handwritten (ink other than the print's,
    # or digits read with low confidence): a number or day filled in by hand is read by the
    # digit recogniser (``readings``), never taken from Tesseract's guess
    handwritten: tuple[tuple[int, int], ...] = ()
    # a blank line stood before this one in a plain text: a paragraph starts here
    blank_before: bool = False
    # OCR only: for a word as read, the other spellings the engine weighed with its confidence
    # in each (0–1): (("đôi", (("đổi", 0.72), ("đối", 0.59))), …); the correction stage chooses
    alternatives: tuple[tuple[str, tuple[tuple[str, float], ...]], ...] = ()
    # the table cell the line belongs to, when the reader saw a table (DOCX, PDF, OCR columns)
    cell: CellRef | None = None
    # what the digit recogniser read in the blanks of the header form on this line
    readings: tuple["HandReading", ...] = ()


@dataclass(frozen=True)
class HandReading:
    """What the digit recogniser read in one blank of the header form on a scan.

    ``kind`` is "number", "day" or "month"; ``candidates`` are digit strings with their
    share of the probability, best first ((("23", 0.97), ("28", 0.02), ("", 0.01)): ""
    is an empty blank); ``digitness`` (0–1) is how much the recogniser saw digits at all
    in the blank; ``seen`` is what Tesseract read there ("22", "4@`", ""); ``hand`` says
    whether the ink was judged handwritten (colour or stroke width); ``box`` is the blank
    (points).
    """

    kind: str
    candidates: tuple[tuple[str, float], ...]
    digitness: float
    seen: str
    box: tuple[float, float, float, float]
    hand: bool = False

    @property
    def best(self) -> str:
        return self.candidates[0][0] if self.candidates else ""


@dataclass
class Page:
    number: int  # 1-based
    lines: list[Line] = field(default_factory=list)
    width: float | None = None
    height: float | None = None
    ocr: bool = False  # text came from Tesseract


@dataclass(frozen=True)
class SignatureInfo:
    """A PDF digital signature dictionary, a visible "Ký bởi … Thời gian ký …" stamp, or a
    certified-copy e-stamp ("SAO Y; <office>; <date>; <time>")."""

    signer: str | None = None  # common name
    organisation: str | None = None
    signed_at: str | None = None  # ISO 8601
    source: str = "dictionary"  # dictionary | stamp | copy


@dataclass
class RawDocument:
    path: str
    format: str  # pdf | docx | txt | html
    pages: list[Page] = field(default_factory=list)
    page_count: int = 0
    text_layer: bool = False
    ocr: bool = False
    signatures: list[SignatureInfo] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
