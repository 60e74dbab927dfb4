"""Find the components of an administrative document in a DOCX made by anyone, by their text.

Works on the ``Line``s of ``lines.py`` whether the header is a borderless table or plain
paragraphs with tabs: Quốc hiệu, Tiêu ngữ, agency (parent and issuing body), Số, place-date,
V/v, type name, trích yếu, căn cứ, Kính gửi, body, signature block and Nơi nhận.

    >>> zones = find_zones(document_lines(docx.Document("qd.docx")))
    >>> zones.so.text, zones.type_name.text
    ('Số: 15/QĐ-UBND', 'QUYẾT ĐỊNH')
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from docgen.lint.lines import Line
from docgen.lint.textform import fold, is_rule_text, is_upper, normalize_dashes
from docgen.layout.facts import FACTS

WORDS_FILE = Path(__file__).resolve().parents[1] / "data" / "lint_words.toml"
HEADER_SCAN = 40  # the header block lies within the first lines of a document
QUOC_HIEU = fold(FACTS["QH-01"]["text"])
TIEU_NGU = fold(FACTS["QH-02"]["text"])
SO_LINE = re.compile(r"^\s*Số\s*(?::|\.|(?=\s*\d)|(?=\s*/))", re.IGNORECASE)
# "Hà Nội, ngày 05 tháng 3 năm 2020", "ngày   tháng 3 năm 2020" (day left blank), "ngày 05/3/2020"
PLACE_DATE = re.compile(r"\bngày\b.*\btháng\b.*\bnăm\s*\d{2,4}|\bngày\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}")
VV_LINE = re.compile(r"^\s*V/v\b", re.IGNORECASE)
KINH_GUI = re.compile(r"^\s*Kính\s+gửi\b", re.IGNORECASE)
NOI_NHAN = re.compile(r"^\s*Nơi\s+nhận\b", re.IGNORECASE)
CAN_CU = re.compile(r"^\s*(Căn cứ|Theo đề nghị|Xét đề nghị|Xét)\b")
ITEM = re.compile(r"^\s*[-+•–—]\s*")
MARKS = {fold(t) for fid in ("MK-01", "MK-02", "MK-03") for t in FACTS[fid]["texts"]}


@functools.cache
def lint_words() -> dict:
    with open(WORDS_FILE, "rb") as handle:
        return tomllib.load(handle)


@functools.cache
def type_names() -> dict[str, tuple[str, str | None]]:
    """Folded type name → (name, Phụ lục III code) of the administrative types."""
    from extractors.wordlists import load

    return {
        fold(t["name"]): (t["name"], t.get("code"))
        for t in load("doc_types")["type"]
        if t.get("kind") == "hc"
    }


def authority_pattern() -> re.Pattern[str]:
    """Signing-authority line: "KT. CHỦ TỊCH", also old forms "K/T", "T/M" (CK-01)."""
    prefixes = [p.rstrip(".") for p in FACTS["CK-01"]["prefixes"]]
    old = [re.escape(k) for k in lint_words()["old_authority"]]
    names = "|".join(sorted(set(prefixes) | set(old), key=len, reverse=True))
    return re.compile(rf"^\s*({names})\s*\.?\s+\S")


AUTHORITY = authority_pattern()


@dataclass
class Zones:
    """The components found; an absent one is None or an empty list."""

    lines: list[Line]
    quoc_hieu: list[Line] = field(default_factory=list)
    tieu_ngu: Line | None = None
    agency_parent: list[Line] = field(default_factory=list)
    agency: list[Line] = field(default_factory=list)
    so: Line | None = None
    place_date: Line | None = None
    vv: list[Line] = field(default_factory=list)
    type_name: Line | None = None
    subject: list[Line] = field(default_factory=list)
    can_cu: list[Line] = field(default_factory=list)
    kinh_gui: Line | None = None
    kinh_gui_items: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    signature: list[Line] = field(default_factory=list)  # quyền hạn and chức vụ lines
    signer_name: Line | None = None
    co_signature: list[Line] = field(default_factory=list)  # left column of a biên bản: THƯ KÝ …
    co_signer_name: Line | None = None
    marks: list[Line] = field(default_factory=list)  # độ mật, mức độ khẩn, lưu hành (MK-01…03)
    noi_nhan: Line | None = None
    noi_nhan_items: list[Line] = field(default_factory=list)
    drafter: Line | None = None  # ký hiệu người soạn thảo and copy count, "PL.(300)" (KH-01)
    header_end: int = -1  # position in ``lines`` of the last header line

    @property
    def type_code(self) -> str | None:
        if self.type_name is None:
            return None
        return type_names()[fold(self.type_name.text)][1]

    @property
    def is_cong_van(self) -> bool:
        return self.type_name is None and bool(self.vv)


def find_zones(lines: list[Line]) -> Zones:
    """Label the lines of a document with the component each belongs to."""
    zones = Zones(lines)
    _find_header(zones)
    start = _find_title(zones, zones.header_end + 1)
    start = _find_can_cu(zones, start)
    start = _find_kinh_gui(zones, start)
    tail = _find_tail(zones, start)
    zones.body = [l for l in lines[start:tail] if l.text and not _is_decision_word(l)]
    return zones


# ── header ───────────────────────────────────────────────────────────────────────────────
def _find_header(zones: Zones) -> None:
    lines = _before_type_name(zones.lines[:HEADER_SCAN])
    zones.quoc_hieu = _quoc_hieu(lines)
    zones.tieu_ngu = next((l for l in lines if TIEU_NGU in fold(l.text)), None)
    zones.so = next((l for l in lines if SO_LINE.match(l.text)), None)
    zones.place_date = next(
        (l for l in lines if PLACE_DATE.search(l.text) and not SO_LINE.match(l.text)
         and not l.text.lstrip().startswith(("V/v", "v/v"))), None)
    found = [*zones.quoc_hieu, zones.tieu_ngu, zones.so, zones.place_date]
    positions = [zones.lines.index(l) for l in found if l is not None]
    zones.header_end = _header_end(zones, max(positions, default=-1))
    zones.vv = _vv(zones)
    agency = _agency(zones)
    zones.agency_parent, zones.agency = _split_agency(agency)
    zones.marks = [l for l in zones.lines[: zones.header_end + 6] if l.text and fold(l.text) in MARKS]


def _before_type_name(lines: list[Line]) -> list[Line]:
    """The header lies above the type name ("QUYẾT ĐỊNH"): dates below it are content."""
    names = type_names()
    for i, line in enumerate(lines):
        if i > 0 and line.column is None and fold(line.text) in names:
            return lines[:i]
    return lines


def _quoc_hieu(lines: list[Line]) -> list[Line]:
    for i, line in enumerate(lines):
        key = fold(line.text)
        if QUOC_HIEU in key:
            return [line]
        if key and QUOC_HIEU.startswith(key) and len(key) >= 6:
            following = [l for l in lines[i + 1:i + 3] if l.text]
            if following and key + fold(following[0].text) == QUOC_HIEU:
                return [line, following[0]]
    return []


def _header_end(zones: Zones, last: int) -> int:
    """The header table, when there is one, ends the header; else the last header line."""
    if last < 0:
        return last
    anchor = (zones.quoc_hieu or [zones.tieu_ngu or zones.lines[last]])[0]
    if anchor.para.cell is None:
        return last
    table = anchor.para.cell.table
    in_table = [i for i, l in enumerate(zones.lines) if l.para.cell and l.para.cell.table == table]
    return max(last, *in_table)


def _vv(zones: Zones) -> list[Line]:
    window = zones.lines[: zones.header_end + 4]
    start = next((l for l in window if VV_LINE.match(l.text)), None)
    if start is None:
        return []
    found = [start]
    position = zones.lines.index(start)
    for line in zones.lines[position + 1:]:
        same_place = line.para is start.para or (
            start.para.cell is not None and line.para.cell == start.para.cell)
        if not same_place or not line.text or is_rule_text(line.text):
            break
        found.append(line)
    return found


def _agency(zones: Zones) -> list[Line]:
    taken = {id(l) for l in [*zones.quoc_hieu, zones.tieu_ngu, zones.so, zones.place_date, *zones.vv] if l}
    stop = zones.lines.index(zones.so) if zones.so else zones.header_end + 1
    agency = []
    for line in zones.lines[:stop]:
        if id(line) in taken or not line.text or is_rule_text(line.text) or line.column == "right":
            continue
        if fold(line.text) in MARKS:
            continue
        agency.append(line)
    return agency


def _split_agency(agency: list[Line]) -> tuple[list[Line], list[Line]]:
    """Parent lines (cơ quan chủ quản) and issuing-body lines (CQ-01)."""
    heads = [h.upper() for h in lint_words()["issuing_heads"]]
    for i, line in enumerate(agency[1:], start=1):
        words = normalize_dashes(line.text).upper()
        if any(words == h or words.startswith(h + " ") for h in heads):
            return agency[:i], agency[i:]
    return [], agency


# ── title block ──────────────────────────────────────────────────────────────────────────
def _find_title(zones: Zones, start: int) -> int:
    """Type name and trích yếu (ô 5a); returns where the content starts."""
    names = type_names()
    candidates = [i for i in range(start, min(start + 6, len(zones.lines))) if zones.lines[i].text]
    for i in candidates[:3]:
        if fold(zones.lines[i].text) in names and fold(zones.lines[i].text) != fold("Công văn"):
            zones.type_name = zones.lines[i]
            return _subject(zones, i + 1)
    return start


def _subject(zones: Zones, start: int) -> int:
    position = start
    for line in zones.lines[start:start + 4]:
        text = line.text
        if not text or is_rule_text(text) or CAN_CU.match(text) or KINH_GUI.match(text):
            break
        if zones.subject and is_upper(text) and not is_upper(zones.subject[-1].text):
            break  # the authority line of a decision ("CHỦ TỊCH ỦY BAN NHÂN DÂN …")
        zones.subject.append(line)
        position += 1
    return position


def _find_can_cu(zones: Zones, start: int) -> int:
    first = next((i for i in range(start, min(start + 6, len(zones.lines)))
                  if zones.lines[i].text.startswith("Căn cứ")), None)
    if first is None:
        return start
    position, found = first, []
    while position < len(zones.lines) and (
            CAN_CU.match(zones.lines[position].text) or not zones.lines[position].text):
        if zones.lines[position].text:
            found.append(zones.lines[position])
        position += 1
    if position < len(zones.lines) and _is_decision_word(zones.lines[position]):
        zones.can_cu = found  # căn cứ ban hành end with "QUYẾT ĐỊNH:" / "QUYẾT NGHỊ:" (ND-01)
        return position
    return start


def _find_kinh_gui(zones: Zones, start: int) -> int:
    window = range(max(start - 2, zones.header_end + 1), min(start + 8, len(zones.lines)))
    found = next((i for i in window if KINH_GUI.match(zones.lines[i].text)), None)
    if found is None:
        return start
    zones.kinh_gui = zones.lines[found]
    position = found + 1
    while position < len(zones.lines) and ITEM.match(zones.lines[position].text):
        zones.kinh_gui_items.append(zones.lines[position])
        position += 1
    return max(start, position)


def _is_decision_word(line: Line) -> bool:
    """The centred "QUYẾT ĐỊNH:" / "QUYẾT NGHỊ:" line between căn cứ and Điều 1."""
    return line.text.rstrip().endswith(":") and is_upper(line.text) and len(line.text) < 20


# ── signature block and Nơi nhận ─────────────────────────────────────────────────────────
def _find_tail(zones: Zones, start: int) -> int:
    """Find Nơi nhận and the signature block after ``start``; returns where they begin."""
    lines = zones.lines
    noi_nhan = next((i for i in range(len(lines) - 1, start - 1, -1) if NOI_NHAN.match(lines[i].text)), None)
    authority = next((i for i in range(start, len(lines)) if AUTHORITY.match(lines[i].text)
                      and lines[i].column != "left" and is_upper(lines[i].text)), None)
    if noi_nhan is not None:
        zones.noi_nhan = lines[noi_nhan]
        zones.noi_nhan_items = _noi_nhan_items(lines, noi_nhan)
    zones.drafter = next((l for l in lines[start:] if FACTS["KH-01"].pattern.fullmatch(l.text.strip())), None)
    if zones.drafter in zones.noi_nhan_items:
        zones.noi_nhan_items = zones.noi_nhan_items[: zones.noi_nhan_items.index(zones.drafter)]
    tail = min(i for i in (noi_nhan, authority, _bare_title(zones, start), len(lines)) if i is not None)
    tail = _table_start(zones, tail, start)
    _signature(zones, tail)
    _co_signature(zones, tail)
    return tail


def _noi_nhan_items(lines: list[Line], position: int) -> list[Line]:
    label = lines[position]
    items = []
    for line in lines[position + 1:]:
        if not line.text or line.column == "right":
            continue
        in_cell = label.para.cell is not None and line.para.cell == label.para.cell
        if in_cell or (label.para.cell is None and ITEM.match(line.text)):
            items.append(line)
        elif items or label.para.cell is None:
            break
    return items


def _bare_title(zones: Zones, start: int) -> int | None:
    """A head signing in person has no prefix: uppercase title lines above the name."""
    lines = zones.lines
    name = next((i for i in range(len(lines) - 1, start, -1) if lines[i].text
                 and not ITEM.match(lines[i].text) and not NOI_NHAN.match(lines[i].text)), None)
    if name is None:
        return None
    if not _looks_like_name(lines[name].text):
        return None
    position = name - 1
    while position > start and not lines[position].text:
        position -= 1
    if position <= start or not is_upper(lines[position].text):
        return None
    while position - 1 > start and is_upper(lines[position - 1].text) and lines[position - 1].text:
        position -= 1
    return position


def _looks_like_name(text: str) -> bool:
    """A signer's name: two to six words, no sentence punctuation ("Nguyễn Văn An")."""
    words = text.split()
    return 2 <= len(words) <= 6 and not any(c in text for c in ".,;:!?()")


def _table_start(zones: Zones, tail: int, start: int) -> int:
    """A signature block inside a table starts where that table starts."""
    cell = zones.lines[tail].para.cell if tail < len(zones.lines) else None
    if cell is None:
        return tail
    first = next(i for i, l in enumerate(zones.lines) if l.para.cell and l.para.cell.table == cell.table)
    return max(first, start)


def _signature(zones: Zones, tail: int) -> None:
    skip = {id(l) for l in [zones.noi_nhan, *zones.noi_nhan_items, zones.drafter] if l is not None}
    left_cells = {id(l.para) for l in [*zones.noi_nhan_items, zones.drafter] if l is not None} | (
        {id(zones.noi_nhan.para)} if zones.noi_nhan else set())
    block = [l for l in zones.lines[tail:]
             if l.text and id(l) not in skip and l.column != "left" and not ITEM.match(l.text)
             and not (id(l.para) in left_cells and not l.tabbed)]
    block = _until_after_name(block)
    if len(block) < 2:
        return
    zones.signature, zones.signer_name = block[:-1], block[-1]


def _until_after_name(block: list[Line]) -> list[Line]:
    """Signature lines end with the name: the first line in normal case after the titles
    that reads as a name (else the first line in normal case)."""
    candidates = [i for i, line in enumerate(block)
                  if i > 0 and not is_upper(line.text) and not AUTHORITY.match(line.text)]
    named = [i for i in candidates if _looks_like_name(block[i].text)]
    if named or candidates:
        end = (named or candidates)[0]
        titles = [l for l in block[:end] if is_upper(l.text)] or block[:end]
        return [*titles, block[end]]
    return block


def _co_signature(zones: Zones, tail: int) -> None:
    """A second signature in the left column when Nơi nhận is not there (biên bản: THƯ KÝ)."""
    signer = zones.signer_name
    if signer is None or signer.para.cell is None:
        return
    if zones.noi_nhan is not None and zones.noi_nhan.para.cell is not None and \
            zones.noi_nhan.para.cell.table == signer.para.cell.table:
        return
    left = [l for l in zones.lines[tail:] if l.text and l.para.cell and l.column == "left"
            and l.para.cell.table == signer.para.cell.table]
    left = _until_after_name(left)
    if len(left) >= 2 and is_upper(left[0].text):
        zones.co_signature, zones.co_signer_name = left[:-1], left[-1]
