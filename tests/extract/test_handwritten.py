"""Handwritten number, day and month: the recogniser's reading weighed against what the
form prints and what the file's signatures allow, then put into the record."""
from __future__ import annotations

import datetime as dt

import pytest

from extractors.fields import handwritten as hw
from extractors.fields.bounds import Clues, clues_of
from extractors.fields.issued import find_issued
from extractors.fields.number import find_number
from extractors.readers.model import HandReading, Line, SignatureInfo
from extractors.segment import TextLine


def reading(kind: str, *candidates: tuple[str, float], digitness: float = 1.0, seen: str = "",
            hand: bool = True) -> HandReading:
    return HandReading(kind, candidates, digitness, seen, (0, 0, 1, 1), hand)


def text_line(text: str, *readings: HandReading, hand: tuple = ()) -> TextLine:
    return TextLine(text, 0, 1, 0, Line(text, handwritten=hand, readings=readings))


@pytest.mark.parametrize("what, candidates, possible, expected", [
    ("day", (("23", 0.97), ("28", 0.03)), hw.day_check(2025, 1, None), ("23", 0.97)),
    ("number", (("23", 0.97), ("28", 0.03)), hw.is_number, ("23", 0.91)),  # a number's is cubed
    # "45" is no day of January: 15, half the impossible share counted against it
    ("day", (("45", 0.58), ("15", 0.40), ("5", 0.02)), hw.day_check(2025, 1, None), ("15", 0.56)),
    # 31 does not exist in February
    ("day", (("31", 0.9), ("21", 0.1)), hw.day_check(2025, 2, None), ("21", 0.18)),
])
def test_weigh(what, candidates, possible, expected):
    written = hw.weigh(reading(what, *candidates), possible, 0.0, what)
    assert (written.digits, written.confidence) == expected


def test_an_unsure_reading_is_left_blank_and_named():
    written = hw.weigh(reading("number", ("471", 0.47), ("477", 0.28), digitness=0.6),
                       hw.is_number, 0.8, "number")
    assert written.digits is None and written.confidence == 0.05
    assert written.warning == ("the number is handwritten and read unsurely as '471' "
                               "(confidence 0.05 < 0.80); left blank")


def test_tesseract_reading_the_same_digits_raises_confidence():
    alone = hw.weigh(reading("day", ("24", 0.7), ("34", 0.3)), hw.is_number, 0.0, "day")
    agreed = hw.weigh(reading("day", ("24", 0.7), ("34", 0.3), seen="24"), hw.is_number, 0.0, "day")
    assert (alone.confidence, agreed.confidence) == (0.7, 0.85)


def test_nothing_possible_is_left_blank():
    written = hw.weigh(reading("month", ("45", 1.0)), hw.month_check(2025, None), 0.0, "month")
    assert written.digits is None
    assert written.warning == "the month is handwritten and was read as '45', which cannot be a month; left blank"


@pytest.mark.parametrize("check, digits, expected", [
    (hw.day_check(2025, 1, dt.date(2025, 1, 15)), "15", True),
    (hw.day_check(2025, 1, dt.date(2025, 1, 15)), "16", False),  # after the signature
    (hw.day_check(2024, 2, None), "29", True),
    (hw.day_check(2025, 2, None), "29", False),
    (hw.day_check(2025, 3, None), "123", False),
    (hw.month_check(2025, dt.date(2025, 10, 2)), "10", True),
    (hw.month_check(2025, dt.date(2025, 10, 2)), "11", False),
    (hw.month_check(2025, None), "13", False),
])
def test_possible_values(check, digits, expected):
    assert check(digits) is expected


def test_latest_date_is_the_earliest_signature_or_incoming_stamp():
    signatures = [SignatureInfo("A", signed_at="2025-01-16T07:46:10+07:00"),
                  SignatureInfo("B", signed_at="2025-01-15T17:10:17+07:00"), SignatureInfo("C")]
    assert clues_of(signatures, []) == Clues(dt.date(2025, 1, 15),
                                             "the digital signature of 2025-01-15")
    stamp = [text_line("CV ĐẾN Số 2352"), text_line("Ngày 21/3/18")]
    assert clues_of([], stamp).latest == dt.date(2018, 3, 21)
    # "đến" of a sentence is no stamp
    assert clues_of([], [text_line("cho đến ngày 11/8/2025")]).latest is None


def test_number_read_from_the_blank():
    ln = text_line("Số: 4@` /TB-UBND", reading("number", ("46", 0.99), ("40", 0.01), seen="4@`"),
                   hand=((4, 7),))
    found = find_number([ln], frozenset({1}), threshold=0.8)
    number = found.number
    assert (number.raw, number.number, number.handwritten, number.confidence) == ("46/TB-UBND", 46, True, 0.97)
    assert found.warning == "the number is handwritten; read as 46 (confidence 0.97)"


def test_number_too_unsure_stays_blank():
    ln = text_line("Số: 899 /UBND-TTHC", reading("number", ("299", 0.8), ("899", 0.2), digitness=0.8,
                                                  seen="899"), hand=((4, 7),))
    number = find_number([ln], frozenset({1}), threshold=0.8).number
    assert (number.raw, number.number, number.handwritten, number.confidence) == ("/UBND-TTHC", None, True, 0.26)


def test_printed_number_both_readers_agree():
    ln = text_line("Số: 157/QĐ-UB", reading("number", ("157", 0.99), seen="157", hand=False))
    number = find_number([ln], frozenset({1})).number
    assert (number.raw, number.handwritten, number.confidence) == ("157/QĐ-UB", False, None)


def test_empty_blank_is_blank_not_handwriting():
    ln = text_line("Số: /BC-BCĐ", reading("number", ("", 0.98), ("1", 0.02), hand=False))
    found = find_number([ln], frozenset({1}))
    assert (found.number.raw, found.number.handwritten) == ("/BC-BCĐ", False)
    assert found.warning == "the number is blank (filled in by hand)"


def test_day_read_within_the_signing_bound():
    ln = text_line("Quảng Ngãi, ngày tháng 01 năm 2025",
                   reading("day", ("45", 0.58), ("15", 0.40), ("5", 0.02), digitness=0.97),
                   reading("month", ("01", 0.999), seen="01", hand=False), hand=((12, 16),))
    found = find_issued([ln], Clues(dt.date(2025, 1, 15), "the digital signature", 0.5))
    assert (found.date, found.hand.handwritten, found.hand.confidence) == ("2025-01-15", True, 0.55)
    assert found.warning == "the day is handwritten; read as 15 (confidence 0.55)"


def test_day_under_the_threshold_gives_year_and_month():
    ln = text_line("Hà Nội, ngày 1 tháng 8 năm 2025", reading("day", ("17", 0.5), ("1", 0.5)),
                   hand=((13, 14),))
    found = find_issued([ln], Clues(threshold=0.8))
    assert (found.date, found.hand.handwritten) == ("2025-08", True)
    assert "read unsurely as '17'" in found.warning


def test_handwritten_month_and_day():
    ln = text_line("Hà Nội, ngày tháng năm 2025", reading("day", ("19", 0.95)),
                   reading("month", ("12", 0.9), ("2", 0.1)))
    found = find_issued([ln], Clues(threshold=0.8))
    assert (found.date, found.hand.confidence) == ("2025-12-19", 0.9)


def test_the_attachment_names_the_document():
    from extractors.fields.self_citation import apply_self_citation
    from extractors.records import Document, Handwriting, Number, Source

    doc = Document(Source("x.pdf"), number=Number("/BCA-V01", None, "BCA-V01", True, 0.53),
                   issued_on="2025-11", issued=Handwriting(True, 0.4))
    lines = [text_line("đề nghị các đơn vị gửi kèm Công văn số 177/BCA-V01 ngày 15/7/2025"),
             text_line("(Gửi kèm Công văn số: 5240/BCA-V01 ngày 23/11/2025 của Bộ Công an)")]
    apply_self_citation(doc, lines)
    assert (doc.number.raw, doc.number.confidence, doc.issued_on, doc.issued.confidence) == (
        "5240/BCA-V01", 0.99, "2025-11-23", 0.99)
    assert doc.warnings[0].startswith("the number 5240 is printed in the file (page 1: (Gửi kèm")


def test_another_document_of_the_same_series_is_not_this_one():
    from extractors.fields.self_citation import find_self_citation

    lines = [text_line("(Kèm theo Công văn số 177/CAT-PA05 ngày 15/7/2025)")]
    assert find_self_citation(lines, "CAT-PA05", "2025-08") is None
    assert find_self_citation(lines, "CAT-PA06", None) is None
