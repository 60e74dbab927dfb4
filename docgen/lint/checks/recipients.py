"""Kính gửi and Nơi nhận (NN-01 … NN-06).

    Kính gửi:                         Nơi nhận: (12 pt, bold italic)
      - Sở Nội vụ;                    - Như trên; (11 pt)
      - Sở Tài chính.                 - Lưu: VT, VP.
"""
from __future__ import annotations

import re
from typing import Iterator

from docgen.layout.facts import FACTS
from docgen.lint.checks.common import style_findings
from docgen.lint.context import Context
from docgen.lint.finding import Finding
from docgen.lint.textform import ending
from docgen.lint.textform import fold, normalize_dashes, squash

KINH_GUI = re.compile(r"^Kính\s+gửi\s*(?P<colon>:?)\s*(?P<rest>.*)$", re.IGNORECASE)
NOI_NHAN = re.compile(r"^Nơi\s+nhận\s*(?P<colon>:?)", re.IGNORECASE)


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.zones.kinh_gui is not None:
        yield from _kinh_gui(ctx)
    if ctx.zones.noi_nhan is not None:
        yield from _noi_nhan(ctx)


def _allowed_types() -> set[str]:
    return {fold(t.replace("_", "")) for t in FACTS["NN-01"]["types"]}


def _kinh_gui(ctx: Context) -> Iterator[Finding]:
    zones = ctx.zones
    line, items = zones.kinh_gui, zones.kinh_gui_items
    match = KINH_GUI.match(squash(line.text))
    label = FACTS["NN-01"]["label"]
    if not match["colon"]:
        yield ctx.finding("NN-01", "colon after “Kính gửi”", line, f"“{squash(line.text)}”", f"“{label} …”")
    if zones.type_name is not None and fold(zones.type_name.text) not in _allowed_types():
        yield ctx.finding("NN-01", "Kính gửi block in this type", line, zones.type_name.text,
                          "only in công văn, tờ trình and báo cáo")
    yield from style_findings(ctx, "NN-01", [line, *items], "Kính gửi")
    yield from _kinh_gui_items(ctx, line, match["rest"], items)


def _kinh_gui_items(ctx: Context, line, rest: str, items) -> Iterator[Finding]:
    fact = FACTS["NN-02"]
    if not items:
        if not rest:
            yield ctx.finding("NN-02", "recipient after “Kính gửi:”", line, "none", "“Kính gửi: <recipient>”")
        return
    if rest:
        yield ctx.finding("NN-02", "several recipients", line, f"“{squash(line.text)}” and a list",
                          "“Kính gửi:” alone, then one “- …;” line each")
    yield from _list_form(ctx, "NN-02", items, fact["item_prefix"], fact["ends_with"], fact["last_ends_with"])


def _list_form(ctx: Context, rule: str, items, prefix: str, ends: str, last_ends: str | None) -> Iterator[Finding]:
    for n, item in enumerate(items):
        text = normalize_dashes(item.text.strip())
        if not text.startswith(prefix):
            yield ctx.finding(rule, "entry starts with a dash", item, f"“{item.text[:20]}”", f"“{prefix}…”")
        end = last_ends if n == len(items) - 1 and last_ends else ends
        if not text.endswith(end):
            yield ctx.finding(rule, "entry ending", item, ending(text), f"ends with “{end}”")


def _noi_nhan(ctx: Context) -> Iterator[Finding]:
    zones = ctx.zones
    label, items = zones.noi_nhan, zones.noi_nhan_items
    required = FACTS["NN-03"]["label"]
    if not NOI_NHAN.match(squash(label.text))["colon"]:
        yield ctx.finding("NN-03", "colon after “Nơi nhận”", label, f"“{squash(label.text)}”", f"“{required}”")
    yield from style_findings(ctx, "NN-03", [label], "Nơi nhận")
    yield from style_findings(ctx, "NN-04", items, "Nơi nhận entries")
    fact = FACTS["NN-04"]
    yield from _list_form(ctx, "NN-04", items[:-1], fact["item_prefix"], fact["ends_with"], None)
    yield from _kept_copy(ctx, label, items)
    yield from _first_entry(ctx, items)


def _kept_copy(ctx: Context, label, items) -> Iterator[Finding]:
    """NN-05: the list ends with "- Lưu: VT, <unit>."."""
    fact = FACTS["NN-05"]
    last = items[-1] if items else label
    text = squash(normalize_dashes(last.text))
    if not items or not fold(text).startswith(fold("- Lưu")):
        yield ctx.finding("NN-05", "last entry “- Lưu: VT, …”", last, f"“{text}”" if items else "none",
                          "“- Lưu: VT, <drafting unit>.”")
    elif not fact.pattern.fullmatch(text):
        yield ctx.finding("NN-05", "form of the “Lưu” entry", last, f"“{text}”", "“- Lưu: VT, <drafting unit>.”")


def _first_entry(ctx: Context, items) -> Iterator[Finding]:
    """NN-06: when a Kính gửi block names the recipients, Nơi nhận starts "- Như trên;"."""
    if ctx.zones.kinh_gui is None or not items:
        return
    first = FACTS["NN-06"]["first_entry"]
    text = squash(normalize_dashes(items[0].text))
    if fold(text) != fold(first):
        yield ctx.finding("NN-06", "first entry", items[0], f"“{text}”", f"“{first}”")
