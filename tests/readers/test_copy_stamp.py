"""Certified-copy e-stamps ("SAO Y; <office>; <date>; <time>"): a bound, never page text.

A scanned copy whose only text is such a stamp is a scan, read by OCR; the stamp becomes a
``SignatureInfo(source="copy")``.
"""
from __future__ import annotations

import pytest

from extractors import extract
from extractors.readers import read
from extractors.readers.model import SignatureInfo
from extractors.readers.signature import parse_copy_stamp
from tests.readers.conftest import dev_pdf
from tests.readers.scan_pages import page_image, scan_pdf
from tests.readers.test_layer_judged import PRINTED


@pytest.mark.parametrize("text, office, when", [
    ("SAO Y; CÔNG AN TỈNH LÂM ĐỒNG; 19/03/2026; 08:40:00; +07:00", "CÔNG AN TỈNH LÂM ĐỒNG",
     "2026-03-19T08:40:00+07:00"),
    ("SAO LỤC; VĂN PHÒNG UBND TỈNH BẮC NINH; 02/04/2025; 10:11:12", "VĂN PHÒNG UBND TỈNH BẮC NINH",
     "2025-04-02T10:11:12"),
    ("Trích sao; Sở Tư pháp; 5/1/2024", "Sở Tư pháp", "2024-01-05"),
])
def test_copy_stamps_are_parsed(text, office, when):
    assert parse_copy_stamp(text) == SignatureInfo(None, office, when, "copy")


@pytest.mark.parametrize("text", [
    "SAO Y BẢN CHÍNH",  # the words of a paper copy's stamp, no fields
    "SAO Y; CÔNG AN TỈNH LÂM ĐỒNG",  # no date
    "Sao y bản chính; ngày 19 tháng 3",  # no numeric date
    "Thực hiện sao y; các văn bản; 19/03/2026",  # the words inside a sentence
])
def test_other_lines_are_no_copy_stamp(text):
    assert parse_copy_stamp(text) is None


def test_a_scan_whose_only_text_is_a_copy_stamp_is_read_by_ocr_in_a_dev_pdf():
    doc = read(dev_pdf("d23.pdf"), ocr="never")
    assert doc.pages[0].lines == []
    assert SignatureInfo(None, "CÔNG AN TỈNH LÂM ĐỒNG", "2026-03-19T08:40:00+07:00", "copy") in doc.signatures


@pytest.mark.slow
def test_a_scanned_copy_of_another_office_is_read_by_ocr(tmp_path):
    path = tmp_path / "copy.pdf"
    stamp = "SAO Y; SO TU PHAP TINH BAC NINH; 02/04/2025; 10:11:12; +07:00"
    path.write_bytes(scan_pdf(page_image(PRINTED), [stamp], at=(300, 830)))  # in the top margin
    doc = extract(path)
    assert doc.source.ocr and not doc.source.text_layer
    assert doc.number.raw == "125/UBND-KGVX"
    assert doc.issuer.name == "Ủy ban nhân dân tỉnh Bắc Ninh"
