"""Page, font and body typesetting: G-01 … G-06 of ND30_SPEC.md."""
from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from docgen.layout.facts import FACTS, twips_to_mm
from docgen.lint.checks.common import ALIGN_NAMES, grouped, indent_findings, range_text, style_findings
from docgen.lint.context import Context
from docgen.lint.finding import Finding
from docgen.lint.textform import is_upper

SIZE_TOLERANCE_MM = 1.0  # Word and LibreOffice round A4 to whole twips differently
MARGIN_TOLERANCE_MM = 0.1
MARGINS = (("top", "top_mm"), ("bottom", "bottom_mm"), ("left", "left_mm"), ("right", "right_mm"))
BLACK = {None, "auto", "000000"}


def check(ctx: Context) -> Iterator[Finding]:
    for section in ctx.document.sections:
        yield from _paper(ctx, section)
        yield from _margins(ctx, section)
    yield from _fonts(ctx)
    yield from _colour(ctx)
    yield from _body(ctx)


def _paper(ctx: Context, section) -> Iterator[Finding]:
    fact = FACTS["G-01"]
    width, height = section.page_width.mm, section.page_height.mm
    if height < width:
        yield ctx.finding("G-02", "orientation", None, "landscape", FACTS["G-02"]["orientation"])
        width, height = height, width
    if abs(width - fact["width_mm"]) > SIZE_TOLERANCE_MM or abs(height - fact["height_mm"]) > SIZE_TOLERANCE_MM:
        yield ctx.finding("G-01", "paper size", None, f"{width:.0f} × {height:.0f} mm",
                          f"A4, {fact['width_mm']} × {fact['height_mm']} mm")


def _margins(ctx: Context, section) -> Iterator[Finding]:
    fact = FACTS["G-03"]
    for side, key in MARGINS:
        value = getattr(section, f"{side}_margin")
        allowed = fact.range(key)
        mm = twips_to_mm(value.twips) if value is not None else 0.0
        if not allowed.contains(mm, MARGIN_TOLERANCE_MM):
            yield ctx.finding("G-03", f"{side} margin", None, f"{mm:.1f} mm", range_text(allowed, "mm"))


def _fonts(ctx: Context) -> Iterator[Finding]:
    """G-04: one finding per wrong font, at the first paragraph that shows it."""
    required = FACTS["G-04"]["font"]
    slots = FACTS["G-04"]["rfonts_slots"]
    wrong: dict[str, list] = defaultdict(list)  # font → [first line, slots, count]
    for line in ctx.lines:
        for fmt in ctx.line_formats(line):
            for slot in slots:
                font = fmt.fonts.get(slot)
                if font != required:
                    entry = wrong.setdefault(font or "(not set)", [line, set(), set()])
                    entry[1].add(slot)
                    entry[2].add(line.para.index)
    for font, (line, bad_slots, where) in wrong.items():
        names = ", ".join(s for s in slots if s in bad_slots)
        yield ctx.finding("G-04", f"font ({names} slot) in {len(where)} paragraph(s)", line, font, required)


def _colour(ctx: Context) -> Iterator[Finding]:
    marks = {id(l) for l in ctx.zones.marks}  # urgency marks are red (MK-02)
    for line in ctx.lines:
        if id(line) in marks:
            continue
        colours = {f.color for f in ctx.line_formats(line)} - BLACK
        if colours:
            yield ctx.finding("G-04", "text colour", line, ", ".join(sorted(colours)), "black")
            return


def _body(ctx: Context) -> Iterator[Finding]:
    """G-05 size of every body paragraph; G-06 alignment, indent and spacing of running text."""
    body = ctx.zones.body
    yield from grouped(style_findings_all(ctx, "G-05", body, "body text"))
    running = [l for l in body if _is_running_text(ctx, l)]
    yield from grouped(_g06(ctx, running))


def style_findings_all(ctx: Context, fact_id: str, lines, what: str) -> Iterator[Finding]:
    for line in lines:
        yield from style_findings(ctx, fact_id, [line], what)


def _is_running_text(ctx: Context, line) -> bool:
    """Body text a reader reads as prose: not a heading, not a short centred line."""
    if line.tabbed or is_upper(line.text) or line.para.cell is not None:
        return False
    if _is_heading(ctx, line):
        return False
    centred = ctx.para_format(line.para).align == "center"
    return not (centred and len(line.text) < 80)


def _is_heading(ctx: Context, line) -> bool:
    """A short line in bold that does not end a sentence: "1. Mục đích", "Điều 2. Hiệu lực"."""
    formats = ctx.line_formats(line)
    short = len(line.text) < 80 and not line.text.rstrip().endswith((".", ";", ":"))
    return short and bool(formats) and all(f.bold for f in formats)


def _g06(ctx: Context, lines) -> Iterator[Finding]:
    fact = FACTS["G-06"]
    seen: set[int] = set()
    for line in lines:
        if line.para.index in seen:
            continue
        seen.add(line.para.index)
        fmt = ctx.para_format(line.para)
        if fmt.align != fact["align"]:
            yield ctx.finding("G-06", "body paragraph: align", line, ALIGN_NAMES.get(fmt.align, fmt.align),
                              ALIGN_NAMES[fact["align"]])
        yield from indent_findings(ctx, "G-06", line, "body paragraph")
        after = fact.range("space_after_pt")
        if fmt.after / 20 < after.min and fmt.before / 20 < after.min:
            yield ctx.finding("G-06", "body paragraph: space between paragraphs", line,
                              f"{max(fmt.after, fmt.before) / 20:g} pt", f"at least {after.min:g} pt")
        spacing = fact.range("line_spacing")
        if fmt.line_spacing is not None and not spacing.contains(fmt.line_spacing, 0.01):
            yield ctx.finding("G-06", "body paragraph: line spacing", line, f"{fmt.line_spacing:g} lines",
                              f"{spacing.min:g}–{spacing.max:g} lines")
