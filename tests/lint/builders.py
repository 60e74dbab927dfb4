"""Build DOCX files with python-docx the way a Word user would, right or with one fact broken.

``decision_parts()`` / ``dispatch_parts()`` describe a correct Quyết định / Công văn as named
paragraph specs; a test changes one spec (``parts["date"][0].text = "…"``) and calls
``build(path, parts)``. Everything is written with plain python-docx calls plus the few raw
XML pieces Word users get from the ribbon (borders, PAGE field), so lint sees real documents.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor, Twips

from docgen.layout.measure import text_width_pt

TNR = "Times New Roman"
CELL_MARGIN = 108  # twips: Word's default cell margin (python-docx's Normal Table style)
ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "both": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


@dataclass
class P:
    """One paragraph: its text and how it is formatted (direct formatting, as Word users do)."""

    text: str
    size: float = 14
    bold: bool = False
    italic: bool = False
    align: str = "center"
    first_line_cm: float | None = None
    font: str | None = None  # None: inherit Times New Roman from the styles
    rule_below: bool = False  # an empty 1 pt paragraph with a top border (a drawn line)
    rule_ratio: float = 0.4  # the drawn line's length as a share of the text's width
    rule_text: str | None = None  # the text the line is measured against (default: this one)
    space_after_pt: float | None = None
    space_before_pt: float = 0
    line_spacing: float | None = None
    bold_label: str = ""  # a bold first run ("Điều 1. ") before the text
    color: str | None = None  # hex, e.g. "FF0000"


@dataclass
class Page:
    width_mm: float = 210
    height_mm: float = 297
    top_mm: float = 20
    bottom_mm: float = 20
    left_mm: float = 30
    right_mm: float = 15
    landscape: bool = False
    page_field: bool = True
    title_page: bool = True
    page_field_size: float = 14
    page_field_align: str = "center"
    page_field_in: str = "header"  # header | footer


@dataclass
class Parts:
    """The components of a document, in the order they are laid out."""

    agency: list[P]
    so: list[P]
    quoc_hieu: list[P]
    date: list[P]
    title: list[P] = field(default_factory=list)
    can_cu: list[P] = field(default_factory=list)
    kinh_gui: list[P] = field(default_factory=list)
    body: list[P] = field(default_factory=list)
    noi_nhan: list[P] = field(default_factory=list)
    signature: list[P] = field(default_factory=list)
    page: Page = field(default_factory=Page)
    header_layout: str = "table"  # table | tabs
    left_share: float = 0.4  # width of the left column of the two-column tables
    normal_font: str = TNR


def body(text: str, **kw) -> P:
    return P(text, align="both", first_line_cm=1.27, space_after_pt=6, line_spacing=1.15, **kw)


def _common(agency: list[P], so: str) -> dict:
    return dict(
        agency=agency,
        so=[P(so, size=13)],
        quoc_hieu=[P("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True),
                   P("Độc lập - Tự do - Hạnh phúc", size=13, bold=True, rule_below=True, rule_ratio=1.0)],
        date=[P("Quảng Ngãi, ngày 05 tháng 3 năm 2024", size=13, italic=True)],
    )


def _signature(authority: str, title: str, name: str) -> list[P]:
    return [P(authority, bold=True), P(title, bold=True), P(""), P(""), P(""), P(name, bold=True)]


def decision_parts() -> Parts:
    """A correct Quyết định of a Sở (Mẫu 1.2)."""
    agency = [P("UBND TỈNH QUẢNG NGÃI", size=12), P("SỞ NỘI VỤ", size=12, bold=True, rule_below=True)]
    return Parts(
        **_common(agency, "Số: 15/QĐ-SNV"),
        title=[P("QUYẾT ĐỊNH", bold=True),
               P("Về việc cử công chức tham gia khóa bồi dưỡng năm 2024", bold=True, rule_below=True),
               P("GIÁM ĐỐC SỞ NỘI VỤ TỈNH QUẢNG NGÃI", bold=True)],
        can_cu=[body("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ "
                     "về công tác văn thư;", italic=True),
                body("Theo đề nghị của Chánh Văn phòng Sở.", italic=True)],
        body=[P("QUYẾT ĐỊNH:", bold=True),
              body("Cử bà Trần Thị Bình tham gia khóa bồi dưỡng theo quy định tại "
                   "khoản 2 Điều 5 của Quy chế bồi dưỡng.", bold_label="Điều 1. "),
              body("Quyết định này có hiệu lực kể từ ngày ký.", bold_label="Điều 2. "),
              body("Chánh Văn phòng Sở và bà Trần Thị Bình chịu trách nhiệm thi hành "
                   "Quyết định này./.", bold_label="Điều 3. ")],
        noi_nhan=[P("Nơi nhận:", size=12, bold=True, italic=True, align="left"),
                  P("- Như Điều 3;", size=11, align="left"),
                  P("- Lưu: VT, VP.", size=11, align="left")],
        signature=_signature("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"),
    )


def dispatch_parts() -> Parts:
    """A correct Công văn of a Ủy ban nhân dân (Mẫu 1.5), with a Kính gửi list."""
    agency = [P("ỦY BAN NHÂN DÂN", size=12, bold=True),
              P("TỈNH QUẢNG NGÃI", size=12, bold=True, rule_below=True, rule_text="ỦY BAN NHÂN DÂN")]
    parts = Parts(
        **_common(agency, "Số: 07/UBND-KGVX"),
        kinh_gui=[P("Kính gửi:", align="left", first_line_cm=2.0),
                  P("- Sở Nội vụ;", align="left", first_line_cm=3.0),
                  P("- Sở Tài chính.", align="left", first_line_cm=3.0)],
        body=[body("Thực hiện Kế hoạch số 12/KH-UBND ngày 05 tháng 02 năm 2024 của Ủy ban nhân "
                   "dân tỉnh, Ủy ban nhân dân tỉnh đề nghị các sở báo cáo kết quả trước ngày "
                   "30 tháng 4 năm 2024."),
              body("Các tầng lớp Nhân dân được thông tin đầy đủ./.")],
        noi_nhan=[P("Nơi nhận:", size=12, bold=True, italic=True, align="left"),
                  P("- Như trên;", size=11, align="left"),
                  P("- Lưu: VT, KGVX.", size=11, align="left")],
        signature=_signature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Cường"),
    )
    parts.so.append(P("V/v báo cáo kết quả thực hiện kế hoạch", size=12, space_before_pt=6))
    return parts


# ── writing ──────────────────────────────────────────────────────────────────────────────
def build(path: Path, parts: Parts) -> Path:
    """Write ``parts`` to ``path`` as a DOCX."""
    document = docx.Document()
    _styles(document, parts.normal_font)
    _page(document, parts.page)
    body_el = document.element.body
    for p in body_el.findall(qn("w:p")):
        body_el.remove(p)
    width = body_width(parts.page)
    if parts.header_layout == "table":
        _two_columns(document, [(parts.agency, parts.quoc_hieu), (parts.so, parts.date)], width, parts.left_share)
    else:
        _tabbed_header(document, parts)
    for spec in [*parts.title, *parts.can_cu, *parts.kinh_gui, *parts.body]:
        add_paragraph(document, spec, width)
    _two_columns(document, [(parts.noi_nhan, parts.signature)], width, parts.left_share)
    document.save(path)
    return path


def _styles(document, font: str) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, font)
    normal = document.styles["Normal"]
    set_fonts(normal.element.get_or_add_rPr(), font)
    normal.font.size = Pt(14)


def set_fonts(rpr, font: str) -> None:
    """All four rFonts slots to ``font``, theme references removed."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for key in list(fonts.attrib):
        del fonts.attrib[key]
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{slot}"), font)


def _page(document, page: Page) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(page.width_mm), Mm(page.height_mm)
    if page.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(page.height_mm), Mm(page.width_mm)
    section.top_margin, section.bottom_margin = Mm(page.top_mm), Mm(page.bottom_mm)
    section.left_margin, section.right_margin = Mm(page.left_mm), Mm(page.right_mm)
    section.different_first_page_header_footer = page.title_page
    if page.page_field:
        header_p = getattr(section, page.page_field_in).paragraphs[0]
        header_p.alignment = ALIGN[page.page_field_align]
        add_page_field(header_p, page.page_field_size)


def add_page_field(paragraph, size: float) -> None:
    """A complex PAGE field, as Word's Insert › Page Number writes it."""
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "2"), ("end", None)):
        run = paragraph.add_run()
        run.font.size = Pt(size)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind == "text":
            run.text = text
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def add_paragraph(container, spec: P, width_twips: int):
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    paragraph.alignment = ALIGN[spec.align]
    fmt.space_before, fmt.space_after = Pt(spec.space_before_pt), Pt(spec.space_after_pt or 0)
    if spec.first_line_cm is not None:
        fmt.first_line_indent = Cm(spec.first_line_cm)
    fmt.line_spacing = spec.line_spacing or 1.0
    if spec.bold_label:
        label = paragraph.add_run(spec.bold_label)
        label.font.size, label.bold = Pt(spec.size), True
    if spec.text:
        run = paragraph.add_run(spec.text)
        run.font.size = Pt(spec.size)
        run.bold, run.italic = spec.bold, spec.italic
        if spec.font:
            run.font.name = spec.font
        if spec.color:
            run.font.color.rgb = RGBColor.from_string(spec.color)
    if spec.rule_below:
        rule = container.add_paragraph()
        rule.alignment = WD_ALIGN_PARAGRAPH.CENTER
        length = text_width_pt(spec.rule_text or spec.text, spec.size, spec.bold) * 20 * spec.rule_ratio
        indent = Twips(int((width_twips - length) / 2))
        rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = indent
        _top_border(rule)
    return paragraph


def _top_border(paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        top.set(qn(f"w:{key}"), value)
    borders.append(top)
    ppr.append(borders)


def body_width(page: Page) -> int:
    """The text width in twips."""
    width = page.height_mm if page.landscape else page.width_mm
    return Mm(width - page.left_mm - page.right_mm).twips


def _two_columns(document, rows, width: int, left_share: float) -> None:
    """A two-column table, 40 % / 60 % by default as the samples of Phụ lục III."""
    table = document.add_table(rows=len(rows), cols=2)
    widths = (int(width * left_share), width - int(width * left_share))
    for c, width in enumerate(widths):
        table.columns[c].width = Twips(width)
    for r, (left, right) in enumerate(rows):
        for c, specs in enumerate((left, right)):
            cell = table.cell(r, c)
            cell.width = Twips(widths[c])
            cell._tc.remove(cell.paragraphs[0]._p)
            for spec in specs:
                add_paragraph(cell, spec, widths[c] - 2 * CELL_MARGIN)
            if not cell.paragraphs:
                cell.add_paragraph()


def _tabbed_header(document, parts: Parts) -> None:
    """The header as plain paragraphs: left text, tabs, right text (no table)."""
    left = [*parts.agency, *parts.so]
    right = [*parts.quoc_hieu, *parts.date]
    for i in range(max(len(left), len(right))):
        paragraph = document.add_paragraph()
        for n, spec in enumerate((left[i] if i < len(left) else None, right[i] if i < len(right) else None)):
            if n == 1:
                paragraph.add_run("\t\t")
            if spec is not None and spec.text:
                run = paragraph.add_run(spec.text)
                run.font.size, run.bold, run.italic = Pt(spec.size), spec.bold, spec.italic


def clone(parts: Parts) -> Parts:
    return copy.deepcopy(parts)
