"""``--fix`` repairs the safe facts and the result lints clean on them, text unchanged."""
from __future__ import annotations

import docx
import pytest

from tests.lint.builders import build, decision_parts, dispatch_parts
from docgen.lint import fix_file, lint_file
from docgen.lint.lines import document_paragraphs
from tests.lint.test_findings import CASES

FIXABLE = {"margin", "margin-top", "paper", "font-run", "size-body", "qh-size", "so-size", "noi-nhan-size",
           "noi-nhan-entry-size", "page-field", "page-footer", "page-size", "page-align", "page-first",
           "date-form", "date-month-pad"}
FIX_CASES = [c for c in CASES if c[0] in FIXABLE]


def _texts(path):
    return [p.text for p in document_paragraphs(docx.Document(str(path)))]


@pytest.mark.parametrize("case_id, base, mutate, expected, snippet", FIX_CASES, ids=[c[0] for c in FIX_CASES])
def test_fix_repairs_and_relints_clean(tmp_path, case_id, base, mutate, expected, snippet):
    broken = build(tmp_path / "broken.docx", mutate(base()))
    assert lint_file(broken) != []
    remaining = fix_file(broken, tmp_path / "fixed.docx")
    assert remaining == []
    assert lint_file(tmp_path / "fixed.docx") == []


def test_fix_of_fonts_set_in_styles(tmp_path):
    parts = dispatch_parts()
    parts.normal_font = "Arial"
    broken = build(tmp_path / "arial.docx", parts)
    assert [(f.rule, f.found) for f in lint_file(broken)] == [("G-04", "Arial")]
    assert fix_file(broken, tmp_path / "fixed.docx") == []


def test_fix_keeps_the_words_and_only_rewrites_the_date(tmp_path):
    parts = decision_parts()
    parts.date[0].text = "Quảng Ngãi, ngày 5 tháng 03 năm 2020"
    broken = build(tmp_path / "date.docx", parts)
    fix_file(broken, tmp_path / "fixed.docx")
    before, after = _texts(broken), _texts(tmp_path / "fixed.docx")
    changed = [(b, a) for b, a in zip(before, after) if b != a]
    assert len(before) == len(after)
    assert changed == [("Quảng Ngãi, ngày 5 tháng 03 năm 2020", "Quảng Ngãi, ngày 05 tháng 3 năm 2020")]


def test_fix_leaves_unsafe_findings_for_a_person(tmp_path):
    parts = decision_parts()
    parts.page.left_mm = 20
    parts.signature[5].bold = False
    broken = build(tmp_path / "two.docx", parts)
    remaining = fix_file(broken, tmp_path / "fixed.docx")
    assert [(f.rule, f.message) for f in remaining] == [("CK-03", "họ tên người ký: bold")]
