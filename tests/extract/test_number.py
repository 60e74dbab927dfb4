import pytest

from extractors.fields.number import find_number, parse_number
from extractors.fields.portal import parse_portal_number
from tests.extract.helpers import lines


@pytest.mark.parametrize("body, raw, number, symbol", [
    ("2242/KH-UBND", "2242/KH-UBND", 2242, "KH-UBND"),
    ("11 /TB-UBND", "11/TB-UBND", 11, "TB-UBND"),
    ("06/2026/TT-BXD", "06/2026/TT-BXD", 6, "2026/TT-BXD"),
    ("1743/QĐ- BGTVT", "1743/QĐ-BGTVT", 1743, "QĐ-BGTVT"),
    ("/STTTT-CNTT", "/STTTT-CNTT", None, "STTTT-CNTT"),
    ("Ø2 /CT-UBND", "/CT-UBND", None, "CT-UBND"),
    ("04-NQ/TU", "04-NQ/TU", 4, "TU"),
    ("09/TTr-UBND Quảng Ngãi, ngày", "09/TTr-UBND", 9, "TTr-UBND"),
    ("157/QĐ-NĐ-UB", "157/QĐ-NĐ-UB", 157, "QĐ-NĐ-UB"),
])
def test_parse_number(body, raw, number, symbol):
    parsed, _, _ = parse_number(body)
    assert (parsed.raw, parsed.number, parsed.symbol) == (raw, number, symbol)


@pytest.mark.parametrize("body", ["2352, Ngày 21/3/18", "", "12345", "ab/cd"])
def test_parse_number_refuses(body):
    assert parse_number(body) is None


def test_find_number_skips_incoming_stamp():
    found = find_number(lines("CV ĐẾN Số: 2352/VP", "ỦY BAN NHÂN DÂN", "Số: 07/CT-UBND"))
    assert found.number.raw == "07/CT-UBND"
    assert found.warning is None


def test_find_number_legal_heading_and_span():
    ls = lines("QUỐC HỘI", "Luật số: 111/2025/QH15")
    found = find_number(ls)
    assert found.number.raw == "111/2025/QH15"
    text = "\n".join(ln.text for ln in ls)
    assert text[found.span.start:found.span.end] == "111/2025/QH15"


def test_handwritten_number_is_left_blank_with_warning():
    found = find_number(lines("Số: O{_ /TTr-UBND"))
    assert found.number.number is None and found.number.raw == "/TTr-UBND"
    assert "unreadable" in found.warning
    blank = find_number(lines("Số:     /STTTT-CNTT"))
    assert blank.warning == "the number is blank (filled in by hand)"


def test_number_written_by_hand_is_not_guessed():
    from extractors.readers.model import Line, Page
    from extractors.segment import layout_of

    ls = layout_of([Page(1, [Line("Số: 23 /BC-UBND", handwritten=((4, 6),))])]).lines
    found = find_number(ls)
    assert (found.number.raw, found.number.number) == ("/BC-UBND", None)
    assert found.warning == "the number is handwritten (OCR saw '23'); it is left blank rather than guessed"


@pytest.mark.parametrize("line, raw", [
    ("Thông tư liên tịch số: 12/2015/TTLT-BTC-BNV", "12/2015/TTLT-BTC-BNV"),
    ("Pháp lệnh số: 01/2022/UBTVQH15", "01/2022/UBTVQH15"),
    ("Văn bản hợp nhất số 8630/VBHN-BTP", "8630/VBHN-BTP"),
])
def test_number_after_a_type_name(line, raw):
    assert find_number(lines(line)).number.raw == raw


def test_number_in_running_text_is_not_the_documents():
    assert find_number(lines("Căn cứ Nghị định số 30/2020/NĐ-CP của Chính phủ")) is None


@pytest.mark.parametrize("raw, code, fixed", [
    ("18/TIr-SNV", "TTr", "18/TTr-SNV"),
    ("21/QĐĐ-SNV", "QĐ", "21/QĐ-SNV"),
    ("157/QĐĐ-NĐ-UB", "QĐ", "157/QĐ-NĐ-UB"),
    ("/CT-UBND", "CT", "/CT-UBND"),
    ("06/2026/TI-BXD", "TT", "06/2026/TT-BXD"),
    ("299/UBND-TTHC", None, "299/UBND-TTHC"),          # a công văn has no type code
    ("05/KH-UBND", "QĐ", "05/KH-UBND"),                 # too different: left as read
])
def test_reconcile_type_code(raw, code, fixed):
    from extractors.fields.number import reconcile_type_code
    number, _, _ = parse_number(raw)
    result = reconcile_type_code(number, code)
    assert result.raw == fixed and result.symbol == fixed.split("/", 1)[1]


@pytest.mark.parametrize("raw, expected", [
    ("7079VBHN-BVHTTDL", ("7079VBHN-BVHTTDL", 7079, "VBHN-BVHTTDL")),  # the portal lost the "/"
    ("14 /VBHN-BCT", ("14/VBHN-BCT", 14, "VBHN-BCT")),
    ("2025", None),
])
def test_portal_number(raw, expected):
    found = parse_portal_number(raw)
    if expected is None:
        assert found is None
    else:
        assert (found.raw, found.number, found.symbol) == expected


def test_number_whose_slash_ocr_lost_is_read_with_a_warning():
    found = find_number(lines("SỞ NỘI VỤ", "Số: 11GNP-SNV"), ocr_pages=frozenset({1}))
    assert (found.number.raw, found.number.number, found.number.symbol) == ("11/GNP-SNV", 11, "GNP-SNV")
    assert found.warning == "the number has no \"/\" after its digits ('11GNP-SNV'); read as 11/GNP-SNV"


def test_number_printed_without_its_slash_is_kept_as_printed():
    found = find_number(lines("Văn bản hợp nhất số 7079VBHN-BVHTTDL Quy định mã số"))
    assert (found.number.raw, found.number.number, found.number.symbol) == (
        "7079VBHN-BVHTTDL", 7079, "VBHN-BVHTTDL")
    assert found.warning == "the number has no \"/\" after its digits ('7079VBHN-BVHTTDL')"


def test_a_word_after_số_is_no_number_without_its_symbol():
    assert find_number(lines("Số: 11 cán bộ")) is None
