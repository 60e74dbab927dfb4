"""Upper-case header text turned into normal case (Nghị định 30, Phụ lục II).

Headers print agency names, titles and signers' names in capitals; records carry them in
normal case: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI" → "Ủy ban nhân dân tỉnh Quảng Ngãi",
"SỞ THÔNG TIN VÀ TRUYỀN THÔNG" → "Sở Thông tin và Truyền thông",
"PHÓ CHÁNH VĂN PHÒNG" → "Phó Chánh Văn phòng", "TRẦN HOÀNG TUẤN" → "Trần Hoàng Tuấn".
"""
from __future__ import annotations

import difflib
import functools
import re

from extractors import nlp
from extractors.fields.agencies import province_names
from extractors.textkeys import ascii_key
from extractors.wordlists import load

_WORD = re.compile(r"\S+")


def is_upper(text: str) -> bool:
    """True when the letters of ``text`` are (nearly) all capitals."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def capitalize(word: str) -> str:
    """"QUẢNG" → "Quảng"; keeps words with digits or inner capitals of abbreviations."""
    if not word:
        return word
    return word[0].upper() + word[1:].lower()


def title_case(text: str) -> str:
    """Every syllable capitalised: personal and place names."""
    return " ".join(capitalize(w) for w in text.split())


@functools.cache
def _tables() -> dict:
    data = load("casing")
    orgs = sorted(data["organisations"], key=lambda s: -len(s.split()))
    return {
        "orgs": [(o.upper().split(), o) for o in orgs],
        "units": sorted((u.upper().split() for u in data["units"]), key=len, reverse=True),
        "special": [(p.upper().split(), p) for p in data["special_places"]],
        "keep": [(k.upper().split(), k) for k in data["keep_capital"]],
        "abbr": data["abbreviations"],
        "titles": data["titles"],
    }


def starts_with_words(words: list[str], prefix: list[str]) -> bool:
    """Whether ``words`` begin with ``prefix``, ignoring case and marks (UỶ = ỦY = UY); a
    prefix of three words or more may differ by an OCR slip ("UX BẠN NHÂN DÂN")."""
    if len(words) < len(prefix):
        return False
    head = [ascii_key(w) for w in words[: len(prefix)]]
    want = [ascii_key(p) for p in prefix]
    if head == want:
        return True
    return len(prefix) >= 3 and _close(" ".join(head), " ".join(want))


def _close(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


@functools.cache
def _places() -> dict[str, str]:
    """Province names by their bare key, to restore marks OCR lost: "quang ngai" → "Quảng Ngãi"."""
    names: dict[str, str] = {}
    for name in province_names():  # the official name comes before its aliases
        names.setdefault(ascii_key(name), name)
    return names


def is_place(text: str) -> bool:
    """"Tỉnh Quảng Ngãi", "Quảng Ngãi", "thành phố Huế": a unit and/or a province name."""
    words = text.split()
    for unit in _tables()["units"]:
        if starts_with_words(words, unit):
            words = words[len(unit):]
            break
    return not words or ascii_key(" ".join(words)) in _places()


def proper_place(words: list[str]) -> str:
    """A place name in title case, spelled as in the province list when it is one."""
    return _places().get(ascii_key(" ".join(words))) or title_case(" ".join(words))


_VOWELS = set("aeiouyăâêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


def is_abbreviation(word: str) -> bool:
    """"TTHC", "MTV", "UBND" have no vowel: no Vietnamese syllable is written so."""
    letters = [c for c in word.lower() if c.isalpha()]
    return len(letters) >= 2 and not any(c in _VOWELS for c in letters)


def expand_abbreviations(text: str) -> str:
    """"UBND TỈNH" → "Ủy ban nhân dân TỈNH" (whole words only)."""
    abbr = _tables()["abbr"]
    return " ".join(abbr.get(w.upper(), w) for w in text.split())


def place_case(words: list[str]) -> str:
    """Normal case of a place: "TỈNH QUẢNG NGÃI" → "tỉnh Quảng Ngãi"."""
    t = _tables()
    for prefix, written in t["special"]:
        if starts_with_words(words, prefix):
            rest = words[len(prefix):]
            return " ".join([written] + ([title_case(" ".join(rest))] if rest else []))
    for unit in t["units"]:
        if starts_with_words(words, unit):
            rest = words[len(unit):]
            head = " ".join(unit).lower()
            if not rest:
                return head
            if rest[0][:1].isdigit():  # Quận 1, Phường 12
                head = capitalize(head)
            return f"{head} {proper_place(rest)}"
    return proper_place(words)


def field_case(words: list[str]) -> str:
    """A function or field: each phrase between "VÀ" / "," capitalised on its first syllable."""
    out, start = [], True
    i = 0
    keep = _tables()["keep"]
    while i < len(words):
        kept = next((k for p, k in keep if starts_with_words(words[i:], p)), None)
        if kept:
            out.append(kept)
            i += len(kept.split())
            start = False
            continue
        word = words[i]
        low = word.lower()
        if low in ("và", "-", "–"):
            out.append(low)
            start = True
        elif not any(c.isalpha() for c in word) or is_abbreviation(word):
            out.append(word)  # numbers and abbreviations (TTHC, MTV) stay
            start = False
        else:
            out.append(capitalize(word) if start else low)
            start = low.endswith(",")
        i += 1
    return " ".join(out)


def organisation_case(text: str) -> str:
    """Normal case of an agency name printed in capitals (see the module docstring)."""
    words = expand_abbreviations(text).split()
    if not words or not is_upper(text):
        return " ".join(words)
    kind = _kind_at(words)
    if kind is not None:
        prefix, written = kind
        rest = words[len(prefix):]
        return " ".join([written] + ([_rest_case(rest)] if rest else []))
    for i in range(1, len(words) - 1):  # "THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN": a part, then the body
        if _opens_with_body(words[i:], shortest=2):
            return f"{_first_capital(words[:i])} {organisation_case(' '.join(words[i:]))}"
    return _rest_case(words)


def _kind_at(words: list[str]) -> tuple[list[str], str] | None:
    """The kind of body ``words`` open with: the longest spelled alike, else the longest an
    OCR slip away ("BAN THƯỜNG VỤ" is Ban Thường vụ, not a slipped Ban Thường trực)."""
    orgs = _tables()["orgs"]
    exact = [(p, w) for p, w in orgs if len(words) >= len(p)
             and [ascii_key(x) for x in words[:len(p)]] == [ascii_key(x) for x in p]]
    if exact:
        return exact[0]
    return next(((p, w) for p, w in orgs if starts_with_words(words, p)), None)


def _opens_with_body(words: list[str], shortest: int = 1) -> bool:
    """Do ``words`` begin with a kind of body (of ``shortest`` words or more): "HỘI ĐỒNG …"?"""
    return any(len(prefix) >= shortest and starts_with_words(words, prefix)
               for prefix, _ in _tables()["orgs"])


def _first_capital(words: list[str]) -> str:
    """Only the first syllable capitalised: "HIỆU TRƯỞNG" → "Hiệu trưởng"."""
    return " ".join([capitalize(words[0])] + [w.lower() for w in words[1:]])


def _common_word(words: list[str]) -> bool:
    """Do the first two words make a word of the dictionary ("XÃ HỘI")?"""
    return len(words) >= 2 and f"{words[0]} {words[1]}".casefold() in nlp.dictionary()


def _rest_case(words: list[str]) -> str:
    """What follows the kind of body: a place, a field, or a field then a place."""
    t = _tables()
    for i in range(len(words)):
        tail = words[i:]
        if i and _opens_with_body(tail, shortest=2):
            return _field_then(words[:i], organisation_case(" ".join(tail)))  # "… Tỉnh ủy"
        units = [u for u in t["units"] if starts_with_words(tail, u)]
        if units and max(len(u) for u in units) == 1 and _common_word(tail):
            continue  # "XÃ HỘI" in "Thương binh và Xã hội" is no commune
        if units and tail[max(len(u) for u in units) - 1].endswith(","):
            continue  # "XÃ, PHƯỜNG KHÔNG MA TÚY": kinds of unit listed, not a place named
        if units or any(starts_with_words(tail, p) for p, _ in t["special"]):
            return _field_then(words[:i], place_case(tail))
    for i in range(len(words)):  # a province named without its unit: "… SƯ PHẠM HÀ NỘI"
        province = _places().get(ascii_key(" ".join(words[i:])))
        if province:
            return _field_then(words[:i], province)
    return field_case(words)


def _field_then(field: list[str], written: str) -> str:
    """A function or field (none when ``field`` is empty), then ``written``: "Sư phạm Hà Nội"."""
    return " ".join(x for x in (field_case(field) if field else "", written) if x)


def title_of(text: str) -> str:
    """Normal case of a signer's title: "PHÓ CHỦ TỊCH THƯỜNG TRỰC" → "Phó Chủ tịch Thường trực"."""
    words = text.split()
    if not words or not is_upper(text):
        return text
    titles = _tables()["titles"]
    whole = " ".join(w.upper() for w in words)
    if whole in titles:
        return titles[whole]
    if words[0].upper() == "PHÓ" and len(words) > 1:
        return "Phó " + _head_title(words[1:])
    if words[0].upper() in ("TM.", "TM", "T/M") or whole.startswith(("ỦY BAN", "UỶ BAN")):
        return organisation_case(text)
    return _head_title(words)


def _head_title(words: list[str]) -> str:
    """A title head known to the tables ("Chánh Văn phòng", "Hiệu trưởng"), then what follows it."""
    titles, known = _tables()["titles"], _known_titles()
    for cut in range(len(words), 0, -1):
        head = " ".join(w.upper() for w in words[:cut])
        if head in titles or head in known:
            rest = words[cut:]
            written = titles.get(head) or _first_capital(words[:cut])
            return " ".join([written] + ([_head_title(rest)] if rest else []))
    for cut in range(len(words) - 1, 0, -1):  # a title followed by an organisation
        if _opens_with_body(words[cut:]):
            return f"{_first_capital(words[:cut])} {organisation_case(' '.join(words[cut:]))}"
    return _first_capital(words)


@functools.cache
def _known_titles() -> frozenset[str]:
    signer = load("header_words")["signer"]
    return frozenset(signer["titles"]) | frozenset(signer["qualifiers"])


def sentence_case(text: str) -> str:
    """A line printed in capitals, as a sentence: "PHÁT ĐỘNG … TRÊN ĐỊA BÀN THÀNH PHỐ HỒ CHÍ
    MINH" → "Phát động … trên địa bàn Thành phố Hồ Chí Minh". Abbreviations stay in capitals;
    place names after an administrative unit are written as the province list has them."""
    words = text.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        placed = _place_at(words, i)
        if placed:
            out.append(placed[0])
            i = placed[1]
            continue
        word = words[i]
        out.append(word if is_abbreviation(word) else word.lower())
        i += 1
    joined = " ".join(out)
    return joined[:1].upper() + joined[1:]


def _place_at(words: list[str], i: int) -> tuple[str, int] | None:
    """A special place or "unit + province" starting at ``words[i]``: (written form, next index)."""
    t = _tables()
    for prefix, written in t["special"]:
        if starts_with_words(words[i:], prefix):
            return written, i + len(prefix)
    for unit in t["units"]:
        if not starts_with_words(words[i:], unit):
            continue
        for n in (3, 2, 1):
            name = words[i + len(unit): i + len(unit) + n]
            if len(name) == n and ascii_key(" ".join(name)).strip() in _places():
                head = " ".join(unit).lower()
                return f"{head} {_places()[ascii_key(' '.join(name))]}", i + len(unit) + n
    return None
