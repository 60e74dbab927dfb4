"""Địa danh và thời gian (DT-01 … DT-05): "Hà Nội, ngày 05 tháng 3 năm 2020", italic, centred.

    >>> nd30_date("5", "03", "2020")
    'ngày 05 tháng 3 năm 2020'
"""
from __future__ import annotations

import re
from typing import Iterator

from docgen.layout.facts import FACTS
from docgen.lint.checks.common import style_findings
from docgen.lint.context import Context
from docgen.lint.finding import Finding
from docgen.lint.textform import is_title, squash

DATE = re.compile(r"ngày\s*(?P<day>[^\s,]*)\s+tháng\s*(?P<month>[^\s,]+)\s+năm\s*(?P<year>\d{4})")
ABBREVIATED_PLACE = re.compile(r"\b(TP|Tp|TX|Tx|Q|H|TT)\.|\bHCM\b")


def nd30_date(day: str, month: str, year: str) -> str:
    """The DT-04 form of a day, month and year given as digits (day may be blank)."""
    padded = FACTS["DT-04"]["padded_months"]
    m = int(month)
    month_text = f"{m:02d}" if m in padded else str(m)
    day_text = f"{int(day):02d}" if day.isdigit() else day
    return f"ngày {day_text} tháng {month_text} năm {year}".replace("ngày  ", "ngày ")


def check(ctx: Context) -> Iterator[Finding]:
    line = ctx.zones.place_date
    if line is None:
        return
    yield from style_findings(ctx, "DT-02", [line], "place and date", skip=("case",))
    yield from style_findings(ctx, "DT-01", [line], "place and date")
    yield from _same_line_as_so(ctx, line)
    yield from _text(ctx, line)


def _same_line_as_so(ctx: Context, line) -> Iterator[Finding]:
    so = ctx.zones.so
    if so is None:
        return
    same = so.para is line.para or (
        so.para.cell and line.para.cell and so.para.cell.table == line.para.cell.table
        and so.para.cell.row == line.para.cell.row)
    if not same:
        yield ctx.finding("DT-01", "place and date on the line of Số, ký hiệu", line, "another line",
                          "the same line as Số, ký hiệu")


def _text(ctx: Context, line) -> Iterator[Finding]:
    text = squash(line.text)
    place, comma, _ = text.partition(",")
    date = DATE.search(text)
    reported = False
    if not comma or (date and date.start() < len(place)):
        place = text[: date.start()].strip() if date else place
        yield ctx.finding("DT-02", "comma after the place name", line, f"“{text}”", f"“{place}, ngày …”")
        reported = True
    if place and not is_title(place):
        yield ctx.finding("DT-02", "place name capitalised", line, f"“{place}”", "every syllable capitalised")
    if ABBREVIATED_PLACE.search(place):
        yield ctx.finding("DT-03", "place name written in full", line, f"“{place}”", "the official name, not abbreviated")
    if date and date["month"].isdigit() and (date["day"].isdigit() or not date["day"]):
        expected = nd30_date(date["day"], date["month"], date["year"])
        if squash(date.group(0)) != expected:
            yield ctx.finding("DT-04", "date form", line, f"“{squash(date.group(0))}”", f"“{expected}”")
            reported = True
        if not date["day"]:
            return  # a blank day is filled in by hand on paper
    if not reported and not FACTS["DT-05"].pattern.fullmatch(text):
        yield ctx.finding("DT-05", "place-date form", line, f"“{text}”", "“<Place>, ngày DD tháng M năm YYYY”")
