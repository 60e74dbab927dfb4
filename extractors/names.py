"""Personal names: marks restored where OCR misread them.

``repair_name("Trân Phước Hiên")`` → "Trần Phước Hiền": a syllable that is not a name
syllable of ``data/person_names.toml`` but has the bare letters of one takes the most
frequent such one (the family name from the surname list, the others from the given-name
list). A name the PDF's own signature carries, equal but for marks, wins over both.
"""
from __future__ import annotations

import functools

from extractors.textkeys import ascii_key
from extractors.wordlists import load


@functools.cache
def _lists() -> tuple[dict[str, str], set[str], dict[str, str], set[str]]:
    data = load("person_names")
    surnames: dict[str, str] = {}
    for name in data["surnames"]:
        surnames.setdefault(ascii_key(name), name)
    given: dict[str, str] = {}
    for name in data["given"]:
        given.setdefault(ascii_key(name), name)
    return surnames, set(data["surnames"]), given, set(data["given"])


def is_surname(word: str) -> bool:
    """"Nguyễn", "NGUYỄN", OCR's "Nguyên": a family name of the list, marks aside. A signer's
    name starts with one; "Phiếu Trình Duyệt" does not."""
    return ascii_key(word) in _lists()[0]


def _repair_syllable(word: str, spelled: dict[str, str], known: set[str]) -> str:
    if word in known:
        return word
    return spelled.get(ascii_key(word), word)


def repair_name(name: str, evidence: list[str] = ()) -> str:
    """The name with OCR's mark errors mended (see the module docstring)."""
    key = ascii_key(name)
    for other in evidence:
        if other and ascii_key(other) == key:
            return other
    words = name.split()
    if len(words) < 2:
        return name
    surnames, known_surnames, given, known_given = _lists()
    head = _repair_syllable(words[0], surnames, known_surnames)
    rest = [_repair_syllable(w, given, known_given | known_surnames) for w in words[1:]]
    return " ".join([head, *rest])
