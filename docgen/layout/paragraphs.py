"""Paragraphs styled from the facts table: ``Writer(cell).line("Số: 05/KH-UBND", "SK-02")``.

Each component's size, bold, italic, case and alignment come from its fact id; a caller may
override one attribute where a fact does not say (e.g. the alignment of a Nơi nhận entry).
"""
from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, replace
from functools import lru_cache

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips
from docx.text.paragraph import Paragraph

from docgen.layout import ooxml
from docgen.layout.facts import FACTS, pt_to_half_points

FONT = FACTS["G-04"]["font"]
ALIGN = {
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "both": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
LINE_EIGHTHS = round(FACTS["LINES"].default("thickness_pt") * 8)


@dataclass(frozen=True)
class Look:
    """The resolved format of one paragraph's text."""

    size: float
    bold: bool = False
    italic: bool = False
    upper: bool = False
    align: str | None = None
    color: str | None = None


def look(fact_id: str, **overrides) -> Look:
    """The Look a fact asks for: ``look("NN-03")`` → 12 pt, bold, italic."""
    return _look(fact_id, tuple(sorted(overrides.items())))


@lru_cache(maxsize=512)
def _look(fact_id: str, overrides: tuple) -> Look:
    style = FACTS.style(fact_id)
    base = Look(
        size=style.size.default if style.size else FACTS.size("G-05"),
        bold=bool(style.bold),
        italic=bool(style.italic),
        upper=style.case == "upper",
        align=style.align,
        color=FACTS[fact_id].get("color"),
    )
    return replace(base, **dict(overrides)) if overrides else base


@dataclass(frozen=True)
class Spacing:
    """Paragraph geometry in points / twips (None = leave the default)."""

    before: float = 0
    after: float = 0
    line: float | None = None
    first_indent_twips: int | None = None
    left_twips: int | None = None
    right_twips: int | None = None
    keep_next: bool = False
    exact_line_pt: float | None = None


def _format(paragraph, style: Look, spacing: Spacing) -> None:
    """Set alignment, spacing, indents and the paragraph-mark font through python-docx."""
    fmt = paragraph.paragraph_format
    if style.align:
        fmt.alignment = ALIGN[style.align]
    fmt.space_before = Pt(spacing.before)
    fmt.space_after = Pt(spacing.after)
    if spacing.line is not None:
        fmt.line_spacing = spacing.line
    if spacing.exact_line_pt is not None:
        fmt.line_spacing = Pt(spacing.exact_line_pt)
    if spacing.first_indent_twips is not None:
        fmt.first_line_indent = Twips(spacing.first_indent_twips)
    if spacing.left_twips is not None:
        fmt.left_indent = Twips(spacing.left_twips)
    if spacing.right_twips is not None:
        fmt.right_indent = Twips(spacing.right_twips)
    if spacing.keep_next:
        fmt.keep_with_next = True
    ooxml.mark_properties(paragraph._p, FONT, pt_to_half_points(style.size), style.bold, style.italic)


@lru_cache(maxsize=1024)
def paragraph_prototype(style: Look, spacing: Spacing):
    """An empty ``<w:p>`` with its properties, built once per (look, spacing) and copied after."""
    element = OxmlElement("w:p")
    _format(Paragraph(element, None), style, spacing)
    return element


@lru_cache(maxsize=256)
def run_prototype(style: Look):
    """A ``<w:r>`` with its properties and an empty text, built once per look."""
    return ooxml.make_run("", FONT, pt_to_half_points(style.size), style.bold, style.italic, style.color)


@lru_cache(maxsize=256)
def rule_prototype(side_twips: int, keep_next: bool, after_pt: float):
    """The empty 1 pt paragraph whose top border is a drawn line (see ``Writer.rule``)."""
    height = FACTS["LINES"]["rule_paragraph_height_pt"]
    spacing = Spacing(before=FACTS["LINES"]["rule_gap_pt"], after=after_pt, exact_line_pt=height,
                      left_twips=side_twips, right_twips=side_twips, keep_next=keep_next)
    element = deepcopy(paragraph_prototype(Look(size=height), spacing))
    ooxml.rule_line(element, LINE_EIGHTHS)
    return element


def _element_of(container):
    """The XML element paragraphs are appended to (body, table cell, header or footer)."""
    if hasattr(container, "_tc"):
        return container._tc
    if hasattr(container, "element") and hasattr(container.element, "body"):
        return container.element.body
    return container._element


def place(container, element) -> None:
    """Append a block element to a container (before the body's sectPr)."""
    parent = _element_of(container)
    sect = parent.find(qn("w:sectPr"))
    if sect is not None:
        sect.addprevious(element)
    else:
        parent.append(element)


def keep_last_with_next(container) -> None:
    """Keep the last paragraph with what follows (the body's last line with the signature)."""
    paragraphs = _element_of(container).findall(qn("w:p"))
    if paragraphs:
        Paragraph(paragraphs[-1], container).paragraph_format.keep_with_next = True


class Writer:
    """Adds paragraphs to a body, table cell, header or footer (a cell's first empty one is reused).

    Paragraph properties come from prototypes built once per look, so a document of thirty
    paragraphs costs thirty small copies rather than thirty rounds of property setting.
    """

    def __init__(self, container, reuse_first: bool | None = None):
        self.container = container
        self.element = _element_of(container)
        if reuse_first is None:  # a new table cell comes with one empty paragraph: use it
            reuse_first = hasattr(container, "_tc")
        first = self.element.find(qn("w:p")) if reuse_first else None
        self._fresh = first if first is not None and first.find(qn("w:r")) is None else None

    def _place(self, p_element) -> Paragraph:
        if self._fresh is not None:
            self._fresh.getparent().replace(self._fresh, p_element)
            self._fresh = None
        else:
            place(self.container, p_element)
        return Paragraph(p_element, self.container)

    def line(self, text: str, fact_id: str | Look, spacing: Spacing = Spacing(), **overrides) -> Paragraph:
        """One paragraph holding ``text`` in the look of ``fact_id``."""
        style = fact_id if isinstance(fact_id, Look) else look(fact_id, **overrides)
        element = deepcopy(paragraph_prototype(style, spacing))
        if text:
            element.append(self._run(text, style))
        return self._place(element)

    def runs(self, parts: list[tuple[str, Look]], paragraph_look: Look, spacing: Spacing = Spacing()) -> Paragraph:
        """One paragraph of several runs with their own looks ('Điều 1.' bold + text)."""
        element = deepcopy(paragraph_prototype(paragraph_look, spacing))
        for text, style in parts:
            element.append(self._run(text, style))
        return self._place(element)

    @staticmethod
    def _run(text: str, style: Look):
        run = deepcopy(run_prototype(style))
        run[-1].text = ooxml.xml_safe(text.upper() if style.upper else text)
        return run

    def rule(self, length_twips: float, width_twips: int, keep_next: bool = False, after_pt: float = 0) -> Paragraph:
        """A drawn line ``length_twips`` long, centred in a space ``width_twips`` wide.

        An empty 1 pt paragraph carries a top border; its indents make the border that long.
        """
        side = max(0, round((width_twips - length_twips) / 2))
        return self._place(deepcopy(rule_prototype(side, keep_next, after_pt)))
