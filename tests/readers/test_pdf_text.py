"""Born-digital PDFs of the dev corpus: exact lines, columns and signatures."""
from __future__ import annotations

import pytest

from extractors.readers.model import SignatureInfo


def texts(page, column="any"):
    return [l.text for l in page.lines if column == "any" or l.column == column]


def test_d06_header_left_column_then_right_column(d06):
    first = [(l.column, l.text) for l in d06.pages[0].lines[:7]]
    assert first == [
        (0, "ỦY BAN NHÂN DÂN"),
        (0, "TỈNH QUẢNG NGÃI"),
        (0, "Số: 11 /TB-UBND"),  # "11" lives in a signature widget, not the page content
        (1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (1, "Độc lập - Tự do - Hạnh phúc"),
        (1, "Quảng Ngãi, ngày 08 tháng 01 năm 2025"),
        (None, "THÔNG BÁO"),
    ]


def test_d06_is_a_text_pdf(d06):
    assert (d06.format, d06.page_count, d06.text_layer, d06.ocr) == ("pdf", 2, True, False)
    assert [p.ocr for p in d06.pages] == [False, False]
    assert d06.pages[0].width == pytest.approx(595.32)


def test_d06_publishing_stamp_is_a_signature_not_a_line(d06):
    all_text = "\n".join(l.text for p in d06.pages for l in p.lines)
    assert "ttcbth@quangngai.gov.vn" not in all_text
    assert "09.01.2025" not in all_text
    assert SignatureInfo("TRUNG TÂM CÔNG BÁO VÀ TIN HỌC", None, "2025-01-09T10:21:11+07:00",
                         "stamp") in d06.signatures


def test_d06_signature_dictionaries(d06):
    found = [s for s in d06.signatures if s.source == "dictionary"]
    assert found == [
        SignatureInfo("Nguyễn Phước Bình", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI",
                      "2025-01-08T17:30:49+07:00", "dictionary"),
        SignatureInfo("Ủy ban nhân dân tỉnh Quảng Ngãi", "Tỉnh Quảng Ngãi",
                      "2025-01-09T10:09:16+07:00", "dictionary"),
        SignatureInfo("TRUNG TÂM CÔNG BÁO VÀ TIN HỌC", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI",
                      "2025-01-09T10:21:11+07:00", "dictionary"),
    ]
    assert d06.warnings == []


def test_d06_closing_band_noi_nhan_then_signer(d06):
    closing = [(l.column, l.text) for l in d06.pages[1].lines if l.column is not None]
    left = [t for c, t in closing if c == 0]
    right = [t for c, t in closing if c == 1]
    assert left[0] == "Nơi nhận:" and left[-1] == "- Lưu: VT, KTTHh5."
    assert len(left) == 12
    assert right == ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG",
                     "Nguyễn Phước Bình"]
    columns = [c for c, _ in closing]  # the whole left column, then the right: never interleaved
    assert columns == sorted(columns)
    assert d06.pages[1].lines[0].text == "2"  # the page number, centred: no column


def test_d11_trich_yeu_stays_in_the_left_column(d11):
    lines = d11.pages[0].lines
    assert texts(d11.pages[0], 0)[:8] == [
        "ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 507 /UBND-KGVX",
        "V/v góp ý dự thảo Quyết định sửa", "đổi, bổ sung một số điều của",
        "Quyết định số 2269/QĐ-TTg về", "Chương trình cung cấp dịch vụ", "viễn thông công ích",
    ]
    assert [l.text for l in lines[8:11]] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Quảng Ngãi, ngày 24 tháng 01 năm 2025",
    ]


def test_d11_line_boxes_and_fonts(d11):
    first = d11.pages[0].lines[0]
    assert (first.bold, first.size) == (True, 12.96)
    assert first.x0 == pytest.approx(109, abs=1) and first.top == pytest.approx(71, abs=1)
    assert first.x1 < 300 < d11.pages[0].lines[8].x1


def test_all_text_is_nfc(d06, d11):
    import unicodedata

    for doc in (d06, d11):
        for page in doc.pages:
            for line in page.lines:
                assert unicodedata.is_normalized("NFC", line.text)


def test_d11_kinh_gui_under_the_band_is_full_width(d11):
    lines = [(l.column, l.text) for l in d11.pages[0].lines]
    at = lines.index((None, "Kính gửi: Sở Thông tin và Truyền thông"))
    assert lines[at - 1] == (1, "Quảng Ngãi, ngày 24 tháng 01 năm 2025")
