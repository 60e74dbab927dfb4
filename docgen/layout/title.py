"""Ô 5a (tên loại, trích yếu and the line under it) and ô 9a (Kính gửi).

>>> kinh_gui_lines(["Sở Nội vụ;", "Sở Tài chính"])
['- Sở Nội vụ;', '- Sở Tài chính.']
"""
from __future__ import annotations

from docgen.layout.facts import FACTS, cm_to_twips
from docgen.layout.measure import longest_line_pt, text_width_pt
from docgen.layout.page import Geometry
from docgen.layout.paragraphs import Spacing, Writer, look


def strip_end(text: str, marks: str = ";.,:") -> str:
    """An entry without its final punctuation: 'Sở Nội vụ;' → 'Sở Nội vụ'."""
    return text.strip().rstrip(marks).rstrip()


def list_lines(items: list[str], prefix: str, sep: str, last: str) -> list[str]:
    """'- a;', '- b;', …, '- z.': the punctuation of NN-02 / NN-04 / NN-05."""
    cleaned = [strip_end(item).lstrip("-–•+ ").strip() for item in items if item.strip()]
    return [f"{prefix}{item}{last if i == len(cleaned) - 1 else sep}" for i, item in enumerate(cleaned)]


def kinh_gui_lines(items: list[str]) -> list[str]:
    fact = FACTS["NN-02"]
    return list_lines(items, fact["item_prefix"], fact["ends_with"], fact["last_ends_with"])


def add_title(body, type_name: str, trich_yeu: str | None, geometry: Geometry, reference: str | None = None) -> None:
    """Tên loại (bold, upper case), trích yếu (bold), a centred line 1/3–1/2 of the trích yếu;
    ``reference`` is the italic '(Kèm theo Quyết định số …)' line of an attached text (PL-03)."""
    writer = Writer(body)
    before = FACTS["SPACING"]["title_space_before_pt"]
    writer.line(type_name, "TL-01", Spacing(before=before, keep_next=True))
    underlined = type_name
    underlined_fact = "TL-01"
    if trich_yeu:
        for line in trich_yeu.split("\n"):
            writer.line(line, "TL-02", Spacing(keep_next=True))
        underlined, underlined_fact = trich_yeu, "TL-02"
    style = look(underlined_fact)
    text = underlined.upper() if style.upper else underlined
    longest = longest_line_pt(text, geometry.text_width / 20, style.size, bold=style.bold)
    writer.rule(longest * 20 * FACTS["TL-03"].default("length_ratio"), geometry.text_width,
                keep_next=bool(reference), after_pt=FACTS["SPACING"]["body_space_before_pt"])
    if reference:
        writer.line(reference, "PL-03", Spacing(before=6, after=6))


def add_kinh_gui(body, label: str, recipients: list[str], geometry: Geometry) -> None:
    """One recipient: 'Kính gửi: X' on one line; several: '- X;' lines with the dashes under the colon."""
    if not recipients:
        return
    writer = Writer(body)
    fact = FACTS["NN-02"]
    indent = cm_to_twips(fact["label_indent_cm"])
    spacing = Spacing(before=FACTS["SPACING"]["title_space_before_pt"], first_indent_twips=indent)
    after = FACTS["SPACING"]["body_space_before_pt"]
    if len(recipients) == 1:
        spacing = Spacing(before=spacing.before, after=after, first_indent_twips=indent)
        writer.line(f"{label} {strip_end(recipients[0])}", "NN-01", spacing, align="left")
        return
    writer.line(label, "NN-01", spacing, align="left")
    style = look("NN-01")
    colon = indent + round(text_width_pt(label.rstrip(":"), style.size) * 20)
    lines = kinh_gui_lines(recipients)
    for index, line in enumerate(lines):
        last = index == len(lines) - 1
        writer.line(line, "NN-01", Spacing(after=after if last else 0, left_twips=colon), align="left")
