"""Is a word a Vietnamese syllable? The spelling rules of chữ Quốc ngữ, from ``data/syllables.toml``.

A syllable is an initial consonant (or none), a rime and a tone: "triển" = tr + iên + hỏi. OCR
slips often break the rules ("cria", "xdt", "tuyén" is fine but "tọc" is not: a rime closed by
p, t, c or ch takes only the sắc or nặng tone), and a text layer made by a scanner that does not
know Vietnamese is full of such words ("Vd viQc cho ph6p hqp nh6t"), in odd case ("ViCt").

>>> [is_syllable(w) for w in ("triển", "QUỐC", "Nguyễn", "cria", "ViCt", "tòc", "ghe", "ge")]
[True, True, True, False, False, False, True, False]
"""
from __future__ import annotations

import functools
import unicodedata

from extractors.wordlists import load

# combining tone marks: huyền, sắc, hỏi, ngã, nặng
TONE_MARKS = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
SHARP_OR_HEAVY = frozenset({2, 5})
_FRONT = ("i", "y", "e", "ê")  # vowels that want k, gh, ngh before them


@functools.cache
def _tables() -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...]]:
    data = load("syllables")
    onsets = tuple(sorted(data["onsets"], key=len, reverse=True))
    return onsets, frozenset(data["rimes"]), tuple(data["stop_codas"])


def split_tone(syllable: str) -> tuple[str, int | None]:
    """(the syllable without its tone mark, vowel marks kept; the tone 1–5 or None):
    "triển" → ("triên", 3)."""
    decomposed = unicodedata.normalize("NFD", syllable)
    tone = next((TONE_MARKS[c] for c in decomposed if c in TONE_MARKS), None)
    bare = "".join(c for c in decomposed if c not in TONE_MARKS)
    return unicodedata.normalize("NFC", bare), tone


def has_one_tone(syllable: str) -> bool:
    return sum(c in TONE_MARKS for c in unicodedata.normalize("NFD", syllable)) <= 1


def cased(word: str) -> bool:
    """Lower case, capitalised or all capitals: "việc", "Việc", "VIỆC" — not "ViCt"."""
    return word.islower() or word.isupper() or (word[:1].isupper() and word[1:].islower())


@functools.lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """Is ``word`` (letters only, in any sensible case) a Vietnamese syllable?"""
    if not word or not word.isalpha() or not cased(word) or not has_one_tone(word):
        return False
    toneless, tone = split_tone(word.lower())
    onset, rime = onset_and_rime(toneless)
    if rime is None:
        return False
    return tone is None or tone in SHARP_OR_HEAVY or not rime.endswith(_tables()[2])


def onset_and_rime(toneless: str) -> tuple[str, str | None]:
    """("tr", "iên") for "triên"; rime None when no spelling rule allows the word."""
    onsets, rimes, _ = _tables()
    onset = next((o for o in onsets if toneless.startswith(o)), "")
    rest = toneless[len(onset):]
    if onset == "gi":
        for rime in (rest, "i" + rest):  # gì = gi + i, giếng = gi + iêng
            if rime in rimes or rime == "i":
                return onset, rime
        return onset, None
    if onset == "qu":
        ok = rest in rimes and rest[:1] not in ("u", "ư")
        return onset, rest if ok else None
    if rest not in rimes or not _spelled_right(onset, rest):
        return onset, None
    return onset, rest


def _spelled_right(onset: str, rime: str) -> bool:
    """k, gh, ngh before i, y, e, ê; c, g, ng elsewhere; "yê…" rimes stand alone."""
    front = rime.startswith(_FRONT) and not rime.startswith("yê") or rime.startswith("iê")
    if onset in ("k", "gh", "ngh"):
        return front
    if onset in ("c", "g", "ng"):
        return not front
    return not (rime.startswith("yê") and onset)
