"""The signature block: quyền hạn, chức vụ and the signer's name.

"KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / (signature) / Võ Văn Hoan" → authority KT, for_title
"Chủ tịch", title "Phó Chủ tịch", name "Võ Văn Hoan", chain as printed. With several
prefixed lines ("TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG") the authority
is the one just above the title. Old forms "T/M", "K/T" read as TM, KT. The first block
after the header is the document's own: drafts attached behind it are not read.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from extractors import nlp
from extractors.casing import is_place, is_upper, title_case, title_of
from extractors.fields.header import is_motto_line, is_national_line
from extractors.fields.issuer import names_body, opens_with_kind_phrase
from extractors.fields.signer_titles import (MAX_TITLE_CHARS, authority_of, bare, canonical_titles, for_title_of,
                                             title_line, title_with_body, two_titles)
from extractors.names import is_name_syllable, is_rank, is_surname, split_rank
from extractors.records import Signer, Span
from extractors.segment import TextLine, type_of_title
from extractors.textkeys import ascii_key

__all__ = ["SignerFound", "authority_of", "find_name_beside", "find_signer", "looks_like_name", "name_of",
           "title_line"]

NAME_WINDOW = 8  # lines after the title within which the name must come
CHAIN_SPREAD = 12  # lines a signature block's authority and title lines may be spread over
RIGHT_BLOCK_WINDOW = 20  # lines after a left-hand block (its name, a Nơi nhận list) to the right one
# points from the title line down to the name: the signature space (3–5 lines), a seal, and a
# second title printed under the signature ("CHỦ TỊCH UBND TỈNH" under "TRƯỞNG BAN")
SIGNATURE_DROP = 280.0
MAX_NAME_WORDS = 6  # "Nguyễn Thị Minh Nguyệt", "Y Biêr Niê", "Ksor Phước Hà"


@dataclass(frozen=True)
class SignerFound:
    signer: Signer
    span: Span
    warning: str | None = None
















def looks_like_name(text: str) -> bool:
    """"Võ Văn Hoan", "TRẦN HOÀNG TUẤN": 2–5 capitalised alphabetic words, not a body or title,
    opening with a family name of the list (the rule where the page gives no positions)."""
    words = text.strip(" .").split()
    return 2 <= len(words) <= 5 and _name_shaped(words) and is_surname(words[0])


def _name_shaped(words: list[str]) -> bool:
    """Capitalised words of letters that make no title, body, place, type or list label."""
    if not all(w.replace("-", "").replace("'", "").isalpha() and w[0].isupper() for w in words):
        return False
    text = " ".join(words)
    if title_line(text) or authority_of(text) or names_body(text) or type_of_title(text) or is_rank(text) \
            or opens_with_kind_phrase(text):
        return False
    key = ascii_key(text)
    if key.startswith(("noi nhan", "kinh gui", "luu", "nhu tren", "da ky", "ky boi")):
        return False
    return not is_place(text)


def name_of(text: str) -> str | None:
    """The name a signature's name line holds, the ranks and titles before it left out:
    "Đại tá Đậu Xuân Bảo" → "Đậu Xuân Bảo"; None when the line is no name."""
    name = _name_part(text)
    return name if looks_like_name(name) else None


def _placed_name(text: str) -> str | None:
    """As ``name_of``, for a line that stands where the name goes (under the title, in the
    block's column): a family name off the list passes when most of its syllables are those
    of names ("Ksor Phước Hà"), since the place, not a list, says it is the name."""
    name = _name_part(text)
    words = name.split()
    if not 2 <= len(words) <= MAX_NAME_WORDS or not _name_shaped(words):
        return None
    known = sum(is_name_syllable(w) for w in words)
    return name if is_surname(words[0]) or 2 * known >= len(words) else None


def _name_part(text: str) -> str:
    """The name line without ranks, degrees and the lone small letters OCR left at its ends
    ("LS. TS. Đỗ Minh Khang x" → "Đỗ Minh Khang")."""
    words = bare(text).split()
    while words and len(words[-1]) == 1 and words[-1].islower():
        words.pop()
    while words and len(words[0]) == 1 and words[0].islower():
        words.pop(0)
    return split_rank(" ".join(words))[1]


def find_signer(lines: list[TextLine]) -> SignerFound | None:
    for pos, ln in enumerate(lines):
        chain, end = _chain_at(lines, pos)
        if not chain:
            continue
        pos, chain, end = _right_hand_block(lines, pos, chain, end)
        name_line, more = _name_after(lines, end, chain)
        has_authority = authority_of(chain[0].text) is not None
        if name_line is None and not has_authority:
            continue
        signer = _signer_of([c.text.strip() for c in chain], name_line)
        signer.chain += [m.text.strip() for m in more]
        last = name_line or chain[-1]
        warning = None
        if name_line is None:
            found = _name_by_ner(_name_window(lines, end, chain))
            if found is not None:
                signer.name, last = found
                warning = "the signer's name was read by NER from a line that is not a name alone"
            else:
                warning = "the signer's name was not found under the title"
        return SignerFound(signer, Span(chain[0].page, chain[0].start, last.end), warning)
    return _block_by_place(lines)


_LIST_ITEM = re.compile(r"^\s*[-+•–]")


def _block_by_place(lines: list[TextLine]) -> SignerFound | None:
    """A block whose title neither the word list nor an authority line shows ("ỦY VIÊN
    THƯỜNG TRỰC", "TỔNG BIÊN TẬP"), known by its place: a short line in capitals in the right
    column of the signature band, and under it, where the name stands, a name."""
    for ln in lines:
        if ln.column != 1 or not _placed(ln) or not is_upper(ln.text) or len(ln.text) > MAX_TITLE_CHARS:
            continue
        if any(c.isdigit() for c in ln.text) or names_body(ln.text) or is_place(ln.text) or is_rank(ln.text) \
                or is_national_line(ln.text) or is_motto_line(ln.text):
            continue
        name_line, more = _name_after(lines, ln.index - lines[0].index + 1, [ln])
        if name_line is not None:
            signer = _signer_of([ln.text.strip()], name_line)
            signer.chain += [m.text.strip() for m in more]
            return SignerFound(signer, Span(ln.page, ln.start, name_line.end))
    return None


def _name_by_ner(lines: list[TextLine]) -> tuple[str, TextLine] | None:
    """The fallback for a name the patterns miss (a line that also holds OCR noise or a
    stamp's words, "Trần Văn An Ký bởi …"): underthesea's NER, run on those few lines only."""
    for ln in lines:
        if _LIST_ITEM.match(ln.text) or ascii_key(ln.text).startswith("luu"):
            continue  # a Nơi nhận entry ("- Lưu: VT"), never the signer's name
        _, text = split_rank(ln.text)
        for _, _, name in nlp.person_names(text):
            if is_surname(name.split()[0]):
                return name, ln
    return None


def find_name_beside(lines: list[TextLine], noi_nhan: int | None) -> SignerFound | None:
    """``noi_nhan`` is the Layout index of the "Nơi nhận" line, or None."""
    if noi_nhan is not None:
        noi_nhan = next((i for i, ln in enumerate(lines) if ln.index == noi_nhan), None)
    return _name_beside(lines, noi_nhan)


def _name_beside(lines: list[TextLine], noi_nhan: int | None) -> SignerFound | None:
    """When no title was read (a seal over it), the signer's name in the right column
    beside the Nơi nhận list (or its "- Lưu: VT" line, when the label was lost) still names
    who signed."""
    if noi_nhan is None:
        noi_nhan = next((max(0, i - 15) for i, ln in enumerate(lines)
                         if ascii_key(ln.text).startswith("luu vt")), None)
    if noi_nhan is None:
        return None
    for ln in lines[noi_nhan: noi_nhan + 40]:
        candidate = name_of(ln.text) if ln.column == 1 else None
        if candidate:
            name = title_case(candidate) if is_upper(candidate) else candidate
            return SignerFound(Signer(name=name), ln.span(),
                               "the signer's title was not read; the name beside Nơi nhận is reported")
    return None


def _chain_at(lines: list[TextLine], pos: int) -> tuple[list[TextLine], int]:
    """Authority lines then one title line, starting at ``pos``."""
    chain: list[TextLine] = []
    i = pos
    while i < len(lines) and len(chain) < 4 and i - pos <= CHAIN_SPREAD:
        text = lines[i].text
        if chain and (_is_speck(text) or _stray_word(text) or chain[0].column == 1 and lines[i].column != 1):
            i += 1  # OCR specks of a signature or seal, or the Nơi nhận list read in between
            continue
        auth = authority_of(text)
        if auth is not None:
            wrapped = _wrapped_authority(lines, i)
            if wrapped is not None:
                chain.append(_joined(lines[i], lines[wrapped]))
                i = wrapped + 1
                continue
            chain.append(lines[i])
            i += 1
            continue
        nxt = _next_in_column(lines, i) if len(text) < MAX_TITLE_CHARS else None
        if nxt is not None and _wrapped_title(text, lines[nxt].text):
            chain.append(_joined(lines[i], lines[nxt]))  # "PHÓ / CHÁNH VĂN PHÒNG": a title wrapped
            return chain, nxt + 1
        if title_line(text) or chain and _title_by_place(chain[-1], lines[i]) \
                or (chain or lines[i].column == 1) and title_with_body(text):
            chain.append(lines[i])
            return chain, i + 1
        break
    if chain and authority_of(chain[-1].text):
        # "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH": the title may be the last prefixed line itself
        return chain, i
    return [], pos


def _wrapped_title(text: str, following: str) -> bool:
    """"PHÓ / CHÁNH VĂN PHÒNG" read as two lines; a title followed by specks of the signature
    ("PHÓ CHỦ TỊCH / 2 3e") is one title, not a slipped longer one."""
    joined = title_line(f"{text} {following}")
    if not joined:
        return False
    return not title_line(text) or ascii_key(f"{text} {following}") in canonical_titles()


LINE_STEP = 1.8  # a chain's lines follow each other within this many line heights


def _title_by_place(above: TextLine, ln: TextLine) -> bool:
    """A title the word list does not know ("TỔ TRƯỞNG", "TƯ LỆNH"), known by its place: a
    short line in capitals set directly under the authority line, before the signature
    space, where a name never stands."""
    a, b = above.line, ln.line
    if None in (a.top, b.top) or above.page != ln.page or not is_upper(ln.text):
        return False
    if len(ln.text) > MAX_TITLE_CHARS or any(c.isdigit() for c in ln.text):
        return False
    height = (a.bottom - a.top) if a.bottom is not None else (a.size or 14.0)
    return 0 < b.top - a.top <= LINE_STEP * height


def _next_in_column(lines: list[TextLine], i: int, reach: int = 6) -> int | None:
    """The next line in the column of line ``i`` (lines of the other column, such as the
    Nơi nhận list beside a signature, and OCR specks skipped)."""
    column = lines[i].column
    for j in range(i + 1, min(len(lines), i + 1 + reach)):
        if _is_speck(lines[j].text) or (column is not None and lines[j].column not in (column, None)):
            continue
        return j
    return None


def _wrapped_authority(lines: list[TextLine], i: int) -> int | None:
    """Index of the line that finishes the authority line ``i``, when it wrapped: "TM.
    THƯỜNG TRỰC HỘI ĐỒNG NHÂN / DÂN / CHỦ TỊCH" — a short line in capitals that is no title,
    no authority and no name, followed by a title or an authority line."""
    j = _next_in_column(lines, i)
    if j is None:
        return None
    text = lines[j].text
    if not is_upper(text) or len(text.split()) > 3 or authority_of(text) or title_line(text) \
            or looks_like_name(text):
        return None
    k = _next_in_column(lines, j)
    if k is None or not (title_line(lines[k].text) or authority_of(lines[k].text)):
        return None
    if title_line(f"{text} {lines[k].text}"):
        return None  # "PHÓ / CHÁNH VĂN PHÒNG": the start of a wrapped title
    return j


def _joined(first: TextLine, second: TextLine) -> TextLine:
    """One printed line wrapped in two, as one (its span starts where the first does)."""
    return dataclasses.replace(first, text=f"{first.text.rstrip()} {second.text.strip()}")


def _right_hand_block(lines: list[TextLine], pos: int, chain: list[TextLine], end: int):
    """Two signature columns side by side (a biên bản: THƯ KÝ left, CHỦ TỌA right): the
    block on the right is the one that signs for the document."""
    if chain[0].column != 0:
        return pos, chain, end
    for other in range(end, min(len(lines), end + RIGHT_BLOCK_WINDOW)):
        if lines[other].column == 1:
            right, right_end = _chain_at(lines, other)
            if right:
                return other, right, right_end
    return pos, chain, end


def _without_specks(text: str) -> str:
    """A line in capitals without the lone small letters OCR read into it ("GIÁM ĐỐC s SỞ")."""
    if not is_upper(text):
        return text
    return " ".join(w for w in text.split() if not (len(w) == 1 and w.islower()))


def _stray_word(text: str) -> bool:
    """One word not in capitals ("Anh"): what OCR read into a seal or a stroke between the
    lines of a block printed in capitals, where no name stands alone as one word."""
    words = text.split()
    return len(words) == 1 and not is_upper(text)


def _is_speck(text: str) -> bool:
    """"5", "Á", "ê": what OCR makes of a signature's strokes, no line of the block."""
    return sum(c.isalnum() for c in text) <= 2


def _name_after(lines: list[TextLine], start: int, chain: list[TextLine]
                ) -> tuple[TextLine | None, list[TextLine]]:
    """The name under the title, and any title printed between them ("TRƯỞNG BAN / (signature)
    / CHỦ TỊCH UBND TỈNH / Nguyễn Văn An": the signer holds both). Where the page gives
    positions, the name is the first name-shaped line that stands in the block's column
    within the signature space under the title — a Nơi nhận entry beside it or a heading of
    the next page never is; elsewhere, the first name-like line of the column."""
    more: list[TextLine] = []
    placed = _placed(chain[-1])
    for ln in _name_window(lines, start, chain):
        if authority_of(ln.text) is not None:
            break  # another signature block
        if title_with_body(ln.text):
            more.append(ln)
            continue
        if (_placed_name if placed else name_of)(ln.text):
            return ln, more
    return None, more


def _name_window(lines: list[TextLine], start: int, chain: list[TextLine]) -> list[TextLine]:
    """The lines after the block's title that may hold its name: with positions, those under
    the block (``_under_block``); without, the next lines of the block's column."""
    column = chain[-1].column
    if _placed(chain[-1]):
        window = []
        for ln in lines[start: start + 3 * NAME_WINDOW]:
            under = _under_block(ln, chain)
            if under is None:
                continue
            if ln.page != chain[-1].page or ln.line.top - chain[-1].line.top > SIGNATURE_DROP:
                break
            if under and not _is_speck(ln.text):
                window.append(ln)
        return window
    window = [ln for ln in lines[start: start + 3 * NAME_WINDOW]
              if (column is None or ln.column in (column, None))
              and not _is_speck(ln.text) and not _LIST_ITEM.match(ln.text)]
    return window[:NAME_WINDOW]


def _placed(ln: TextLine) -> bool:
    return None not in (ln.line.x0, ln.line.x1, ln.line.top)


def _under_block(ln: TextLine, chain: list[TextLine]) -> bool | None:
    """Whether ``ln`` stands below the block's title and across its column (overlapping at
    least half of the narrower of the two); None when ``ln`` has no position."""
    if not _placed(ln):
        return None
    if ln.page == chain[-1].page and ln.line.top <= chain[-1].line.top:
        return False
    left = min(c.line.x0 for c in chain if _placed(c))
    right = max(c.line.x1 for c in chain if _placed(c))
    overlap = min(right, ln.line.x1) - max(left, ln.line.x0)
    return overlap >= 0.5 * min(right - left, ln.line.x1 - ln.line.x0)




def _signer_of(chain: list[str], name_line: TextLine | None) -> Signer:
    """The title is the last line of the chain, or, where that is an authority line ("TM. ỦY
    BAN NHÂN DÂN / CHỦ TỊCH" read as one), what follows its prefix; the authority is the
    prefixed line just above the title (or the last line itself)."""
    prefixed = [authority_of(c) for c in chain]
    above = prefixed[-1] or (prefixed[-2] if len(prefixed) > 1 else None)
    authority, for_title = (above[0], for_title_of(above[1])) if above else (None, None)
    title = for_title if prefixed[-1] else title_of(title_line(chain[-1]) or _without_specks(chain[-1]))
    if prefixed[-1] and (pair := two_titles(prefixed[-1][1])):
        for_title, title = pair  # "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC": two lines OCR read as one
    name = None
    if name_line is not None:
        name = _name_part(name_line.text)
        name = title_case(name) if is_upper(name) else name
    return Signer(name=name, title=title, authority=authority, for_title=for_title, chain=chain)




