"""Secrecy, urgency and circulation marks (MK-01 … MK-03): "MẬT", "HỎA TỐC" (red), "XEM XONG TRẢ LẠI"."""
from __future__ import annotations

from typing import Iterator

from docgen.layout.facts import FACTS
from docgen.lint.checks.common import style_findings
from docgen.lint.context import Context
from docgen.lint.finding import Finding
from docgen.lint.textform import fold

MARK_FACTS = ("MK-01", "MK-02", "MK-03")


def mark_fact(text: str) -> str | None:
    """The fact id whose texts include ``text``: mark_fact("Hỏa tốc") == "MK-02"."""
    key = fold(text)
    return next((fid for fid in MARK_FACTS if key in {fold(t) for t in FACTS[fid]["texts"]}), None)


def check(ctx: Context) -> Iterator[Finding]:
    for line in ctx.zones.marks:
        fact_id = mark_fact(line.text)
        yield from style_findings(ctx, fact_id, [line], "mark", skip=("column",))
        colour = FACTS[fact_id].get("color")
        if colour:
            found = {f.color or "auto" for f in ctx.line_formats(line)} - {colour}
            if found:
                yield ctx.finding(fact_id, "mark: colour", line, ", ".join(sorted(found)), colour)
