"""The record's text and the offsets that spans point into.

Lines are joined with "\n" and pages with "\f" (form feed), so page ``n`` starts right
after the ``n-1``-th form feed. ``DocText.span`` turns offsets into a ``Span`` with its page.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from extractors.records import Span

PAGE_BREAK = "\f"


@dataclass(frozen=True)
class DocText:
    text: str
    page_starts: tuple[int, ...] = (0,)

    @classmethod
    def from_pages(cls, pages: list[str]) -> "DocText":
        starts, pos = [], 0
        for page in pages:
            starts.append(pos)
            pos += len(page) + len(PAGE_BREAK)
        return cls(PAGE_BREAK.join(pages), tuple(starts) or (0,))

    @classmethod
    def plain(cls, text: str) -> "DocText":
        return cls.from_pages(text.split(PAGE_BREAK))

    def page_of(self, offset: int) -> int:
        """1-based page holding character ``offset``."""
        return bisect.bisect_right(self.page_starts, offset)

    def span(self, start: int, end: int) -> Span:
        return Span(page=self.page_of(start), start=start, end=end)
