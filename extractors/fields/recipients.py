"""Kính gửi: one recipient on the same line, or a list of "- …;" lines under it."""
from __future__ import annotations

import re

from extractors.records import Span
from extractors.segment import TextLine
from extractors.textkeys import ascii_key

_LEAD = re.compile(r"^\s*K[íi]nh\s*g[ửưu]i\s*[:.]?\s*", re.IGNORECASE)
_ITEM = re.compile(r"^\s*[-–+•]\s*")


def clean_item(text: str) -> str:
    return re.sub(r"\s+", " ", _ITEM.sub("", text)).strip(" ;.,")


def find_recipients(lines: list[TextLine]) -> tuple[list[str], Span | None]:
    for pos, ln in enumerate(lines):
        lead = _LEAD.match(ln.text)
        if not lead:
            continue
        rest = ln.text[lead.end():].strip()
        items = []
        if rest:
            if _ITEM.match(rest) or not rest.endswith(":"):
                items.append(clean_item(rest))
        end = ln
        for nxt in lines[pos + 1: pos + 30]:
            if ln.column is not None and nxt.column not in (None, ln.column):
                continue  # the other column of a band read in between (the Quốc hiệu beside it)
            if not _ITEM.match(nxt.text):
                break
            items.append(clean_item(nxt.text))
            end = nxt
            if nxt.text.rstrip().endswith("."):
                break
        items = [i for i in items if i and ascii_key(i)]
        return items, Span(ln.page, ln.start, end.end)
    return [], None
