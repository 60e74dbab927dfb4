"""Capitalisation checks of ND30_SPEC.md §5 (Phụ lục II) that need no dictionary.

The spec numbers these rules 1–5 without ids; findings use ``VH-01`` (rule 1, a sentence or
paragraph starts with a capital) and ``VH-05`` (rule 5: Phần/Chương/Mục/Điều capitalised when a
specific part is cited but khoản and điểm not; "Nhân dân", "Nhà nước").

    >>> [m.group(0) for m in CITED_PART.finditer("theo khoản 2 điều 5 của Luật")]
    ['khoản 2 điều 5']
"""
from __future__ import annotations

import re
from typing import Iterator

from docgen.lint.checks.common import grouped
from docgen.lint.context import Context
from docgen.lint.finding import Finding
from docgen.lint.zones import lint_words

LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
NUMBERING = re.compile(r"^\s*(\d+(\.\d+)*\.?|[a-zđ]\)|[IVXLC]+\.|[-+•–])\s*")
# "khoản 2 điều 5", "điểm a khoản 2 điều 5", "tại chương II": the part word must be capitalised
CITED_PART = re.compile(
    r"\b(?:(?:điểm\s+[a-zđ]\)?|khoản\s+\d+|Điều\s+\d+|tại|theo|của)\s+)(?P<part>điều|chương|mục|phần|tiểu mục)"
    r"\s+(?P<num>\d+|[IVXLC]+)\b")
# "…, Khoản 2 Điều 5": khoản and điểm stay lower case inside a sentence
CAPITAL_CLAUSE = re.compile(rf"(?<=[{LOWER},] )(?P<part>Khoản|Điểm)\s+(?P<num>\d+|[a-zđ]\)?)\s+(?=khoản|Điều|điều)")
SENTENCE_END = re.compile(rf"(?P<before>\S+)[.?!]\s+(?P<word>[{LOWER}]\w*)")


def check(ctx: Context) -> Iterator[Finding]:
    zones = ctx.zones
    seen: set[int] = set()
    for line in [*zones.subject, *zones.can_cu, *zones.body]:
        if line.para.index in seen:
            continue
        seen.add(line.para.index)
        yield from _cited_parts(ctx, line)
        yield from _proper_nouns(ctx, line)
    yield from grouped(_sentence_starts(ctx), by_found=False)


def _cited_parts(ctx: Context, line) -> Iterator[Finding]:
    text = line.para.text
    for match in CITED_PART.finditer(text):
        found = match.group(0)
        fixed = found[: match.start("part") - match.start()] + match["part"].capitalize() + found[match.end("part") - match.start():]
        yield ctx.finding("VH-05", "cited part of a document capitalised", line, f"“{found}”", f"“{fixed}”")
    for match in CAPITAL_CLAUSE.finditer(text):
        found = match.group(0).strip()
        yield ctx.finding("VH-05", "khoản and điểm in lower case", line, f"“{found}”",
                          f"“{match['part'].lower()}{found[len(match['part']):]}”")


def _proper_nouns(ctx: Context, line) -> Iterator[Finding]:
    text = line.para.text
    for noun, triggers in lint_words()["proper_nouns"].items():
        for trigger in triggers:
            pattern = rf"(?<!\w){re.escape(trigger)}\s+{noun.lower()}(?!\w)"
            match = re.search(pattern, text)
            if match:
                yield ctx.finding("VH-05", f"“{noun}” capitalised", line, f"“{match.group(0)}”",
                                  f"“{match.group(0)[: -len(noun)]}{noun}”")
                break


def _sentence_starts(ctx: Context) -> Iterator[Finding]:
    abbreviations = tuple(lint_words()["abbreviations"])
    seen: set[int] = set()
    for line in ctx.zones.body:
        if line.para.index in seen or not line.para.text.strip():
            continue
        seen.add(line.para.index)
        text = line.para.text.strip()
        rest = NUMBERING.sub("", text, count=1)
        if rest and rest[0].islower():
            yield ctx.finding("VH-01", "paragraph starts with a capital", line, f"“{rest[:20]}”",
                              f"“{rest[0].upper()}{rest[1:20]}”")
            continue
        for match in SENTENCE_END.finditer(text):
            if (match["before"] + ".").endswith(abbreviations) or match["before"].endswith("/"):
                continue
            yield ctx.finding("VH-01", "sentence starts with a capital", line, f"“. {match['word']}”",
                              f"“. {match['word'].capitalize()}”")
            break
