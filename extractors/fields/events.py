"""Scheduled events: rounds "Đợt 1: từ 00h ngày 09/9/2024 … đến 00h ngày 13/9/2024" and occasions
with a time of day ("Lễ phát động … vào lúc 8h00 ngày 15/10/2024").

Start and end are ISO, with the time when one is written ("2024-09-09T00:00"); an occasion on one
day has ``end`` None.
"""
from __future__ import annotations

import functools
import re

from extractors.fields import patterns as P
from extractors.fields.flow import Flow, build_flow
from extractors.fields.periods import Range, find_ranges
from extractors.fields.textutil import SpanSet, clean
from extractors.fields.timex import TimeMention, scan_times
from extractors.records import Event
from extractors.text import DocText
from extractors.wordlists import load


@functools.cache
def _occasion_re() -> re.Pattern[str]:
    words = P.words_alternation(load("deep_words")["events"]["occasions"])
    return re.compile(rf"(?<![\w])(?:{words})(?![\w])")


def find_events(text: DocText, flow: Flow | None = None, times: list[TimeMention] | None = None,
                ranges: list[Range] | None = None) -> list[Event]:
    """Events of ``text`` in order; one per (start, end)."""
    flow = flow or build_flow(text.text)
    times = times if times is not None else scan_times(flow.text)[0]
    ranges = ranges if ranges is not None else find_ranges(flow, times)
    found: list[tuple[int, Event]] = []
    for r in ranges:
        if r.timed or r.round_label:
            what = r.round_label or _occasion(flow, r.start)
            found.append((r.start, Event(what, r.first, r.last, clean(flow.text[r.start:r.end]),
                                         text.span(r.start, r.end))))
    in_range = SpanSet((r.start, r.end) for r in ranges)
    for t in times:
        if t.hour is None or t.start in in_range:
            continue
        what = _occasion(flow, t.start)
        if what:
            found.append((t.start, Event(what, t.label(), None, clean(flow.text[t.start:t.end]),
                                         text.span(t.start, t.end))))
    found.sort(key=lambda pair: pair[0])
    out, seen = [], set()
    for _, event in found:
        if (event.start, event.end) not in seen:
            seen.add((event.start, event.end))
            out.append(event)
    return out


def _occasion(flow: Flow, offset: int) -> str | None:
    """The occasion named earlier in the same sentence: "Hội nghị tổng kết …"."""
    sentence = flow.sentence_at(offset)
    if sentence is None:
        return None
    m = None
    for m in _occasion_re().finditer(flow.text, sentence[0], offset):
        pass
    if m is None:
        return None
    words = clean(flow.text[m.start():offset]).split()
    return " ".join(words[:8]).rstrip(" ,:;") or None
