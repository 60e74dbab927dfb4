"""Time expressions of Vietnamese documents, found by pattern and given their calendar value.

``scan_times(text)`` returns every non-overlapping ``TimeMention`` ("ngày 03 tháng 6 năm 2020",
"31/12/2024", "00h ngày 09/9/2024", "tháng 10/2024", "quý 1-2022", "cuối năm 2022" …) with its
offsets, plus a warning for each date that does not exist ("ngày 31 tháng 02 năm 2022").
``TimeMention.last_day()`` is the end of the named period (RECORD.md: "quý 1-2022" →
2022-03-31, "cuối năm 2022" → 2022-12-31, "tháng 10/2024" → 2024-10-31) and
``TimeMention.label()`` its ISO form at its own precision ("2021", "2024-10", "2024-09-09T00:00").
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

from extractors.fields import patterns as P

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    kind: str                 # date | month | quarter | half | year (| invalid, dropped)
    year: int | None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    edge: str | None = None   # cuối | hết | đầu | giữa (of a year)

    def last_day(self) -> str | None:
        """ISO date of the end of the period named: "quý 1-2022" → "2022-03-31"."""
        if self.year is None or self.edge in ("đầu", "giữa"):
            return None
        if self.kind == "date":
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        month = {"month": self.month, "quarter": self.month, "half": self.month}.get(self.kind, 12)
        last = calendar.monthrange(self.year, month)[1]
        return f"{self.year:04d}-{month:02d}-{last:02d}"

    def start_label(self) -> str | None:
        """As ``label``, but a quarter or half year opening a span gives its first day:
        "từ quý III/2023" → "2023-07-01"."""
        if self.kind in ("quarter", "half") and self.year is not None and self.month:
            length = 3 if self.kind == "quarter" else 6
            return f"{self.year:04d}-{self.month - length + 1:02d}-01"
        return self.label()

    def label(self) -> str | None:
        """ISO form at the mention's precision: "2021", "2024-10", "2024-09-09T00:00"."""
        if self.year is None:
            return None
        if self.kind == "date":
            out = f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
            if self.hour is not None:
                out += f"T{self.hour:02d}:{self.minute or 0:02d}"
            return out
        if self.kind == "month":
            return f"{self.year:04d}-{self.month:02d}"
        if self.kind in ("quarter", "half"):
            return self.last_day()
        return f"{self.year:04d}"


def valid_date(year: int | None, month: int, day: int) -> bool:
    """Whether the day exists (a missing year is checked against a leap year)."""
    try:
        dt.date(year or 2024, month, day)
    except ValueError:
        return False
    return True


def _date(m: re.Match, warnings: list[str]) -> TimeMention | None:
    year = int(m.group("year")) if "year" in m.re.groupindex and m.group("year") else None
    month, day = int(m.group("month")), int(m.group("day"))
    if not valid_date(year, month, day):
        warnings.append(f"no such date: “{' '.join(m.group(0).split())}”")
        return TimeMention(m.start(), m.end(), "invalid", None)  # holds its place, then dropped
    return TimeMention(m.start(), m.end(), "date", year, month, day)


def _month(m: re.Match, _w: list[str]) -> TimeMention | None:
    month = int(m.group("month"))
    return TimeMention(m.start(), m.end(), "month", int(m.group("year")), month) if 1 <= month <= 12 else None


def _quarter(m: re.Match, _w: list[str]) -> TimeMention:
    q = m.group("quarter").upper()
    quarter = _ROMAN.get(q) or int(q)
    return TimeMention(m.start(), m.end(), "quarter", int(m.group("year")), quarter * 3)


def _half(m: re.Match, _w: list[str]) -> TimeMention:
    month = 6 if m.group("half").casefold() == "đầu" else 12
    return TimeMention(m.start(), m.end(), "half", int(m.group("year")), month)


def _year(m: re.Match, _w: list[str]) -> TimeMention:
    edge = m.group("edge").casefold() if m.group("edge") else None
    return TimeMention(m.start(), m.end(), "year", int(m.group("year")), edge=edge)


_DATE_DAY_MONTH = re.compile(
    rf"ngày{P.WS}(?P<day>{P.DAY}){P.WS}tháng{P.WS}(?P<month>{P.MONTH})\b(?!{P.OWS},?{P.WS}năm{P.WS}\d)",
    re.I)

# (pattern, builder); a longer match starting at the same place wins. The first group ends with
# a year and is searched only around the years of the text (fast on long texts).
_WITH_YEAR = (
    (P.DATE_LONG, _date), (P.DATE_SHORT, _date), (P.MONTH_YEAR, _month), (P.QUARTER, _quarter),
    (P.HALF_YEAR, _half), (P.YEAR_WORD, _year),
)
_WITHOUT_YEAR = ((P.DATE_NO_YEAR, _date), (_DATE_DAY_MONTH, _date))
_YEAR = re.compile(rf"(?<!\d){P.YEAR}(?!\d)")
_TIME_BEFORE = re.compile(rf"{P.TIME_OF_DAY.pattern}[ ,]*(?:ngày[ ]*)?$", re.I)
_TIME_AFTER = re.compile(rf"^[ ,]*(?:lúc|vào lúc)?[ ]*{P.TIME_OF_DAY.pattern}", re.I)


def scan_times(text: str) -> tuple[list[TimeMention], list[str]]:
    """Every time expression in ``text``, in order, without overlaps; and warnings."""
    warnings: list[str] = []
    found: list[TimeMention] = []
    for year in _YEAR.finditer(text):
        window = (max(0, year.start() - 60), min(len(text), year.end() + 3))
        for pattern, build in _WITH_YEAR:
            for m in pattern.finditer(text, *window):
                if m.end() == year.end():
                    found.append(build(m, warnings))
    for pattern, build in _WITHOUT_YEAR:
        found += [build(m, warnings) for m in pattern.finditer(text)]
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    kept: list[TimeMention] = []
    for mention in found:
        if mention is None or (kept and mention.start < kept[-1].end):
            continue
        kept.append(_with_time_of_day(text, mention) if mention.kind == "date" else mention)
    return [t for t in kept if t.kind != "invalid"], warnings


def _with_time_of_day(text: str, mention: TimeMention) -> TimeMention:
    """Attach "00h" of "00h ngày 09/9/2024" (or "lúc 8h" after the date) to a date."""
    before = _TIME_BEFORE.search(text, max(0, mention.start - 24), mention.start)
    if before and before.end() == mention.start:
        return replace(mention, start=before.start(), hour=int(before.group("hour")),
                       minute=int(before.group("minute") or 0))
    after = _TIME_AFTER.match(text[mention.end:mention.end + 24])
    if after:
        return replace(mention, end=mention.end + after.end(), hour=int(after.group("hour")),
                       minute=int(after.group("minute") or 0))
    return mention


def year_windows(text: str, before: int, after: int) -> list[tuple[int, int]]:
    """Merged windows around every year of ``text``: where anything dated can be."""
    out: list[list[int]] = []
    for m in _YEAR.finditer(text):
        start, end = max(0, m.start() - before), min(len(text), m.end() + after)
        if out and start <= out[-1][1]:
            out[-1][1] = end
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]
