"""Stamp text and PDF dates → SignatureInfo, as table tests."""
from __future__ import annotations

import pytest

from extractors.readers.model import SignatureInfo
from extractors.readers.signature import _der_prefix, is_stamp_line, iso_time, parse_stamp, pdf_time


@pytest.mark.parametrize("lines, expected", [
    (["Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi", "Cơ quan: Tỉnh Quảng Ngãi",
      "Thời gian ký: 07/01/2025 10:09:57"],
     SignatureInfo("Ủy ban nhân dân tỉnh Quảng Ngãi", "Tỉnh Quảng Ngãi", "2025-01-07T10:09:57", "stamp")),
    (["Ký bởi: Ủy ban nhân dân", "tỉnh Quảng Ngãi", "Thời gian ký: 05/01/2021", "08:15:24"],
     SignatureInfo("Ủy ban nhân dân tỉnh Quảng Ngãi", None, "2021-01-05T08:15:24", "stamp")),
    (["TRUNG TÂM CÔNG BÁO", "VÀ TIN HỌC", "ttcbth@quangngai.gov.vn", "09.01.2025 10:21:11 +07:00"],
     SignatureInfo("TRUNG TÂM CÔNG BÁO VÀ TIN HỌC", None, "2025-01-09T10:21:11+07:00", "stamp")),
    (["Người ký: Sở Tài chính", "Email: stc@danang.gov.vn", "Ngày ký: 3-2-2024 7:05"],
     SignatureInfo("Sở Tài chính", None, "2024-02-03T07:05:00", "stamp")),
    (["Signed by: NGUYEN VAN A", "Signing time: 01.12.2023 09:00:00 +0700"],
     SignatureInfo("NGUYEN VAN A", None, "2023-12-01T09:00:00+07:00", "stamp")),
])
def test_parse_stamp(lines, expected):
    assert parse_stamp(lines) == expected


@pytest.mark.parametrize("lines", [
    ["Số: 11 /TB-UBND"],
    ["Quảng Ngãi, ngày 08 tháng 01 năm 2025"],
    ["Mọi thông tin xin liên hệ", "Email: vanthu@quangngai.gov.vn", "trước ngày 20/02/2025."],
])
def test_not_a_stamp(lines):
    assert parse_stamp(lines) is None


@pytest.mark.parametrize("text, expected", [
    ("Thời gian ký: 07/01/2025 10:09:57", True),
    ("Ký bởi: Ủy ban nhân dân tỉnh", True),
    ("ttcbth@quangngai.gov.vn", True),
    ("24.01.2025 20:01:14", True),
    ("+07:00", True),
    ("ngày 24/01/2025", False),
    ("- Như trên;", False),
])
def test_is_stamp_line(text, expected):
    assert is_stamp_line(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("09.01.2025 10:21:11 +07:00", "2025-01-09T10:21:11+07:00"),
    ("07/01/2025 10:09:57", "2025-01-07T10:09:57"),
    ("5/1/2021", "2021-01-05"),
    ("32/01/2021 then 01/02/2021", "2021-02-01"),
    ("no date here", None),
])
def test_iso_time(text, expected):
    assert iso_time(text) == expected


@pytest.mark.parametrize("value, expected", [
    ("D:20250107100957+07'00'", "2025-01-07T10:09:57+07:00"),
    ("D:20180321164100", "2018-03-21T16:41:00"),
    ("D:20240101", "2024-01-01"),
    ("garbage", None),
])
def test_pdf_time(value, expected):
    assert pdf_time(value) == expected


def test_der_prefix_keeps_trailing_zero_bytes_of_the_object_and_drops_padding():
    blob = bytes([0x30, 0x82, 0x00, 0x03, 0x01, 0x02, 0x00]) + b"\x00" * 10
    assert _der_prefix(blob) == bytes([0x30, 0x82, 0x00, 0x03, 0x01, 0x02, 0x00])
    assert _der_prefix(bytes([0x30, 0x02, 0x05, 0x00, 0x00, 0x00])) == bytes([0x30, 0x02, 0x05, 0x00])
