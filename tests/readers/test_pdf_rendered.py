"""PDFs made by ``docgen render`` and LibreOffice: bold from the font name, the two header
columns apart although their gap is narrow, the Nơi nhận list apart from the signature."""
from __future__ import annotations

import pytest

from docgen.templates import load_template
from extractors.readers import read

pytestmark = pytest.mark.slow

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"


@pytest.fixture(scope="module")
def docs(rendered_pdfs):
    return {name: read(path) for name, path in rendered_pdfs.items()}


def header(doc, count: int = 7) -> list[tuple[int | None, str]]:
    return [(l.column, l.text) for l in doc.pages[0].lines[:count]]


@pytest.mark.parametrize("name, agency", [
    ("chi_thi", ["ỦY BAN NHÂN DÂN TỈNH BẮC", "NINH"]),
    ("thong_cao", ["ỦY BAN NHÂN DÂN TỈNH BẮC", "NINH"]),
    ("nghi_quyet", ["HỘI ĐỒNG TRƯỜNG ĐẠI HỌC", "SƯ PHẠM BẮC NINH"]),
])
def test_wide_agency_and_quoc_hieu_come_out_as_two_columns(docs, name, agency):
    example = load_template(name).example
    assert " ".join(agency) == example["co_quan"].upper()
    lines = header(docs[name], 6)
    assert [t for c, t in lines if c == 0][:2] == agency
    assert [t for c, t in lines if c == 1][:2] == [QUOC_HIEU, TIEU_NGU]
    assert [c for c, _ in lines] == [0, 0, 0, 1, 1, 1]  # left column first, then right


def test_noi_nhan_list_and_signature_block_are_not_interleaved(docs):
    example = load_template("thong_bao").example
    closing = [(l.column, l.text) for l in docs["thong_bao"].pages[-1].lines if l.column is not None]
    closing = closing[closing.index((0, "Nơi nhận:")):]
    assert closing == (
        [(0, "Nơi nhận:")] + [(0, f"- {item};") for item in example["noi_nhan"]]
        + [(0, f"- Lưu: VT, {example['luu']}.")]
        + [(1, "TL. GIÁM ĐỐC"), (1, "CHÁNH VĂN PHÒNG"), (1, example["nguoi_ky"])])


def test_tight_lines_beside_a_taller_signature_line_stay_apart(docs):
    """"PHÓ CHỦ TỊCH" (13 pt) sits level with two 11 pt lines of the Nơi nhận list."""
    left = [l.text for l in docs["chi_thi"].pages[-1].lines if l.column == 0]
    assert left[-3:] == ["- Các sở, ban, ngành thuộc tỉnh;", "- UBND các huyện, thị xã, thành phố;",
                         "- Lưu: VT, NC."]


def test_bold_from_the_font_name(docs):
    """LibreOffice embeds "LiberationSerif-Bold" with weight 400: the name says bold."""
    lines = docs["chi_thi"].pages[0].lines
    bold = {l.text: l.bold for l in lines}
    assert [bold[t] for t in ("ỦY BAN NHÂN DÂN TỈNH BẮC", "Số: 02/CT-UBND", QUOC_HIEU, TIEU_NGU,
                              "Bắc Ninh, ngày 15 tháng 01 năm 2025", "CHỈ THỊ")] == [
        True, False, True, True, False, True]
    body = [l for l in lines if l.column is None and l.top > 160]
    assert body and not any(l.bold for l in body)
    closing = {l.text: l.bold for l in docs["chi_thi"].pages[-1].lines}
    assert (closing["Nơi nhận:"], closing["- Lưu: VT, NC."], closing["PHÓ CHỦ TỊCH"]) == (
        True, False, True)
