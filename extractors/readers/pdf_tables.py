"""Ruled tables of born-digital PDF pages, read with pdfplumber's table finder.

The text path reads a page as lines, which runs a table's cells together ("Cơ sở giáo % 80 95
100", the criterion wrapped under it). On a page that draws ruled columns (``PageText.
drawn_columns`` ≥ 3: thin vertical rules at three places or more, or rows of cell boxes,
found cheaply from pdfium's path objects), pdfplumber finds the tables and
their cells; the lines inside a table are replaced by one line per cell, tagged with its
``CellRef`` (table, row, grid column, span) and placed in reading order where the table stood.
A table of one column (a framed paragraph) is no table.

Example: a page with "TT | Chỉ tiêu | Năm 2026" drawn as a grid gives the lines "TT" (row 0,
column 0), "Chỉ tiêu" (0, 1), … "≥ 70" (2, 3).
"""
from __future__ import annotations

from dataclasses import dataclass

from extractors.readers.model import CellRef, Line

MIN_DRAWN_COLUMNS = 3   # columns of drawn rules or boxes that make a ruled table


@dataclass(frozen=True)
class FoundCell:
    row: int
    text: str
    box: tuple[float, float, float, float]   # x0, top, x1, bottom


@dataclass(frozen=True)
class FoundTable:
    box: tuple[float, float, float, float]
    cells: tuple[FoundCell, ...]


def find_tables(page) -> list[FoundTable]:
    """The tables pdfplumber finds on a pdfplumber page, with two columns or more."""
    out = []
    for table in page.find_tables():
        texts = table.extract()
        cells = []
        for r, row in enumerate(table.rows):
            for c, box in enumerate(row.cells):
                text = texts[r][c] if r < len(texts) and c < len(texts[r]) else None
                if box is not None and text:
                    cells.append(FoundCell(r, " ".join(text.split()), tuple(float(v) for v in box)))
        if len({round(c.box[0]) for c in cells}) >= 2:
            out.append(FoundTable(tuple(float(v) for v in table.bbox), tuple(cells)))
    return out


def with_tables(lines: list[Line], tables: list[FoundTable], first_number: int) -> list[Line]:
    """``lines`` with those inside each table replaced by the table's cells, in reading order."""
    out = list(lines)
    for n, table in enumerate(tables):
        inside = [i for i, line in enumerate(out) if _centre_in(line, table.box)]
        cells = _cell_lines(table, first_number + n)
        at = inside[0] if inside else _position(out, table.box[1])
        kept = [line for i, line in enumerate(out) if i not in set(inside)]
        before = sum(1 for i in range(at) if i not in set(inside))
        out = kept[:before] + cells + kept[before:]
    return out


def _cell_lines(table: FoundTable, number: int) -> list[Line]:
    lefts = sorted({round(c.box[0], 1) for c in table.cells})
    out = []
    for cell in table.cells:
        col = _index(lefts, cell.box[0])
        span = max(1, sum(1 for x in lefts if cell.box[0] - 1 <= x < cell.box[2] - 1))
        x0, top, x1, bottom = cell.box
        out.append(Line(cell.text, x0=x0, top=top, x1=x1, bottom=bottom,
                        cell=CellRef(number, cell.row, col, span)))
    return out


def _index(lefts: list[float], x: float) -> int:
    return min(range(len(lefts)), key=lambda i: abs(lefts[i] - x))


def _centre_in(line: Line, box: tuple[float, float, float, float]) -> bool:
    if line.x0 is None or line.top is None:
        return False
    cx, cy = (line.x0 + (line.x1 or line.x0)) / 2, (line.top + (line.bottom or line.top)) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _position(lines: list[Line], top: float) -> int:
    """Where a table starting at ``top`` goes among lines that have no place inside it."""
    for i, line in enumerate(lines):
        if line.top is not None and line.top > top:
            return i
    return len(lines)
