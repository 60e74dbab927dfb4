import pytest

from extractors.fields.signer import authority_of, find_signer, title_line
from tests.extract.helpers import lines


@pytest.mark.parametrize("block, name, title, authority, for_title", [
    (["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Võ Văn Hoan"], "Võ Văn Hoan", "Phó Chủ tịch", "KT", "Chủ tịch"),
    (["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Nguyễn Phước Bình"],
     "Nguyễn Phước Bình", "Phó Chánh Văn phòng", "KT", "Chánh Văn phòng"),
    (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Đã ký)", "NGUYỄN HOÀNG GIANG"],
     "Nguyễn Hoàng Giang", "Chủ tịch", "TM", "Ủy ban nhân dân"),
    (["CHỦ TỊCH", "Đặng Văn Minh"], "Đặng Văn Minh", "Chủ tịch", None, None),
    (["T/M UBND TỈNH", "K/T CHỦ TỊCH", "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "Lê Hồng Văn"],
     "Lê Hồng Văn", "Phó Chủ tịch Thường trực", "KT", "Chủ tịch"),
    (["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Nguyễn Quốc Việt"],
     "Nguyễn Quốc Việt", "Chánh Văn phòng", "TL", "Chủ tịch"),
])
def test_find_signer(block, name, title, authority, for_title):
    found = find_signer(lines("Nay thông báo để các cơ quan biết./.", *block))
    s = found.signer
    assert (s.name, s.title, s.authority, s.for_title) == (name, title, authority, for_title)
    assert s.chain == [b for b in block if b.isupper()][: len(s.chain)]


def test_first_block_wins_over_attached_draft():
    found = find_signer(lines("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Hoàng Tuấn",
                              "NGHỊ QUYẾT", "CHỦ TỊCH", "Bùi Thị Quỳnh Vân"))
    assert found.signer.name == "Trần Hoàng Tuấn"


def test_title_without_name_and_authority_is_not_a_signature():
    assert find_signer(lines("CHỦ TỊCH", "Điều 1. Phạm vi điều chỉnh")) is None


def test_authority_without_name_warns():
    found = find_signer(lines("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "12345"))
    assert found.signer.name is None
    assert found.warning == "the signer's name was not found under the title"


@pytest.mark.parametrize("text, expected", [
    ("KT. CHỦ TỊCH", ("KT", "CHỦ TỊCH")), ("T/M UBND TỈNH", ("TM", "UBND TỈNH")),
    ("TUQ. BỘ TRƯỞNG", ("TUQ", "BỘ TRƯỞNG")), ("Q. GIÁM ĐỐC", ("Q", "GIÁM ĐỐC")),
    ("KT. chủ tịch", None), ("Theo đề nghị", None),
    ("TIM UBND TỈNH", ("TM", "UBND TỈNH")), ("K1T CHỦ TỊCH", ("KT", "CHỦ TỊCH")),  # OCR's slash
    ("TIMES NEW ROMAN", None),
    ("KT.CHỦ TỊCH", ("KT", "CHỦ TỊCH")), ("KT, CHỦ TỊCH", ("KT", "CHỦ TỊCH")),  # no space; OCR's comma
    ("TM.ỦY BAN NHÂN DÂN", ("TM", "ỦY BAN NHÂN DÂN")),
])
def test_authority_of(text, expected):
    assert authority_of(text) == expected


def test_two_signature_columns_read_column_by_column_give_the_right_hand_one():
    # a biên bản read left column first: THƯ KÝ, its name, the Nơi nhận list, then CHỦ TỌA
    found = find_signer(lines(("THƯ KÝ", 0), ("Hoàng Thu Hà", 0), ("Nơi nhận:", 0), ("- Lưu: VT.", 0),
                              ("CHỦ TỌA", 1), ("Trần Thị Bình", 1)))
    assert (found.signer.name, found.signer.title) == ("Trần Thị Bình", "Chủ tọa")


def test_name_with_noise_on_its_line_is_found_by_ner():
    found = find_signer(lines("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "ông Trần Văn An đã ký 12345"))
    assert found.signer.name == "Trần Văn An"
    assert found.warning == "the signer's name was read by NER from a line that is not a name alone"


def test_nơi_nhận_entry_is_never_taken_for_the_name():
    # the name under the title was lost; the archive line below is a list entry, not a name
    found = find_signer(lines(("KT CHỦ TỊCH", 1), ("PHÓ CHỦ TỊCH", 1), "- Lưu VT-NĐ"))
    assert (found.signer.name, found.signer.title, found.signer.authority) == (None, "Phó Chủ tịch", "KT")
    assert found.warning == "the signer's name was not found under the title"


def test_title_wrapped_beside_the_nơi_nhận_list():
    found = find_signer(lines(("Nơi nhận:", 0), ("TL. BỘ TRƯỞNG", 1), ("KT. CHÁNH VĂN PHÒNG", 1),
                              ("- Như trên;", 0), ("PHÓ", 1), ("- Các phòng;", 0), ("- Lưu: VT, VP.", 0),
                              ("NVB.(10)", 0), ("CHÁNH VĂN PHÒNG", 1), ("Hoàng Văn Sơn", 1)))
    signer = found.signer
    assert (signer.name, signer.title, signer.authority, signer.for_title) == (
        "Hoàng Văn Sơn", "Phó Chánh Văn phòng", "KT", "Chánh Văn phòng")
    assert signer.chain == ["TL. BỘ TRƯỞNG", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]


def test_authority_line_wrapped():
    found = find_signer(lines(("TM. THƯỜNG TRỰC HỘI ĐỒNG NHÂN", 1), ("DÂN", 1), ("CHỦ TỊCH", 1),
                              ("Lại Thế Nguyên", 1)))
    signer = found.signer
    assert (signer.title, signer.authority, signer.for_title) == ("Chủ tịch", "TM", "Thường trực Hội đồng nhân dân")
    assert signer.chain == ["TM. THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH"]


def test_a_word_with_other_marks_is_no_title():
    # "TRƯỜNG" (a school, the end of a wrapped agency name) is not the title "TRƯỞNG"
    assert title_line("TRƯỜNG") is None and title_line("TRƯỞNG") == "TRƯỞNG"
    assert title_line("PHO CHỦ TỊCH") == "PHÓ CHỦ TỊCH"  # a mark OCR lost is no other word
    assert title_line("PHÓ GIÁM ĐỌC") == "PHÓ GIÁM ĐỐC"  # nor one it swapped, where no word results


def test_a_stray_word_inside_a_block_in_capitals_is_skipped():
    found = find_signer(lines(("TM. ỦY BAN NHÂN DÂN", 1), ("KT. CHỦ TỊCH", 1), ("Anh", 1),
                              ("PHÓ CHỦ TỊCH", 1), ("Lê Trí Thanh", 1)))
    assert (found.signer.name, found.signer.title, found.signer.authority) == ("Lê Trí Thanh", "Phó Chủ tịch", "KT")


def test_name_with_a_pen_stroke_read_as_signs():
    found = find_signer(lines(("TRƯỞNG PHÒNG", 1), ("Phạm:- Thị Thu Hà", 1)))
    assert (found.signer.name, found.signer.title) == ("Phạm Thị Thu Hà", "Trưởng phòng")
