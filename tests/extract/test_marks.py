import pytest

from extractors.marks import restore_marks


@pytest.mark.parametrize("ocr, mended", [
    ("quy trình nội bộ giải quyêt TTHC", "quy trình nội bộ giải quyết TTHC"),
    ("V/v công bô Danh mục", "V/v công bô Danh mục"),  # "bô" is a word: left alone
    ("ban hành Nghị quyết đổi tên cơ quan", "ban hành Nghị quyết đổi tên cơ quan"),
    ("giao dự toán cho tỉnh ban hành", "giao dự toán cho tỉnh ban hành"),
    ("tỉnh Quảng Ngãi nhiệm kỳ 2021 - 2026", "tỉnh Quảng Ngãi nhiệm kỳ 2021 - 2026"),
])
def test_restore_marks(ocr, mended):
    assert restore_marks(ocr) == mended
