"""Each fact of ND30_SPEC.md broken once in a python-docx document → exactly that finding."""
from __future__ import annotations

import pytest

from tests.lint.builders import P, build, decision_parts, dispatch_parts
from docgen.lint import lint_file


def _set(attr_path: str, value):
    """A mutation setting ``parts.<a>.<b>…`` (list items by index) to ``value``."""
    def mutate(parts):
        *path, last = attr_path.split(".")
        target = parts
        for step in path:
            target = target[int(step)] if step.isdigit() else getattr(target, step)
        if last.isdigit():
            target[int(last)] = value
        else:
            setattr(target, last, value)
        return parts
    return mutate


def _do(fn):
    def mutate(parts):
        fn(parts)
        return parts
    return mutate


QD, CV = decision_parts, dispatch_parts

# (id, base, mutation, (rule, message, found, expected), snippet of the paragraph or None)
CASES = [
    ("margin", QD, _set("page.left_mm", 25), ("G-03", "left margin", "25.0 mm", "30–35 mm"), None),
    ("margin-top", QD, _set("page.top_mm", 30), ("G-03", "top margin", "30.0 mm", "20–25 mm"), None),
    ("paper", QD, _do(lambda p: (setattr(p.page, "width_mm", 215.9), setattr(p.page, "height_mm", 279.4))),
     ("G-01", "paper size", "216 × 279 mm", "A4, 210 × 297 mm"), None),
    ("landscape", QD, _set("page.landscape", True), ("G-02", "orientation", "landscape", "portrait"), None),
    ("font-run", QD, _set("body.2.font", "Arial"),
     ("G-04", "font (ascii, hAnsi slot) in 1 paragraph(s)", "Arial", "Times New Roman"), "Quyết định này có hiệu"),
    ("colour", QD, _set("body.2.color", "FF0000"), ("G-04", "text colour", "FF0000", "black"), "Quyết định này có hiệu"),
    ("size-body", QD, _set("body.2.size", 12), ("G-05", "body text: size", "12 pt", "13–14 pt"), "Quyết định này có hiệu"),
    ("align-body", QD, _set("body.2.align", "left"), ("G-06", "body paragraph: align", "left", "justified"), "Quyết định này có hiệu"),
    ("indent-body", QD, _set("body.2.first_line_cm", 0.5),
     ("G-06", "body paragraph: first-line indent", "0.50 cm", "1 cm or 1.27 cm"), "Quyết định này có hiệu"),
    ("spacing-body", QD, _set("body.2.line_spacing", 2.0),
     ("G-06", "body paragraph: line spacing", "2 lines", "1–1.5 lines"), "Quyết định này có hiệu"),
    ("gap-body", QD, _set("body.2.space_after_pt", 2),
     ("G-06", "body paragraph: space between paragraphs", "2 pt", "at least 6 pt"), "Quyết định này có hiệu"),
    ("page-field", QD, _set("page.page_field", False),
     ("G-07", "page number", "no PAGE field", "a PAGE field centred in the header"), None),
    ("page-footer", QD, _set("page.page_field_in", "footer"),
     ("G-07", "page number", "a page number in the footer", "a PAGE field centred in the header"), None),
    ("page-size", QD, _set("page.page_field_size", 11), ("G-07", "page number size", "11 pt", "13–14 pt"), None),
    ("page-align", QD, _set("page.page_field_align", "right"), ("G-07", "page number alignment", "right", "centred"), None),
    ("page-first", QD, _set("page.title_page", False),
     ("G-07", "page number hidden on page 1", "shown on page 1", "a different first page (titlePg) without the number"), None),
    ("qh-bold", QD, _set("quoc_hieu.0.bold", False), ("QH-01", "Quốc hiệu: bold", "not bold", "bold"), "CỘNG HÒA"),
    ("qh-size", QD, _set("quoc_hieu.0.size", 11), ("QH-01", "Quốc hiệu: size", "11 pt", "12–13 pt"), "CỘNG HÒA"),
    ("qh-wraps", QD, _set("left_share", 0.5),
     ("QH-01", "Quốc hiệu on one line", "wraps: 249 pt of text in 223 pt", "1 line"), "CỘNG HÒA"),
    ("qh-text", QD, _set("quoc_hieu.0.text", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM."),
     ("QH-01", "Quốc hiệu text", "“CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM.”", "“CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”"), "CỘNG HÒA"),
    ("qh-two-lines", QD, _do(lambda p: p.quoc_hieu.__setitem__(slice(0, 1), [
        P("CỘNG HÒA XÃ HỘI", size=12, bold=True), P("CHỦ NGHĨA VIỆT NAM", size=12, bold=True)])),
     ("QH-01", "Quốc hiệu on one line", "2 lines", "1 line"), "CỘNG HÒA XÃ HỘI"),
    ("tn-dash", QD, _set("quoc_hieu.1.text", "Độc lập – Tự do – Hạnh phúc"),
     ("QH-02", "Tiêu ngữ text", "“Độc lập – Tự do – Hạnh phúc”", "“Độc lập - Tự do - Hạnh phúc”"), "Độc lập"),
    ("tn-italic", QD, _set("quoc_hieu.1.italic", True), ("QH-02", "Tiêu ngữ: italic", "italic", "upright"), "Độc lập"),
    ("tn-typed-line", QD, _do(lambda p: (setattr(p.quoc_hieu[1], "rule_below", False),
                                         p.quoc_hieu.append(P("------------------", size=13)))),
     ("QH-03", "line under the Tiêu ngữ", "a line typed with characters",
      "a drawn solid line as long as the Tiêu ngữ"), "Độc lập"),
    ("tn-no-line", QD, _set("quoc_hieu.1.rule_below", False),
     ("QH-03", "line under the Tiêu ngữ", "no line", "a drawn solid line as long as the Tiêu ngữ"), "Độc lập"),
    ("tn-line-short", QD, _set("quoc_hieu.1.rule_ratio", 0.5),
     ("QH-03", "line under the Tiêu ngữ: length", "80 pt for 159 pt of text (0.50)", "0.9–1.1 of the text"), "Độc lập"),
    ("issuer-line-long", QD, _set("agency.1.rule_ratio", 0.8),
     ("CQ-04", "line under the issuing body: length", "49 pt for 62 pt of text (0.80)", "0.33–0.5 of the text"),
     "SỞ NỘI VỤ"),
    ("issuer-bold", QD, _set("agency.1.bold", False), ("CQ-02", "cơ quan ban hành: bold", "not bold", "bold"), "SỞ NỘI VỤ"),
    ("issuer-case", QD, _set("agency.1.text", "Sở Nội vụ"),
     ("CQ-02", "cơ quan ban hành: case", "“Sở Nội vụ”", "UPPERCASE"), "Sở Nội vụ"),
    ("parent-bold", QD, _set("agency.0.bold", True), ("CQ-03", "cơ quan chủ quản: bold", "bold", "not bold"), "UBND TỈNH"),
    ("issuer-no-line", QD, _set("agency.1.rule_below", False),
     ("CQ-04", "line under the issuing body", "no line", "a drawn solid line, 1/3–1/2 of the name"), "SỞ NỘI VỤ"),
    ("so-align", QD, _set("so.0.align", "left"), ("SK-01", "Số, ký hiệu: align", "left", "centred"), "Số: 15"),
    ("so-size", QD, _set("so.0.size", 14), ("SK-02", "Số, ký hiệu: size", "14 pt", "13 pt"), "Số: 15"),
    ("so-colon", QD, _set("so.0.text", "Số 15/QĐ-SNV"),
     ("SK-02", "“Số” followed by a colon", "“Số 15/QĐ-SNV”", "“Số: 15/QĐ-SNV”"), "Số 15"),
    ("so-pad", QD, _set("so.0.text", "Số: 5/QĐ-SNV"), ("SK-03", "number", "“5”", "“05”"), "Số: 5"),
    ("so-spaces", QD, _set("so.0.text", "Số: 15 /QĐ-SNV"),
     ("SK-04", "spaces in số, ký hiệu", "“15 /QĐ-SNV”", "“15/QĐ-SNV”"), "Số: 15"),
    ("so-case", QD, _set("so.0.text", "Số: 15/QĐ-snv"),
     ("SK-04", "ký hiệu in capitals", "“QĐ-snv”", "“QĐ-SNV”"), "Số: 15"),
    ("so-abbrev", QD, _set("so.0.text", "Số: 15/QD-SNV"),
     ("SK-05", "type abbreviation of QUYẾT ĐỊNH", "“QD”", "“QĐ”"), "Số: 15"),
    ("so-year", QD, _set("so.0.text", "Số: 15/2024/QĐ-SNV"),
     ("SK-09", "year in số, ký hiệu (legal-normative form)", "“15/2024/QĐ-SNV”", "“<number>/<ký hiệu>” without a year"), "Số: 15"),
    ("cv-type-code", CV, _set("so.0.text", "Số: 07/KH-UBND"),
     ("SK-06", "a công văn has no type abbreviation", "“KH-UBND”", "“<agency>-<unit>”"), "Số: 07"),
    ("date-form", QD, _set("date.0.text", "Quảng Ngãi, ngày 5 tháng 03 năm 2020"),
     ("DT-04", "date form", "“ngày 5 tháng 03 năm 2020”", "“ngày 05 tháng 3 năm 2020”"), "Quảng Ngãi"),
    ("date-month-pad", QD, _set("date.0.text", "Quảng Ngãi, ngày 15 tháng 2 năm 2020"),
     ("DT-04", "date form", "“ngày 15 tháng 2 năm 2020”", "“ngày 15 tháng 02 năm 2020”"), "Quảng Ngãi"),
    ("date-italic", QD, _set("date.0.italic", False), ("DT-02", "place and date: italic", "upright", "italic"), "Quảng Ngãi"),
    ("date-comma", QD, _set("date.0.text", "Quảng Ngãi ngày 05 tháng 3 năm 2024"),
     ("DT-02", "comma after the place name", "“Quảng Ngãi ngày 05 tháng 3 năm 2024”", "“Quảng Ngãi, ngày …”"), "Quảng Ngãi"),
    ("date-abbrev", QD, _set("date.0.text", "TP. Hồ Chí Minh, ngày 05 tháng 3 năm 2024"),
     ("DT-03", "place name written in full", "“TP. Hồ Chí Minh”", "the official name, not abbreviated"), "TP. Hồ"),
    ("date-slashes", QD, _set("date.0.text", "Quảng Ngãi, ngày 05/3/2024"),
     ("DT-05", "place-date form", "“Quảng Ngãi, ngày 05/3/2024”", "“<Place>, ngày DD tháng M năm YYYY”"), "Quảng Ngãi"),
    ("date-right", QD, _set("date.0.align", "right"), ("DT-01", "place and date: align", "right", "centred"), "Quảng Ngãi"),
    ("type-case", QD, _set("title.0.text", "Quyết định"), ("TL-01", "tên loại: case", "“Quyết định”", "UPPERCASE"), "Quyết định"),
    ("type-left", QD, _set("title.0.align", "left"), ("TL-01", "tên loại: align", "left", "centred"), "QUYẾT ĐỊNH"),
    ("subject-upper", QD, _set("title.1.text", "VỀ VIỆC CỬ CÔNG CHỨC THAM GIA KHÓA BỒI DƯỠNG NĂM 2024"),
     ("TL-02", "trích yếu: case", "“VỀ VIỆC CỬ CÔNG CHỨC THAM GIA KHÓA BỒI DƯỠNG NĂM 2024”", "normal case"), "VỀ VIỆC"),
    ("subject-no-line", QD, _set("title.1.rule_below", False),
     ("TL-03", "line under the trích yếu", "no line", "a drawn solid line, 1/3–1/2 of the text"), "Về việc cử"),
    ("subject-line-short", QD, _set("title.1.rule_ratio", 0.2),
     ("TL-03", "line under the trích yếu: length", "68 pt for 340 pt of text (0.20)", "0.33–0.5 of the text"),
     "Về việc cử"),
    ("vv-bold", CV, _set("so.1.bold", True), ("TL-04", "trích yếu of a công văn (V/v): bold", "bold", "not bold"), "V/v báo cáo"),
    ("cancu-italic", QD, _set("can_cu.0.italic", False), ("ND-01", "căn cứ: italic", "upright", "italic"), "Căn cứ Nghị định"),
    ("cancu-ending", QD, _set("can_cu.1.text", "Theo đề nghị của Chánh Văn phòng Sở;"),
     ("ND-01", "last căn cứ line ending", "“…ăn phòng Sở;”", "ends with “.”"), "Theo đề nghị"),
    ("cancu-align", QD, _set("can_cu.0.align", "left"), ("ND-01", "căn cứ: align", "left", "justified"),
     "Căn cứ Nghị định"),
    ("cancu-indent", QD, _set("can_cu.1.first_line_cm", 0.5),
     ("ND-01", "căn cứ: first-line indent", "0.50 cm", "1 cm or 1.27 cm"), "Theo đề nghị"),
    ("cancu-joined", QD, _set("can_cu.0.text", "Căn cứ Luật Cán bộ, công chức; Căn cứ Nghị định số 30/2020/NĐ-CP;"),
     ("ND-01", "each căn cứ on its own line", "“…Luật Cán bộ, công chức; Căn cứ”", "a new line for each “Căn cứ …;”"),
     "Căn cứ Luật"),
    ("dieu-bold", QD, _do(lambda p: (setattr(p.body[2], "bold_label", ""),
                                     setattr(p.body[2], "text", "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."))),
     ("ND-05", "Điều label bold", "not bold", "bold"), "Điều 2. Quyết"),
    ("dieu-dot", QD, _set("body.2.bold_label", "Điều 2 "),
     ("ND-05", "Điều number followed by “.”", "“Điều 2 Q”", "“Điều 2.”"), "Điều 2 Quyết"),
    ("diem-f", QD, _do(lambda p: p.body.insert(3, P("f) Các nội dung khác.", align="both", first_line_cm=1.27,
                                                    space_after_pt=6))),
     ("ND-07", "điểm letter", "“f)”", "a, b, c, d, đ, e, g … (no f, j, w, z)"), "f) Các"),
    ("ending", QD, _set("body.3.text", "Chánh Văn phòng Sở chịu trách nhiệm thi hành Quyết định này."),
     ("ND-10", "content ends with “./.”", "“…ết định này.”", "“…./.”"), "Chánh Văn phòng"),
    ("kinh-gui-colon", CV, _set("kinh_gui.0.text", "Kính gửi"),
     ("NN-01", "colon after “Kính gửi”", "“Kính gửi”", "“Kính gửi: …”"), "Kính gửi"),
    ("kinh-gui-bold", CV, _set("kinh_gui.1.bold", True), ("NN-01", "Kính gửi: bold", "bold", "not bold"), "- Sở Nội vụ"),
    ("kinh-gui-ending", CV, _set("kinh_gui.1.text", "- Sở Nội vụ,"),
     ("NN-02", "entry ending", "“- Sở Nội vụ,”", "ends with “;”"), "- Sở Nội vụ"),
    ("noi-nhan-size", QD, _set("noi_nhan.0.size", 13), ("NN-03", "Nơi nhận: size", "13 pt", "12 pt"), "Nơi nhận"),
    ("noi-nhan-italic", QD, _set("noi_nhan.0.italic", False), ("NN-03", "Nơi nhận: italic", "upright", "italic"), "Nơi nhận"),
    ("noi-nhan-colon", QD, _set("noi_nhan.0.text", "Nơi nhận"),
     ("NN-03", "colon after “Nơi nhận”", "“Nơi nhận”", "“Nơi nhận:”"), "Nơi nhận"),
    ("noi-nhan-entry-size", QD, _set("noi_nhan.1.size", 13), ("NN-04", "Nơi nhận entries: size", "13 pt", "11 pt"), "- Như Điều 3"),
    ("noi-nhan-entry-end", QD, _set("noi_nhan.1.text", "- Như Điều 3"),
     ("NN-04", "entry ending", "“- Như Điều 3”", "ends with “;”"), "- Như Điều 3"),
    ("luu-missing", QD, _set("noi_nhan.2.text", "- Văn phòng Sở."),
     ("NN-05", "last entry “- Lưu: VT, …”", "“- Văn phòng Sở.”", "“- Lưu: VT, <drafting unit>.”"), "- Văn phòng Sở"),
    ("luu-form", QD, _set("noi_nhan.2.text", "- Lưu: VP."),
     ("NN-05", "form of the “Lưu” entry", "“- Lưu: VP.”", "“- Lưu: VT, <drafting unit>.”"), "- Lưu: VP"),
    ("nhu-tren", CV, _set("noi_nhan.1.text", "- Sở Nội vụ;"),
     ("NN-06", "first entry", "“- Sở Nội vụ;”", "“- Như trên;”"), "- Sở Nội vụ"),
    ("authority-old", QD, _set("signature.0.text", "K/T GIÁM ĐỐC"),
     ("CK-01", "signing-authority prefix", "“K/T”", "“KT.”"), "K/T GIÁM ĐỐC"),
    ("title-bold", QD, _set("signature.1.bold", False),
     ("CK-02", "quyền hạn, chức vụ: bold", "not bold", "bold"), "PHÓ GIÁM ĐỐC"),
    ("name-bold", QD, _set("signature.5.bold", False), ("CK-03", "họ tên người ký: bold", "not bold", "bold"), "Nguyễn Văn An"),
    ("name-degree", QD, _set("signature.5.text", "TS. Nguyễn Văn An"),
     ("CK-03", "no học hàm, học vị or honorific before the name", "“TS.”", "the name alone"), "TS. Nguyễn"),
    ("dieu-lower", QD, _set("body.1.text", "Cử bà Trần Thị Bình tham gia khóa bồi dưỡng theo quy định tại "
                                           "khoản 2 điều 5 của Quy chế bồi dưỡng."),
     ("VH-05", "cited part of a document capitalised", "“khoản 2 điều 5”", "“khoản 2 Điều 5”"), "Cử bà Trần"),
    ("khoan-upper", QD, _set("body.1.text", "Cử bà Trần Thị Bình tham gia khóa bồi dưỡng theo quy định tại "
                                            "Khoản 2 Điều 5 của Quy chế bồi dưỡng."),
     ("VH-05", "khoản and điểm in lower case", "“Khoản 2”", "“khoản 2”"), "Cử bà Trần"),
    ("nhan-dan", CV, _set("body.1.text", "Các tầng lớp nhân dân được thông tin đầy đủ./."),
     ("VH-05", "“Nhân dân” capitalised", "“tầng lớp nhân dân”", "“tầng lớp Nhân dân”"), "Các tầng lớp"),
    ("sentence-start", CV, _set("body.1.text", "các tầng lớp Nhân dân được thông tin đầy đủ./."),
     ("VH-01", "paragraph starts with a capital", "“các tầng lớp Nhân dâ”", "“Các tầng lớp Nhân dâ”"), "các tầng lớp"),
]


@pytest.mark.parametrize("base", [QD, CV], ids=["decision", "dispatch"])
def test_correct_documents_lint_clean(tmp_path, base):
    assert lint_file(build(tmp_path / "ok.docx", base())) == []


@pytest.mark.parametrize("case_id, base, mutate, expected, snippet", CASES, ids=[c[0] for c in CASES])
def test_one_broken_fact_gives_exactly_its_finding(tmp_path, case_id, base, mutate, expected, snippet):
    findings = lint_file(build(tmp_path / f"{case_id}.docx", mutate(base())))
    assert [(f.rule, f.message, f.found, f.expected) for f in findings] == [expected]
    if snippet is None:
        assert findings[0].paragraph is None
    else:
        assert snippet in findings[0].quote
