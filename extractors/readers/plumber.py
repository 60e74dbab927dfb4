"""pdfplumber as the second opinion on pages whose glyphs pypdfium2 could not map.

pdfminer (under pdfplumber) reads fonts its own way and sometimes maps glyphs that
pdfium leaves as private-use or U+FFFD code points. It is opened lazily — only when a
page needs it — and each page is closed (its caches flushed) after use.

Example: ``LazyPlumber("x.pdf").lines(0, [])`` → lines of page 1, columns as in ``layout``.
"""
from __future__ import annotations

from extractors.readers.layout import Word, lines_from_words
from extractors.readers.model import Line


class LazyPlumber:
    """A pdfplumber document opened on first use."""

    def __init__(self, path: str):
        self.path = path
        self._pdf = None

    def lines(self, index: int, masks: list[tuple]) -> list[Line]:
        """Lines of page ``index`` without the words inside ``masks``; [] if unreadable."""
        try:
            return self._lines(index, masks)
        except Exception:  # pdfminer raises many kinds on odd files; the caller falls back
            return []

    def _lines(self, index: int, masks: list[tuple]) -> list[Line]:
        page = self._page(index)
        try:
            words = [_word(w) for w in page.extract_words(extra_attrs=["size", "fontname"])]
            words = [w for w in words if not any(_inside(w, m) for m in masks)]
            return lines_from_words(words, float(page.width))
        finally:
            page.close()

    def tables(self, index: int) -> list:
        """The ruled tables of page ``index`` (``pdf_tables.FoundTable``); [] if unreadable."""
        from extractors.readers.pdf_tables import find_tables

        try:
            page = self._page(index)
        except Exception:
            return []
        try:
            return find_tables(page)
        except Exception:  # pdfminer raises many kinds on odd files: the lines stand as read
            return []
        finally:
            page.close()

    def _page(self, index: int):
        if self._pdf is None:
            import pdfplumber

            self._pdf = pdfplumber.open(self.path)
        return self._pdf.pages[index]

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None


def _word(raw: dict) -> Word:
    font = str(raw.get("fontname", ""))
    return Word(raw["text"], float(raw["x0"]), float(raw["top"]), float(raw["x1"]),
                float(raw["bottom"]), size=round(float(raw.get("size") or 0), 2) or None,
                bold="bold" in font.lower() if font else None)


def _inside(word: Word, box: tuple) -> bool:
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]
