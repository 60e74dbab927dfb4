"""Ruled tables on scanned pages: the grid found in the page image, the OCR words put in its cells.

Tesseract reads a ruled table poorly — the rules become letters ("|", "I") and cut the cells'
text — and the layout then runs the cells of a row together. Here the page image is searched
for a grid: long dark rows (horizontal rules) and, between them, dark columns (vertical rules),
measured on bands a few pixels wide so that a scan turned by a degree still shows its rules.
The table is painted white before the page is read, and the inside of every cell is cut out
and stacked on one "cell sheet" that a second OCR run reads: one line per cell, tagged with its
``CellRef`` (table, row, grid column, span), without the rules that spoil the reading of a
ruled page. A cell whose side rule is missing in its row spans the columns it covers.

Example: a scanned "TT | Chỉ tiêu | Năm 2026" grid of three rows gives the lines "TT" (row 0,
column 0), "Chỉ tiêu" (0, 1), … with the OCR words of each cell.
"""
from __future__ import annotations

from dataclasses import dataclass

from extractors.readers.layout import Word, group_rows
from extractors.readers.model import CellRef, Line

BAND = 6                 # pixels pooled into one band (0.5 mm at 300 DPI): a turned rule stays dark
RULE_SPAN = 0.25         # a horizontal rule runs at least this share of the page width
CROSS_SHARE = 0.7        # a vertical rule is dark on this share of a row's height
WALL_SHARE = 0.7         # … and on this share of the table's height (a merged cell may break it)
MIN_COLUMNS = 2
MIN_ROWS = 2
CELL_MARGIN = 10         # pixels kept off a cell's rules when it is cut out
SHEET_GAP = 40           # white between the cells stacked on the sheet
MIN_CELL_CONFIDENCE = 20.0
MIN_SLOPE = 0.002        # rules dropping less than this per pixel are straight enough


@dataclass(frozen=True)
class Grid:
    """A table's rules in pixels: ``ys`` the horizontal rules top to bottom, ``xs`` the vertical
    ones left to right, ``walls[r]`` the vertical rules that cross row ``r``."""

    ys: tuple[int, ...]
    xs: tuple[int, ...]
    walls: tuple[tuple[int, ...], ...]

    def cell_of(self, x: float, y: float) -> tuple[int, int, int] | None:
        """(row, column, span) of the cell holding pixel (x, y), or None outside the table."""
        if not (self.ys[0] < y < self.ys[-1] and self.xs[0] < x < self.xs[-1]):
            return None
        row = max(i for i, top in enumerate(self.ys[:-1]) if top <= y)
        walls = self.walls[row]
        left = max((w for w in walls if self.xs[w] <= x), default=0)
        right = min((w for w in walls if self.xs[w] > x), default=len(self.xs) - 1)
        return row, left, right - left


def find_grids(image) -> list[Grid]:
    """Ruled tables of a grey page image (dark ink on white)."""
    import numpy as np

    dark = np.asarray(image) < 128
    height, width = dark.shape
    rows = _pool(dark, axis=0)                       # (bands, width): a band is dark where any of it is
    rows = _close(rows | np.roll(rows, 1, axis=0) | np.roll(rows, -1, axis=0))  # a turned rule's pieces
    spans = _longest_runs(rows)
    rule_bands = [b for b in range(len(spans)) if spans[b] >= RULE_SPAN * width]
    out = []
    for group in _tables(_merge(rule_bands)):
        grid = _grid(dark, [b * BAND + BAND // 2 for b in group])
        if grid is not None:
            out.append(grid)
    return out


def _pool(dark, axis: int):
    import numpy as np

    if axis == 0:
        n = dark.shape[0] // BAND
        return dark[:n * BAND].reshape(n, BAND, dark.shape[1]).any(axis=1)
    n = dark.shape[1] // BAND
    return dark[:, :n * BAND].reshape(dark.shape[0], n, BAND).any(axis=2)


def _close(rows):
    """Small gaps in a rule (specks of white, JPEG noise) closed: each dark pixel also darkens
    its neighbours two pixels away."""
    import numpy as np

    return rows | np.roll(rows, 2, axis=1) | np.roll(rows, -2, axis=1) | np.roll(rows, 1, axis=1)


def _longest_runs(rows) -> list[int]:
    """The longest run of dark pixels in each row of a boolean array."""
    import numpy as np

    out = []
    for row in rows:
        if row.sum() < RULE_SPAN * row.size * 0.5:
            out.append(0)
            continue
        padded = np.concatenate(([0], row.view(np.int8), [0]))
        edges = np.flatnonzero(np.diff(padded))
        out.append(int((edges[1::2] - edges[::2]).max()) if len(edges) else 0)
    return out


def _merge(bands: list[int]) -> list[int]:
    """Adjacent dark bands are one rule (its middle band)."""
    out: list[list[int]] = []
    for b in bands:
        if out and b - out[-1][-1] <= 2:
            out[-1].append(b)
        else:
            out.append([b])
    return [group[len(group) // 2] for group in out]


def _tables(rules: list[int]) -> list[list[int]]:
    """Runs of horizontal rules close enough to be one table's (a gap of a few text lines)."""
    out: list[list[int]] = []
    for r in rules:
        if out and r - out[-1][-1] <= 60:        # 60 bands: 30 mm at 300 DPI
            out[-1].append(r)
        else:
            out.append([r])
    return [g for g in out if len(g) >= MIN_ROWS + 1]


def _grid(dark, ys: list[int]) -> Grid | None:
    """The vertical rules between the first and last of ``ys``, and which rows they cross."""
    top, bottom = ys[0], ys[-1]
    cols = _pool(dark[top:bottom], axis=1)           # (height, bands)
    share = cols.mean(axis=0)
    xs = [b * BAND + BAND // 2 for b in _merge([b for b in range(len(share)) if share[b] >= WALL_SHARE])]
    if len(xs) < MIN_COLUMNS + 1:
        return None
    walls = []
    for y0, y1 in zip(ys, ys[1:]):
        band = cols[y0 - top + BAND:max(y0 - top + BAND + 1, y1 - top - BAND)]
        crossing = tuple(i for i, x in enumerate(xs) if band[:, x // BAND].mean() >= CROSS_SHARE)
        walls.append(crossing or (0, len(xs) - 1))
    return Grid(tuple(ys), tuple(xs), tuple(walls))


def blank_tables(image, grids: list[Grid]):
    """A copy of ``image`` with each table painted white: the page's other text is read alone."""
    from PIL import ImageDraw

    out = image.copy()
    draw = ImageDraw.Draw(out)
    for g in grids:
        draw.rectangle([g.xs[0] - BAND, g.ys[0] - BAND, g.xs[-1] + BAND, g.ys[-1] + BAND], fill=255)
    return out


@dataclass(frozen=True)
class _Slot:
    ref: tuple[int, int, int, int]        # table, row, column, span
    box: tuple[int, int, int, int]        # the cell's inside on the page, pixels
    y: int                                # where the cell stands on the sheet


def cell_sheet_of(pairs: list[tuple[object, Grid]]):
    """(an image of every cell's inside stacked one under another with white between, the
    slots): one OCR run reads all cells, each alone, without the rules around it. ``pairs``
    are (page image, grid) with the grid's rules straight in its image."""
    from PIL import Image

    slots, crops, y = [], [], SHEET_GAP
    for t, (image, g) in enumerate(pairs):
        for row in range(len(g.ys) - 1):
            walls = list(g.walls[row]) or [0, len(g.xs) - 1]
            for left, right in zip(walls, walls[1:]):
                box = (g.xs[left] + CELL_MARGIN, g.ys[row] + CELL_MARGIN,
                       g.xs[right] - CELL_MARGIN, g.ys[row + 1] - CELL_MARGIN)
                if box[2] > box[0] and box[3] > box[1]:
                    slots.append(_Slot((t, row, left, right - left), box, y))
                    crops.append(image.crop(box))
                    y += box[3] - box[1] + SHEET_GAP
    width = max((s.box[2] - s.box[0] for s in slots), default=1) + 2 * SHEET_GAP
    sheet = Image.new("L", (width, max(y, 1)), 255)
    for s, crop in zip(slots, crops):
        sheet.paste(crop, (SHEET_GAP, s.y))
    return sheet, slots


def read_cells(image, grids: list[Grid], dpi: int, first_table: int) -> list[Line]:
    """One line per cell of the grids, read by OCR from the cell sheet, in points."""
    from extractors.readers.ocr import image_bytes, read_tsv, run_tesseract

    pairs = [straightened(image, g) for g in grids]
    sheet, slots = cell_sheet_of(pairs)
    words = [w.word for w in read_tsv(run_tesseract(image_bytes(sheet), dpi, psm="6"), 1.0)
             if w.word.conf is None or w.word.conf >= MIN_CELL_CONFIDENCE]
    by_slot: dict[int, list[Word]] = {}
    for w in words:
        middle = (w.top + w.bottom) / 2
        i = next((i for i, s in enumerate(slots) if s.y <= middle <= s.y + s.box[3] - s.box[1]), None)
        if i is not None:
            by_slot.setdefault(i, []).append(w)
    scale = 72.0 / dpi
    lines = []
    for i, members in sorted(by_slot.items()):
        t, row, col, span = slots[i].ref
        text = " ".join(" ".join(w.text for w in r) for r in group_rows(members))
        x0, top, x1, bottom = (v * scale for v in slots[i].box)
        lines.append(Line(text, x0=x0, top=top, x1=x1, bottom=bottom,
                          cell=CellRef(first_table + t, row, col, span)))
    return lines


def in_reading_order(lines: list[Line], table_lines: list[Line]) -> list[Line]:
    """The page's other lines with each table's cell lines where the table stands."""
    out = list(lines)
    for table in sorted({l.cell.table for l in table_lines}, reverse=True):
        cells = [l for l in table_lines if l.cell.table == table]
        top = min(l.top for l in cells)
        at = next((i for i, l in enumerate(out) if l.top is not None and l.top > top), len(out))
        out[at:at] = cells
    return out


def _slope(dark, grid: Grid) -> float:
    """How far the table's horizontal rules drop per pixel to the right (a scan turned a little)."""
    import numpy as np

    left, right = grid.xs[0], grid.xs[-1]
    edge = max(BAND, (right - left) // 5)
    slopes = []
    for y in grid.ys:
        lo, hi = max(0, y - 6 * BAND), min(dark.shape[0], y + 6 * BAND)
        a = dark[lo:hi, left:left + edge].sum(axis=1)
        b = dark[lo:hi, right - edge:right].sum(axis=1)
        if a.max() > edge // 4 and b.max() > edge // 4:
            slopes.append((int(np.argmax(b)) - int(np.argmax(a))) / float(right - left - edge))
    return float(np.median(slopes)) if slopes else 0.0


def straightened(image, grid: Grid) -> tuple[object, Grid]:
    """The page turned so that ``grid``'s rules run straight, and the grid found again on it."""
    import math

    import numpy as np

    slope = _slope(np.asarray(image) < 128, grid)
    if abs(slope) < MIN_SLOPE:
        return image, grid
    centre = ((grid.xs[0] + grid.xs[-1]) / 2, (grid.ys[0] + grid.ys[-1]) / 2)
    turned = image.rotate(math.degrees(math.atan(slope)), resample=3, fillcolor=255, center=centre)
    again = [g for g in find_grids(turned) if g.ys[0] <= centre[1] <= g.ys[-1]]
    return (turned, again[0]) if again else (image, grid)
