"""Finding the components of documents laid out the ways Word users lay them out."""
from __future__ import annotations

import docx
import pytest
from docx.enum.text import WD_BREAK

from tests.lint.builders import build, decision_parts, dispatch_parts
from docgen.lint.context import Context


def zones_of(path):
    return Context.of(docx.Document(str(path))).zones


def texts(lines):
    return [l.text for l in lines]


@pytest.mark.parametrize("layout", ["table", "tabs"])
def test_dispatch_components_in_both_header_layouts(tmp_path, layout):
    parts = dispatch_parts()
    parts.header_layout = layout
    zones = zones_of(build(tmp_path / "cv.docx", parts))
    assert texts(zones.quoc_hieu) == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert zones.tieu_ngu.text == "Độc lập - Tự do - Hạnh phúc"
    assert (texts(zones.agency_parent), texts(zones.agency)) == ([], ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"])
    assert (zones.so.text, zones.place_date.text) == ("Số: 07/UBND-KGVX", "Quảng Ngãi, ngày 05 tháng 3 năm 2024")
    assert texts(zones.vv) == ["V/v báo cáo kết quả thực hiện kế hoạch"]
    assert zones.type_name is None and zones.is_cong_van
    assert (zones.kinh_gui.text, texts(zones.kinh_gui_items)) == ("Kính gửi:", ["- Sở Nội vụ;", "- Sở Tài chính."])
    assert (texts(zones.signature), zones.signer_name.text) == (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Trần Văn Cường")
    assert texts(zones.noi_nhan_items) == ["- Như trên;", "- Lưu: VT, KGVX."]
    assert [l.text[:20] for l in zones.body] == ["Thực hiện Kế hoạch s", "Các tầng lớp Nhân dâ"]


def test_decision_components(tmp_path):
    zones = zones_of(build(tmp_path / "qd.docx", decision_parts()))
    assert (texts(zones.agency_parent), texts(zones.agency)) == (["UBND TỈNH QUẢNG NGÃI"], ["SỞ NỘI VỤ"])
    assert (zones.type_name.text, zones.type_code) == ("QUYẾT ĐỊNH", "QĐ")
    assert texts(zones.subject) == ["Về việc cử công chức tham gia khóa bồi dưỡng năm 2024"]
    assert [l.text[:12] for l in zones.can_cu] == ["Căn cứ Nghị ", "Theo đề nghị"]
    assert [l.text[:7] for l in zones.body] == ["Điều 1.", "Điều 2.", "Điều 3."]
    assert (texts(zones.signature), zones.signer_name.text) == (["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "Nguyễn Văn An")


def test_plain_paragraphs_with_breaks_and_signature_before_noi_nhan(tmp_path):
    """A header typed with line breaks inside one paragraph, everything else stacked."""
    document = docx.Document()
    head = document.add_paragraph()
    for i, text in enumerate(["CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]):
        run = head.add_run(text)
        if i < 2:
            run.add_break(WD_BREAK.LINE)
    for text in ["SỞ Y TẾ", "Số: 03/TB-SYT", "Hà Tĩnh, ngày 02 tháng 10 năm 2023", "THÔNG BÁO",
                 "Lịch trực Tết Nguyên đán", "", "Sở Y tế thông báo lịch trực như sau./.",
                 "GIÁM ĐỐC", "", "", "Lê Văn Hòa", "Nơi nhận:", "- Các phòng;", "- Lưu: VT, VP."]:
        document.add_paragraph(text)
    path = tmp_path / "plain.docx"
    document.save(path)
    zones = zones_of(path)
    assert texts(zones.quoc_hieu) == ["CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM"]
    assert zones.tieu_ngu.text == "Độc lập - Tự do - Hạnh phúc"
    assert texts(zones.agency) == ["SỞ Y TẾ"]
    assert (zones.type_name.text, texts(zones.subject)) == ("THÔNG BÁO", ["Lịch trực Tết Nguyên đán"])
    assert texts(zones.body) == ["Sở Y tế thông báo lịch trực như sau./."]
    assert (texts(zones.signature), zones.signer_name.text) == (["GIÁM ĐỐC"], "Lê Văn Hòa")
    assert texts(zones.noi_nhan_items) == ["- Các phòng;", "- Lưu: VT, VP."]
