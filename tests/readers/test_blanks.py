"""The blanks of the header form among OCR words, and where a recogniser's reading of one
starts and stops (the printed lead and trail around the written digits)."""
from __future__ import annotations

import pytest

from extractors.readers.blanks import find_blanks
from extractors.readers.ctc import Emission
from extractors.readers.handread import lead_end, trail_start
from extractors.readers.layout import Word


def line(*texts: str, top: float = 100.0) -> list[Word]:
    """Words side by side, 6 points per character, one space between."""
    words, x = [], 80.0
    for text in texts:
        words.append(Word(text, x, top, x + 6 * len(text), top + 12, conf=90.0))
        x += 6 * len(text) + 6
    return words


def kinds(*lines: list[Word]) -> list[tuple[str, str]]:
    return [(b.kind, b.seen) for b in find_blanks(list(lines), 842.0)]


@pytest.mark.parametrize("words, expected", [
    (line("Số:", "22", "/BC-UBND"), [("number", "22")]),
    (line("Số:", "/TTr-UBND"), [("number", "")]),  # nothing read in the blank
    (line("Só:", "4@`", "/TB-UBND"), [("number", "4@`")]),
    (line("Số:", "22/TTr-UBND"), [("number", "22")]),  # digits read onto the symbol
    (line("Quảng", "Ngãi,", "ngày", "@3", "tháng", "0I", "năm", "2025"),
     [("day", "@3"), ("month", "0I")]),
    (line("Lâm", "Đông.", "ngày", "+3", "tháng", "12", "năm", "2025"),  # comma read as "."
     [("day", "+3"), ("month", "12")]),
])
def test_header_blanks(words, expected):
    assert kinds(words) == expected


@pytest.mark.parametrize("words", [
    line("theo", "Quyết", "định", "số", "12/QĐ-UBND", "ngày", "05", "tháng", "3", "năm"),
    line("Căn", "cứ", "Luật", "ngày", "26", "tháng", "11", "năm", "2003;"),
    line("cơ", "sở", "12", "/BC-UBND"),  # "sở" is not "Số"
])
def test_body_text_has_no_blank(words):
    assert kinds(words) == []


def test_only_the_top_of_the_page_is_searched():
    assert kinds(line("Số:", "22", "/BC-UBND", top=600.0)) == []


def test_the_box_runs_from_the_lead_into_the_trail():
    [blank] = find_blanks([line("Số:", "22", "/BC-UBND")], 842.0)
    assert blank.box[0] < 80.0 < 122.0 < blank.box[2]  # from "Số:" past the start of "/BC-…"
    assert blank.trail_x == 122.0 and blank.trail_sign == "/"


def emit(*items: tuple[str, int]) -> list[Emission]:
    return [Emission(char, frame, frame, 0.9) for char, frame in items]


@pytest.mark.parametrize("seen, spelled, expected", [
    (emit(("S", 0), ("6", 2), (":", 3), ("2", 5), ("9", 7)), "so:", 4),
    (emit(("S", 0), (":", 2), ("0", 6), ("1", 8)), "so:", 3),
    (emit(("S", 1), ("0", 3), ("8", 6)), "so:", 4),  # no colon: "Số" and the written 8
    (emit(("n", 0), ("g", 1), ("i", 2), ("y", 3), ("0", 5), ("5", 6)), "ngay", 4),
    (emit(("t", 0), ("h", 1), ("a", 2), ("n", 3), ("g", 5), ("0", 7), ("1", 9)), "thang", 6),
    (emit(("7", 0), ("3", 2)), "ngay", 0),  # nothing like the lead: from the start
])
def test_lead_end(seen, spelled, expected):
    assert lead_end(seen, spelled) == expected


@pytest.mark.parametrize("seen, expected_at, sign, expected", [
    (emit(("2", 5), ("3", 7), ("/", 10), ("B", 12)), 10.0, "/", 10),
    # the "0" touches the slash, which is not read: up to the symbol's letter
    (emit(("5", 4), ("2", 6), ("4", 7), ("0", 9), ("B", 12)), 9.4, "/", 12),
    (emit(("2", 7), ("3", 10), ("t", 13), ("h", 14)), 13.5, "t", 13),
    (emit(("4", 7), ("5", 9)), 11.0, "t", 11),  # neither sign nor letter: OCR's place
])
def test_trail_start(seen, expected_at, sign, expected):
    assert trail_start(seen, expected_at, 40, sign) == expected
