"""Periods: "giai đoạn 2021-2025", "giai đoạn 1 (từ năm 2022 đến năm 2025)", "từ năm 2021 đến
năm 2030", "Từ ngày ban hành Kế hoạch đến ngày 31 tháng 12 năm 2025" (starts on the issuing day).

Years are written "2021", months "2024-10", days "2022-07-05" (RECORD.md). A range with a time of
day or a round label ("Đợt 1: từ 00h ngày 09/9/2024 … đến 00h ngày 13/9/2024") is an event, not
a period: ``find_ranges`` gives both kinds and ``events.py`` takes the others.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from extractors.fields import patterns as P
from extractors.fields.flow import Flow, build_flow
from extractors.fields.textutil import clean
from extractors.fields.timex import TimeMention, scan_times, year_windows
from extractors.records import Period
from extractors.text import DocText
from extractors.wordlists import load


@dataclass(frozen=True)
class Range:
    start: int
    end: int
    first: str | None     # ISO start
    last: str | None      # ISO end
    label: str | None
    timed: bool           # a time of day on either end
    round_label: str | None = None   # "Đợt 1" written before it


@functools.cache
def _words() -> dict:
    return load("deep_words")


@functools.cache
def _keyword_re() -> re.Pattern[str]:
    kw = P.words_alternation(_words()["periods"]["keywords"])
    to = rf"{P.OWS}(?:[-–—]|đến|tới){P.OWS}(?:hết{P.WS})?(?:năm{P.WS})?"
    return re.compile(
        rf"(?<![\w])(?P<kw>{kw})(?:{P.WS}(?P<num>\d{{1,2}}|[IVX]{{1,4}})(?![\w/.-]))?{P.OWS}[(:,]?{P.OWS}"
        rf"(?:từ{P.WS})?(?:năm{P.WS})?(?P<y1>{P.YEAR}){to}(?P<y2>{P.YEAR})\b\)?", re.I)


_YEARS_FROM = re.compile(
    rf"(?<![\w])(?:từ{P.WS})?năm{P.WS}(?P<y1>{P.YEAR}){P.OWS}(?:[-–—]|(?:đến|tới){P.WS}(?:hết{P.WS})?(?:năm{P.WS})?)"
    rf"{P.OWS}(?P<y2>{P.YEAR})\b", re.I)
_CONNECT = re.compile(
    rf"{P.OWS}(?:[-–—]|[^;\n]{{0,80}}?(?<![\w])(?:đến|tới|kết{P.WS}thúc(?:{P.WS}(?:vào|lúc))?))"
    rf"{P.OWS}(?:hết{P.WS})?$", re.I)
_FROM = re.compile(rf"(?<![\w])từ{P.OWS}(?:ngày{P.WS})?$", re.I)
_DASH_ONLY = re.compile(rf"{P.OWS}[-–—]{P.OWS}")  # "09/9/2024 – 13/9/2024"


@functools.cache
def _labelled_re() -> re.Pattern[str]:
    """"Thời gian thực hiện: quý III/2023 đến quý IV/2024": a span named by a label and colon."""
    labels = P.words_alternation(_words()["periods"]["labels"])
    return re.compile(rf"(?<![\w])(?P<label>(?:{labels})[^:;.\n]{{0,40}}?){P.OWS}:{P.OWS}$", re.I)


@functools.cache
def _from_issue_re() -> re.Pattern[str]:
    starts = P.words_alternation(_words()["periods"]["from_issue"])
    return re.compile(rf"(?<![\w])từ{P.WS}(?:{starts})(?![\w])[^;.\n]{{0,80}}?(?<![\w])(?:đến|tới){P.WS}(?:hết{P.WS})?$",
                      re.I)


@functools.cache
def _round_re() -> re.Pattern[str]:
    rounds = P.words_alternation(_words()["events"]["rounds"])
    return re.compile(rf"(?<![\w])(?P<label>(?:{rounds}){P.WS}(?:\d{{1,2}}|[IVX]{{1,4}}|thứ{P.WS}\w+))\b{P.OWS}[:.,-]?[^;\n]{{0,30}}?$",
                      re.I)


def find_ranges(flow: Flow, times: list[TimeMention], issued_on: str | None = None) -> list[Range]:
    """Every span of time written in the text, in order, without overlaps."""
    windows = year_windows(flow.text, 90, 8)
    found = (_keyword_ranges(flow.text, windows) + _year_ranges(flow.text, windows)
             + _mention_ranges(flow, times, issued_on))
    found.sort(key=lambda r: (r.start, -(r.end - r.start)))
    kept: list[Range] = []
    for r in found:
        if not kept or r.start >= kept[-1].end:
            kept.append(r)
    return kept


def _windowed(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]) -> list[re.Match]:
    return [m for window in windows for m in pattern.finditer(text, *window)]


def _keyword_ranges(text: str, windows: list[tuple[int, int]]) -> list[Range]:
    out = []
    for m in _windowed(_keyword_re(), text, windows):
        label = f"{clean(m.group('kw')).lower()} {m.group('num')}" if m.group("num") else None
        out.append(Range(m.start(), m.end(), m.group("y1"), m.group("y2"), label, False))
    return out


def _year_ranges(text: str, windows: list[tuple[int, int]]) -> list[Range]:
    return [Range(m.start(), m.end(), m.group("y1"), m.group("y2"), None, False)
            for m in _windowed(_YEARS_FROM, text, windows)]


def _mention_ranges(flow: Flow, times: list[TimeMention], issued_on: str | None) -> list[Range]:
    out = []
    text = flow.text
    for first, second in zip(times, times[1:]):
        if not _CONNECT.fullmatch(text, first.end, second.start):
            continue
        opener = _FROM.search(text, max(0, first.start - 12), first.start)
        begin = opener.start() if opener else first.start
        named = _labelled_re().search(text, max(0, begin - 60), begin)
        if opener is None and named is None and \
                not _DASH_ONLY.fullmatch(text, first.end, second.start):
            continue
        first = _borrow_year(first, second)
        rnd = _round_of(flow, begin)
        timed = first.hour is not None or second.hour is not None
        out.append(Range(begin, second.end, first.start_label(), second.label(),
                         _label_of(named), timed,
                         clean(rnd.group("label")) if rnd else None))
    for t in times:
        m = _from_issue_re().search(text, max(0, t.start - 120), t.start)
        if m and m.end() == t.start:
            out.append(Range(m.start(), t.end, issued_on, t.last_day() if t.kind == "date" else t.label(),
                             None, False))
    return out


@functools.cache
def _round_head_re() -> re.Pattern[str]:
    rounds = P.words_alternation(_words()["events"]["rounds"])
    return re.compile(rf"[\s\-–+*•]*(?P<label>(?:{rounds}){P.WS}(?:\d{{1,2}}|[IVX]{{1,4}}|thứ{P.WS}\w+))\b", re.I)


def _round_of(flow: Flow, begin: int) -> re.Match | None:
    """The round a span belongs to: named just before it ("Đợt 2: từ …") or opening its
    paragraph ("- Đợt 1: tập trung hướng dẫn …, bắt đầu từ 00h ngày 09/9/2024 …")."""
    near = _round_re().search(flow.text, max(0, begin - 60), begin)
    if near:
        return near
    index = flow.block_at(begin)
    if index is None:
        return None
    block = flow.blocks[index]
    return _round_head_re().match(flow.text, block.body if block.marker else block.start, begin)


def _label_of(named: re.Match | None) -> str | None:
    """"Thời gian thực hiện" as written; "Giai đoạn 1" as RECORD.md writes it, "giai đoạn 1"."""
    if named is None:
        return None
    label = clean(named.group("label"))
    keywords = P.words_alternation(_words()["periods"]["keywords"])
    numbered = re.fullmatch(rf"(?:{keywords})\s+(?:\d{{1,2}}|[IVX]{{1,4}})", label, re.I)
    return label.lower() if numbered else label


def _borrow_year(first: TimeMention, second: TimeMention) -> TimeMention:
    """"từ ngày 09/9 đến ngày 13/9/2024": the first day takes the second one's year."""
    if first.year is None and second.year is not None:
        return replace(first, year=second.year)
    return first


def find_periods(text: DocText, flow: Flow | None = None, times: list[TimeMention] | None = None,
                 issued_on: str | None = None, ranges: list[Range] | None = None) -> list[Period]:
    """Periods of ``text``, once per (start, end), in order of first mention."""
    flow = flow or build_flow(text.text)
    if ranges is None:
        times = times if times is not None else scan_times(flow.text)[0]
        ranges = find_ranges(flow, times, issued_on)
    out: list[Period] = []
    seen: dict[tuple, Period] = {}
    for r in ranges:
        if r.timed or r.round_label or not (r.first or r.last) or r.first == r.last:
            continue  # "năm 2026 - Năm 2026" (a line OCR ran into the next) is no span
        key = (r.first, r.last)
        if key in seen:
            seen[key].label = seen[key].label or r.label
            continue
        label = r.label or _heading_label(flow, r.start)
        seen[key] = Period(label, r.first, r.last, clean(flow.text[r.start:r.end]), text.span(r.start, r.end))
        out.append(seen[key])
    return out


def _heading_label(flow: Flow, offset: int) -> str | None:
    """"1. Thời gian thi đua" above "- Từ ngày ban hành …" labels that period."""
    index = flow.block_at(offset)
    if index is None or flow.blocks[index].parent is None:
        return None
    head = flow.blocks[flow.blocks[index].parent]
    if head.marker is None:
        return None  # a title in capitals or an intro heads a list, it names no period
    words = clean(flow.text[head.body:head.end]).rstrip(":")
    if 0 < len(words.split()) <= 8 and not any(ch.isdigit() for ch in words) and words[:1].isupper():
        return words
    return None
