"""Lint and fix never fail on documents of any shape, and fix always clears page, date and page-number facts."""
from __future__ import annotations

import io

import docx
from docx.shared import Pt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docgen.lint import lint_document
from docgen.lint.fix import fix_document

WORDS = ["Số:", "12/QĐ-UBND", "ngày", "5", "tháng", "03", "năm", "2024", "Hà Nội,", "CỘNG", "HÒA", "Kính gửi",
         "Nơi nhận:", "- Lưu: VT.", "KT. CHỦ TỊCH", "Nguyễn Văn An", "khoản 2 điều 5", "QUYẾT ĐỊNH", "\t", "V/v",
         "Độc lập - Tự do - Hạnh phúc", "Căn cứ", "./.", "nhân dân", "a)", "f)", "Điều 1.", ""]
paragraph = st.tuples(st.lists(st.sampled_from(WORDS), max_size=6), st.booleans(), st.integers(8, 16),
                      st.booleans())


def make(paragraphs, table_rows):
    document = docx.Document()
    for words, bold, size, in_table in paragraphs:
        if in_table and table_rows:
            cell = document.add_table(rows=1, cols=table_rows).cell(0, 0)
            run = cell.paragraphs[0].add_run(" ".join(words))
        else:
            run = document.add_paragraph().add_run(" ".join(words))
        run.bold, run.font.size = bold, Pt(size)
    return document


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(paragraph, max_size=25), st.integers(0, 3))
def test_lint_and_fix_never_fail(paragraphs, table_rows):
    document = make(paragraphs, table_rows)
    lint_document(document)
    fix_document(document)
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    after = lint_document(docx.Document(buffer))
    assert not [f for f in after if f.rule in ("G-01", "G-03", "G-07", "DT-04")]
