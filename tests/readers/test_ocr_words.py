"""Tesseract hOCR → words: alternatives, filtering specks and marks, levelling a skewed scan."""
from __future__ import annotations

import pytest

from extractors.readers import ocr
from extractors.readers.layout import Word

# the hOCR tesseract 5.3 prints with -c lstm_choice_mode=2 (one line, two words)
HOCR = """<div class='ocr_page' id='page_1' title='image "-"; bbox 0 0 2464 3508'>
 <span class='ocr_line' id='line_1_7' title="bbox 300 600 700 650; baseline 0 -13">
  <span class='ocrx_word' id='word_1_20' title='bbox 300 600 450 650; x_wconf 96'>CỘNG
   <span class='ocrx_cinfo' id='lstm_choices_1_20_1'>
    <span class='ocrx_cinfo' id='choice_1_20_1' title='x_confs 95.1'> </span></span>
   <span class='ocrx_cinfo' id='lstm_choices_1_20_2'>
    <span class='ocrx_cinfo' id='choice_1_20_2' title='x_confs 94.0'>C</span></span>
   <span class='ocrx_cinfo' id='lstm_choices_1_20_3'>
    <span class='ocrx_cinfo' id='choice_1_20_3' title='x_confs 90.0'>Ộ</span>
    <span class='ocrx_cinfo' id='choice_1_20_4' title='x_confs 45.0'>Ọ</span>
    <span class='ocrx_cinfo' id='choice_1_20_5' title='x_confs 9.0'>Ô</span></span>
   <span class='ocrx_cinfo' id='lstm_choices_1_20_4'>
    <span class='ocrx_cinfo' id='choice_1_20_6' title='x_confs 93.0'>N</span></span>
   <span class='ocrx_cinfo' id='lstm_choices_1_20_5'>
    <span class='ocrx_cinfo' id='choice_1_20_7' title='x_confs 92.0'>G</span></span>
  </span>
  <span class='ocrx_word' id='word_1_21' title='bbox 470 600 700 650; x_wconf 88'>H&amp;A
  </span>
 </span>
</div>"""


def test_read_words_scales_pixels_to_points_and_keeps_the_engine_s_alternatives():
    words = ocr.read_words(HOCR, 72 / 300)
    assert [w.line_key for w in words] == [(0, 0, 7), (0, 0, 7)]
    w = words[0].word
    assert (w.text, w.x0, w.top, w.x1, w.bottom, w.conf) == ("CỘNG", 72.0, 144.0, 108.0, 156.0, 96.0)
    assert w.alternatives == (("CỌNG", 0.5),)  # "Ô" at 9/90 is below the floor
    assert (words[1].word.text, words[1].word.alternatives) == ("H&A", ())


@pytest.mark.parametrize("text, conf, kept", [
    ("tháng", 0.0, True),       # a real word beside handwriting: kept however unsure
    ("tỉnh).I.", 13.0, True),
    ("#|", 10.0, False),
    ("-", 93.0, True),
    ("`", 96.0, False),         # a stray accent
    ("2“", 47.0, True),
    ("KT", 19.0, True),         # a signing authority under a seal's rim
    ("T/M", 12.0, True),
    ("KX", 19.0, False),
])
def test_keep(text, conf, kept):
    item = ocr._OcrWord(Word(text, 0, 0, 10, 10, conf=conf), (1, 1, 1))
    assert ocr._keep(item) is kept


def item(text, x0, top, key, height=12.0):
    return ocr._OcrWord(Word(text, x0, top, x0 + 8 * len(text), top + height, conf=95.0), key)


def test_lines_of_marks_are_dropped():
    words = [item("Trần", 360, 767, (2, 1, 1)), item("Hoàng", 400, 767, (2, 1, 1)),
             item("À", 380, 762, (1, 1, 1), height=5), item("LA", 460, 763, (1, 1, 1), height=8),
             item("2", 300, 40, (3, 1, 1))]
    assert [w.word.text for w in ocr._without_mark_lines(words)] == ["Trần", "Hoàng", "2"]


def test_unsure_words_far_taller_than_the_text_are_strokes():
    words = [item("Trong", 100, 300, (1, 1, 1)), item("thời", 160, 300, (1, 1, 1)),
             item("gian", 210, 300, (1, 1, 1)),
             ocr._OcrWord(Word("lpệ", 40, 280, 80, 325, conf=0.0), (2, 1, 1)),
             ocr._OcrWord(Word("tháng", 260, 298, 300, 314, conf=0.0), (1, 1, 1))]
    assert [w.word.text for w in ocr._without_mark_lines(words)] == ["Trong", "thời", "gian",
                                                                      "tháng"]


def test_skew_is_levelled():
    slope = 0.03  # about 1.7°, as on a scan fed askew
    line = [item(t, x, 100 + slope * (x + 4 * len(t)), (1, 1, 1)) for t, x in
            (("ỦY", 100), ("BAN", 200), ("NHÂN", 300), ("DÂN", 400), ("CỘNG", 500))]
    assert ocr._skew(line) == pytest.approx(slope, abs=1e-6)
    tops = [w.word.top for w in ocr._level(line, ocr._skew(line))]
    assert max(tops) - min(tops) == pytest.approx(0, abs=1e-6)


@pytest.mark.parametrize("dots, blank", [(0, True), (1000, True), (20000, False)])
def test_blank_page_is_not_sent_to_tesseract(dots, blank):
    from PIL import Image

    image = Image.new("L", (2480, 3508), 255)
    for i in range(dots):
        image.putpixel((i % 2000, 100 + i // 2000), 0)
    assert ocr.is_blank(image) is blank


def test_one_tesseract_line_holding_two_printed_lines_is_parted():
    """d09's signature block: tesseract may put "TL. CHỦ TỊCH" and the tightly set
    "CHÁNH VĂN PHÒNG" in one line; a word reaching down ("TỊCH" with its dot below) must
    not chain the two, or the words interleave ("CHÁNH TL. CHỦ VĂN TỊCH PHÒNG")."""
    from extractors.readers.layout import group_units, lines_from_rows

    key = (9, 1, 1)
    words = [item("TL.", 362, 606, key, 16), item("CHỦ", 392, 606, key, 16),
             item("TỊCH", 428, 606, key, 26),
             item("CHÁNH", 341, 622, key, 16), item("VĂN", 385, 622, key, 16),
             item("PHÒNG", 415, 622, key, 16)]
    rows = ocr._tesseract_lines(words)
    assert [[w.text for w in r] for r in rows] == [["TL.", "CHỦ", "TỊCH"], ["CHÁNH", "VĂN", "PHÒNG"]]
    assert [l.text for l in lines_from_rows(group_units(rows), 595.0)] == [
        "TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]
