"""The record's text laid out as located lines, and the zones of the document's first part.

``layout_of`` joins the normalised pages into the record text (``DocText``) and keeps every
line's offset, page and column, so a field module can read a zone line by line and still
report a span. ``find_title`` locates the tên loại line ("KẾ HOẠCH", "QUYẾT ĐỊNH …").
"""
from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass

from extractors.casing import is_upper
from extractors.readers.model import Line, Page
from extractors.records import Span
from extractors.text import DocText
from extractors.textkeys import ascii_key
from extractors.wordlists import load


@dataclass(frozen=True)
class TextLine:
    """One line of the record text: its words, where it starts, its page and column."""

    text: str
    start: int
    page: int
    index: int  # position in Layout.lines
    line: Line

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def column(self) -> int | None:
        return self.line.column

    def handwritten(self, start: int, end: int) -> bool:
        """Whether the reader judged any of ``text[start:end]`` written by hand."""
        return any(a < end and start < b for a, b in self.line.handwritten)

    def span(self, start: int = 0, end: int | None = None) -> Span:
        """Span of ``text[start:end]`` of this line."""
        stop = len(self.text) if end is None else end
        return Span(self.page, self.start + start, self.start + stop)


@dataclass
class Layout:
    text: DocText
    lines: list[TextLine]
    ocr_pages: frozenset[int] = frozenset()  # 1-based numbers of pages read by OCR

    def page_lines(self, page: int) -> list[TextLine]:
        return [ln for ln in self.lines if ln.page == page]


def layout_of(pages: list[Page]) -> Layout:
    """Join pages into the record text, keeping each line's place."""
    chunks, located, pos = [], [], 0
    for p_index, page in enumerate(pages):
        page_start, page_text = pos, []
        for line in page.lines:
            if line.blank_before and page_text:
                page_text.append("")  # the blank line stays in the text: a paragraph break
                pos += 1
            located.append(TextLine(line.text, pos, p_index + 1, len(located), line))
            page_text.append(line.text)
            pos += len(line.text) + 1
        chunk = "\n".join(page_text)
        chunks.append(chunk)
        pos = page_start + len(chunk) + 1  # "\f" after each page
    ocr = frozenset(i + 1 for i, page in enumerate(pages) if page.ocr)
    return Layout(DocText.from_pages(chunks), located, ocr)


@functools.cache
def _types() -> list[tuple[str, dict]]:
    """(folded upper-case name, entry), longest names first so "THÔNG TƯ LIÊN TỊCH" wins."""
    entries = load("doc_types")["type"]
    pairs = [(ascii_key(t["name"]), t) for t in entries]
    return sorted(pairs, key=lambda p: -len(p[0]))


def type_of_title(text: str) -> dict | None:
    """The type entry a title line announces: "QUYẾT ĐỊNH CỦA UỶ BAN …" → Quyết định; also
    when OCR glued its words ("TỜTRÌNH") or slipped on a letter ("TỜ TRlNH")."""
    if not is_upper(text):
        return None
    key = ascii_key(text)
    for name, entry in _types():
        if key == name or key.startswith(name + " "):
            rest = key[len(name):].strip()
            if not rest or any(rest == w or rest.startswith(w + " ") for w in _next_words()):
                return entry
    return _slipped_title(_ocr_letters(key))


@functools.cache
def _next_words() -> tuple[str, ...]:
    return tuple(ascii_key(w) for w in load("header_words")["title"]["next_words"])


def _ocr_letters(key: str) -> str:
    for wrong, right in load("header_words")["title"]["ocr_letters"].items():
        key = key.replace(wrong, right)
    return key


TITLE_SIMILARITY = 0.86  # letters a title line may differ by from a type name (OCR slips)
TITLE_MARGIN = 0.08  # … and by how much more it must resemble that name than any other


def _slipped_title(key: str) -> dict | None:
    """The one type name a short line resembles closely, its spaces aside. Công văn has no
    title line, so it is never read from one (and "CÔNG AN" is not slipped "CÔNG VĂN")."""
    bare = key.replace(" ", "")
    if not bare.isalpha() or not 4 <= len(bare) <= 24:
        return None
    scored = sorted(((difflib.SequenceMatcher(None, bare, name.replace(" ", "")).ratio(), name, entry)
                     for name, entry in _types() if entry.get("code") or entry["kind"] != "hc"),
                    key=lambda t: -t[0])
    (best, name, entry), runner_up = scored[0], scored[1][0]
    if best >= TITLE_SIMILARITY and best - runner_up >= TITLE_MARGIN and bare[0] == name[0]:
        return entry
    return None
