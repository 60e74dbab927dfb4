"""The text lines of a DOCX in reading order, each knowing its paragraph, runs and column.

Word users lay out a header either as a borderless table or as one paragraph per line with
tabs between the left and right halves ("UBND TỈNH X<tab><tab>CỘNG HÒA XÃ HỘI…"), sometimes
with line breaks inside one paragraph. A ``Line`` is one such piece: the text of a paragraph
between tabs and breaks, with the runs that make it and the column it sits in.

    >>> [l.text for l in document_lines(docx.Document("cv.docx"))[:2]]
    ['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterator

from docx.oxml.ns import qn

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
RUN_CONTAINERS = frozenset(
    qn(t) for t in ("w:hyperlink", "w:ins", "w:smartTag", "w:sdt", "w:sdtContent", "w:fldSimple"))


@dataclass(frozen=True)
class Cell:
    """Where a paragraph sits in a table: which table (document order), row and column."""

    table: int
    row: int
    col: int
    cols: int


@dataclass
class Para:
    """One ``w:p`` of the body: 1-based ``index`` in document order, cell when in a table."""

    index: int
    element: Any
    cell: Cell | None
    text: str = ""


@dataclass
class Line:
    """A piece of a paragraph between tabs / line breaks, with its runs and column.

    ``column`` is "left" or "right" for a table's first / last column or a tab-split piece,
    None for a paragraph that stands alone.
    """

    para: Para
    part: int
    text: str
    runs: list[Any] = field(default_factory=list)
    column: str | None = None
    pieces: list[tuple[Any, str]] = field(default_factory=list)  # (run, text) in order
    tabbed: bool = False  # the line was cut out of a paragraph by tabs

    @property
    def index(self) -> int:
        return self.para.index


def iter_paragraphs(body: Any) -> Iterator[tuple[Any, Cell | None]]:
    """Every ``w:p`` of ``body`` (a ``w:body`` or ``w:txbxContent``) in reading order."""
    counter = [0]
    yield from _walk(body, None, counter)


def _walk(container: Any, cell: Cell | None, counter: list[int]) -> Iterator[tuple[Any, Cell | None]]:
    for child in container:
        if child.tag == qn("w:p"):
            yield child, cell
            yield from _text_boxes(child, cell, counter)
        elif child.tag == qn("w:tbl"):
            counter[0] += 1
            yield from _walk_table(child, counter[0] - 1, counter)
        elif child.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
            yield from _walk(child, cell, counter)


def _walk_table(table: Any, number: int, counter: list[int]) -> Iterator[tuple[Any, Cell | None]]:
    rows = table.findall(qn("w:tr"))
    for r, row in enumerate(rows):
        cells = row.findall(qn("w:tc"))
        for c, tc in enumerate(cells):
            yield from _walk(tc, Cell(number, r, c, len(cells)), counter)


def _text_boxes(p: Any, cell: Cell | None, counter: list[int]) -> Iterator[tuple[Any, Cell | None]]:
    for box in p.iter(qn("w:txbxContent")):
        if any(a.tag == f"{{{MC_NS}}}Fallback" for a in box.iterancestors()):
            continue  # the VML copy of a DrawingML text box already read
        yield from _walk(box, cell, counter)


def paragraph_runs(p: Any) -> list[Any]:
    """The ``w:r`` elements of a paragraph, inside hyperlinks and insertions, not deletions."""
    runs: list[Any] = []
    for child in p:
        if child.tag == qn("w:r"):
            runs.append(child)
        elif child.tag in RUN_CONTAINERS:
            runs.extend(paragraph_runs(child))
    return runs


def run_pieces(r: Any) -> Iterator[tuple[str, str]]:
    """("text", "…") / ("tab", "\\t") / ("break", "\\n") pieces of one run, in order."""
    for child in r:
        if child.tag == qn("w:t"):
            yield "text", child.text or ""
        elif child.tag == qn("w:tab"):
            yield "tab", "\t"
        elif child.tag in (qn("w:br"), qn("w:cr")):
            if child.get(qn("w:type")) not in ("page", "column"):
                yield "break", "\n"
        elif child.tag == qn("w:noBreakHyphen"):
            yield "text", "-"


def paragraph_text(p: Any) -> str:
    return "".join(text for r in paragraph_runs(p) for _, text in run_pieces(r))


def split_lines(para: Para) -> list[Line]:
    """Cut a paragraph into lines at breaks, and into columns at tabs between words."""
    lines: list[Line] = []
    for part_runs in _segments(para.element, "break"):
        lines.extend(_tab_columns(para, part_runs, len(lines)))
    return lines or [_line(para, 0, [], _cell_column(para.cell))]


def _segments(p: Any, kind: str) -> list[list[tuple[Any, str, str]]]:
    """The (run, kind, text) pieces of ``p`` grouped between pieces of ``kind``."""
    groups: list[list[tuple[Any, str, str]]] = [[]]
    for r in paragraph_runs(p):
        for piece_kind, text in run_pieces(r):
            if piece_kind == kind:
                groups.append([])
            else:
                groups[-1].append((r, piece_kind, text))
    return groups


def _tab_columns(para: Para, pieces: list[tuple[Any, str, str]], part: int) -> list[Line]:
    chunks: list[list[tuple[Any, str, str]]] = [[]]
    for piece in pieces:
        if piece[1] == "tab":
            chunks.append([])
        else:
            chunks[-1].append(piece)
    words = [(i, c) for i, c in enumerate(chunks) if "".join(t for _, _, t in c).strip()]
    if not words:
        return [_line(para, part, pieces, _cell_column(para.cell))]
    if len(words) == 1 and words[0][0] == 0:
        return [_line(para, part, words[0][1], _cell_column(para.cell))]
    lines = []
    for n, (i, chunk) in enumerate(words):
        column = "left" if n == 0 and i == 0 else "right" if n == len(words) - 1 else None
        lines.append(_line(para, part + n, chunk, column, tabbed=True))
    return lines


def _line(para: Para, part: int, pieces: list[tuple[Any, str, str]], column: str | None,
          tabbed: bool = False) -> Line:
    texts = [(r, t) for r, kind, t in pieces if kind == "text" and t]
    return Line(para, part, _text(pieces), _runs(pieces), column, texts, tabbed)


def _text(pieces: list[tuple[Any, str, str]]) -> str:
    return unicodedata.normalize("NFC", "".join(t for _, _, t in pieces)).strip()


def _runs(pieces: list[tuple[Any, str, str]]) -> list[Any]:
    runs: list[Any] = []
    for r, kind, text in pieces:
        if kind == "text" and text.strip() and (not runs or runs[-1] is not r):
            runs.append(r)
    return runs


def _cell_column(cell: Cell | None) -> str | None:
    if cell is None or cell.cols < 2:
        return None
    return "left" if cell.col == 0 else "right" if cell.col == cell.cols - 1 else None


def document_paragraphs(document: Any) -> list[Para]:
    """Every paragraph of the body, numbered from 1 in reading order."""
    paras = []
    for n, (p, cell) in enumerate(iter_paragraphs(document.element.body), start=1):
        text = unicodedata.normalize("NFC", paragraph_text(p))
        paras.append(Para(n, p, cell, text))
    return paras


def document_lines(document: Any) -> list[Line]:
    """Every line of the body (see ``Line``), in reading order."""
    return [line for para in document_paragraphs(document) for line in split_lines(para)]
