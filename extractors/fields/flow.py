"""The body text as logical paragraphs ("blocks"), their headings, sentences and clauses.

PDF text and web pages wrap lines in the middle of sentences ("… tháng 6\\nnăm 2020"). ``Flow``
joins such wraps by replacing the newline with a space — the text keeps its length, so every
offset found in ``Flow.text`` is an offset into the record text too. Each block knows its list
marker ("I.", "1.", "2.1.", "a)", "-", "+"), from which the heading it sits under is found:
"- 85% người dân …" sits under "a) Đến cuối năm 2022:", which sits under "8. …".

Example: ``build_flow("a) Đến cuối năm 2022:\\n- 85% người dân có\\nđiện thoại;")`` has two
blocks, the second with marker "-" and parent 0, and text "… có điện thoại;".
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# list markers, most to least senior; the rank orders headings
_MARKERS = (
    (0, r"(?:PHẦN|Phần)\s+[IVXLC\d]+\b[.:]?"),
    (1, r"(?:CHƯƠNG|Chương)\s+[IVXLC\d]+\b[.:]?"),
    (2, r"(?:MỤC|Mục)\s+\d+\b[.:]?"),
    (3, r"Điều\s+\d+[a-zđ]?[.:]"),
    (4, r"(?:[IVX]{1,5}|H|Il|lI|IH|HI)[.)]"),   # OCR reads "II." as "H.", "Il." (checked below)
    (6, r"\d{1,2}\.\d{1,2}\.?"),
    (7, r"\d{1,2}\.\d{1,2}\.\d{1,2}\.?"),
    (5, r"\d{1,2}\."),
    (8, r"\d{1,2}\)|\(\d{1,2}\)"),
    (9, r"[a-zđ][).]|\([a-zđ]\)"),
    (10, r"[-–—•·▪●*]"),
    (11, r"[+○◦]"),
)
_OCR_ROMANS = {"H", "Il", "lI", "IH", "HI"}
_MARKER_RE = re.compile(r"\s*(?:" + "|".join(f"(?P<r{rank}>{pat})" for rank, pat in _MARKERS) + r")\s+(?=\S)")
_END_PUNCT = ".;:!?"
_SEPARATOR = re.compile(r"^[\s|_\-=*–—.]*$")
_SENTENCE_END = re.compile(r"[.!?…]+[\"”')]*\s+")
_LABEL_LINE = re.compile(r"\s*(?:\d{1,2}(?:\.\d{1,2}){0,2}\.?|[IVX]{1,5}\.?|[A-ZĐ]\.?)\s*$")
_ARTICLE = re.compile(r"\s*(?:Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+[\dIVXLC]+[a-zđ]?\b")
_ABBREV = re.compile(r"(?<![\w.])([A-ZĐ][A-Za-zĐđ]{0,2})$")  # "TP." "Ng." "TS." end no sentence


@dataclass(frozen=True)
class Block:
    """One logical paragraph: [start, end) in the text; ``body`` is where text after the marker starts."""

    start: int
    end: int
    body: int
    marker: str | None
    rank: int | None
    parent: int | None   # index of the heading block it sits under


@dataclass(frozen=True)
class Flow:
    text: str                      # the record text with wraps joined (same length)
    blocks: tuple[Block, ...]
    sentences: tuple[tuple[int, int], ...]
    clauses: tuple[tuple[int, int], ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", {
            "blocks": [b.start for b in self.blocks],
            "sentences": [s for s, _ in self.sentences],
            "clauses": [s for s, _ in self.clauses],
        })

    def _find(self, kind: str, offset: int) -> int | None:
        i = bisect.bisect_right(self._starts[kind], offset) - 1
        if i < 0:
            return None
        item = getattr(self, kind)[i]
        end = item.end if kind == "blocks" else item[1]
        return i if offset < end else None

    def block_at(self, offset: int) -> int | None:
        return self._find("blocks", offset)

    def sentence_at(self, offset: int) -> tuple[int, int] | None:
        i = self._find("sentences", offset)
        return None if i is None else self.sentences[i]

    def clause_at(self, offset: int) -> tuple[int, int] | None:
        i = self._find("clauses", offset)
        return None if i is None else self.clauses[i]

    def ancestors(self, index: int) -> list[int]:
        """Heading blocks above block ``index``, nearest first."""
        out, parent = [], self.blocks[index].parent
        while parent is not None and len(out) < 32:
            out.append(parent)
            parent = self.blocks[parent].parent
        return out

    def label(self, index: int, max_words: int = 10) -> tuple[int, int] | None:
        """The short heading words of a block before its ":" ("a) Y tế: Phát triển …" → "Y tế")."""
        block = self.blocks[index]
        head = self.text[block.body:min(block.end, block.body + 80)]
        colon = head.find(":")
        if colon <= 0 or "." in head[:colon] or len(head[:colon].split()) > max_words:
            return None
        return block.body, block.body + colon


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for piece in re.split(r"([\n\f])", text):
        if piece in ("\n", "\f"):
            pos += 1
            continue
        out.append((pos, pos + len(piece)))
        pos += len(piece)
    return out


def _marker(line: str) -> tuple[int, int, str] | None:
    """(rank, length of the marker with its space, marker) of a line, or None."""
    m = _MARKER_RE.match(line)
    if m is None:
        return None
    marker = m.group(m.lastgroup)
    if marker[:-1] in _OCR_ROMANS and not line[m.end():].isupper():
        return None  # "H." opens a heading in capitals only ("H. MỤC TIÊU" read from "II. MỤC TIÊU")
    return int(m.lastgroup[1:]), m.end(), marker


def _continues(prev: str, line: str) -> bool:
    """Whether ``line`` goes on with the sentence ``prev`` left open (a wrapped line)."""
    prev, line = prev.rstrip(), line.strip()
    if not prev or not line or _SEPARATOR.match(prev) or _SEPARATOR.match(line):
        return False
    if _LABEL_LINE.match(prev) or _LABEL_LINE.match(line):
        return False  # "21", "1.2", "B" alone on a line: a table's row number, its own cell
    if prev[-1] in _END_PUNCT or _marker(line):
        return False
    if line[:1].isupper() and not (prev.isupper() and line.isupper()) \
            and (_ARTICLE.match(prev) or _short_heading(prev)):
        return False  # "Điều 3. Đối tượng …", "1. Mục tiêu": a capital opens the next paragraph
    if line.isupper() and len(line.split()) >= 2 and not prev.isupper():
        return False  # a title in capitals starts its own line ("BỘ TIÊU CHÍ …" after a name)
    return not (prev.isupper() and not line.isupper())  # a heading in capitals ends its line


def _short_heading(line: str) -> bool:
    """"1. Mục tiêu", "a) Y tế": a numbered or lettered heading of a few words."""
    found = _marker(line)
    return found is not None and found[0] <= 9 and len(line[found[1]:].split()) <= 10


def build_flow(text: str, breaks: frozenset[int] = frozenset()) -> Flow:
    """Blocks, sentences and clauses of ``text`` with wrapped lines joined. A line starting at
    an offset in ``breaks`` (a table's line) is never joined to the line before or after it."""
    chars = list(text)
    groups: list[list[tuple[int, int]]] = []
    for start, end in _lines(text):
        if text[start:end].strip() == "":
            groups.append([])
            continue
        if groups and groups[-1] and start not in breaks and groups[-1][-1][0] not in breaks \
                and _continues(text[groups[-1][-1][0]:groups[-1][-1][1]], text[start:end]):
            chars[start - 1] = " "
            groups[-1].append((start, end))
        else:
            groups.append([(start, end)])
    joined = "".join(chars)
    blocks = _blocks([(g[0][0], g[-1][1]) for g in groups if g], joined)
    sentences = tuple(s for b in blocks for s in _split_sentences(joined, b.body, b.end))
    clauses = tuple(c for s in sentences for c in _split_clauses(joined, *s))
    return Flow(joined, tuple(blocks), sentences, clauses)


def _blocks(spans: list[tuple[int, int]], text: str) -> list[Block]:
    """Blocks with their parents. Besides the marked headings, a title in capitals heads what
    follows it ("BỘ TIÊU CHÍ … GIAI ĐOẠN 2026 - 2030"), and a paragraph ending with ":" heads the
    list items under it ("Phấn đấu đến năm 2030, đạt các chỉ tiêu sau:" over "- …", "a) …")."""
    blocks: list[Block] = []
    stack: list[tuple[int, float]] = []   # (block index, level): lower levels are more senior
    for start, end in spans:
        found = _marker(text[start:end])
        if found is None:
            body = _skip_space(text, start, end)
            level = _unmarked_level(text[body:end])
            if level is None and any(_is_intro(entry) for entry in stack):
                while not _is_intro(stack[-1]):
                    stack.pop()  # a plain paragraph ends the list an intro opened …
                stack.pop()      # … and the intro
            while stack and level is not None and stack[-1][1] >= level:
                stack.pop()
            blocks.append(Block(start, end, body, None, None, stack[-1][0] if stack else None))
            if level is not None:
                stack.append((len(blocks) - 1, level))
            continue
        rank, length, marker = found
        while stack and stack[-1][1] >= rank:
            stack.pop()
        blocks.append(Block(start, end, start + length, marker, rank, stack[-1][0] if stack else None))
        stack.append((len(blocks) - 1, float(rank)))
    return blocks


_INTRO_ITEMS = 7.5   # an intro heads items marked "1)", "a)", "-", "+" (ranks 8 and over)


def _is_intro(entry: tuple[int, float]) -> bool:
    return entry[1] >= _INTRO_ITEMS and entry[1] not in _RANKS


_RANKS = {float(rank) for rank, _ in _MARKERS}


def _unmarked_level(body: str) -> float | None:
    """The heading level of an unmarked paragraph: -1 for a title in capitals, just above list
    items for an intro ending with ":", None for a plain paragraph."""
    words = body.split()
    if 2 <= len(words) <= 40 and body.isupper() and not body.rstrip().endswith((".", ";")):
        return -1.0
    if body.rstrip().endswith(":") and len(words) <= 80:
        return _INTRO_ITEMS   # ends the items and the intro before it
    return None


def _skip_space(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, begin = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        nxt = m.end()
        if nxt >= end or not (text[nxt].isupper() or text[nxt] in "“\"("):
            continue
        if _ABBREV.search(text, begin, m.start()):
            continue
        out.append((begin, m.start() + 1))
        begin = nxt
    if begin < end:
        out.append((begin, end))
    return out


_CLAUSE_MARKS = re.compile(r"[;()]")


def _split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Parts of a sentence between ";" outside brackets."""
    if text.find(";", start, end) < 0:
        return [(start, end)]
    out, begin, depth = [], start, 0
    for m in _CLAUSE_MARKS.finditer(text, start, end):
        ch = m.group(0)
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append((begin, m.start()))
            begin = _skip_space(text, m.start() + 1, end)
    if begin < end:
        out.append((begin, end))
    return out
