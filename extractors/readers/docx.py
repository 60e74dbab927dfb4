"""DOCX → ``RawDocument`` with python-docx: body paragraphs and tables in document order.

A table of one row and two cells — the borderless header ("ỦY BAN NHÂN DÂN … | CỘNG HÒA
XÃ HỘI …") or the closing "Nơi nhận: … | KT. CHỦ TỊCH …" — gives the left cell's lines
(column 0), then the right cell's (column 1). Other tables are read row by row, each cell's
text one line tagged with its place (``CellRef``: table, row, grid column, span), so that a
table of targets is read as a table; a cell merged down from the row above is read once. Font size and bold come from the runs where the document sets them.
A DOCX has no pages for us: everything is page 1 (explicit page breaks start a new page).

Example: a header table [["ỦY BAN NHÂN DÂN", "Số: 12/UBND"], ["CỘNG HÒA …"]] →
lines "ỦY BAN NHÂN DÂN" (0), "Số: 12/UBND" (0), "CỘNG HÒA …" (1).
"""
from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

from docgen.errors import UnreadableDocument
from extractors.readers.model import CellRef, Line, Page, RawDocument

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: str | Path) -> RawDocument:
    """Read the body of a .docx file."""
    document = _open(path)
    doc = RawDocument(path=str(path), format="docx", text_layer=True)
    pages: list[list[Line]] = [[]]
    tables = [0]  # tables read so far: the next one's number
    for kind, item in _blocks(document):
        if kind == "p":
            _add_paragraph(item, pages, column=None)
        else:
            _add_table(item, pages, tables)
    doc.pages = [Page(number=n, lines=lines) for n, lines in enumerate(pages, 1)
                 if lines or n == 1]
    doc.page_count = len(doc.pages)
    return doc


def _open(path):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(str(path))
    except PackageNotFoundError:
        raise UnreadableDocument(str(path), "unreadable DOCX: not a Word package")
    except (zipfile.BadZipFile, KeyError) as exc:
        raise UnreadableDocument(str(path), f"unreadable DOCX: broken archive ({exc})")
    except Exception as exc:  # lxml syntax errors, missing parts, …
        raise UnreadableDocument(str(path), f"unreadable DOCX: {type(exc).__name__}: {exc}")


def _blocks(document):
    """("p", Paragraph) and ("t", Table) of the body, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body
    for child in body.iterchildren():
        if child.tag == W + "p":
            yield "p", Paragraph(child, document)
        elif child.tag == W + "tbl":
            yield "t", Table(child, document)


def _add_paragraph(paragraph, pages: list[list[Line]], column: int | None, cell: CellRef | None = None) -> None:
    if _breaks_page(paragraph):
        pages.append([])
    for text in _paragraph_lines(paragraph):
        size, bold = _style(paragraph)
        pages[-1].append(Line(text, column=column, size=size, bold=bold, cell=cell))


def _paragraph_lines(paragraph) -> list[str]:
    """A paragraph's text split at manual line breaks; empty parts dropped."""
    text = unicodedata.normalize("NFC", paragraph.text).replace("\t", " ")
    return [t.strip() for t in text.split("\n") if t.strip()]


def _breaks_page(paragraph) -> bool:
    for br in paragraph._p.iter(W + "br"):
        if br.get(W + "type") == "page":
            return True
    return False


def _style(paragraph) -> tuple[float | None, bool | None]:
    runs = [r for r in paragraph.runs if r.text.strip()]
    sizes = [r.font.size.pt for r in runs if r.font.size is not None]
    if not sizes:
        style_font = paragraph.style.font if paragraph.style is not None else None
        if style_font is not None and style_font.size is not None:
            sizes = [style_font.size.pt]
    bolds = [r.bold for r in runs if r.bold is not None]
    size = max(set(sizes), key=sizes.count) if sizes else None
    bold = (sum(bolds) * 2 > len(runs)) if bolds else None
    return size, bold


def _add_table(table, pages: list[list[Line]], tables: list[int]) -> None:
    rows = table.rows
    cells = [_unique_cells(row) for row in rows]
    if cells and all(len(c) == 2 for c in cells) and len(rows) <= 4:
        for side in (0, 1):
            for row_cells in cells:
                _add_cell(row_cells[side], pages, side, tables)
        return
    number = tables[0]
    tables[0] += 1
    seen: set[int] = set()
    for r, row in enumerate(rows):
        for col, span, cell in _grid_cells(row):
            if id(cell._tc) not in seen:  # a cell merged down from the row above is read once
                seen.add(id(cell._tc))
                _add_cell(cell, pages, None, tables, CellRef(number, r, col, span))


def _grid_cells(row) -> list[tuple[int, int, object]]:
    """(grid column, columns spanned, cell) of a row's cells, left to right."""
    out: list[tuple[int, int, object]] = []
    for col, cell in enumerate(row.cells):
        if out and out[-1][2]._tc is cell._tc:
            out[-1] = (out[-1][0], out[-1][1] + 1, out[-1][2])
        else:
            out.append((col, 1, cell))
    return out


def _unique_cells(row) -> list:
    """Cells of a row, merged (gridSpan) cells counted once."""
    seen, out = set(), []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            out.append(cell)
    return out


def _add_cell(cell, pages: list[list[Line]], column: int | None, tables: list[int],
              ref: CellRef | None = None) -> None:
    for paragraph in cell.paragraphs:
        _add_paragraph(paragraph, pages, column, ref)
    for inner in cell.tables:
        _add_table(inner, pages, tables)
