"""Small text helpers of the deep fields: white-space folding and comparison keys."""
from __future__ import annotations

import bisect
import re
import unicodedata

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def clean(text: str) -> str:
    """NFC, runs of white space (wraps included) folded to one space, ends trimmed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def fold_key(text: str) -> str:
    """A key for "same item" tests: "Quyết định  số 749/QÐ-TTg" → "quyết định số 749/qđ-ttg"."""
    return clean(text.replace("Ð", "Đ")).casefold()


def syllables(text: str) -> list[str]:
    """Folded syllables: "Chuyển đổi số," → ["chuyển", "đổi", "số"]."""
    return _WORD.findall(fold_key(text))


def overlap_share(reference: str, other: str) -> float:
    """Share of ``reference``'s syllables found in ``other`` (0 when ``reference`` is empty)."""
    ref, oth = set(syllables(reference)), set(syllables(other))
    return len(ref & oth) / len(ref) if ref else 0.0


class SpanSet:
    """A set of (start, end) spans that answers "is this offset inside one?" in log time."""

    def __init__(self, spans) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def __contains__(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]
