"""Every rendered example, opened with python-docx, holds the facts of ND30_SPEC.md one by one.

Expected values come from the spec ranges (written out here), not from the engine's defaults, so
a wrong default in the facts table fails these tests too.
"""
from __future__ import annotations

import re

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from docgen.layout.measure import longest_line_pt, text_width_pt
from docgen.templates import load_template
from tests.render import probe
from tests.render.conftest import TYPE_NAMES

CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
DATE_LINE = re.compile(r"[^,]+, ngày (0[1-9]|[12][0-9]|3[01]) tháng (01|02|[3-9]|1[0-2]) năm \d{4}")
SO_KY_HIEU = re.compile(r"(0[1-9]|[1-9][0-9]+)/[0-9A-Za-zĐđ]+(-[0-9A-Za-zĐđ]+)*")
TYPED = [name for name in TYPE_NAMES if name != "cong_van"]
WITH_DATE = [name for name in TYPE_NAMES if name != "bien_ban"]
ONE_SIGNER = [name for name in TYPE_NAMES if name != "bien_ban"]


@pytest.fixture(scope="module")
def docs(rendered):
    return {name: docx.Document(str(path)) for name, path in rendered.items()}


def header(doc):
    return doc.tables[0]


def body_paragraphs(doc):
    return [docx.text.paragraph.Paragraph(p, doc) for p in doc.element.body.findall(qn("w:p"))]


def signature_table(doc):
    return doc.tables[1]


# ───────────────────────── G: page and font ─────────────────────────

@pytest.mark.parametrize("name", TYPE_NAMES)
def test_G01_G02_G03_a4_portrait_margins(docs, name):
    section = docs[name].sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    assert section.orientation == WD_ORIENT.PORTRAIT
    mm = lambda length: length.mm  # noqa: E731
    assert 20 <= round(mm(section.top_margin), 1) <= 25
    assert 20 <= round(mm(section.bottom_margin), 1) <= 25
    assert 30 <= round(mm(section.left_margin), 1) <= 35
    assert 15 <= round(mm(section.right_margin), 1) <= 20


def _all_runs(doc):
    parts = [doc.element, doc.sections[0].header._element, doc.sections[0].first_page_footer._element]
    for part in parts:
        yield from part.iter(qn("w:r"))


@pytest.mark.parametrize("name", TYPE_NAMES)
def test_G04_times_new_roman_in_all_four_slots(docs, name):
    doc = docs[name]
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        assert defaults.get(qn(f"w:{slot}")) == "Times New Roman"
    count = 0
    for run in _all_runs(doc):
        fonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        assert fonts is not None
        assert {fonts.get(qn(f"w:{s}")) for s in ("ascii", "hAnsi", "cs", "eastAsia")} == {"Times New Roman"}
        count += 1
    assert count >= 15


@pytest.mark.parametrize("name", TYPE_NAMES)
def test_G04_black_text_except_urgency_mark(docs, name):
    for p in body_paragraphs(docs[name]) + [p for t in docs[name].tables for c in t._cells for p in c.paragraphs]:
        if p.text.strip() in {"KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"}:
            continue
        assert probe.color(p) <= {None, "000000"}, p.text


@pytest.mark.parametrize("name", TYPE_NAMES)
def test_G05_G06_body_paragraphs(docs, name):
    justified = [p for p in body_paragraphs(docs[name]) if p.alignment == JUSTIFY and p.text.strip()]
    assert justified, "no body paragraph"
    for p in justified:
        fmt = p.paragraph_format
        assert 13 <= probe.size(p) <= 14
        assert fmt.first_line_indent is not None and round(fmt.first_line_indent.cm, 2) in (1.0, 1.27), p.text
        assert (fmt.space_after.pt or 0) + (fmt.space_before.pt or 0) >= 6
        assert fmt.line_spacing is None or 1.0 <= fmt.line_spacing <= 1.5


@pytest.mark.parametrize("name", TYPE_NAMES)
def test_G07_page_number_field_top_centre_hidden_on_page_1(docs, name):
    section = docs[name].sections[0]
    assert section.different_first_page_header_footer
    paragraphs = section.header.paragraphs
    instr = [t.text for p in paragraphs for t in p._p.iter(qn("w:instrText"))]
    assert [i.strip() for i in instr] == ["PAGE"]
    field = next(p for p in paragraphs if p._p.iter(qn("w:instrText")))
    assert field.alignment == CENTER
    sizes = {probe.run_size(r) for r in field._p.findall(qn("w:r"))}
    assert sizes and all(13 <= s <= 14 for s in sizes)
    first = section.first_page_header._element
    assert not list(first.iter(qn("w:instrText"))) and not list(first.iter(qn("w:fldSimple")))


# ───────────────────────── header: ô 1–4 ─────────────────────────

@pytest.mark.parametrize("name", TYPE_NAMES)
def test_GRID_borderless_two_column_header(docs, name):
    table = header(docs[name])
    assert len(table.columns) == 2
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}


@pytest.mark.parametrize("name", TYPE_NAMES)
def test_QH01_QH02_QH03_quoc_hieu_tieu_ngu_and_line(docs, name):
    cell = header(docs[name]).cell(0, 1)
    qh, tn, rule = cell.paragraphs[:3]
    assert qh.text in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert probe.bold(qh) and not probe.italic(qh) and 12 <= probe.size(qh) <= 13 and qh.alignment == CENTER
    width = probe.cell_width(cell)
    assert text_width_pt(qh.text, probe.size(qh), bold=True) * 20 < width, "Quốc hiệu must fit on one line"
    assert tn.text == "Độc lập - Tự do - Hạnh phúc"
    assert probe.bold(tn) and 13 <= probe.size(tn) <= 14 and tn.alignment == CENTER
    assert rule.text == "" and probe.borders(rule) == {"top"}
    motto = text_width_pt(tn.text, probe.size(tn), bold=True) * 20
    assert 0.9 <= probe.rule_length(rule, width) / motto <= 1.1


@pytest.mark.parametrize("name", TYPE_NAMES)
def test_CQ02_CQ03_CQ04_agency_names_and_line(docs, name):
    example = load_template(name).example
    cell = header(docs[name]).cell(0, 0)
    paragraphs = cell.paragraphs
    offset = 0
    if example.get("co_quan_chu_quan"):
        parent = paragraphs[0]
        assert parent.text == example["co_quan_chu_quan"].upper()
        assert not probe.bold(parent) and 12 <= probe.size(parent) <= 13 and parent.alignment == CENTER
        offset = 1
    agency, rule = paragraphs[offset], paragraphs[offset + 1]
    assert agency.text == example["co_quan"].upper()
    assert probe.bold(agency) and 12 <= probe.size(agency) <= 13 and agency.alignment == CENTER
    assert probe.borders(rule) == {"top"} and rule.text == ""
    width = probe.cell_width(cell)
    name_width = longest_line_pt(agency.text, width / 20, probe.size(agency), bold=True) * 20
    assert 1 / 3 <= probe.rule_length(rule, width) / name_width <= 1 / 2
    fmt = rule.paragraph_format
    assert probe.twips(fmt.left_indent) == probe.twips(fmt.right_indent), "line centred under the name"


@pytest.mark.parametrize("name", TYPE_NAMES)
def test_SK01_to_SK06_so_ky_hieu(docs, name):
    template = load_template(name)
    number_cell = header(docs[name]).cell(1, 0)
    line = number_cell.paragraphs[0]
    assert line.text.startswith("Số: ")
    assert line.alignment == CENTER and probe.size(line) == 13 and not probe.bold(line)
    so_ky_hieu = line.text[len("Số: "):]
    assert SO_KY_HIEU.fullmatch(so_ky_hieu), so_ky_hieu
    number, symbol = so_ky_hieu.split("/", 1)
    assert number == f"{template.example['so']:02d}"
    agency = template.example["co_quan_viet_tat"]
    if name == "cong_van":
        assert symbol == f"{agency}-{template.example['don_vi_viet_tat']}"
    else:
        assert symbol == f"{template.code}-{agency}"


@pytest.mark.parametrize("name", WITH_DATE)
def test_DT01_DT02_DT05_place_date_line(docs, name):
    row = header(docs[name]).rows[1]
    date = row.cells[1].paragraphs[0]
    assert DATE_LINE.fullmatch(date.text), date.text
    assert date.alignment == CENTER and probe.italic(date) and 13 <= probe.size(date) <= 14
    assert row.cells[0].paragraphs[0].text.startswith("Số: "), "Số and the date share one row"


def test_DT_bien_ban_has_no_date_line(docs):
    assert header(docs["bien_ban"]).rows[1].cells[1].paragraphs[0].text == ""


# ───────────────────────── title: ô 5 ─────────────────────────

def _title_index(doc, type_name: str) -> int:
    paragraphs = body_paragraphs(doc)
    return next(i for i, p in enumerate(paragraphs) if p.text == type_name.upper())


@pytest.mark.parametrize("name", TYPED)
def test_TL01_TL02_TL03_type_name_subject_and_line(docs, name):
    template = load_template(name)
    doc = docs[name]
    paragraphs = body_paragraphs(doc)
    index = _title_index(doc, template.title)
    title = paragraphs[index]
    assert probe.bold(title) and 13 <= probe.size(title) <= 14 and title.alignment == CENTER
    following = paragraphs[index + 1]
    width = doc.sections[0].page_width.twips - doc.sections[0].left_margin.twips - doc.sections[0].right_margin.twips
    if probe.borders(following) == {"top"}:  # no trích yếu: the line is under the type name
        assert name in {"giay_gioi_thieu", "giay_nghi_phep"}
        return
    subject, rule = following, paragraphs[index + 2]
    assert probe.bold(subject) and 13 <= probe.size(subject) <= 14 and subject.alignment == CENTER
    assert subject.text != subject.text.upper(), "trích yếu is in normal case"
    assert probe.borders(rule) == {"top"} and rule.text == ""
    text_width = longest_line_pt(subject.text, width / 20, probe.size(subject), bold=True) * 20
    assert 1 / 3 <= probe.rule_length(rule, width) / text_width <= 1 / 2
    assert probe.twips(rule.paragraph_format.left_indent) == probe.twips(rule.paragraph_format.right_indent)


def test_TL04_cong_van_vv_under_so(docs):
    cell = header(docs["cong_van"]).cell(2, 0)
    vv = cell.paragraphs[0]
    assert vv.text == "V/v " + load_template("cong_van").example["trich_yeu"]
    assert 12 <= probe.size(vv) <= 13 and not probe.bold(vv) and vv.alignment == CENTER
    assert vv.paragraph_format.space_before.pt == 6
    assert not [p for p in body_paragraphs(docs["cong_van"]) if p.text.startswith("V/v")]


def test_no_underscores_anywhere(docs):
    for name, doc in docs.items():
        everything = [p.text for p in body_paragraphs(doc)] + [c.text for t in doc.tables for c in t._cells]
        assert not any("__" in text for text in everything), name


# ───────────────────────── body: ô 6 ─────────────────────────

@pytest.mark.parametrize("name", ["quyet_dinh", "quyet_dinh_ban_hanh", "nghi_quyet"])
def test_ND01_can_cu_lines(docs, name):
    lines = [p for p in body_paragraphs(docs[name]) if p.text.startswith(("Căn cứ", "Theo đề nghị"))]
    assert len(lines) >= 2
    for p in lines:
        assert probe.italic(p) and 13 <= probe.size(p) <= 14
    assert all(p.text.endswith(";") for p in lines[:-1]) and lines[-1].text.endswith(".")
    assert not lines[-1].text.endswith(";.")
    for p in lines:  # set like the body paragraphs: justified, first-line indent 1.27 cm
        assert p.alignment == JUSTIFY
        assert round(p.paragraph_format.first_line_indent.cm, 2) == 1.27


@pytest.mark.parametrize("name", ["quyet_dinh", "quyet_dinh_ban_hanh", "nghi_quyet", "quy_che", "quy_dinh"])
def test_ND05_dieu_numbered_bold(docs, name):
    paragraphs = [p for p in body_paragraphs(docs[name]) if p.text.startswith("Điều ")]
    numbers = [int(re.match(r"Điều (\d+)\.", p.text).group(1)) for p in paragraphs]
    assert numbers[:3] == [1, 2, 3]
    for p in paragraphs:
        first = probe.text_runs(p)[0]
        assert probe.run_flag(first, "b") and not probe.run_flag(first, "i")
        assert round(p.paragraph_format.first_line_indent.cm, 2) in (1.0, 1.27)


@pytest.mark.parametrize("name", ["ke_hoach", "bao_cao", "to_trinh"])
def test_ND09_roman_headings(docs, name):
    headings = [p for p in body_paragraphs(docs[name]) if re.match(r"[IVX]+\. ", p.text)]
    assert [h.text.split(".")[0] for h in headings][:3] == ["I", "II", "III"]
    for h in headings:
        assert probe.bold(h) and h.text == h.text.upper() and 13 <= probe.size(h) <= 14


def test_ND06_khoan_numbers_restart_per_heading(docs):
    texts = [p.text for p in body_paragraphs(docs["ke_hoach"])]
    assert "1. Mục đích" in texts and "2. Yêu cầu" in texts
    assert any(t.startswith("1. Rà soát") for t in texts) and any(t.startswith("3. Tổ chức khảo sát") for t in texts)


@pytest.mark.parametrize("name", TYPE_NAMES)
def test_ND10_content_ends_with_dot_slash_dot(docs, name):
    doc = docs[name]
    paragraphs = [p for p in body_paragraphs(doc) if p.text.strip()]
    last_body = [p for p in paragraphs if p.alignment == JUSTIFY][-1]
    assert last_body.text.endswith("./.") and not last_body.text.endswith("../.")


# ───────────────────────── signature and Nơi nhận: ô 7, 9 ─────────────────────────

def _signature_cell(doc):
    return signature_table(doc).cell(0, 1)


@pytest.mark.parametrize("name", ONE_SIGNER)
def test_CK01_CK02_CK03_signature_block(docs, name):
    example = load_template(name).example
    cell = _signature_cell(docs[name])
    lines = [p for p in cell.paragraphs if p.text.strip()]
    *titles, person = lines
    assert person.text == example["nguoi_ky"]
    assert probe.bold(person) and 13 <= probe.size(person) <= 14 and person.alignment == CENTER
    for p in titles:
        assert p.text == p.text.upper() and probe.bold(p) and 13 <= probe.size(p) <= 14 and p.alignment == CENTER
    assert titles[-1].text == example["chuc_vu"].upper()
    authority = (example.get("quyen_han") or "").split("\n")
    for line, p in zip([a for a in authority if a], titles):
        assert p.text == line.upper() and p.text.split(" ")[0] in {"TM.", "KT.", "TL.", "TUQ.", "Q."}


def test_CK_bien_ban_two_signature_columns(docs):
    table = signature_table(docs["bien_ban"])
    example = load_template("bien_ban").example
    left = [p.text for p in table.cell(0, 0).paragraphs if p.text]
    right = [p.text for p in table.cell(0, 1).paragraphs if p.text]
    assert left == ["THƯ KÝ", example["thu_ky"]] and right == ["CHỦ TỌA", example["chu_toa"]]


def _noi_nhan(doc, name):
    if name == "bien_ban":
        paragraphs = body_paragraphs(doc)
        start = next(i for i, p in enumerate(paragraphs) if p.text == "Nơi nhận:")
        return paragraphs[start:]
    return [p for p in signature_table(doc).cell(0, 0).paragraphs if p.text]


@pytest.mark.parametrize("name", TYPE_NAMES)
def test_NN03_NN04_NN05_noi_nhan(docs, name):
    label, *entries = [p for p in _noi_nhan(docs[name], name) if not re.fullmatch(r"[A-ZĐ]+\.\(\d+\)|[A-ZĐ]+", p.text)]
    assert label.text == "Nơi nhận:"
    assert probe.size(label) == 12 and probe.bold(label) and probe.italic(label)
    assert entries
    for p in entries:
        assert probe.size(p) == 11 and not probe.bold(p) and not probe.italic(p) and p.text.startswith("- ")
    assert all(p.text.endswith(";") for p in entries[:-1])
    assert re.fullmatch(r"- Lưu: VT, [^;]+\.", entries[-1].text), entries[-1].text


@pytest.mark.parametrize("name", ONE_SIGNER)
def test_NN03_noi_nhan_level_with_first_signature_line(docs, name):
    table = signature_table(docs[name])
    left, right = table.cell(0, 0).paragraphs[0], table.cell(0, 1).paragraphs[0]
    assert left.text == "Nơi nhận:" and right.text
    assert left.paragraph_format.space_before == right.paragraph_format.space_before


@pytest.mark.parametrize("name", ["cong_van", "to_trinh", "bao_cao"])
def test_NN06_nhu_tren_first(docs, name):
    label, first, *_ = _noi_nhan(docs[name], name)
    assert first.text == "- Như trên;"


def test_NN01_NN02_kinh_gui_list(docs):
    paragraphs = body_paragraphs(docs["cong_van"])
    index = next(i for i, p in enumerate(paragraphs) if p.text == "Kính gửi:")
    label, *items = paragraphs[index:index + 3]
    recipients = load_template("cong_van").example["kinh_gui"]
    assert [p.text for p in items] == [f"- {recipients[0]};", f"- {recipients[1]}."]
    assert probe.size(label) == 14 and not probe.bold(label) and not probe.italic(label)
    colon = probe.twips(label.paragraph_format.first_line_indent) + text_width_pt("Kính gửi", 14) * 20
    for p in items:
        assert abs(probe.twips(p.paragraph_format.left_indent) - colon) <= 2, "dashes under the colon"
        assert 13 <= probe.size(p) <= 14


def test_NN02_kinh_gui_one_recipient_on_one_line(docs):
    lines = [p.text for p in body_paragraphs(docs["to_trinh"]) if p.text.startswith("Kính gửi")]
    assert lines == ["Kính gửi: " + load_template("to_trinh").example["kinh_gui"][0]]


# ───────────────────────── optional components: ô 10–13 ─────────────────────────

def test_MK02_urgency_mark_framed_red_bold(docs):
    cell = header(docs["cong_dien"]).cell(2, 0)
    mark = next(p for p in cell.paragraphs if p.text)
    assert mark.text == "HỎA TỐC" and probe.bold(mark) and 13 <= probe.size(mark) <= 14
    assert probe.color(mark) == {"FF0000"}
    assert probe.borders(mark) == {"top", "left", "bottom", "right"}
    width = probe.cell_width(cell)
    assert abs(probe.rule_length(mark, width) / 56.69 - 30) < 0.5, "HỎA TỐC frame is 30 mm wide"


def test_KH01_drafter_and_copies(docs):
    cell = signature_table(docs["ke_hoach"]).cell(0, 0)
    drafter = [p for p in cell.paragraphs if p.text == "NVB.(10)"]
    assert drafter and probe.size(drafter[0]) == 11 and not probe.bold(drafter[0])


def test_DC01_address_on_page_one_under_a_full_width_line(docs):
    section = docs["cong_van"].sections[0]
    lines = [p for p in section.first_page_footer.paragraphs if p.text]
    assert lines and lines[0].text.startswith("Địa chỉ:")
    assert probe.borders(lines[0]) == {"top"} and 11 <= probe.size(lines[0]) <= 12
    assert not probe.twips(lines[0].paragraph_format.left_indent)
    assert not section.footer.paragraphs or not any(p.text for p in section.footer.paragraphs)


def test_attached_text_of_mau_1_3(docs):
    paragraphs = [p.text for p in body_paragraphs(docs["quyet_dinh_ban_hanh"])]
    assert "QUY CHẾ" in paragraphs
    reference = next(t for t in paragraphs if t.startswith("(Kèm theo Quyết định số 21/QĐ-SNV"))
    assert "ngày 20 tháng 01 năm 2025" in reference
    assert "Điều 1. Phạm vi điều chỉnh" in paragraphs
    breaks = [br for br in docs["quyet_dinh_ban_hanh"].element.body.iter(qn("w:br")) if br.get(qn("w:type")) == "page"]
    assert len(breaks) == 1
    assert len(docs["quyet_dinh_ban_hanh"].tables) == 4  # header, signature, attached header, signature


@pytest.mark.parametrize("name", TYPE_NAMES)
def test_lint_finds_nothing_on_rendered_examples(rendered, name):
    lint = pytest.importorskip("docgen.lint")
    findings = lint.lint_file(rendered[name])
    assert [(f.rule, f.message) for f in findings] == []
