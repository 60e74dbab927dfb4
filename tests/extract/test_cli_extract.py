"""``docgen extract`` and ``docgen eval`` end to end through click's runner."""
from __future__ import annotations

import json

from click.testing import CliRunner

from docgen.cli import main

PLAN = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 05/KH-UBND
Quảng Ngãi, ngày 05 tháng 02 năm 2025
KẾ HOẠCH
Chuyển đổi số năm 2025
Thực hiện Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ.
a) Đến cuối năm 2025:
- 85% người dân có điện thoại thông minh;
Nơi nhận:
- Như trên;
- Lưu: VT, KGVX.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn An
"""


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_extract_json_record(tmp_path):
    path = _write(tmp_path, "kh.txt", PLAN)
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["schema"] == "docgen.document/1"
    assert record["doc_type"] == {"name": "Kế hoạch", "code": "KH"}
    assert record["number"] == {"raw": "05/KH-UBND", "number": 5, "symbol": "KH-UBND",
                                "handwritten": False, "confidence": None}
    assert record["issued"] == {"handwritten": False, "confidence": None}
    assert (record["issued_on"], record["place"]) == ("2025-02-05", "Quảng Ngãi")
    assert record["issuer"] == {"name": "Ủy ban nhân dân tỉnh Quảng Ngãi", "parent": None}
    assert record["subject"] == "Chuyển đổi số năm 2025"
    assert record["signer"] == {"name": "Trần Văn An", "title": "Phó Chủ tịch", "authority": "KT",
                                "for_title": "Chủ tịch", "chain": ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]}
    assert record["distribution"] == ["Như trên", "Lưu: VT, KGVX"]
    assert [r["number"] for r in record["references"]] == ["749/QĐ-TTg"]
    assert [(t["value"], t["unit"], t["deadline"]) for t in record["targets"]] == [(85, "%", "2025-12-31")]
    assert "text" not in record


def test_with_text_spans_point_into_the_text(tmp_path):
    path = _write(tmp_path, "kh.txt", PLAN)
    record = json.loads(CliRunner().invoke(main, ["extract", "--with-text", str(path)]).output)
    ref = record["references"][0]
    assert record["text"][ref["span"]["start"]:ref["span"]["end"]].startswith("Quyết định số 749/QĐ-TTg")


def test_bad_file_reported_on_one_line_and_others_still_extracted(tmp_path):
    good = _write(tmp_path, "kh.txt", PLAN)
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n garbage")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        main, ["extract", "--format", "jsonl", "-o", str(out), str(bad), str(good)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"docgen: {bad}: ")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["number"]["raw"] == "05/KH-UBND"


def test_nothing_written_when_every_file_fails(tmp_path):
    bad = _write(tmp_path, "junk.txt", "")
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 8)
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["extract", "-o", str(out), str(bad)])
    assert result.exit_code == 1 and not out.exists()
    assert list(tmp_path.iterdir()) == [bad]


def test_table_csv_and_explain(tmp_path):
    path = _write(tmp_path, "kh.txt", PLAN)
    runner = CliRunner()
    table = runner.invoke(main, ["extract", "--format", "table", str(path)]).output.splitlines()
    assert table[0].split() == ["file", "type", "number", "date", "issuer", "signer"]
    assert table[1].split()[:5] == ["kh.txt", "Kế", "hoạch", "05/KH-UBND", "2025-02-05"]
    csv_out = runner.invoke(main, ["extract", "--format", "csv", str(path)]).output.splitlines()
    assert csv_out[0].startswith("path,doc_type,code,number,issued_on")
    explained = runner.invoke(main, ["extract", "--explain", str(path)]).output
    assert "number           05/KH-UBND" in explained
    assert "p1 L5" in explained and "Số: 05/KH-UBND" in explained
    assert "targets[0]" in explained and "- 85% người dân có điện thoại thông minh;" in explained


def test_jobs_keep_input_order(tmp_path):
    paths = []
    for n in (3, 1, 2):
        paths.append(str(_write(tmp_path, f"kh{n}.txt", PLAN.replace("05/KH-UBND", f"0{n}/KH-UBND"))))
    result = CliRunner().invoke(main, ["extract", "--jobs", "2", "--format", "jsonl", *paths])
    numbers = [json.loads(line)["number"]["raw"] for line in result.output.splitlines()]
    assert numbers == ["03/KH-UBND", "01/KH-UBND", "02/KH-UBND"]


def test_eval_prints_table_and_misses(tmp_path):
    path = _write(tmp_path, "kh.txt", PLAN)
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "kh.gold.json").write_text(json.dumps({
        "doc_type": {"name": "Kế hoạch", "code": "KH"}, "number": {"raw": "05/KH-UBND"},
        "issued_on": "2025-02-05", "signer": {"name": "Trần Văn Bình"}}), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(gold), str(path)])
    assert result.exit_code == 0
    assert "number.raw              1.000     1" in result.output
    assert "signer.name             0.000     1" in result.output
    assert 'kh.txt  signer.name: expected "Trần Văn Bình"  found "Trần Văn An"' in result.output


def test_deep_fields_read_the_body_only(tmp_path):
    # a deadline-like phrase in the trích yếu must not become a deadline of the whole header
    text = PLAN.replace("Chuyển đổi số năm 2025", "Chuyển đổi số trước ngày 31/12/2025")
    path = _write(tmp_path, "kh.txt", text)
    record = json.loads(CliRunner().invoke(main, ["extract", "--with-text", str(path)]).output)
    assert record["subject"] == "Chuyển đổi số trước ngày 31/12/2025"
    body = record["text"].index("Thực hiện")
    assert [(d["raw"], d["span"]["start"] >= body) for d in record["deadlines"]] == [("Đến cuối năm 2025", True)]


def test_header_cells_joined_by_bars_are_read_as_columns(tmp_path):
    text = ("BỘ TÀI CHÍNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "------- | Độc lập - Tự do - Hạnh phúc\n"
            "Số: 12/2025/TT-BTC | Hà Nội, ngày 03 tháng 3 năm 2025\n"
            "THÔNG TƯ\nQuy định về kế toán ngân sách\nCăn cứ Luật Ngân sách nhà nước;\n")
    record = json.loads(CliRunner().invoke(main, ["extract", str(_write(tmp_path, "tt.txt", text))]).output)
    assert (record["doc_type"]["name"], record["number"]["raw"]) == ("Thông tư", "12/2025/TT-BTC")
    assert (record["issued_on"], record["place"], record["issuer"]["name"]) == ("2025-03-03", "Hà Nội", "Bộ Tài chính")
    assert record["subject"] == "Quy định về kế toán ngân sách"


def test_a_circular_sets_rules_not_targets(tmp_path):
    text = ("BỘ TÀI CHÍNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 12/2025/TT-BTC\nHà Nội, ngày 03 tháng 3 năm 2025\nTHÔNG TƯ\nQuy định thuế suất\n"
            "Căn cứ Luật Thuế giá trị gia tăng;\nĐiều 1. Thuế suất là 10% đối với hàng hóa.\n")
    record = json.loads(CliRunner().invoke(main, ["extract", str(_write(tmp_path, "tt.txt", text))]).output)
    assert record["doc_type"]["name"] == "Thông tư" and record["targets"] == []
    plan = json.loads(CliRunner().invoke(main, ["extract", str(_write(tmp_path, "kh.txt", PLAN))]).output)
    assert len(plan["targets"]) == 1


def test_short_dispatch_keeps_its_noi_nhan(tmp_path):
    # a công văn has no title line: its Nơi nhận may come within a dozen lines of the header
    text = ("ỦY BAN NHÂN DÂN\nHUYỆN SƠN TỊNH\nSố: 15/UBND-VP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nSơn Tịnh, ngày 05 tháng 3 năm 2024\nV/v chuyển đổi số\n"
            "Kính gửi: Phòng Văn hóa và Thông tin huyện\nĐề nghị triển khai./.\nNơi nhận:\n"
            "- Như trên;\n- Lưu: VT, VP.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nPhạm Minh Tâm\n")
    record = json.loads(CliRunner().invoke(main, ["extract", str(_write(tmp_path, "cv.txt", text))]).output)
    assert record["distribution"] == ["Như trên", "Lưu: VT, VP"]
    assert record["recipients"] == ["Phòng Văn hóa và Thông tin huyện"]
    assert (record["signer"]["name"], record["subject"]) == ("Phạm Minh Tâm", "V/v chuyển đổi số")
