"""Vietnamese helpers: ND30 dates, số ký hiệu, numbers in words, Roman numerals, type codes."""
import datetime as dt

import pytest

from docgen.vn import DOC_TYPES, nd30_date, number_to_words, parse_date, place_date, roman, so_ky_hieu, type_by_code
from docgen.layout.body import diem_letter, close_text


@pytest.mark.parametrize("value, expected", [
    ("2020-03-05", "ngày 05 tháng 3 năm 2020"),
    ("2020-01-05", "ngày 05 tháng 01 năm 2020"),
    ("2025-02-05", "ngày 05 tháng 02 năm 2025"),
    ("2019-06-29", "ngày 29 tháng 6 năm 2019"),
    ("2024-12-31", "ngày 31 tháng 12 năm 2024"),
    ("2024-10-10", "ngày 10 tháng 10 năm 2024"),
    ("2024-11-09", "ngày 09 tháng 11 năm 2024"),
    (dt.date(2021, 2, 1), "ngày 01 tháng 02 năm 2021"),
    ("5/3/2020", "ngày 05 tháng 3 năm 2020"),
    ("05.03.2020", "ngày 05 tháng 3 năm 2020"),
    ("ngày 5 tháng 03 năm 2020", "ngày 05 tháng 3 năm 2020"),
])
def test_nd30_date(value, expected):
    assert nd30_date(value) == expected


def test_place_date():
    assert place_date("Thành phố Hồ Chí Minh", "2019-06-29") == "Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019"


@pytest.mark.parametrize("bad", ["2020-13-01", "31/02/2020", "hôm qua", "", "2020/03"])
def test_parse_date_rejects(bad):
    with pytest.raises(ValueError):
        parse_date(bad)


@pytest.mark.parametrize("args, expected", [
    ((5, "KH", "UBND"), "05/KH-UBND"),
    ((15, "QĐ", "BNV"), "15/QĐ-BNV"),
    ((1, "QyĐ", "SNV"), "01/QyĐ-SNV"),
    ((12, "TTr", "UBND"), "12/TTr-UBND"),
    ((3, "CTr", "SNV"), "03/CTr-SNV"),
    ((5, None, "BNV", "VP"), "05/BNV-VP"),
    ((12, "", "UBND", "VX"), "12/UBND-VX"),
    ((2242, "KH", "UBND"), "2242/KH-UBND"),
    ((7, "KH", "S NV"), "07/KH-SNV"),
    ((7, None, "snv", "vp"), "07/SNV-VP"),
    ((None, "KH", "UBND"), "/KH-UBND"),
])
def test_so_ky_hieu(args, expected):
    assert so_ky_hieu(*args) == expected


def test_so_ky_hieu_rejects_zero():
    with pytest.raises(ValueError):
        so_ky_hieu(0, "KH", "UBND")


@pytest.mark.parametrize("n, words", [
    (0, "không"), (1, "một"), (5, "năm"), (10, "mười"), (11, "mười một"), (15, "mười lăm"),
    (20, "hai mươi"), (21, "hai mươi mốt"), (25, "hai mươi lăm"), (55, "năm mươi lăm"),
    (101, "một trăm linh một"), (105, "một trăm linh năm"), (110, "một trăm mười"),
    (115, "một trăm mười lăm"), (1000, "một nghìn"), (1005, "một nghìn không trăm linh năm"),
    (15000, "mười lăm nghìn"), (250_000_000, "hai trăm năm mươi triệu"),
    (1_000_000_000, "một tỷ"), (1_250_000_000, "một tỷ hai trăm năm mươi triệu"),
    (2_000_000_021, "hai tỷ không trăm hai mươi mốt"), (1_000_000_000_000, "một nghìn tỷ"),
])
def test_number_to_words(n, words):
    assert number_to_words(n) == words


@pytest.mark.parametrize("n, numeral", [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (2024, "MMXXIV"), (3999, "MMMCMXCIX")])
def test_roman(n, numeral):
    assert roman(n) == numeral


@pytest.mark.parametrize("n", [0, 4000, -1])
def test_roman_range(n):
    with pytest.raises(ValueError):
        roman(n)


def test_diem_letters_have_no_f():
    assert [diem_letter(i) for i in range(9)] == ["a", "b", "c", "d", "đ", "e", "g", "h", "i"]


@pytest.mark.parametrize("text, closed", [("Hết.", "Hết./."), ("Hết", "Hết./."), ("Hết./.", "Hết./."), ("giải quyết:  ", "giải quyết:./.")])
def test_close_text(text, closed):
    assert close_text(text) == closed


@pytest.mark.parametrize("code, name", [
    ("NQ", "Nghị quyết"), ("QĐ", "Quyết định"), ("QyĐ", "Quy định"), ("CTr", "Chương trình"),
    ("TTr", "Tờ trình"), ("ĐA", "Đề án"), ("HĐ", "Hợp đồng"), ("CĐ", "Công điện"), ("GGT", "Giấy giới thiệu"),
])
def test_abbreviation_table(code, name):
    assert type_by_code(code).name == name


def test_abbreviations_use_real_d_with_stroke():
    codes = [info.code for info in DOC_TYPES.values() if "Đ" in info.code]
    assert sorted(codes) == ["CĐ", "HĐ", "QyĐ", "QĐ", "ĐA"]
    assert all("\u0110" in code for code in codes)
    assert len([i for i in DOC_TYPES.values() if i.code]) == 27
    assert DOC_TYPES["cong_van"].code == ""
