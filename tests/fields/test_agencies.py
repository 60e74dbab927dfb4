import pytest

from extractors.fields.agencies import expand_abbreviation, find_agencies, merged_into, province_names


def test_province_lists_before_and_after_the_2025_merger():
    assert len(province_names(after_2025=True)) >= 34
    names = {p for p in province_names()}
    assert {"Quảng Nam", "Đà Nẵng", "Hồ Chí Minh", "Bình Dương"} <= names
    assert merged_into("Quảng Nam") == "Đà Nẵng"
    assert merged_into("Kon Tum") == "Quảng Ngãi"
    assert merged_into("Đà Nẵng") is None


@pytest.mark.parametrize("abbr, name", [
    ("UBND", "Ủy ban nhân dân"), ("HĐND", "Hội đồng nhân dân"), ("STTTT", "Sở Thông tin và Truyền thông"),
    ("BTTTT", "Bộ Thông tin và Truyền thông"), ("BGTVT", "Bộ Giao thông vận tải"), ("XYZ", None),
])
def test_abbreviations(abbr, name):
    assert expand_abbreviation(abbr) == name


def test_find_agencies():
    text = ("của Ủy ban nhân\ndân Thành phố phê duyệt; của Thủ tướng Chính phủ về; UBND tỉnh Quảng Ngãi; "
            "Ban Thường vụ Tỉnh ủy về; Sở Thông tin và Truyền thông kính đề nghị")
    assert [" ".join(text[s:e].split()) for s, e in find_agencies(text)] == [
        "Ủy ban nhân dân Thành phố", "Thủ tướng Chính phủ", "UBND tỉnh Quảng Ngãi", "Ban Thường vụ Tỉnh ủy",
        "Sở Thông tin và Truyền thông"]
