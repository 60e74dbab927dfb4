"""Build laid-out text from plain lines for field tests: "text" or (text, column)."""
from __future__ import annotations

from extractors.readers.model import Line, Page
from extractors.segment import Layout, TextLine, layout_of


def layout(*lines: str | tuple[str, int | None], pages: list[list] | None = None) -> Layout:
    groups = pages if pages is not None else [list(lines)]
    built = []
    for number, group in enumerate(groups, start=1):
        page_lines = []
        for item in group:
            text, column = (item, None) if isinstance(item, str) else item
            page_lines.append(Line(text, column=column))
        built.append(Page(number, page_lines))
    return layout_of(built)


def lines(*items: str | tuple[str, int | None]) -> list[TextLine]:
    return layout(*items).lines
