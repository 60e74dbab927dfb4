"""Personal names in OCR lines, with the marks OCR misread restored.

A run of a surname and one to four capitalised syllables, each of them a name syllable of the
lists marks aside, is a name ("Trân Phước Hiên"; not "Quảng Ngãi", nor a header in capitals). A name
the PDF's digital signature carries, equal but for marks, is written as the signature has it;
otherwise each syllable that is no name syllable of ``data/person_names.toml`` but is one with
its tone mark lost takes the mark ("Trần Phước Hiền"), and one with its tone misread takes the
listed tone if the list of its place has it (a surname first, a given name after: "Trần Hoàng
Tuần" → "Tuấn", but "Phạm Triều" is no "Triệu", a surname). A syllable with other marks
("Đương", not "Dương") is left as read: OCR slips on tones far more than on đ or the hats.

>>> restore_names("KT. GIÁM ĐỐC / Trân Phước Hiên", [])
'KT. GIÁM ĐỐC / Trần Phước Hiền'
"""
from __future__ import annotations

import re

from extractors.correct.syllables import split_tone
from extractors.names import is_name_syllable, is_surname, name_syllables
from extractors.textkeys import ascii_key

_WORDS = re.compile(r"[^\W\d_]+")


def restore_names(text: str, evidence: list[str]) -> str:
    """``text`` with each run of two to five capitalised words ("Trần Văn An", not "TỜ
    TRÌNH") that makes a name restored."""
    words = list(_WORDS.finditer(text))
    out, pos, i = [], 0, 0
    while i < len(words):
        j = i
        while j < len(words) and _capitalised(words[j].group()) and \
                (j == i or text[words[j - 1].end():words[j].start()] == " "):
            j += 1
        if 2 <= j - i <= 5:
            run = text[words[i].start():words[j - 1].end()]
            out.append(text[pos:words[i].start()] + _restored(run, evidence))
            pos = words[j - 1].end()
        i = max(j, i + 1)
    return "".join(out) + text[pos:]


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and (len(word) == 1 or word[1:].islower())


def _restored(run: str, evidence: list[str]) -> str:
    words = run.split(" ")
    start = next((i for i, w in enumerate(words[:-1]) if is_surname(w)), None)
    if start is None or not all(ascii_key(w) in name_syllables() for w in words[start + 1:]):
        return run
    name = " ".join(words[start:])
    return " ".join([*words[:start], _signed(name, evidence) or _with_lost_tones(name)])


def _signed(name: str, evidence: list[str]) -> str | None:
    key = ascii_key(name)
    return next((other for other in evidence if other and ascii_key(other) == key), None)


def _with_lost_tones(name: str) -> str:
    return " ".join(_toned(w, i == 0) for i, w in enumerate(name.split(" ")))


def _toned(word: str, first: bool) -> str:
    """The listed name syllable that is ``word`` with the tone OCR lost (a surname or a given
    name), or with a tone OCR misread (of the list for its place: a surname first, a given name
    after); else ``word``."""
    if is_name_syllable(word, first):
        return word
    key, (bare, tone) = ascii_key(word), split_tone(word)
    for lists_place, listed in ((True, name_syllables(first).get(key)),
                                (False, name_syllables(not first).get(key))):
        if listed is None:
            continue
        listed_bare, listed_tone = split_tone(listed)
        if bare == listed_bare and listed_tone is not None and (tone is None or lists_place):
            return listed
    return word

