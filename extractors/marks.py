"""Vietnamese marks that OCR lost, restored from a dictionary of words.

OCR often drops or swaps a tone mark ("công bô" for "công bố", "giải quyêt" for "giải
quyết"). A pair of lower-case syllables, one of which is no syllable of underthesea's
dictionary, that is no word there, while exactly one dictionary word has the same letters
with other marks, is that word:

>>> restore_marks("V/v công bô Danh mục TTHC và quy trình giải quyêt TTHC")
'V/v công bô Danh mục TTHC và quy trình giải quyết TTHC'

("bô" is a syllable, so "công bô" is left to the second witness below.)

Capitalised syllables (names, places) are never touched, and a pair that already is a word
stays as it is, so correct text comes out unchanged.

The document itself is the second witness: a pair that OCR read without a tone mark in the
subject ("đôi tên") but that the rest of the document prints more often with one ("đổi
tên") takes the marked spelling (``agree_with_document``). Only a lost tone mark is put
back; a mark is never taken away or changed for another.
"""
from __future__ import annotations

import functools
import re
from collections import Counter

from extractors import nlp
from extractors.wordlists import load
from extractors.textkeys import ascii_key, fold, strip_marks, tone_of

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
    syllables = list(_SYLLABLE.finditer(text))
    out, pos, i = [], 0, 0
    while i < len(syllables) - 1:
        a, b = syllables[i], syllables[i + 1]
        pair = f"{a.group()} {b.group()}"
        better = _better_spelling(pair, rest) if text[a.end():b.start()] == " " else None
        if better is not None:
            out.append(text[pos:a.start()] + _with_case_of(a.group(), better.split()[0])
                       + " " + _with_case_of(b.group(), better.split()[1]))
            pos, i = b.end(), i + 2
            continue
        i += 1
    return "".join(out) + text[pos:]


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


@functools.cache
def syllables() -> frozenset[str]:
    """Every syllable of the dictionary's words, lower case."""
    return frozenset(part for word in nlp.dictionary() for part in word.split() if part.isalpha())


_VOWELS = set("aăâeêioôơuưy")
MIN_GLUED = 5  # letters: shorter runs ("kêpi", "côca") are more often loanwords than slips


def split_glued(text: str) -> str:
    """``text`` with each lower-case run of letters that is no syllable, but is two syllables
    in exactly one way, parted by a space: a space the source lost between two words. The
    second syllable must begin with a consonant (a run read "tu|ốc" is a misspelt syllable,
    not two) and written loanwords ("milimét", "hécta") are left whole.

    >>> split_glued("ứng phó sự cốbức xạ; bồi dưỡngvà cấp chứng chỉ; 5 milimét; Nguyễn Văn Anh")
    'ứng phó sự cố bức xạ; bồi dưỡng và cấp chứng chỉ; 5 milimét; Nguyễn Văn Anh'
    """
    known, loanwords = syllables(), _loanwords()

    def part(match: re.Match) -> str:
        run = match.group()
        if (len(run) < MIN_GLUED or not run.islower() or run.isascii() or run in known
                or run in loanwords):
            return run
        splits = [(run[:i], run[i:]) for i in range(2, len(run) - 1)
                  if run[:i] in known and run[i:] in known and _onset_is_consonant(run[i:])
                  and any(c in _VOWELS for c in strip_marks(run[:i]))]
        return " ".join(splits[0]) if len(splits) == 1 else run

    return _SYLLABLE.sub(part, text)


def _onset_is_consonant(syllable: str) -> bool:
    return strip_marks(syllable[0]).lower() not in _VOWELS


@functools.cache
def _loanwords() -> frozenset[str]:
    return frozenset(load("spelling")["joined_loanwords"])
