"""Words with boxes → lines in reading order, shared by the PDF text path and OCR.

Three steps:
1. rows: words whose vertical extents overlap form one row;
2. segments: a row is cut where two words are separated by a gap wider than
   ``GAP_EM`` times the text height, so "ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI …" gives
   two segments, never one line;
3. bands: consecutive rows holding a left and a right segment (the header, the
   "Số: … | Quảng Ngãi, ngày …" row, "Nơi nhận: | KT. CHỦ TỊCH") form a two-column band,
   extended over the rows just below (and right-hand rows just above) that stay on one
   side of the band's dividing gap. Inside a band the whole left column is read first,
   then the whole right column.

Example: rows ``[ỦY BAN NHÂN DÂN | CỘNG HÒA …]``, ``[TỈNH QUẢNG NGÃI | Độc lập …]`` come
out as "ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI" (column 0), "CỘNG HÒA …", "Độc lập …" (column 1).
"""
from __future__ import annotations

import bisect
import statistics
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from extractors.readers.model import Line
from extractors.wordlists import load

GAP_EM = 2.0  # a gap this many text heights wide separates two columns
JOIN_EM = 0.12  # pieces closer than this are one word ("Đ" + "ầu t" + "ư")
BAND_GAP_EM = 3.0  # a band stops at a vertical gap wider than this many line heights
SIDE_TOLERANCE = 6.0  # points a one-sided segment may cross the band's divider
TALL_UNIT = 2.2  # a word or OCR line this many typical heights tall is not text of a row
# (a lone "quyết" — descender, stacked accent — stands 1.8 typical heights tall)
MAX_BAND_SEGMENTS = 3  # rows cut into more pieces are tables, not a two-column band
CUT_MIN_EM = 1.2  # beside a band, a gap this wide (in text heights) …
CUT_RATIO = 3.0  # … and this many times the row's other word gaps may part two columns
CENTRED_EM = 1.5  # a line centred this close (in text heights) to a column's axis is centred
RIGHT_SLACK_EM = 3.0  # how far (in text heights) a right-hand line's centre may drift
RIGHT_START = 0.45  # outside bands, column 1 starts past this share of the width
RIGHT_CENTRE = 0.58  # … and is centred past this share (a centred title is not)


@dataclass(slots=True)
class Word:
    """A word (or a piece of one) with its box in points, top-left origin."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float | None = None
    bold: bool | None = None
    conf: float | None = None
    start: int | None = None  # index of the first and last character in the text stream
    end: int | None = None
    hand: bool = False  # OCR judged the word handwritten (``handwriting``)
    # OCR: the other spellings the engine weighed, with its relative confidence (``hocr``)
    alternatives: tuple[tuple[str, float], ...] = ()

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 0.1)


@dataclass
class _Segment:
    words: list[Word]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)


@dataclass
class _Row:
    segments: list[_Segment]

    @property
    def top(self) -> float:
        return min(s.top for s in self.segments)

    @property
    def bottom(self) -> float:
        return max(s.bottom for s in self.segments)


def lines_from_words(words: list[Word], page_width: float) -> list[Line]:
    """Group ``words`` into lines tagged with a column, in reading order."""
    return lines_from_rows(group_rows(words), page_width)


def lines_from_rows(word_rows: list[list[Word]], page_width: float) -> list[Line]:
    """Lines from rows of words (each sorted by x0, rows top to bottom)."""
    word_rows = [r for r in word_rows if r]
    if not word_rows:
        return []
    em = _text_height([w for r in word_rows for w in r])
    rows = [_Row(_split_row(r, em)) for r in word_rows]
    return [_to_line(seg, col) for band in _bands(rows, em, page_width) for seg, col in band]


def group_rows(words: list[Word]) -> list[list[Word]]:
    """Words whose vertical extents overlap by half the smaller height share a row.

    A word is set against the row's mean extent, not the union of its words, so rows do
    not chain: the 13 pt "PHÓ CHỦ TỊCH" of a signature block, level with two 11 pt lines
    of the Nơi nhận list, joins the first of them without gluing the second to it. A word
    far taller than the text (a signature stroke OCR read as letters) keeps a row of its
    own. Words of one printed line that still fell into two rows are put back together
    (``_rejoin_split_lines``).
    """
    if not words:
        return []
    limit = TALL_UNIT * statistics.median(w.bottom - w.top for w in words)
    rows: list[list[Word]] = []
    spans: list[list[float]] = []  # sum of tops, sum of bottoms, count, tall (0/1), min top
    for w in sorted(words, key=lambda w: w.top + w.bottom):
        top, bottom = w.top, w.bottom
        if bottom - top > limit:
            rows.append([w])
            spans.append([top, bottom, 1, 1, top])
            continue
        for i in range(len(rows) - 1, len(rows) - 4 if len(rows) > 3 else -1, -1):
            span = spans[i]
            if span[3]:
                continue
            row_top, row_bottom = span[0] / span[2], span[1] / span[2]
            overlap = (row_bottom if row_bottom < bottom else bottom) - (
                row_top if row_top > top else top)
            if 2 * overlap >= (row_bottom - row_top if row_bottom - row_top < bottom - top
                               else bottom - top):
                rows[i].append(w)
                span[0] += top
                span[1] += bottom
                span[2] += 1
                if top < span[4]:
                    span[4] = top
                break
        else:
            rows.append([w])
            spans.append([top, bottom, 1, 0, top])
    _seat_tall_words(rows, spans)
    order = sorted(range(len(rows)), key=lambda i: spans[i][4] if rows[i] else 0.0)
    return _rejoin_split_lines([sorted(rows[i], key=lambda w: w.x0) for i in order if rows[i]])


ADJACENT = 0.6  # a word this many of its heights or less after another continues its line
SEGMENT_GAP = 1.0  # heights: a wider gap inside a row parts two columns


def _rejoin_split_lines(rows: list[list[Word]]) -> list[list[Word]]:
    """Move back the part of a row that continues a line of another row: "CHỦ" of a 14 pt
    title joined one entry of the Nơi nhận list beside it and "TỊCH" the next. A segment
    (words parted from the rest of their row by a column gap) whose first word starts
    right after the last word of a segment of another row, level with it, goes to that row."""
    ends = sorted(((row[stop - 1].x1, r, row[stop - 1]) for r, row in enumerate(rows)
                   for _, stop in _segments(row)), key=lambda e: e[0])
    keys = [e[0] for e in ends]
    moved = False
    for r, row in enumerate(rows):
        for start, stop in _segments(row):
            v = row[start]
            reach = ADJACENT * (v.bottom - v.top)
            lo = bisect.bisect_left(keys, v.x0 - reach)
            hi = bisect.bisect_right(keys, v.x0 + 1.0)
            for _, other, w in ends[lo:hi]:
                overlap = min(v.bottom, w.bottom) - max(v.top, w.top)
                if other != r and 2 * overlap >= min(v.bottom - v.top, w.bottom - w.top):
                    # kept in reading order at once: its segments may still be judged below
                    rows[other][:] = sorted(rows[other] + row[start:stop], key=lambda word: word.x0)
                    del row[start:stop]
                    moved = True
                    break
            else:
                continue
            break  # one segment per row: the row's indexes have changed
    return [row for row in rows if row] if moved else rows


def _segments(row: list[Word]) -> list[tuple[int, int]]:
    """(start, stop) of the row's runs of words parted by gaps wider than ``SEGMENT_GAP``
    heights of the word after the gap."""
    cuts = [i for i in range(1, len(row))
            if row[i].x0 - row[i - 1].x1 > SEGMENT_GAP * (row[i].bottom - row[i].top)]
    edges = [0, *cuts, len(row)] if row else []
    return list(zip(edges, edges[1:]))


def _seat_tall_words(rows: list[list[Word]], spans: list[list[float]]) -> None:
    """Put back into its row a tall word that fills a gap between two of the row's words
    and starts level with it: a word OCR boxed together with a speck below ("trương" on a
    skewed scan). Left out, it would leave a gap wide enough to split the row in columns."""
    for i, row in enumerate(rows):
        if not spans[i][3] or len(row) != 1:
            continue
        tall = row[0]
        for j, other in enumerate(rows):
            if spans[j][3] or not other:
                continue
            row_top, row_bottom = spans[j][0] / spans[j][2], spans[j][1] / spans[j][2]
            if abs(tall.top - row_top) > (row_bottom - row_top) / 2:
                continue
            left = [w for w in other if w.x1 <= tall.x0 + 1]
            right = [w for w in other if w.x0 >= tall.x1 - 1]
            if left and right and len(left) + len(right) == len(other):
                other.append(tall)
                row.clear()
                break


def group_units(units: list[list[Word]]) -> list[list[Word]]:
    """Merge units (OCR lines) that sit at the same height into rows.

    A unit's extent is the median top and bottom of its words, so one tall speck does not
    stretch it; two units share a row when their centres are closer than half the smaller
    height. So the left and right halves of "ỦY BAN NHÂN DÂN      CỘNG HÒA …" meet in one
    row even when OCR saw them as two lines, while a line of the right column set between
    two lines of the left one joins neither. A row keeps its first unit's extent (no
    chaining); a unit far taller than the text (a signature stroke) stays on its own.
    """
    boxes = [(*_robust_extent(u), u) for u in units if u]
    if not boxes:
        return []
    typical = statistics.median(b[1] - b[0] for b in boxes)
    rows: list[list[Word]] = []
    spans: list[tuple[float, float]] = []
    tall: list[bool] = []
    for top, bottom, unit in sorted(boxes, key=lambda b: (b[0] + b[1]) / 2):
        is_tall = bottom - top > TALL_UNIT * typical
        centre = (top + bottom) / 2
        for i in range(len(rows) - 1, max(len(rows) - 4, -1), -1):
            row_top, row_bottom = spans[i]
            near = abs((row_top + row_bottom) / 2 - centre) < 0.5 * min(row_bottom - row_top,
                                                                        bottom - top)
            if near and not (is_tall or tall[i]):
                rows[i].extend(unit)
                break
        else:
            rows.append(list(unit))
            spans.append((top, bottom))
            tall.append(is_tall)
    order = sorted(range(len(rows)), key=lambda i: spans[i][0])
    return [sorted(rows[i], key=lambda w: w.x0) for i in order]


def _robust_extent(unit: list[Word]) -> tuple[float, float]:
    return (statistics.median_high(w.top for w in unit),
            statistics.median_high(w.bottom for w in unit))


def _text_height(words: list[Word]) -> float:
    return max(statistics.median(_height(w) for w in words), 1.0)


def _split_row(words: list[Word], em: float) -> list[_Segment]:
    """Cut a row (sorted by x0) at gaps wider than GAP_EM text heights.

    A gap that is a fill-in blank ("Số:    /QĐ-UBND", "ngày    tháng") is not cut.
    """
    segments = [_Segment([words[0]])]
    for prev, w in zip(words, words[1:]):
        height = max(min(_height(prev), _height(w)), 0.6 * em)
        if w.x0 - prev.x1 > GAP_EM * height and not is_fill_in_blank(prev.text, w.text):
            segments.append(_Segment([w]))
        else:
            segments[-1].words.append(w)
    return segments


def _fill_in_words() -> dict:
    return load("layout")["fill_in"]


def _after_blank(text: str) -> bool:
    """Does ``text`` follow a blank of the header form ("tháng", "năm", "/QĐ-UBND")?"""
    fill = _fill_in_words()
    text = text.strip()
    return form_key(text) in fill["after_blank"] or text.startswith(
        tuple(fill["after_blank_prefixes"]))


def is_fill_in_blank(before: str, after: str) -> bool:
    """True when the gap between two words is a blank of the header form.

    A list item ends at its ";" and "Sở" is not "Số": "- Phó Giám đốc Sở;   CHÁNH VĂN
    PHÒNG" is a column gap.

    >>> is_fill_in_blank("Số:", "/QĐ-UBND"), is_fill_in_blank("UBND", "Hà")
    (True, False)
    >>> is_fill_in_blank("Sở;", "CHÁNH"), is_fill_in_blank("Sở", "CHÁNH")
    (False, False)
    """
    if (form_key(before) in _fill_in_words()["before_blank"]
            and not before.rstrip().endswith((";", ",", "."))):
        return True
    return _after_blank(after)


def is_blank_position(words: list[Word], i: int) -> bool:
    """Does ``words[i]`` (a line sorted by x) sit in a blank of the header form?

    Right after "Số:", "ngày", "tháng" or "năm", or right before "tháng", "năm" or "/…".
    Words are compared without accents but with the horn, so "sở" is not "số".

    >>> line = [Word(t, 0, 0, 1, 1) for t in ("Số:", "22", "/BC-UBND", "cơ", "sở", "hạ")]
    >>> [is_blank_position(line, i) for i in range(6)]
    [False, True, False, False, False, False]
    """
    if i > 0 and form_key(words[i - 1].text) in _fill_in_words()["before_blank"]:
        return True
    return i + 1 < len(words) and _after_blank(words[i + 1].text)


def blank_lead(text: str) -> int:
    """Length of the form word ("Số:", "ngày") that ``text`` starts with when what was
    written in its blank was read onto it ("Só:4@`", "ngày0B"), else 0.

    >>> blank_lead("Só:4@`"), blank_lead("ngày0B"), blank_lead("ngày"), blank_lead("số123")
    (3, 4, 0, 2)
    """
    if not any(c.isdigit() for c in text):
        return 0
    fill = _fill_in_words()
    key = form_key(text)
    if not any(key.startswith(lead) for lead in fill["before_blank"]):
        return 0
    for k in range(1, len(text)):
        if form_key(text[:k]) in fill["before_blank"] and not text[k].isalpha():
            while k < len(text) and text[k] in ":.":
                k += 1
            rest = text[k:]
            return k if any(c.isdigit() for c in rest) else 0
    return 0


@lru_cache(maxsize=8192)
def form_key(text: str) -> str:
    """``text`` folded for matching form words: lower case, no accents but the horn
    (ơ, ư), đ as d, letters and digits only: "Số:" → "so", "Sở" → "sơ"."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    kept = "".join(c for c in decomposed if c.isalnum() or c == "\u031b")
    return unicodedata.normalize("NFC", kept)


def _height(w: Word) -> float:
    return w.size if w.size else w.height


def _bands(rows: list[_Row], em: float, width: float):
    """Yield, in reading order, lists of (segment, column) per band or plain row."""
    i = 0
    while i < len(rows):
        band = _find_band(rows, i, em, width)
        if band is None:
            for row in rows[i:]:
                yield _plain_row(row, width)
            return
        start, end, found = band
        for row in rows[i:start]:
            yield _plain_row(row, width)
        yield found.read(rows[start:end])
        i = end


def _find_band(rows: list[_Row], first: int, em: float,
               width: float = 0.0) -> tuple[int, int, "_Band"] | None:
    """(start, end, band) of the next band at or after row ``first``, or None."""
    for i in range(first, len(rows)):
        band = _Band.from_row(rows[i], em, width)
        if band is None:
            continue
        start = i
        while start > first and band.joins_above(rows[start - 1], rows[start]):
            start -= 1
        end = i + 1
        while end < len(rows) and band.takes(rows[end], rows[end - 1]):
            end += 1
        return start, end, band
    return None


class _Band:
    """The two columns of a band: where the left text ends and the right text starts."""

    def __init__(self, left_x1: float, right_x0: float, right_x1: float, em: float):
        self.em = em
        self.middle: float | None = None  # the page's vertical centre line
        self.left_x1 = left_x1
        self.right_x0 = right_x0
        self.right_centre = (right_x0 + right_x1) / 2
        # a right-hand line is centred (or aligned) under the right column's first line
        self.right_slack = max(0.25 * (right_x1 - right_x0), RIGHT_SLACK_EM * em)
        self.sides: dict[int, int] = {}  # id(segment) → side, fixed when the row joined

    @classmethod
    def from_row(cls, row: _Row, em: float, width: float = 0.0) -> "_Band | None":
        segs = row.segments
        if not 2 <= len(segs) <= MAX_BAND_SEGMENTS:
            return None
        if width and all(s.x0 > RIGHT_START * width for s in segs):
            return None  # pieces of one right-hand line (a name broken by a seal), not two columns
        _, cut = max((b.x0 - a.x1, k) for k, (a, b) in enumerate(zip(segs, segs[1:]), 1))
        right = segs[cut:]
        band = cls(max(s.x1 for s in segs[:cut]), min(s.x0 for s in right),
                   max(s.x1 for s in right), em)
        band.middle = width / 2 if width else None
        band.sides.update({id(s): int(k >= cut) for k, s in enumerate(segs)})
        return band

    def side(self, seg: _Segment) -> int | None:
        """0 or 1 when ``seg`` fits in the left or right column, else None.

        A line that starts well left of the right column and runs into it across the middle
        of the page, not centred on the right column's axis, is full width ("Kính gửi: …"
        under a long trích yếu), not the right column's.
        """
        if self.spans(seg):
            return None
        fits_left = seg.x1 <= self.right_x0 + SIDE_TOLERANCE and seg.x0 < self.right_x0
        centre = (seg.x0 + seg.x1) / 2
        fits_right = (seg.x0 >= self.left_x1 - SIDE_TOLERANCE
                      and abs(centre - self.right_centre) <= self.right_slack)
        if fits_left and fits_right:
            return 0 if centre - self.left_x1 < self.right_x0 - centre else 1
        return 0 if fits_left else 1 if fits_right else None

    def spans(self, seg: _Segment) -> bool:
        if self.middle is None or not seg.x0 < self.middle < seg.x1:
            return False
        centre = (seg.x0 + seg.x1) / 2
        return (seg.x0 < self.right_x0 - self.em and seg.x1 > self.right_x0 + SIDE_TOLERANCE
                and abs(centre - self.right_centre) > CENTRED_EM * self.em)

    def cut(self, seg: _Segment) -> tuple[_Segment, _Segment] | None:
        """``seg`` cut in two at its widest word gap when it runs across both columns: the
        agency and the Quốc hiệu set so close that no gap is a column gap by width alone.

        The gap must stand out (``CUT_RATIO`` times the segment's other gaps, at least
        ``CUT_MIN_EM``), the right piece be centred on the right column's axis and the left
        piece end before the right column starts.
        """
        words = seg.words
        if len(words) < 2:
            return None
        gaps = [b.x0 - a.x1 for a, b in zip(words, words[1:])]
        k = max(range(len(gaps)), key=gaps.__getitem__)
        others = gaps[:k] + gaps[k + 1:]
        typical = statistics.median(others) if others else 0.0
        if gaps[k] < CUT_MIN_EM * self.em or gaps[k] < CUT_RATIO * typical:
            return None
        left, right = _Segment(words[:k + 1]), _Segment(words[k + 1:])
        centre = (right.x0 + right.x1) / 2
        if abs(centre - self.right_centre) > self.right_slack:
            return None
        if left.x1 > self.right_x0 + SIDE_TOLERANCE:
            return None
        return left, right

    def inside_right(self, seg: _Segment) -> bool:
        """Starts inside the right column, clear of the left one."""
        return seg.x0 >= self.right_x0 - SIDE_TOLERANCE and seg.x0 > self.left_x1 + self.em

    def fit(self, row: _Row) -> list[int | None]:
        """Sides of the row's segments; one that spans both columns is cut (``cut``). Pieces
        of one line broken by a seal or a pen stroke, each off the right column's axis but
        all inside it ("Phạm", "Thu Hà"), are the right column's."""
        broken = len(row.segments) >= 2 and all(self.inside_right(seg) for seg in row.segments[-2:])
        segments, sides = [], []
        for seg in row.segments:
            side = self.side(seg)
            if side is None and (broken or _speck(seg)) and self.inside_right(seg):
                side = 1  # and an OCR speck there ("Z" of a seal) ends no band
            pieces = self.cut(seg) if side is None else None
            if pieces:
                segments.extend(pieces)
                sides.extend((0, 1))
            else:
                segments.append(seg)
                sides.append(side)
        if None not in sides:
            row.segments = segments
        return sides

    def takes(self, row: _Row, prev: _Row) -> bool:
        """Add ``row`` (just below ``prev``) to the band if all its segments fit."""
        if row.top - prev.bottom > BAND_GAP_EM * self.em:
            return False
        sides = self.fit(row)
        if None in sides:
            return False
        for seg, side in zip(row.segments, sides):
            self.sides[id(seg)] = side
            if side == 0:
                self.left_x1 = max(self.left_x1, seg.x1)
            else:
                self.right_x0 = min(self.right_x0, seg.x0)
        return True

    def joins_above(self, row: _Row, below: _Row) -> bool:
        """A right-hand row just above a band ("TM. ỦY BAN NHÂN DÂN") belongs to it."""
        if below.top - row.bottom > BAND_GAP_EM * self.em:
            return False
        sides = self.fit(row)
        if sides == [0, 1]:  # the first header row, its two columns run together
            self.sides.update({id(s): k for k, s in enumerate(row.segments)})
            self.left_x1 = max(self.left_x1, row.segments[0].x1)
            return True
        if not all(side == 1 for side in sides):
            return False
        self.sides.update({id(s): 1 for s in row.segments})
        return True

    def read(self, rows: list[_Row]) -> list[tuple[_Segment, int | None]]:
        """Segments of ``rows``: the whole left column, then the whole right column."""
        left: list[_Segment] = []
        right: list[_Segment] = []
        for row in rows:
            for side in (0, 1):
                pieces = [seg for seg in row.segments if self.sides[id(seg)] == side]
                if pieces:  # two pieces of one row on one side (a seal between) are one line
                    (left if side == 0 else right).append(
                        pieces[0] if len(pieces) == 1 else _Segment([w for p in pieces for w in p.words]))
        return [(s, 0) for s in left] + [(s, 1) for s in right]


def _plain_row(row: _Row, width: float) -> list[tuple[_Segment, int | None]]:
    """The segments of a row outside bands; pieces of a right-hand line (a name broken by a
    seal) are one line."""
    out: list[tuple[_Segment, int | None]] = []
    for seg in row.segments:
        column = _plain_column(seg, width)
        if out and column == 1 and out[-1][1] == 1:
            out[-1] = (_Segment(out[-1][0].words + seg.words), 1)
        else:
            out.append((seg, column))
    return out


def _speck(seg: _Segment) -> bool:
    """Two letters or digits at most: an OCR speck ("Z" of a seal), not a line."""
    return sum(c.isalnum() for w in seg.words for c in w.text) <= 2


def _plain_column(seg: _Segment, width: float) -> int | None:
    """Outside bands: 1 for a line that sits in the right half (a signature block), else None."""
    if not width:
        return None
    centre = (seg.x0 + seg.x1) / 2
    return 1 if seg.x0 > RIGHT_START * width and centre > RIGHT_CENTRE * width else None


def _to_line(seg: _Segment, column: int | None) -> Line:
    words = seg.words
    sizes = [w.size for w in words if w.size]
    bolds = [w.bold for w in words if w.bold is not None]
    text, hand = join_marked(words)
    return Line(
        text=text,
        column=column,
        x0=round(seg.x0, 2),
        top=round(seg.top, 2),
        x1=round(seg.x1, 2),
        bottom=round(seg.bottom, 2),
        size=round(statistics.median_high(sizes), 2) if sizes else None,
        bold=(sum(bolds) * 2 > len(bolds)) if bolds else None,
        handwritten=hand,
        alternatives=tuple((w.text, w.alternatives) for w in words if w.alternatives),
    )


def join_marked(words: list[Word]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The words of one segment joined with single spaces, and the character ranges of
    its handwritten words. Two pieces are one word when they follow each other in the
    text stream with no space between and touch on the page ("Đ" + "ầu tư").

    >>> join_marked([Word("Số:", 0, 0, 9, 9), Word("23", 20, 0, 29, 9, hand=True),
    ...              Word("/BC-UBND", 40, 0, 80, 9)])
    ('Số: 23 /BC-UBND', ((4, 6),))
    """
    text, ranges = "", []
    for i, w in enumerate(words):
        prev = words[i - 1] if i else None
        glued = prev is None or (w.start is not None and prev.end is not None
                                 and w.start == prev.end + 1
                                 and w.x0 - prev.x1 < JOIN_EM * _height(w))
        if not glued:
            text += " "
        if w.hand and ranges and glued and ranges[-1][1] == len(text):
            ranges[-1] = (ranges[-1][0], len(text) + len(w.text))  # a piece of the same word
        elif w.hand:
            ranges.append((len(text), len(text) + len(w.text)))
        text += w.text
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    marked = ((max(a - lead, 0), min(b - lead, len(text))) for a, b in ranges)
    return text, tuple((a, b) for a, b in marked if a < b)
