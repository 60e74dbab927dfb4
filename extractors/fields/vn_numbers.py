"""Numbers written the Vietnamese way: "1.000.000", "2,5", "1,5 triệu".

A "." followed by exactly three digits groups thousands, a "," marks decimals ("2,5" = 2.5);
text written the English way ("2.5", "1,000,000") is read too. Scale words (triệu, tỷ …)
come from ``data/units.toml``.
"""
from __future__ import annotations

import re

from extractors.wordlists import load

_GROUPED = re.compile(r"^\d{1,3}(?:([.,])\d{3})+$")


def parse_number(text: str) -> int | float | None:
    """The value of a written number: "1.000.000" → 1000000, "2,5" → 2.5, "85" → 85.

    Returns ``None`` for text that is not a number.
    """
    raw = text.strip().replace(" ", "")
    if not raw or not raw[0].isdigit():
        return None
    grouped = _GROUPED.match(raw)
    if grouped and (grouped.group(1) == "." or raw.count(",") > 1):
        digits = raw.replace(grouped.group(1), "")
        return int(digits)
    if raw.count(".") > 1 and "," in raw:                # 1.000.000,5
        raw = raw.replace(".", "").replace(",", ".")
    elif raw.count(",") > 1 and "." in raw:              # 1,000,000.5
        raw = raw.replace(",", "")
    else:
        raw = raw.replace(",", ".")
    try:
        value = float(raw)
    except ValueError:
        return None
    return as_int_if_whole(value)


def as_int_if_whole(value: float) -> int | float:
    """85.0 → 85; 2.5 stays 2.5."""
    return int(value) if float(value).is_integer() else value


def scale_of(word: str) -> int | None:
    """The multiplier of a scale word: "triệu" → 1 000 000, anything else → None."""
    return load("units")["scale"].get(word.casefold())


def scaled(value: int | float, word: str | None) -> int | float:
    """``value`` times the scale word, if any: (1.5, "triệu") → 1500000."""
    factor = scale_of(word) if word else None
    return as_int_if_whole(value * factor) if factor else value
