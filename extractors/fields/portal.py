"""Fields from a legal portal's property page, for text scraped from such a page.

Portals print a "Thuộc tính" table ("Số hiệu328/2025/NĐ-CP", "Loại văn bảnNghị định",
"Cơ quan ban hànhChính phủ") and a page title "Nghị định số 328/2025/NĐ-CP Về Trung tâm …".
Some scraped pages hold only that, without the document's own text. These values fill a
field only where the document itself gave nothing.
"""
from __future__ import annotations

import functools
import re

from extractors.fields.doc_type import by_name
from extractors.fields.number import SLASH_LOST, parse_number, slash_lost_number
from extractors.records import Document, DocType, Number
from extractors.segment import Layout, TextLine
from extractors.wordlists import load

_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


@functools.cache
def _labels() -> tuple[re.Pattern, dict[str, str], frozenset[str]]:
    data = load("portal_labels")
    labels = sorted(data["labels"], key=len, reverse=True)
    pattern = re.compile(rf"^(?P<label>{'|'.join(map(re.escape, labels))})\s*:?\s*(?P<value>.*)$")
    return pattern, data["labels"], frozenset(data["empty"])


@functools.cache
def _title_pattern() -> re.Pattern:
    names = sorted((t["name"] for t in load("doc_types")["type"]), key=len, reverse=True)
    return re.compile(rf"^(?P<type>{'|'.join(map(re.escape, names))})\s+(?:số\s*:?\s*)?"
                      r"(?P<number>\d+[^\s]*/[^\s]+|\d+[A-ZĐ]+-[A-ZĐ]\S*)\s+(?P<subject>\S.+)$")


def parse_portal_number(raw: str) -> Number | None:
    """The number of a portal's "Số hiệu" or page title: as ``parse_number``, or one whose
    "/" was lost, kept as printed: "7079VBHN-BVHTTDL" → number 7079, symbol "VBHN-BVHTTDL"."""
    parsed = parse_number(raw)
    if parsed:
        return parsed[0]
    slashless = SLASH_LOST.fullmatch(raw.replace(" ", ""))
    return slash_lost_number(slashless) if slashless else None


def properties(lines: list[TextLine]) -> dict[str, str]:
    pattern, fields, empty = _labels()
    found: dict[str, str] = {}
    for ln in lines:
        match = pattern.match(ln.text)
        if match:
            value = match.group("value").strip()
            if value and value not in empty:
                found.setdefault(fields[match.group("label")], value)
    return found


def page_title(lines: list[TextLine]) -> tuple[str, str, str] | None:
    """(type, number, subject) of the page title; the subject may wrap onto lines that start
    in lower case or with a digit ("Thông tư số 41/2025/TT-BTC Sửa đổi … / ngày 27/8/2014 …")."""
    pattern = _title_pattern()
    for pos, ln in enumerate(lines):
        match = pattern.match(ln.text)
        if not match:
            continue
        subject = [match.group("subject").strip()]
        for nxt in lines[pos + 1: pos + 20]:
            if not (nxt.text[:1].islower() or nxt.text[:1].isdigit()):
                break
            subject.append(nxt.text.strip())
        return match.group("type"), match.group("number"), " ".join(subject)
    return None


def fill_from_portal(doc: Document, layout: Layout) -> None:
    """Fill the fields the document left empty from the portal's properties and page title."""
    head = layout.lines[:200]
    props = properties(head)
    title = page_title(head)
    if doc.number.raw is None:
        raw = props.get("number") or (title[1] if title else None)
        parsed = parse_portal_number(raw) if raw else None
        if parsed:
            doc.number = parsed
    if doc.doc_type.name is None:
        entry = by_name(props.get("doc_type") or (title[0] if title else ""))
        if entry:
            doc.doc_type = DocType(entry["name"], entry.get("code"))
    if doc.subject is None and title:
        doc.subject = title[2]
    if doc.issuer.name is None and props.get("issuer"):
        doc.issuer.name = props["issuer"]
    if doc.signer.name is None and props.get("signer.name"):
        doc.signer.name = props["signer.name"]
        doc.signer.title = doc.signer.title or props.get("signer.title")
    if doc.issued_on is None and (m := _DATE.match(props.get("issued_on", ""))):
        doc.issued_on = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
