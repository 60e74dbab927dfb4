"""The annotated texts of tests/gold/targets as printed and scanned documents.

``plan_docx`` lays a text out as a Word document the way an office types one: a paragraph a
line, headings of capitals or numbers in bold, and a table wherever lines hold " | " cells (a
bordered grid, "Table Grid"). LibreOffice prints it to PDF (docgen.pdf), and ``poor_scan``
(tests/render) turns each page into a crooked, blurred, speckled JPEG, so that the targets can
be read back through OCR and scored against the same gold record.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

_BOLD = re.compile(r"^(?:[IVX]+\.|\d+\.|[A-ZĐ ]{6,}$)")


def plan_docx(text: str, path: Path) -> Path:
    """``text`` as a DOCX: paragraphs, and " | " rows as one bordered table per run of rows; a
    table written one cell a line (as portal pages give them) is printed as the table it was."""
    import docx
    from docx.shared import Pt

    from extractors.fields.tables import line_tables

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(13)
    for grid in reversed(line_tables(text)):
        rows = [grid.header] + [[c.text if c else "" for c in row] for row in grid.rows]
        text = text[:grid.start] + "\n".join(" | ".join(r) for r in rows) + text[grid.end:]
    rows: list[list[str]] = []
    for line in text.splitlines() + [""]:
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.count("|") >= 2 else None
        if cells and not set("".join(cells)) <= set("-: "):
            rows.append(cells)
            continue
        if cells:
            continue  # a Markdown rule under a header
        if rows:
            _table(document, rows)
            rows = []
        if line.strip():
            paragraph = document.add_paragraph(line.strip())
            paragraph.runs[0].bold = bool(_BOLD.match(line.strip()))
    document.save(path)
    return path


def _table(document, rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value


def scanned(texts: list[Path], out: Path, seed: int = 13) -> list[Path]:
    """Poor scans of the texts (DOCX → PDF by LibreOffice → crooked JPEG pages), one per text."""
    from docgen.pdf import convert_to_pdf
    from tests.render.test_poor_scan_roundtrip import poor_scan

    out.mkdir(parents=True, exist_ok=True)
    docxs = [plan_docx(p.read_text(encoding="utf-8"), out / f"{p.stem}.docx") for p in texts]
    pdfs = convert_to_pdf(docxs, out / "pdf")
    rng = random.Random(seed)
    scans = out / "scans"
    scans.mkdir(exist_ok=True)
    return [poor_scan(pdf, scans, rng) for pdf in pdfs]
