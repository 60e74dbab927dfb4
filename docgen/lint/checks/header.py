"""Quốc hiệu, Tiêu ngữ and agency name (QH-01, QH-02, QH-04, CQ-02, CQ-03) and missing parts (G-09).

The drawn lines under them (QH-03, CQ-04) are checked in ``drawn_lines``."""
from __future__ import annotations

from typing import Iterator

from docgen.layout.facts import FACTS
from docgen.lint.checks.common import style_findings
from docgen.lint.context import Context
from docgen.lint.finding import Finding
from docgen.lint.textform import fold, squash
from docgen.lint.zones import lint_words

MAIN_COMPONENTS = (
    ("quoc_hieu", "Quốc hiệu"), ("tieu_ngu", "Tiêu ngữ"), ("agency", "tên cơ quan ban hành"),
    ("so", "số, ký hiệu"), ("place_date", "địa danh và thời gian"),
    ("signer_name", "chức vụ, họ tên người ký"), ("noi_nhan", "nơi nhận"),
)


def check(ctx: Context) -> Iterator[Finding]:
    yield from _missing(ctx)
    yield from _quoc_hieu(ctx)
    yield from _tieu_ngu(ctx)
    yield from _agency(ctx)


def _missing(ctx: Context) -> Iterator[Finding]:
    zones = ctx.zones
    exempt = {fold(t) for t in lint_words()["without_place_date"]}
    for name, label in MAIN_COMPONENTS:
        if name == "place_date" and zones.type_name is not None and fold(zones.type_name.text) in exempt:
            continue
        if not getattr(zones, name):
            yield ctx.finding("G-09", "main component missing", None, "none", label)
    if zones.type_name is None and not zones.vv:
        yield ctx.finding("G-09", "main component missing", None, "none",
                          "tên loại và trích yếu (or V/v of a công văn)")


def _quoc_hieu(ctx: Context) -> Iterator[Finding]:
    lines = ctx.zones.quoc_hieu
    if not lines:
        return
    fact = FACTS["QH-01"]
    text = squash(" ".join(ctx.shown_text(l) for l in lines))
    if text not in fact["texts"]:
        yield ctx.finding("QH-01", "Quốc hiệu text", lines[0], f"“{text}”", f"“{fact['text']}”")
    if fact.get("one_line") and len(lines) > 1:
        yield ctx.finding("QH-01", "Quốc hiệu on one line", lines[0], f"{len(lines)} lines", "1 line")
    yield from style_findings(ctx, "QH-01", lines, "Quốc hiệu", skip=("case",))


def _tieu_ngu(ctx: Context) -> Iterator[Finding]:
    line = ctx.zones.tieu_ngu
    if line is None:
        return
    required = FACTS["QH-02"]["text"]
    shown = squash(ctx.shown_text(line))
    if shown != required:
        yield ctx.finding("QH-02", "Tiêu ngữ text", line, f"“{shown}”", f"“{required}”")
    yield from style_findings(ctx, "QH-02", [line], "Tiêu ngữ", skip=("case",))
    if ctx.zones.quoc_hieu and line.para.cell != ctx.zones.quoc_hieu[-1].para.cell:
        yield ctx.finding("QH-02", "Tiêu ngữ under the Quốc hiệu", line, "elsewhere", "centred under the Quốc hiệu")
    yield from _gap(ctx)


def _gap(ctx: Context) -> Iterator[Finding]:
    """QH-04: no blank line between Quốc hiệu and Tiêu ngữ."""
    qh, tn = ctx.zones.quoc_hieu, ctx.zones.tieu_ngu
    if not qh:
        return
    start, end = ctx.lines.index(qh[-1]), ctx.lines.index(tn)
    between = [l for l in ctx.lines[start + 1:end] if l.para.cell == tn.para.cell and l.column == tn.column]
    if any(not l.text for l in between):
        yield ctx.finding("QH-04", "blank line between Quốc hiệu and Tiêu ngữ", tn, "a blank line", "none")


def _agency(ctx: Context) -> Iterator[Finding]:
    zones = ctx.zones
    yield from style_findings(ctx, "CQ-03", zones.agency_parent, "cơ quan chủ quản")
    yield from style_findings(ctx, "CQ-02", zones.agency, "cơ quan ban hành")

