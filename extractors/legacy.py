"""Text in the legacy Vietnamese encodings TCVN3 (ABC) and VNI, converted to Unicode NFC.

Documents typed with .VnTime or VNI-Times fonts reach us as Latin-1 look-alikes:
"Céng hoµ x· héi chñ nghÜa ViÖt Nam" (TCVN3) or "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"
(VNI). ``convert_legacy(text)`` returns the text converted and the encoding found, or the text
unchanged and ``None``. It converts only on strong evidence: the words that carry legacy bytes
must become valid Vietnamese syllables, and no line that already holds Vietnamese Unicode
letters is touched (mixed documents keep their Unicode parts). The tables are data
(``data/legacy_encodings.toml``).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from extractors.wordlists import load

_WORD = re.compile(r"[^\s\d.,;:!?()\[\]{}\"'“”/\\|<>=+*_–—-]+")
# letters only Unicode Vietnamese has (never produced by a Latin-1 reading of legacy bytes)
_UNICODE_VI = re.compile("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")
_TONES = "\u0300\u0301\u0303\u0309\u0323"


@dataclass(frozen=True)
class _Tables:
    tcvn3: dict[str, str]
    vni_letters: dict[str, str]
    vni_marks: dict[str, str]
    initials: tuple[str, ...]
    nuclei: frozenset[str]
    finals: tuple[str, ...]


@functools.cache
def _tables() -> _Tables:
    data = load("legacy_encodings")
    byte = lambda key: chr(int(key, 16))  # noqa: E731 — "B5" → "µ"
    combining = data["combining"]
    marks = {byte(k): "".join(combining[name] for name in v) for k, v in data["vni"]["marks"].items()}
    syl = data["syllable"]
    return _Tables(
        {byte(k): v for k, v in data["tcvn3"].items()},
        {byte(k): v for k, v in data["vni"]["letters"].items()},
        marks,
        tuple(sorted(syl["initials"], key=len, reverse=True)),
        frozenset(syl["nuclei"]),
        tuple(sorted(syl["finals"], key=len, reverse=True)),
    )


def from_tcvn3(text: str) -> str:
    """Map every TCVN3 byte-character to its letter: "ViÖt" → "Việt"."""
    table = _tables().tcvn3
    return unicodedata.normalize("NFC", "".join(table.get(ch, ch) for ch in text))


def from_vni(text: str) -> str:
    """Compose VNI vowel + mark pairs: "Vieät" → "Việt", "Ñoäc" → "Độc"."""
    t = _tables()
    out: list[str] = []
    for ch in text:
        if ch in t.vni_marks and out and _takes(out[-1], t.vni_marks[ch]):
            out[-1] = unicodedata.normalize("NFC", unicodedata.normalize("NFD", out[-1]) + t.vni_marks[ch])
        elif ch in t.vni_letters:
            out.append(t.vni_letters[ch])
        else:
            out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def _takes(letter: str, marks: str) -> bool:
    """Whether a vowel can carry these marks: a circumflex goes on a/e/o, a breve on a only."""
    base = unicodedata.normalize("NFD", letter)
    bare, extra = base[:1].casefold(), base[1:]
    if bare not in "aeiouy" or any(c in _TONES for c in extra):
        return False
    if "\u0302" in marks:
        return bare in "aeo" and not extra
    if "\u0306" in marks:
        return bare == "a" and not extra
    return True


def is_syllable(word: str) -> bool:
    """Whether ``word`` is a well-formed Vietnamese syllable: "nghiệp" yes, "ộtộ" no."""
    t = _tables()
    nfd = unicodedata.normalize("NFD", word.casefold())
    if sum(c in _TONES for c in nfd) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
    for initial in [i for i in t.initials if bare.startswith(i)] + [""]:
        rest = bare[len(initial):]
        for final in [f for f in t.finals if rest.endswith(f)] + [""]:
            nucleus = rest[:len(rest) - len(final)]
            if nucleus in t.nuclei or (initial in ("qu", "gi") and nucleus == "" and not final):
                return True
    return False


def _score(words: list[str]) -> int:
    return sum(is_syllable(w) for w in words)


def _legacy_words(line: str, chars: set[str]) -> list[str]:
    return [w for w in _WORD.findall(line) if any(c in chars for c in w)]


def _evidence(lines: list[str], convert, chars: set[str]) -> tuple[int, int, int]:
    """(legacy words, valid before, valid after) over the lines without Unicode Vietnamese."""
    total = before = after = 0
    for line in lines:
        if _UNICODE_VI.search(line):
            continue
        words = _legacy_words(line, chars)
        total += len(words)
        before += _score(words)
        after += _score([convert(w) for w in words])
    return total, before, after


@functools.cache
def _converters() -> dict[str, tuple]:
    t = _tables()
    return {"tcvn3": (from_tcvn3, set(t.tcvn3)),
            "vni": (from_vni, set(t.vni_letters) | set(t.vni_marks))}


def detect_legacy(text: str) -> str | None:
    """"tcvn3", "vni" or None: the encoding whose conversion turns the most words into syllables."""
    lines = text.splitlines() or [text]
    best, best_gain = None, 0
    for name, (convert, chars) in _converters().items():
        total, before, after = _evidence(lines, convert, chars)
        strong = total and after >= 0.7 * total and after > before and (total >= 2 or before == 0)
        if strong and after - before > best_gain:
            best, best_gain = name, after - before
    return best


def convert_legacy(text: str) -> tuple[str, str | None]:
    """(text in Unicode NFC, encoding found) — or (text, None) when there is no strong evidence.

    ``convert_legacy("Céng hoµ x· héi chñ nghÜa ViÖt Nam")`` →
    ("Cộng hoà xã hội chủ nghĩa Việt Nam", "tcvn3").
    """
    encoding = detect_legacy(text)
    if encoding is None:
        return text, None
    convert, chars = _converters()[encoding]
    out = []
    for line in text.split("\n"):
        words = _legacy_words(line, chars)
        if not _UNICODE_VI.search(line) and words and _score([convert(w) for w in words]) > _score(words):
            line = convert(line)
        out.append(line)
    return "\n".join(out), encoding
