"""Page numbers (G-07): a PAGE field centred in the header, 13–14 pt upright, hidden on page 1."""
from __future__ import annotations

import re
from typing import Any, Iterator

from docx.oxml.ns import qn

from docgen.layout.facts import FACTS
from docgen.lint.checks.common import ALIGN_NAMES, points, range_text
from docgen.lint.context import Context
from docgen.lint.finding import Finding

PAGE = re.compile(r"^\s*PAGE\b")


def page_fields(part_element: Any) -> list[tuple[Any, list[Any]]]:
    """(paragraph, runs showing the number) of every PAGE field in a header or footer."""
    found = []
    for p in part_element.iter(qn("w:p")):
        for simple in p.iter(qn("w:fldSimple")):
            if PAGE.match(simple.get(qn("w:instr"), "")):
                found.append((p, simple.findall(qn("w:r"))))
        for instr in p.iter(qn("w:instrText")):
            if PAGE.match(instr.text or ""):
                found.append((p, _field_runs(p, instr.getparent())))
    return found


def _field_runs(p: Any, instr_run: Any) -> list[Any]:
    """The runs of a complex field, from its ``begin`` to its ``end`` fldChar."""
    runs: list[Any] = []
    for r in p.iter(qn("w:r")):
        kind = _char_kind(r)
        if kind == "begin" and instr_run not in runs:
            runs = []
        runs.append(r)
        if kind == "end" and instr_run in runs:
            break
    return runs if instr_run in runs else [instr_run]


def _char_kind(r: Any) -> str | None:
    char = r.find(qn("w:fldChar"))
    return char.get(qn("w:fldCharType")) if char is not None else None


def check(ctx: Context) -> Iterator[Finding]:
    section = ctx.document.sections[0]
    header = None if section.header.is_linked_to_previous else section.header._element
    fields = page_fields(header) if header is not None else []
    if not fields:
        yield ctx.finding("G-07", "page number", None, _elsewhere(section), "a PAGE field centred in the header")
        return
    yield from _look(ctx, *fields[0])
    yield from _first_page(ctx, section)


def _elsewhere(section) -> str:
    footer = None if section.footer.is_linked_to_previous else section.footer._element
    return "a page number in the footer" if footer is not None and page_fields(footer) else "no PAGE field"


def _look(ctx: Context, p: Any, runs: list[Any]) -> Iterator[Finding]:
    fact = FACTS["G-07"]
    align = ctx.resolver.para_format(p).align
    if align != fact["align"]:
        yield ctx.finding("G-07", "page number alignment", None, ALIGN_NAMES.get(align, align),
                          ALIGN_NAMES[fact["align"]])
    formats = [ctx.resolver.run_format(r, p) for r in runs]
    allowed = fact.range("size_pt")
    sizes = sorted({f.size_pt for f in formats if not allowed.contains(f.size_pt)})
    if sizes:
        yield ctx.finding("G-07", "page number size", None, ", ".join(points(s) for s in sizes), range_text(allowed))
    if any(f.bold for f in formats) or any(f.italic for f in formats):
        yield ctx.finding("G-07", "page number style", None, "bold or italic", "upright, not bold")


def _first_page(ctx: Context, section) -> Iterator[Finding]:
    if not FACTS["G-07"]["hidden_on_first_page"]:
        return
    if not section.different_first_page_header_footer:
        yield ctx.finding("G-07", "page number hidden on page 1", None, "shown on page 1",
                          "a different first page (titlePg) without the number")
        return
    first = section.first_page_header
    if not first.is_linked_to_previous and page_fields(first._element):
        yield ctx.finding("G-07", "page number hidden on page 1", None, "a PAGE field in the first-page header",
                          "no number on page 1")
