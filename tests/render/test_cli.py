"""The clerk's command line through click's CliRunner: templates, render, batch."""
import json

import docx
import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.commands import render as render_command
from docgen.templates import load_template


def run(*args, input=None, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, env=env)


def test_templates_list():
    result = run("templates", "list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["TYPE", "TÊN", "LOẠI", "MÃ", "MẪU"]
    rows = {line.split()[0]: line for line in lines[1:]}
    assert "QyĐ" in rows["quy_dinh"] and "1.5" in rows["cong_van"] and len(rows) == 29


def test_templates_list_json():
    rows = json.loads(run("templates", "list", "--format", "json").stdout)
    assert {"type": "to_trinh", "name": "Tờ trình", "code": "TTr", "mau": "1.4"}.items() <= next(
        r for r in rows if r["type"] == "to_trinh").items()


def test_templates_show():
    result = run("templates", "show", "cong_van")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "cong_van: Công văn (không có mã), Mẫu 1.5"
    assert "don_vi_viet_tat  [type=text, required, pattern=[0-9A-ZĐ]+]" in result.stdout
    assert "ngay  [type=date, required, default=today]" in result.stdout


def test_templates_example_is_json_of_the_example():
    result = run("templates", "example", "bien_ban")
    data = json.loads(result.stdout)
    assert data["ngay"] == "2025-03-10" and data["so"] == 2 and data["thu_ky"] == "Hoàng Thu Hà"


def test_unknown_type_is_a_usage_error():
    result = run("render", "khong_co", "--no-input")
    assert result.exit_code == 2
    assert result.stderr.startswith("docgen: khong_co: no such template (known: ban_ghi_nho,")
    assert len(result.stderr.splitlines()) == 1


def test_render_missing_fields_lists_every_one_and_writes_nothing(tmp_path):
    out = tmp_path / "cv.docx"
    result = run("render", "cong_van", "--no-input", "--set", "so=abc", "-o", out)
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1
    line = result.stderr.strip()
    assert line.startswith("docgen: cong_van: co_quan: missing (required; text on one line")
    for name in ["co_quan_viet_tat", "don_vi_viet_tat", "dia_danh", "trich_yeu", "kinh_gui", "noi_dung",
                 "chuc_vu", "nguoi_ky", "luu"]:
        assert f"; {name}: missing (required" in line
    assert "so: invalid: not a whole number: 'abc' (required; whole number 1–999999" in line
    assert "ngay:" not in line  # has a default
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_render_example_with_set_and_data_file(tmp_path):
    data = tmp_path / "cv.yaml"
    data.write_text("so: 8\ntrich_yeu: đề nghị báo cáo & tổng hợp <số liệu>\n", encoding="utf-8")
    out = tmp_path / "out" / "cv.docx"
    result = run("render", "cong_van", "--data", data, "--example", "--set", "dia_danh=Hà Nội",
                 "--set", "kinh_gui=Bộ Nội vụ", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == str(out)
    cells = [c.text for c in docx.Document(str(out)).tables[0]._cells]
    assert "Số: 08/SNV-VP" in cells and "Hà Nội, ngày 05 tháng 3 năm 2025" in cells
    assert "V/v đề nghị báo cáo & tổng hợp <số liệu>" in cells
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "Kính gửi: Bộ Nội vụ" in texts


@pytest.mark.parametrize("args, message", [
    (["--set", "nope=1"], "--set nope: cong_van has no such field"),
    (["--set", "so"], "--set expects KEY=VALUE"),
    (["-o", "x.pdf"], "the output must be a .docx file"),
])
def test_usage_errors(tmp_path, args, message):
    result = run("render", "cong_van", "--example", "--no-input", *args)
    assert result.exit_code == 2 and message in result.stderr


@pytest.mark.parametrize("content, suffix, cause", [
    ("so: [1, 2\n", ".yaml", "while parsing"),
    ("{bad json", ".json", "Expecting property name"),
    ("- a\n- b\n", ".yaml", "the data must be a mapping"),
    ("x = 1", ".txt", "unknown data format"),
])
def test_bad_data_file_one_line(tmp_path, content, suffix, cause):
    data = tmp_path / f"d{suffix}"
    data.write_text(content, encoding="utf-8")
    result = run("render", "cong_van", "--data", data, "--no-input", "-o", tmp_path / "x.docx")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"docgen: {data}: ") and cause in result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.output
    assert not (tmp_path / "x.docx").exists()


def test_missing_data_file(tmp_path):
    result = run("render", "cong_van", "--data", tmp_path / "none.yaml", "--no-input")
    assert result.exit_code == 1 and result.stderr.startswith(f"docgen: {tmp_path / 'none.yaml'}: ")


def test_prompts_for_missing_fields_at_a_terminal(tmp_path, monkeypatch):
    monkeypatch.setattr(render_command, "is_interactive", lambda no_input: not no_input)
    example = load_template("giay_gioi_thieu").example
    keep = {k: v for k, v in example.items() if k not in {"so", "nguoi_ky"}}
    data = tmp_path / "g.json"
    data.write_text(json.dumps(keep, default=str, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "g.docx"
    result = run("render", "giay_gioi_thieu", "--data", data, "-o", out, input="không\n9\nLê Thị Mai\n")
    assert result.exit_code == 0, result.stderr
    assert "so — Số của văn bản" in result.stdout and "nguoi_ky — Họ và tên người ký" in result.stdout
    assert "not a whole number: 'không'" in result.stderr
    document = docx.Document(str(out))
    assert "Số: 09/GGT-SNV" in [c.text for c in document.tables[0]._cells]
    assert "Lê Thị Mai" in [c.text for c in document.tables[1]._cells][1]


def test_no_prompt_without_a_terminal(tmp_path):
    result = run("render", "giay_gioi_thieu", "-o", tmp_path / "g.docx", input="5\n")
    assert result.exit_code == 1 and "so: missing" in result.stderr


ROWS = [
    {"so": "1", "nguoi_duoc_gioi_thieu": "Ông A", "noi_den": "UBND huyện X", "co_gia_tri_den": "2025-04-01", "ten": "../../evil"},
    {"so": "2", "nguoi_duoc_gioi_thieu": "", "noi_den": "UBND huyện Y", "co_gia_tri_den": "2025-04-01", "ten": "Nguyễn Văn Bình"},
    {"so": "3", "nguoi_duoc_gioi_thieu": 'Bà C, "Hà"', "noi_den": "UBND huyện Z\n(xã B)", "co_gia_tri_den": "31/04/2025", "ten": "Trần C"},
    {"so": "4", "nguoi_duoc_gioi_thieu": "Bà D", "noi_den": "UBND huyện Z", "co_gia_tri_den": "2025-04-30", "ten": "Lê Thị Dung/Phòng 2"},
]
SAME = {"chuc_vu_nguoi_duoc_gioi_thieu": "Chuyên viên", "ve_viec": "Làm việc"}


@pytest.fixture
def rows(tmp_path):
    """A CSV as Excel writes it (BOM), one record holding a newline, so line numbers are real."""
    import csv

    example = load_template("giay_gioi_thieu").example
    fixed = {k: example[k] for k in ("co_quan", "co_quan_viet_tat", "dia_danh", "ngay", "chuc_vu", "nguoi_ky", "luu")}
    path = tmp_path / "rows.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=[*ROWS[0], *SAME, *fixed])
        writer.writeheader()
        for row in ROWS:
            writer.writerow({**row, **SAME, **fixed})
    return path


def test_batch_good_rows_written_bad_rows_reported(tmp_path, rows):
    out = tmp_path / "out"
    result = run("batch", "giay_gioi_thieu", rows, "--out", out, "--name", "{so}-{nguoi_duoc_gioi_thieu}")
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert len(errors) == 2
    assert errors[0] == (f"docgen: {rows}:3: nguoi_duoc_gioi_thieu: missing (required; text on one line — "
                         "Ông (bà) được giới thiệu, ví dụ: Ông Lê Minh Tuấn)")
    assert errors[1].startswith(f"docgen: {rows}:4: co_gia_tri_den: invalid: day is out of range")
    assert sorted(p.name for p in out.iterdir()) == ["1-Ông A.docx", "4-Bà D.docx"]
    assert "2 document(s), 0 PDF(s) written" in result.stdout


def test_batch_names_cannot_escape_the_folder(tmp_path, rows):
    out = tmp_path / "out"
    run("batch", "giay_gioi_thieu", rows, "--out", out, "--name", "{ten}")
    assert sorted(p.name for p in out.iterdir()) == ["Lê Thị Dung_Phòng 2.docx", "evil.docx"]
    assert [p for p in tmp_path.rglob("*.docx") if p.parent != out] == []


def test_batch_default_names_and_duplicates(tmp_path, rows):
    out = tmp_path / "out"
    run("batch", "giay_gioi_thieu", rows, "--out", out)
    assert sorted(p.name for p in out.iterdir()) == ["giay_gioi_thieu-0001.docx", "giay_gioi_thieu-0004.docx"]
    out2 = tmp_path / "out2"
    run("batch", "giay_gioi_thieu", rows, "--out", out2, "--name", "{chuc_vu}")
    assert sorted(p.name for p in out2.iterdir()) == ["Chánh Văn phòng-2.docx", "Chánh Văn phòng.docx"]


def test_batch_unknown_pattern_field(tmp_path, rows):
    result = run("batch", "giay_gioi_thieu", rows, "--out", tmp_path / "o", "--name", "{so.__class__}")
    assert result.exit_code == 1 and "unknown field {so.__class__}" in result.stderr
    assert not (tmp_path / "o").exists() or not list((tmp_path / "o").iterdir())


def test_batch_missing_csv(tmp_path):
    result = run("batch", "giay_gioi_thieu", tmp_path / "none.csv", "--out", tmp_path / "o")
    assert result.exit_code == 1 and result.stderr.startswith(f"docgen: {tmp_path / 'none.csv'}: ")


def test_render_with_user_templates_option_and_variable(tmp_path):
    from tests.render.test_templates import DATA, make_folder

    make_folder(tmp_path / "mine", "thong_bao_xa")
    data = tmp_path / "d.json"
    data.write_text(json.dumps(DATA, ensure_ascii=False), encoding="utf-8")
    by_option = run("render", "thong_bao_xa", "--templates", tmp_path / "mine", "--data", data, "-o", tmp_path / "a.docx")
    assert by_option.exit_code == 0, by_option.stderr
    by_variable = run("templates", "list", env={"DOCGEN_TEMPLATES": str(tmp_path / "mine")})
    assert "thong_bao_xa" in by_variable.stdout
    missing = run("templates", "list", "--templates", tmp_path / "nowhere")
    assert missing.exit_code == 1
    assert missing.stderr == f"docgen: {tmp_path / 'nowhere'}: template folder not found\n"


@pytest.mark.slow
def test_render_pdf_beside_the_docx(tmp_path):
    import pdfplumber

    out = tmp_path / "out" / "cv.docx"
    result = run("render", "cong_van", "--example", "--no-input", "-o", out, "--pdf")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [str(out), str(out.with_suffix(".pdf"))]
    with pdfplumber.open(out.with_suffix(".pdf")) as pdf:
        text = pdf.pages[0].extract_text()
    assert "Số: 07/SNV-VP" in text and "Bắc Ninh, ngày 05 tháng 3 năm 2025" in text
    assert sorted(p.name for p in out.parent.iterdir()) == ["cv.docx", "cv.pdf"]


@pytest.mark.slow
def test_batch_pdf_one_per_good_row(tmp_path, rows):
    out = tmp_path / "out"
    result = run("batch", "giay_gioi_thieu", rows, "--out", out, "--pdf", "--name", "{so}")
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == ["1.docx", "1.pdf", "4.docx", "4.pdf"]
    assert "2 document(s), 2 PDF(s) written" in result.stdout
