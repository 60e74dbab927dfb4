"""Lint, batch and draft pages: the uploads go through the command line's library functions and
come back with the command line's findings, causes and pre-filled fields."""
from __future__ import annotations

import html
import io
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.lint import lint_file
from docgen.render import render_document
from docgen.templates import load_template
from tests.lint.builders import build, decision_parts
from tests.web.conftest import SHARED_DEV
from tests.web.test_pages import error_lines, field_message

HEADER = "co_quan,co_quan_viet_tat,don_vi_viet_tat,so,dia_danh,ngay,trich_yeu,kinh_gui,noi_dung,chuc_vu,nguoi_ky,luu"
ROWS = [
    "Sở Nội vụ,SNV,VP,1,Bắc Ninh,2025-03-05,báo cáo biên chế,Sở Tài chính,Đề nghị báo cáo.,Giám đốc,Trần Thị Bình,VP",
    "Sở Nội vụ,snv,VP,2,Bắc Ninh,2025-03-05,báo cáo biên chế,Sở Tài chính,Đề nghị báo cáo.,Giám đốc,Trần Thị Bình,VP",
    "Sở Nội vụ,SNV,VP,3,Bắc Ninh,05/03/2025,báo cáo lao động,Sở Y tế,Đề nghị báo cáo.,Giám đốc,Trần Thị Bình,VP",
]


def broken_decision(path: Path) -> Path:
    """A Quyết định with three facts broken: left margin, a căn cứ set flush left, a plain Điều label."""
    parts = decision_parts()
    parts.page.left_mm = 25
    parts.can_cu[0].align = "left"
    parts.body[2].bold_label = ""
    parts.body[2].text = "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."
    return build(path, parts)


# ── lint ─────────────────────────────────────────────────────────────────────────────────
def test_lint_findings_sit_beside_the_paragraphs_lint_names(client, tmp_path):
    path = broken_decision(tmp_path / "qd.docx")
    findings = lint_file(path)
    assert {f.rule for f in findings} == {"G-03", "ND-01", "ND-05"}
    page = client.post("/kiem-tra", files={"tep": ("qd.docx", path.read_bytes(), "application/octet-stream")}).text
    assert f"<strong>{len(findings)}</strong> lỗi thể thức" in page
    for finding in findings:
        text = html.escape(f"{finding.message}: thấy {finding.found}; yêu cầu {finding.expected}", quote=False)
        if finding.paragraph is None:
            section = page.split("<h3>Toàn văn bản</h3>")[1].split("</ul>")[0]
        else:
            section = page.split(f'id="p-{finding.paragraph}">')[1].split("</tr>")[0]
        assert f"<b>{finding.rule}</b> {text}" in section


def test_lint_fix_copy_downloads_and_has_what_the_page_says(client, tmp_path):
    path = broken_decision(tmp_path / "qd.docx")
    page = client.post("/kiem-tra", files={"tep": ("Quyết định 15.docx", path.read_bytes(), "application/x")}).text
    remaining = int(re.search(r"Sau khi sửa tự động còn (\d+) lỗi", page).group(1))
    link = re.search(r'id="fixed-link" href="(/tai-ve/[\w-]+)"', page).group(1)
    response = client.get(link)
    assert response.headers["content-disposition"].endswith("filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%2015-da-sua.docx")
    fixed = tmp_path / "fixed.docx"
    fixed.write_bytes(response.content)
    after = lint_file(fixed)
    assert len(after) == remaining == 2 and {f.rule for f in after} == {"ND-01", "ND-05"}  # margins repaired


@pytest.mark.parametrize("name, content, line", [
    ("hong.docx", b"PK\x03\x04 cut short", "docgen: hong.docx: unreadable DOCX: broken ZIP archive (File is not a zip file)"),
    ("bao_cao.docx", b"%PDF-1.4\n%...", "docgen: bao_cao.docx: not a DOCX file (content starts with b'%PDF-1.4\\n%...')"),
    ("rong.docx", b"", "docgen: rong.docx: unreadable DOCX: empty file"),
    ("../../etc/passwd", b"root:x:0:0", "docgen: passwd: unreadable DOCX: not a ZIP archive (file starts with b'root:x:0:0')"),
])
def test_a_broken_upload_gets_one_clear_line(client, name, content, line):
    response = client.post("/kiem-tra", files={"tep": (name, content, "application/octet-stream")})
    assert response.status_code == 422
    assert error_lines(response.text) == [line]
    assert "Traceback" not in response.text


def test_lint_without_a_file(client):
    response = client.post("/kiem-tra", data={"x": "1"})
    assert response.status_code == 400 and error_lines(response.text) == ["Chưa chọn tệp DOCX."]


# ── batch ────────────────────────────────────────────────────────────────────────────────
def test_batch_of_three_rows_with_one_bad(client, tmp_path):
    table = tmp_path / "danh sach.csv"
    table.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    page = client.post("/lo", data={"loai": "cong_van", "ten": "{so}-{co_quan_viet_tat}"},
                       files={"tep": (table.name, table.read_bytes(), "text/csv")}).text
    assert "2 văn bản, 0 PDF; 1 dòng lỗi." in page
    rows = [(int(a), html.unescape(b)) for a, b in re.findall(r'data-line="(\d+)"><td>\d+</td><td>([^<]*)</td>', page)]
    cli = CliRunner().invoke(main, ["batch", "cong_van", str(table), "--out", str(tmp_path / "cli"),
                                    "--name", "{so}-{co_quan_viet_tat}"])
    (cli_line,) = cli.stderr.splitlines()
    assert cli_line.startswith(f"docgen: {table}:3: co_quan_viet_tat: invalid: 'snv' does not match the pattern")
    assert rows == [(2, "đã tạo"), (3, "lỗi: " + cli_line.split(f"{table}:3: ", 1)[1]), (4, "đã tạo")]
    link = re.search(r'id="zip-link" href="(/tai-ve/[\w-]+)"', page).group(1)
    archive = zipfile.ZipFile(io.BytesIO(client.get(link).content))
    assert sorted(archive.namelist()) == ["1-SNV.docx", "3-SNV.docx", "bao-cao.csv"]
    assert sorted(p.name for p in (tmp_path / "cli").iterdir()) == ["1-SNV.docx", "3-SNV.docx"]
    report = archive.read("bao-cao.csv").decode("utf-8-sig").splitlines()
    assert report[0] == "dong,ket_qua,loi" and report[1] == "2,đã tạo," and report[2].startswith('3,lỗi,"co_quan_viet_tat: invalid:')


def test_batch_from_an_xlsx_workbook(client, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    import datetime as dt

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    for row in (ROWS[0], ROWS[2]):
        cells = row.split(",")
        cells[5] = dt.date(2025, 3, 5)  # a real date cell
        cells[3] = int(cells[3])
        sheet.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    page = client.post("/lo", data={"loai": "cong_van"},
                       files={"tep": ("bang.xlsx", buffer.getvalue(), "application/octet-stream")}).text
    assert "2 văn bản, 0 PDF; 0 dòng lỗi." in page


@pytest.mark.parametrize("name, content, form, line", [
    ("a.csv", b"%PDF-1.4 x", {"loai": "cong_van"}, "docgen: a.csv: not a CSV or XLSX file (content starts with b'%PDF-1.4 x')"),
    ("a.csv", "so\n1\n".encode("utf-16"), {"loai": "cong_van"}, None),
    ("a.csv", (HEADER + "\n").encode(), {"loai": "cong_van", "ten": "{khong}"}, None),
    ("a.csv", (HEADER + "\n").encode(), {"loai": "khong_co"}, None),
])
def test_batch_refusals_are_one_line(client, name, content, form, line):
    response = client.post("/lo", data=form, files={"tep": (name, content, "text/csv")})
    assert response.status_code == 422
    (shown,) = error_lines(response.text)
    assert shown.startswith("docgen: ")
    if line:
        assert shown == line
    if form.get("ten"):
        assert shown.startswith("docgen: {khong}: unknown field {khong} in the name pattern")
    if form["loai"] == "khong_co":
        assert shown.startswith("docgen: khong_co: no such template")


# ── draft ────────────────────────────────────────────────────────────────────────────────
def test_draft_from_a_rendered_plan_prefills_the_dispatch(client, tmp_path):
    from docgen.draft import draft_data
    from extractors import extract

    parent = render_document("ke_hoach", load_template("ke_hoach").example, tmp_path / "ke hoach.docx")
    expected = draft_data(load_template("cong_van"), extract(parent), {"co_quan": "Sở Nội vụ"})
    page = client.post("/soan-tu-van-ban", data={"loai": "cong_van", "co_quan": "Sở Nội vụ"},
                       files={"tep": ("ke hoach.docx", parent.read_bytes(), "application/octet-stream")}).text
    assert 'id="notice">Đã đọc “ke hoach.docx”: điền sẵn' in page
    assert f'name="trich_yeu" value="{html.escape(expected.data["trich_yeu"])}"' in page
    shown = html.unescape(re.search(r'name="noi_dung"[^>]*>([^<]*)</textarea>', page).group(1))
    assert shown == expected.data["noi_dung"]
    assert shown.startswith("Thực hiện Kế hoạch số ") and "Sở Nội vụ triển khai thực hiện Kế hoạch số" in shown
    for name in expected.missing:
        assert field_message(page, name).startswith("missing (required;")
    assert page.count('role="alert">missing') == len(expected.missing)


@pytest.mark.skipif(not SHARED_DEV.is_dir(), reason="../shared/corpus/dev is not beside the project")
def test_draft_from_a_dev_pdf_gives_the_opening_docgen_draft_writes(client):
    from docgen.draft import draft_data
    from extractors import extract

    path = SHARED_DEV / "pdf" / "d06.pdf"
    expected = draft_data(load_template("cong_van"), extract(path), {"co_quan": "Sở Nội vụ"}, example=True)
    page = client.post("/soan-tu-van-ban", data={"loai": "cong_van", "co_quan": "Sở Nội vụ", "vi_du": "1"},
                       files={"tep": ("d06.pdf", path.read_bytes(), "application/pdf")}).text
    assert expected.missing == [] and 'role="alert">missing' not in page
    shown = html.unescape(re.search(r'name="noi_dung"[^>]*>([^<]*)</textarea>', page).group(1))
    assert shown == expected.data["noi_dung"]
    assert shown.startswith("Thực hiện Thông báo số 11/TB-UBND ngày 08 tháng 01 năm 2025 của Ủy ban nhân dân tỉnh Quảng Ngãi")


def test_draft_refuses_a_picture_in_one_line(client):
    response = client.post("/soan-tu-van-ban", data={"loai": "cong_van"},
                           files={"tep": ("scan.pdf", b"\x89PNG\r\n\x1a\n....", "application/pdf")})
    assert response.status_code == 422
    assert error_lines(response.text) == ["docgen: scan.pdf: not a PDF (file starts with b'\\x89PNG\\r\\n\\x1a\\n', a PNG image)"]
