"""``--explain``: every field beside the source line it was read from.

    number.raw      2242/KH-UBND            p1 L9   Số: 2242/KH-UBND
    targets[0]      85 % by 2022-12-31 ← heading: “Đến cuối năm 2022” · người dân có …   p3 L41  - 85% người dân có …
"""
from __future__ import annotations

import json
from typing import Any, Iterator

from extractors.records import Document, Span, Target

_HEADER_FIELDS = {
    "number": lambda d: d.number.raw, "issued_on": lambda d: d.issued_on, "place": lambda d: d.place,
    "issuer": lambda d: d.issuer.name, "subject": lambda d: d.subject,
    "recipients": lambda d: "; ".join(d.recipients) or None, "signer": lambda d: _signer(d),
    "distribution": lambda d: f"{len(d.distribution)} entries" if d.distribution else None,
}


def _signer(doc: Document) -> str | None:
    s = doc.signer
    if not s.name and not s.title:
        return None
    return " / ".join(x for x in (s.authority and f"{s.authority}. {s.for_title}", s.title, s.name) if x)


def source_line(text: str, span: Span) -> tuple[int, str]:
    """(line number within its page, the whole line holding ``span.start``)."""
    start = max(text.rfind("\n", 0, span.start), text.rfind("\f", 0, span.start)) + 1
    end_candidates = [i for i in (text.find("\n", span.start), text.find("\f", span.start)) if i >= 0]
    end = min(end_candidates) if end_candidates else len(text)
    page_start = text.rfind("\f", 0, span.start) + 1
    return text.count("\n", page_start, start) + 1, text[start:end]


def rows(doc: Document) -> Iterator[tuple[str, str, Span | None]]:
    yield "doc_type", f"{doc.doc_type.name} ({doc.doc_type.code})", doc.evidence.get("doc_type")
    for name, get in _HEADER_FIELDS.items():
        value = get(doc)
        if value is not None:
            yield name, str(value), doc.evidence.get(name)
    for key in ("references", "targets", "periods", "deadlines", "events", "contacts"):
        for i, item in enumerate(getattr(doc, key)):
            yield f"{key}[{i}]", _item_summary(item), item.span


def _item_summary(item: Any) -> str:
    if isinstance(item, Target):
        return _target_summary(item)
    fields = {k: v for k, v in vars(item).items() if k not in ("span", "raw", "cue") and v not in (None, "")}
    return json.dumps(fields, ensure_ascii=False)


def _target_summary(t: Target) -> str:
    """"≥ 90 % by 2030-12-31 [Xã khu vực I] ← heading: “Mục tiêu cụ thể” · Tỷ lệ hộ …": the
    value first, then the cue that made it a target, then what is measured."""
    value = {"=": "", ">=": "≥ ", "<=": "≤ ", ">": "> ", "<": "< ", "+": "+", "-": "−"}.get(t.comparator or "=", "")
    parts = [f"{value}{t.value} {t.unit or ''}".strip()]
    if t.deadline:
        parts.append(f"by {t.deadline}")
    if t.scope:
        parts.append(f"[{t.scope}]")
    if t.cue:
        parts.append(f"← {t.cue}")
    return " ".join(parts) + f" · {t.indicator}"


TARGET_EXTRA = 50  # a target's row is wider: value, deadline, scope and the cue that made it one


def explain(doc: Document, width: int = 60) -> str:
    """The explanation table for one record (its text must be set)."""
    text = doc.text or ""
    out = [f"# {doc.source.path}"]
    for name, value, span in rows(doc):
        limit = width + TARGET_EXTRA if name.startswith("targets[") else width  # the cue shows whole
        shown = value if len(value) <= limit else value[: limit - 1] + "…"
        where, line = "", ""
        if span is not None and span.start < len(text):
            number, line = source_line(text, span)
            where = f"p{span.page} L{number}"
        out.append(f"{name:<16} {shown:<{width}} {where:<9} {line.strip()}")
    for warning in doc.warnings:
        out.append(f"warning          {warning}")
    return "\n".join(out)
