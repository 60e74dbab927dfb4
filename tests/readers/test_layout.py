"""Words with boxes → lines in reading order: rows, column gaps, two-column bands."""
from __future__ import annotations

import pytest

from extractors.readers.layout import Word, is_fill_in_blank, lines_from_words

WIDTH = 595.0


def words(text: str, x0: float, top: float, size: float = 13.0) -> list[Word]:
    """Words of ``text`` laid out from x0 like a 13 pt serif font (0.5 em per letter)."""
    out, x = [], x0
    for token in text.split():
        width = 0.5 * size * len(token)
        out.append(Word(token, x, top, x + width, top + size, size=size))
        x += width + 0.25 * size
    return out


def read(*pieces: list[Word]) -> list[tuple[int | None, str]]:
    return [(l.column, l.text) for l in lines_from_words([w for p in pieces for w in p], WIDTH)]


def test_header_band_left_column_then_right_column():
    assert read(
        words("ỦY BAN NHÂN DÂN", 110, 70), words("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 280, 70),
        words("TỈNH QUẢNG NGÃI", 110, 86), words("Độc lập - Tự do - Hạnh phúc", 330, 86),
        words("Số: 507 /UBND-KGVX", 105, 117), words("Quảng Ngãi, ngày 24 tháng 01 năm 2025", 300, 117),
        words("V/v góp ý dự thảo", 110, 139),
        words("THÔNG BÁO", 270, 175),
        words("Theo đề nghị của Bộ Thông tin và Truyền thông tại Công văn số 202", 100, 200),
    ) == [
        (0, "ỦY BAN NHÂN DÂN"), (0, "TỈNH QUẢNG NGÃI"), (0, "Số: 507 /UBND-KGVX"),
        (0, "V/v góp ý dự thảo"),
        (1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (1, "Độc lập - Tự do - Hạnh phúc"),
        (1, "Quảng Ngãi, ngày 24 tháng 01 năm 2025"),
        (None, "THÔNG BÁO"),
        (None, "Theo đề nghị của Bộ Thông tin và Truyền thông tại Công văn số 202"),
    ]


def test_closing_band_with_a_right_hand_line_above_it():
    assert read(
        words("TM. ỦY BAN NHÂN DÂN", 360, 400),
        words("Nơi nhận:", 100, 416), words("KT. CHỦ TỊCH", 380, 416),
        words("- Như trên;", 100, 430), words("PHÓ CHỦ TỊCH", 378, 432),
        words("- Lưu: VT.", 100, 444),
        words("Trần Hoàng Tuấn", 372, 470),
    ) == [
        (0, "Nơi nhận:"), (0, "- Như trên;"), (0, "- Lưu: VT."),
        (1, "TM. ỦY BAN NHÂN DÂN"), (1, "KT. CHỦ TỊCH"), (1, "PHÓ CHỦ TỊCH"),
        (1, "Trần Hoàng Tuấn"),
    ]


@pytest.mark.parametrize("left, right, expected", [
    ("Số:", "/QĐ-UBND", [(None, "Số: /QĐ-UBND")]),
    ("Hải Dương, ngày", "tháng 01 năm 2011", [(None, "Hải Dương, ngày tháng 01 năm 2011")]),
])
def test_fill_in_blank_is_not_a_column_gap(left, right, expected):
    first = words(left, 100, 100)
    assert read(first, words(right, first[-1].x1 + 60, 100)) == expected


def test_wide_gap_splits_a_row_into_two_lines():
    assert read(words("Số: 12/UBND", 100, 100), words("Hà Nội, ngày 3 tháng 2", 330, 100)) == [
        (0, "Số: 12/UBND"), (1, "Hà Nội, ngày 3 tháng 2")]


def test_pieces_of_one_word_are_glued_and_separate_words_are_spaced():
    pieces = [Word("Đ", 100, 100, 108, 113, size=13, start=0, end=0),
              Word("ầu", 108.5, 100, 120, 113, size=13, start=1, end=2),
              Word("24", 121, 100, 133, 113, size=13, start=40, end=41)]
    assert read(pieces) == [(None, "Đầu 24")]


def test_slightly_lower_word_stays_on_its_row():
    row = words("Quảng Ngãi, ngày", 300, 117) + [Word("08", 400, 119, 412, 131, size=13)]
    assert read(row) == [(1, "Quảng Ngãi, ngày 08")]  # right half of the page


def test_signature_block_outside_a_band_is_column_one():
    assert read(words("CHỦ TỊCH", 400, 500), words("Nguyễn Văn A", 390, 560)) == [
        (1, "CHỦ TỊCH"), (1, "Nguyễn Văn A")]


def test_table_rows_are_not_a_two_column_band():
    row = words("1", 100, 300) + words("Sở Tài chính", 160, 300) + words("10", 330, 300) + \
        words("ghi chú", 450, 300)
    assert [c for c, _ in read(row)] == [None, None, None, 1]


@pytest.mark.parametrize("before, after, expected", [
    ("Số:", "/QĐ-UBND", True), ("Só:", "68", True), ("ngày", "tháng", True),
    ("2#", "năm", True), ("UBND", "Hà", False), ("TTHC", "CỘNG", False),
    ("Sở;", "CHÁNH", False), ("Sở", "CHÁNH", False),  # a list item's end, and "Sở" is not "Số"
])
def test_is_fill_in_blank(before, after, expected):
    assert is_fill_in_blank(before, after) is expected


def test_no_words_no_lines():
    assert lines_from_words([], WIDTH) == []


def test_ocr_rows_do_not_chain_across_lines():
    """A right-hand line set between two left-hand lines joins neither (d09's closing)."""
    from extractors.readers.layout import group_units

    left_a = words("- Như trên;", 80, 622, size=11)
    left_b = words("- PCT UBND tỉnh;", 80, 635, size=11)
    right = words("CHÁNH VĂN PHÒNG", 340, 628, size=13)
    rows = group_units([left_a, right, left_b])
    assert [" ".join(w.text for w in r) for r in rows] == [
        "- Như trên;", "CHÁNH VĂN PHÒNG", "- PCT UBND tỉnh;"]


def test_ocr_halves_of_a_header_line_meet_in_one_row():
    from extractors.readers.layout import group_units

    rows = group_units([words("ỦY BAN NHÂN DÂN", 110, 70), words("CỘNG HÒA", 280, 72)])
    assert [[w.text for w in r] for r in rows] == [["ỦY", "BAN", "NHÂN", "DÂN", "CỘNG", "HÒA"]]


def test_header_columns_with_a_narrow_gap_are_cut_on_the_column_axes():
    """A wide agency name leaves less than two text heights before the Quốc hiệu; the row
    below shows where the columns are, and the first row is cut there."""
    assert read(
        words("ỦY BAN NHÂN DÂN TỈNH BẮC", 86, 58, size=12),
        words("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 235, 58, size=12),
        words("NINH", 138.5, 74, size=12), words("Độc lập - Tự do - Hạnh phúc", 256, 74, size=12),
        words("Số: 02/CT-UBND", 100, 100), words("Bắc Ninh, ngày 15 tháng 01 năm 2025", 240, 100),
    ) == [
        (0, "ỦY BAN NHÂN DÂN TỈNH BẮC"), (0, "NINH"), (0, "Số: 02/CT-UBND"),
        (1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (1, "Độc lập - Tự do - Hạnh phúc"),
        (1, "Bắc Ninh, ngày 15 tháng 01 năm 2025"),
    ]


def test_narrow_gap_in_a_body_line_is_not_cut():
    assert read(words("Căn cứ Luật Tổ chức", 86, 58), words("chính quyền địa phương", 220, 58),
                words("ngày 19 tháng 6 năm 2015;", 86, 76)) == [
        (None, "Căn cứ Luật Tổ chức chính quyền địa phương"), (None, "ngày 19 tháng 6 năm 2015;")]


def test_a_taller_line_level_with_two_small_lines_does_not_chain_them():
    assert read(
        words("- Các sở, ban, ngành;", 85, 385, size=11), words("PHÓ CHỦ TỊCH", 390, 389, size=16),
        words("- UBND các huyện;", 85, 397.5, size=11), words("- Lưu: VT.", 85, 410, size=11),
    ) == [(0, "- Các sở, ban, ngành;"), (0, "- UBND các huyện;"), (0, "- Lưu: VT."),
          (1, "PHÓ CHỦ TỊCH")]


def test_line_from_under_the_left_column_into_the_right_one_is_full_width():
    """"Kính gửi: …" starts under a long trích yếu and runs into the right column."""
    assert read(
        words("ỦY BAN NHÂN DÂN", 110, 70), words("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 287, 70),
        words("V/v góp ý dự thảo Quyết định", 85, 90), words("Độc lập - Tự do - Hạnh phúc", 343, 90),
        words("Kính gửi: Sở Thông tin và Truyền thông", 250, 115),
        words("- Các sở, ban, ngành thuộc tỉnh;", 85, 130),
    ) == [
        (0, "ỦY BAN NHÂN DÂN"), (0, "V/v góp ý dự thảo Quyết định"),
        (1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (1, "Độc lập - Tự do - Hạnh phúc"),
        (None, "Kính gửi: Sở Thông tin và Truyền thông"), (None, "- Các sở, ban, ngành thuộc tỉnh;"),
    ]


def test_a_word_boxed_with_a_speck_below_keeps_its_place_in_the_row():
    # "trương" was boxed with a speck under it (twice the text's height): left out of its
    # row, the gap it leaves would cut the line into two columns
    line = words("Tại Hội nghị, Ủy ban nhân dân tỉnh đã trao quyết định chủ trương đầu tư cho", 88, 209)
    tall = next(w for w in line if w.text == "trương")
    line[line.index(tall)] = Word("trương", tall.x0, tall.top, tall.x1, tall.top + 31.0, size=13.0)
    assert read(line) == [(None, "Tại Hội nghị, Ủy ban nhân dân tỉnh đã trao quyết định chủ trương đầu tư cho")]


def test_a_title_half_a_line_below_a_list_entry_stays_one_line():
    # "CHỦ" (14 pt, its hook reaching up) is level with one 11 pt entry of the Nơi nhận list,
    # "TỊCH" with the next: the two words are still one line of the signature block
    entry_1, entry_2 = words("- Các sở, ban, ngành;", 85, 384.3, size=11.3), words("- UBND các huyện;", 85, 397, size=11.3)
    chu = Word("CHỦ", 377.4, 389.0, 408.5, 405.1, size=14.0)
    tich = Word("TỊCH", 412.0, 391.7, 447.7, 405.1, size=14.0)
    assert read(words("Nơi nhận:", 85, 359.5, size=12), words("TM. HỘI ĐỒNG NHÂN DÂN", 330, 359.5, size=14),
                words("- Thường trực Tỉnh ủy;", 85, 371.7, size=11.3), entry_1, [chu, tich], entry_2,
                words("Lại Thế Nguyên", 380, 460, size=14)) == [
        (0, "Nơi nhận:"), (0, "- Thường trực Tỉnh ủy;"), (0, "- Các sở, ban, ngành;"),
        (0, "- UBND các huyện;"), (1, "TM. HỘI ĐỒNG NHÂN DÂN"), (1, "CHỦ TỊCH"), (1, "Lại Thế Nguyên")]


def test_signature_block_keeps_its_column_through_specks_and_a_broken_name():
    # a seal or a pen stroke leaves a speck ("Z") under the title and breaks the name in two
    # pieces, neither centred on the column: still the right column, and one line
    assert read(
        words("Nơi nhận:", 85, 365, size=10), words("TRƯỞNG PHÒNG", 354, 365, size=12),
        words("- Như trên;", 85, 382, size=10), words("- Lưu: VT, VP.", 85, 395, size=10),
        [Word("Z", 367, 414, 369, 416, size=10)],
        words("Phạm", 359, 447, size=12), words("Thu Hà", 421, 447, size=12),
    ) == [(0, "Nơi nhận:"), (0, "- Như trên;"), (0, "- Lưu: VT, VP."),
          (1, "TRƯỞNG PHÒNG"), (1, "Z"), (1, "Phạm Thu Hà")]


def test_a_name_broken_in_two_inside_the_band_stays_in_the_right_column():
    # no gap above the name (the block is tight): the two pieces are read inside the band
    assert read(
        words("Nơi nhận:", 85, 365, size=10), words("TRƯỞNG PHÒNG", 354, 365, size=12),
        words("- Như trên;", 85, 382, size=10), words("- Lưu: VT, VP.", 85, 395, size=10),
        words("Phạm", 359, 398, size=12), words("Thu Hà", 421, 398, size=12),
    ) == [(0, "Nơi nhận:"), (0, "- Như trên;"), (0, "- Lưu: VT, VP."),
          (1, "TRƯỞNG PHÒNG"), (1, "Phạm Thu Hà")]
