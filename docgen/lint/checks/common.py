"""Checks shared by every component: size, weight, slant, case, alignment and column.

Each component fact of nd30_facts.toml that carries a text style is checked the same way:

    >>> list(style_findings(ctx, "SK-02", [zones.so], "Số, ký hiệu"))
    [Finding(rule='SK-02', message='Số, ký hiệu: size', paragraph=5, found='12 pt', …)]
"""
from __future__ import annotations

from typing import Iterable, Iterator

from docgen.layout.facts import FACTS, Range
from docgen.lint.context import Context
from docgen.lint.finding import Finding
from docgen.lint.lines import Line
from docgen.lint.textform import is_normal_case, is_title, is_upper

CASE_NAMES = {"upper": "UPPERCASE", "normal": "normal case", "title": "Each Syllable Capitalised"}
CASE_TESTS = {"upper": is_upper, "normal": is_normal_case, "title": is_title}
ALIGN_NAMES = {"left": "left", "center": "centred", "right": "right", "both": "justified"}
TWIPS_PER_CM = 567
INDENT_TOLERANCE_CM = 0.03


def points(value: float) -> str:
    return f"{value:g} pt"


def range_text(r: Range, unit: str = "pt") -> str:
    return f"{r.min:g} {unit}" if r.min == r.max else f"{r.min:g}–{r.max:g} {unit}"


def style_findings(ctx: Context, fact_id: str, lines: Iterable[Line], what: str,
                   skip: tuple[str, ...] = ()) -> Iterator[Finding]:
    """One finding per property of ``fact_id``'s text style that a line of the component breaks."""
    style = FACTS.style(fact_id)
    lines = [l for l in lines if l is not None and l.text]
    checks = (("size", _size), ("bold", _bold), ("italic", _italic), ("case", _case),
              ("align", _align), ("column", _column))
    for name, test in checks:
        if name in skip or getattr(style, name) is None:
            continue
        for line in lines:
            problem = test(ctx, line, getattr(style, name))
            if problem:
                yield ctx.finding(fact_id, f"{what}: {name}", line, *problem)
                break


def _size(ctx: Context, line: Line, allowed: Range) -> tuple[str, str] | None:
    sizes = sorted({f.size_pt for f in ctx.line_formats(line)})
    bad = [s for s in sizes if not allowed.contains(s)]
    return (", ".join(points(s) for s in bad), range_text(allowed)) if bad else None


def _bold(ctx: Context, line: Line, required: bool) -> tuple[str, str] | None:
    if any(f.bold != required for f in ctx.line_formats(line)):
        return ("not bold", "bold") if required else ("bold", "not bold")
    return None


def _italic(ctx: Context, line: Line, required: bool) -> tuple[str, str] | None:
    if any(f.italic != required for f in ctx.line_formats(line)):
        return ("upright", "italic") if required else ("italic", "upright")
    return None


def _case(ctx: Context, line: Line, case: str) -> tuple[str, str] | None:
    shown = ctx.shown_text(line)
    if CASE_TESTS[case](shown):
        return None
    return f"“{shown}”", CASE_NAMES[case]


def _align(ctx: Context, line: Line, align: str) -> tuple[str, str] | None:
    if line.tabbed:
        return None  # placed by tab stops, not by paragraph alignment
    found = ctx.para_format(line.para).align
    return (ALIGN_NAMES.get(found, found), ALIGN_NAMES[align]) if found != align else None


def _column(ctx: Context, line: Line, column: str) -> tuple[str, str] | None:
    if column == "full" or line.column == column:
        return None
    if column == "left" and line.column is None and ctx.para_format(line.para).align == "left":
        return None  # a flush-left paragraph of its own (Nơi nhận under a biên bản's signatures)
    found = f"{line.column} column" if line.column else "full width"
    return found, f"{column} column"


def indent_findings(ctx: Context, fact_id: str, line: Line, what: str) -> Iterator[Finding]:
    """A finding when the paragraph's first-line indent is none of ``fact_id``'s allowed values."""
    allowed = FACTS[fact_id]["first_line_indent_allowed_cm"]
    cm = ctx.para_format(line.para).first_line / TWIPS_PER_CM
    if not any(abs(cm - a) <= INDENT_TOLERANCE_CM for a in allowed):
        yield ctx.finding(fact_id, f"{what}: first-line indent", line, f"{cm:.2f} cm",
                          " or ".join(f"{a:g} cm" for a in allowed))


def grouped(findings: Iterator[Finding], by_found: bool = True) -> Iterator[Finding]:
    """Findings that repeat over many paragraphs: the first of each kind, with a count.

    Kinds are (rule, message, found); with ``by_found`` False, (rule, message) only.
    """
    groups: dict[tuple[str, ...], list[Finding]] = {}
    for finding in findings:
        key = (finding.rule, finding.message, finding.found if by_found else "")
        groups.setdefault(key, []).append(finding)
    for items in groups.values():
        first = items[0]
        if len(items) == 1:
            yield first
        else:
            message = f"{first.message} ({len(items)} paragraphs, first shown)"
            yield Finding(first.rule, message, first.paragraph, first.found, first.expected, first.quote)
