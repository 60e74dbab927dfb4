"""Địa danh and ngày ban hành: "Quảng Ngãi, ngày 08 tháng 01 năm 2025" → place, 2025-01-08.

A day left blank ("ngày   tháng 12 năm 2021") gives "2021-12" and a warning, as the record
format asks; a month that cannot be read gives no date. A day or month written by hand on
a scan is taken from the digit recogniser's reading of its blank when that is sure enough,
checked against the printed month and year and the latest date the file allows
(``fields.handwritten``, ``fields.bounds``); otherwise it is left out with a warning. Dates
that do not exist ("ngày 31 tháng 02") are refused with a warning.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from extractors.fields.bounds import Clues
from extractors.fields.handwritten import Written, day_check, disagrees, month_check, reading_of, weigh
from extractors.records import Handwriting, Span
from extractors.segment import TextLine
from extractors.textkeys import ocr_digits

_PIECE = r"[^\s]{0,4}?"
_A = "[aàáảãạăằắẳẵặâầấẩẫậ]"  # any a: OCR slips on the marks of "ngày", "tháng", "năm"
# "ngày 05 tháng 7 năm 2022"; OCR: "ngày⁄{5 tháng 01", "thángØ? năm", "năm I999", "thảng"
DATE_LONG = re.compile(
    rf"ng{_A}y\s*(?P<d>{_PIECE})\s*th{_A}ng\s*(?P<m>{_PIECE})\s*n{_A}m\s*(?P<y>[0-9IOl]{{4}})",
    re.IGNORECASE,
)
# "Hà Nội, ngày 20/01/2025": the short form, taken only after a place and a comma
DATE_SHORT = re.compile(rf"ng{_A}y\s*(?P<d>\d{{1,2}})\s*[/.-]\s*(?P<m>\d{{1,2}})\s*[/.-]\s*(?P<y>\d{{4}})\b",
                        re.IGNORECASE)


@dataclass(frozen=True)
class DateFound:
    date: str | None
    span: Span
    place: str | None
    place_span: Span | None
    warning: str | None = None
    hand: Handwriting = field(default_factory=Handwriting)


def _number(piece: str) -> int | None:
    digits = ocr_digits(piece) if piece not in ("I", "l") else "1"
    return int(digits) if digits else None


def iso_date(day: int | None, month: int | None, year: int) -> tuple[str | None, str | None]:
    """(ISO date or "YYYY-MM", warning)."""
    if month is None or not 1 <= month <= 12:
        return None, "the month of the date is unreadable"
    if day is None:
        return f"{year:04d}-{month:02d}", "the day of the date is blank or handwritten"
    try:
        return dt.date(year, month, day).isoformat(), None
    except ValueError:
        return None, f"the date ngày {day} tháng {month} năm {year} does not exist"


def find_issued(lines: list[TextLine], clues: Clues = Clues()) -> DateFound | None:
    """The first "…, ngày … tháng … năm …" among the header lines."""
    for pos, ln in enumerate(lines):
        match = DATE_LONG.search(ln.text)
        placed = None
        if not match:
            match = DATE_SHORT.search(ln.text)
            placed = _place_before(lines, pos, match.start()) if match else (None, None)
            if placed[0] is None or placed[0].isupper():  # "CV ĐẾN, Ngày 21/3/2018" is a stamp's
                continue
        year = _number(match.group("y"))
        if year is None or not 1945 <= year <= 2100:
            continue
        month, by_month = _settle(ln, match, "m", "month", month_check(year, clues.latest), clues)
        day, by_day = None, None
        if month is not None and 1 <= month <= 12:
            day, by_day = _settle(ln, match, "d", "day", day_check(year, month, clues.latest), clues)
        else:
            day = _number(match.group("d"))
        date, warning = iso_date(day, month, year)
        written = [w for w in (by_day, by_month) if w is not None]
        warning = "; ".join(w.warning for w in written if w.warning) or warning
        place, place_span = placed or _place_before(lines, pos, match.start())
        return DateFound(date, ln.span(match.start(), match.end()), place, place_span, warning,
                         _handwriting(written))
    return None


def _settle(ln: TextLine, match: re.Match, group: str, what: str, possible,
            clues: Clues) -> tuple[int | None, Written | None]:
    """The day or month of ``match``: as printed, or as the recogniser read it where it was
    written by hand (the ink says so, or the recogniser reads other digits than Tesseract)."""
    printed = _number(match.group(group))
    hand = ln.handwritten(match.start(group), match.end(group))
    reading = reading_of(ln.line.readings, what)
    if reading is None:
        return (None if hand else printed), None
    if printed is None and reading.best == "":
        return None, None  # left blank
    if not (hand or reading.hand or disagrees(reading, printed)):
        return printed, None
    written = weigh(reading, possible, clues.threshold, what)
    if written.digits is None:
        return None, written
    return int(written.digits), written


def _handwriting(written: list[Written]) -> Handwriting:
    if not written:
        return Handwriting()
    confidences = [w.confidence for w in written if w.confidence is not None]
    return Handwriting(True, min(confidences) if confidences else None)


_PLACE_END = re.compile(r"[,，]\s*$")


def _place_before(lines: list[TextLine], pos: int, at: int) -> tuple[str | None, Span | None]:
    """The place name before ", ngày": on the same line, or wrapped from the line above."""
    ln = lines[pos]
    head = ln.text[:at]
    if not _PLACE_END.search(head):
        return None, None
    head = _PLACE_END.sub("", head)
    # a merged OCR line "Số: 11/TB-UBND Quảng Ngãi": keep the capitalised words at the end
    words = head.split()
    kept: list[str] = []
    for word in reversed(words):
        if not word[:1].isupper() or "/" in word or word.endswith(":"):
            break
        kept.insert(0, word)
    start_col = len(head) - len(" ".join(kept)) if kept else len(head)
    if len(kept) == len(words) and pos > 0:
        above = lines[pos - 1]
        if _continues_place(above.text) and above.column == ln.column:
            return f"{above.text} {' '.join(kept)}".strip(), Span(above.page, above.start, ln.start + len(head))
    if not kept:
        return None, None
    return " ".join(kept), ln.span(start_col, len(head))


def _continues_place(text: str) -> bool:
    """"Thành phố Hồ Chí" wrapped above "Minh, ngày …": capitalised words, nothing else."""
    words = text.split()
    return 0 < len(words) <= 5 and words[0][:1].isupper() and all(w.isalpha() for w in words) \
        and not text.isupper()
