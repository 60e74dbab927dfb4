"""Drawn lines under a component (QH-03, CQ-04, TL-03) and how long they are.

A Word user draws the line as a shape (DrawingML or VML), as a paragraph border, or — wrongly —
types "-------" / "_____". The line may be anchored in the component's own paragraph or in
the empty paragraph after it. Lengths are in points: a border runs across its paragraph (the
cell or text width less the indents), a shape is as wide as its extent.

    >>> rule = rule_under(ctx, zones.tieu_ngu)
    >>> rule.kind, round(rule.length_pt)
    ('drawn', 159)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn

from docgen.lint.context import Context
from docgen.lint.lines import Line, Para
from docgen.lint.styles import enclosing
from docgen.lint.textform import is_rule_text

SHAPES = (qn("w:drawing"), qn("w:pict"))
LOOK_AHEAD = 2
EMU_PER_PT = 12700
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
DEFAULT_CELL_MARGIN = 108  # twips, Word's default left/right cell margin
VML_WIDTH = re.compile(r"width:\s*([\d.]+)(pt|in|cm|mm|px)?")
UNIT_PT = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "px": 0.75, None: 0.75}


@dataclass(frozen=True)
class Rule:
    """A line under a component: ``kind`` "drawn" or "typed"; ``length_pt`` when measurable."""

    kind: str
    length_pt: float | None = None


def has_shape(para: Para) -> bool:
    return any(True for tag in SHAPES for _ in para.element.iter(tag))


def has_border(para: Para, sides: tuple[str, ...]) -> bool:
    ppr = para.element.find(qn("w:pPr"))
    borders = ppr.find(qn("w:pBdr")) if ppr is not None else None
    if borders is None:
        return False
    for side in sides:
        edge = borders.find(qn(f"w:{side}"))
        if edge is not None and edge.get(qn("w:val")) not in (None, "nil", "none"):
            return True
    return False


def rule_under(ctx: Context, line: Line) -> Rule | None:
    """The line drawn (or typed) under the component that ends with ``line``."""
    para = line.para
    if has_shape(para):
        return Rule("drawn", shape_width_pt(para))
    if has_border(para, ("bottom",)):
        return Rule("drawn", paragraph_width_pt(ctx, para))
    following = ctx.next_para(para)
    for _ in range(LOOK_AHEAD):
        if following is None or following.cell != para.cell:
            return None
        if is_rule_text(following.text):
            return Rule("typed")
        if following.text.strip():
            return None
        if has_shape(following):
            return Rule("drawn", shape_width_pt(following))
        if has_border(following, ("top", "bottom")):
            return Rule("drawn", paragraph_width_pt(ctx, following))
        following = ctx.next_para(following)
    return None


def shape_width_pt(para: Para) -> float | None:
    """Width of the first shape in the paragraph (DrawingML extent or VML style width)."""
    for extent in para.element.iter(f"{{{WP_NS}}}extent"):
        return int(extent.get("cx", "0")) / EMU_PER_PT or None
    for element in para.element.iter():
        match = VML_WIDTH.search(element.get("style") or "")
        if match:
            return float(match.group(1)) * UNIT_PT[match.group(2)]
    return None


def paragraph_width_pt(ctx: Context, para: Para) -> float | None:
    """Width a paragraph's text (and border) spans: its container less its indents."""
    width = container_width_twips(ctx, para)
    if width is None:
        return None
    props = ctx.resolver.para_props(para.element)
    right = _right_indent(para.element)
    return (width - (props.get("ind.left") or 0) - right) / 20


def _right_indent(p: Any) -> int:
    ppr = p.find(qn("w:pPr"))
    ind = ppr.find(qn("w:ind")) if ppr is not None else None
    if ind is None:
        return 0
    value = ind.get(qn("w:right")) or ind.get(qn("w:end")) or "0"
    return int(float(value))


def container_width_twips(ctx: Context, para: Para) -> int | None:
    """The text width of the page, or of the table cell the paragraph sits in (dxa widths only)."""
    if para.cell is None:
        section = ctx.document.sections[0]
        return section.page_width.twips - section.left_margin.twips - section.right_margin.twips
    tc = enclosing(para.element, "w:tc")
    width = _cell_width(tc)
    if width is None:
        return None
    return width - sum(_cell_margin(ctx, tc, side) for side in (("left", "start"), ("right", "end")))


def _cell_margin(ctx: Context, tc: Any, names: tuple[str, str]) -> int:
    """A cell's inner margin: the cell's own, the table's, its style's, else Word's default."""
    table = tc.getparent().getparent()
    holders = [tc.find(f"{qn('w:tcPr')}/{qn('w:tcMar')}"), table.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}")]
    style = table.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
    style_id = style.get(qn("w:val")) if style is not None else ctx.resolver.default_style_id("table")
    holders += [s.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}") for s in reversed(ctx.resolver.chain(style_id))]
    for holder in holders:
        for name in names if holder is not None else ():
            edge = holder.find(qn(f"w:{name}"))
            if edge is not None and edge.get(qn("w:type"), "dxa") == "dxa":
                return int(float(edge.get(qn("w:w"), "0")))
    return DEFAULT_CELL_MARGIN


def _cell_width(tc: Any) -> int | None:
    """The cell's width: its own w:tcW in dxa, else the table grid's columns it spans."""
    tcw = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
    if tcw is not None and tcw.get(qn("w:type"), "dxa") == "dxa" and tcw.get(qn("w:w")):
        return int(float(tcw.get(qn("w:w"))))
    row = tc.getparent()
    table = row.getparent()
    grid = [int(float(c.get(qn("w:w"), "0"))) for c in table.iter(qn("w:gridCol"))]
    cells = row.findall(qn("w:tc"))
    index = sum(_span(c) for c in cells[: cells.index(tc)])
    widths = grid[index: index + _span(tc)]
    return sum(widths) if widths and all(widths) else None


def _span(tc: Any) -> int:
    span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    return int(span.get(qn("w:val"))) if span is not None else 1
