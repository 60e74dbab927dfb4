"""Small builders for the deep-field tests: text → DocText, and items without their spans."""
from __future__ import annotations

import dataclasses

from extractors.text import DocText


def doc(text: str) -> DocText:
    return DocText.plain(text)


def bare(item):
    """An item with ``span`` dropped, so tables compare the values only."""
    return dataclasses.replace(item, span=None)


def spans_inside(items, text: str) -> bool:
    return all(0 <= it.span.start <= it.span.end <= len(text) for it in items if it.span)
