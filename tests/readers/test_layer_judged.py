"""A text layer is judged before it is trusted (issue 10, item 3): a scan whose own OCR layer
is not Vietnamese is read by OCR; a layer that reads as Vietnamese is kept."""
from __future__ import annotations

import pytest

from extractors import extract
from extractors.pipeline import ExtractOptions
from extractors.readers.model import Line
from extractors.readers.quality import layer_share
from tests.readers.conftest import dev_pdf
from tests.readers.scan_pages import page_image, scan_pdf

# a công văn of another province, in the layout of Nghị định 30
PRINTED = [
    (80, 60, "ỦY BAN NHÂN DÂN", 13, False), (80, 78, "TỈNH BẮC NINH", 13, True),
    (95, 110, "Số: 125/UBND-KGVX", 13, False),
    (75, 130, "V/v triển khai phổ biến giáo dục", 12, False),
    (95, 146, "pháp luật năm 2025", 12, False),
    (300, 60, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, True),
    (345, 78, "Độc lập - Tự do - Hạnh phúc", 13, True),
    (330, 110, "Bắc Ninh, ngày 14 tháng 3 năm 2025", 13, False),
    (190, 200, "Kính gửi: Các sở, ban, ngành thuộc tỉnh.", 14, False),
    (100, 240, "Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị tổ chức triển khai", 14, False),
    (80, 260, "thực hiện tốt công tác phổ biến, giáo dục pháp luật trong năm 2025.", 14, False),
]
# what a scanner's OCR that does not know Vietnamese wrote under the picture
GARBAGE = ["UY BAN NHAN oAN cgxc uolxA norcHO Ncnia vrpr Nalr", "TiNH BAC NINH DQc llp - Trg do - Hqnh phfc",
           "s6:125 /UBND-KGVX Bac Ninh, ngdy 14 thdng 3 ndm 2025",
           "V/v tri6n khai ph6 bi6n gido duc phdp lu$t ndm 2025",
           "Kinh gtri: Cdc s0, ban, ngdnh thu6c tinh.",
           "Uy ban nhdn ddn tinh d6 nghi cdc co quan, don vi t6 chric tri6n khai",
           "thUc hiQn t6t c6ng tdc ph6 bi6n, gido duc phdp lu$t trong ndm 2025."]
# the same words without their marks: Vietnamese, but a lossy layer
TONELESS = ["UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM", "TINH BAC NINH Doc lap - Tu do - Hanh phuc",
            "So: 125/UBND-KGVX Bac Ninh, ngay 14 thang 3 nam 2025",
            "V/v trien khai pho bien giao duc phap luat nam 2025",
            "Kinh gui: Cac so, ban, nganh thuoc tinh.",
            "Uy ban nhan dan tinh de nghi cac co quan, don vi to chuc trien khai",
            "thuc hien tot cong tac pho bien, giao duc phap luat trong nam 2025."]


@pytest.mark.parametrize("text, syllables, marked", [
    ("Vd viQc cho ph6p hqp nh6t cdc Hoi thrinh mQt Hoi", 0.3, 0.0),
    ("V/v xin chủ trương triển khai thực hiện công tác cai nghiện", 1.0, 0.7),
])
def test_layer_share(text, syllables, marked):
    share = layer_share([Line(text)])
    assert (round(share.syllables, 1), round(share.marked, 1)) == (syllables, marked)


def test_a_layer_of_twenty_words_is_judged_and_a_shorter_one_is_not():
    garbage = Line(" ".join(["viQc ph6p"] * 10))
    assert layer_share([garbage]).doubt() == "0% of its words are Vietnamese syllables"
    assert layer_share([Line("viQc ph6p")]).doubt() is None


def test_word_exports_and_e_signed_pdfs_keep_their_layer():
    for name in ("d06.pdf", "d35.pdf"):
        doc = extract(dev_pdf(name))
        assert doc.source.text_layer and not doc.source.ocr
        assert not any("does not read as Vietnamese" in w for w in doc.warnings)


@pytest.mark.slow
@pytest.mark.parametrize("layer, doubt", [
    (GARBAGE, "of its words are Vietnamese syllables"),
    (TONELESS, "0% of its syllables carry a mark"),
])
def test_a_scan_whose_layer_is_not_vietnamese_is_read_by_ocr(tmp_path, layer, doubt):
    path = tmp_path / "scan.pdf"
    path.write_bytes(scan_pdf(page_image(PRINTED), layer))
    doc = extract(path)
    assert doc.source.ocr and not doc.source.text_layer
    assert any(doubt in w and w.endswith("read by OCR instead") for w in doc.warnings)
    assert doc.issuer.name == "Ủy ban nhân dân tỉnh Bắc Ninh"
    assert doc.subject == "V/v triển khai phổ biến giáo dục pháp luật năm 2025"
    assert doc.number.raw == "125/UBND-KGVX"


@pytest.mark.slow
def test_with_ocr_off_the_doubtful_layer_is_kept_with_a_warning(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(scan_pdf(page_image(PRINTED), GARBAGE))
    doc = extract(path, ExtractOptions(ocr="never"))
    assert doc.source.text_layer and not doc.source.ocr
    assert any(w.endswith("kept, OCR is off") for w in doc.warnings)
