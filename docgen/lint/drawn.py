"""Is there a drawn line under a component (QH-03, CQ-04, TL-03), or one typed with dashes?

A Word user draws the line as a shape (DrawingML or VML), as a paragraph border, or — wrongly —
types "-------" / "_____". The line may be anchored in the component's own paragraph or in
the empty paragraph after it.

    >>> rule_under(ctx, zones.tieu_ngu)
    'drawn'
"""
from __future__ import annotations

from docx.oxml.ns import qn

from docgen.lint.context import Context
from docgen.lint.lines import Line, Para
from docgen.lint.textform import is_rule_text

SHAPES = (qn("w:drawing"), qn("w:pict"))
LOOK_AHEAD = 2


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


def rule_under(ctx: Context, line: Line) -> str | None:
    """"drawn", "typed" or None for the component ending with ``line``."""
    para = line.para
    if has_border(para, ("bottom",)) or has_shape(para):
        return "drawn"
    following = ctx.next_para(para)
    for _ in range(LOOK_AHEAD):
        if following is None or following.cell != para.cell:
            return None
        if is_rule_text(following.text):
            return "typed"
        if following.text.strip():
            return None
        if has_border(following, ("top", "bottom")) or has_shape(following):
            return "drawn"
        following = ctx.next_para(following)
    return None
