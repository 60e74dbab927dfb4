"""Write ``wrong_cong_van.docx``: a công văn as a colleague might type it in Word, with the usual slips.

The README's before/after of ``docgen lint`` runs on this file:

    python docs/examples/make_wrong_cong_van.py wrong_cong_van.docx
    docgen lint wrong_cong_van.docx
    docgen lint wrong_cong_van.docx --fix -o fixed.docx

What is wrong on purpose: Word's default 2.54 cm margins; the font set to Times New Roman only in
the Latin slots (the East Asian and complex-script slots keep the theme font); "Số: 15 /UBND-VP"
with a space; the date "ngày 5 tháng 03"; "Kính gửi" without its colon; a body paragraph left
aligned; "khoản 2 điều 5"; Nơi nhận at 13 pt and upright; no "- Lưu: VT, …" line; the signer's
name not bold; no page numbers.
"""
from __future__ import annotations

import sys

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

CENTER, LEFT, BOTH = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.JUSTIFY


def line(container, text, size=13, bold=False, italic=False, align=CENTER, indent=None, after=0):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(after)
    paragraph.paragraph_format.line_spacing = 1.15
    if indent is not None:
        paragraph.paragraph_format.first_line_indent = Cm(indent)
    if text:
        run = paragraph.add_run(text)
        run.font.name, run.font.size, run.bold, run.italic = "Times New Roman", Pt(size), bold, italic
    return paragraph


def rule(container, indent_cm):
    """A drawn line: an empty paragraph with a top border, as Word's Borders button makes."""
    paragraph = container.add_paragraph()
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = Cm(indent_cm)
    borders, top = OxmlElement("w:pBdr"), OxmlElement("w:top")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        top.set(qn(f"w:{key}"), value)
    borders.append(top)
    paragraph._p.get_or_add_pPr().append(borders)


def cell(table, row, col):
    target = table.cell(row, col)
    target._tc.remove(target.paragraphs[0]._p)
    return target


def header(document):
    table = document.add_table(rows=2, cols=2)
    left, right = cell(table, 0, 0), cell(table, 0, 1)
    line(left, "ỦY BAN NHÂN DÂN", 12, bold=True)
    line(left, "HUYỆN SƠN TỊNH", 12, bold=True)
    rule(left, 2.2)
    line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True)
    line(right, "Độc lập - Tự do - Hạnh phúc", 13, bold=True)
    rule(right, 1.4)
    so, date = cell(table, 1, 0), cell(table, 1, 1)
    line(so, "Số: 15 /UBND-VP")
    line(so, "V/v triển khai kế hoạch chuyển đổi số năm 2024", 12)
    line(date, "Sơn Tịnh, ngày 5 tháng 03 năm 2024", italic=True)


def content(document):
    line(document, "")
    line(document, "Kính gửi", 14, align=LEFT, indent=3.5)
    line(document, "- Phòng Văn hóa và Thông tin huyện;", 14, align=LEFT, indent=4.5)
    line(document, "- Ủy ban nhân dân các xã, thị trấn.", 14, align=LEFT, indent=4.5)
    line(document, "Thực hiện Kế hoạch số 12/KH-UBND ngày 20 tháng 02 năm 2024 của Ủy ban nhân dân tỉnh "
                   "Quảng Ngãi về chuyển đổi số năm 2024, Ủy ban nhân dân huyện đề nghị các cơ quan, đơn vị "
                   "triển khai các nội dung theo quy định tại khoản 2 điều 5 của Kế hoạch.",
         14, align=BOTH, indent=1.27, after=6)
    line(document, "Báo cáo kết quả thực hiện gửi về Văn phòng Ủy ban nhân dân huyện trước ngày 30 tháng 6 "
                   "năm 2024 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh./.", 14, align=LEFT, indent=1.27, after=6)


def signature(document):
    table = document.add_table(rows=1, cols=2)
    left, right = cell(table, 0, 0), cell(table, 0, 1)
    line(left, "Nơi nhận:", 13, bold=True, align=LEFT)
    line(left, "- Như trên;", 11, align=LEFT)
    line(left, "- Chủ tịch, các PCT UBND huyện.", 11, align=LEFT)
    for text in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", ""):
        line(right, text, 14, bold=True)
    line(right, "Phạm Minh Tâm", 14)


def main(out: str) -> None:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("top", "bottom", "left", "right"):
        setattr(section, f"{side}_margin", Cm(2.54))
    body = document.element.body
    body.remove(body.find(qn("w:p"))) if body.find(qn("w:p")) is not None else None
    header(document)
    content(document)
    signature(document)
    document.save(out)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "wrong_cong_van.docx")
