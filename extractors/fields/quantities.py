"""Quantities a target can state: percentages ("85%", "2,5 %", "1 - 1,5%/năm"), ranks ("nhóm 5
địa phương đứng đầu"), money ("500 tỷ đồng"), measures ("1.200 km", "3 sao") and counts ("500
doanh nghiệp").

Found by pattern on the raw text (never on tokens: word segmentation splits "85%"). A symbol
written before the number sets the comparator ("≥ 90%" → ">="), and a range gives the lower and
the upper bound ("từ 9,5 – 12%" → 9.5 … 12). Units are kept as written, scale word included
("500 tỷ đồng" → 500, "tỷ đồng"). A number that is a label ("mức độ 3", "giai đoạn 1", "lần thứ
2") is no quantity. Whether a quantity is a target is decided by its sentence (target_cues.py).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from extractors.fields import patterns as P
from extractors.fields.vn_numbers import parse_number
from extractors.wordlists import load

# words right before a number that make it a label, not an amount
_LABEL_WORDS = re.compile(
    r"(?:mức\s+độ|giai\s+đoạn|đợt|lần|thứ|điều|khoản|điểm|mục|số|năm|tháng|ngày|quý|phần|chương|"
    r"kỳ|khóa|cấp|loại|hạng|top|tốp|nhóm|phiên\s+bản|công\s+nghệ|quyết\s+định|nghị\s+định|"
    r"thông\s+tư|mạng|phiên|lớp|tuần|giờ|vùng|khu\s+vực|tiêu\s+chí|chỉ\s+tiêu)\s*$", re.I)

# comparator symbols written before a number: "≥ 90%", "≤2%", ">95%", "=> 80%"
SYMBOLS = {"≥": ">=", "⩾": ">=", "≧": ">=", ">=": ">=", "=>": ">=", "≤": "<=", "⩽": "<=",
           "≦": "<=", "<=": "<=", "=<": "<=", ">": ">", "<": "<"}
_SYMBOL_BEFORE = re.compile(r"(?P<sym>>=|=>|<=|=<|[≥⩾≧≤⩽≦><])[ \t]*$")
# spaces inside one line: the flow has joined wrapped lines, a line break left is a paragraph's end
_SP = r"[ \t]+"
_OSP = r"[ \t]*"
# the lower end of a range before the upper number: "từ 9,5 – ", "1 - ", "8% đến "
_RANGE_DASH = r"[ \t]*(?:[-–—]|đến|tới)[ \t]*"


@dataclass(frozen=True)
class Quantity:
    start: int          # where the quantity's words start ("85%", "5", "500 doanh nghiệp")
    end: int
    value: int | float
    unit: str
    kind: str           # percent | rank | money | measure | count
    comparator: str | None = None   # set by a symbol or the kind itself (a rank is "<=")
    upper: int | float | None = None  # a range: ``value`` is its lower end, ``upper`` its upper


@functools.cache
def _units() -> dict:
    return load("units")


@functools.cache
def _rank_re() -> re.Pattern[str]:
    rank = _units()["rank"]
    before = P.words_alternation(rank["before"])
    after = P.words_alternation(rank["after"])
    return re.compile(rf"(?<![\w])(?:{before}){P.WS}(?P<num>\d{{1,3}})(?=[^\d;.\n]{{0,40}}?(?:{after}))", re.I)


@functools.cache
def _per_re() -> re.Pattern[str]:
    """"/năm", "/người/năm", "/vạn dân" after a unit."""
    pers = P.words_alternation(_units()["measure"]["per"] + _units()["percent"]["per"])
    return re.compile(rf"(?:[ \t]*/[ \t]*(?:{pers})(?![\w]))+", re.I)


@functools.cache
def _amount_re() -> re.Pattern[str]:
    units = _units()
    nouns = P.words_alternation(list(units["money"]) + units["measure"]["units"] + units["count"]["nouns"])
    scale = P.words_alternation(list(units["scale"]))
    return re.compile(
        rf"(?P<num>{P.NUMBER})(?:{_SP}(?P<scale>{scale}))?{_OSP}(?P<unit>{nouns})(?![\w])", re.I)


@functools.cache
def _not_money_re() -> re.Pattern[str]:
    """"đồng chí", "đồng thời": "đồng" that is no money."""
    return re.compile(rf"{P.WS}(?:{P.words_alternation(_units()['money_not']['after'])})(?![\w])", re.I)


@functools.cache
def _unit_kinds() -> dict[str, str]:
    units = _units()
    kinds = {w.casefold(): "count" for w in units["count"]["nouns"]}
    kinds.update({w.casefold(): "measure" for w in units["measure"]["units"]})
    kinds.update({w.casefold(): "money" for w in units["money"]})
    return kinds


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Quantities in ``text[start:end]``, in order, without overlaps (a longer one wins)."""
    end = len(text) if end is None else end
    found = _percents(text, start, end) + _ranks(text, start, end) + _amounts(text, start, end)
    found.sort(key=lambda q: (q.start, -(q.end - q.start)))
    kept: list[Quantity] = []
    for q in found:
        if not kept or q.start >= kept[-1].end:
            kept.append(q)
    return kept


_PERCENT_SIGN = re.compile(r"%|‰|phần\s+trăm|phần\s+nghìn", re.I)
_NUMBER_BEFORE = re.compile(rf"(?<![\w.,/])(?P<num>{P.NUMBER}){_OSP}$")


def _percents(text: str, start: int, end: int) -> list[Quantity]:
    out = []
    for sign in _PERCENT_SIGN.finditer(text, start, end):
        m = _NUMBER_BEFORE.search(text, max(start, sign.start() - 24), sign.start())
        value = parse_number(m.group("num")) if m else None
        if value is None:
            continue
        per = _per_re().match(text, sign.end(), end)
        unit = ("‰" if sign.group(0) == "‰" or "nghìn" in sign.group(0) else "%") + _per_words(per)
        stop = per.end() if per else sign.end()
        out.append(_with_lead(text, start, Quantity(m.start(), stop, value, unit, "percent"), "%"))
    return out


def _with_lead(text: str, floor: int, q: Quantity, unit_word: str) -> Quantity:
    """``q`` with the range or the symbol written before its number."""
    low = _range_low(text, floor, q.start, unit_word)
    if low is not None:
        begin, value = low
        return Quantity(begin, q.end, value, q.unit, q.kind, None, q.value)
    symbol = _SYMBOL_BEFORE.search(text, max(floor, q.start - 4), q.start)
    if symbol:
        return Quantity(symbol.start(), q.end, q.value, q.unit, q.kind, SYMBOLS[symbol.group("sym")])
    return q


@functools.lru_cache(maxsize=64)
def _range_re(unit_word: str) -> re.Pattern[str]:
    unit = rf"(?:[ \t]*{re.escape(unit_word)})?" if unit_word else ""
    return re.compile(rf"(?<![\w.,/\-–])(?P<low>{P.NUMBER}){unit}{_RANGE_DASH}$", re.I)


def _range_low(text: str, floor: int, number_start: int, unit_word: str) -> tuple[int, int | float] | None:
    """(start, value) of a range's lower end just before the upper number: "từ 9,5 – 12%"."""
    m = _range_re(unit_word).search(text, max(floor, number_start - 30), number_start)
    if m is None or _LABEL_WORDS.search(text, max(floor, m.start() - 20), m.start()):
        return None
    low = parse_number(m.group("low"))
    return (m.start(), low) if low is not None else None


def label_before(text: str, floor: int, start: int) -> bool:
    """Whether the number at ``start`` is a label: "mức độ 3", "Điều 5", "lần thứ 2"."""
    return bool(_LABEL_WORDS.search(text, max(floor, start - 20), start))


def _ranks(text: str, start: int, end: int) -> list[Quantity]:
    lowered = text[start:end].casefold()
    if not any(word in lowered for word in _units()["rank"]["after"]):
        return []
    unit = _units()["rank"]["unit"]
    return [Quantity(m.start("num"), m.end("num"), int(m.group("num")), unit, "rank", "<=")
            for m in _rank_re().finditer(text, start, end)]


def _amounts(text: str, start: int, end: int) -> list[Quantity]:
    money = {k.casefold(): v for k, v in _units()["money"].items()}
    out = []
    for m in _amount_re().finditer(text, start, end):
        if P.glued_before(text, m.start()) or text[m.start() - 1:m.start()] == ",":
            continue
        if _LABEL_WORDS.search(text, max(start, m.start() - 20), m.start()):
            continue
        value = parse_number(m.group("num"))
        if value is None:
            continue
        unit_word = " ".join(m.group("unit").split())
        kind = _unit_kinds().get(unit_word.casefold(), "count")
        if kind == "money" and _not_money_re().match(text, m.end()):
            continue
        if not _allowed_here(text, m.start(), unit_word):
            continue
        unit = money.get(unit_word.casefold(), unit_word)
        if m.group("scale"):
            unit = f"{m.group('scale').casefold()} {unit}"
        per = _per_re().match(text, m.end(), end) if kind != "count" else None
        stop = per.end() if per else m.end()
        unit += _per_words(per)
        if kind == "count":
            stop = m.end("scale") if m.group("scale") else m.end("num")
        written = text[m.end("num"):m.end()].strip() if kind != "count" else ""
        out.append(_with_lead(text, start, Quantity(m.start(), stop, value, unit, kind), written))
    return out


def _allowed_here(text: str, start: int, unit_word: str) -> bool:
    """A measure that counts only after certain words: "tuổi thọ … 75 tuổi", not "dưới 5 tuổi"."""
    needs = _units()["measure"]["only_after"].get(unit_word.casefold())
    if not needs:
        return True
    before = text[max(0, start - 80):start].casefold()
    return any(word in before for word in needs)


def _per_words(per: re.Match | None) -> str:
    """"/người/năm" as written after a unit, spaces dropped ("" when there is none)."""
    if per is None:
        return ""
    return "".join("/" + " ".join(p.split()) for p in per.group(0).split("/")[1:])
