"""The vbpl.vn texts and the seed texts of the dev corpus against their gold records."""
from __future__ import annotations

import json

import pytest

from extractors import extract
from extractors.evaluate import score
from extractors.pipeline import ExtractOptions
from tests.conftest import need_shared


@pytest.fixture(scope="module")
def vbpl_report():
    dev = need_shared()
    pairs = []
    for gold_path in sorted((dev / "vbpl").glob("*.gold.json")):
        doc = extract(gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")),
                      ExtractOptions(deep=False))
        pairs.append((gold_path.name, json.loads(gold_path.read_text()), doc.to_dict()))
    return score(pairs)


def test_vbpl_type_and_number_accuracy(vbpl_report):
    # the aim: doc_type and number ≥ 0.97 on the vbpl texts
    assert vbpl_report.documents == 200
    assert vbpl_report.scalars["doc_type.name"].accuracy >= 0.97
    assert vbpl_report.scalars["number.raw"].accuracy >= 0.97
    assert vbpl_report.scalars["subject"].accuracy >= 0.94


@pytest.mark.parametrize("name, doc_type, number, subject", [
    ("doc_000005", "Thông tư", "06/2026/TT-BXD",
     "Công bố vùng nước cảng biển, khu vực hàng hải thuộc địa phận tỉnh An Giang,tỉnh Cà Mau và khu vực "
     "quản lý của Cảng vụ Hàng hải Kiên Giang"),
    ("doc_000015", "Luật", "111/2025/QH15", "BẢO HIỂM TIỀN GỬI"),
    ("doc_000136", "Nghị định", "328/2025/NĐ-CP",  # a portal page without the document's text
     "Về Trung tâm trọng tài quốc tế thuộc Trung tâm tài chính quốc tế tại Việt Nam"),
    ("doc_000176", "Nghị quyết", "119/2026/UBTVQH15", "Điều chỉnh Chương trình lập pháp năm 2026"),
    ("doc_000425", "Văn bản hợp nhất", "7079VBHN-BVHTTDL",  # the portal lost the "/": kept as printed
     "Quy định mã số, tiêu chuẩn chức danh nghề nghiệp và xếp lương viên chức chuyên ngành thể dục thể thao"),
    ("doc_000509", "Thông tư", "121/2025/TT-BTC",  # the title's full stop dropped
     "Sửa đổi, bổ sung một số điều của các Thông tư quy định về thủ tục hải quan, kiểm tra, giám sát hải "
     "quan, thuế xuất khẩu, thuế nhập khẩu và quản lý thuế đối với hàng hoá xuất khẩu, nhập khẩu"),
    ("doc_000215", "Thông tư", "59/2025/TT-BKHCN",  # "sự cốbức xạ" in the text
     "Quy định về bảo đảm an toàn bức xạ và ứng phó sự cố bức xạ và hạt nhân"),
])
def test_vbpl_documents(name, doc_type, number, subject):
    dev = need_shared()
    doc = extract(dev / "vbpl" / f"{name}.txt", ExtractOptions(deep=False))
    assert (doc.doc_type.name, doc.number.raw) == (doc_type, number)
    assert doc.subject.casefold() == subject.casefold()


def test_seed_plan_header():
    dev = need_shared()
    doc = extract(dev / "seeds" / "004_63afc7d454dfef43.txt", ExtractOptions(deep=False))
    assert (doc.doc_type.name, doc.doc_type.code) == ("Kế hoạch", "KH")
    assert (doc.number.raw, doc.number.number, doc.number.symbol) == ("2242/KH-UBND", 2242, "KH-UBND")
    assert (doc.issued_on, doc.place) == ("2022-07-05", "Thành phố Hồ Chí Minh")
    assert doc.issuer.name == "Ủy ban nhân dân Thành phố Hồ Chí Minh"
    s = doc.signer
    assert (s.name, s.title, s.authority, s.for_title) == ("Võ Văn Hoan", "Phó Chủ tịch", "KT", "Chủ tịch")
    assert doc.distribution[0] == "Hội đồng Thi đua - Khen thưởng TW"
    assert doc.distribution[-1] == "Lưu: VT, VX, (VX/Ng.T)"
    assert len(doc.distribution) == 14


def test_seed_dispatch_with_blank_number_and_day():
    dev = need_shared()
    doc = extract(dev / "seeds" / "000_723112d705094157.txt", ExtractOptions(deep=False))
    assert doc.doc_type.name == "Công văn" and doc.doc_type.code is None
    assert (doc.number.raw, doc.number.number) == ("/STTTT-CNTT", None)
    assert doc.issued_on == "2021-12"
    assert "the number is blank (filled in by hand)" in doc.warnings
    assert "the day of the date is blank or handwritten" in doc.warnings
    assert doc.issuer.name == "Sở Thông tin và Truyền thông"
    assert doc.recipients[0] == "Các cơ quan Đảng, Mặt trận, đoàn thể" and len(doc.recipients) == 5
    assert (doc.signer.name, doc.signer.title) == ("Trần Ngọc Thạch", "Phó Giám đốc")


def test_seed_news_article():
    dev = need_shared()
    doc = extract(dev / "seeds" / "001_b96328082b9cb1e7.txt", ExtractOptions(deep=False))
    assert (doc.doc_type.name, doc.issued_on, doc.issuer.name, doc.signer.name) == (
        "Bài báo", "2021-12-23", "Moitruong.net.vn", "Đức Biền")
    assert doc.subject == "Đà Nẵng phát động, tổ chức thực hiện thi đua chuyển đổi số"


NEWS = """Quảng Nam đặt mục tiêu 80% thủ tục hành chính được giải quyết trực tuyến

Minh Anh | 15/03/2024 09:10

Baoquangnam.vn – UBND tỉnh Quảng Nam vừa ban hành Kế hoạch số 1520/KH-UBND về chuyển đổi số năm 2024.

Theo kế hoạch, đến cuối năm 2024, tỉnh phấn đấu 80% thủ tục hành chính được giải quyết trực tuyến toàn trình.
"""


def test_news_article_whose_byline_was_read_as_two_cells(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text(NEWS, encoding="utf-8")
    doc = extract(path)
    assert (doc.doc_type.name, doc.issued_on, doc.issuer.name, doc.signer.name) == (
        "Bài báo", "2024-03-15", "Baoquangnam.vn", "Minh Anh")
    assert doc.subject == "Quảng Nam đặt mục tiêu 80% thủ tục hành chính được giải quyết trực tuyến"
    # the blank line ends the headline's paragraph: the body's target is the body's alone
    body = [t for t in doc.targets if t.deadline == "2024-12-31"]
    assert [(t.indicator, t.value) for t in body] == [
        ("Theo kế hoạch, tỉnh phấn đấu thủ tục hành chính được giải quyết trực tuyến toàn trình", 80)]
