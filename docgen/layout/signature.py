"""Ô 7 (signature block), ô 9b (Nơi nhận), ô 12 (drafter and copies), ô 13 (address footer).

One signer: a borderless table, Nơi nhận left and the signer right, so that "Nơi nhận:" is level
with the first quyền hạn line (NN-03). Two signers (biên bản): THƯ KÝ left, CHỦ TỌA right, then
Nơi nhận under them.

>>> noi_nhan_lines(["Như trên", "Sở Tài chính;", "Lưu: VT, VP"])
['- Như trên;', '- Sở Tài chính;', '- Lưu: VT, VP.']
"""
from __future__ import annotations

from docgen.layout import ooxml
from docgen.layout.content import Content, Signer
from docgen.layout.facts import FACTS
from docgen.layout.page import Geometry
from docgen.layout.paragraphs import LINE_EIGHTHS, Spacing, Writer, look
from docgen.layout.tables import grid
from docgen.layout.title import list_lines

ENTRY = FACTS["NN-04"]


def noi_nhan_lines(entries: list[str]) -> list[str]:
    """Entries as printed: '- X;' and the last (the Lưu line) ending '.'."""
    return list_lines(entries, ENTRY["item_prefix"] + " ", ENTRY["ends_with"], ".")


def _signer(cell, signer: Signer, space_before: float) -> None:
    """Quyền hạn and chức vụ lines (bold, capitals), room for the signature, the name (bold)."""
    writer = Writer(cell)
    size = look("CK-02").size
    gap = FACTS["CK-03"]["signature_gap_lines"] * size * 1.15
    lines = signer.lines or [""]
    for index, line in enumerate(lines):
        last = index == len(lines) - 1
        spacing = Spacing(before=space_before if index == 0 else 0, after=gap if last else 0, keep_next=True)
        writer.line(line, "CK-02", spacing)
    writer.line(signer.name, "CK-03")


def _noi_nhan(cell_or_body, entries: list[str], drafter: str | None, space_before: float = 0) -> None:
    writer = Writer(cell_or_body)
    if entries:
        writer.line(FACTS["NN-03"]["label"], "NN-03", Spacing(before=space_before))
        for line in noi_nhan_lines(entries):
            writer.line(line, "NN-04", align=ENTRY["align"])
    if drafter:
        writer.line(drafter, "KH-01", Spacing(before=6), align="left")


def add_signatures(body, content: Content, signers: list[Signer], geometry: Geometry, with_noi_nhan: bool = True) -> None:
    """The signature table (and the Nơi nhận block beside or under it)."""
    before = FACTS["SPACING"]["title_space_before_pt"]
    if len(signers) >= 2:
        half = geometry.text_width // 2
        left, right = grid(body, 1, (half, geometry.text_width - half), keep_rows=True)[0]
        _signer(left, signers[0], before)
        _signer(right, signers[1], before)
        if with_noi_nhan:
            _noi_nhan(body, content.noi_nhan, content.drafter, space_before=before)
        return
    left, right = grid(body, 1, geometry.signature_columns, keep_rows=True)[0]
    if with_noi_nhan:
        _noi_nhan(left, content.noi_nhan, content.drafter, space_before=before)
    if signers:
        _signer(right, signers[0], before)


def add_address_footer(footer, lines: list[str]) -> None:
    """Ô 13 on page 1 only (the first-page footer), under a full-width line (DC-01)."""
    if not lines:
        return
    writer = Writer(footer, reuse_first=True)
    for index, line in enumerate(lines):
        paragraph = writer.line(line, "DC-01", align="left")
        if index == 0:
            ooxml.rule_line(paragraph._p, LINE_EIGHTHS)
