"""Quantities: symbols, ranges, decimal commas, units as written."""
import pytest

from extractors.fields.quantities import find_quantities


def _q(text):
    return [(q.value, q.upper, q.unit, q.kind, q.comparator) for q in find_quantities(text)]


@pytest.mark.parametrize("text, expected", [
    ("đạt ≥ 90% số xã", [(90, None, "%", "percent", ">=")]),
    ("≤2% số hộ", [(2, None, "%", "percent", "<=")]),
    ("> 95%", [(95, None, "%", "percent", ">")]),
    ("dưới < 5 %", [(5, None, "%", "percent", "<")]),
    # a range gives its two ends; the unit may be written after both or only the second
    ("tăng trưởng từ 9,5 – 12%", [(9.5, 12, "%", "percent", None)]),
    ("đạt 95% - 100%", [(95, 100, "%", "percent", None)]),
    ("giảm bình quân 1 - 1,5%/năm", [(1, 1.5, "%/năm", "percent", None)]),
    ("từ 15 tỷ đồng đến 20 tỷ đồng", [(15, 20, "tỷ đồng", "money", None)]),
    # units as written, scale word included
    ("thu nhập 65 triệu đồng/người/năm", [(65, None, "triệu đồng/người/năm", "money", None)]),
    ("tổng vốn 75.000 tỷ đồng", [(75000, None, "tỷ đồng", "money", None)]),
    ("GDP bình quân đầu người 5.800 USD", [(5800, None, "USD", "money", None)]),
    ("xây dựng 1.200 km đường", [(1200, None, "km", "measure", None)]),
    ("đạt 3 sao trở lên", [(3, None, "sao", "measure", None)]),
    ("tăng gấp 1,5 lần", [(1.5, None, "lần", "measure", None)]),
    ("35 giường bệnh/vạn dân", [(35, None, "giường bệnh/vạn dân", "measure", None)]),
    ("tỷ suất tử vong dưới 18‰", [(18, None, "‰", "percent", None)]),
    ("tuổi thọ trung bình đạt 75 tuổi", [(75, None, "tuổi", "measure", None)]),
    ("500 doanh nghiệp", [(500, None, "doanh nghiệp", "count", None)]),
    ("1,5 triệu người", [(1.5, None, "triệu người", "count", None)]),
    # not quantities: a group named by an age, a comrade, labels, dates, a year range
    ("trẻ em dưới 5 tuổi", []),
    ("24 đồng chí tham dự", []),
    ("dịch vụ công trực tuyến mức độ 3 - 4%", [(4, None, "%", "percent", None)]),
    ("giai đoạn 2021-2025", []),
    ("Điều 5 và khoản 2", []),
])
def test_quantities(text, expected):
    assert _q(text) == expected


def test_a_number_and_its_unit_on_two_lines_are_two_paragraphs():
    assert _q("có 21\nHồ sơ được giải quyết") == []
