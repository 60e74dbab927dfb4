"""Cited documents: "Quyết định số 749/QĐ-TTg ngày 03 tháng 6 năm 2020 của Thủ tướng Chính phủ về …".

Found in four ways, then merged by number in order of first mention:
1. numbers (749/QĐ-TTg, 30/2020/NĐ-CP, 04-NQ/TU, OCR-split "1743/QĐ- BGTVT") with the type word,
   date, issuer and title (trích yếu) around them; a list "các Quyết định số: 1743/QĐ-BGTVT,
   1744/QĐ-BGTVT ngày 31/12/2024" shares its trailing date and issuer;
2. laws named without a number: "Luật Tổ chức chính quyền địa phương";
3. documents named by a quoted title: Đề án “Xây dựng Thành phố … đô thị thông minh”;
4. a document a sentence says was issued: "UBND thành phố Đà Nẵng vừa ban hành kế hoạch …"
   (not when it is the document itself).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from extractors.fields import patterns as P
from extractors.fields.agencies import agency_at
from extractors.fields.flow import Flow, build_flow
from extractors.fields.textutil import SpanSet, clean, fold_key, overlap_share
from extractors.fields.timex import TimeMention, scan_times
from extractors.records import Reference
from extractors.text import DocText
from extractors.textkeys import ascii_key
from extractors.wordlists import load


@dataclass
class _Mention:
    start: int
    end: int
    number: str | None
    doc_type: str | None = None
    issued_on: str | None = None
    issuer: str | None = None
    title: str | None = None
    title_span: tuple[int, int] | None = None
    after: int = 0                       # where the number (and its date) ends
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Context:
    """What the document says of itself, to keep it out of its own references."""

    own_number: str | None = None
    doc_type: str | None = None
    subject: str | None = None


@functools.cache
def _words() -> dict:
    return load("deep_words")["references"]


@functools.cache
def _type_names() -> list[str]:
    names = [t["name"] for t in load("doc_types")["type"] if t.get("name")]
    return sorted(set(names + ["Văn bản", "Công văn", "Luật", "Bộ luật"]), key=len, reverse=True)


@functools.cache
def _code_types() -> dict[str, str]:
    codes = {t["code"]: t["name"] for t in load("doc_types")["type"] if t.get("code")}
    return {**codes, **_words()["party_codes"]}


@functools.cache
def _type_before() -> re.Pattern[str]:
    # "Quyết định số " · "các Quyết định số: " · "Nghị quyết " · "Luật … số " (just before a number)
    alt = P.words_alternation(_type_names())
    return re.compile(rf"(?<![\w])(?P<type>{alt}){P.OWS}(?:số|Số|số hiệu)?{P.OWS}:?{P.OWS}$", re.I)


_LIST_GLUE = re.compile(rf"^{P.OWS}(?:,|;|và|,{P.WS}và){P.OWS}(?:số{P.OWS}:?{P.OWS})?$")
_OWN_LINE = re.compile(rf"Số{P.OWS}:{P.OWS}$")
_OF = re.compile(rf"{P.OWS},?{P.OWS}(?:của|do){P.WS}")
_DATE_GLUE = re.compile(rf"^{P.OWS},?{P.OWS}(?:được{P.WS})?(?:ban{P.WS}hành{P.WS})?$")


def find_references(text: DocText, flow: Flow | None = None, context: Context = Context(),
                    times: list[TimeMention] | None = None,
                    covered: list[tuple[int, int]] | None = None) -> list[Reference]:
    """Every document cited in ``text``, once each, in order of first mention.

    ``covered``, if given, receives the (start, end) of every mention, re-mentions included.
    """
    flow = flow or build_flow(text.text)
    times = times if times is not None else scan_times(flow.text)[0]
    mentions = _numbered(flow, context, times)
    taken = [(m.start, m.end) for m in mentions]
    mentions += _named_laws(flow.text, times, taken)
    mentions += _quoted(flow.text)
    mentions += _issued(flow, context, [(m.start, m.end) for m in mentions])
    mentions.sort(key=lambda m: m.start)
    if covered is not None:
        covered.extend((m.start, m.end) for m in mentions)
    return _merge(text, mentions)


# --- numbered citations -------------------------------------------------------------------

def _numbered(flow: Flow, context: Context, times: list[TimeMention]) -> list[_Mention]:
    text = flow.text
    own = fold_key(context.own_number) if context.own_number else None
    found = sorted([m for pattern in (P.DOC_NUMBER, P.PARTY_NUMBER) for m in pattern.finditer(text)
                    if not P.glued_before(text, m.start())], key=lambda m: m.start())
    by_start = {t.start: t for t in times}
    out: list[_Mention] = []
    for m in found:
        number = normalize_number(m.group(0))
        if (own and fold_key(number) == own) or _OWN_LINE.search(text, max(0, m.start() - 8), m.start()):
            continue
        if out and m.start() < out[-1].after:
            continue
        mention = _Mention(m.start(), m.end(), number, after=m.end())
        _read_type(text, m, mention, out)
        _read_date(text, mention, by_start)
        _read_date_before(flow, mention, times)
        out.append(mention)
    _share_in_lists(text, out)
    for mention in out:
        _read_issuer_and_title(flow, mention, out)
    return out


def normalize_number(raw: str) -> str:
    """"1743/QĐ- BGTVT" → "1743/QĐ-BGTVT"; "749/QÐ-TTg" (eth) → "749/QĐ-TTg"."""
    return re.sub(r"\s+", "", raw).replace("Ð", "Đ").replace("–", "-")


def _read_type(text: str, m: re.Match, mention: _Mention, previous: list[_Mention]) -> None:
    window_start = max(0, m.start() - 40)
    before = _type_before().search(text, window_start, m.start())
    if before:
        mention.doc_type = _canonical_type(before.group("type"))
        mention.start = before.start()
        return
    if previous and _LIST_GLUE.match(text[previous[-1].after:m.start()]):
        own = type_from_symbol(mention.number or "")
        inherited = previous[-1].doc_type
        mention.doc_type = own if own and own != "Công văn" and own != inherited else inherited
        mention.extra["list_of"] = previous[-1]
        return
    named = _named_before().search(text, max(0, m.start() - 240), m.start())
    if named:
        mention.doc_type = _canonical_type(named.group("type"))
        mention.title = clean(named.group("name"))
        mention.start = named.start()
        return
    mention.doc_type = type_from_symbol(mention.number or "")


@functools.cache
def _named_before() -> re.Pattern[str]:
    # "Luật Địa chất và khoáng sản số " just before a number
    types = P.words_alternation(_words()["named_types"])
    return re.compile(rf"(?<![\w])(?P<type>{types}){P.WS}(?P<name>(?:[{P.UPPER}]|sửa{P.WS}đổi)[^\n;:.()“”\"]{{1,200}}?){P.WS}số{P.OWS}:?{P.OWS}$")


def _canonical_type(word: str) -> str:
    key = ascii_key(word)
    for name in _type_names():
        if ascii_key(name) == key:
            return name
    return clean(word)


def type_from_symbol(number: str) -> str | None:
    """The type a number's symbol announces: "30/2020/NĐ-CP" → Nghị định, "04-NQ/TU" → Nghị quyết.

    A symbol that starts with an agency ("123/UBND-VX") is a công văn (Nghị định 30, Phụ lục III).
    """
    party = P.PARTY_NUMBER.fullmatch(number)
    if party:
        return _words()["party_codes"].get(party.group("code"))
    symbol = number.rsplit("/", 1)[-1] if "/" in number else ""
    code = symbol.split("-", 1)[0]
    for prefix, name in _words()["legislature"].items():
        if re.fullmatch(rf"{prefix}\d*", code):
            return name
    if code in _code_types():
        return _code_types()[code]
    return "Công văn" if code and "-" in symbol else None


def _read_date(text: str, mention: _Mention, by_start: dict[int, TimeMention]) -> None:
    for offset in range(mention.after, min(len(text), mention.after + 16)):
        t = by_start.get(offset)
        if t is None:
            continue
        if t.kind == "date" and t.year and _DATE_GLUE.match(text[mention.after:offset]):
            mention.issued_on = t.label()[:10]
            mention.after = t.end
        return


_DATE_BEFORE = re.compile(rf"{P.OWS},?{P.OWS}(?P<rest>.{{0,90}}?){P.OWS}(?:đã|vừa|mới)?{P.OWS}ban{P.WS}hành{P.WS}$",
                          re.I | re.S)


def _read_date_before(flow: Flow, mention: _Mention, times: list[TimeMention]) -> None:
    """"Ngày 10/12/2021, UBND thành phố đã ban hành Quyết định số 3970/QĐ-UBND" (date in front)."""
    if mention.issued_on:
        return
    sentence = flow.sentence_at(mention.start)
    if sentence is None:
        return
    for t in times:
        if sentence[0] <= t.start < mention.start and t.kind == "date" and t.year:
            m = _DATE_BEFORE.match(flow.text, t.end, mention.start)
            if m:
                mention.issued_on = t.label()[:10]
                end = agency_at(flow.text, m.start("rest"))
                if end:
                    mention.issuer = clean(flow.text[m.start("rest"):end])
                return


def _share_in_lists(text: str, mentions: list[_Mention]) -> None:
    """Members of "1743/QĐ-BGTVT, 1744/QĐ-BGTVT ngày 31/12/2024" take the list's date."""
    for mention in reversed(mentions):
        first = mention.extra.get("list_of")
        if first is not None and mention.issued_on and not first.issued_on:
            first.issued_on = mention.issued_on
            first.extra["date_from"] = mention


def _read_issuer_and_title(flow: Flow, mention: _Mention, all_mentions: list[_Mention]) -> None:
    text, pos = flow.text, mention.after
    of = _OF.match(text, pos)
    if of:
        end = agency_at(text, of.end())
        if end:
            mention.issuer = clean(text[of.end():end])
            pos = end
    if mention.extra.get("date_from") is not None:
        return
    start = _title_start(text, pos, has_issuer=of is not None)
    if start is None:
        return
    stop = _title_stop(flow, start, mention, all_mentions)
    title = _trim_title(text[start:stop])
    if len(title.split()) >= 2:
        mention.title = title
        mention.title_span = (start, start + len(text[start:stop].rstrip()))
        mention.end = max(mention.end, mention.title_span[1])


@functools.cache
def _title_start_re() -> re.Pattern[str]:
    starts = P.words_alternation(_words()["title_starts"])
    return re.compile(rf"{P.OWS},?{P.OWS}(?:{starts})(?:{P.WS}|:)", re.I)


def _title_start(text: str, pos: int, has_issuer: bool) -> int | None:
    m = _title_start_re().match(text, pos)
    if m:
        return m.end()
    if not has_issuer:
        return None
    word = re.match(rf"{P.OWS}(\w+)", text[pos:pos + 30])
    if word and word.group(1)[0].islower() and word.group(1).casefold() not in _words()["not_title"]:
        return pos + word.start(1)
    return None


@functools.cache
def _title_break() -> re.Pattern[str]:
    heads = P.words_alternation(load("agencies")["heads"] + ["Ủy ban nhân dân", "UBND"])
    breaks = P.words_alternation(_words()["title_breaks"])
    return re.compile(rf";|\(gọi tắt|,{P.OWS}(?:{heads}){P.WS}|\.{P.WS}(?=[{P.UPPER}])|{P.WS}(?:{breaks}){P.WS}")


def _title_stop(flow: Flow, start: int, mention: _Mention, all_mentions: list[_Mention]) -> int:
    sentence = flow.sentence_at(start)
    stop = min(sentence[1] if sentence else len(flow.text), start + 400)
    later = [m.start for m in all_mentions if m.start > start]
    if later:
        stop = min(stop, later[0])
    brk = _title_break().search(flow.text, start, stop)
    return brk.start() if brk else stop


@functools.cache
def _trailing_glue() -> re.Pattern[str]:
    types = P.words_alternation(_type_names())
    return re.compile(rf"(?:[\s,;.]+|{P.WS}(?:và|cùng|các)(?={P.WS}|$)|(?<![\w])(?:{types})(?:{P.WS}số)?)+$", re.I)


def _trim_title(title: str) -> str:
    title = _trailing_glue().sub("", title)
    return clean(title).rstrip(" ,;.:")


# --- documents named without a number --------------------------------------------------------

@functools.cache
def _law_re() -> re.Pattern[str]:
    # "Luật Tổ chức chính quyền địa phương" · "Luật sửa đổi, bổ sung một số điều của Luật …"
    types = P.words_alternation(_words()["named_types"])
    return re.compile(rf"(?P<type>{types}){P.WS}(?P<name>[{P.UPPER}][^\n;:,.()“”\"]{{2,120}}"
                      rf"|sửa{P.WS}đổi,{P.OWS}bổ{P.WS}sung[^\n;:.()“”\"]{{2,200}}?(?={P.WS}(?:ngày{P.WS}\d|số{P.OWS}:?{P.OWS}\d)|[;:.]|$))")


def _named_laws(text: str, times: list[TimeMention], taken: list[tuple[int, int]]) -> list[_Mention]:
    out = []
    stops = re.compile(rf"{P.WS}(?:{P.words_alternation(_words()['law_name_stops'])})(?![\w])|{P.WS}\d"
                       rf"|{P.WS}và{P.WS}(?=[{P.UPPER}])", re.I)
    taken_set = SpanSet(taken)
    pos = 0
    while m := _law_re().search(text, pos):
        cut = stops.search(m.group("name"))
        amending = m.group("name").startswith("sửa")
        name = clean(m.group("name") if amending or not cut else m.group("name")[:cut.start()])
        end = m.start("name") + len(name)
        pos = m.start("name") if amending else max(end, m.start() + 1)
        if m.start() > 0 and text[m.start() - 1].isalnum():
            continue
        if m.start() in taken_set or not name or len(name.split()) > (40 if amending else 12):
            continue
        mention = _Mention(m.start(), end, None, doc_type=_canonical_type(m.group("type")), title=name)
        mention.extra["key"] = ("law", fold_key(name))
        date = next((t for t in times if end <= t.start <= end + 4 and t.kind == "date" and t.year), None)
        if date:
            mention.issued_on = date.label()[:10]
        out.append(mention)
    return out


@functools.cache
def _quoted_re() -> re.Pattern[str]:
    # the type word just before an opening quote: "Đề án “"
    types = P.words_alternation(_words()["quoted_types"])
    return re.compile(rf"(?<![\w])(?P<type>{types}){P.OWS}$")


_QUOTE = re.compile(r"[“\"](?P<title>[^”\"\n]{3,300})[”\"]")


def _quoted(text: str) -> list[_Mention]:
    out = []
    for q in _QUOTE.finditer(text):
        m = _quoted_re().search(text, max(0, q.start() - 24), q.start())
        if m is None:
            continue
        title = clean(q.group("title"))
        mention = _Mention(m.start(), q.end(), None, doc_type=_canonical_type(m.group("type")), title=title)
        mention.extra["key"] = ("quoted", fold_key(mention.doc_type or ""), fold_key(title))
        out.append(mention)
    return out


@functools.cache
def _issued_re() -> re.Pattern[str]:
    types = P.words_alternation(_words()["issued_types"])
    return re.compile(
        rf"ban{P.WS}hành{P.WS}(?P<type>{types}){P.WS}(?!số\b|này\b)(?P<title>[^;:.()“”\"\n]{{8,250}}?)"
        rf"(?={P.WS}(?:nhằm|để|với mục|theo|trong đó)\b|[;:.,(]|$)", re.I)


def _issued(flow: Flow, context: Context, taken: list[tuple[int, int]]) -> list[_Mention]:
    out, taken_set = [], SpanSet(taken)
    for m in _issued_re().finditer(flow.text):
        if m.start() in taken_set or _is_self(m, context):
            continue
        title = clean(m.group("title"))
        if len(title.split()) < 3 or title.split()[0].casefold() in _words()["not_title"]:
            continue
        kind = _canonical_type(m.group("type"))
        mention = _Mention(m.start("type"), m.end(), None, doc_type=kind, title=title)
        mention.issuer = _agency_before(flow, m.start())
        mention.extra["key"] = ("issued", fold_key(kind), fold_key(title))
        out.append(mention)
    return out


def _is_self(m: re.Match, context: Context) -> bool:
    if not context.doc_type or ascii_key(context.doc_type) != ascii_key(m.group("type")):
        return False
    if not context.subject:
        return True
    title = m.group("title")
    return max(overlap_share(context.subject, title), overlap_share(title, context.subject)) >= 0.6


def _agency_before(flow: Flow, pos: int) -> str | None:
    sentence = flow.sentence_at(pos)
    start = sentence[0] if sentence else max(0, pos - 120)
    prefix = re.sub(rf"{P.OWS}(?:đã|vừa|mới)?{P.OWS}$", "", flow.text[start:pos])
    for i in range(start, start + len(prefix)):
        end = agency_at(flow.text, i)
        if end and end == start + len(prefix):
            return clean(flow.text[i:end])
    return None


# --- merging ---------------------------------------------------------------------------------

def _merge(text: DocText, mentions: list[_Mention]) -> list[Reference]:
    """One reference per document: later mentions fill what the first one left empty."""
    by_key: dict[tuple, Reference] = {}
    out: list[Reference] = []
    for m in mentions:
        key = ("number", fold_key(m.number)) if m.number else m.extra.get("key")
        ref = by_key.get(key)
        if ref is None:
            ref = Reference(m.doc_type, m.number, m.issued_on, m.issuer, m.title, text.span(m.start, m.end))
            by_key[key] = ref
            out.append(ref)
            continue
        for name in ("doc_type", "issued_on", "issuer", "title"):
            if getattr(ref, name) is None and getattr(m, name) is not None:
                setattr(ref, name, getattr(m, name))
    return out

