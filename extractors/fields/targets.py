"""Quantitative targets: "85% người dân có điện thoại thông minh" under "a) Đến cuối năm 2022:".

A number is a target when its wording aims at it (``target_cues.py``), whatever the type of the
document. Each quantity of a clause (``quantities.py``; nouns no list knows: ``counts.py``) takes
the words around it as its indicator: the words after it up to the next quantity or the clause
end ("85% người dân …"), and the subject before it when the number comes late ("Tỷ lệ hồ sơ …
đạt từ 50% trở lên"). A quantity with no subject of its own borrows the previous one's ("phủ
trên 95% hộ gia đình, 100% xã" → "… phủ xã"), and one after "trong đó" adds to it. The
comparator comes from ``comparators.toml`` or a symbol, a range gives two targets, the deadline
and scope from where the number stands (``target_context.py``); tables: ``table_targets.py``.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from extractors.fields import patterns as P
from extractors.fields.counts import MIN_CLAUSE_AIM, bare_numbers, counted
from extractors.fields.flow import Flow, build_flow
from extractors.fields.quantities import Quantity, find_quantities
from extractors.fields.table_targets import table_targets
from extractors.fields.tables import Grid, has_value
from extractors.fields.target_context import Context
from extractors.fields.target_cues import CueReader
from extractors.fields.textutil import SpanSet, clean
from extractors.fields.timex import TimeMention, scan_times
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
                 warnings: list[str] | None = None, times: list[TimeMention] | None = None,
                 tables: list[Grid] = (), year: int | None = None) -> list[Target]:
    """Every quantitative target of ``text``, in order: of its running text, and of ``tables``
    (table_targets.py). ``times`` are the time expressions of ``flow.text`` (found here when
    not given); ``year`` is the year of issue, after which a time is aimed at."""
    flow = flow or build_flow(text.text)
    times = times if times is not None else scan_times(flow.text)[0]
    context = Context(flow, list(deadlines), list(periods), list(times))
    reader = CueReader(flow, context.times, year)
    read_as_table = [(c.start, c.end) for g in tables for row in g.rows for c in row if c and has_value(c.text)]
    out = _prose_targets(text, flow, context, reader, list(exclude) + read_as_table, warnings)
    for grid in tables:
        out += table_targets(grid, text, context, reader)
    return sorted(out, key=lambda t: t.span.start if t.span else 0)


def _prose_targets(text: DocText, flow: Flow, context: Context, reader: CueReader, exclude,
                   warnings: list[str] | None) -> list[Target]:
    out: list[Target] = []
    by_clause = _quantities_by_clause(flow, exclude)
    _add_counts(flow, reader, by_clause, SpanSet(exclude))
    for clause, qs in by_clause.items():
        previous_stem = None
        for i, q in enumerate(qs):
            verdict = reader.judge(q.start, q.kind in ("percent", "rank"))
            target, previous_stem = _target(flow, text, clause, qs, i, previous_stem)
            if not verdict.target:
                continue
            if target is None:
                if warnings is not None:
                    warnings.append(f"a number with no indicator: “{clean(flow.text[clause[0]:clause[1]])[:80]}”")
                continue
            target.deadline = context.deadline_at(q.start, target.span.start)
            target.scope = context.scope_at(q.start)
            target.cue = verdict.cue.describe() if verdict.cue else None
            out += split_range(target, q)
    return out


def _quantities_by_clause(flow: Flow, exclude) -> dict[tuple[int, int], list[Quantity]]:
    by_clause: dict[tuple[int, int], list[Quantity]] = {}
    excluded = SpanSet(exclude)
    for q in find_quantities(flow.text):
        clause = flow.clause_at(q.start)
        if clause and q.end <= clause[1] and q.start not in excluded:
            by_clause.setdefault(clause, []).append(q)
    return by_clause


def _add_counts(flow: Flow, reader: CueReader, by_clause: dict[tuple[int, int], list[Quantity]],
                excluded: SpanSet) -> None:
    """Counts of nouns no word list knows, in clauses that state an aim (counts.py)."""
    taken = SpanSet([(q.start, q.end) for qs in by_clause.values() for q in qs])
    for m in bare_numbers(flow.text, 0, len(flow.text), taken):
        clause = flow.clause_at(m.start())
        if clause is None or m.start() in excluded or not reader.judge(m.start(), False).target:
            continue
        if sum(c.weight for c in reader.cues_at(m.start()) if c.kind == "aim" and c.where == "clause") \
                < MIN_CLAUSE_AIM:
            continue
        q = counted(flow.text, clause, m)
        if q is not None:
            by_clause.setdefault(clause, []).append(q)
            by_clause[clause].sort(key=lambda x: x.start)


def split_range(target: Target, q: Quantity) -> list[Target]:
    """A range gives two targets: "từ 9,5 – 12%" → ">=" 9.5 and "<=" 12."""
    if q.upper is None:
        return [target]
    low = dataclasses.replace(target, value=q.value, comparator=">=")
    high = dataclasses.replace(target, value=q.upper, comparator="<=")
    return [low, high]


def _target(flow: Flow, text: DocText, clause: tuple[int, int], qs: list[Quantity], i: int,
            previous_stem: str | None) -> tuple[Target | None, str | None]:
    q, body = qs[i], flow.text
    seg_start = clause[0] if i == 0 else _after_last_comma(body, qs[i - 1].end, q.start)
    partings = list(_PARTING.finditer(body, qs[i - 1].end, q.start)) if i > 0 else []
    if len(partings) >= 2 and 0 < len(body[seg_start:q.start].split()) <= _SHORT_PART:
        # "đạt 72%, trong đó có bằng cấp, chứng chỉ đạt 32%": a comma inside the subject
        seg_start = partings[-2].end()
    seg_end = clause[1] if i == len(qs) - 1 else _last_comma(body, q.end, qs[i + 1].start)
    raw_prefix = body[seg_start:q.start]
    stem, comparator, needs_suffix = _read_prefix(raw_prefix)
    suffix, suffix_comparator = _read_suffix(body[q.end:seg_end])
    if suffix_comparator:
        comparator = suffix_comparator
    elif needs_suffix:
        comparator = None
    comparator = q.comparator or comparator or "="
    if not stem and previous_stem:  # "…, năm 2027 đạt 95%": the subject is the previous one's
        stem = previous_stem
    elif previous_stem and _IN_WHICH.match(clean(raw_prefix)):
        stem = f"{previous_stem} {stem}"  # "Tỷ lệ A đạt 72%, trong đó có B đạt 32%": A with B
    indicator = clean(f"{stem} {suffix}").strip(" ,;:.-–")
    if not indicator and q.kind == "count":
        indicator = q.unit
    if not indicator:
        return None, stem or previous_stem
    raw = _sentence_text(flow, q.start)
    target = Target(indicator, q.value, q.unit, comparator, None, None, raw,
                    text.span(seg_start + _leading_space(raw_prefix), seg_end))
    return target, stem or previous_stem


_SHORT_PART = 3   # words after a comma too few to be a target's subject on their own
# what parts the targets of one clause: a comma, or "và" between two of them
_PARTING = re.compile(r",|(?<![\w])và(?![\w])")


def _after_last_comma(text: str, start: int, end: int) -> int:
    last = None
    for last in _PARTING.finditer(text, start, end):
        pass
    return last.end() if last else start


def _last_comma(text: str, start: int, end: int) -> int:
    last = None
    for last in _PARTING.finditer(text, start, end):
        pass
    return last.start() if last else end


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
    """"Trong giai đoạn 1 (từ năm 2021-2025), yêu cầu" → "yêu cầu" ("trong đó …" is no adverbial)."""
    if not _words().adverbial.match(prefix) or _IN_WHICH.match(prefix):
        return prefix
    depth = 0
    for i, ch in enumerate(prefix):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch == "," and depth == 0:
            return prefix[i + 1:].strip()
    return prefix


_IN_WHICH = re.compile(r"trong\s+(?:đó|số)(?![\w])", re.I)
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
