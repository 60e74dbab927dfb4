"""``docgen lint`` through click's CliRunner: output forms, exit codes, --fix, bad files."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tests.lint.builders import build, decision_parts
from docgen.cli import main


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    good = build(folder / "good.docx", decision_parts())
    parts = decision_parts()
    parts.date[0].text = "Quảng Ngãi, ngày 5 tháng 03 năm 2020"
    parts.page.left_mm = 25
    bad = build(folder / "bad.docx", parts)
    broken = folder / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    return folder, good, bad, broken


def run(*args):
    return CliRunner().invoke(main, ["lint", *map(str, args)])


def test_clean_file_exits_0(files):
    _, good, _, _ = files
    result = run(good)
    assert (result.exit_code, result.output) == (0, "0 findings in 1 file\n")


def test_text_report(files):
    _, _, bad, _ = files
    result = run(bad)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{bad}: G-03 page: left margin: found 25.0 mm; required 30–35 mm",
        f"{bad}: DT-04 ¶8 «Quảng Ngãi, ngày 5 tháng 03 năm 2020»: date form: "
        "found “ngày 5 tháng 03 năm 2020”; required “ngày 05 tháng 3 năm 2020”",
        "2 findings in 1 file",
    ]


def test_json_report(files):
    _, _, bad, _ = files
    result = run(bad, "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.output) == [
        {"rule": "G-03", "message": "left margin", "paragraph": None, "found": "25.0 mm", "expected": "30–35 mm"},
        {"rule": "DT-04", "message": "date form", "paragraph": 8,
         "found": "“ngày 5 tháng 03 năm 2020”", "expected": "“ngày 05 tháng 3 năm 2020”"},
    ]


def test_several_files_json_names_each(files):
    _, good, bad, _ = files
    result = run(good, bad, "--format", "json")
    assert [(item["file"], item["rule"]) for item in json.loads(result.output)] == [
        (str(bad), "G-03"), (str(bad), "DT-04")]


def test_fix_writes_a_clean_copy(files):
    folder, _, bad, _ = files
    out = folder / "fixed.docx"
    result = run(bad, "--fix", "-o", out)
    assert (result.exit_code, result.output) == (0, "after --fix: 0 findings in 1 file\n")
    assert run(out).exit_code == 0


def test_unreadable_file_is_one_line_and_exit_1(files):
    _, good, _, broken = files
    result = run(broken, good)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"docgen: {broken}: not a DOCX file (no Word package inside)"]
    assert result.stdout == "0 findings in 1 file\n"


def test_fix_without_output_is_a_usage_error(files):
    _, _, bad, _ = files
    assert run(bad, "--fix").exit_code == 2
