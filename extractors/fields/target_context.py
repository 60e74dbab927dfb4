"""The deadline and the scope a target inherits from where it stands.

Deadline, nearest first: a time limit in the target's clause, then in its sentence ("…; hoàn thành
chậm nhất trong quý 1-2022"), the end of a period named in the sentence ("giai đoạn 2026–2030"),
a time opening the sentence ("Năm 2026, …"); then, heading by heading up the chain, the same in
each heading ("a) Đến cuối năm 2022:", "2. Mục tiêu cụ thể giai đoạn 2026 - 2030", "Phấn đấu đến
năm 2030, đạt các chỉ tiêu sau:"). RECORD.md: the end of a named period is its last day.

Scope: the nearest heading label that is neither a time nor a cue word ("a) Y tế: …" → "Y tế",
"2.1. Đối với các cơ quan, đơn vị …"); a table's column header gives its own (table_targets.py).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from extractors.fields.flow import Flow
from extractors.fields.target_cues import heading_words
from extractors.fields.textutil import clean
from extractors.fields.timex import TimeMention
from extractors.records import Deadline, Period
from extractors.wordlists import load

_LIMIT_KINDS = ("date", "month", "quarter", "half", "year")
_HEADING_WORDS = 30   # a heading longer than this is a paragraph: the years it names are not its aim
_LEAD = re.compile(r"(?:đến|tới|trong|vào|trước|hết)(?:\s+(?:ngày|hết|cuối))?\s*$", re.I)
_BASELINE = re.compile(r"(?:so với|từ|kể từ|sau|trước)\s*$", re.I)
_OPENING = re.compile(r"[\s\-–+*•:;,.()]*(?:(?:đến|tới|trong|vào)(?:\s+(?:hết|cuối))?\s+)?$", re.I)


@dataclass
class Context:
    """What a document offers its targets: its flow, deadlines, periods and times, sorted."""

    flow: Flow
    deadlines: list[Deadline]
    periods: list[Period]
    times: list[TimeMention]

    def __post_init__(self) -> None:
        self.times = [t for t in self.times if t.kind in _LIMIT_KINDS and t.last_day()]
        self._time_starts = [t.start for t in self.times]

    def deadline_at(self, offset: int, segment_start: int | None = None) -> str | None:
        """The deadline of a number at ``offset`` of running text; ``segment_start`` is where
        the words of its own target begin ("…, năm 2027 đạt 95%" → 2027)."""
        flow = self.flow
        own = self._time_before(segment_start, offset) if segment_start is not None else None
        if own:
            return own
        for area in (flow.clause_at(offset), flow.sentence_at(offset)):
            found = _first_in(area, self.deadlines)
            if found:
                return found.by
        sentence = flow.sentence_at(offset)
        found = self._period_end(sentence) or self._opening_time(sentence)
        if found:
            return found
        index = flow.block_at(offset)
        return self.deadline_above(flow.ancestors(index) if index is not None else [])

    def deadline_above(self, ancestors: list[int]) -> str | None:
        """The deadline the nearest heading among ``ancestors`` names, if any."""
        for parent in ancestors:
            head = self.flow.blocks[parent]
            area = (head.start, head.end)
            found = _first_in(area, self.deadlines)
            if found:
                return found.by
            found = self._period_end(area) or self._opening_time((head.body, head.end))
            found = found or self._named_in_heading(parent)
            if found:
                return found
        return None

    def _named_in_heading(self, index: int) -> str | None:
        """A year or date a short heading names: "Điều 2. Các chỉ tiêu chủ yếu năm 2027",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027" (a heading that opens a list: its last sentence)."""
        start, end = heading_words(self.flow, index)
        if len(self.flow.text[start:end].split()) > _HEADING_WORDS:
            return None
        return self._time_before(start, end)

    def _time_before(self, start: int, end: int) -> str | None:
        """The last time in ``text[start:end]`` that is not a baseline ("so với năm 2020")."""
        i = bisect.bisect_left(self._time_starts, end) - 1
        while i >= 0 and self.times[i].start >= start:
            t = self.times[i]
            if t.end <= end and not _BASELINE.search(self.flow.text, max(0, t.start - 12), t.start) \
                    and (t.kind != "date" or _LEAD.search(self.flow.text, max(0, t.start - 16), t.start)):
                return t.last_day()  # a bare date is a cited document's ("… ngày 22/8/2024")
            i -= 1
        return None

    def _period_end(self, area: tuple[int, int] | None) -> str | None:
        period = _first_in(area, self.periods)
        if period and period.end:
            return period_end(period.end)
        return None

    def _opening_time(self, area: tuple[int, int] | None) -> str | None:
        """A time that opens ``area``: "Năm 2026, …", "Trong năm 2026:"."""
        if area is None:
            return None
        i = bisect.bisect_left(self._time_starts, area[0])
        if i < len(self.times) and self.times[i].start < area[1]:
            t = self.times[i]
            if _OPENING.fullmatch(self.flow.text, area[0], t.start):
                return t.last_day()
        return None

    def scope_at(self, offset: int) -> str | None:
        """The nearest heading label above ``offset`` that is not a time or a cue word."""
        flow = self.flow
        index = flow.block_at(offset)
        if index is None:
            return None
        for candidate in [index, *flow.ancestors(index)]:
            if flow.blocks[candidate].marker is None and _is_title(flow.text, flow.blocks[candidate]):
                continue  # "QUYẾT NGHỊ:", "BỘ TIÊU CHÍ …": a title, not a scope
            label = flow.label(candidate)
            if label and label[1] <= offset and self._is_scope(*label):
                return clean(flow.text[label[0]:label[1]])
            block = flow.blocks[candidate]
            words = clean(flow.text[block.body:block.end])
            if candidate != index and words.casefold().startswith("đối với") and len(words.split()) <= 25:
                return words.rstrip(":.")
        return None

    def _is_scope(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._time_starts, start)
        if i < len(self.times) and self.times[i].start < end:
            return False
        if _first_in((start, end), self.deadlines) or _first_in((start, end), self.periods):
            return False
        return not _is_cue_label(self.flow.text[start:end])


def _is_title(text: str, block) -> bool:
    body = text[block.body:block.end]
    return body.isupper()


def _is_cue_label(words: str) -> bool:
    """"Mục tiêu cụ thể", "Chỉ tiêu", "Yêu cầu" name a kind of content, not what it covers."""
    key = " ".join(words.split()).casefold()
    return any(key.startswith(w) for w in _cue_labels())


def _cue_labels() -> tuple[str, ...]:
    return tuple(w.casefold() for w in load("target_cues")["heading"]["aim"])


def _first_in(area: tuple[int, int] | None, items: list) -> object | None:
    if area is None:
        return None
    return next((it for it in items if it.span and area[0] <= it.span.start < area[1]), None)


def period_end(end: str) -> str:
    """The last day of a period's end: "2030" → "2030-12-31"; "2024-10" → "2024-10-31"."""
    import calendar

    if len(end) == 4:
        return f"{end}-12-31"
    if len(end) == 7:
        year, month = int(end[:4]), int(end[5:])
        return f"{end}-{calendar.monthrange(year, month)[1]:02d}"
    return end[:10]
