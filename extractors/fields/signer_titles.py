"""Titles and authority lines of a signature block, read as printed or as OCR slips them.

``authority_of("KT. CHỦ TỊCH")`` → ("KT", "CHỦ TỊCH"); ``title_line("PHO CHỦ TỊCH")`` → "PHÓ
CHỦ TỊCH" (the word list's spelling); ``title_with_body("PHÓ CHỦ TỊCH UBND TỈNH")``: a title and
the body it is held in. The heads of titles and the authority forms are in
``data/header_words.toml``.
"""
from __future__ import annotations

import difflib
import functools
import re

from extractors import nlp
from extractors.casing import expand_abbreviations, is_upper, organisation_case, title_of
from extractors.fields.issuer import starts_organisation
from extractors.textkeys import ascii_key, tone_of
from extractors.wordlists import load

MAX_TITLE_CHARS = 60  # a longer line is no title ("PHÓ CHỦ TỊCH THƯỜNG TRỰC …" is about 30)


@functools.cache
def _patterns() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    """Authority and title patterns over ``ascii_key`` text, so that OCR that lost a mark
    ("PHO CHỦ TỊCH") still reads; the authority table maps "t m" / "k t" to TM / KT."""
    words = load("header_words")
    codes = {ascii_key(k): v for k, v in words["authority"].items()}
    prefixes = sorted(codes, key=len, reverse=True)
    signer = words["signer"]
    titles = sorted({ascii_key(t) for t in signer["titles"]}, key=len, reverse=True)
    quals = sorted({ascii_key(q) for q in signer["qualifiers"]}, key=len, reverse=True)
    title = (rf"(?:{ascii_key(signer['deputy'])} )?(?:{'|'.join(map(re.escape, titles))})"
             rf"(?: (?:{'|'.join(map(re.escape, quals))}))?")
    authority = re.compile(rf"^(?P<auth>{'|'.join(map(re.escape, prefixes))}) (?P<rest>\S.*)$")
    return authority, re.compile(rf"^(?P<title>{title})$"), codes


@functools.cache
def _raw_prefix() -> re.Pattern:
    """The printed prefix, letters maybe split by "/" or ".": "KT. ", "T/M ", "K.T ", also
    with no space after it ("KT.CHỦ TỊCH") or OCR's comma for its stop ("KT, CHỦ TỊCH")."""
    letters = {"".join(c for c in key if c.isalpha()) for key in load("header_words")["authority"]}
    forms = [r"\s*[/.]?\s*".join(word) for word in sorted(letters, key=len, reverse=True)]
    return re.compile(rf"^\W*(?:{'|'.join(forms)})(?:\s*[.:,]\s*|\s+)", re.IGNORECASE)


# the slash of an old form "T/M", "K/T" as OCR often reads it: "TIM", "K1T", "T|L"
_SLASH_READ_AS_LETTER = re.compile(r"^([TK])[Il1|]([MTL])(?=[ .:])")


def authority_of(text: str) -> tuple[str, str] | None:
    """"KT. CHỦ TỊCH" → ("KT", "CHỦ TỊCH"); "T/M UBND TỈNH" → ("TM", "UBND TỈNH"), also when
    OCR read its slash as a letter ("TIM UBND TỈNH")."""
    fixed = _SLASH_READ_AS_LETTER.sub(r"\1/\2", text)
    pattern, _, codes = _patterns()
    match = pattern.match(ascii_key(fixed))
    # the pattern first: ``is_upper`` walks every letter, and find_signer asks of every line
    if not match or not is_upper(text):
        return None
    prefix = _raw_prefix().match(fixed)
    rest = fixed[prefix.end():] if prefix else fixed
    return codes[match.group("auth")], rest.strip(" .")


@functools.cache
def canonical_titles() -> dict[str, str]:
    """Every title the word list allows (with "PHÓ" and the qualifiers), by its bare key."""
    signer = load("header_words")["signer"]
    heads = list(signer["titles"])
    forms = heads + [f"{signer['deputy']} {h}" for h in heads]
    forms += [f"{f} {q}" for f in forms for q in signer["qualifiers"]]
    return {ascii_key(f): f for f in forms}


@functools.lru_cache(maxsize=4096)  # asked again of one line by _chain_at, looks_like_name, for_title_of
def title_line(text: str) -> str | None:
    """The title a line holds when the line is nothing else, as the word list writes it:
    "PHÓ CHỦ TỊCH", also from OCR's "PHO CHỦ TỊCH", "Pho chủ % tịch" or "PHÓ CHỦ TỊC"."""
    if len(text) > MAX_TITLE_CHARS or (not text[:1].isupper() and not is_upper(text)):
        return None
    key = ascii_key(text)
    titles = canonical_titles()
    if key in titles:
        return titles[key] if _tones_agree(text, titles[key]) else None
    if len(key) >= 8 and is_upper(text):
        close = difflib.get_close_matches(key, list(titles), n=1, cutoff=0.9)
        if close:
            return titles[close[0]]
        bare = _spaceless_titles()  # letters OCR parted or glued: "P Ó GIÁ M ĐỐC"
        close = difflib.get_close_matches(key.replace(" ", ""), list(bare), n=1, cutoff=0.9)
        if close:
            return bare[close[0]]
    return None


@functools.cache
def _spaceless_titles() -> dict[str, str]:
    return {key.replace(" ", ""): title for key, title in canonical_titles().items()}


def _tones_agree(text: str, title: str) -> bool:
    """``text`` reads as the title, not as another word with the same letters: OCR may lose
    or swap a mark ("PHO CHỦ TỊCH", "PHÓ GIÁM ĐỌC"), but "TRƯỜNG" (a school, a word of the
    dictionary) is not "TRƯỞNG"."""
    mine = re.findall(r"[^\W\d_]+", text)
    theirs = re.findall(r"[^\W\d_]+", title)
    if len(mine) != len(theirs) or all(
            tone_of(a) is None or tone_of(a) == tone_of(b) for a, b in zip(mine, theirs)):
        return True
    return " ".join(mine).casefold() not in nlp.dictionary()


def title_with_body(text: str) -> bool:
    """A title, then maybe the body it is held in: "PHÓ CHỦ TỊCH UBND TỈNH", "GIÁM ĐỐC"."""
    words = bare(text).split()
    if not words or len(text) > 2 * MAX_TITLE_CHARS or not is_upper(text):
        return False
    for cut in range(len(words), 0, -1):
        if title_line(" ".join(words[:cut])):
            rest = expand_abbreviations(" ".join(words[cut:]))
            return not rest or starts_organisation(rest)
    return False


def two_titles(text: str) -> tuple[str, str] | None:
    """("Giám đốc", "Phó Giám đốc") of "GIÁM ĐỐC PHÓ GIÁM ĐỐC": a title the authority signs
    for, then the signer's own, run together on one line."""
    words = text.split()
    for cut in range(1, len(words)):
        first, second = title_line(" ".join(words[:cut])), title_line(" ".join(words[cut:]))
        if first and second:
            return title_of(first), title_of(second)
    return None


def for_title_of(text: str) -> str:
    if title := title_line(text):
        return title_of(title)
    return organisation_case(text) if is_upper(text) else text


def bare(text: str) -> str:
    """The line without the marks around it and its words: "(Đã ký) Trần Văn An." → "Đã ký
    Trần Văn An"; OCR's "Phạm:- Thu Hà" (a pen stroke read as signs) → "Phạm Thu Hà"."""
    words = (re.sub(r"^[\W_]+|[\W_]+$", "", w) for w in text.split())
    return " ".join(w for w in words if w)
