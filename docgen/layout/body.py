"""Ô 6, the body: căn cứ, Phần/Chương/Mục/Điều/khoản/điểm numbered by the engine (ND-01…ND-10).

Templates never write numbers: ``<dieu>`` becomes "Điều 1.", ``<khoan>`` "1.", ``<diem>`` "a)",
``<chuong>`` "Chương I", ``<de_muc>`` "I.". Counters reset the way the decree nests them.

>>> diem_letter(4), diem_letter(5), diem_letter(6)
('đ', 'e', 'g')
>>> close_text("Cuộc họp kết thúc vào 11 giờ cùng ngày.")
'Cuộc họp kết thúc vào 11 giờ cùng ngày./.'
"""
from __future__ import annotations

from dataclasses import replace

from docgen.layout.content import Block
from docgen.layout.facts import FACTS, cm_to_twips
from docgen.layout.paragraphs import Spacing, Writer, look
from docgen.layout.title import strip_end
from docgen.vn.numbers import roman

LETTERS = FACTS["ND-07"]["letters"]
END_MARK = FACTS["ND-10"]["ends_with"]
INDENT = cm_to_twips(FACTS["G-06"].default("first_line_indent_cm"))
BODY = Spacing(
    after=FACTS["G-06"].default("space_after_pt"),
    line=FACTS["G-06"].default("line_spacing"),
    first_indent_twips=INDENT,
)
CENTRED = Spacing(before=6, after=0, line=BODY.line, keep_next=True)
# căn cứ lines are set like body paragraphs: justified (ND-01's align), with ND-01's indent
CAN_CU = replace(BODY, first_indent_twips=cm_to_twips(FACTS["ND-01"].default("first_line_indent_cm")))

# which counters a block resets when it opens (the decree's nesting)
RESETS = {
    "phan": ("muc", "tieu_muc", "de_muc", "khoan", "diem"),
    "chuong": ("muc", "tieu_muc", "khoan", "diem"),
    "muc": ("tieu_muc", "khoan", "diem"),
    "tieu_muc": ("khoan", "diem"),
    "de_muc": ("khoan", "diem"),
    "dieu": ("khoan", "diem"),
    "khoan": ("diem",),
    "diem": (),
}
LABEL_WORDS = {"phan": "Phần", "chuong": "Chương", "muc": "Mục", "tieu_muc": "Tiểu mục"}


def diem_letter(index: int) -> str:
    """0 → 'a', … 4 → 'đ', 6 → 'g' (no f): past 'y' letters double ('aa')."""
    if index < len(LETTERS):
        return LETTERS[index]
    return diem_letter(index // len(LETTERS) - 1) + LETTERS[index % len(LETTERS)]


def close_text(text: str) -> str:
    """End the last line of the content with './.' (ND-10)."""
    text = text.rstrip()
    if text.endswith(END_MARK):
        return text
    return text + ("/." if text.endswith(".") else END_MARK)


def close_body(blocks: list[Block]) -> list[Block]:
    """A copy of ``blocks`` whose last printed line ends with './.'."""
    if not blocks:
        return blocks
    last = blocks[-1]
    if last.children:
        last = replace(last, children=close_body(last.children))
    elif last.lines:
        last = replace(last, lines=last.lines[:-1] + [close_text(last.lines[-1])])
    elif last.title:
        last = replace(last, title=close_text(last.title))
    return blocks[:-1] + [last]


class BodyWriter:
    """Writes blocks in order, keeping the counters of every numbered level."""

    def __init__(self, container):
        self.writer = Writer(container)
        self.counters = {kind: 0 for kind in RESETS}
        self.counters["dieu"] = 0

    def _next(self, kind: str) -> int:
        self.counters[kind] += 1
        for lower in RESETS.get(kind, ()):
            self.counters[lower] = 0
        return self.counters[kind]

    def write(self, blocks: list[Block]) -> None:
        for block in blocks:
            getattr(self, f"_{block.kind}")(block)

    # ── plain text ──
    def _paragraphs(self, lines: list[str], fact: str = "G-06") -> None:
        for line in lines:
            self.writer.line(line, fact, BODY)

    def _doan(self, block: Block) -> None:
        self._paragraphs(block.lines)

    def _can_cu(self, block: Block) -> None:
        fact = FACTS["ND-01"]
        lines = [strip_end(line) for line in block.lines if line.strip()]
        for index, line in enumerate(lines):
            end = fact["last_ends_with"] if index == len(lines) - 1 else fact["ends_with"]
            self.writer.line(line + end, "ND-01", CAN_CU)

    def _tham_quyen(self, block: Block) -> None:
        for line in block.lines:
            self.writer.line(line, "TL-01", CENTRED)

    def _nhan(self, block: Block) -> None:
        for line in block.lines:
            self.writer.line(line, look("TL-01", upper=False), CENTRED)

    def _gach(self, block: Block) -> None:
        for line in block.lines:
            self.writer.line(f"- {line.lstrip('-– ').strip()}", "G-06", BODY)

    def _truong(self, block: Block) -> None:
        text = " ".join(block.lines)
        label = f"{block.label}: " if block.label else ""
        self.writer.line(f"{label}{text}", "G-06", BODY)

    # ── numbered levels ──
    def _labelled(self, block: Block, numeral: str, fact: str) -> None:
        """'Chương II' on its own line, the title in capitals under it, then the content."""
        word = LABEL_WORDS[block.kind]
        self.writer.line(f"{word} {numeral}", fact, CENTRED)
        if block.title:
            self.writer.line(block.title, look(fact, upper=True), CENTRED)
        self._paragraphs(block.lines)
        self.write(block.children)

    def _phan(self, block: Block) -> None:
        self._labelled(block, roman(self._next("phan")), "ND-03")

    def _chuong(self, block: Block) -> None:
        self._labelled(block, roman(self._next("chuong")), "ND-03")

    def _muc(self, block: Block) -> None:
        self._labelled(block, str(self._next("muc")), "ND-04")

    def _tieu_muc(self, block: Block) -> None:
        self._labelled(block, str(self._next("tieu_muc")), "ND-04")

    def _de_muc(self, block: Block) -> None:
        number = roman(self._next("de_muc"))
        self.writer.line(f"{number}. {block.title or ''}".rstrip(), "ND-09",
                         replace(BODY, keep_next=True), align="both")
        self._paragraphs(block.lines)
        self.write(block.children)

    def _numbered(self, block: Block, number: str, title_fact: str) -> None:
        """'1. Title' bold on its own line, or '1. first line' followed by the other lines."""
        if block.title:
            self.writer.line(f"{number} {block.title}", title_fact, replace(BODY, keep_next=True))
            self._paragraphs(block.lines)
        elif block.lines:
            first, *rest = block.lines
            self.writer.line(f"{number} {first}", "G-06", BODY)
            self._paragraphs(rest)
        else:
            self.writer.line(number, "G-06", BODY)
        self.write(block.children)

    def _dieu(self, block: Block) -> None:
        number = f"Điều {self._next('dieu')}."
        if block.title:
            self._numbered(block, number, "ND-05")
            return
        first, *rest = block.lines or [""]
        parts = [(number, look("ND-05")), (f" {first}" if first else "", look("G-06"))]
        self.writer.runs([p for p in parts if p[0]], look("G-06"), BODY)
        self._paragraphs(rest)
        self.write(block.children)

    def _khoan(self, block: Block) -> None:
        self._numbered(block, f"{self._next('khoan')}.", "ND-05")

    def _diem(self, block: Block) -> None:
        self._numbered(block, f"{diem_letter(self._next('diem') - 1)})", "ND-05")


def add_body(container, blocks: list[Block], close: bool = True) -> None:
    """Write the body; ``close`` ends its last line with './.'."""
    BodyWriter(container).write(close_body(blocks) if close else blocks)
