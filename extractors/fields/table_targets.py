"""Targets of tables: one per (row, value column), the row's criterion as the indicator.

A column's header gives its scope ("Xã khu vực I", "Vùng đồng bằng") or, when it names a time,
its deadline ("Năm 2028"); a column without either takes the deadline and scope of the headings
above the table ("BỘ TIÊU CHÍ … GIAI ĐOẠN 2026 - 2030"). A cell's comparator comes from its symbol
or word ("≥ 90", "Tối thiểu 90", "< 12"), its unit from the cell, the unit column, or a share's
wording ("Tỷ lệ …" → "%"). Whether the numbers are targets is weighed as in running text, with the
table's header and the headings above it as the headings (target_cues.py): a table of thresholds
for a rating ("Ngưỡng 1 | Ngưỡng 2") is a rule, not a target.

Example: the row "3 | Số bác sĩ làm việc tại trạm y tế | bác sĩ | ≥ 2 | ≥ 1" under "Vùng đồng
bằng | Vùng trung du" gives (…, 2, "bác sĩ", ">=", scope "Vùng đồng bằng") and (…, 1, …).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from extractors.fields.quantities import SYMBOLS
from extractors.fields.tables import SPECKS, Cell, Grid, has_value, is_unit, unspecked
from extractors.fields.target_context import Context
from extractors.fields.target_cues import Cue, CueReader, cues_in, least, verdict
from extractors.fields.textutil import clean
from extractors.fields.timex import scan_times
from extractors.fields.vn_numbers import parse_number
from extractors.records import Target
from extractors.text import DocText
from extractors.wordlists import load

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_CELL = re.compile(
    rf"^\s*(?P<lead>[≥≤<>]=?|=>|=<|[Tt]ối thiểu|[Íí]t nhất|[Kk]hông dưới|[Tt]rên|[Tt]ối đa|[Kk]hông quá|[Dd]ưới)?"
    rf"\s*(?P<low>{_NUMBER})\s*(?P<sign>%|‰)?(?:\s*(?:[-–—]|đến)\s*(?P<high>{_NUMBER})\s*(?P<sign2>%|‰)?)?"
    rf"\s*(?P<tail>trở lên|trở xuống)?\s*$")
_SPECKS = SPECKS   # marks OCR leaves at a cell's edge ("% -", "… kỹ năng số .")
_WORDS = {"tối thiểu": ">=", "ít nhất": ">=", "không dưới": ">=", "trên": ">", "tối đa": "<=",
          "không quá": "<=", "dưới": "<", "trở lên": ">=", "trở xuống": "<="}


@functools.cache
def _words() -> dict:
    return load("table_words")


def _starts_with(text: str, words: list[str]) -> bool:
    key = " ".join(text.split()).casefold()
    return any(key.startswith(w.casefold()) for w in words)


@dataclass(frozen=True)
class _Columns:
    label: int | None
    indicator: int | None
    unit: int | None
    values: tuple[int, ...]


def _columns(grid: Grid) -> _Columns:
    width = len(grid.header)
    words = _words()
    label = next((c for c in range(width) if _starts_with(grid.header[c], words["label"])), None)
    if label is None:
        label = next((c for c in range(min(2, width)) if _numbers_rows(grid, c)), None)
    unit = next((c for c in range(width) if _starts_with(grid.header[c], words["unit"])), None)
    values = tuple(c for c in range(width) if c not in (label, unit)
                   and any(row[c] and has_value(row[c].text) for row in grid.rows if c < len(row)))
    texts = [c for c in range(width) if c not in (label, unit) and c not in values]
    named = [c for c in texts if _starts_with(grid.header[c], words["indicator"])]
    indicator = (named or texts or [None])[0]
    if unit is None:
        unit = next((c for c in texts if c != indicator and _mostly_units(grid, c)), None)
    return _Columns(label, indicator, unit, values)


def _numbers_rows(grid: Grid, col: int) -> bool:
    """A column counting its rows 1, 2, 3 … (its header lost to OCR or to a page break)."""
    numbers = []
    for row in grid.rows:
        cell = row[col] if col < len(row) else None
        m = re.match(r"\d{1,3}", unspecked(cell.text)) if cell and cell.text else None
        if m:
            numbers.append(int(m.group(0)))
    return len(numbers) >= 2 and all(b == a + 1 for a, b in zip(numbers, numbers[1:]))


def _mostly_units(grid: Grid, col: int) -> bool:
    cells = [r[col] for r in grid.rows if col < len(r) and r[col] and r[col].text]
    return bool(cells) and sum(is_unit(c.text) for c in cells) * 2 > len(cells)


def table_targets(grid: Grid, text: DocText, context: Context, reader: CueReader) -> list[Target]:
    """The targets of one table, row by row."""
    cols = _columns(grid)
    if not cols.values or cols.indicator is None:
        return []
    chain = _chain(context, grid)
    above = reader.heading_cues(chain)
    head_text = " | ".join(grid.groups + [grid.header[c] for c in range(len(grid.header))])
    head_cues = cues_in(head_text, 0, len(head_text), "heading", "table")
    times = {c: _column_time(grid.header[c]) for c in cols.values}
    out: list[Target] = []
    indicator = None
    for row in grid.rows:
        indicator = _cell(row, cols.indicator) or indicator
        if indicator is None:
            continue
        for c in cols.values:
            cell = _cell(row, c)
            if cell is None or not has_value(cell.text):
                continue
            out += _cell_targets(cell, indicator, _cell(row, cols.unit), grid.header[c], times[c],
                                 above + head_cues, text, context, chain)
    return out


_CAPTION_WORDS = 40   # a short paragraph right above a table is its caption


def _chain(context: Context, grid: Grid) -> list[int]:
    """The headings a table sits under: its caption (the short paragraph right above it, "Bộ
    tiêu chí … giai đoạn 2026 - 2030"), then the caption's headings."""
    flow = context.flow
    block = flow.block_at(grid.start)
    if block is None:
        return []
    chain = flow.ancestors(block)
    before = block - 1
    if before >= 0 and before not in chain:
        caption = flow.blocks[before]
        if len(flow.text[caption.body:caption.end].split()) <= _CAPTION_WORDS:
            chain = [before] + chain
    return chain


def _cell(row: list[Cell | None], col: int | None) -> Cell | None:
    if col is None or col >= len(row):
        return None
    cell = row[col]
    return cell if cell is not None and cell.text else None


def _column_time(header: str) -> str | None:
    times = [t for t in scan_times(header)[0] if t.last_day()]
    if times:
        return times[-1].last_day()
    m = re.fullmatch(r"\s*((?:19|20)\d\d)\s*", header)
    return f"{m.group(1)}-12-31" if m else None


def _cell_targets(cell: Cell, indicator: Cell, unit_cell: Cell | None, header: str, column_time: str | None,
                  table_cues: list[Cue], text: DocText, context: Context, chain: list[int]) -> list[Target]:
    m = _CELL.match(unspecked(cell.text))
    if m is None:
        return []
    unit = _unit_of(m, unit_cell, indicator.text, header)
    if unit is None:
        return []
    cues = table_cues + cues_in(indicator.text, 0, len(indicator.text), "sentence", "clause")
    if column_time:
        cues.append(Cue(header, "aim", 2.0, "table"))
    judged = verdict(cues, least(unit in ("%", "‰")))
    if not judged.target:
        return []
    deadline = column_time or context.deadline_above(chain)
    scope = None if column_time or _starts_with(header, _words()["generic"]) or not header else header
    raw = f"{indicator.text} | {header}: {cell.text}" if header else f"{indicator.text}: {cell.text}"
    base = Target(clean(indicator.text).strip(_SPECKS), None, unit, None, deadline, scope, raw,
                  text.span(cell.start, cell.end), cue=judged.cue.describe() if judged.cue else None)
    return _with_values(base, m)


def _with_values(base: Target, m: re.Match) -> list[Target]:
    from dataclasses import replace

    low, high = parse_number(m.group("low")), parse_number(m.group("high") or "")
    if high is not None:
        return [replace(base, value=low, comparator=">="), replace(base, value=high, comparator="<=")]
    lead, tail = m.group("lead"), m.group("tail")
    comparator = "="
    if lead:
        comparator = SYMBOLS.get(lead) or _WORDS.get(" ".join(lead.split()).casefold(), "=")
    if tail:
        comparator = _WORDS[tail.casefold()]
    return [replace(base, value=low, comparator=comparator)]


def _unit_of(m: re.Match, unit_cell: Cell | None, indicator: str, header: str) -> str | None:
    if m.group("sign") or m.group("sign2"):
        return m.group("sign") or m.group("sign2")
    if unit_cell is not None and is_unit(unspecked(unit_cell.text)):
        return clean(unspecked(unit_cell.text)) or None
    written = re.search(r"\(([^()]{1,20})\)\s*$", header) or re.search(r"\(([^()]{1,20})\)\s*$", indicator)
    if written and is_unit(written.group(1)):
        return clean(written.group(1))
    if _starts_with(indicator, _words()["share"]):
        return "%"
    return None
