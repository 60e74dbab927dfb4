"""Type name, trích yếu, V/v and the content's form (TL-01, TL-02, TL-04, ND-01, ND-05, ND-07, ND-10)."""
from __future__ import annotations

import re
from typing import Iterator

from docgen.layout.facts import FACTS
from docgen.lint.checks.common import indent_findings, style_findings
from docgen.lint.context import Context
from docgen.lint.finding import Finding
from docgen.lint.textform import ending

DIEU = re.compile(r"^Điều\s+\d+")
DIEM = re.compile(r"^([a-zđ])\)\s")


def check(ctx: Context) -> Iterator[Finding]:
    zones = ctx.zones
    if zones.type_name is not None:
        yield from style_findings(ctx, "TL-01", [zones.type_name], "tên loại")
        yield from style_findings(ctx, "TL-02", zones.subject, "trích yếu")
    if zones.vv:
        yield from _vv(ctx)
    yield from _can_cu(ctx)
    yield from _dieu(ctx)
    yield from _diem(ctx)
    yield from _ending(ctx)


def _vv(ctx: Context) -> Iterator[Finding]:
    lines = ctx.zones.vv
    prefix = FACTS["TL-04"]["prefix"]
    if not lines[0].text.startswith(prefix):
        yield ctx.finding("TL-04", "V/v prefix", lines[0], f"“{lines[0].text[:len(prefix) + 8]}”", f"“{prefix}…”")
    yield from style_findings(ctx, "TL-04", lines, "trích yếu of a công văn (V/v)", skip=("case",))
    yield from _gap_after_so(ctx, lines[0])


def _gap_after_so(ctx: Context, vv) -> Iterator[Finding]:
    """TL-04: 6 pt between the Số line and the V/v line."""
    so = ctx.zones.so
    if so is None or so.para is vv.para:
        return
    gap = (ctx.para_format(vv.para).before + ctx.para_format(so.para).after) / 20
    required = FACTS["TL-04"]["space_before_pt"]
    if gap + 0.5 < required:
        yield ctx.finding("TL-04", "space between Số and V/v", vv, f"{gap:g} pt", f"{required:g} pt")


def _can_cu(ctx: Context) -> Iterator[Finding]:
    lines = ctx.zones.can_cu
    if not lines:
        return
    fact = FACTS["ND-01"]
    yield from style_findings(ctx, "ND-01", lines, "căn cứ", skip=("case",))
    yield from _can_cu_indent(ctx, lines)
    for line in lines:
        second = line.text.find("Căn cứ", 1)
        if second > 0:
            yield ctx.finding("ND-01", "each căn cứ on its own line", line, ending(line.text[:second + 6], 30),
                              "a new line for each “Căn cứ …;”")
    for line in lines[:-1]:
        if not line.text.rstrip().endswith(fact["ends_with"]):
            yield ctx.finding("ND-01", "căn cứ line ending", line, ending(line.text),
                              f"ends with “{fact['ends_with']}”")
    last = lines[-1]
    if not last.text.rstrip().endswith(fact["last_ends_with"]):
        yield ctx.finding("ND-01", "last căn cứ line ending", last, ending(last.text),
                          f"ends with “{fact['last_ends_with']}”")


def _can_cu_indent(ctx: Context, lines) -> Iterator[Finding]:
    """ND-01: căn cứ paragraphs carry the body's first-line indent (the first wrong one is named)."""
    for line in lines:
        for finding in indent_findings(ctx, "ND-01", line, "căn cứ"):
            yield finding
            return


def _dieu(ctx: Context) -> Iterator[Finding]:
    """ND-05: "Điều 1. Title" — number followed by ".", label bold."""
    for line in ctx.zones.body:
        match = DIEU.match(line.text)
        if not match:
            continue
        if not line.text[match.end():].startswith("."):
            yield ctx.finding("ND-05", "Điều number followed by “.”", line, f"“{line.text[:match.end() + 2]}”",
                              f"“{match.group(0)}.”")
        label_runs = [r for r, _ in line.pieces[:1]]
        if label_runs and not ctx.run_format(label_runs[0], line.para.element).bold:
            yield ctx.finding("ND-05", "Điều label bold", line, "not bold", "bold")


def _diem(ctx: Context) -> Iterator[Finding]:
    """ND-07: điểm letters follow the Vietnamese alphabet, with no f, j, w, z."""
    letters = FACTS["ND-07"]["letters"]
    for line in ctx.zones.body:
        match = DIEM.match(line.text)
        if match and match.group(1) not in letters:
            yield ctx.finding("ND-07", "điểm letter", line, f"“{match.group(1)})”",
                              "a, b, c, d, đ, e, g … (no f, j, w, z)")


def _ending(ctx: Context) -> Iterator[Finding]:
    body = ctx.zones.body
    if not body:
        return
    required = FACTS["ND-10"]["ends_with"]
    last = body[-1]
    if not last.text.rstrip().endswith(required):
        yield ctx.finding("ND-10", f"content ends with “{required}”", last, ending(last.text),
                          f"“…{required}”")
