"""Province names that OCR misspelt, written as the province list has them.

A name whose bare letters are a province's, or close to them after "tỉnh"/"thành phố", is the
province: "tỉnh Lâm Đông" → "tỉnh Lâm Đồng", "TỈNH QUANG NGAI" → "TỈNH QUẢNG NGÃI", "tỉnh Quảng
Nøãi" → "tỉnh Quảng Ngãi", and the unit before it is "tỉnh" ("máy tính tình Lâm Đồng" → "máy
tính tỉnh Lâm Đồng"); so is a name that ends before ", ngày" ("Quang Ngai, ngày …"). Elsewhere
a name is left alone: "Lâm Đông" may be a person.

>>> [restore_places(t) for t in ("Ủy ban MTTQ Việt Nam tỉnh Lâm Đông", "Quang Ngai, ngày 05 tháng 3")]
['Ủy ban MTTQ Việt Nam tỉnh Lâm Đồng', 'Quảng Ngãi, ngày 05 tháng 3']
"""
from __future__ import annotations

import difflib
import functools
import re

from extractors.fields.agencies import province_names
from extractors.textkeys import ascii_key

CLOSE = 0.85  # difflib ratio of bare letters for a misspelt name after a unit word
# "tỉnh", "thành phố", "TP.", and OCR's "TÍNH", "tình" for "tỉnh"
_UNIT = r"(?i:\bt[iỉíìĩị]nh|\bthành phố|\bTP\.)"
# a unit, then one to three words the first of which is capitalised
_AFTER_UNIT = re.compile(rf"({_UNIT} )((?=[^\W\d_a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ])"
                         rf"[^\W\d_]+(?: [^\W\d_]+){{0,2}})")
# the place before the date: "Quang Ngai, ngày …" (OCR may have taken the marks of both)
_BEFORE_DATE = re.compile(r"(?<![^\W\d_])[^\W\d_]+(?: [^\W\d_]+){0,2}(?=, ?ng[aàáảãạ]y\b)")


@functools.cache
def _provinces() -> dict[str, str]:
    names: dict[str, str] = {}
    for name in province_names():  # the official name comes before its aliases
        names.setdefault(ascii_key(name), name)
    return names


def restore_places(text: str) -> str:
    text = _AFTER_UNIT.sub(_unit_and_name, text)
    return _BEFORE_DATE.sub(lambda m: _ending(m.group()), text)


def _unit_and_name(match: re.Match) -> str:
    """The unit before a province is "tỉnh" (OCR's "tình", "TÍNH"), the name as listed."""
    unit, words = match.group(1), match.group(2)
    spelled = _spelled(words, fuzzy=True)
    if spelled != words or _province(" ".join(words.split(" ")[:2]), False):
        if unit.strip().casefold() not in ("thành phố", "tp."):
            unit = ("TỈNH" if unit.strip().isupper() else "Tỉnh" if unit[0].isupper() else "tỉnh") + " "
    return unit + spelled


def _spelled(words: str, fuzzy: bool) -> str:
    """``words`` with the province name they start with spelled right."""
    parts = words.split(" ")
    for n in range(min(3, len(parts)), 0, -1):
        head = " ".join(parts[:n])
        if not head[:1].isupper():
            continue
        name = _province(head, fuzzy and n > 1)
        if name is not None:
            written = name.upper() if head.isupper() and len(head) > 2 else name
            return " ".join([written, *parts[n:]])
    return words


def _ending(words: str) -> str:
    """``words`` with the province name they end with spelled right ("UBND Quang Ngai")."""
    parts = words.split(" ")
    for n in range(min(3, len(parts)), 0, -1):
        tail = " ".join(parts[-n:])
        name = _province(tail, False) if tail[:1].isupper() else None
        if name is not None:
            return " ".join([*parts[:-n], name.upper() if tail.isupper() and len(tail) > 2 else name])
    return words


def _province(head: str, fuzzy: bool) -> str | None:
    key = ascii_key(head)
    if key in _provinces():
        return _provinces()[key]
    if fuzzy:
        close = difflib.get_close_matches(key, list(_provinces()), n=1, cutoff=CLOSE)
        if close and len(close[0].split()) == len(key.split()):
            return _provinces()[close[0]]
    return None
