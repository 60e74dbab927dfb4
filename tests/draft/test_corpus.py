"""Drafting from real issued documents of ../shared/corpus/dev: the opening built from gold values.

Each expected sentence is written out from the document's gold record (type, number, date in
the ND30 form, issuer, subject). Where extraction reads a field wrongly the test is marked
xfail with the field named: draft does not work around extraction.
"""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.draft import draft_data, opening
from docgen.lint import lint_file
from docgen.templates import load_template

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
DEV = SHARED / "corpus" / "dev"
pytestmark = pytest.mark.skipif(not DEV.is_dir(), reason="../shared/corpus/dev is not present")

OPENINGS = {
    "pdf/d06.pdf": "Thực hiện Thông báo số 11/TB-UBND ngày 08 tháng 01 năm 2025 của Ủy ban nhân dân tỉnh "
                   "Quảng Ngãi về kết luận của Phó Chủ tịch UBND tỉnh Võ Phiên tại cuộc họp nghe báo cáo về "
                   "tình hình thực hiện công tác cổ phần hóa Công ty TNHH MTV Đầu tư, Xây dựng và Kinh doanh "
                   "dịch vụ Quảng Ngãi trong thời gian qua và nhiệm vụ trọng tâm trong thời gian đến",
    "pdf/d11.pdf": "Thực hiện Công văn số 507/UBND-KGVX ngày 24 tháng 01 năm 2025 của Ủy ban nhân dân tỉnh "
                   "Quảng Ngãi về việc góp ý dự thảo Quyết định sửa đổi, bổ sung một số điều của Quyết định số "
                   "2269/QĐ-TTg về Chương trình cung cấp dịch vụ viễn thông công ích",
    "seeds/004_63afc7d454dfef43.txt": "Thực hiện Kế hoạch số 2242/KH-UBND ngày 05 tháng 7 năm 2022 của Ủy ban "
                   "nhân dân Thành phố Hồ Chí Minh về phát động phong trào thi đua thực hiện chính quyền số, "
                   "chuyển đổi số trên địa bàn Thành phố Hồ Chí Minh",
    "pdf/d08.pdf": "Thực hiện Báo cáo số 23/BC-UBND ngày 23 tháng 01 năm 2025 của Ủy ban nhân dân tỉnh Quảng "
                   "Ngãi về tình hình, kết quả thực hiện công tác cải cách thủ tục hành chính tháng 01/2025 của "
                   "tỉnh Quảng Ngãi",
}
# fields extraction reads wrongly today (reported to the extraction owner)
EXTRACTION_MISSES = {
    "pdf/d08.pdf": "the number is handwritten and read too unsurely: extraction leaves it blank "
                   "(gold 23/BC-UBND; the handwritten day 23 is read)",
}


@pytest.fixture(scope="module")
def parents():
    from extractors import extract

    return {name: extract(DEV / name) for name in ("pdf/d06.pdf", "pdf/d11.pdf", "seeds/004_63afc7d454dfef43.txt")}


@pytest.fixture(scope="module")
def scan():
    from extractors import extract

    return extract(DEV / "pdf/d08.pdf")


def _known(name):
    reason = EXTRACTION_MISSES.get(name)
    return [pytest.mark.xfail(reason=reason, strict=True)] if reason else []


@pytest.mark.parametrize("name", [pytest.param(n, marks=_known(n)) for n in
                                  ("pdf/d06.pdf", "pdf/d11.pdf", "seeds/004_63afc7d454dfef43.txt")])
def test_opening_from_gold_values(parents, name):
    assert opening(parents[name]) == OPENINGS[name]


@pytest.mark.slow
@pytest.mark.parametrize("name", [pytest.param("pdf/d08.pdf", marks=_known("pdf/d08.pdf"))])
def test_opening_from_a_scan(scan, name):
    assert opening(scan) == OPENINGS[name]


@pytest.mark.slow
def test_scan_drafts_a_report_that_lints_clean(scan, tmp_path):
    from docgen.render import render_document

    draft = draft_data(load_template("bao_cao"), scan, example=True)
    assert draft.missing == []
    assert draft.data["mo_dau"].startswith(opening(scan) + ", Sở Nội vụ báo cáo ")
    # the number of d08 is handwritten and read too unsurely: extraction leaves it blank, so
    # the opening names the report by its date (the handwritten day is read) instead of
    # guessing a number
    assert opening(scan).startswith("Thực hiện Báo cáo ngày 23 tháng 01 năm 2025 ")
    assert " của Ủy ban nhân dân tỉnh Quảng Ngãi về tình hình, kết quả thực hiện công tác cải cách thủ tục " \
           "hành chính tháng 01/2025 của tỉnh Quảng Ngãi" in opening(scan)
    path = render_document("bao_cao", draft.data, tmp_path / "bc.docx")
    assert lint_file(path) == []


def test_decision_gets_the_parent_as_its_last_can_cu(parents):
    draft = draft_data(load_template("quyet_dinh"), parents["pdf/d11.pdf"], {"can_cu": ["Căn cứ Luật A"]})
    assert draft.data["can_cu"] == ["Căn cứ Luật A", "Căn cứ" + OPENINGS["pdf/d11.pdf"][len("Thực hiện"):]]


@pytest.mark.parametrize("name, expected", [
    ("pdf/d06.pdf", ["Công ty TNHH MTV Đầu tư, Xây dựng và Kinh doanh dịch vụ Quảng Ngãi", "Sở Tài chính",
                     "Sở Nội vụ"]),
    ("pdf/d11.pdf", ["Sở Thông tin và Truyền thông"]),
    ("seeds/004_63afc7d454dfef43.txt", [
        "Sở Thông tin và Truyền thông", "Sở Nội vụ (Ban Thi đua - Khen thưởng)",
        "Các cơ quan, đơn vị, địa phương thuộc Thành phố",
        "Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố và các đoàn thể chính trị - xã hội Thành phố",
        "Các doanh nghiệp viễn thông, các doanh nghiệp công nghệ số"]),
])
def test_dispatch_recipients_from_the_parents_tasks(parents, name, expected):
    draft = draft_data(load_template("cong_van"), parents[name], example=True)
    assert draft.data["kinh_gui"] == expected


def test_cli_drafts_a_dispatch_that_lints_clean(tmp_path):
    out = tmp_path / "cv.docx"
    result = CliRunner().invoke(main, ["draft", "cong_van", "--from", str(DEV / "pdf/d06.pdf"), "--example",
                                       "-o", str(out)])
    assert (result.exit_code, result.stdout) == (0, f"{out}\n")
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    first = next(t for t in texts if t.startswith("Thực hiện"))
    assert first.startswith(OPENINGS["pdf/d06.pdf"] + ", ")
    assert "- Sở Tài chính;" in texts and "- Sở Nội vụ." in texts
    assert lint_file(out) == []


def test_cli_no_input_lists_what_is_missing(tmp_path):
    parent = DEV / "pdf/d11.pdf"
    result = CliRunner().invoke(main, ["draft", "quyet_dinh", "--from", str(parent), "--no-input",
                                       "-o", str(tmp_path / "qd.docx")])
    assert result.exit_code == 1
    assert result.stderr == (f"docgen: {parent}: quyet_dinh: still missing: co_quan, co_quan_viet_tat, so, "
                             "dia_danh, trich_yeu, tham_quyen, dieu, chuc_vu, nguoi_ky, noi_nhan, luu "
                             "(give them with --data, or use --example)\n")
    assert not (tmp_path / "qd.docx").exists()
