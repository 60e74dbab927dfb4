"""``docgen lint``: check any DOCX against Nghị định 30/2020/NĐ-CP, and repair what is safe.

    >>> findings = lint_file("cong_van.docx")
    >>> findings[0].rule, findings[0].found, findings[0].expected
    ('DT-04', '“ngày 5 tháng 03 năm 2020”', '“ngày 05 tháng 3 năm 2020”')

Every number comes from ``docgen/data/nd30_facts.toml`` (``docgen.layout.facts``), the table the
layout engine renders with, so what docgen renders lints clean.
"""
from __future__ import annotations

from docgen.lint.finding import Finding
from docgen.lint.run import lint_document, lint_file, open_docx
from docgen.lint.fix import fix_file

__all__ = ["Finding", "lint_document", "lint_file", "open_docx", "fix_file"]
