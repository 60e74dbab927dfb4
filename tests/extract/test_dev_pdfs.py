"""The 12 PDFs of the dev corpus (10 scans, 2 born-digital) against their gold records.

Every header field of every file is checked: it equals the gold value, except where this
table says why it cannot — a number or day written by hand and read too unsurely is left
blank with a warning (never guessed), and a few OCR readings are still wrong. A field that
starts to match its gold makes its test fail too, so the table stays true.
"""
from __future__ import annotations

import json

import pytest

from extractors.batch import extract_many
from extractors.evaluate import fold, get_path
from extractors.pipeline import ExtractOptions
from tests.conftest import DEV, need_shared

pytestmark = pytest.mark.slow

FIELDS = ("doc_type.name", "doc_type.code", "number.raw", "issued_on", "issuer.name", "subject",
          "signer.name", "signer.title", "signer.authority")
NAMES = [f"d{n:02d}" for n in range(1, 13)]

# (file, field) → what comes out instead of the gold value, and why
KNOWN: dict[tuple[str, str], tuple[object, str]] = {
    ("d01", "signer.name"): (None, "1999 typewritten scan: OCR finds no text where the name is printed"),
    ("d02", "issued_on"): (None, "day and month written by hand: the month is read too unsurely, no date"),
    ("d04", "issued_on"): ("2018-03", "day written by hand, read too unsurely: year and month only"),
    ("d04", "signer.title"): (None, "the seal hides the title; the name beside Nơi nhận is reported"),
    ("d04", "signer.authority"): (None, "the seal hides the title; the name beside Nơi nhận is reported"),
    ("d05", "issued_on"): ("2025-01", "OCR read the written day and 'tháng' as one word: its blank is not found"),
    ("d07", "number.raw"): ("/TTr-UBND", "number written by hand, read too unsurely: left blank"),
    ("d08", "number.raw"): ("/BC-UBND", "number written by hand, read too unsurely: left blank"),
    ("d09", "number.raw"): ("/UBND-TTHC", "number written by hand, read too unsurely: left blank"),
    ("d12", "number.raw"): ("/QĐ-UBND", "number written by hand, read too unsurely: left blank"),
    ("d12", "issued_on"): ("2011-01", "day written by hand, read too unsurely: year and month only"),
}


@pytest.fixture(scope="module")
def records():
    dev = need_shared()
    paths = [dev / "pdf" / f"{name}.pdf" for name in NAMES]
    out = {}
    for path, result in extract_many(paths, ExtractOptions(), jobs=2):
        assert not isinstance(result, Exception), result
        out[path.stem] = result
    return out


def _gold(name: str) -> dict:
    return json.loads((DEV / "pdf" / f"{name}.gold.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("name", NAMES)
def test_header_field(records, name, field):
    present, want = get_path(_gold(name), field)
    got = get_path(records[name].to_dict(), field)[1]
    if (name, field) in KNOWN:
        expected, why = KNOWN[(name, field)]
        assert got == expected, why
        assert fold(got) != fold(want)
    elif present and want is not None:
        assert fold(got) == fold(want)


# file → the number read from its handwriting (None: read too unsurely, left blank)
HANDWRITTEN = {"d02": 1, "d03": 1, "d04": 7, "d05": 9, "d07": None, "d08": None, "d09": None,
               "d10": 46, "d12": None}


def test_handwritten_numbers_are_read_or_left_blank_with_a_warning(records):
    for name, value in HANDWRITTEN.items():
        number = records[name].number
        warnings = " | ".join(records[name].warnings)
        assert number.handwritten and number.number == value, name
        if value is None:
            assert "the number is handwritten and read unsurely as" in warnings, name
            assert number.confidence < 0.60
        else:
            assert f"the number is handwritten; read as {value:02d}" in warnings, name
            assert number.confidence >= 0.60


def test_text_layer_and_ocr_are_told_apart(records):
    assert [n for n in NAMES if records[n].source.ocr] == [n for n in NAMES if n not in ("d06", "d11")]
    assert records["d06"].source.text_layer and not records["d06"].source.ocr


def test_attached_draft_is_reported_as_an_attachment(records):
    doc = records["d05"]  # a Tờ trình carrying the draft Nghị quyết it proposes, from page 4
    assert [(a.doc_type, a.number, a.page) for a in doc.attachments] == [("Nghị quyết", "/2025/NQ-HĐND", 4)]
    assert doc.signer.name == "Trần Hoàng Tuấn"  # not the draft's signer
    assert [(a.doc_type, a.number, a.page) for a in records["d07"].attachments] == [("Nghị quyết", "/NQ-HĐND", 3)]
    assert records["d06"].attachments == []


def test_incoming_mail_stamp_gives_neither_number_nor_date(records):
    doc = records["d04"]  # "CV ĐẾN Số 2352, Ngày 21/3/18" lies over the header
    assert "2352" not in (doc.number.raw or "")
    assert doc.issued_on != "2018-03-21"
