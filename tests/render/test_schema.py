"""Field schemas: conversion, every problem listed with its rule, unsafe characters cleaned."""
import datetime as dt

import pytest

from docgen.schema import Field, FieldProblems, Schema, clean_text, field_from_toml, split_list

SCHEMA = Schema([
    Field("so", "int", required=True, min=1, help="Số văn bản"),
    Field("ngay", "date", required=True, default="2025-02-05"),
    Field("co_quan_viet_tat", "text", required=True, pattern="[0-9A-ZĐ]+"),
    Field("noi_nhan", "list", required=True, min=1),
    Field("do_khan", "choice", choices=("KHẨN", "HỎA TỐC")),
    Field("noi_dung", "multiline"),
    Field("gui_kem", "bool"),
])


def test_clean_values():
    clean = SCHEMA.validate({"so": " 7 ", "co_quan_viet_tat": "SNV", "noi_nhan": "Bộ Nội vụ; Sở Tài chính",
                             "noi_dung": "Dòng một\r\n\r\n  Dòng   hai ", "gui_kem": "có"})
    assert clean == {"so": 7, "ngay": dt.date(2025, 2, 5), "co_quan_viet_tat": "SNV",
                     "noi_nhan": ["Bộ Nội vụ", "Sở Tài chính"], "do_khan": None,
                     "noi_dung": "Dòng một\nDòng hai", "gui_kem": True}


def test_every_problem_is_listed_with_its_rule():
    with pytest.raises(FieldProblems) as caught:
        SCHEMA.validate({"so": "bảy", "co_quan_viet_tat": "S NV", "do_khan": "GẤP"}, subject="data.yaml")
    error = caught.value
    assert error.subject == "data.yaml"
    assert [p.field for p in error.problems] == ["so", "co_quan_viet_tat", "noi_nhan", "do_khan"]
    assert error.problems[0].message == "invalid: not a whole number: 'bảy'"
    assert error.problems[0].rule == "required; whole number ≥ 1 — Số văn bản"
    assert error.problems[2].message == "missing"
    assert "matching [0-9A-ZĐ]+" in error.problems[1].rule
    assert "one of: KHẨN, HỎA TỐC" in error.problems[3].rule
    assert error.cause.count(";") >= 3 and "\n" not in error.cause


def test_control_characters_and_nfc():
    decomposed = "Ho\u0300a"  # o + combining grave
    assert clean_text(f"A\x00B\x1bC {decomposed}\x7f", False) == "ABC Hòa"
    assert clean_text("a\tb", False) == "a b"


@pytest.mark.parametrize("value, items", [
    (["a", " ", "b"], ["a", "b"]),
    ("a\nb; c", ["a", "b; c"]),
    ("a; b;", ["a", "b"]),
    ("", []),
])
def test_split_list(value, items):
    assert split_list(value) == items


def test_list_pattern_applies_to_each_item():
    spec = Field("x", "list", pattern="[A-Z]+")
    assert spec.convert("AB;CD") == ["AB", "CD"]
    with pytest.raises(ValueError):
        spec.convert("AB;cd")


def test_field_from_toml_rejects_unknown_keys_and_types():
    with pytest.raises(ValueError, match="unknown key"):
        field_from_toml("x", {"type": "text", "requird": True})
    with pytest.raises(ValueError, match="unknown type"):
        field_from_toml("x", {"type": "money"})
