"""The deep fields of a record, filled after the header: references, periods, events, deadlines,
targets, contacts, urls — every item with its span.

``fill_deep(doc, text)`` is the one entry point. It reads what the header fields found
(``doc.number``, ``doc.doc_type``, ``doc.subject``, ``doc.issued_on``) to keep the document out
of its own references and to start "từ ngày ban hành …" periods, and appends its warnings to
``doc.warnings``. The order matters: times already read as a cited document, a period or an
event are not deadlines, and targets take their deadline from the deadlines and periods found
(a later year than the year of issue is aimed at, an earlier one is past). Tables — those the
reader saw, and those written in the text — are read by rows and columns, and the flow never
joins their lines.
"""
from __future__ import annotations

import re
import time

from extractors.fields.contacts import find_contacts
from extractors.fields.deadlines import find_deadlines
from extractors.fields.events import find_events
from extractors.fields.flow import build_flow
from extractors.fields.periods import find_periods, find_ranges
from extractors.fields.references import Context, find_references
from extractors.fields.tables import Grid, line_tables, pipe_tables
from extractors.fields.targets import find_targets
from extractors.fields.textutil import SpanSet
from extractors.fields.timex import scan_times
from extractors.fields.urls import find_urls
from extractors.records import Document, Period
from extractors.text import DocText


def fill_deep(doc: Document, text: DocText, body_start: int = 0, tables: list[Grid] = ()) -> None:
    """Set the deep list fields of ``doc`` from ``text`` (the record text the spans point into).

    Only the body is read: the header before ``body_start`` (agency, number, date, trích yếu,
    Kính gửi) is blanked out, keeping every offset, so that no sentence runs back into it.
    ``tables`` are those the reader saw (``tables.reader_tables``); tables written in the text
    (" | " cells, or one cell a line) are found here.
    """
    body = _blank_before(text.text, body_start)
    grids = _all_tables(body, [g for g in tables if g.start >= body_start])
    flow = build_flow(body, frozenset(s for g in grids for s in g.line_starts))
    times, warnings = scan_times(flow.text)
    context = Context(doc.number.raw, doc.doc_type.name, doc.subject)
    covered: list[tuple[int, int]] = []
    doc.references = find_references(text, flow, context, times, covered)
    ranges = find_ranges(flow, times, _day(doc.issued_on))
    doc.periods = find_periods(text, flow, ranges=ranges)
    doc.events = find_events(text, flow, times, ranges)
    cited = SpanSet(covered)
    taken = covered + [(r.start, r.end) for r in ranges] + [(e.span.start, e.span.end) for e in doc.events]
    taken += _restated(flow.text, doc.subject)
    doc.deadlines = find_deadlines(text, flow, times, exclude=taken)
    time_spans = [(t.start, t.end) for t in times]
    spans = [Period(r.label, r.first, r.last, None, text.span(r.start, r.end)) for r in ranges
             if not (r.timed or r.round_label) and (r.first or r.last) and r.start not in cited]
    doc.targets = find_targets(text, flow, doc.deadlines, spans, exclude=covered + time_spans,
                               warnings=warnings, times=[t for t in times if t.start not in cited],
                               tables=grids, year=int(doc.issued_on[:4]) if doc.issued_on else None)
    doc.contacts = find_contacts(text, flow, signer=doc.signer.name)
    doc.urls = find_urls(text)
    doc.warnings.extend(dict.fromkeys(warnings))


def fill_deep_timed(doc: Document, text: DocText, body_start: int = 0) -> float:
    """``fill_deep`` and the CPU seconds it took (for benchmarks/extract.py's deep-field column)."""
    start = time.process_time()
    fill_deep(doc, text, body_start)
    return time.process_time() - start


def _all_tables(body: str, seen: list[Grid]) -> list[Grid]:
    """The reader's tables, then those written in the text where no reader's table stands."""
    out = list(seen)
    for grid in pipe_tables(body) + line_tables(body):
        if not any(g.start < grid.end and grid.start < g.end for g in out):
            out.append(grid)
    return sorted(out, key=lambda g: g.start)


def _restated(text: str, subject: str | None) -> list[tuple[int, int]]:
    """Where the body restates the document's own trích yếu ("Chính phủ ban hành Nghị định quy
    định … đến năm 2030."): a horizon of its title is no time limit."""
    words = (subject or "").split()
    if len(words) < 4:
        return []
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.I)
    return [m.span() for m in pattern.finditer(text)]


def _blank_before(text: str, end: int) -> str:
    """``text`` with every character before ``end`` but line and page breaks made a space."""
    if end <= 0:
        return text
    head = "".join(c if c in "\n\f" else " " for c in text[:end])
    return head + text[end:]


def _day(issued_on: str | None) -> str | None:
    """The issuing day as ISO, or None when only a month is known ("2021-12")."""
    return issued_on if issued_on and len(issued_on) == 10 else None
