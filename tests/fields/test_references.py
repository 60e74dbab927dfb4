import pytest

from extractors.fields.references import Context, find_references, normalize_number, type_from_symbol
from extractors.records import Reference
from tests.fields.helpers import bare, doc

R = Reference

CASES = [
    # a full citation: type, number, long date, issuer, title after "về"
    ("Thực hiện Quyết định số 749/QĐ-TTg ngày 03 tháng 6\nnăm 2020 của Thủ tướng Chính phủ về phê duyệt "
     "“Chương trình chuyển đổi số quốc gia”;",
     [R("Quyết định", "749/QĐ-TTg", "2020-06-03", "Thủ tướng Chính phủ",
        "phê duyệt “Chương trình chuyển đổi số quốc gia”")]),
    # a list sharing its trailing date
    ("Căn cứ các Quyết định số: 1743/QĐ-BGTVT, 1744/QĐ-BGTVT ngày 31/12/2024 của Bộ Giao thông vận tải.",
     [R("Quyết định", "1743/QĐ-BGTVT", "2024-12-31", None, None),
      R("Quyết định", "1744/QĐ-BGTVT", "2024-12-31", "Bộ Giao thông vận tải", None)]),
    # OCR split the symbol after its hyphen
    ("theo Quyết định số 1743/QĐ- BGTVT ngày 31/12/2024",
     [R("Quyết định", "1743/QĐ-BGTVT", "2024-12-31", None, None)]),
    # legal-normative number, type from the word
    ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
     [R("Nghị định", "30/2020/NĐ-CP", "2020-03-05", "Chính phủ", "công tác văn thư")]),
    # Party document
    ("Thực hiện Nghị quyết số 04-NQ/TU ngày 15/7/2021 của Ban Thường vụ Tỉnh ủy về chuyển đổi số;",
     [R("Nghị quyết", "04-NQ/TU", "2021-07-15", "Ban Thường vụ Tỉnh ủy", "chuyển đổi số")]),
    # a law named without a number
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
     [R("Luật", None, "2015-06-19", None, "Tổ chức chính quyền địa phương")]),
    # a law named before its number
    ("Căn cứ Luật Địa chất và khoáng sản số 54/2024/QH15;",
     [R("Luật", "54/2024/QH15", None, None, "Địa chất và khoáng sản")]),
    # two laws joined by "và"
    ("Căn cứ Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương;",
     [R("Luật", None, None, None, "Tổ chức Chính phủ"), R("Luật", None, None, None, "Tổ chức chính quyền địa phương")]),
    # a short re-mention merges into the first; the date written in front is read
    ("Ngày 10/12/2021, UBND thành phố đã ban hành Quyết định số 3970/QĐ-UBND về việc ban hành Kế hoạch "
     "thi đua. (Quyết định số 3970/QĐ-UBND kèm theo Công văn này).",
     [R("Quyết định", "3970/QĐ-UBND", "2021-12-10", "UBND thành phố", "ban hành Kế hoạch thi đua")]),
    # a document named by a quoted title
    ("triển khai Đề án “Xây dựng tỉnh trở thành đô thị thông minh” năm 2022",
     [R("Đề án", None, None, None, "Xây dựng tỉnh trở thành đô thị thông minh")]),
    # a news sentence saying a plan was issued
    ("UBND thành phố Đà Nẵng vừa ban hành kế hoạch phát động thi đua chuyển đổi số nhằm thực hiện thắng lợi.",
     [R("Kế hoạch", None, None, "UBND thành phố Đà Nẵng", "phát động thi đua chuyển đổi số")]),
    # a bare number: the type comes from its symbol; an agency-led symbol is a công văn
    ("theo hướng dẫn tại văn bản 123/UBND-VX và 45/2019/QH14",
     [R("Văn bản", "123/UBND-VX", None, None, None), R("Luật", "45/2019/QH14", None, None, None)]),
    ("không có văn bản nào được dẫn, chỉ có 4G/5G, 24/7 và 85%.", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_references(text, expected):
    assert [bare(r) for r in find_references(doc(text))] == expected


def test_own_number_and_self_mention_are_not_references():
    text = ("Số: 2242/KH-UBND\nỦy ban nhân dân Thành phố ban hành Kế hoạch phát động phong trào thi đua "
            "chuyển đổi số trên địa bàn Thành phố (gọi tắt là Phong trào).")
    ctx = Context("2242/KH-UBND", "Kế hoạch", "Phát động phong trào thi đua chuyển đổi số trên địa bàn Thành phố")
    assert find_references(doc(text), context=ctx) == []


def test_span_points_at_the_citation():
    text = "Thực hiện Chỉ thị số 02/CT-TTg ngày 26 tháng 4 năm 2022 của Thủ tướng Chính phủ về phát triển."
    ref = find_references(doc(text))[0]
    assert text[ref.span.start:ref.span.end].startswith("Chỉ thị số 02/CT-TTg")
    assert ref.span.page == 1


@pytest.mark.parametrize("raw, expected", [
    ("1743/QĐ- BGTVT", "1743/QĐ-BGTVT"), ("749/QÐ-TTg", "749/QĐ-TTg"), ("30/2020/NĐ-CP", "30/2020/NĐ-CP"),
])
def test_normalize_number(raw, expected):
    assert normalize_number(raw) == expected


@pytest.mark.parametrize("number, expected", [
    ("30/2020/NĐ-CP", "Nghị định"), ("04-NQ/TU", "Nghị quyết"), ("35-KL/TW", "Kết luận"),
    ("45/2019/QH14", "Luật"), ("2242/KH-UBND", "Kế hoạch"), ("123/UBND-VX", "Công văn"), ("12/ABC", None),
])
def test_type_from_symbol(number, expected):
    assert type_from_symbol(number) == expected


@pytest.mark.parametrize("text, expected", [
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đầu tư công số 03/2022/QH15;",
     [R("Luật", "03/2022/QH15", None, None, "sửa đổi, bổ sung một số điều của Luật Đầu tư công")]),
    ("Căn cứ Bộ luật Hàng hải Việt Nam ngày 25 tháng 11 năm 2015;",
     [R("Bộ luật", None, "2015-11-25", None, "Hàng hải Việt Nam")]),
])
def test_laws(text, expected):
    assert [bare(r) for r in find_references(doc(text))] == expected
