"""One module per family of ND30_SPEC.md facts; each exposes ``check(ctx) -> Iterator[Finding]``."""
from __future__ import annotations

from docgen.lint.checks import (
    capitals, dates, drawn_lines, header, marks, number, page, page_numbers, recipients, signature, structure, title,
)

# in the order findings are reported: page first, then the document from top to bottom
CHECKS = (
    page.check, page_numbers.check, header.check, drawn_lines.check, marks.check, number.check, dates.check, title.check, structure.check,
    recipients.check, signature.check, capitals.check,
)
