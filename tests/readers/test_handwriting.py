"""Handwritten words of OCR pages: ink colour, stroke width in the form's blanks, and the
character ranges they become in ``Line.handwritten``."""
from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from extractors.readers import handwriting, ocr
from extractors.readers.layout import Word, blank_lead, is_blank_position, join_marked, \
    lines_from_words
from tests.readers.conftest import first_page

SCALE = 300 / 72  # pixels per point at the OCR resolution
BLACK, BLUE = (20, 20, 20), (40, 70, 190)


def page(*line: tuple[str, float, int, tuple]) -> tuple[handwriting.Ink, list[Word]]:
    """A 300 DPI page with one line of words drawn as vertical strokes.

    Each word is (text, x0 in points, stroke width in pixels, colour); thin strokes are
    print, thick ones a felt tip.
    """
    image = Image.new("RGB", (2480, 400), "white")
    draw = ImageDraw.Draw(image)
    words, top, bottom = [], 100.0 / SCALE, 150.0 / SCALE
    for text, x0, stroke, colour in line:
        width = 7.0 * len(text)
        for k in range(len(text) * 2):
            x = (x0 + 1.5 + k * 3.3) * SCALE
            draw.line([(x, 102), (x, 148)], fill=colour, width=stroke)
        words.append(Word(text, x0, top, x0 + width, bottom, conf=90.0))
    ink = handwriting.Ink(ocr.red_channel(image), handwriting.coloured_ink(image), SCALE)
    return ink, words


def marked(ink: handwriting.Ink, words: list[Word]) -> list[str]:
    found = handwriting.judge([words], ink)
    return [w.text for w in words if id(w) in found]


@pytest.mark.parametrize("line, expected", [
    # a felt-tip number in the blank of "Số: __ /BC-UBND"
    ([("Số:", 100, 3, BLACK), ("23", 130, 9, BLACK), ("/BC-UBND", 160, 3, BLACK)], ["23"]),
    # printed number: nothing
    ([("Số:", 100, 3, BLACK), ("23", 130, 3, BLACK), ("/BC-UBND", 160, 3, BLACK)], []),
    # the day in blue ballpoint, as thin as the print
    ([("ngày", 100, 3, BLACK), ("10", 140, 3, BLUE), ("tháng", 170, 3, BLACK),
      ("01", 220, 3, BLACK)], ["10"]),
    # a bold deadline: thick, but printed words belong to the same thick run
    ([("hoàn", 100, 3, BLACK), ("trước", 140, 9, BLACK), ("ngày", 190, 9, BLACK),
      ("20/01/2025.", 230, 9, BLACK)], []),
    # "sở" is not "số": a thick word after it is not in a blank
    ([("cơ", 100, 3, BLACK), ("sở", 130, 3, BLACK), ("12", 160, 9, BLACK),
      ("tầng", 190, 3, BLACK)], []),
    # a whole line in blue ink (a printed letterhead in colour) is not handwriting
    ([("Quảng", 100, 3, BLUE), ("Ngãi,", 150, 3, BLUE), ("ngày", 200, 3, BLUE),
      ("10", 240, 3, BLUE)], []),
])
def test_judge(line, expected):
    assert marked(*page(*line)) == expected


def test_grey_page_has_no_coloured_mask():
    image = Image.new("RGB", (200, 100), "white")
    ImageDraw.Draw(image).line([(10, 50), (190, 50)], fill=BLACK, width=5)
    assert handwriting.coloured_ink(image) is None


@pytest.mark.parametrize("texts, hand, expected", [
    (["Số:", "23", "/BC-UBND"], [1], ("Số: 23 /BC-UBND", ((4, 6),))),
    (["Quảng", "Ngãi,", "ngày", "@3", "tháng", "01"], [3], ("Quảng Ngãi, ngày @3 tháng 01", ((17, 19),))),
    (["ngày", "1", "5", "tháng"], [1, 2], ("ngày 1 5 tháng", ((5, 6), (7, 8)))),
    (["ỦY", "BAN"], [], ("ỦY BAN", ())),
])
def test_ranges_point_at_the_characters_of_the_joined_text(texts, hand, expected):
    words = [Word(t, 10.0 * i, 0, 10.0 * i + 8, 10, hand=i in hand) for i, t in enumerate(texts)]
    assert join_marked(words) == expected


def test_ranges_survive_line_building():
    words = [Word("Số:", 100, 100, 118, 113, size=13), Word("23", 126, 100, 140, 113, hand=True),
             Word("/BC-UBND", 150, 100, 200, 113, size=13)]
    [line] = lines_from_words(words, 595.0)
    assert (line.text, line.handwritten) == ("Số: 23 /BC-UBND", ((4, 6),))


@pytest.mark.parametrize("texts, i, expected", [
    (["Số:", "22", "/BC-UBND"], 1, True),
    (["ngày", "@3", "tháng"], 1, True),
    (["Ngãi,", "15", "tháng"], 1, True),   # "ngày" lost: the word before "tháng"
    (["cơ", "sở", "hạ", "tầng"], 2, False),
    (["Quảng", "Ngãi,", "ngày"], 1, False),
])
def test_blank_position(texts, i, expected):
    assert is_blank_position([Word(t, 0, 0, 1, 1) for t in texts], i) is expected


@pytest.mark.parametrize("text, lead", [
    ("Só:4@`", 3), ("ngày0B", 4), ("ngày", 0), ("Số:", 0), ("sở12", 0), ("tháng01", 5),
])
def test_blank_lead(text, lead):
    assert blank_lead(text) == lead


def test_split_glued_cuts_the_box_in_proportion():
    first, second = handwriting.split_glued(Word("Só:4@`", 100, 0, 160, 12, conf=51.0))
    assert (first.text, first.x0, first.x1) == ("Só:", 100, 130)
    assert (second.text, second.x0, second.x1, second.conf) == ("4@`", 130, 160, 51.0)


@pytest.fixture(scope="module")
def d08_page1():
    return first_page("d08.pdf")


@pytest.mark.slow
def test_d08_handwritten_number_and_day(d08_page1):
    """"Số: 23 /BC-UBND" and "ngày 23 tháng 01": both 23s written with a black felt tip."""
    marked = {l.text: [l.text[a:b] for a, b in l.handwritten]
              for l in d08_page1.lines if l.handwritten}
    number = next(t for t in marked if t.startswith("Số:"))
    day = next(t for t in marked if "tháng" in t)
    assert len(marked) == 2
    assert marked[number] == [number.split()[1]] and number.endswith(" /BC-UBND")
    assert marked[day] == [day.split("ngày ")[1].split()[0]]
    assert day.startswith("Quảng Ngãi, ngày ") and day.endswith(" tháng 0I năm 2025")


@pytest.mark.slow
def test_printed_number_and_date_are_not_handwritten():
    lines = first_page("d01.pdf").lines  # a 1999 typewritten scan: "Số: 157/QĐ-NĐ-UB"
    assert [l.text for l in lines if l.handwritten] == []
    assert "Số: 157/QĐ-NĐ-UB" in [l.text for l in lines]


def test_a_word_holding_the_printed_symbol_is_print():
    from extractors.readers.ocr import _PRINTED_SYMBOL

    assert _PRINTED_SYMBOL.search("01/CĐ-UBND") and _PRINTED_SYMBOL.search("12/TTr-SNV")
    assert _PRINTED_SYMBOL.search("05⁄HĐ-SNV")  # OCR's fraction slash, not yet normalised
    assert _PRINTED_SYMBOL.search("71/QĐÐ-TNMT")  # and its eth for Đ
    assert not _PRINTED_SYMBOL.search("23") and not _PRINTED_SYMBOL.search("4@`")
