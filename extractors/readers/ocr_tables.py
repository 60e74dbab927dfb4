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
RULE_SPAN = 0.4          # a table's rules run at least this share of the page width (a stamp's box is narrower)
CROSS_SHARE = 0.7        # a vertical rule is dark on this share of a row's height
WALL_SHARE = 0.7         # … and on this share of the table's height (a merged cell may break it)
MIN_COLUMNS = 2
MIN_ROWS = 2
TOP_SHARE = 0.25         # a table of one row is read only in this top share of a page (a cut table's rest)
BOTTOM_SHARE = 0.2       # walls running on into this bottom share of a page: a row the page's end cut
EDGE_SLACK = 20          # pixels the ends of one table's rules may differ by
SHARED_LENGTH = 0.8      # … which share this much of their length
RULE_PIECE = 120         # pixels: a rule has a dark run this long on one of its bands …
RULE_BIT = 40            # … and its other pieces, on the bands beside, at least this long;
RULE_FILL = 0.3          # its longest piece is this share of its length (a line of bold text is no rule)
SMALL = 8                # the page is scaled down this many times to find its turn
MAX_TURN = 2.0           # degrees: a scan turned further is not straightened
MIN_TURN = 0.05          # degrees: a turn smaller than this is left as it is
CELL_MARGIN = 10         # pixels kept off a cell's rules when it is cut out
SHEET_GAP = 40           # white between the cells stacked on the sheet
MIN_CELL_CONFIDENCE = 20.0


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


@dataclass(frozen=True)
class PageTables:
    """The ruled tables of a scanned page: the page turned straight on its rules (``angle``
    degrees, PIL's sense) and the grids found on the straight page."""

    angle: float
    image: object
    grids: tuple[Grid, ...]


def find_tables(image) -> PageTables | None:
    """The ruled tables of a grey page image (dark ink on white), or None."""
    small = _shrunk(_dark(image))
    if not _long_rule(_dark(small)):
        return None
    angle = _skew(small)
    straight = image.rotate(angle, resample=0, fillcolor=255) if abs(angle) >= MIN_TURN else image
    grids = find_grids(straight)
    return PageTables(angle, straight, tuple(grids)) if grids else None


def _shrunk(dark):
    """The page ``SMALL`` times smaller, a pixel dark where any of its block is (thin rules stay)."""
    import numpy as np
    from PIL import Image

    h, w = dark.shape[0] // SMALL, dark.shape[1] // SMALL
    blocks = dark[:h * SMALL, :w * SMALL].reshape(h, SMALL, w, SMALL).any(axis=(1, 3))
    return Image.fromarray(np.where(blocks, 0, 255).astype(np.uint8))


def _dark(image):
    import numpy as np

    return np.asarray(image) < 128


def _long_rule(dark) -> bool:
    """Whether a row of a small page holds a dark run as long as a table's rule (a slight turn
    splits a rule across neighbouring rows: three rows are taken together)."""
    import numpy as np

    rows = dark | np.roll(dark, 1, axis=0) | np.roll(dark, -1, axis=0)
    return any(length >= RULE_SPAN * dark.shape[1] for length, _, _ in _longest_runs(rows))


def _skew(small) -> float:
    """The turn (degrees) that makes the page's rules and lines run straight: the one whose rows
    of ink are the most sharply parted (largest sum of squared row counts)."""
    import numpy as np

    def score(angle: float) -> float:
        rows = _dark(small.rotate(angle, fillcolor=255)).sum(axis=1).astype(np.float64)
        return float((rows ** 2).sum())

    coarse = max(np.arange(-MAX_TURN, MAX_TURN + 1e-9, 0.5), key=score)
    return round(float(max(np.arange(coarse - 0.4, coarse + 0.4 + 1e-9, 0.1), key=score)), 2)


def find_grids(image) -> list[Grid]:
    """Grids of a straight grey page: rows of dark long enough to be rules, grouped into tables
    by where they start and end, checked by the vertical rules between them."""
    import numpy as np

    dark = _dark(image)
    width = dark.shape[1]
    rows = _close(_pool(dark, axis=0))               # (bands, width): a band is dark where any of it is
    rules = _rules(_longest_runs(rows), width)
    out = []
    for group in _tables(rules):
        ys = [r[0] * BAND + BAND // 2 for r in group]
        if len(group) < MIN_ROWS + 1 and ys[0] > TOP_SHARE * dark.shape[0]:
            continue  # one row only at the top of a page: the rest of a table cut by a page break
        grid = _grid(dark, ys, [r[0] * BAND for r in rules])
        if grid is not None:
            out.append(grid)
    return out


def _rules(runs: list[tuple[int, int, int]], width: int) -> list[tuple[int, int, int]]:
    """(band, start, end) of each horizontal rule: neighbouring bands with long runs are one
    rule (a rule a slight turn left on two bands), its ends the outermost of theirs."""
    out: list[list] = []
    for b, (length, start, end) in enumerate(runs):
        if length < RULE_BIT:
            continue
        if out and b - out[-1][3] <= 2:
            group = out[-1]
            group[1], group[2], group[3] = min(group[1], start), max(group[2], end), b
            group[4].append(b)
            group[5] = max(group[5], length)
        else:
            out.append([b, start, end, b, [b], length])
    return [(g[4][len(g[4]) // 2], g[1], g[2]) for g in out
            if g[5] >= max(RULE_PIECE, RULE_FILL * (g[2] - g[1])) and g[2] - g[1] >= RULE_SPAN * width]


def _pool(dark, axis: int):
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


def _longest_runs(rows) -> list[tuple[int, int, int]]:
    """(length, start, end) of the longest run of dark pixels in each row of a boolean array."""
    import numpy as np

    out = []
    for row in rows:
        if row.sum() < RULE_SPAN * row.size * 0.5:
            out.append((0, 0, 0))
            continue
        padded = np.concatenate(([0], row.view(np.int8), [0]))
        edges = np.flatnonzero(np.diff(padded))
        if not len(edges):
            out.append((0, 0, 0))
            continue
        lengths = edges[1::2] - edges[::2]
        best = int(np.argmax(lengths))
        out.append((int(lengths[best]), int(edges[::2][best]), int(edges[1::2][best])))
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


def _tables(rules: list[tuple[int, int, int]]) -> list[list[tuple[int, int, int]]]:
    """Runs of horizontal rules that start and end at the same places: one table's rules,
    however tall its rows."""
    out: list[list[tuple[int, int, int]]] = []
    for rule in rules:
        if out and _same_table(out[-1][-1], rule):
            out[-1].append(rule)
        else:
            out.append([rule])
    return [g for g in out if len(g) >= 2]


def _same_table(a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    """Two rules of one table: one end in the same place, and most of their length shared
    (text set right against a rule hides a piece of it)."""
    shared = min(a[2], b[2]) - max(a[1], b[1])
    ends = abs(a[1] - b[1]) <= EDGE_SLACK or abs(a[2] - b[2]) <= EDGE_SLACK
    return ends and shared >= SHARED_LENGTH * max(a[2] - a[1], b[2] - b[1])


def _grid(dark, ys: list[int], rules: list[int] = ()) -> Grid | None:
    """The vertical rules between the first and last of ``ys``, and which rows they cross; a
    table cut by the page's end gets the row its walls run down to."""
    top, bottom = ys[0], ys[-1]
    cols = _pool(dark[top:bottom], axis=1)           # (height, bands)
    share = cols.mean(axis=0)
    xs = [b * BAND + BAND // 2 for b in _merge([b for b in range(len(share)) if share[b] >= WALL_SHARE])]
    if len(xs) < MIN_COLUMNS + 1:
        return None
    end = _walls_end(dark, xs, bottom)
    cut = end > (1 - BOTTOM_SHARE) * dark.shape[0] and not any(bottom + BAND < r < end for r in rules)
    if cut and end - bottom > 2 * CELL_MARGIN:
        ys = list(ys) + [end]
        top, bottom = ys[0], end
        cols = _pool(dark[top:bottom], axis=1)
    walls = []
    for y0, y1 in zip(ys, ys[1:]):
        band = cols[y0 - top + BAND:max(y0 - top + BAND + 1, y1 - top - BAND)]
        crossing = tuple(i for i, x in enumerate(xs) if band[:, x // BAND].mean() >= CROSS_SHARE)
        walls.append(crossing or (0, len(xs) - 1))
    return Grid(tuple(ys), tuple(xs), tuple(walls))


def _walls_end(dark, xs: list[int], bottom: int) -> int:
    """How far below the last rule the outer walls still run: a row the page's end cut off."""
    left, right = dark[:, max(0, xs[0] - BAND):xs[0] + BAND].any(axis=1), \
        dark[:, max(0, xs[-1] - BAND):xs[-1] + BAND].any(axis=1)
    y = bottom
    while y + 1 < dark.shape[0] and left[y + 1] and right[y + 1]:
        y += 1
    return y


def blank_tables(image, found: PageTables):
    """A copy of ``image`` with each table painted white (its box drawn on the straight page
    and turned back): the page's other text is read alone."""
    from PIL import Image, ImageDraw

    mask = Image.new("L", image.size, 0)
    draw = ImageDraw.Draw(mask)
    for g in found.grids:
        draw.rectangle([g.xs[0] - BAND, g.ys[0] - BAND, g.xs[-1] + BAND, g.ys[-1] + BAND], fill=255)
    if abs(found.angle) >= MIN_TURN:
        mask = mask.rotate(-found.angle, fillcolor=0)
    out = image.copy()
    out.paste(255, mask=mask)
    return out


@dataclass(frozen=True)
class _Slot:
    ref: tuple[int, int, int, int]        # table, row, column, span
    box: tuple[int, int, int, int]        # the cell's inside on the straight page, pixels
    y: int                                # where the cell stands on the sheet


def cell_sheet(found: PageTables):
    """(an image of every cell's inside stacked one under another with white between, the
    slots): one OCR run reads all cells, each alone, without the rules around it."""
    from PIL import Image

    slots, y = [], SHEET_GAP
    for t, g in enumerate(found.grids):
        for row in range(len(g.ys) - 1):
            walls = list(g.walls[row]) or [0, len(g.xs) - 1]
            for left, right in zip(walls, walls[1:]):
                box = (g.xs[left] + CELL_MARGIN, g.ys[row] + CELL_MARGIN,
                       g.xs[right] - CELL_MARGIN, g.ys[row + 1] - CELL_MARGIN)
                if box[2] > box[0] and box[3] > box[1]:
                    slots.append(_Slot((t, row, left, right - left), box, y))
                    y += box[3] - box[1] + SHEET_GAP
    width = max((s.box[2] - s.box[0] for s in slots), default=1) + 2 * SHEET_GAP
    sheet = Image.new("L", (width, max(y, 1)), 255)
    for slot in slots:
        sheet.paste(found.image.crop(slot.box), (SHEET_GAP, slot.y))
    return sheet, slots


def read_cells(found: PageTables, dpi: int, first_table: int) -> list[Line]:
    """One line per cell of the page's tables, read by OCR from the cell sheet, in points."""
    from extractors.readers.ocr import image_bytes, read_words, run_tesseract

    sheet, slots = cell_sheet(found)
    words = [w.word for w in read_words(run_tesseract(image_bytes(sheet), dpi, psm="6"), 1.0)
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
