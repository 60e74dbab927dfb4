"""Paragraphs styled from the facts table: ``Writer(cell).line("Số: 05/KH-UBND", "SK-02")``.

Each component's size, bold, italic, case and alignment come from its fact id; a caller may
override one attribute where a fact does not say (e.g. the alignment of a Nơi nhận entry).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, Twips

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
    style = FACTS.style(fact_id)
    base = Look(
        size=style.size.default if style.size else FACTS.size("G-05"),
        bold=bool(style.bold),
        italic=bool(style.italic),
        upper=style.case == "upper",
        align=style.align,
        color=FACTS[fact_id].get("color"),
    )
    return replace(base, **overrides) if overrides else base


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


class Writer:
    """Adds paragraphs to a body or a table cell (reusing a cell's first empty paragraph)."""

    def __init__(self, container, reuse_first: bool | None = None):
        self.container = container
        if reuse_first is None:  # a new table cell comes with one empty paragraph: use it
            reuse_first = hasattr(container, "vertical_alignment")
        self._fresh = container.paragraphs[0] if reuse_first and container.paragraphs else None

    def _paragraph(self):
        if self._fresh is not None:
            paragraph, self._fresh = self._fresh, None
            return paragraph
        return self.container.add_paragraph()

    def line(self, text: str, fact_id: str | Look, spacing: Spacing = Spacing(), **overrides):
        """One paragraph holding ``text`` in the look of ``fact_id``."""
        style = fact_id if isinstance(fact_id, Look) else look(fact_id, **overrides)
        paragraph = self._paragraph()
        self.format(paragraph, style, spacing)
        if text:
            self.append(paragraph, text, style)
        return paragraph

    def runs(self, parts: list[tuple[str, Look]], paragraph_look: Look, spacing: Spacing = Spacing()):
        """One paragraph of several runs with their own looks ('Điều 1.' bold + text)."""
        paragraph = self._paragraph()
        self.format(paragraph, paragraph_look, spacing)
        for text, style in parts:
            self.append(paragraph, text, style)
        return paragraph

    @staticmethod
    def append(paragraph, text: str, style: Look) -> None:
        shown = text.upper() if style.upper else text
        paragraph._p.append(ooxml.make_run(shown, FONT, pt_to_half_points(style.size),
                                           style.bold, style.italic, style.color))

    @staticmethod
    def format(paragraph, style: Look, spacing: Spacing) -> None:
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

    def rule(self, length_twips: float, width_twips: int, keep_next: bool = False, after_pt: float = 0):
        """A drawn line ``length_twips`` long, centred in a space ``width_twips`` wide.

        An empty 1 pt paragraph carries a top border; its indents make the border that long.
        """
        height = FACTS["LINES"]["rule_paragraph_height_pt"]
        side = max(0, round((width_twips - length_twips) / 2))
        paragraph = self._paragraph()
        fmt = paragraph.paragraph_format
        fmt.space_before = Pt(FACTS["LINES"]["rule_gap_pt"])
        fmt.space_after = Pt(after_pt)
        fmt.line_spacing = Pt(height)
        fmt.left_indent = Twips(side)
        fmt.right_indent = Twips(side)
        if keep_next:
            fmt.keep_with_next = True
        ooxml.rule_line(paragraph._p, LINE_EIGHTHS)
        ooxml.mark_properties(paragraph._p, FONT, pt_to_half_points(height))
        return paragraph
