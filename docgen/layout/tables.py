"""Borderless tables of fixed column widths (header block, signature block), built from cached
prototypes: ``cells = grid(document, rows=2, widths=(3555, 5800))`` → ``cells[row][col]``."""
from __future__ import annotations

from copy import deepcopy
from functools import lru_cache

from docx.oxml.table import CT_Tbl
from docx.shared import Twips
from docx.table import Table, _Cell

from docgen.layout import ooxml
from docgen.layout.facts import FACTS
from docgen.layout.paragraphs import place


@lru_cache(maxsize=64)
def table_prototype(rows: int, widths: tuple[int, ...], keep_rows: bool):
    """A ``<w:tbl>`` without borders, fixed layout, no horizontal cell margins (GRID)."""
    tbl = CT_Tbl.new_tbl(rows, len(widths), Twips(sum(widths)))
    ooxml.borderless_table(tbl, list(widths), FACTS["GRID"]["cell_margin_twips"])
    if keep_rows:
        for tr in tbl.tr_lst:
            ooxml.keep_row_together(tr)
    return tbl


def grid(container, rows: int, widths: tuple[int, ...], keep_rows: bool = False) -> list[list[_Cell]]:
    """Add a borderless table to ``container`` and return its cells by row."""
    tbl = deepcopy(table_prototype(rows, tuple(widths), keep_rows))
    place(container, tbl)
    table = Table(tbl, container)
    return [[_Cell(tc, table) for tc in tr.tc_lst] for tr in tbl.tr_lst]
