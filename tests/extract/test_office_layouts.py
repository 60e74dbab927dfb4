"""Layouts of other offices, rule by rule, on lines placed as a page places them.

Each case is a small page: (text, x0, top, x1, column) in points, as the PDF and OCR readers
give them. What the owner's other offices print — ranks before names, titles the word list
lacks, a second title under the signature, three-line headers, professional bodies,
attachments bound behind the document, long trích yếu — is checked here in isolation; the
round-trip tests (tests/render/test_office_roundtrip.py) check it on rendered pages."""
from __future__ import annotations

import pytest

from extractors.fields.doc_type import decide_type, type_from_symbol
from extractors.fields.header import find_headers
from extractors.fields.issuer import find_issuer, names_body, starts_organisation
from extractors.fields.signer import find_signer
from extractors.fields.subject import is_vv_line, subject_after_title, text_frame
from extractors.names import is_rank, split_rank
from extractors.pipeline import extract_raw
from extractors.readers.model import Line, Page, RawDocument
from extractors.records import Number
from extractors.segment import layout_of, type_of_title
from tests.extract.helpers import lines


def page(*rows, number: int = 1) -> Page:
    """Rows of (text, x0, top, x1, column[, bold]); each line 14 pt high."""
    built = []
    for row in rows:
        text, x0, top, x1, column, *bold = row
        built.append(Line(text, column=column, x0=x0, top=top, x1=x1, bottom=top + 14,
                          bold=bold[0] if bold else None))
    return Page(number, built)


def placed(*pages: Page):
    return layout_of(list(pages)).lines


@pytest.mark.parametrize("line, rank, name", [
    ("Đại tá Đậu Xuân Bảo", "Đại tá", "Đậu Xuân Bảo"),
    ("Thiếu tướng Trương Minh Đương", "Thiếu tướng", "Trương Minh Đương"),
    ("Thượng tướng Nguyễn Văn Long", "Thượng tướng", "Nguyễn Văn Long"),
    ("Thợng tá Phạm Thanh Hùng", "Thợng tá", "Phạm Thanh Hùng"),  # OCR slipped on the rank
    ("ĐẠI TÁ NGUYỄN VĂN HẢI", "ĐẠI TÁ", "NGUYỄN VĂN HẢI"),
    ("LS. TS. Đỗ Ngọc Thịnh", "LS. TS.", "Đỗ Ngọc Thịnh"),
    ("PGS.TS. Lê Văn An", "PGS.TS.", "Lê Văn An"),
    ("ThS. Trần Thị Hồng Nhung", "ThS.", "Trần Thị Hồng Nhung"),
    ("Hà Sĩ Đồng", "", "Hà Sĩ Đồng"),  # a family name, not "Hạ sĩ"
    ("Đồng Văn Sĩ", "", "Đồng Văn Sĩ"),
    ("TS. Hải", "", "TS. Hải"),  # no name would be left
    ("Nguyễn Văn A", "", "Nguyễn Văn A"),
])
def test_ranks_and_degrees_are_no_part_of_the_name(line, rank, name):
    assert split_rank(line) == (rank, name)


@pytest.mark.parametrize("line, rank", [("ĐẠI TÁ", True), ("PGS.TS.", True), ("Thiếu tướng", True),
                                        ("Đậu Xuân Bảo", False), ("Đại học", False)])
def test_a_rank_alone_on_its_line(line, rank):
    assert is_rank(line) == rank


# a signature band: Nơi nhận on the left, the block on the right
NOI_NHAN = [("Nơi nhận:", 90, 420, 140, 0), ("- Như trên;", 90, 434, 150, 0),
            ("- Đồng chí Giám đốc Công an tỉnh;", 90, 446, 260, 0), ("- Lưu: VT, PC06.", 90, 460, 190, 0)]


def _block(*right):
    return placed(page(("công tác phòng, chống ma túy./.", 90, 390, 300, None), *NOI_NHAN, *right))


def test_rank_before_the_name_under_the_block():
    found = find_signer(_block(("KT. GIÁM ĐỐC", 385, 418, 486, 1), ("PHÓ GIÁM ĐỐC", 381, 432, 490, 1),
                               ("Đại tá Nguyễn Tường Vũ", 358, 545, 508, 1))).signer
    assert (found.name, found.title, found.authority) == ("Nguyễn Tường Vũ", "Phó Giám đốc", "KT")


def test_a_name_off_the_surname_list_is_read_where_the_name_stands():
    found = find_signer(_block(("TM. BAN THƯỜNG TRỰC", 335, 418, 498, 1),
                               ("PHÓ CHỦ TỊCH THƯỜNG TRỰC", 312, 432, 525, 1),
                               ("Ksor Phước Hà", 376, 520, 466, 1))).signer
    assert (found.name, found.title) == ("Ksor Phước Hà", "Phó Chủ tịch Thường trực")


def test_a_noi_nhan_entry_beside_the_block_is_never_the_name():
    rows = _block(("CHỦ TỊCH", 400, 418, 470, 1), ("- Nguyễn Văn Lâm;", 90, 500, 200, 0))
    found = find_signer(rows)
    assert found is None or found.signer.name is None


def test_a_heading_of_the_next_page_is_never_the_name():
    """A draft signed "CHỦ TỊCH" with no name yet; its annex opens the next page "DANH SÁCH"."""
    first = page(("Nơi nhận:", 90, 700, 140, 0), ("- Lưu: VT.", 90, 714, 150, 0),
                 ("TM. ỦY BAN NHÂN DÂN", 355, 700, 514, 1), ("CHỦ TỊCH", 400, 716, 469, 1))
    second = page(("DANH SÁCH", 275, 43, 358, None), ("Các xã, phường không ma túy", 200, 60, 430, None), number=2)
    found = find_signer(placed(first, second)).signer
    assert (found.name, found.title, found.authority) == (None, "Chủ tịch", "TM")


def test_a_title_the_list_lacks_is_known_by_its_place():
    found = find_signer(_block(("TM. TỔ CÔNG TÁC", 380, 418, 490, 1), ("TỔ TRƯỞNG", 400, 432, 470, 1),
                               ("PGS.TS. Nguyễn Thanh Tịnh", 350, 520, 520, 1))).signer
    assert (found.name, found.title, found.authority, found.for_title) == (
        "Nguyễn Thanh Tịnh", "Tổ trưởng", "TM", "Tổ công tác")


@pytest.mark.parametrize("second_top", [446, 505], ids=["above the signature", "under the signature"])
def test_a_second_title_goes_to_the_chain(second_top):
    found = find_signer(_block(("TM. BAN CHỈ ĐẠO", 380, 418, 490, 1), ("TRƯỞNG BAN", 395, 432, 475, 1),
                               ("CHỦ TỊCH UBND TỈNH", 365, second_top, 505, 1),
                               ("Phạm Anh Tuấn", 385, 540, 480, 1))).signer
    assert (found.name, found.title, found.authority) == ("Phạm Anh Tuấn", "Trưởng ban", "TM")
    assert found.chain == ["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN", "CHỦ TỊCH UBND TỈNH"]


def test_a_title_with_its_body_under_tuq():
    found = find_signer(_block(("TUQ. CHỦ TỊCH", 358, 418, 466, 1), ("GIÁM ĐỐC SỞ TƯ PHÁP", 332, 432, 494, 1),
                               ("Hoàng Thị Thu Hà", 356, 520, 471, 1))).signer
    assert (found.name, found.title, found.authority) == ("Hoàng Thị Thu Hà", "Giám đốc Sở Tư pháp", "TUQ")


def test_authority_and_title_read_as_one_line():
    found = find_signer(_block(("KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC", 360, 418, 500, 1),
                               ("Trần Hữu Tuấn", 385, 520, 480, 1))).signer
    assert (found.name, found.title, found.authority, found.for_title) == (
        "Trần Hữu Tuấn", "Phó Giám đốc", "KT", "Giám đốc")


def test_a_title_of_no_list_and_no_authority_is_known_by_its_place():
    found = find_signer(_block(("TỔNG BIÊN TẬP", 390, 418, 480, 1), ("Lê Quốc Minh", 392, 520, 478, 1))).signer
    assert (found.name, found.title, found.authority) == ("Lê Quốc Minh", "Tổng biên tập", None)


def _header(*rows):
    return lines(*[(text, 0) for text in rows], ("Số: 12/KH-TCT", 0))


@pytest.mark.parametrize("rows, name, parent", [
    (["BỘ CÔNG AN", "CỤC CẢNH SÁT QUẢN LÝ HÀNH CHÍNH", "VỀ TRẬT TỰ XÃ HỘI"],
     "Cục Cảnh sát quản lý hành chính về trật tự xã hội", "Bộ Công an"),
    (["BỘ TƯ PHÁP", "CỤC KIỂM SOÁT THỦ TỤC", "HÀNH CHÍNH", "TỔ CÔNG TÁC TRIỂN KHAI", "ĐỀ ÁN 06"],
     "Tổ công tác triển khai đề án 06", "Cục Kiểm soát thủ tục hành chính"),
    (["ỦY BAN MTTQ VIỆT NAM", "TỈNH GIA LAI", "BAN THƯỜNG TRỰC"], "Ban Thường trực",
     "Ủy ban MTTQ Việt Nam tỉnh Gia Lai"),
    (["LIÊN ĐOÀN LUẬT SƯ VIỆT NAM"], "Liên đoàn Luật sư Việt Nam", None),
    (["HIỆP HỘI CÔNG CHỨNG VIÊN VIỆT NAM"], "Hiệp hội Công chứng viên Việt Nam", None),
    (["BỘ CÔNG AN", "CÔNG AN TỈNH NGHỆ AN"], "Công an tỉnh Nghệ An", "Bộ Công an"),
    (["THỦ TƯỚNG CHÍNH PHỦ"], "Thủ tướng Chính phủ", None),
    (["UBND TỈNH BÌNH ĐỊNH", "BAN CHỈ ĐẠO PHÒNG, CHỐNG", "THIÊN TAI"], "Ban Chỉ đạo phòng, chống thiên tai",
     "Ủy ban nhân dân tỉnh Bình Định"),
])
def test_issuer_is_the_last_body_and_its_parent_the_one_above(rows, name, parent):
    issuer, _ = find_issuer(_header(*rows))
    assert (issuer.name.casefold(), issuer.parent) == (name.casefold(), parent)


def test_the_bold_lines_are_the_issuer_where_weights_are_known():
    rows = placed(page(("BỘ TƯ PHÁP", 140, 50, 220, 0, False), ("CỤC BỔ TRỢ TƯ PHÁP", 110, 64, 250, 0, False),
                       ("ĐOÀN KIỂM TRA LIÊN NGÀNH", 100, 78, 260, 0, True), ("Số: 5/ĐKT", 130, 100, 220, 0)))
    issuer, _ = find_issuer(rows)
    assert (issuer.name, issuer.parent) == ("Đoàn kiểm tra Liên ngành", "Cục Bổ trợ tư pháp")


@pytest.mark.parametrize("text, body", [
    ("TỔ CÔNG TÁC ĐẶC BIỆT", True), ("SỞ NỘI VỤ", True), ("SO NOI VU", True), ("SỐ: 12/UBND", False),
    ("TỜ TRÌNH", False), ("TỔ CHỨC HỘI NGHỊ", False), ("HỘI NGHỊ TRIỂN KHAI", False), ("HỘI NÔNG DÂN", True),
])
def test_kinds_of_body(text, body):
    assert starts_organisation(text) == body


def test_a_family_name_is_no_body():
    assert not names_body("Đoàn Văn Hải") and names_body("Đoàn Luật sư thành phố Hà Nội")


@pytest.mark.parametrize("text, name", [
    ("TỜTRÌNH", "Tờ trình"), ("TỜ TRlNH", "Tờ trình"), ("KẾ HOACII", "Kế hoạch"), ("BIÊN BẢN HỌP", "Biên bản"),
    ("THÔNG BÁO KẾT LUẬN", "Thông báo"), ("CÔNG AN", None), ("THÔNG TIN", None), ("DANH SÁCH", None),
    ("QUY ĐỊNH", "Quy định"), ("CÔNG VĂM", None),
])
def test_title_lines_as_ocr_reads_them(text, name):
    entry = type_of_title(text)
    assert (entry["name"] if entry else None) == name


@pytest.mark.parametrize("symbol, has_vv, name", [
    ("MTTQ-BTT", True, "Công văn"),  # BTT is the unit, not a Bản thỏa thuận
    ("CAT-PC06", False, "Công văn"), ("BCA-V01", False, "Công văn"), ("TTr-CAT-PC06", False, "Tờ trình"),
    ("TTr-CAT(PC04)", False, "Tờ trình"), ("2019/QH14", False, None), ("KH-BCA-C04", False, "Kế hoạch"),
])
def test_type_from_the_ky_hieu(symbol, has_vv, name):
    assert decide_type(None, Number(f"5/{symbol}", 5, symbol), has_vv).name == name
    assert type_from_symbol(Number(f"5/{symbol}", 5, symbol)) is None or name != "Công văn"


@pytest.mark.parametrize("text", ["V/v trao đổi", "V.v tổng kết", "Vlv xin chủ trương", "V|v đề nghị",
                                  "VW đề nghị", "Về việc thành lập"])
def test_vv_lines_as_ocr_reads_them(text):
    assert is_vv_line(text)


def _title_page(*subject_rows):
    return placed(page(("TỜ TRÌNH", 284, 124, 354, None), *subject_rows,
                       ("Kính gửi: Ủy ban nhân dân tỉnh", 184, 205, 419, None),
                       ("Căn cứ Nghị định số 62/2020/NĐ-CP ngày 01 tháng 6 năm 2020 của Chính", 121, 229, 552, None),
                       ("phủ về vị trí việc làm và biên chế công chức, Sở Nội vụ kính trình", 85, 246, 552, None)))


def _subject(rows):
    frame = text_frame(rows[0], rows)
    return subject_after_title(rows[1:], None, frame, False, rows[0])[0]


def test_a_long_subject_keeps_its_full_width_lines():
    rows = _title_page(("Kết quả thực hiện Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và", 89, 142, 549, None),
                       ("xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm", 96, 158, 542, None),
                       ("nhìn đến năm 2030", 270, 174, 368, None))
    assert _subject(rows) == ("Kết quả thực hiện Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác "
                              "thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030")


def test_a_subject_never_runs_into_the_body_after_a_gap():
    rows = _title_page(("Đề nghị ban hành Báo cáo kết quả tháng 3/2026", 180, 142, 458, None))
    rows = [r for r in rows if not r.text.startswith("Kính gửi")]
    assert _subject(rows) == "Đề nghị ban hành Báo cáo kết quả tháng 3/2026"


def test_a_justified_body_under_the_title_is_no_subject():
    rows = placed(page(("GIẤY GIỚI THIỆU", 260, 124, 378, None),
                       ("Sở Nội vụ trân trọng giới thiệu ông Lê Minh Tuấn, chuyên viên Phòng Tổ chức", 85, 142, 552, None),
                       ("được cử đến liên hệ công tác.", 85, 158, 260, None)))
    assert _subject(rows) is None


def _raw(*pages: Page) -> RawDocument:
    return RawDocument(path="bundle.pdf", format="pdf", pages=list(pages), page_count=len(pages), ocr=True)


TO_TRINH = page(("CÔNG AN TỈNH NGHỆ AN", 91, 36, 264, 0), ("Số: 239/TTr-CAT", 105, 66, 250, 0),
                ("Độc lập - Tự do - Hạnh phúc", 342, 31, 513, 1),  # the Quốc hiệu cut off by the scan
                ("Nghệ An, ngày 01 tháng 4 năm 2026", 327, 66, 544, 1), ("TỜ TRÌNH", 286, 110, 356, None),
                ("Đề nghị ban hành Quyết định thành lập Ban Chỉ đạo", 170, 127, 472, None),
                ("Kính gửi: Ủy ban nhân dân tỉnh Nghệ An.", 197, 192, 444, None),
                ("Thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính", 125, 224, 550, None),
                ("phủ, Công an tỉnh đã dự thảo Quyết định thành lập Ban Chỉ đạo của tỉnh", 90, 240, 550, None),
                ("(viết tắt là Ban Chỉ đạo), kính trình Ủy ban nhân dân tỉnh xem xét, ký", 90, 256, 550, None),
                ("ban hành./.", 90, 272, 160, None),
                ("Nơi nhận:", 87, 418, 138, 0), ("- Lưu: VT, PC06.", 87, 460, 188, 0),
                ("KT. GIÁM ĐỐC", 385, 416, 486, 1), ("PHÓ GIÁM ĐỐC", 381, 432, 490, 1),
                ("Đại tá Nguyễn Tường Vũ", 358, 545, 508, 1))
DRAFT = page(("ỦY BAN NHÂN DÂN", 101, 56, 233, 0), ("TỈNH NGHỆ AN", 108, 73, 225, 0),
             ("Số: /QĐ-UBND", 114, 104, 219, 0), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 280, 55, 549, 1),
             ("Độc lập - Tự do - Hạnh phúc", 329, 73, 500, 1), ("Nghệ An, ngày tháng 4 năm 2026", 308, 100, 521, 1),
             ("QUYẾT ĐỊNH", 272, 158, 359, None), ("Về việc thành lập Ban Chỉ đạo", 200, 175, 430, None),
             ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", 149, 200, 476, None),
             ("TM. ỦY BAN NHÂN DÂN", 355, 598, 514, 1), ("CHỦ TỊCH", 400, 616, 469, 1),
             ("Lê Hồng Vinh", 390, 700, 470, 1), number=2)


def test_an_attached_draft_is_listed_and_never_read():
    doc = extract_raw(_raw(TO_TRINH, DRAFT))
    assert (doc.doc_type.name, doc.number.raw, doc.issuer.name) == ("Tờ trình", "239/TTr-CAT", "Công an tỉnh Nghệ An")
    assert doc.subject == "Đề nghị ban hành Quyết định thành lập Ban Chỉ đạo"
    assert (doc.signer.name, doc.signer.title) == ("Nguyễn Tường Vũ", "Phó Giám đốc")
    assert [(a.doc_type, a.number, a.page) for a in doc.attachments] == [("Quyết định", "/QĐ-UBND", 2)]


def test_a_header_in_the_middle_of_a_page_starts_no_document():
    body = page(*[(f"Nội dung dòng {i} của văn bản kèm theo.", 90, 40 + 16 * i, 540, None) for i in range(8)],
                ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 280, 300, 549, None), number=2)
    layout = layout_of([TO_TRINH, body])
    assert len(find_headers(layout)) == 1
