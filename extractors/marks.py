"""Vietnamese marks that OCR lost, restored from a dictionary of words.

OCR often drops or swaps a tone mark ("công bô" for "công bố", "giải quyêt" for "giải
quyết"). A pair of lower-case syllables that is no word of underthesea's dictionary, while
exactly one dictionary word has the same letters with other marks, is that word:

>>> restore_marks("V/v công bô Danh mục TTHC và quy trình giải quyêt TTHC")
'V/v công bố Danh mục TTHC và quy trình giải quyết TTHC'

Capitalised syllables (names, places) are never touched, and a pair that already is a word
stays as it is, so correct text comes out unchanged.
"""
from __future__ import annotations

import functools
import re

from extractors import nlp
from extractors.textkeys import ascii_key, fold

_SYLLABLE = re.compile(r"[^\W\d_]+")


@functools.cache
def _by_letters() -> dict[str, str | None]:
    """Two-syllable words by their bare letters; None where two words share the letters."""
    out: dict[str, str | None] = {}
    for word in nlp.dictionary():
        parts = word.split()
        if len(parts) != 2 or not all(p.isalpha() for p in parts):
            continue
        key = ascii_key(word)
        out[key] = None if key in out and out[key] != word else word
    return out


def restore_marks(text: str) -> str:
    """``text`` with each unknown lower-case syllable pair replaced by its dictionary word."""
    syllables = list(_SYLLABLE.finditer(text))
    words, known = _by_letters(), nlp.dictionary()
    out, pos, i = [], 0, 0
    while i < len(syllables) - 1:
        a, b = syllables[i], syllables[i + 1]
        pair = f"{a.group()} {b.group()}"
        adjacent = text[a.end():b.start()] == " "
        broken = a.group() not in known or b.group() not in known
        if adjacent and broken and pair.islower() and pair not in known:
            candidate = words.get(ascii_key(pair))
            if candidate and fold(candidate) != fold(pair):
                out.append(text[pos:a.start()] + candidate)
                pos, i = b.end(), i + 2
                continue
        i += 1
    return "".join(out) + text[pos:]
