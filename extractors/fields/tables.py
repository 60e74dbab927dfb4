"""Tables of a document's body as grids of cells that know their offsets in the record text.

Three sources give one shape (``Grid``: header texts per column, then rows of cells):
- the readers, which tag the lines of the tables they saw (DOCX tables, PDF tables found by
  pdfplumber, columns of OCR words): ``reader_tables``;
- text whose cells are joined with " | ", as portal pages and Markdown give tables:
  ``pipe_tables`` ("TT | Tên tiêu chí | Đơn vị tính | Xã khu vực I | …");
- text with one cell a line, as vbpl.vn pages give them: a header that opens with "STT" or "TT",
  then rows that each open with their number ("1", "1.2", "II", "A"): ``line_tables``.

Example: ``pipe_tables("TT | Chỉ tiêu | Năm 2030\\n1 | Tỷ lệ A | 90%")[0].rows[0][2].text`` → "90%".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.fields.textutil import clean


@dataclass(frozen=True)
class Cell:
    start: int   # offsets of the cell's text in the record text
    end: int
    text: str


@dataclass
class Grid:
    """A table: ``header[c]`` is the text over column ``c`` (its lowest header cell), ``groups``
    the header cells that span several columns ("Chỉ tiêu theo vùng"), ``rows`` the body."""

    header: list[str]
    rows: list[list[Cell | None]]
    groups: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0
    line_starts: tuple[int, ...] = ()   # every line of the table: the flow never joins them


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for piece in re.split(r"([\n\f])", text):
        if piece in ("\n", "\f"):
            pos += 1
            continue
        out.append((pos, pos + len(piece)))
        pos += len(piece)
    return out


def _trimmed(text: str, start: int, end: int) -> Cell:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Cell(start, end, clean(text[start:end]))


# ---- " | " cells --------------------------------------------------------------------------
_SEPARATOR_ROW = re.compile(r"^[\s|:\-–—=+]*$")


def _pipe_cells(text: str, start: int, end: int) -> list[Cell] | None:
    line = text[start:end]
    if line.count("|") < 2 or _SEPARATOR_ROW.match(line):
        return None
    cells, pos = [], start
    for piece in line.split("|"):
        cells.append(_trimmed(text, pos, pos + len(piece)))
        pos += len(piece) + 1
    if line.strip().startswith("|"):
        cells = cells[1:]
    if line.strip().endswith("|"):
        cells = cells[:-1]
    return cells if sum(1 for c in cells if c.text) >= 2 else None


def pipe_tables(text: str) -> list[Grid]:
    """Runs of two or more lines whose cells are joined with "|"."""
    out: list[Grid] = []
    run: list[tuple[int, list[Cell]]] = []
    for start, end in _lines(text) + [(len(text), len(text))]:
        cells = _pipe_cells(text, start, end) if end > start else None
        if cells is not None:
            run.append((start, cells))
            continue
        if run and _SEPARATOR_ROW.match(text[start:end]) and text[start:end].count("|") >= 2:
            continue  # "|---|---|" under a Markdown header
        if len(run) >= 2:
            out.append(_grid_of_rows([cells for _, cells in run], [s for s, _ in run]))
        run = []
    return out


def _grid_of_rows(rows: list[list[Cell]], starts: list[int]) -> Grid:
    """The first rows without a value are the header; the lowest of them names each column."""
    width = max(len(r) for r in rows)
    padded: list[list[Cell | None]] = [list(r) + [None] * (width - len(r)) for r in rows]
    heads = 0
    while heads < len(padded) - 1 and not any(c and has_value(c.text) and not is_year(c.text)
                                              for c in padded[heads][1:]):
        heads += 1
    header = [""] * width
    groups = []
    for row in padded[:heads]:
        for c, cell in enumerate(row):
            if cell and cell.text:
                if header[c]:
                    groups.append(header[c])
                header[c] = cell.text
    body = padded[heads:] if heads else padded
    end = max(c.end for r in rows for c in r)
    return Grid(header, body, groups, starts[0], end, tuple(starts))


# ---- one cell a line ----------------------------------------------------------------------
_HEAD_OPEN = re.compile(r"^\s*(?:STT|TT|Stt|Số\s+TT|Số\s+thứ\s+tự)\s*$")
_ROW_LABEL = re.compile(r"^\s*(?P<label>\d{1,2}(?:\.\d{1,2}){0,2}|[IVX]{1,5}|[A-ZĐ])\.?\s*$")
_HEADER_MAX = 14      # header cells between "STT" and the first row
_ROW_MAX = 24         # lines of one row at the most


def line_tables(text: str) -> list[Grid]:
    """Tables written one cell a line: "STT / Tiêu chí / … / 1 / Tỷ lệ … / % / ≥ 95 / …"."""
    lines = [(s, e) for s, e in _lines(text) if text[s:e].strip()]
    out, i = [], 0
    while i < len(lines):
        if not _HEAD_OPEN.match(text[slice(*lines[i])]):
            i += 1
            continue
        grid, i = _read_line_table(text, lines, i)
        if grid is not None:
            out.append(grid)
    return out


def _label(text: str) -> str | None:
    m = _ROW_LABEL.match(text)
    return m.group("label") if m else None


def _follows(prev: str | None, label: str) -> bool:
    """Whether row number ``label`` can come after ``prev``: 1 → 2, 1 → 1.1, 1.3 → 2, A → 1, I → II."""
    if prev is None:
        return label in ("1", "I", "A", "1.1")
    if prev.isalpha():
        return label in ("1", "1.1") or _next_letter(prev) == label
    if label.isalpha():
        return label in ("A", "I", "B", "II") or _next_letter(prev) == label
    if label.isdigit() or "." in label:
        parts, before = label.split("."), prev.split(".")
        if not all(p.isdigit() for p in parts) or not all(p.isdigit() for p in before):
            return label == "1"
        head = [int(p) for p in parts]
        last = [int(p) for p in before]
        for depth in range(min(len(head), len(last) + 1)):
            if head[:depth] == last[:depth] and len(head) == depth + 1 and \
                    head[depth] == (last[depth] + 1 if depth < len(last) else 1):
                return True
        return False
    return _next_letter(prev) == label


def _next_letter(prev: str) -> str | None:
    romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    if prev in romans and romans.index(prev) + 1 < len(romans):
        return romans[romans.index(prev) + 1]
    if len(prev) == 1 and prev.isalpha():
        return "ABCDĐEFGHIKLMN"["ABCDĐEFGHIKLMN".find(prev) + 1] if prev in "ABCDĐEFGHIKLM" else None
    return None


def _read_line_table(text: str, lines: list[tuple[int, int]], i: int) -> tuple[Grid | None, int]:
    j = i + 1
    while j < len(lines) and j - i <= _HEADER_MAX and _label(text[slice(*lines[j])]) is None:
        j += 1
    header = [clean(text[slice(*lines[k])]) for k in range(i, j)]
    if j >= len(lines) or j - i <= 2 or not _follows(None, _label(text[slice(*lines[j])]) or ""):
        return None, i + 1
    rows, prev, k = [], None, j
    while k < len(lines) and not _ENDS_TABLE.match(text[slice(*lines[k])]):
        label = _label(text[slice(*lines[k])])
        if label is None or not _follows(prev, label) or not _opens_row(text, lines, k):
            break
        end = k + 1
        while end < len(lines) and end - k < _ROW_MAX and not _next_row(text, lines, end, label):
            end += 1
        rows.append([_trimmed(text, *lines[m]) for m in range(k, end)])
        prev, k = label, end
    if len(rows) < 2:
        return None, i + 1
    rows[-1] = _cut_last(rows[-1], rows[:-1])
    grid = _grid_of_line_rows(header, rows)
    grid.start = lines[i][0]
    grid.end = max(c.end for r in rows for c in r)
    grid.line_starts = tuple(s for s, _ in lines[i:k] if s < grid.end)
    return grid, k


def _opens_row(text: str, lines: list[tuple[int, int]], k: int) -> bool:
    """A row number is followed by text, not by another number ("2 / Số bác sĩ …")."""
    return k + 1 < len(lines) and not has_value(text[slice(*lines[k + 1])]) \
        and _label(text[slice(*lines[k + 1])]) is None


def _next_row(text: str, lines, end: int, label: str) -> bool:
    if _ENDS_TABLE.match(text[slice(*lines[end])]):
        return True
    nxt = _label(text[slice(*lines[end])])
    return nxt is not None and _follows(label, nxt) and _opens_row(text, lines, end)


# a line that is no cell: the next article, chapter or part of the text
_ENDS_TABLE = re.compile(r"^\s*(?:Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN|Phụ lục|PHỤ LỤC)\s+[\dIVXLC]+")


def _cut_last(row: list[Cell], before: list[list[Cell]]) -> list[Cell]:
    """The last row ends where the rows before it end: the prose after a table is no cell."""
    longest = max(len(r) for r in before)
    return row[:longest]


def _grid_of_line_rows(header: list[str], rows: list[list[Cell]]) -> Grid:
    """Columns of rows written one cell a line: the number, the text cells, a unit, the values."""
    values = max((_trailing_values(r) for r in rows), default=0)
    leaves = header[:len(header) - values] if values else header
    value_heads = header[len(header) - values:] if values else []
    text_heads = leaves[:3]
    groups = leaves[3:]
    grid_rows = []
    for row in rows:
        k = _trailing_values(row)
        head, tail = row[:len(row) - k], row[len(row) - k:]
        unit = head[-1] if len(head) >= 3 and is_unit(head[-1].text) else None
        words = [c for c in head[1:len(head) - (1 if unit else 0)]]
        indicator = _joined(words)
        cells: list[Cell | None] = [head[0], indicator, unit] + [None] * (values - k) + list(tail)
        grid_rows.append(cells)
    columns = ["STT", text_heads[1] if len(text_heads) > 1 else "",
               text_heads[2] if len(text_heads) > 2 else ""] + value_heads
    return Grid(columns, grid_rows, groups)


def _joined(cells: list[Cell]) -> Cell | None:
    if not cells:
        return None
    return Cell(cells[0].start, cells[-1].end, clean(" ".join(c.text for c in cells)))


def _trailing_values(row: list[Cell]) -> int:
    n = 0
    for cell in reversed(row[1:]):
        if not (has_value(cell.text) or _EMPTY_VALUE.match(cell.text)):
            break
        n += 1
    return n


_VALUE = re.compile(r"^\s*(?:[≥≤<>]=?|=>|=<|[Tt]ối thiểu|[Tt]ối đa|[Tt]rên|[Dd]ưới|[Íí]t nhất)?\s*"
                    r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)"
                    r"(?:\s*(?:[-–—]|đến)\s*\d+(?:[.,]\d+)?)?\s*(?:%|‰)?\s*(?:trở lên|trở xuống)?\s*$")
_EMPTY_VALUE = re.compile(r"^\s*(?:-|–|x|X|\.\.\.|…)?\s*$")
_UNIT_CELL = re.compile(r"^\s*(?:%|‰|[^\d\s][^\d]{0,24})\s*$")


def has_value(text: str) -> bool:
    """Whether a cell holds a number to reach: "≥ 95", "100", "70%", "9,5 - 12" (the specks OCR
    leaves at a cell's edge aside: "- >2", "100 |")."""
    return bool(_VALUE.match(unspecked(text)))


SPECKS = " -–—.,;:_|'\"`"


def unspecked(text: str) -> str:
    """A cell's text without the marks OCR reads at its edges ("% |", ">1 —", "100:")."""
    return text.strip(SPECKS) if text.strip(SPECKS) else text


def is_year(text: str) -> bool:
    """A header cell that is a year: "2030", "Năm 2030"."""
    return bool(re.fullmatch(r"\s*(?:[Nn]ăm\s+)?(?:19|20)\d\d\s*", text))


def is_unit(text: str) -> bool:
    """A short cell without digits that can name a unit: "%", "km", "người/năm", "bác sĩ"."""
    return bool(_UNIT_CELL.match(text)) and len(text.split()) <= 4


# ---- tables the readers saw ---------------------------------------------------------------
def reader_tables(lines) -> list[Grid]:
    """Grids of the lines a reader tagged with a ``CellRef`` (``segment.TextLine`` objects, in
    order); the lines of one cell join into one cell, and a table that goes on over a page
    break is one table (``_joined_over_pages``)."""
    tables: dict[int, _Tagged] = {}
    for ln in lines:
        ref = getattr(ln.line, "cell", None)
        if ref is None or not ln.text.strip():
            continue
        tagged = tables.setdefault(ref.table, _Tagged())
        tagged.cells.setdefault((ref.row, ref.col), []).append(ln)
        tagged.width = max(tagged.width, ref.col + ref.colspan)
    out = []
    for tagged in _joined_over_pages(list(tables.values())):
        rows: list[list[Cell]] = [[Cell(0, 0, "")] * tagged.width for _ in range(tagged.height)]
        for (r, c), members in tagged.cells.items():
            start, end = members[0].start, members[-1].start + len(members[-1].text)
            rows[r][c] = Cell(start, end, clean(" ".join(m.text for m in members)))
        rows = [r for r in rows if any(c.text for c in r)]
        if len(rows) >= 2:
            starts = sorted(m.start for ms in tagged.cells.values() for m in ms)
            grid = _grid_of_rows([[c for c in r] for r in rows], starts)
            grid.rows = [[c if c and c.text else None for c in r] for r in grid.rows]
            out.append(grid)
    return out


@dataclass
class _Tagged:
    """The tagged lines of one table as a reader saw it: (row, column) → lines."""

    cells: dict[tuple[int, int], list] = field(default_factory=dict)
    width: int = 0

    @property
    def height(self) -> int:
        return max((r for r, _ in self.cells), default=-1) + 1

    def pages(self) -> tuple[int, int]:
        pages = [m.page for ms in self.cells.values() for m in ms]
        return min(pages), max(pages)

    def row_text(self, row: int) -> list[str]:
        return [" ".join(m.text for m in self.cells.get((row, c), [])) for c in range(self.width)]


def _joined_over_pages(tables: list[_Tagged]) -> list[_Tagged]:
    """A table that starts on the page after another table ends, with no more columns, goes on
    with it: a header it repeats is dropped, and a first row with neither a number nor a value
    (the rest of a row the page break cut) joins the last row before it."""
    out: list[_Tagged] = []
    for table in tables:
        before = out[-1] if out else None
        if before is None or table.width > before.width or table.pages()[0] != before.pages()[1] + 1:
            out.append(table)
            continue
        table.width = before.width  # a row of the page's top may show only its filled cells
        first = table.row_text(0)
        skip = 1 if first == before.row_text(0) else 0
        cut = not skip and not first[0].strip() and not any(has_value(t) for t in first[1:])
        shift = before.height - (1 if cut else 0) - skip
        for (r, c), members in table.cells.items():
            if r >= skip:
                before.cells.setdefault((r + shift, c), []).extend(members)
    return out
