"""Số, ký hiệu (SK-03 … SK-06): '<number>/<type>-<agency>' or, for a công văn, '<number>/<agency>-<unit>'.

>>> so_ky_hieu(5, "KH", "UBND"), so_ky_hieu(12, None, "UBND", "VX")
('05/KH-UBND', '12/UBND-VX')
"""
from __future__ import annotations

import re

from docgen.layout.facts import FACTS

_SPACES = re.compile(r"\s+")


def _group(text: str) -> str:
    """An abbreviation group without any space; letters other than a type code's are upper case."""
    return _SPACES.sub("", text)


def format_number(number: int | str | None) -> str:
    """The number part: below 10 padded ('05'); None or '' leaves it blank for the văn thư."""
    if number is None or str(number).strip() == "":
        return ""
    value = int(str(number).strip())
    if value < 1:
        raise ValueError(f"a document number starts at 1, not {value}")
    return f"{value:02d}"


def so_ky_hieu(number: int | str | None, type_code: str | None, agency: str, unit: str | None = None) -> str:
    """Build the số ký hiệu; ``type_code`` None or '' means a công văn (then ``unit`` is used).

    The type code keeps its own case (QyĐ, CTr, TTr); agency and unit groups are upper-cased.
    """
    groups = [_group(type_code)] if type_code else []
    groups.append(_group(agency).upper())
    if not type_code and unit:
        groups.append(_group(unit).upper())
    elif type_code and unit:
        groups.append(_group(unit).upper())
    symbol = "-".join(g for g in groups if g)
    result = f"{format_number(number)}/{symbol}"
    if number not in (None, "") and not FACTS["SK-04"].pattern.fullmatch(result):
        raise ValueError(f"not a valid số ký hiệu: {result!r}")
    return result
