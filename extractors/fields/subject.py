"""Trích yếu: the lines under the tên loại, or the "V/v …" lines of a công văn.

"KẾ HOẠCH / Phát động phong trào thi đua …" → the lines after the title up to the body
(a "Căn cứ", "Kính gửi", numbered line, the authority line of a decision, or a drawn line).
A công văn's "V/v …" sits under its number in the left column.
"""
from __future__ import annotations

import functools
import re

from extractors.casing import is_upper, sentence_case
from extractors.fields.header import is_separator
from extractors.fields.issuer import names_body
from extractors.records import Span
from extractors.segment import TextLine
from extractors.textkeys import ascii_key
from extractors.wordlists import load

MAX_LINES = 7
_NUMBERED = re.compile(r"^(?:[IVX]+|\d+|[a-zđ])[.)]\s|^(?:Điều|Chương|Phần|Mục)\s+(?:\d+|[IVXLC]+)\b")
# "V/v", "V.v", "Về việc"; OCR reads the slash as "l", "|", "!" or "í", "v" as "y", "/v" as "W" or "N"
_VV = re.compile(r"^\s*(?:V\s?[/.|lI1!í]\s?[vVy]|VW|VN|V[ềeểẻẽêé] việc)(?=\W|$)", re.IGNORECASE)


@functools.cache
def _openers() -> re.Pattern:
    words = sorted(load("header_words")["header"]["body_openers"], key=len, reverse=True)
    return re.compile(rf"^\W{{0,3}}(?:{'|'.join(map(re.escape, words))})\b")


def is_body_start(text: str) -> bool:
    """A body sentence starts with a capitalised opener ("Căn cứ", "Thực hiện", …); a wrapped
    subject line may start with the same words in lower case ("ngày 24 tháng 10 …")."""
    if _openers().match(text) or _NUMBERED.match(text):
        return True
    return ascii_key(text).endswith("quyet dinh") and text.rstrip().endswith(":")


@functools.cache
def _subject_openers() -> re.Pattern:
    words = sorted(load("header_words")["header"]["subject_openers"], key=len, reverse=True)
    return re.compile(rf"^(?:{'|'.join(map(re.escape, words))})\b")


def _title_like(text: str) -> bool:
    """A line that opens as a body may but reads as a title: "Triển khai Đề án 06 năm 2024"
    (no end of sentence), not "Thực hiện Quyết định số 06/QĐ-TTg, … như sau:"."""
    return bool(_subject_openers().match(text)) and not text.rstrip().endswith((":", ".", ";", ","))


def is_authority_line(text: str) -> bool:
    """The line that names who issues a decision, under its trích yếu: a body or a title
    ("ỦY BAN THƯỜNG VỤ QUỐC HỘI", "BỘ TRƯỞNG BỘ CÔNG THƯƠNG", "CHỦ TỊCH ỦY BAN NHÂN DÂN …")."""
    low = text.casefold()
    return names_body(text) or any(low == t or low.startswith(t + " ") for t in _titles())


@functools.cache
def _titles() -> tuple[str, ...]:
    return tuple(t.casefold() for t in load("header_words")["signer"]["titles"])


def is_vv_line(text: str) -> bool:
    return bool(_VV.match(text))


# a stamp read into the subject's first line: "| †RUNG… BẢO +4 TÍN HỌC| Về việc tăng cường …"
_JUNK_BEFORE_VE_VIEC = re.compile(r"^.*?[|†+*#@©®{}\[\]<>~^].*?\s(?=(?:Về việc|V/v)\b)")


# a full stop or colon after the last word: a trích yếu is a title and takes neither ("…
# nhập khẩu.", OCR's "… Sở Nội vụ:"); an abbreviation's own stop ("TP.") stays
_FINAL_STOP = re.compile(r"(?:(?<=[^\W_]{3})|(?<=[^\W\d_A-ZĐ]))\s?[.:]$")


_QUOTES = "\"“”"
_TRAILING_DASH = re.compile(r"(?<=\w)\s?[-–—]$")  # "… năm 2025-": a speck after the last word


def _repair(text: str) -> str:
    text = _FINAL_STOP.sub("", _TRAILING_DASH.sub("", text))
    if text[:1] in _QUOTES and sum(text.count(q) for q in _QUOTES) % 2:
        text = text[1:].lstrip()  # a quote mark opened and never closed: an OCR speck
    return _JUNK_BEFORE_VE_VIEC.sub("", text)


def _join(lines: list[TextLine], ocr: bool = False) -> tuple[str, Span]:
    text = " ".join(ln.text.strip() for ln in lines)
    text = _repair(re.sub(r"\s+", " ", text).strip(" ;"))
    if is_upper(text):
        text = sentence_case(text)
    return text, Span(lines[0].page, lines[0].start, lines[-1].end)


CENTRE_TOLERANCE = 12.0  # points between the left and right gaps of a centred line


def text_frame(title: TextLine, page_lines: list[TextLine]) -> tuple[float, float] | None:
    """(centre, left edge) of the text area: the title is centred on it, and the leftmost
    full-width line starts at its edge. Where OCR drew the title's box wide (a speck beside
    it), the middle of the text area stands in for the title's."""
    t = title.line
    full = [ln.line for ln in page_lines if ln.column is None and ln.line.x0 is not None
            and ln.line.x1 is not None]
    if t.x0 is None or t.x1 is None or not full:
        return None
    left, right = min(ln.x0 for ln in full), max(ln.x1 for ln in full)
    centre = (t.x0 + t.x1) / 2
    justified = sum(abs(ln.x1 - right) <= EDGE_TOLERANCE for ln in full)
    if abs(centre - (left + right) / 2) > CENTRE_TOLERANCE and justified >= MIN_JUSTIFIED:
        centre = (left + right) / 2
    return centre, left


EDGE_TOLERANCE = 6.0  # points between the right ends of justified lines
MIN_JUSTIFIED = 3  # lines ending at the right edge that show where the text area ends


def is_centred(ln: TextLine, frame: tuple[float, float]) -> bool:
    """Centred under the title, not a justified or indented body line (those start at the
    left edge, or end at the right one and so lean right of the centre)."""
    return _centred_on(ln, frame) and ln.line.x0 - frame[1] > 6


def _is_speck(text: str) -> bool:
    """"v", "'": what OCR makes of a speck of dust, no line of the text."""
    return sum(c.isalnum() for c in text) <= 1


def _centred_on(ln: TextLine, frame: tuple[float, float]) -> bool:
    """The line's middle is the title's: a centred line, or one as wide as the text area."""
    if ln.line.x0 is None or ln.line.x1 is None:
        return False
    return abs((ln.line.x0 + ln.line.x1) / 2 - frame[0]) <= CENTRE_TOLERANCE


GAP_FACTOR = 1.8  # a step this many line heights down (and well past the last step) ends the block
STEP_GROWTH = 1.4


def _gap_before(ln: TextLine, prev: TextLine, last_step: float | None) -> bool:
    """Whether ``ln`` stands apart from ``prev`` above it, as the body or "Kính gửi" stands
    apart from the trích yếu (which is set tight under its title)."""
    a, b = prev.line, ln.line
    if None in (a.top, a.bottom, b.top) or ln.page != prev.page:
        return False
    step = b.top - a.top
    return step > GAP_FACTOR * (a.bottom - a.top) and (last_step is None or step > STEP_GROWTH * last_step)


def _centred_block(title: TextLine, content: list[TextLine], frame: tuple[float, float]) -> list[TextLine]:
    """The trích yếu by its layout: the lines under the title whose middle is the title's,
    set tight, up to the last that is centred with margins — a long subject's full-width
    lines are kept, a justified body paragraph (which never ends centred) is not."""
    taken: list[TextLine] = []
    prev, last_step = title, None
    for ln in content[:MAX_LINES]:
        if not _centred_on(ln, frame) or _NUMBERED.match(ln.text) or _gap_before(ln, prev, last_step):
            break
        if taken and (_openers().match(ln.text) or is_upper(ln.text) and not is_upper(taken[-1].text)):
            break
        if ln.text.rstrip().endswith(":"):
            break  # "THỦ TƯỚNG CHÍNH PHỦ điện:", "Sở Nội vụ trân trọng kính mời:" lead into a body
        taken.append(ln)
        if prev is not title and None not in (prev.line.top, ln.line.top):
            last_step = ln.line.top - prev.line.top
        prev = ln
    while taken and not is_centred(taken[-1], frame):
        taken.pop()
    return taken


def subject_after_title(lines: list[TextLine], title_bold: bool | None = None,
                        frame: tuple[float, float] | None = None, ocr: bool = False,
                        title: TextLine | None = None) -> tuple[str | None, Span | None]:
    """``lines`` start just after the title line.

    The trích yếu is set apart from the body by its layout: where positions are known (PDF,
    OCR) it is the block of centred lines set tight under the title; where weights are known
    (DOCX) the run of bold lines. Either way a body line right under the title means the
    document has no trích yếu (a giấy giới thiệu). Without either (plain text), the subject
    ends at the first body opener, numbered line, authority line or drawn line.
    """
    content = [ln for ln in lines if not is_separator(ln.text) and not _is_speck(ln.text)]
    if frame is not None and content and content[0].line.x0 is not None:
        centred = _centred_block(title or content[0], content, frame)
        if centred or not ocr:
            return _join(centred, ocr) if centred else (None, None)
        # OCR boxes can be ragged: read the lines by their words instead
    if title_bold:
        bold: list[TextLine] = []
        for ln in content[:MAX_LINES]:
            if not ln.line.bold or _NUMBERED.match(ln.text):
                break
            if bold and is_upper(ln.text) and not is_upper(bold[-1].text):
                break  # "GIÁM ĐỐC SỞ NỘI VỤ", the authority line of a decision
            bold.append(ln)
        return _join(bold) if bold else (None, None)
    taken: list[TextLine] = []
    for ln in lines:
        if is_separator(ln.text):
            if taken:
                break
            continue
        if is_body_start(ln.text) and not (not taken and (is_vv_line(ln.text) or _title_like(ln.text))):
            break
        if taken and is_upper(ln.text) and (not is_upper(taken[-1].text) or is_authority_line(ln.text)):
            break  # "ỦY BAN NHÂN DÂN TỈNH …", "BỘ TRƯỞNG BỘ CÔNG THƯƠNG": who issues a decision
        if ln.text.rstrip().endswith(":") and not is_vv_line(ln.text):
            break  # "Sở Nội vụ trân trọng giới thiệu:", "… như sau:" lead into a body
        taken.append(ln)
        if len(taken) >= MAX_LINES:
            break
    if not taken:
        return None, None
    return _join(taken, ocr)


def subject_of_cong_van(lines: list[TextLine], ocr_pages: frozenset[int] = frozenset()
                        ) -> tuple[str | None, Span | None]:
    """The "V/v …" block: from the V/v line, on in the same column, up to the body."""
    for pos, ln in enumerate(lines):
        if not is_vv_line(ln.text):
            continue
        taken = [ln]
        for nxt in lines[pos + 1: pos + MAX_LINES]:
            if nxt.column != ln.column or is_separator(nxt.text) or is_body_start(nxt.text):
                break
            if ln.column is None and (nxt.text.rstrip().endswith(":") or "ngày" in nxt.text):
                break
            taken.append(nxt)
        return _join(taken, ln.page in ocr_pages)
    return None, None
