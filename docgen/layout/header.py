"""The header block of page 1 (ô 1–5b, 10, 11): a borderless two-column table.

Row 1: parent and issuing body, drawn line | Quốc hiệu, Tiêu ngữ, drawn line.
Row 2: Số, ký hiệu | place and date — one row, so the two always share a line (DT-01).
Row 3 (when needed): V/v trích yếu of a công văn (ô 5b) and the secrecy/urgency marks (ô 10a/b).
"""
from __future__ import annotations

from docgen.layout import ooxml
from docgen.layout.content import Content, Marks
from docgen.layout.facts import FACTS, mm_to_twips
from docgen.layout.measure import longest_line_pt, text_width_pt
from docgen.layout.page import Geometry
from docgen.layout.paragraphs import LINE_EIGHTHS, Spacing, Writer, look
from docgen.layout.tables import grid

QUOC_HIEU = FACTS["QH-01"]["text"]
TIEU_NGU = FACTS["QH-02"]["text"]


def _names(cell, content: Content, width: int) -> None:
    """Ô 2: parent name(s) not bold, issuing body bold, a line 1/3–1/2 of its longest line."""
    writer = Writer(cell)
    if content.parent:
        for line in content.parent.split("\n"):
            writer.line(line, "CQ-03")
    for line in content.agency.split("\n"):
        writer.line(line, "CQ-02")
    agency = look("CQ-02")
    longest = longest_line_pt(content.agency.upper(), width / 20, agency.size, bold=agency.bold)
    writer.rule(longest * 20 * FACTS["CQ-04"].default("length_ratio"), width)


def _national(cell, width: int) -> None:
    """Ô 1: Quốc hiệu on one line, Tiêu ngữ under it, a line as long as the Tiêu ngữ."""
    writer = Writer(cell)
    writer.line(QUOC_HIEU, "QH-01")
    writer.line(TIEU_NGU, "QH-02")
    style = look("QH-02")
    length = text_width_pt(TIEU_NGU, style.size, bold=style.bold) * 20
    writer.rule(length * FACTS["QH-03"].default("length_ratio"), width)


def _number_and_date(row: list, content: Content) -> None:
    """Ô 3 and ô 4 on the same line."""
    before = FACTS["SPACING"]["number_line_space_before_pt"]
    spacing = Spacing(before=before)
    if content.so_ky_hieu is not None:
        text = FACTS["SK-02"]["prefix"] + content.so_ky_hieu
        Writer(row[0]).line(text, "SK-02", spacing, align=FACTS["SK-01"]["align"])
    if content.place_date:
        Writer(row[1]).line(content.place_date, "DT-02", spacing, align=FACTS["DT-01"]["align"])


def _stamp(writer: Writer, text: str, fact_id: str, width: int) -> None:
    """A mark in a single-line frame, centred in ``width`` (MK-01/02/03)."""
    style = look(fact_id)
    frames = FACTS[fact_id].get("frame_width_mm", {})
    frame = mm_to_twips(frames[text]) if text in frames else (
        text_width_pt(text, style.size, bold=True) * 20 + mm_to_twips(6))
    side = max(0, round((width - frame) / 2))
    height_pt = FACTS[fact_id].get("frame_height_mm", 8) * 72 / 25.4 - 2
    spacing = Spacing(before=6, left_twips=side, right_twips=side, exact_line_pt=height_pt)
    paragraph = writer.line(text, fact_id, spacing, align="center")
    ooxml.box_border(paragraph._p, LINE_EIGHTHS, style.color or "000000")


def _left_extras(cell, content: Content, width: int) -> None:
    """Ô 5b (V/v of a công văn) and ô 10a/10b (secrecy, urgency)."""
    writer = Writer(cell)
    if content.is_cong_van and content.trich_yeu:
        space = FACTS["TL-04"]["space_before_pt"]
        for index, line in enumerate(content.trich_yeu.split("\n")):
            text = FACTS["TL-04"]["prefix"] + line if index == 0 else line
            writer.line(text, "TL-04", Spacing(before=space if index == 0 else 0))
    if content.marks.secrecy:
        _stamp(writer, content.marks.secrecy, "MK-01", width)
    if content.marks.urgency:
        _stamp(writer, content.marks.urgency, "MK-02", width)


def _has_extras(content: Content) -> bool:
    return bool((content.is_cong_van and content.trich_yeu) or content.marks.secrecy or content.marks.urgency)


def add_circulation(body, marks: Marks, geometry: Geometry) -> None:
    """Ô 11: 'LƯU HÀNH NỘI BỘ' … above the header block."""
    if marks.circulation:
        _stamp(Writer(body), marks.circulation, "MK-03", geometry.text_width)


def add_header(body, content: Content, geometry: Geometry, with_number: bool = True) -> None:
    """The whole header table; ``with_number=False`` gives the header of an attached text."""
    widths = geometry.header_columns
    extras = with_number and _has_extras(content)
    cells = grid(body, 1 + int(with_number) + int(extras), widths)
    _names(cells[0][0], content, widths[0])
    _national(cells[0][1], widths[1])
    if with_number:
        _number_and_date(cells[1], content)
    if extras:
        _left_extras(cells[2][0], content, widths[0])
