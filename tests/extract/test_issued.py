import pytest

from extractors.fields.issued import find_issued, iso_date
from tests.extract.helpers import lines


@pytest.mark.parametrize("line, date, place", [
    ("Quảng Ngãi, ngày 08 tháng 01 năm 2025", "2025-01-08", "Quảng Ngãi"),
    ("Hà Nội, ngày 5 tháng 3 năm 2020", "2020-03-05", "Hà Nội"),
    ("Số: 157/QĐ-NĐ-UB Cao Bằng, ngày 22 tháng 2 năm 1999.", "1999-02-22", "Cao Bằng"),
    ("Đà Nẵng, ngày tháng 12 năm 2021", "2021-12", "Đà Nẵng"),
    ("Quảng Ngãi, ngày 2# thángØ? năm 2021", None, "Quảng Ngãi"),
    ("ngày 31 tháng 02 năm 2024", None, None),
    ("Cao Bằng, ngày I8 tháng 9 năm I999", "1999-09-18", "Cao Bằng"),
    ("Quảng Ngãi, ngày 20 thảng 01 năm 2025", "2025-01-20", "Quảng Ngãi"),  # OCR's slip on "tháng"
    # marks lost: read as printed (the correction stage restores the province's before the fields)
    ("Quang Ngai, ngay 20 thang 01 nam 2025", "2025-01-20", "Quang Ngai"),
    ("Hà Nội, ngày 20/01/2025", "2025-01-20", "Hà Nội"),  # the short form, after a place
    ("Quảng Ngãi, ngày 20 - 01 - 2025", "2025-01-20", "Quảng Ngãi"),
])
def test_find_issued(line, date, place):
    found = find_issued(lines(line))
    assert (found.date, found.place) == (date, place)


def test_place_wrapped_over_two_lines():
    found = find_issued(lines("Thành phố Hồ Chí", "Minh, ngày 05 tháng 7 năm 2022"))
    assert (found.date, found.place) == ("2022-07-05", "Thành phố Hồ Chí Minh")


@pytest.mark.parametrize("day, month, year, date, warning", [
    (5, 1, 2020, "2020-01-05", None),
    (None, 12, 2021, "2021-12", "the day of the date is blank or handwritten"),
    (31, 2, 2024, None, "the date ngày 31 tháng 2 năm 2024 does not exist"),
    (1, None, 2024, None, "the month of the date is unreadable"),
])
def test_iso_date(day, month, year, date, warning):
    assert iso_date(day, month, year) == (date, warning)


def test_day_written_by_hand_gives_year_and_month():
    from extractors.readers.model import Line, Page
    from extractors.segment import layout_of

    ls = layout_of([Page(1, [Line("Quảng Ngãi, ngày 23 tháng 01 năm 2025", handwritten=((17, 19),))])]).lines
    assert find_issued(ls).date == "2025-01"


def test_normalize_keeps_handwritten_ranges_on_their_words():
    from extractors.normalize import _normalize_marked

    text, marked = _normalize_marked("  Số:  23  /BC-UBND ", ((7, 9),))
    assert text == "Số: 23 /BC-UBND"
    assert [text[a:b] for a, b in marked] == ["23"]


@pytest.mark.parametrize("line", [
    "đến ngày 20/01/2025 phải hoàn thành",  # no place before it: a date of the body
    "CV ĐẾN, Ngày 21/3/2018",  # an incoming-mail stamp
])
def test_short_date_needs_a_place_in_normal_case(line):
    assert find_issued(lines(line)) is None
