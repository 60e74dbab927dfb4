"""Whether a number states a target: weighing the wording around it (``target_cues.toml``).

A plan says what to reach ("Phấn đấu đến năm 2030, 100% xã đạt chuẩn"); a rule says what applies
("phụ cấp ưu đãi bằng 70% mức lương", "tối thiểu 43% tổng kinh phí được phân bổ"); a report says
what was done ("đã tiếp nhận … đạt tỷ lệ 90,11%"). The cues of the clause holding the number count
whole, those of the rest of its sentence half, and the nearest heading above it that holds a cue
("2. Mục tiêu cụ thể", "Điều 5. Mức phụ cấp", "I. KẾT QUẢ THỰC HIỆN") counts too. A time the
sentence or heading aims at ("Đến năm 2030, …", "a) Đến cuối năm 2022:") is an aim, and so is a
share that opens its clause ("- 85% người dân có điện thoại thông minh"). The verdict keeps the
aim cue that weighed most, which ``--explain`` shows.

Example: ``CueReader(flow, times).judge(offset_of("85%"))`` → ``Verdict(True, 4.0, Cue("Đến cuối
năm 2022", "aim", 2.0, "heading"))`` under "a) Đến cuối năm 2022:".
"""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass, replace

from extractors.fields import patterns as P
from extractors.fields.flow import Flow
from extractors.fields.timex import TimeMention
from extractors.wordlists import load

KINDS = ("aim", "rule", "result")
_SENTENCE_REST = 0.5   # the part of the sentence outside the number's clause counts half
_FARTHER = 0.5         # headings above the nearest one that holds a cue count half
_SHARE_AT_HEAD = 1.0   # "- 85% người dân …": a share opening its clause
_HEAD_WORDS = 30       # a heading's cues are read in its first words (or its closing sentence)
_LIMIT_KINDS = ("date", "month", "quarter", "half", "year")
_PUNCT = " \t\n-–+*•:;,.()"


@dataclass(frozen=True)
class Cue:
    words: str      # as written: "Phấn đấu", "Mục tiêu cụ thể", "Đến năm 2030"
    kind: str       # aim | rule | result
    weight: float   # after the weighting of where it stands
    where: str      # clause | sentence | heading | table
    time: bool = False  # a time aimed at ("Đến năm 2030"), not a word

    def describe(self) -> str:
        return f"{self.where}: “{self.words}”"


@dataclass(frozen=True)
class Verdict:
    target: bool
    score: float
    cue: Cue | None        # the aim that weighed most
    against: Cue | None    # the rule or result that weighed most


@dataclass(frozen=True)
class _Lexicon:
    pattern: re.Pattern[str]
    weights: dict[str, tuple[str, float]]   # folded words → (kind, weight)


@functools.cache
def _lexicon(level: str) -> _Lexicon:
    """The cue words of ``level``; a heading's are matched without tone marks, since OCR often
    misreads them on headings in capitals ("KẾT QUÁ" for "KẾT QUẢ")."""
    data = load("target_cues")[level]
    fold = toneless if level == "heading" else str
    weights: dict[str, tuple[str, float]] = {}
    for kind in KINDS:
        for words, weight in data.get(kind, {}).items():
            weights[fold(" ".join(words.split()).casefold())] = (kind, float(weight))
    alternation = P.words_alternation(list(weights))
    return _Lexicon(re.compile(rf"(?<![\w])(?:{alternation})(?![\w])", re.I), weights)


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


@functools.lru_cache(maxsize=4096)
def toneless(text: str) -> str:
    """``text`` without its tone marks (the vowels keep their other marks): "Kết quả" → "Kêt qua"."""
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", text) if c not in _TONES))


@functools.cache
def _time_lead_re() -> re.Pattern[str]:
    leads = P.words_alternation(load("target_cues")["time_aim"]["leads"])
    return re.compile(rf"(?:^|(?<![\w]))(?:{leads}){P.OWS}$", re.I)


def _time_weight() -> float:
    return float(load("target_cues")["time_aim"]["weight"])


def cues_in(text: str, start: int, end: int, level: str, where: str, scale: float = 1.0) -> list[Cue]:
    """Every cue word of ``level`` ("sentence" or "heading") in ``text[start:end]``."""
    lex = _lexicon(level)
    shown = text[start:end]
    if level == "heading":
        text, start, end = toneless(shown), 0, len(toneless(shown))
        offset = 0 if len(text) == len(shown) else None   # NFC letters keep their places
    else:
        offset = None
    out, seen = [], set()
    for m in lex.pattern.finditer(text, start, end):
        key = " ".join(m.group(0).split()).casefold()
        kind, weight = lex.weights[key]
        if weight and key not in seen:  # a word counts once however often it is repeated
            seen.add(key)
            words = shown[m.start():m.end()] if offset is not None else m.group(0)
            out.append(Cue(" ".join(words.split()), kind, weight * scale, where))
    return out


class CueReader:
    """Judges the numbers of one document; heading cues are read once per heading."""

    def __init__(self, flow: Flow, times: list[TimeMention] = (), year: int | None = None) -> None:
        self.flow = flow
        self.year = year    # the year of issue: a time after it is aimed at, one before it is past
        self.times = [t for t in times if t.kind in _LIMIT_KINDS]
        self._time_starts = [t.start for t in self.times]
        self._headings: dict[int, list[Cue]] = {}

    def judge(self, offset: int, percent: bool = True, extra: list[Cue] = ()) -> Verdict:
        """The verdict on the number at ``offset`` (a percentage, or a count, money or measure);
        ``extra`` adds cues from elsewhere (a table's header)."""
        return verdict(self.cues_at(offset) + list(extra), least(percent))

    def cues_at(self, offset: int) -> list[Cue]:
        flow = self.flow
        clause = flow.clause_at(offset) or (offset, offset)
        sentence = flow.sentence_at(offset) or clause
        cues = cues_in(flow.text, clause[0], clause[1], "sentence", "clause")
        cues += self._times_in(clause[0], clause[1], "clause", 1.0)
        for lo, hi in ((sentence[0], clause[0]), (clause[1], sentence[1])):
            if lo < hi:
                cues += cues_in(flow.text, lo, hi, "sentence", "sentence", _SENTENCE_REST)
                cues += self._times_in(lo, hi, "sentence", _SENTENCE_REST)
        if _share_at_head(flow.text, clause[0], offset):
            cues.append(Cue(flow.text[offset:offset + 12].split(" ")[0], "aim", _SHARE_AT_HEAD, "clause"))
        block = flow.block_at(offset)
        return cues + (self.heading_cues(flow.ancestors(block)) if block is not None else [])

    def heading_cues(self, ancestors: list[int]) -> list[Cue]:
        """The cues of the nearest heading among ``ancestors`` that holds any, and at half
        weight those of the headings above it ("Điều 3. Tiêu chí … được hưởng ưu đãi về thuế"
        over "2. Tiêu chí về nghiên cứu …")."""
        out: list[Cue] = []
        for index in ancestors:
            if index not in self._headings:
                self._headings[index] = self._read_heading(index)
            scale = 1.0 if not out else _FARTHER
            out += [replace(c, weight=c.weight * scale) for c in self._headings[index]] if scale == 1.0 \
                else [replace(c, weight=c.weight * scale, where="heading above") for c in self._headings[index]]
        return out

    def _read_heading(self, index: int) -> list[Cue]:
        start, end = heading_words(self.flow, index)
        return cues_in(self.flow.text, start, end, "heading", "heading") + self._times_in(start, end, "heading", 1.0)

    def _times_in(self, start: int, end: int, where: str, scale: float) -> list[Cue]:
        """Times aimed at in ``text[start:end]``: "Đến năm 2030", "trong năm 2026", "Năm 2026:"."""
        out = []
        i = bisect.bisect_left(self._time_starts, start)
        while i < len(self.times) and self.times[i].start < end:
            t = self.times[i]
            lead = _time_lead_re().search(self.flow.text, max(start, t.start - 16), t.start)
            opening = not self.flow.text[start:t.start].strip(_PUNCT)
            named = where == "heading" and self.year is not None and t.year is not None and t.year != self.year
            if lead or opening or named:  # a heading naming another year: "KẾ HOẠCH NĂM 2027"
                begin = lead.start() if lead else t.start
                words = " ".join(self.flow.text[begin:t.end].split())
                out.append(self._time_cue(words, t, where, scale))
            i += 1
        return out

    def _time_cue(self, words: str, t: TimeMention, where: str, scale: float) -> Cue:
        """"Đến năm 2030" in a text of 2026 aims further than "trong năm 2026"; "trong năm 2025"
        in a text of 2026 tells what was done."""
        weight = _time_weight()
        if self.year is not None and t.year is not None:
            if t.year < self.year:
                return Cue(words, "result", 1.0 * scale, where, time=True)
            if t.year > self.year:
                weight += 1.0
        return Cue(words, "aim", weight * scale, where, time=True)


def heading_words(flow: Flow, index: int) -> tuple[int, int]:
    """Where a heading's cues are read: its closing sentence when it ends with ":" (it opens a
    list: "… Phấn đấu hoàn thành các mục tiêu cơ bản sau:"), else its first words."""
    block = flow.blocks[index]
    text = flow.text
    body_end = block.end
    if text[block.body:body_end].rstrip().endswith(":"):
        sentence = flow.sentence_at(body_end - 1)
        if sentence:
            return max(sentence[0], block.body), body_end
    stop, words = block.body, 0
    for m in re.finditer(r"\S+", text[block.body:body_end]):
        stop = block.body + m.end()
        words += 1
        if words >= _HEAD_WORDS:
            break
    return block.body, stop


_BOUND_WORDS = re.compile(r"(?:tối thiểu|ít nhất|trên|dưới|tối đa|không dưới|không quá|[≥≤><]=?)\s*$", re.I)


def _share_at_head(text: str, clause_start: int, offset: int) -> bool:
    """Whether the number opens its clause after no more than a list mark and a bound:
    "- 85% người dân …", "- Tối thiểu 80% …"."""
    head = text[clause_start:offset].strip(_PUNCT)
    head = _BOUND_WORDS.sub("", head).strip(_PUNCT)
    return head == "" and "%" in text[offset:offset + 16]


def least(percent: bool) -> float:
    """How much aim a percentage, or another quantity, needs at the least."""
    return float(load("target_cues")["least"]["percent" if percent else "other"])


def verdict(cues: list[Cue], needed: float = 1.0) -> Verdict:
    """Aims against rules and results; ``needed`` is the least aim a number needs, times
    aside when more than one is needed (a count under "trong năm 2025" alone is no target)."""
    aims = [c for c in cues if c.kind == "aim"]
    others = [c for c in cues if c.kind != "aim"]
    aim = sum(c.weight for c in aims if needed <= 1 or not c.time)
    best = max(aims, key=lambda c: c.weight, default=None)
    worst = max(others, key=lambda c: c.weight, default=None)
    score = sum(c.weight for c in aims) - sum(c.weight for c in others)
    return Verdict(aim >= needed and score > 0, score, best, worst)
