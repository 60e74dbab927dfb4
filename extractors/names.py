"""Personal names: the syllables of ``data/person_names.toml``.

``is_surname("Nguyên")`` → True (a family name, marks aside); ``name_syllables()`` gives the
listed spelling of each bare syllable, with which the correction stage restores the marks OCR
lost in a name (``extractors.correct.names``).
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


def is_name_syllable(word: str, first: bool = False) -> bool:
    """"Đông", "Hiền": a syllable of the lists as written there (of the surnames, ``first``)."""
    _, surnames, _, given = _lists()
    return word in surnames or (not first and word in given)


def name_syllables(first: bool = False) -> dict[str, str]:
    """The surnames (``first``) or the given names of the lists by their bare key, the most
    frequent spelling: {"tran": "Trần"}, {"hien": "Hiền", …} (``extractors.correct.names``)."""
    surnames, _, given, _ = _lists()
    return surnames if first else given
