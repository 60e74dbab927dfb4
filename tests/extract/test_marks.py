import pytest

from extractors.marks import agree_with_document, pair_spellings, restore_marks


@pytest.mark.parametrize("ocr, mended", [
    ("quy trình nội bộ giải quyêt TTHC", "quy trình nội bộ giải quyết TTHC"),
    ("V/v công bô Danh mục", "V/v công bô Danh mục"),  # "bô" is a word: left alone
    ("ban hành Nghị quyết đổi tên cơ quan", "ban hành Nghị quyết đổi tên cơ quan"),
    ("giao dự toán cho tỉnh ban hành", "giao dự toán cho tỉnh ban hành"),
    ("tỉnh Quảng Ngãi nhiệm kỳ 2021 - 2026", "tỉnh Quảng Ngãi nhiệm kỳ 2021 - 2026"),
])
def test_restore_marks(ocr, mended):
    assert restore_marks(ocr) == mended


BODY = ("Sở Nội vụ đã trình đổi tên cơ quan. Sau khi đổi tên, Ủy ban công bố danh mục; "
        "việc công bố xong trước ngày 20. Hai đôi giày.")


@pytest.mark.parametrize("ocr, mended", [
    ("Nghị quyết đôi tên cơ quan", "Nghị quyết đổi tên cơ quan"),    # lost hỏi, the body has it
    ("V/v công bô Danh mục", "V/v công bố Danh mục"),                # lost sắc
    ("Công bô danh mục", "Công bố danh mục"),                        # capital kept
    ("V/v công bồ Danh mục", "V/v công bồ Danh mục"),                # a changed mark is not put right
    ("Hai đổi giày", "Hai đổi giày"),                                # a mark is never taken away
    ("Về đôi tên", "Về đổi tên"),
    ("Về việc đôi giày", "Về việc đôi giày"),                        # the body has no other spelling
])
def test_agree_with_document(ocr, mended):
    assert agree_with_document(ocr, pair_spellings(BODY)) == mended


def test_a_spelling_as_frequent_in_the_body_as_the_subject_s_is_left_alone():
    rest = pair_spellings("đôi tên một lần; đổi tên một lần")
    assert agree_with_document("đôi tên", rest) == "đôi tên"
