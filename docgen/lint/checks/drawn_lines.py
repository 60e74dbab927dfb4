"""Drawn lines and widths of the header: QH-03, CQ-04, TL-03, and the Quốc hiệu on one line (QH-01).

Text widths come from ``docgen.layout.measure`` (Liberation Serif metrics, the metric twin of
Times New Roman), the module the layout engine draws its lines with.

    Độc lập - Tự do - Hạnh phúc          line as long as the text (QH-03, ratio 0.9–1.1)
    SỞ NỘI VỤ                            line 1/3–1/2 of the name (CQ-04), of the trích yếu (TL-03)
"""
from __future__ import annotations

from typing import Iterator

from docgen.layout.facts import FACTS
from docgen.layout.measure import longest_line_pt, text_width_pt
from docgen.lint.context import Context
from docgen.lint.drawn import paragraph_width_pt, rule_under
from docgen.lint.finding import Finding
from docgen.lint.lines import Line

RATIO_TOLERANCE = 0.02
WRAP_TOLERANCE_PT = 0.5
# fact → (zone holding the text above the line, what the line is under, what the decree asks)
LINES = (
    ("QH-03", "tieu_ngu", "line under the Tiêu ngữ", "a drawn solid line as long as the Tiêu ngữ"),
    ("CQ-04", "agency", "line under the issuing body", "a drawn solid line, 1/3–1/2 of the name"),
    ("TL-03", "subject", "line under the trích yếu", "a drawn solid line, 1/3–1/2 of the text"),
)


def check(ctx: Context) -> Iterator[Finding]:
    yield from _quoc_hieu_fits(ctx)
    for fact_id, zone, what, expected in LINES:
        value = getattr(ctx.zones, zone)
        lines = [l for l in (value if isinstance(value, list) else [value]) if l is not None and l.text]
        if lines and (fact_id != "TL-03" or ctx.zones.type_name is not None):
            yield from _line(ctx, fact_id, lines, what, expected)


def _text_width(ctx: Context, lines: list[Line]) -> float | None:
    """Width of the longest printed line of a component (wrapped inside its paragraph)."""
    widths = []
    for line in lines:
        formats = ctx.line_formats(line)
        room = paragraph_width_pt(ctx, line.para)
        if not formats or room is None:
            return None
        size, bold, italic = formats[0].size_pt, formats[0].bold, formats[0].italic
        widths.append(longest_line_pt(ctx.shown_text(line), room, size, bold, italic))
    return max(widths, default=None)


def _line(ctx: Context, fact_id: str, lines: list[Line], what: str, expected: str) -> Iterator[Finding]:
    rule = rule_under(ctx, lines[-1])
    if rule is None or rule.kind != "drawn":
        found = "a line typed with characters" if rule else "no line"
        yield ctx.finding(fact_id, what, lines[-1], found, expected)
        return
    text = _text_width(ctx, lines)
    if rule.length_pt is None or not text:
        return
    allowed = FACTS[fact_id].range("length_ratio")
    ratio = rule.length_pt / text
    if not allowed.contains(ratio, RATIO_TOLERANCE):
        yield ctx.finding(fact_id, f"{what}: length", lines[-1],
                          f"{rule.length_pt:.0f} pt for {text:.0f} pt of text ({ratio:.2f})",
                          f"{allowed.min:.2g}–{allowed.max:.2g} of the text")


def _quoc_hieu_fits(ctx: Context) -> Iterator[Finding]:
    """QH-01: the Quốc hiệu is printed on one line (it must fit its column)."""
    lines = ctx.zones.quoc_hieu
    if len(lines) != 1 or not FACTS["QH-01"].get("one_line"):
        return
    formats = ctx.line_formats(lines[0])
    room = paragraph_width_pt(ctx, lines[0].para)
    if not formats or room is None:
        return
    width = text_width_pt(ctx.shown_text(lines[0]), formats[0].size_pt, formats[0].bold)
    if width > room + WRAP_TOLERANCE_PT:
        yield ctx.finding("QH-01", "Quốc hiệu on one line", lines[0],
                          f"wraps: {width:.0f} pt of text in {room:.0f} pt", "1 line")
