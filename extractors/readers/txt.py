"""Plain text and Markdown → ``RawDocument``: one line per text line, "\\f" starts a page.

Encodings: UTF-8 (with or without BOM), UTF-16 with BOM; other 8-bit text is decoded as
Windows-1252 with a warning, which keeps legacy TCVN3/VNI bytes as the code points
``extractors.normalize`` converts. Binary junk (NUL bytes, many control characters) is
refused.

Example: ``read_txt("cv.txt")`` on "ỦY BAN NHÂN DÂN\\nSố: 12/UBND\\f2" → two pages, the
first with lines "ỦY BAN NHÂN DÂN", "Số: 12/UBND".
"""
from __future__ import annotations

import codecs
import dataclasses
import re
import unicodedata
from pathlib import Path

from docgen.errors import UnreadableDocument
from extractors.readers.model import CellRef, Line, Page, RawDocument

CONTROL_SHARE = 0.05  # more control characters than this: binary data
ALLOWED_CONTROLS = set("\t\n\r\f\v\x1b")


def read_txt(path: str | Path) -> RawDocument:
    """Read a text file into pages of lines (NFC, trailing blanks stripped, empty lines dropped)."""
    text, warning = read_text(path)
    doc = RawDocument(path=str(path), format="txt", text_layer=True)
    if warning:
        doc.warnings.append(warning)
    doc.pages = pages_from_text(text)
    doc.page_count = len(doc.pages)
    return doc


def decode_text(data: bytes, subject: str) -> tuple[str, str | None]:
    """(text, warning) of the bytes of a text file; UnreadableDocument for binary data."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), subject), None
            except UnicodeDecodeError as exc:
                raise UnreadableDocument(subject, f"broken {encoding.upper()} text ({exc.reason})")
    if b"\x00" in data[:65536]:
        raise UnreadableDocument(subject, "binary data, not text")
    try:
        return _checked(data.decode("utf-8"), subject), None
    except UnicodeDecodeError:
        text = _checked(data.decode("cp1252", errors="replace"), subject)
        return text, "not UTF-8: decoded as Windows-1252 (legacy encoding?)"


def _checked(text: str, subject: str) -> str:
    sample = text[:65536]
    controls = sum(1 for c in sample if (ord(c) < 32 or 0x7F <= ord(c) < 0xA0)
                   and c not in ALLOWED_CONTROLS)
    if sample and controls / len(sample) > CONTROL_SHARE:
        raise UnreadableDocument(subject, "binary data, not text")
    return unicodedata.normalize("NFC", text)


def read_text(path: str | Path, decode=decode_text) -> tuple[str, str | None]:
    """(text, warning) of the file at ``path``, its bytes decoded by ``decode``;
    UnreadableDocument when it cannot be opened. Shared with ``html``."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UnreadableDocument(str(path), exc.strerror or "cannot open file")
    return decode(data, str(path))


CELL = " | "  # how text scraped from a web page joins the cells of a table row


def pages_from_text(text: str) -> list[Page]:
    """Pages split at form feeds, lines at line breaks; blank lines left out, the line after
    one marked ``blank_before`` (a paragraph starts there). A line of two table cells joined
    by " | " ("BỘ TÀI CHÍNH | CỘNG HÒA XÃ HỘI …") gives the left cell (column 0) then the
    right one (column 1); a row of more cells ("TT | Chỉ tiêu | Năm 2030", Markdown's "| … |")
    gives one line a cell, tagged with its place in the table (``CellRef``)."""
    pages = []
    rows = _Rows()
    for number, chunk in enumerate(text.split("\f"), 1):
        lines: list[Line] = []
        blank = False
        for t in chunk.splitlines():
            if not t.strip():
                blank = bool(lines)
                rows.end()
                continue
            if _RULE_ROW.match(t) and CELL.strip() in t:
                continue  # "|---|---|" under a Markdown header: the table goes on
            cells = rows.tag(_cells(t.rstrip()))
            if blank and cells:
                cells[0] = dataclasses.replace(cells[0], blank_before=True)
            lines.extend(cells)
            blank = False
        pages.append(Page(number=number, lines=lines))
    while len(pages) > 1 and not pages[-1].lines:
        pages.pop()
    return pages


_RULE_ROW = re.compile(r"^[\s|:\-–—=+]*$")


class _Rows:
    """Numbers the rows of consecutive lines of three cells or more: one table (``CellRef``)."""

    def __init__(self) -> None:
        self.table, self.row = -1, None

    def tag(self, cells: list[Line]) -> list[Line]:
        if len(cells) < 3:
            self.end()
            return cells
        if self.row is None:
            self.table, self.row = self.table + 1, 0
        else:
            self.row += 1
        return [dataclasses.replace(c, cell=CellRef(self.table, self.row, i)) for i, c in enumerate(cells)]

    def end(self) -> None:
        self.row = None


def _cells(text: str) -> list[Line]:
    cells = [c.strip() for c in text.strip().strip("|").split("|")] if text.count("|") >= 2 \
        else [c.strip() for c in text.split(CELL)] if CELL in text else [text]
    cells = [c for c in cells if c]
    if len(cells) == 2:
        return [Line(cells[0], column=0), Line(cells[1], column=1)]
    return [Line(c) for c in cells]
