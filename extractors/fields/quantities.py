"""Quantities a target can state: percentages ("85%", "2,5 %"), ranks ("nhóm 5 địa phương đứng
đầu"), money ("2 tỷ đồng") and counts ("500 doanh nghiệp").

Found by pattern on the raw text (never on tokens: word segmentation splits "85%"). Counts are
kept only in sentences that state a target (``units.toml`` [cues]), and never when the number is
a label ("mức độ 3", "giai đoạn 1", "lần thứ 2").
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from extractors.fields import patterns as P
from extractors.fields.vn_numbers import parse_number, scaled
from extractors.wordlists import load

# words right before a number that make it a label, not an amount
_LABEL_WORDS = re.compile(
    r"(?:mức\s+độ|giai\s+đoạn|đợt|lần|thứ|điều|khoản|điểm|mục|số|năm|tháng|ngày|quý|phần|chương|"
    r"kỳ|khóa|cấp|loại|hạng|top|tốp|nhóm|phiên\s+bản|công\s+nghệ|quyết\s+định|nghị\s+định|"
    r"thông\s+tư|mạng|phiên|lớp|tuần|giờ)\s*$", re.I)


@dataclass(frozen=True)
class Quantity:
    start: int          # where the quantity's words start ("85%", "5", "500 doanh nghiệp")
    end: int
    value: int | float
    unit: str
    kind: str           # percent | rank | money | count
    comparator: str | None = None   # set by the kind itself (a rank is "<=")


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
def _amount_re() -> re.Pattern[str]:
    units = _units()
    nouns = P.words_alternation(list(units["money"]) + units["count"]["nouns"])
    scale = P.words_alternation(list(units["scale"]))
    return re.compile(
        rf"(?P<num>{P.NUMBER})(?:{P.WS}(?P<scale>{scale}))?{P.WS}(?P<unit>{nouns})(?![\w])", re.I)


@functools.cache
def _cue_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w])(?:{P.words_alternation(_units()['cues']['words'])})(?![\w])", re.I)


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Quantities in ``text[start:end]``, in order, without overlaps."""
    end = len(text) if end is None else end
    found = _percents(text, start, end) + _ranks(text, start, end)
    taken = [(q.start, q.end) for q in found]
    for q in _amounts(text, start, end):
        if not any(s < q.end and q.start < e for s, e in taken) and _has_cue(text, q.start):
            found.append(q)
    return sorted(found, key=lambda q: q.start)


def _has_cue(text: str, offset: int) -> bool:
    """Whether the sentence around ``offset`` states a target (needed for counts)."""
    start = max(text.rfind(".", 0, offset), text.rfind("\n", 0, offset), offset - 300)
    stop = [i for i in (text.find(".", offset), text.find("\n", offset)) if i >= 0]
    return bool(_cue_re().search(text, max(0, start), min(stop) if stop else len(text)))


_PERCENT_SIGN = re.compile(r"%|phần\s+trăm", re.I)
_NUMBER_BEFORE = re.compile(rf"(?<![\w.,/])(?P<num>{P.NUMBER}){P.OWS}$")


def _percents(text: str, start: int, end: int) -> list[Quantity]:
    out = []
    for sign in _PERCENT_SIGN.finditer(text, start, end):
        m = _NUMBER_BEFORE.search(text, max(start, sign.start() - 24), sign.start())
        value = parse_number(m.group("num")) if m else None
        if value is not None:
            out.append(Quantity(m.start(), sign.end(), value, "%", "percent"))
    return out


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
        value = scaled(value, m.group("scale"))
        unit_word = " ".join(m.group("unit").split())
        if unit_word.casefold() in money:
            out.append(Quantity(m.start(), m.end(), value, money[unit_word.casefold()], "money"))
        else:
            number_end = m.end("scale") if m.group("scale") else m.end("num")
            out.append(Quantity(m.start(), number_end, value, unit_word, "count"))
    return out
