"""Vietnamese words that OCR broke (lost tone marks, lost spaces), mended from a dictionary.

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

OCR also loses the space between syllables ("cốbức", "SỞNỘIVỤ"): ``split_glued`` parts a run
of letters that is no syllable but reads as 2–4 dictionary syllables in exactly one way.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable

from extractors import nlp
from extractors.wordlists import load
from extractors.textkeys import ascii_key, fold, strip_marks, tone_of

_SYLLABLE = re.compile(r"[^\W\d_]+")
_VOWELS = set("aăâeêioôơuưy")


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


def restore_marks(text: str) -> str:
    """``text`` with each unknown lower-case syllable pair replaced by its dictionary word."""
    words, known = _by_letters(), nlp.dictionary()

    def choose(a: str, b: str) -> str | None:
        pair = f"{a} {b}"
        if (a in known and b in known) or not pair.islower() or pair in known:
            return None
        candidate = words.get(ascii_key(pair))
        return candidate if candidate and fold(candidate) != fold(pair) else None

    return _replace_pairs(text, choose)


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


@functools.cache
def syllables() -> frozenset[str]:
    """Every syllable of the dictionary's words (lower case) that holds a vowel."""
    return frozenset(part for word in nlp.dictionary() for part in word.split()
                     if part.isalpha() and any(c in _VOWELS for c in strip_marks(part)))


MIN_GLUED = 5  # letters: shorter runs ("kêpi", "côca") are more often loanwords than slips …
MIN_GLUED_CAPITALS = 4  # … but not in the capitals of a header ("ĐỀÁN")
MAX_PARTS = 4


def split_glued(text: str) -> str:
    """``text`` with each run of letters that is no syllable, but is 2–4 syllables in exactly
    one way, parted by spaces: spaces the source lost between words ("cốbức", OCR's
    "SỞNỘIVỤ"). The run is in lower case or in capitals: a capitalised run is a name
    ("Đakrông"). Each syllable opens with a Vietnamese initial consonant or none, and one
    after the first that begins with a vowel must make a dictionary word with the one before
    it ("ĐỀ|ÁN"; a run that reads "tu|ốc" or "HẢ|ÁI" is a misspelt syllable, not two);
    written loanwords ("milimét", "hécta") and the pieces of a hyphenated foreign name
    ("Bê-larút") are left whole.

    >>> split_glued("ứng phó sự cốbức xạ; bồi dưỡngvà cấp chứng chỉ; 5 milimét; Nguyễn Văn Anh")
    'ứng phó sự cố bức xạ; bồi dưỡng và cấp chứng chỉ; 5 milimét; Nguyễn Văn Anh'
    >>> split_glued("UBND TỈNH BẮC NINH / SỞNỘIVỤ / ĐỀÁN")
    'UBND TỈNH BẮC NINH / SỞ NỘI VỤ / ĐỀ ÁN'
    """
    known, loanwords = syllables(), _loanwords()

    def part(match: re.Match) -> str:
        run = match.group()
        lower = run.lower()
        cased = run.islower() or run.isupper()
        shortest = MIN_GLUED_CAPITALS if run.isupper() else MIN_GLUED
        if (len(run) < shortest or not cased or run.isascii() or lower in known
                or lower in loanwords or _hyphenated(match)):
            return run
        cuts = _segmentations(lower, known)
        if len(cuts) != 1:
            return run
        bounds = [0, *cuts[0], len(run)]
        return " ".join(run[a:b] for a, b in zip(bounds, bounds[1:]))

    return _SYLLABLE.sub(part, text)


def _hyphenated(match: re.Match) -> bool:
    """Is the run a piece of a word written with hyphens ("Bê-larút", "Xanh-pê-tec-bua")?"""
    text, start, end = match.string, match.start(), match.end()
    return (start > 0 and text[start - 1] == "-") or (end < len(text) and text[end] == "-")


def _segmentations(run: str, known: frozenset[str]) -> list[tuple[int, ...]]:
    """The ways (cut offsets, at most two found) to write ``run`` as 2–``MAX_PARTS`` known
    syllables of two or more letters each."""
    found: list[tuple[int, ...]] = []

    def walk(start: int, cuts: tuple[int, ...]) -> None:
        if len(found) > 1 or len(cuts) >= MAX_PARTS:
            return
        for end in range(start + 2, len(run) + 1):
            piece = run[start:end]
            if piece not in known or not _vietnamese_onset(piece):
                continue
            if cuts and not _may_follow(run[cuts[-2] if len(cuts) > 1 else 0:start], piece):
                continue
            if end == len(run):
                if cuts:
                    found.append(cuts)
            else:
                walk(end, cuts + (end,))

    walk(0, ())
    return found


# the initial consonants of Vietnamese syllables
_ONSETS = frozenset("b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x".split())


def _vietnamese_onset(syllable: str) -> bool:
    bare = strip_marks(syllable.replace("đ", "\0")).replace("\0", "đ")
    onset = bare[:next((i for i, c in enumerate(bare) if c in _VOWELS), len(bare))]
    return not onset or onset in _ONSETS or (onset == "q" and bare.startswith("qu"))


def _may_follow(before: str, syllable: str) -> bool:
    """May ``syllable`` follow ``before`` in a glued run: it starts with a consonant, or the
    two are a word of the dictionary ("đề án")."""
    return strip_marks(syllable[0]) not in _VOWELS or f"{before} {syllable}" in nlp.dictionary()


@functools.cache
def _loanwords() -> frozenset[str]:
    return frozenset(load("spelling")["joined_loanwords"])
