import pytest

from extractors.normalize import normalize_document, normalize_text
from extractors.readers.model import Line, Page, RawDocument


def test_normalize_text():
    assert normalize_text("Số:  11 ⁄TB-UBND\u00a0 ") == "Số: 11 /TB-UBND"
    assert normalize_text("QÐ-UBND") == "QĐ-UBND"  # Ð (eth) read as Đ
    assert normalize_text("**KT. GIÁM ĐỐC**") == "KT. GIÁM ĐỐC"
    assert normalize_text("Ho\u0300a") == "Hòa"  # NFC


def test_legacy_page_converted_and_warned():
    tcvn3 = ["Céng hoµ x· héi chñ nghÜa ViÖt Nam", "§éc lËp - Tù do - H¹nh phóc"]
    raw = RawDocument("x.txt", "txt", [Page(1, [Line(t) for t in tcvn3] + [Line("   ")])], 1, True)
    out = normalize_document(raw)
    assert [ln.text for ln in out.pages[0].lines] == [
        "Cộng hoà xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc"]
    assert out.warnings == ["text in the legacy tcvn3 encoding was converted to Unicode"]


def test_ocr_pages_are_never_taken_for_legacy_text():
    noise = ["Céng hoµ x· héi chñ nghÜa ViÖt Nam", "§éc lËp - Tù do - H¹nh phóc"]
    raw = RawDocument("x.pdf", "pdf", [Page(1, [Line(t) for t in noise], ocr=True)], 1, False, True)
    out = normalize_document(raw)
    assert [ln.text for ln in out.pages[0].lines] == noise and out.warnings == []


def test_ocr_specks_are_dropped_on_ocr_pages_only():
    assert normalize_text("ỦY BAN NHÂN DÂN TỈNH BẮC ˆ NINH", ocr=True) == "ỦY BAN NHÂN DÂN TỈNH BẮC NINH"
    assert normalize_text("giữa Sở Nội vụ và Sở 'Tài chính’", ocr=True) == "giữa Sở Nội vụ và Sở Tài chính"
    assert normalize_text("người H'Mông", ocr=True) == "người H'Mông"
    assert normalize_text("Sở 'Tài chính'") == "Sở 'Tài chính'"


def test_normalising_guesses_at_no_word():
    # glued syllables are parted by the correction stage (tests/extract/test_correct.py)
    assert normalize_text("SỞNỘIVỤ", ocr=True) == normalize_text("SỞNỘIVỤ") == "SỞNỘIVỤ"


@pytest.mark.parametrize("line, expected", [
    ("*Bình Dương, ngày 03 tháng 5 năm 2023*", "Bình Dương, ngày 03 tháng 5 năm 2023"),
    ("# KẾ HOẠCH", "KẾ HOẠCH"),
    ("_Nơi nhận:_", "Nơi nhận:"),
    ("* một mục của danh sách", "* một mục của danh sách"),  # a list item keeps its mark
])
def test_markdown_headings_and_emphasis(line, expected):
    assert normalize_text(line) == expected


def test_pieces_of_a_hyphenated_foreign_name_are_not_parted():
    assert normalize_text("Cộng hòa Bê-larút và Xanh-pêtécbua", ocr=True) == "Cộng hòa Bê-larút và Xanh-pêtécbua"
