"""Accent folding and number keys, the two ways the corpus compares Vietnamese text."""
import unicodedata

import pytest
from hypothesis import given, strategies as st

from corpus.fold import fold, has_marks, loose, number_key


@pytest.mark.parametrize("text, folded", [
    ("Chuyển đổi số", "Chuyen doi so"),
    ("ĐIỆN THOẠI THÔNG MINH", "DIEN THOAI THONG MINH"),
    ("Ủy ban nhân dân tỉnh Đắk Lắk", "Uy ban nhan dan tinh Dak Lak"),
    ("Quảng Ngãi, ngày 05/7/2022", "Quang Ngai, ngay 05/7/2022"),
    ("ưu tiên ơn nghĩa", "uu tien on nghia"),
    ("Ðà Nẵng", "Da Nang"),  # eth look-alike left by legacy-font conversion
    ("plain ASCII 123", "plain ASCII 123"),
])
def test_fold(text, folded):
    assert fold(text) == folded


def test_fold_reads_decomposed_input_as_composed():
    assert fold(unicodedata.normalize("NFD", "Nghị định")) == "Nghi dinh"


@given(st.text())
def test_fold_keeps_length_of_nfc_text(text):
    nfc = unicodedata.normalize("NFC", text)
    assert len(fold(nfc)) == len(nfc)


@pytest.mark.parametrize("query, marked", [
    ("chuyen doi so", False), ("chuyển đổi số", True), ("Da Nang", False), ("Đa", True),
    ("749/QD-TTg", False), ("749/QĐ-TTg", True),
])
def test_has_marks(query, marked):
    assert has_marks(query) is marked


@pytest.mark.parametrize("text, expected", [
    ("  Ủy ban  nhân dân\nTỉnh ", "uy ban nhan dan tinh"), (None, ""), ("", ""),
])
def test_loose(text, expected):
    assert loose(text) == expected


@pytest.mark.parametrize("raw, key", [
    ("749/QĐ-TTg", "749/QD-TTG"),
    ("749/QD-TTg", "749/QD-TTG"),
    ("749/QĐ–TTg", "749/QD-TTG"),          # en dash
    ("749 / QĐ - TTg", "749/QD-TTG"),
    ("Số: 2242/KH-UBND", "2242/KH-UBND"),
    ("số 30/2020/NĐ-CP.", "30/2020/ND-CP"),
    ("05/2021/TT-BTTTT", "5/2021/TT-BTTTT"),
    ("04-NQ/TU", "4-NQ/TU"),
    ("2020/QĐ-UBND", "2020/QD-UBND"),
    ("", None), (None, None),
])
def test_number_key(raw, key):
    assert number_key(raw) == key
