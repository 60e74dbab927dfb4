"""HTML → ``RawDocument`` with the standard library's parser.

Block elements (p, div, h1–h6, li, br, tr, …) end a line; scripts, styles and head are
dropped; entities are decoded by the parser. A table row of exactly two cells (the
header "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI …") is read as two columns: the left cells
of consecutive two-cell rows first (column 0), then the right cells (column 1).

Example: ``<table><tr><td>BỘ TÀI CHÍNH</td><td>CỘNG HÒA …</td></tr></table><p>Điều 1</p>``
→ "BỘ TÀI CHÍNH" (0), "CỘNG HÒA …" (1), "Điều 1".
"""
from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from extractors.readers.model import CellRef, Line, Page, RawDocument
from extractors.readers.txt import decode_text, read_text

BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table",
          "section", "article", "header", "footer", "blockquote", "pre", "hr", "ul", "ol",
          "dt", "dd", "title", "center"}
SKIPPED = {"script", "style", "head", "noscript", "template", "svg", "iframe"}
CELLS = {"td", "th"}
SPACES = re.compile(r"\s+")
CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)


def read_html(path: str | Path) -> RawDocument:
    """Read an HTML file into one page of lines."""
    text, warning = read_text(path, _decode)
    parser = _LineParser()
    parser.feed(text)
    parser.close()
    doc = RawDocument(path=str(path), format="html", text_layer=True, page_count=1)
    doc.pages = [Page(number=1, lines=parser.finish())]
    if warning:
        doc.warnings.append(warning)
    return doc


def _decode(data: bytes, subject: str) -> tuple[str, str | None]:
    declared = CHARSET.search(data[:4096])
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        try:
            return data.decode(declared.group(1).decode("ascii")), None
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data, subject)


class _LineParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[Line] = []
        self.buffer: list[str] = []
        self.skip = 0
        self.row: list[list[str]] | None = None  # cells of the open <tr>, each a list of lines
        self.band: list[list[list[str]]] = []  # consecutive two-cell rows
        self.tables = -1        # <table>s opened so far, less one: the open table's number
        self.rows = 0           # rows of three cells or more read in the open table

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self.skip += 1
        elif tag == "table":
            self.tables, self.rows = self.tables + 1, 0
        elif tag == "tr":
            if self.row is not None:
                self._end_row()
            self._flush()
            self.row = []
        elif tag in CELLS and self.row is not None:
            self._flush()
            self.row.append([])
        elif tag in BLOCKS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in SKIPPED:
            self.skip = max(self.skip - 1, 0)
        elif tag == "tr":
            self._end_row()
        elif tag in BLOCKS or tag in CELLS:
            self._flush()
        if tag == "table":
            self._end_band()

    def handle_data(self, data):
        if not self.skip:
            self.buffer.append(data)

    def _flush(self):
        text = unicodedata.normalize("NFC", SPACES.sub(" ", "".join(self.buffer))).strip()
        self.buffer = []
        if not text:
            return
        if self.row is not None and self.row:
            self.row[-1].append(text)
        else:
            self.lines.append(Line(text))

    def _end_row(self):
        self._flush()
        row, self.row = self.row or [], None
        if len(row) == 2 and any(row):
            self.band.append(row)
            return
        self._end_band()
        if len(row) >= 3 and self.tables >= 0:  # a table of data: its cells keep their places
            self.lines.extend(Line(t, cell=CellRef(self.tables, self.rows, c))
                              for c, cell in enumerate(row) for t in cell)
            self.rows += 1
            return
        self.lines.extend(Line(t) for cell in row for t in cell)

    def _end_band(self):
        for side in (0, 1):
            self.lines.extend(Line(t, column=side) for row in self.band for t in row[side])
        self.band = []

    def finish(self) -> list[Line]:
        self._flush()
        if self.row is not None:
            self._end_row()
        self._end_band()
        return self.lines
