"""Deadlines: a time expression after a word that makes it a limit — "chậm nhất trong quý 1-2022"
(→ 2022-03-31), "Đến cuối năm 2022", "trong năm 2025", "trước ngày 20/01/2025", "trong tháng
10/2024" (→ 2024-10-31).

Times inside a period ("từ năm 2021 đến năm 2030"), an event, or a cited document's number and
title ("Quyết định … đến năm 2025, định hướng đến năm 2030") are not deadlines; nor is a horizon
("định hướng đến năm 2030").
"""
from __future__ import annotations

import functools
import re

from extractors.fields import patterns as P
from extractors.fields.flow import Flow, build_flow
from extractors.fields.textutil import SpanSet, clean
from extractors.fields.timex import TimeMention, scan_times
from extractors.records import Deadline
from extractors.text import DocText
from extractors.wordlists import load

_LIMIT_KINDS = ("date", "month", "quarter", "half", "year")


@functools.cache
def _trigger_re() -> re.Pattern[str]:
    words = load("deep_words")["deadlines"]
    triggers = P.words_alternation(words["triggers"])
    glue = P.words_alternation(words["glue"])
    return re.compile(rf"(?<![\w])(?P<trigger>{triggers})(?:{P.OWS}(?:{glue}))*{P.OWS}$", re.I)


@functools.cache
def _horizon_re() -> re.Pattern[str]:
    words = P.words_alternation(load("deep_words")["deadlines"]["horizons"])
    return re.compile(rf"(?<![\w])(?:{words}){P.OWS}$", re.I)


def find_deadlines(text: DocText, flow: Flow | None = None, times: list[TimeMention] | None = None,
                   exclude: list[tuple[int, int]] = ()) -> list[Deadline]:
    """Deadlines of ``text`` in order; ``exclude`` lists spans already read as something else."""
    flow = flow or build_flow(text.text)
    times = times if times is not None else scan_times(flow.text)[0]
    out = []
    excluded = SpanSet(exclude)
    for t in times:
        if t.kind not in _LIMIT_KINDS or t.last_day() is None or t.start in excluded:
            continue
        trig = _trigger_re().search(flow.text, max(0, t.start - 40), t.start)
        if trig is None or _horizon_re().search(flow.text, max(0, trig.start() - 20), trig.start()):
            continue
        if _ongoing(flow, trig, t):
            continue
        raw = clean(flow.text[trig.start():t.end])
        out.append(Deadline(_what(flow, trig.start(), t.end), t.last_day(), raw, text.span(trig.start(), t.end)))
    return out


@functools.cache
def _ongoing_re() -> re.Pattern[str]:
    words = P.words_alternation(load("deep_words")["deadlines"]["ongoing"])
    return re.compile(rf"(?<![\w])(?:{words})(?![\w])", re.I)


def _ongoing(flow: Flow, trig: re.Match, t: TimeMention) -> bool:
    """"Trong năm 2024, Sở sẽ tiếp tục …": a span of work under way, not a time limit."""
    if trig.group("trigger").casefold() not in ("trong", "vào"):
        return False
    clause = flow.clause_at(t.start)
    return clause is not None and bool(_ongoing_re().search(flow.text, t.end, clause[1]))


def _what(flow: Flow, start: int, end: int) -> str | None:
    """What must be done by then: the clause around the time, without it ("Tổ chức sơ kết")."""
    clause = flow.clause_at(start) or (start, end)
    before = flow.text[clause[0]:start]
    after = flow.text[end:clause[1]]
    words = clean(f"{before} {after}").strip(" ,.:;-")
    if words:
        return words
    index = flow.block_at(start)
    parent = flow.blocks[index].parent if index is not None else None
    if parent is None:
        return None
    head = flow.blocks[parent]
    last = clean(flow.text[head.body:head.end]).rstrip(":").split(". ")[-1]
    return last or None
