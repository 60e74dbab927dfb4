"""Syllables that OCR (or a typist) ran together: "cốbức", OCR's "SỞNỘIVỤ", "Vềviệc".

``split_glued`` parts a run of letters that is no syllable but reads as 2–4 dictionary syllables
in exactly one way (a rule safe on any text, so it serves text layers too); ``segmentations``
gives the ways to part a run into two or three syllables, for the correction stage to weigh
with its language model.
"""
from __future__ import annotations

import functools
import re

from extractors import nlp
from extractors.correct.syllables import is_syllable
from extractors.textkeys import strip_marks
from extractors.wordlists import load

_SYLLABLE = re.compile(r"[^\W\d_]+")
_VOWELS = set("aăâeêioôơuưy")


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


def is_loanword(word: str) -> bool:
    """"milimét", "hécta": a loanword written as one run although its parts are syllables."""
    return word.lower() in _loanwords()


@functools.cache
def _loanwords() -> frozenset[str]:
    return frozenset(load("spelling")["joined_loanwords"])


def segmentations(run: str, known: frozenset[str], most: int = 3) -> list[tuple[str, ...]]:
    """The ways to write the lower-case ``run`` as 2–``most`` ``known`` syllables of two or
    more letters, each a spelling Vietnamese allows: "vềviệc" → [("về", "việc")]."""
    if len(run) < 4 or run in known:
        return []
    found: list[tuple[str, ...]] = []

    def walk(start: int, parts: tuple[str, ...]) -> None:
        if len(found) > 3 or len(parts) >= most:
            return
        for end in range(start + 2, len(run) + 1):
            piece = run[start:end]
            if piece not in known or not is_syllable(piece) or not _vietnamese_onset(piece):
                continue
            if end == len(run):
                if parts:
                    found.append(parts + (piece,))
            else:
                walk(end, parts + (piece,))

    walk(0, ())
    return found
