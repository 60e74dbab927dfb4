"""Signature block (CK-01 … CK-03): "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn A", bold, centred;
the drafter's initials and copy count under Nơi nhận (KH-01)."""
from __future__ import annotations

import re
from typing import Iterator

from docgen.layout.facts import FACTS
from docgen.lint.checks.common import style_findings
from docgen.lint.context import Context
from docgen.lint.finding import Finding
from docgen.lint.zones import lint_words

PREFIX = re.compile(r"^\s*(?P<word>T/M|K/T|T/L|T/UQ|TUQ|TM|KT|TL|Q)(?P<dot>\.?)(?=\s)")


def check(ctx: Context) -> Iterator[Finding]:
    zones = ctx.zones
    yield from _prefixes(ctx)
    yield from style_findings(ctx, "CK-02", zones.signature, "quyền hạn, chức vụ")
    if zones.signer_name is not None:
        yield from style_findings(ctx, "CK-03", [zones.signer_name], "họ tên người ký")
        yield from _honorific(ctx, zones.signer_name)
    yield from style_findings(ctx, "CK-02", zones.co_signature, "quyền hạn, chức vụ (left signature)",
                              skip=("column",))
    if zones.co_signer_name is not None:
        yield from style_findings(ctx, "CK-03", [zones.co_signer_name], "họ tên người ký (left signature)",
                                  skip=("column",))
    if zones.drafter is not None:
        yield from style_findings(ctx, "KH-01", [zones.drafter], "ký hiệu người soạn thảo")


def _prefixes(ctx: Context) -> Iterator[Finding]:
    allowed = set(FACTS["CK-01"]["prefixes"])
    old = lint_words()["old_authority"]
    for line in [*ctx.zones.signature, *ctx.zones.co_signature]:
        match = PREFIX.match(line.text)
        if not match:
            continue
        written = match["word"] + match["dot"]
        if written not in allowed:
            expected = old.get(match["word"], match["word"] + ".")
            yield ctx.finding("CK-01", "signing-authority prefix", line, f"“{written}”", f"“{expected}”")


def _honorific(ctx: Context, line) -> Iterator[Finding]:
    for word in lint_words()["honorifics"]:
        if line.text.startswith(word + " ") or (word.endswith(".") and line.text.startswith(word)):
            yield ctx.finding("CK-03", "no học hàm, học vị or honorific before the name", line,
                              f"“{word}”", "the name alone")
            return
