"""The document as a witness to its own spelling: a pair of syllables that OCR read without a
tone mark in one place ("đôi tên") but that the rest of the document prints more often with one
("đổi tên") takes the marked spelling. Only a lost tone mark is put back; a mark is never taken
away or changed for another, and a spelling as frequent as the one read is left alone.

>>> rest = pair_spellings("Hội đồng đã đổi tên cơ quan; việc đổi tên xong.")
>>> agree_with_document("Nghị quyết đôi tên cơ quan", rest)
'Nghị quyết đổi tên cơ quan'
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from extractors.textkeys import ascii_key, fold, tone_of

_SYLLABLE = re.compile(r"[^\W\d_]+")


def _replace_pairs(text: str, choose: Callable[[str, str], str | None]) -> str:
    """``text`` with each pair of syllables parted by one space, left to right, replaced by
    ``choose(first, second)`` where that gives a spelling; a replaced pair is not read again."""
    syllables = list(_SYLLABLE.finditer(text))
    out, pos, i = [], 0, 0
    while i < len(syllables) - 1:
        a, b = syllables[i], syllables[i + 1]
        better = choose(a.group(), b.group()) if text[a.end():b.start()] == " " else None
        if better is not None:
            out.append(text[pos:a.start()] + better)
            pos, i = b.end(), i + 2
            continue
        i += 1
    return "".join(out) + text[pos:]


def pair_spellings(text: str) -> dict[str, Counter]:
    """Every pair of adjacent lower-case syllables of ``text``, counted by spelling and
    grouped by bare letters: {"doi ten": Counter({"đổi tên": 2, "đôi tên": 1})}."""
    syllables = list(_SYLLABLE.finditer(text))
    out: dict[str, Counter] = {}
    for a, b in zip(syllables, syllables[1:]):
        pair = f"{a.group()} {b.group()}".lower()
        if text[a.end():b.start()] == " ":
            out.setdefault(ascii_key(pair), Counter())[pair] += 1
    return out


def agree_with_document(text: str, rest: dict[str, Counter]) -> str:
    """``text`` (read by OCR) with each pair of syllables that lacks a tone mark spelled as
    the rest of the document (``rest``, from ``pair_spellings``) more often spells it.

    >>> rest = pair_spellings("Hội đồng đã đổi tên cơ quan; việc đổi tên xong.")
    >>> agree_with_document("Nghị quyết đôi tên cơ quan", rest)
    'Nghị quyết đổi tên cơ quan'
    """
    def choose(a: str, b: str) -> str | None:
        better = _better_spelling(f"{a} {b}", rest)
        if better is None:
            return None
        first, second = better.split()
        return f"{_with_case_of(a, first)} {_with_case_of(b, second)}"

    return _replace_pairs(text, choose)


def _better_spelling(pair: str, rest: dict[str, Counter]) -> str | None:
    spellings = rest.get(ascii_key(pair))
    if not spellings:
        return None
    written = pair.lower()
    best, count = spellings.most_common(1)[0]
    if best == written or count <= spellings.get(written, 0):
        return None
    if all(_adds_tone(x, y) or x == y for x, y in zip(written.split(), best.split())):
        return best
    return None


def _adds_tone(found: str, other: str) -> bool:
    """``other`` is ``found`` with a tone mark that ``found`` (toneless) lacks: "đôi" → "đổi"."""
    return tone_of(found) is None and tone_of(other) is not None and \
        fold(other).rstrip("12345") == fold(found)


def _with_case_of(original: str, word: str) -> str:
    return word[0].upper() + word[1:] if original[:1].isupper() else word
