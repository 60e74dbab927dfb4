"""Quantitative targets: "85% người dân có điện thoại thông minh" under "a) Đến cuối năm 2022:".

Each quantity of a clause (``quantities.py``) takes the words around it as its indicator: the
words after it up to the next quantity or the clause end ("85% người dân …"), and the subject
before it when the number comes late ("Tỷ lệ hồ sơ … đạt từ 50% trở lên"). A quantity with no
subject of its own borrows the previous one's ("phủ trên 95% hộ gia đình, 100% xã" → "… phủ
xã"). The comparator comes from ``comparators.toml``; the deadline from the clause, the
sentence, or the heading above ("a) Đến cuối năm 2022:"); the scope from the nearest heading
label ("a) Y tế:", "2.1. Đối với các cơ quan, đơn vị …").
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from extractors.fields import patterns as P
from extractors.fields.flow import Flow, build_flow
from extractors.fields.quantities import Quantity, find_quantities
from extractors.fields.textutil import SpanSet, clean
from extractors.fields.timex import scan_times
from extractors.records import Deadline, Period, Target
from extractors.text import DocText
from extractors.wordlists import load


@dataclass(frozen=True)
class _Words:
    comparator_at_end: re.Pattern[str]
    suffix_at_start: re.Pattern[str]
    lead_filler: re.Pattern[str]
    tail_filler: re.Pattern[str]
    adverbial: re.Pattern[str]
    prefix: dict[str, str]
    suffix: dict[str, str]
    needs_suffix: frozenset[str]


@functools.cache
def _words() -> _Words:
    comp = load("comparators")
    words = load("deep_words")["targets"]
    alt = P.words_alternation
    return _Words(
        re.compile(rf"(?<![\w])(?P<w>{alt(list(comp['prefix']))}){P.OWS}$", re.I),
        re.compile(rf"{P.OWS}(?P<w>{alt(list(comp['suffix']))})(?![\w])", re.I),
        re.compile(rf"(?:{alt(words['lead_fillers'])})(?![\w])[\s:,]*", re.I),
        re.compile(rf"(?<![\w])(?:{alt(words['tail_fillers'])}){P.OWS}$", re.I),
        re.compile(rf"(?:{alt(words['adverbials'])})(?![\w])", re.I),
        {k.casefold(): v for k, v in comp["prefix"].items()},
        {k.casefold(): v for k, v in comp["suffix"].items()},
        frozenset(w.casefold() for w in comp["pairs"]["needs_suffix"]),
    )


def find_targets(text: DocText, flow: Flow | None = None, deadlines: list[Deadline] = (),
                 periods: list[Period] = (), exclude: list[tuple[int, int]] = (),
                 warnings: list[str] | None = None) -> list[Target]:
    """Every quantitative target of ``text``, in order."""
    flow = flow or build_flow(text.text)
    out: list[Target] = []
    by_clause: dict[tuple[int, int], list[Quantity]] = {}
    excluded = SpanSet(exclude)
    for q in find_quantities(flow.text):
        clause = flow.clause_at(q.start)
        if clause and q.end <= clause[1] and q.start not in excluded:
            by_clause.setdefault(clause, []).append(q)
    for clause, qs in by_clause.items():
        previous_stem = None
        for i, q in enumerate(qs):
            target, previous_stem = _target(flow, text, clause, qs, i, previous_stem)
            if target is None:
                if warnings is not None:
                    warnings.append(f"a number with no indicator: “{clean(flow.text[clause[0]:clause[1]])[:80]}”")
                continue
            target.deadline = _deadline(flow, q.start, deadlines, periods)
            target.scope = _scope(flow, q.start, deadlines)
            out.append(target)
    return out


def _target(flow: Flow, text: DocText, clause: tuple[int, int], qs: list[Quantity], i: int,
            previous_stem: str | None) -> tuple[Target | None, str | None]:
    q, body = qs[i], flow.text
    seg_start = clause[0] if i == 0 else _after_last_comma(body, qs[i - 1].end, q.start)
    seg_end = clause[1] if i == len(qs) - 1 else _last_comma(body, q.end, qs[i + 1].start)
    raw_prefix = body[seg_start:q.start]
    stem, comparator, needs_suffix = _read_prefix(raw_prefix)
    suffix, suffix_comparator = _read_suffix(body[q.end:seg_end])
    if suffix_comparator:
        comparator = suffix_comparator
    elif needs_suffix:
        comparator = None
    comparator = q.comparator or comparator or "="
    if not stem and previous_stem and not raw_prefix.strip(" ,;:-–").casefold().removeprefix("và").strip():
        stem = previous_stem
    indicator = clean(f"{stem} {suffix}").strip(" ,;:.-–")
    if not indicator and q.kind == "count":
        indicator = q.unit
    if not indicator:
        return None, stem or previous_stem
    raw = _sentence_text(flow, q.start)
    target = Target(indicator, q.value, q.unit, comparator, None, None, raw,
                    text.span(seg_start + _leading_space(raw_prefix), seg_end))
    return target, stem or previous_stem


def _after_last_comma(text: str, start: int, end: int) -> int:
    comma = text.rfind(",", start, end)
    return comma + 1 if comma >= 0 else start


def _last_comma(text: str, start: int, end: int) -> int:
    comma = text.rfind(",", start, end)
    return comma if comma >= 0 else end


def _leading_space(text: str) -> int:
    return len(text) - len(text.lstrip())


def _read_prefix(prefix: str) -> tuple[str, str | None, bool]:
    """(subject words, comparator, comparator needs "trở lên" after) of the words before a number."""
    w = _words()
    prefix = _drop_times(_drop_adverbial(clean(prefix)))
    comparator, needs_suffix = None, False
    m = w.comparator_at_end.search(prefix)
    if m and not prefix[:m.start()].rstrip().casefold().endswith("gia"):  # "gia tăng" is a word
        word = " ".join(m.group("w").split()).casefold()
        comparator, needs_suffix = w.prefix[word], word in w.needs_suffix
        prefix = prefix[:m.start()].rstrip()
    for _ in range(3):
        prefix = w.tail_filler.sub("", prefix).rstrip()
    for _ in range(4):
        lead = w.lead_filler.match(prefix)
        if not lead or lead.end() == 0:
            break
        prefix = prefix[lead.end():]
    return prefix.strip(" ,:;-–"), comparator, needs_suffix


def _drop_adverbial(prefix: str) -> str:
    """"Trong giai đoạn 1 (từ năm 2021-2025), yêu cầu" → "yêu cầu"."""
    if not _words().adverbial.match(prefix):
        return prefix
    depth = 0
    for i, ch in enumerate(prefix):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch == "," and depth == 0:
            return prefix[i + 1:].strip()
    return prefix


_TIME_LEAD = re.compile(r"(?:(?<![\w])(?:đến|trong|vào|tới|trước|từ|sau)\s+)?$", re.I)


def _drop_times(prefix: str) -> str:
    """"Phấn đấu đến năm 2025 có" → "Phấn đấu có": times are the deadline, not the indicator."""
    for t in reversed(scan_times(prefix)[0]):
        lead = _TIME_LEAD.search(prefix, 0, t.start)
        prefix = (prefix[:lead.start()] + " " + prefix[t.end:].lstrip(" ,")).strip()
    return prefix


def _read_suffix(suffix: str) -> tuple[str, str | None]:
    m = _words().suffix_at_start.match(suffix)
    if m:
        return clean(suffix[m.end():]).strip(" ,;:."), _words().suffix[" ".join(m.group("w").split()).casefold()]
    return clean(suffix).strip(" ,;:."), None


def _sentence_text(flow: Flow, offset: int) -> str:
    sentence = flow.sentence_at(offset)
    return clean(flow.text[sentence[0]:sentence[1]]).rstrip(";.") if sentence else ""


def _deadline(flow: Flow, offset: int, deadlines: list[Deadline], periods: list[Period]) -> str | None:
    """The limit of the clause, else of the sentence, else of the headings above."""
    for area in (flow.clause_at(offset), flow.sentence_at(offset)):
        found = _first_in(area, deadlines)
        if found:
            return found.by
    period = _first_in(flow.sentence_at(offset), periods)
    if period and period.end:
        return _period_end(period.end)
    index = flow.block_at(offset)
    for parent in flow.ancestors(index) if index is not None else []:
        head = flow.blocks[parent]
        found = _first_in((head.start, head.end), deadlines)
        if found:
            return found.by
    return None


def _first_in(area: tuple[int, int] | None, items: list) -> object | None:
    if area is None:
        return None
    return next((it for it in items if it.span and area[0] <= it.span.start < area[1]), None)


def _period_end(end: str) -> str:
    if len(end) == 4:
        return f"{end}-12-31"
    return end


def _scope(flow: Flow, offset: int, deadlines: list[Deadline]) -> str | None:
    """The nearest heading label that is not a time: "Y tế", "Đối với các cơ quan, đơn vị …"."""
    index = flow.block_at(offset)
    if index is None:
        return None
    for candidate in [index, *flow.ancestors(index)]:
        label = flow.label(candidate)
        if label and label[1] <= offset and not _first_in(label, deadlines):
            return clean(flow.text[label[0]:label[1]])
        block = flow.blocks[candidate]
        words = clean(flow.text[block.body:block.end])
        if candidate != index and words.casefold().startswith("đối với") and len(words.split()) <= 25:
            return words.rstrip(":.")
    return None
