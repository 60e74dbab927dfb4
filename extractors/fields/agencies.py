"""Agency names from ``data/agencies.toml``: ministries, central bodies, Sở, provinces, heads.

``agency_at(text, pos)`` is the end of the agency name that starts at ``pos`` (or ``None``):
"Ủy ban nhân dân Thành phố phê duyệt …" → the end of "Ủy ban nhân dân Thành phố";
"Bộ Thông tin và Truyền thông về …" → the end of the ministry's name. ``find_agencies`` lists
every name in a text. The table also serves the issuer and recipients fields.
"""
from __future__ import annotations

import functools
import re
from typing import Any

from extractors.fields.patterns import CAP_WORD, WS, words_alternation
from extractors.wordlists import load


@functools.cache
def table() -> dict[str, Any]:
    """The parsed agencies table."""
    return load("agencies")


def province_names(after_2025: bool | None = None) -> list[str]:
    """Province-level names (with aliases); ``after_2025`` True/False picks one side of the merger."""
    out = []
    for p in table()["province"]:
        if after_2025 is None or bool(p.get("after_2025")) == after_2025:
            out += [p["name"], *p.get("aliases", [])]
    return out


def merged_into(name: str) -> str | None:
    """The unit a pre-2025 province became part of: "Quảng Nam" → "Đà Nẵng"."""
    for p in table()["province"]:
        if name in (p["name"], *p.get("aliases", [])):
            return p.get("merged_into")
    return None


def expand_abbreviation(abbr: str) -> str | None:
    """"UBND" → "Ủy ban nhân dân"; ministry and Sở codes too ("BTTTT" → "Bộ Thông tin và Truyền thông")."""
    data = table()
    if abbr in data["abbreviations"]:
        return data["abbreviations"][abbr]
    for entry in data["ministry"] + data["department"]:
        if abbr in entry.get("abbr", []):
            return entry["name"]
    return None


@functools.cache
def _regex() -> re.Pattern[str]:
    data = table()
    fixed = data["central"] + [e["name"] for e in data["ministry"] + data["department"]]
    heads = words_alternation(data["heads"])
    units = words_alternation(data["local_units"])
    places = words_alternation(province_names())
    bodies = words_alternation(data["bodies"])
    name = rf"(?:{bodies}|{places}|{CAP_WORD}(?:{WS}{CAP_WORD}){{0,3}})"
    local = rf"(?:{heads})(?:{WS}(?:{units}))?(?:{WS}{name})?"
    return re.compile(rf"(?:{words_alternation(fixed)})(?![\w])|{local}(?![\w])")


def agency_at(text: str, pos: int) -> int | None:
    """End offset of the agency name starting exactly at ``pos``, if one does."""
    m = _regex().match(text, pos)
    return m.end() if m else None


def find_agencies(text: str) -> list[tuple[int, int]]:
    """(start, end) of every agency name in ``text``."""
    return [(m.start(), m.end()) for m in _regex().finditer(text)]
