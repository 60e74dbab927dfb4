"""Nơi nhận: the "- …;" lines under "Nơi nhận:", ending with "- Lưu: VT, …"."""
from __future__ import annotations

import re

from extractors.fields.recipients import clean_item
from extractors.records import Span
from extractors.segment import TextLine
from extractors.textkeys import ascii_key

_LEAD = re.compile(r"^\s*\W{0,3}\s*N[ơo]i\s*nh[ậa]n\s*[:.]?\s*", re.IGNORECASE)
_ITEM = re.compile(r"^\s*[-–+•]\s*")


def find_distribution(lines: list[TextLine]) -> tuple[list[str], Span | None, int | None]:
    """(entries, span, index of the "Nơi nhận" line) of the first Nơi nhận block.

    An entry wrapped onto a second line (no dash, the first not ended by ";") is joined.
    """
    for pos, ln in enumerate(lines):
        lead = _LEAD.match(ln.text)
        if not lead:
            continue
        raw: list[str] = []
        end = ln
        rest = ln.text[lead.end():].strip()
        if rest and _ITEM.match(rest):
            raw.append(rest)
        for nxt in lines[pos + 1: pos + 40]:
            if _ITEM.match(nxt.text):
                raw.append(nxt.text)
            elif nxt.column == 1 and not raw:
                continue  # the signature column read before the list
            elif raw and nxt.column != 1 and not nxt.text.isupper() \
                    and not raw[-1].rstrip().endswith((";", ".")):
                raw[-1] = f"{raw[-1]} {nxt.text}"
            else:
                break
            end = nxt
            if ascii_key(raw[-1]).startswith("luu") and raw[-1].rstrip().endswith("."):
                break
        items = [clean_item(r) for r in raw]
        return [i for i in items if i], Span(ln.page, ln.start, end.end), ln.index
    return [], None, None
