"""Layouts of other offices that the templates do not print, made by editing a rendered DOCX
the way those offices set their pages: a third line in the header (ministry / department /
working group), and a second title in the signature block — above the signature space, or
printed under it beside the name ("TRƯỞNG BAN / (signature) / CHỦ TỊCH UBND TỈNH / name")."""
from __future__ import annotations

import copy
from pathlib import Path

from docx import Document
from docx.shared import Pt


def _cell_paragraphs(doc, table: int, row: int, column: int):
    return doc.tables[table].rows[row].cells[column].paragraphs


def _copy_after(paragraph, text: str):
    """A copy of ``paragraph`` (its formatting) holding ``text``, put right after it."""
    element = copy.deepcopy(paragraph._p)
    paragraph._p.addnext(element)
    new = paragraph._parent.paragraphs[[p._p for p in paragraph._parent.paragraphs].index(element)]
    for run in new.runs[1:]:
        run._r.getparent().remove(run._r)
    new.runs[0].text = text
    return new


def add_header_line(path: Path, text: str) -> Path:
    """A line under the first line of the header's left column (a department between the
    ministry and the issuing body), printed as that first line is."""
    doc = Document(str(path))
    first = _cell_paragraphs(doc, 0, 0, 0)[0]
    _copy_after(first, text.upper())
    doc.save(str(path))
    return path


def add_second_title(path: Path, text: str, under_signature: bool) -> Path:
    """A second title in the signature block: right under the title, or under the signature
    space just above the name."""
    doc = Document(str(path))
    block = _cell_paragraphs(doc, len(doc.tables) - 1, 0, 1)
    title = next(p for p in block if p.paragraph_format.space_after)
    second = _copy_after(title, text.upper())
    if not under_signature:
        title.paragraph_format.space_after, second.paragraph_format.space_after = Pt(0), title.paragraph_format.space_after
    else:
        second.paragraph_format.space_after = Pt(0)
        second.paragraph_format.space_before = title.paragraph_format.space_after
        title.paragraph_format.space_after = Pt(0)
    doc.save(str(path))
    return path


def as_draft(path: Path) -> Path:
    """The number and the day left blank, as in a draft bound behind the Tờ trình that
    proposes it ("Số:      /QĐ-UBND", "…, ngày      tháng 1 năm 2025")."""
    import re

    doc = Document(str(path))
    for row in doc.tables[0].rows[1:2]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                text = paragraph.text
                text = re.sub(r"^(Số:\s*)\d+", r"\1      ", text)
                text = re.sub(r"ngày \d+", "ngày      ", text)
                if text != paragraph.text:
                    for run in paragraph.runs[1:]:
                        run._r.getparent().remove(run._r)
                    paragraph.runs[0].text = text
    doc.save(str(path))
    return path
