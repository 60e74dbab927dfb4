"""Scanned PDFs of the dev corpus: detected as scans, stamps parsed, OCR of a header."""
from __future__ import annotations

import pytest

from extractors.readers import read
from extractors.readers.model import SignatureInfo
from tests.readers.conftest import dev_pdf

STAMP_D03 = [
    SignatureInfo("Ủy ban nhân dân tỉnh Quảng Ngãi", "Tỉnh Quảng Ngãi", "2025-01-07T10:09:57", "stamp"),
    SignatureInfo("TRUNG TÂM CÔNG BÁO VÀ TIN HỌC", None, "2025-01-07T10:44:25+07:00", "stamp"),
]


@pytest.fixture(scope="module")
def d03_no_ocr():
    return read(dev_pdf("d03.pdf"), ocr="never")


def test_scan_with_only_a_stamp_is_not_a_text_page(d03_no_ocr):
    doc = d03_no_ocr
    assert (doc.page_count, doc.text_layer, doc.ocr) == (1, False, False)
    assert doc.pages[0].lines == []  # the stamp text never reaches the page
    assert doc.warnings == ["no text layer on page(s) 1; OCR was turned off"]


def test_scan_stamps_become_signatures(d03_no_ocr):
    assert [s for s in d03_no_ocr.signatures if s.source == "stamp"] == STAMP_D03
    assert SignatureInfo("Ủy ban nhân dân tỉnh Quảng Ngãi", "Tỉnh Quảng Ngãi",
                         "2025-01-07T10:09:57+07:00", "dictionary") in d03_no_ocr.signatures


@pytest.mark.parametrize("name, stamp", [
    ("d02.pdf", SignatureInfo("Ủy ban nhân dân tỉnh Quảng Ngãi", None, "2021-01-05T08:15:24", "stamp")),
    ("d04.pdf", SignatureInfo("Trung tâm Công báo và Tin học", None, "2018-03-21T16:41:00+07:00", "stamp")),
])
def test_other_stamp_forms(name, stamp):
    doc = read(dev_pdf(name), ocr="never")
    assert stamp in doc.signatures
    assert all(p.lines == [] for p in doc.pages)


def test_scan_without_any_text_or_signature():
    doc = read(dev_pdf("d12.pdf"), ocr="never")
    assert (doc.page_count, doc.signatures, doc.pages[0].lines) == (1, [], [])


@pytest.mark.slow
def test_ocr_of_a_scanned_header():
    doc = read(dev_pdf("d03.pdf"))
    page = doc.pages[0]
    assert (doc.ocr, page.ocr) == (True, True)
    left = [l.text for l in page.lines if l.column == 0]
    right = [l.text for l in page.lines if l.column == 1]
    assert left[:2] == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"]
    assert left[2].startswith("Số:") and left[2].endswith("/TTr-UBND")  # number handwritten
    assert right[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert right[2] == "Quảng Ngãi, ngày tháng 01 năm 2025"  # day handwritten, unread
    texts = [l.text for l in page.lines]
    assert texts.index("Độc lập - Tự do - Hạnh phúc") < texts.index("TỜ TRÌNH")
    assert "Kính gửi: Hội đồng nhân dân tỉnh" in texts
    assert not any("Ký bởi" in t or "ttcbth" in t for t in texts)  # stamps masked


@pytest.mark.slow
def test_tightly_set_signature_lines_of_a_scan_stay_apart():
    from tests.readers.conftest import first_page

    right = [l.text for l in first_page("d09.pdf").lines if l.column == 1 and l.top > 550]
    assert right == ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Nguyễn Quốc Việt"]
