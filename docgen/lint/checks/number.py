"""Số, ký hiệu (SK-01 … SK-06, SK-09): "Số: 15/QĐ-UBND", centred under the agency, 13 pt.

    >>> number_parts("Số: 5 /QD-UBND")
    ('5 /QD-UBND', True)
"""
from __future__ import annotations

import re
from typing import Iterator

from docgen.layout.facts import FACTS
from docgen.lint.checks.common import style_findings
from docgen.lint.context import Context
from docgen.lint.finding import Finding
from docgen.lint.textform import squash
from docgen.lint.zones import type_names

SO = re.compile(r"^Số\s*(?P<colon>:?)\s*(?P<rest>.*)$", re.IGNORECASE)


def number_parts(text: str) -> tuple[str, bool]:
    """What follows "Số", and whether the colon is there."""
    match = SO.match(squash(text))
    return (match["rest"], bool(match["colon"])) if match else ("", False)


def type_codes() -> set[str]:
    return {code for _, code in type_names().values() if code}


def check(ctx: Context) -> Iterator[Finding]:
    line = ctx.zones.so
    if line is None:
        return
    rest, colon = number_parts(line.text)
    if not colon:
        yield ctx.finding("SK-02", "“Số” followed by a colon", line, f"“{squash(line.text)}”",
                          f"“{FACTS['SK-02']['prefix']}{rest.replace(' ', '')}”")
    yield from style_findings(ctx, "SK-02", [line], "Số, ký hiệu")
    yield from style_findings(ctx, "SK-01", [line], "Số, ký hiệu")
    yield from _form(ctx, line, rest)


def _form(ctx: Context, line, rest: str) -> Iterator[Finding]:
    compact = rest.replace(" ", "")
    number, slash, symbol = compact.partition("/")
    if number and re.search(r"\S\s+\S", rest):
        yield ctx.finding("SK-04", "spaces in số, ký hiệu", line, f"“{rest}”", f"“{compact}”")
    if number and not FACTS["SK-03"].pattern.fullmatch(number):
        expected = f"{int(number):02d}" if number.isdigit() else "Arabic numerals"
        yield ctx.finding("SK-03", "number", line, f"“{number}”", f"“{expected}”")
    if not slash or not symbol:
        yield ctx.finding("SK-04", "“/” between number and ký hiệu", line, f"“{rest}”", "“<number>/<ký hiệu>”")
        return
    if "/" in symbol:
        yield ctx.finding("SK-09", "year in số, ký hiệu (legal-normative form)", line, f"“{compact}”",
                          "“<number>/<ký hiệu>” without a year")
        symbol = symbol.rsplit("/", 1)[1]
    yield from _symbol(ctx, line, symbol)


def _symbol(ctx: Context, line, symbol: str) -> Iterator[Finding]:
    groups = symbol.split("-")
    mixed = {c for c in type_codes() if c != c.upper()}
    wrong_case = [g for g in groups if g != g.upper() and g not in mixed]
    if wrong_case:
        yield ctx.finding("SK-04", "ký hiệu in capitals", line, f"“{symbol}”",
                          f"“{'-'.join(g if g in mixed else g.upper() for g in groups)}”")
    zones = ctx.zones
    if zones.type_name is not None:
        yield from _typed(ctx, line, groups, zones.type_code, zones.type_name.text)
    elif zones.is_cong_van:
        yield from _cong_van(ctx, line, groups)


def _typed(ctx: Context, line, groups: list[str], code: str | None, name: str) -> Iterator[Finding]:
    if code is None:
        return
    if groups[0] != code:
        yield ctx.finding("SK-05", f"type abbreviation of {name}", line, f"“{groups[0]}”", f"“{code}”")
    if len(groups) < 2:
        yield ctx.finding("SK-05", "ký hiệu form", line, f"“{'-'.join(groups)}”", f"“{code}-<agency>”")


def _cong_van(ctx: Context, line, groups: list[str]) -> Iterator[Finding]:
    if groups[0] in type_codes():
        yield ctx.finding("SK-06", "a công văn has no type abbreviation", line, f"“{'-'.join(groups)}”",
                          "“<agency>-<unit>”")
    elif len(groups) < 2:
        yield ctx.finding("SK-06", "ký hiệu of a công văn", line, f"“{groups[0]}”", f"“{groups[0]}-<unit>”")
