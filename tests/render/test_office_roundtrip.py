"""Documents of other offices, rendered and read back from the text layer and as poor scans.

What the seven-type variants (test_variant_roundtrip.py) do not print, and offices outside the
provincial administration do: a rank or degree before the signer's name ("Đại tá …",
"Thiếu tướng …", "LS. TS. …", "PGS.TS. …"); a signer with no authority line; titles the word
list does not know ("TỔ TRƯỞNG"); a second title above the signature or under it ("TRƯỞNG BAN
/ … / CHỦ TỊCH UBND TỈNH"); a three-line header (ministry / department / working group);
professional bodies (a bar federation, a notaries' association), the Front's Ban Thường trực,
a police department and a ministry's Cục, the Prime Minister; a V/v over three lines and long
trích yếu under the title; and a Tờ trình with the draft it proposes bound behind it, whose
header must be reported as an attachment and never read as the document's."""
from __future__ import annotations

import copy
import dataclasses
import random
import shutil

import pypdfium2 as pdfium
import pytest

from docgen.render import render_document
from docgen.roundtrip import expected, found, same
from docgen.templates import load_template
from extractors.batch import extract_many
from extractors.pipeline import ExtractOptions
from tests.render.layouts import add_header_line, add_second_title, as_draft
from tests.render.test_poor_scan_roundtrip import poor_scan

pytestmark = pytest.mark.slow

LONG_VV = ("đề nghị phối hợp rà soát, thống kê và cung cấp thông tin về người nghiện ma túy, người sử "
           "dụng trái phép chất ma túy trên địa bàn tỉnh trong năm 2025")
LONG_SUBJECT = ("Về việc đề nghị ban hành Quyết định phê duyệt danh sách tuyến, địa bàn trọng điểm phức tạp "
                "về trật tự, an toàn xã hội trên địa bàn tỉnh năm 2025")

# office → (data for the templates, what the signature block must give, types, edits)
OFFICES = {
    "police": (dict(co_quan_chu_quan="Bộ Công an", co_quan="Công an tỉnh Nghệ An", co_quan_viet_tat="CAT",
                    don_vi_viet_tat="PC06", dia_danh="Nghệ An", quyen_han="KT. Giám đốc", chuc_vu="Phó Giám đốc",
                    nguoi_ky="Đại tá Hồ Văn Lâm", trich_yeu={"cong_van": LONG_VV, "to_trinh": LONG_SUBJECT}),
               dict(name="Hồ Văn Lâm", title="Phó Giám đốc", authority="KT"), ("cong_van", "to_trinh"), {}),
    "police_head": (dict(co_quan_chu_quan="Bộ Công an", co_quan="Công an tỉnh Sơn La", co_quan_viet_tat="CAT",
                         don_vi_viet_tat="PV01", dia_danh="Sơn La", chuc_vu="Giám đốc",
                         nguoi_ky="Thiếu tướng Lò Văn Thắng"),
                    dict(name="Lò Văn Thắng", title="Giám đốc", authority=None), ("bao_cao", "cong_van"), {}),
    "ministry_department": (dict(co_quan_chu_quan="Bộ Công an", co_quan="Cục Cảnh sát điều tra tội phạm về ma túy",
                                 co_quan_viet_tat="C04", don_vi_viet_tat="P6", dia_danh="Hà Nội",
                                 quyen_han="KT. Cục trưởng", chuc_vu="Phó Cục trưởng",
                                 nguoi_ky="Thiếu tướng Nguyễn Văn Viện"),
                            dict(name="Nguyễn Văn Viện", title="Phó Cục trưởng", authority="KT"),
                            ("ke_hoach", "cong_van"), {}),
    "working_group": (dict(co_quan_chu_quan="Bộ Tư pháp", co_quan="Tổ công tác triển khai Đề án 06",
                           co_quan_viet_tat="TCT", don_vi_viet_tat="VP", dia_danh="Hà Nội",
                           quyen_han="TM. Tổ công tác", chuc_vu="Tổ trưởng", nguoi_ky="PGS.TS. Nguyễn Thanh Tịnh"),
                      dict(name="Nguyễn Thanh Tịnh", title="Tổ trưởng", authority="TM",
                           parent="Cục Kiểm soát thủ tục hành chính"),
                      ("cong_van", "bao_cao"), {"header_line": "Cục Kiểm soát thủ tục hành chính"}),
    "bar_federation": (dict(co_quan="Liên đoàn Luật sư Việt Nam", co_quan_viet_tat="LĐLSVN", don_vi_viet_tat="VP",
                            dia_danh="Hà Nội", quyen_han="TM. Ban Thường vụ", chuc_vu="Chủ tịch",
                            nguoi_ky="LS. TS. Đỗ Minh Khang"),
                       dict(name="Đỗ Minh Khang", title="Chủ tịch", authority="TM"),
                       ("thong_bao", "cong_van", "quyet_dinh"), {}),
    "notaries": (dict(co_quan="Hiệp hội Công chứng viên Việt Nam", co_quan_viet_tat="HHCCVN", don_vi_viet_tat="VP",
                      dia_danh="Hà Nội", quyen_han="TM. Ban Thường vụ", chuc_vu="Phó Chủ tịch",
                      nguoi_ky="ThS. Trần Thị Hồng Nhung"),
                 dict(name="Trần Thị Hồng Nhung", title="Phó Chủ tịch", authority="TM"), ("ke_hoach", "giay_moi"), {}),
    "front": (dict(co_quan_chu_quan="Ủy ban MTTQ Việt Nam tỉnh Gia Lai", co_quan="Ban Thường trực",
                   co_quan_viet_tat="MTTQ", don_vi_viet_tat="BTT", dia_danh="Gia Lai", quyen_han="TM. Ban Thường trực",
                   chuc_vu="Phó Chủ tịch Thường trực", nguoi_ky="Ksor Phước Hà"),
              dict(name="Ksor Phước Hà", title="Phó Chủ tịch Thường trực", authority="TM"), ("cong_van", "to_trinh"), {}),
    "prime_minister": (dict(co_quan="Thủ tướng Chính phủ", co_quan_viet_tat="TTG", don_vi_viet_tat="KSTT",
                            dia_danh="Hà Nội", quyen_han="KT. Thủ tướng", chuc_vu="Phó Thủ tướng",
                            nguoi_ky="Trần Hồng Hà"),
                       dict(name="Trần Hồng Hà", title="Phó Thủ tướng", authority="KT"),
                       ("chi_thi", "cong_van", "cong_dien"), {}),
    "justice_ministry": (dict(co_quan="Bộ Tư pháp", co_quan_viet_tat="BTP", don_vi_viet_tat="PLQT", dia_danh="Hà Nội",
                              quyen_han="KT. Bộ trưởng", chuc_vu="Thứ trưởng", nguoi_ky="Phan Chí Hiếu"),
                         dict(name="Phan Chí Hiếu", title="Thứ trưởng", authority="KT"), ("quyet_dinh", "cong_van"), {}),
    "justice_department": (dict(co_quan_chu_quan="UBND tỉnh Đắk Lắk", co_quan="Sở Tư pháp", co_quan_viet_tat="STP",
                                dia_danh="Đắk Lắk", quyen_han="TL. Giám đốc", chuc_vu="Chánh Văn phòng",
                                nguoi_ky="Y Biêr Niê"),
                           dict(name="Y Biêr Niê", title="Chánh Văn phòng", authority="TL"), ("giay_moi", "thong_bao"),
                           {}),
    "by_mandate": (dict(co_quan="Ủy ban nhân dân tỉnh Quảng Trị", co_quan_viet_tat="UBND", don_vi_viet_tat="NC",
                        dia_danh="Quảng Trị", quyen_han="TUQ. Chủ tịch", chuc_vu="Giám đốc Sở Tư pháp",
                        nguoi_ky="Hoàng Thị Thu Hà"),
                   dict(name="Hoàng Thị Thu Hà", title="Giám đốc Sở Tư pháp", authority="TUQ"), ("cong_van",), {}),
    "drug_free_council": (dict(co_quan_chu_quan="UBND tỉnh Kon Tum",
                               co_quan="Hội đồng xét công nhận xã, phường không ma túy", co_quan_viet_tat="HĐXCN",
                               dia_danh="Kon Tum", quyen_han="TM. Hội đồng", chuc_vu="Chủ tịch", nguoi_ky="Y Ngọc"),
                          dict(name="Y Ngọc", title="Chủ tịch", authority="TM"), ("thong_bao",),
                          {"second_title": ("Phó Chủ tịch UBND tỉnh", True)}),
    "steering_board": (dict(co_quan_chu_quan="UBND tỉnh Bình Định", co_quan="Ban Chỉ đạo chuyển đổi số",
                            co_quan_viet_tat="BCĐ", don_vi_viet_tat="VP", dia_danh="Bình Định",
                            quyen_han="TM. Ban Chỉ đạo", chuc_vu="Trưởng ban", nguoi_ky="Phạm Anh Tuấn"),
                       dict(name="Phạm Anh Tuấn", title="Trưởng ban", authority="TM"), ("ke_hoach",),
                       {"second_title": ("Chủ tịch UBND tỉnh", False)}),
    "steering_board_under": (dict(co_quan_chu_quan="UBND tỉnh Phú Yên", co_quan="Ban Chỉ đạo phòng, chống thiên tai",
                                  co_quan_viet_tat="BCĐ", don_vi_viet_tat="VP", dia_danh="Phú Yên",
                                  quyen_han="TM. Ban Chỉ đạo", chuc_vu="Trưởng ban", nguoi_ky="Tạ Anh Tuấn"),
                             dict(name="Tạ Anh Tuấn", title="Trưởng ban", authority="TM"), ("thong_bao",),
                             {"second_title": ("Chủ tịch UBND tỉnh", True)}),
}
CHECKS = ("doc_type", "number", "issued_on", "issuer", "subject", "signer", "title", "authority", "parent")
MIN_SCAN_SHARE = 0.95  # of the checks, read back through OCR from poor scans


def office_variant(type_name: str, office: str, number: int) -> tuple[dict, dict]:
    """(data to render, what a reader must find) for ``type_name`` issued by ``office``."""
    template = load_template(type_name)
    profile, signer, _, _ = OFFICES[office]
    data = copy.deepcopy(template.example)
    for key in ("co_quan_chu_quan", "quyen_han"):
        data.pop(key, None)
    for key, value in profile.items():
        if key == "trich_yeu":
            if type_name in value:
                data["trich_yeu"] = value[type_name]
        elif key != "don_vi_viet_tat" or type_name == "cong_van":
            data[key] = value
    data["so"] = number
    want = expected(dataclasses.replace(template, example=data))
    want.update(signer=signer["name"], title=signer["title"], authority=signer["authority"],
                parent=signer.get("parent", "skip"))
    return data, want


def misses(record: dict, want: dict) -> list[str]:
    got = found(record)
    signer = record["signer"]
    got.update(title=signer["title"], authority=signer["authority"], parent=record["issuer"]["parent"])
    return [f"{check}: expected {want[check]!r}, found {got[check]!r}" for check in CHECKS
            if not (check == "parent" and want[check] == "skip") and not same(check, want[check], got[check])]


def _render(out, office: str, type_name: str, number: int):
    data, want = office_variant(type_name, office, number)
    path = render_document(type_name, data, out / f"{office}-{type_name}.docx")
    edits = OFFICES[office][3]
    if "header_line" in edits:
        add_header_line(path, edits["header_line"])
    if "second_title" in edits:
        add_second_title(path, *edits["second_title"])
    return path, want


@pytest.fixture(scope="module")
def office_pdfs(tmp_path_factory):
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) is not installed")
    from docgen.pdf import convert_to_pdf

    out = tmp_path_factory.mktemp("offices")
    docs, wants = [], {}
    for n, (office, (_, _, types, _)) in enumerate(OFFICES.items()):
        for type_name in types:
            path, want = _render(out, office, type_name, 4 + 19 * n)
            docs.append(path)
            wants[path.stem] = want
    return convert_to_pdf(docs, out), wants


def test_every_office_comes_back_from_the_text_layer(office_pdfs):
    pdfs, wants = office_pdfs
    records = {p.stem: r for p, r in extract_many(pdfs, ExtractOptions(deep=False), 2)}
    assert sorted(records) == sorted(wants)
    wrong = {name: misses(records[name].to_dict(), wants[name]) for name in wants}
    assert {name: m for name, m in wrong.items() if m} == {}


def test_offices_come_back_from_poor_scans(office_pdfs, tmp_path_factory):
    pdfs, wants = office_pdfs
    out = tmp_path_factory.mktemp("office-scans")
    rng = random.Random(11)
    scans = [poor_scan(p, out, rng) for p in pdfs]
    records = {p.stem: r for p, r in extract_many(scans, ExtractOptions(deep=False), 2)}
    wrong = [f"{name}.{m}" for name in wants for m in misses(records[name].to_dict(), wants[name])]
    checks = sum(len(CHECKS) - (w["parent"] == "skip") for w in wants.values())
    assert (checks - len(wrong)) / checks >= MIN_SCAN_SHARE, "\n".join(wrong)


def _bound(first, second, target):
    """One PDF: the pages of ``first``, then those of ``second``."""
    pdf = pdfium.PdfDocument.new()
    for part in (first, second):
        source = pdfium.PdfDocument(str(part))
        pdf.import_pages(source)
        source.close()
    pdf.save(str(target))
    pdf.close()
    return target


@pytest.fixture(scope="module")
def bundles(tmp_path_factory):
    """A police Tờ trình carrying the draft Quyết định of the province it proposes (number
    left blank, signed by the Chủ tịch), and a report of its own with a number."""
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) is not installed")
    from docgen.pdf import convert_to_pdf

    out = tmp_path_factory.mktemp("bundles")
    first, want = _render(out, "police", "to_trinh", 511)
    draft = load_template("quyet_dinh")
    data = copy.deepcopy(draft.example)
    data.pop("co_quan_chu_quan", None)
    data.update(co_quan="Ủy ban nhân dân tỉnh Nghệ An", co_quan_viet_tat="UBND", dia_danh="Nghệ An", so=1,
                quyen_han="TM. Ủy ban nhân dân", chuc_vu="Chủ tịch", nguoi_ky="Lê Hồng Vinh",
                tham_quyen="Ủy ban nhân dân tỉnh Nghệ An")
    second = as_draft(render_document("quyet_dinh", data, out / "draft.docx"))
    report, _ = _render(out, "police_head", "bao_cao", 420)
    first_pdf, draft_pdf, report_pdf = convert_to_pdf([first, second, report], out)
    pages = len(pdfium.PdfDocument(str(first_pdf)))
    bundle = _bound(first_pdf, draft_pdf, out / "to_trinh_with_draft.pdf")
    with_report = _bound(first_pdf, report_pdf, out / "to_trinh_with_report.pdf")
    return {"draft": (bundle, want, ("Quyết định", "/QĐ-UBND", pages + 1)),
            "report": (with_report, want, ("Báo cáo", "420/BC-CAT", pages + 1))}


@pytest.mark.parametrize("kind", ["draft", "report"])
@pytest.mark.parametrize("scan", [False, True], ids=["text", "scan"])
def test_an_attached_document_is_reported_not_read(bundles, kind, scan, tmp_path):
    path, want, attachment = bundles[kind]
    if scan:
        path = poor_scan(path, tmp_path, random.Random(3))
    (_, record), = extract_many([path], ExtractOptions(deep=False), 1)
    doc = record.to_dict()
    assert misses(doc, want) == []
    assert [(a["doc_type"], a["number"], a["page"]) for a in doc["attachments"]] == [attachment]
