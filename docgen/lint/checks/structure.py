"""Headings of the content and appendices: ND-03, ND-04, ND-09, PL-02, PL-03.

    Chương II                        ND-03: centred, bold, Roman numerals; the title below in capitals
    QUY ĐỊNH CHUNG
    Mục 1                            ND-04: Arabic numerals
    I. KẾT QUẢ ĐẠT ĐƯỢC              ND-09: capitals, bold
    Phụ lục I / (Kèm theo …)         PL-02 bold 14 pt centred, PL-03 italic centred
"""
from __future__ import annotations

import re
from typing import Iterator

from docgen.layout.facts import FACTS
from docgen.lint.checks.common import style_findings
from docgen.lint.context import Context
from docgen.lint.finding import Finding
from docgen.lint.textform import is_upper

ROMAN = r"[IVXLC]+"
LABEL = re.compile(rf"^(?P<word>Phần|Chương|Tiểu mục|Mục)\s+(?P<number>{ROMAN}|\d+)\.?$")
PART_HEADING = re.compile(rf"^{ROMAN}\.\s+\S")
APPENDIX = re.compile(rf"^Phụ lục(\s+(?:{ROMAN}|\d+))?$", re.IGNORECASE)
REFERENCE = re.compile(r"^\(Kèm theo\b")
NUMERALS = {"ND-03": (re.compile(rf"^{ROMAN}$"), "Roman numerals"), "ND-04": (re.compile(r"^\d+$"), "Arabic numerals")}


def check(ctx: Context) -> Iterator[Finding]:
    body = ctx.zones.body
    for i, line in enumerate(body):
        label = LABEL.match(line.text.strip())
        if label:
            yield from _label(ctx, line, label, body[i + 1] if i + 1 < len(body) else None)
        elif PART_HEADING.match(line.text) and len(line.text) < 120:
            yield from style_findings(ctx, "ND-09", [line], "Mục heading (I., II., …)")
    yield from _appendices(ctx)


def _label(ctx: Context, line, label: re.Match, title) -> Iterator[Finding]:
    fact_id = next(fid for fid in ("ND-03", "ND-04") if label["word"] in FACTS[fid]["label_words"])
    pattern, name = NUMERALS[fact_id]
    if not pattern.match(label["number"]):
        yield ctx.finding(fact_id, f"{label['word']} numbered", line, f"“{label['number']}”", name)
    yield from style_findings(ctx, fact_id, [line], f"{label['word']} line", skip=("case",))
    if title is None or LABEL.match(title.text.strip()):
        yield ctx.finding("ND-08", f"{label['word']} has a title", line, "none", "a title on the next line")
    elif not is_upper(ctx.shown_text(title)):
        yield ctx.finding(fact_id, f"{label['word']} title case", title, f"“{title.text[:40]}”", "UPPERCASE")


def _appendices(ctx: Context) -> Iterator[Finding]:
    lines = ctx.lines
    for i, line in enumerate(lines):
        if not APPENDIX.match(line.text.strip()) or line.column is not None:
            continue
        yield from style_findings(ctx, "PL-02", [line], "Phụ lục line", skip=("case",))
        following = [l for l in lines[i + 1:i + 4] if l.text]
        if following and not REFERENCE.match(following[0].text) and not is_upper(ctx.shown_text(following[0])):
            yield ctx.finding("PL-02", "Phụ lục title case", following[0], f"“{following[0].text[:40]}”", "UPPERCASE")
        reference = next((l for l in following if REFERENCE.match(l.text)), None)
        if reference is not None:
            yield from style_findings(ctx, "PL-03", [reference], "Phụ lục reference line")
