"""Dates written the Nghị định 30 way (DT-04): day < 10 and months 1–2 padded, other months not.

>>> nd30_date("2020-03-05")
'ngày 05 tháng 3 năm 2020'
>>> place_date("Hà Nội", "2020-01-05")
'Hà Nội, ngày 05 tháng 01 năm 2020'
"""
from __future__ import annotations

import datetime as dt
import re

from docgen.layout.facts import FACTS

_PADDED_MONTHS = frozenset(FACTS["DT-04"]["padded_months"])

# "2020-03-05", "05/03/2020", "5-3-2020", "05.03.2020"
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
# "ngày 05 tháng 3 năm 2020" (and the same without "ngày")
_WORDS = re.compile(r"(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)


def parse_date(value: str | dt.date) -> dt.date:
    """Read a date from ISO, d/m/yyyy or the written-out form; ValueError when it is none of them.

    >>> parse_date("05/3/2020"), parse_date("ngày 05 tháng 3 năm 2020")
    (datetime.date(2020, 3, 5), datetime.date(2020, 3, 5))
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if text.lower() in {"today", "hôm nay"}:
        return dt.date.today()
    if match := _ISO.fullmatch(text):
        year, month, day = match.groups()
    elif match := _DMY.fullmatch(text) or _WORDS.fullmatch(text):
        day, month, year = match.groups()
    else:
        raise ValueError(f"not a date: {text!r} (expected YYYY-MM-DD or DD/MM/YYYY)")
    return dt.date(int(year), int(month), int(day))


def nd30_date(value: str | dt.date) -> str:
    """'ngày DD tháng M năm YYYY' with the decree's padding rule."""
    date = parse_date(value)
    month = f"{date.month:02d}" if date.month in _PADDED_MONTHS else str(date.month)
    return f"ngày {date.day:02d} tháng {month} năm {date.year}"


def place_date(place: str, value: str | dt.date) -> str:
    """The ô 4 line: place name, a comma, the written-out date."""
    return f"{place.strip()}, {nd30_date(value)}"
