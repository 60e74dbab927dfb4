"""Tên loại: from the title line ("KẾ HOẠCH" → Kế hoạch, KH), else from the ký hiệu.

A công văn has no title line: its ký hiệu has no type code ("299/UBND-TTHC") and a "V/v"
line follows the number. The code is the abbreviation of Phụ lục III of Nghị định 30.
"""
from __future__ import annotations

import functools

from extractors.records import DocType, Number
from extractors.textkeys import ascii_key
from extractors.wordlists import load


@functools.cache
def _by_code() -> dict[str, dict]:
    return {t["code"]: t for t in load("doc_types")["type"] if t.get("code")}


def is_type_code(code: str) -> bool:
    """"KH", "QĐ", "TTr": a code of Phụ lục III."""
    return code in _by_code()


@functools.cache
def by_name(name: str) -> dict | None:
    key = ascii_key(name)
    return next((t for t in load("doc_types")["type"] if ascii_key(t["name"]) == key), None)


def type_from_symbol(number: Number | None) -> dict | None:
    """The type a ký hiệu names: "KH-UBND" → Kế hoạch; "2020/NĐ-CP" → Nghị định. The type
    code opens the ký hiệu (Nghị định 30, Phụ lục VI): in a công văn's "MTTQ-BTT" or
    "CAT-PC06" the parts name the agency and its unit, never a type."""
    if number is None or not number.symbol:
        return None
    parts = number.symbol.split("/")[-1].split("-")
    return _by_code().get(parts[0])


def decide_type(title_entry: dict | None, number: Number | None, has_vv: bool) -> DocType:
    """Title line first; then the type code of the ký hiệu; a công văn — which has no title
    line (Nghị định 30, Điều 8) — when there is a V/v line, or a number of an agency and its
    unit with no type code and no year ("5240/BCA-V01"; a law's "45/2019/QH14" has one)."""
    if title_entry is not None:
        return DocType(title_entry["name"], title_entry.get("code"))
    from_symbol = type_from_symbol(number)
    if from_symbol is not None:
        return DocType(from_symbol["name"], from_symbol.get("code"))
    if has_vv or _agency_number(number):
        return DocType("Công văn", None)
    return DocType(None, None)


def _agency_number(number: Number | None) -> bool:
    """"BCA-V01", "UBND-NC": an agency's code and its unit's, no year, no type code."""
    if number is None or not number.symbol or "/" in number.symbol:
        return False
    parts = number.symbol.split("-")
    return len(parts) >= 2 and all(p[:1].isupper() for p in parts)
