"""Subject, Kính gửi, Nơi nhận, issuer and type on small laid-out texts."""
import pytest

from extractors.fields.distribution import find_distribution
from extractors.fields.doc_type import decide_type
from extractors.fields.issuer import find_issuer, issuer_by_code, issuer_from_body
from extractors.fields.recipients import find_recipients
from extractors.fields.subject import subject_after_title, subject_of_cong_van
from extractors.records import Number
from extractors.segment import type_of_title
from tests.extract.helpers import lines


def test_subject_after_title_stops_at_body():
    subject, span = subject_after_title(lines(
        "Về việc tăng cường công tác thi hành án hành chính", "trên địa bàn tỉnh Quảng Ngãi",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;"))
    assert subject == "Về việc tăng cường công tác thi hành án hành chính trên địa bàn tỉnh Quảng Ngãi"


def test_subject_keeps_wrapped_date_and_stops_at_authority_line():
    subject, _ = subject_after_title(lines(
        "Sửa đổi Nghị định số 143/2013/NĐ-CP", "ngày 24 tháng 10 năm 2013 của Chính phủ",
        "ỦY BAN THƯỜNG VỤ QUỐC HỘI", "Căn cứ Hiến pháp;"))
    assert subject == "Sửa đổi Nghị định số 143/2013/NĐ-CP ngày 24 tháng 10 năm 2013 của Chính phủ"


def test_subject_loses_its_full_stop():
    # (glued words, "cốbức", are parted before the fields: tests/extract/test_correct.py)
    subject, _ = subject_after_title(lines(
        "Quy định về bảo đảm an toàn bức xạ và ứng phó sự cố bức xạ và hạt nhân.",
        "Căn cứ Luật Năng lượng nguyên tử;"))
    assert subject == "Quy định về bảo đảm an toàn bức xạ và ứng phó sự cố bức xạ và hạt nhân"


@pytest.mark.parametrize("line, subject", [
    ('"Về việc thành lập Tổ công tác năm 2025', "Về việc thành lập Tổ công tác năm 2025"),  # a speck
    ('"Chuyển đổi số" năm 2025', '"Chuyển đổi số" năm 2025'),  # a quotation, closed
    ("Về việc giao biên chế năm 2025-", "Về việc giao biên chế năm 2025"),
    ("Về việc phát triển kinh tế - xã hội", "Về việc phát triển kinh tế - xã hội"),
])
def test_subject_loses_ocr_specks_at_its_ends(line, subject):
    assert subject_after_title(lines(line, "Căn cứ Luật;"))[0] == subject


def test_subject_ending_in_an_abbreviation_keeps_its_stop():
    subject, _ = subject_after_title(lines("Về việc thành lập Phường 3, TP.", "Căn cứ Luật;"))
    assert subject == "Về việc thành lập Phường 3, TP."


def test_plain_subject_may_open_as_a_body_sentence_does():
    subject, _ = subject_after_title(lines(
        "Triển khai Đề án 06 về dữ liệu dân cư năm 2024",
        "Thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:"))
    assert subject == "Triển khai Đề án 06 về dữ liệu dân cư năm 2024"


def test_plain_body_sentence_under_the_title_is_no_subject():
    subject, _ = subject_after_title(lines(
        "Thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU"))
    assert subject is None


def test_subject_of_cong_van_in_left_column():
    subject, _ = subject_of_cong_van(lines(
        ("Số: 507/UBND-KGVX", 0), ("V/v góp ý dự thảo Quyết định", 0), ("sửa đổi Quyết định số 2269/QĐ-TTg", 0),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1)))
    assert subject == "V/v góp ý dự thảo Quyết định sửa đổi Quyết định số 2269/QĐ-TTg"


def test_recipients_after_the_other_column_of_their_band():
    # "Kính gửi" typed into the header's left column: the right column is read before its list
    items, _ = find_recipients(lines(("Số: 15/UBND-VP", 0), ("Kính gửi", 0),
                                     ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1), ("Độc lập - Tự do - Hạnh phúc", 1),
                                     "- Phòng Văn hóa và Thông tin huyện;", "- Ủy ban nhân dân các xã, thị trấn.",
                                     "Thực hiện Kế hoạch số 12/KH-UBND …"))
    assert items == ["Phòng Văn hóa và Thông tin huyện", "Ủy ban nhân dân các xã, thị trấn"]


def test_recipients_one_line_and_list():
    assert find_recipients(lines("Kính gửi: Hội đồng nhân dân tỉnh"))[0] == ["Hội đồng nhân dân tỉnh"]
    items, _ = find_recipients(lines("Kính gửi:", "- Các sở, ban, ngành;", "- UBND các huyện.", "Thực hiện …"))
    assert items == ["Các sở, ban, ngành", "UBND các huyện"]


def test_distribution_joins_wrapped_entries_and_stops_at_signature():
    items, _, index = find_distribution(lines(
        ("Nơi nhận:", 0), ("- Các Sở: Tài chính, Kế hoạch và Đầu tư,", 0), ("Nội vụ, Tư pháp;", 0),
        ("- Lưu: VT, KTTH.", 0), ("KT. CHỦ TỊCH", 1)))
    assert items == ["Các Sở: Tài chính, Kế hoạch và Đầu tư, Nội vụ, Tư pháp", "Lưu: VT, KTTH"]
    assert index == 0


def test_issuer_with_parent_and_noise():
    issuer, _ = find_issuer(lines(("TRUNG TÂM", 1), ("UBND TỈNH ĐẮK LẮK", 0), ("SỞ NỘI VỤ", 0),
                                  ("-----", 0), ("Số: 12/KH-SNV", 0)))
    assert (issuer.name, issuer.parent) == ("Sở Nội vụ", "Ủy ban nhân dân tỉnh Đắk Lắk")


def test_issuer_loses_a_speck_after_its_name():
    issuer, _ = find_issuer(lines(("UBND TỈNH BẮC NINH", 0), ("SỞ NỘI VỤ.", 0), ("Số: 08/HD-SNV", 0)))
    assert (issuer.name, issuer.parent) == ("Sở Nội vụ", "Ủy ban nhân dân tỉnh Bắc Ninh")


@pytest.mark.parametrize("block, name, parent", [
    # a long name wrapped inside a word ("MÔI / TRƯỜNG") or after "VÀ": one name, not two
    ([("UBND HUYỆN ĐÔNG ANH", 0), ("PHÒNG TÀI NGUYÊN VÀ MÔI", 0), ("TRƯỜNG", 0)],
     "Phòng Tài nguyên và Môi trường", "Ủy ban nhân dân huyện Đông Anh"),
    ([("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ", 0), ("XÃ HỘI", 0)], "Sở Lao động - Thương binh và Xã hội", None),
    # OCR specks after the first part and a rule read as "-" in between
    ([("UBND HUYỆN ĐÔNG ANH.", 0), ("PHÒNG TÀI NGUYÊN VÀ MÔI. -", 0), ("-", 0), ("TRƯỜNG", 0)],
     "Phòng Tài nguyên và Môi trường", "Ủy ban nhân dân huyện Đông Anh"),
    # "ỦY / BAN" across the break is no word of one name
    ([("TỈNH ỦY", 0), ("BAN TUYÊN GIÁO", 0)], "Ban Tuyên giáo", "Tỉnh ủy"),
])
def test_issuer_wrapped_over_lines(block, name, parent):
    issuer, _ = find_issuer(lines(*block, ("Số: 12/KH-PTNMT", 0)))
    assert (issuer.name, issuer.parent) == (name, parent)


@pytest.mark.parametrize("body, symbol, name", [
    ("Thực hiện chỉ đạo của UBND tỉnh, Sở Kế hoạch và Đầu tư đề nghị các cơ quan góp ý.",
     "SKHĐT-TH", "Sở Kế hoạch và Đầu tư"),
    ("Sở Thông tin và Truyền thông kính đề nghị Quý cơ quan quan tâm.", "STTTT-CNTT",
     "Sở Thông tin và Truyền thông"),
    ("Sở Nội vụ đề nghị các đơn vị báo cáo.", "KH-UBND", None),  # a generic code names no one
    ("Sở Nội vụ đề nghị các đơn vị báo cáo.", "STC-NS", None),  # initials that do not match
    ("hồ sơ khoa học để thực hiện đề tài", "SKHĐT-TH", None),  # "sơ" in lower case is no "Sở"
])
def test_issuer_spelled_by_the_symbol(body, symbol, name):
    assert issuer_by_code(lines(body), symbol)[0].name == name


def test_issuer_named_in_body():
    issuer, _ = issuer_from_body(lines("Sở Thông tin và Truyền thông kính đề nghị Quý cơ quan quan tâm."))
    assert issuer.name == "Sở Thông tin và Truyền thông"


@pytest.mark.parametrize("title, name", [
    ("KẾ HOẠCH", "Kế hoạch"), ("QUYẾT ĐỊNH CỦA UỶ BAN NHÂN DÂN TỈNH", "Quyết định"),
    ("THÔNG TƯ LIÊN TỊCH", "Thông tư liên tịch"), ("TỜ TRÌNH", "Tờ trình"),
    ("KẾ HOẠCH THỰC HIỆN CHUYỂN ĐỔI SỐ", None), ("Kế hoạch", None),
])
def test_type_of_title(title, name):
    entry = type_of_title(title)
    assert (entry["name"] if entry else None) == name


@pytest.mark.parametrize("symbol, has_vv, name, code", [
    ("UBND-TTHC", True, "Công văn", None), ("KH-UBND", False, "Kế hoạch", "KH"),
    ("2020/NĐ-CP", False, "Nghị định", "NĐ"), ("TTr-UBND", False, "Tờ trình", "TTr"),
])
def test_decide_type_from_symbol(symbol, has_vv, name, code):
    doc_type = decide_type(None, Number(f"1/{symbol}", 1, symbol), has_vv)
    assert (doc_type.name, doc_type.code) == (name, code)


def test_a_line_leading_into_a_list_is_body_not_subject():
    assert subject_after_title(lines("Sở Nội vụ trân trọng giới thiệu:", "Ông (bà): Lê Minh Tuấn")) == (None, None)
