import pytest

from extractors.fields.timex import scan_times
from extractors.fields.vn_numbers import parse_number, scaled

CASES = [
    ("ngày 03 tháng 6\nnăm 2020", "date", "2020-06-03", "2020-06-03"),
    ("31/12/2024", "date", "2024-12-31", "2024-12-31"),
    ("00h ngày 09/9/2024", "date", "2024-09-09T00:00", "2024-09-09"),
    ("ngày 15/10/2024 lúc 14h30", "date", "2024-10-15T14:30", "2024-10-15"),
    ("tháng 10/2024", "month", "2024-10", "2024-10-31"),
    ("tháng 02 năm 2024", "month", "2024-02", "2024-02-29"),
    ("quý 1-2022", "quarter", "2022-03-31", "2022-03-31"),
    ("quý IV năm 2024", "quarter", "2024-12-31", "2024-12-31"),
    ("6 tháng đầu năm 2024", "half", "2024-06-30", "2024-06-30"),
    ("cuối năm 2022", "year", "2022", "2022-12-31"),
    ("năm 2025", "year", "2025", "2025-12-31"),
    ("đầu năm 2022", "year", "2022", None),
]


@pytest.mark.parametrize("text, kind, label, last", CASES)
def test_time_expressions(text, kind, label, last):
    (mention,), warnings = scan_times(text)
    assert (text[mention.start:mention.end], mention.kind, mention.label(), mention.last_day()) == (
        text, kind, label, last)
    assert warnings == []


@pytest.mark.parametrize("text, warning", [
    ("ngày 31 tháng 02 năm 2022", "no such date: “ngày 31 tháng 02 năm 2022”"),
    ("hạn chót 30/02/2024.", "no such date: “30/02/2024”"),
    ("ngày 31 tháng 02", "no such date: “ngày 31 tháng 02”"),
])
def test_dates_that_do_not_exist_warn(text, warning):
    assert scan_times(text) == ([], [warning])


@pytest.mark.parametrize("text", ["0969.701.168", "4G/5G", "24/7", "2242/KH-UBND", "mức độ 3, 4"])
def test_not_times(text):
    assert scan_times(text) == ([], [])


@pytest.mark.parametrize("text, value", [
    ("85", 85), ("2,5", 2.5), ("1.000.000", 1_000_000), ("1.000.000,5", 1_000_000.5), ("2.5", 2.5),
    ("1,000,000", 1_000_000), ("0,7", 0.7), ("abc", None), ("", None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("value, word, expected", [(1.5, "triệu", 1_500_000), (2, "tỷ", 2_000_000_000), (3, None, 3)])
def test_scaled(value, word, expected):
    assert scaled(value, word) == expected
