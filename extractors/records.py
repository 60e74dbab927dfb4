"""The document record ``docgen.document/1`` as dataclasses, and its JSON form.

Every stage after the readers hands these on; JSON appears only at the edges
(``Document.to_dict`` / ``Document.from_dict``). The shape is the one in
shared/design/RECORD.md; ``schema/document.schema.json`` beside this module
writes it down for other tools.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "docgen.document/1"


@dataclass(frozen=True)
class Span:
    """Where an item came from: 1-based page and character offsets into the record's text."""

    page: int
    start: int
    end: int


@dataclass
class Source:
    path: str
    sha256: str | None = None
    format: str | None = None  # pdf | docx | txt | html
    pages: int | None = None
    text_layer: bool | None = None
    ocr: bool | None = None


@dataclass
class DocType:
    """Tên loại văn bản and its Phụ lục III abbreviation (``None`` for công văn)."""

    name: str | None = None
    code: str | None = None


@dataclass
class Number:
    """Số, ký hiệu: ``raw`` "2242/KH-UBND" → ``number`` 2242, ``symbol`` "KH-UBND".

    ``handwritten``: the number was written by hand in the blank of the form;
    ``confidence`` (0–1) is how sure its reading is (None when it was printed)."""

    raw: str | None = None
    number: int | None = None
    symbol: str | None = None
    handwritten: bool = False
    confidence: float | None = None


@dataclass
class Handwriting:
    """Whether the day (or the month) of the date was written by hand, and how sure its
    reading is (0–1; None when the date was printed): the record's ``issued`` key."""

    handwritten: bool = False
    confidence: float | None = None


@dataclass
class Issuer:
    """Cơ quan ban hành in normal case; ``parent`` is the cơ quan chủ quản line."""

    name: str | None = None
    parent: str | None = None


@dataclass
class Signer:
    """The signature block: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Võ Văn Hoan"."""

    name: str | None = None
    title: str | None = None
    authority: str | None = None  # TM | KT | TL | TUQ | Q
    for_title: str | None = None
    chain: list[str] = field(default_factory=list)


@dataclass
class Reference:
    doc_type: str | None = None
    number: str | None = None
    issued_on: str | None = None
    issuer: str | None = None
    title: str | None = None
    span: Span | None = None


@dataclass
class Period:
    label: str | None = None
    start: str | None = None
    end: str | None = None
    raw: str | None = None
    span: Span | None = None


@dataclass
class Deadline:
    what: str | None = None
    by: str | None = None
    raw: str | None = None
    span: Span | None = None


@dataclass
class Target:
    indicator: str | None = None
    value: float | int | None = None
    unit: str | None = None
    comparator: str | None = None  # = >= > <= < +
    deadline: str | None = None
    scope: str | None = None
    raw: str | None = None
    span: Span | None = None
    # the wording that made the number a target ("clause: “Phấn đấu”"); shown by --explain,
    # not part of the record's JSON
    cue: str | None = field(default=None, compare=False, metadata={"record": False})


@dataclass
class Contact:
    name: str | None = None
    title: str | None = None
    phone: str | None = None
    email: str | None = None
    span: Span | None = None


@dataclass
class Event:
    what: str | None = None
    start: str | None = None
    end: str | None = None
    raw: str | None = None
    span: Span | None = None


@dataclass
class Attachment:
    """Another document bound into the same file after the document itself, with a header of
    its own — a draft a Tờ trình proposes ("Số: /QĐ-UBND"), a report it carries: its type,
    its number as printed (blank in a draft) and the page where its header is."""

    doc_type: str | None = None
    number: str | None = None
    page: int | None = None


# list-valued keys of the record and the item class each holds (None: plain strings)
LIST_FIELDS: dict[str, type | None] = {
    "recipients": None,
    "distribution": None,
    "references": Reference,
    "periods": Period,
    "deadlines": Deadline,
    "targets": Target,
    "contacts": Contact,
    "urls": None,
    "events": Event,
    "attachments": Attachment,
    "warnings": None,
}


@dataclass
class Document:
    """One extracted document, every key of RECORD.md present."""

    source: Source
    doc_type: DocType = field(default_factory=DocType)
    number: Number = field(default_factory=Number)
    issued_on: str | None = None
    issued: Handwriting = field(default_factory=Handwriting)
    place: str | None = None
    issuer: Issuer = field(default_factory=Issuer)
    subject: str | None = None
    recipients: list[str] = field(default_factory=list)
    signer: Signer = field(default_factory=Signer)
    distribution: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    text: str | None = None  # only serialised with --with-text
    # where each header field was read (field name → span); shown by --explain, not serialised
    evidence: dict[str, Span] = field(default_factory=dict)

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        """The JSON form, keys in RECORD.md order."""
        out: dict[str, Any] = {"schema": SCHEMA}
        for f in dataclasses.fields(self):
            if f.name in ("text", "evidence"):
                continue
            out[f.name] = _plain(getattr(self, f.name))
        if with_text:
            out["text"] = self.text or ""
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Document":
        """Rebuild a record from its JSON form (missing keys take their empty value)."""
        doc = cls(source=Source(**_known(Source, data.get("source") or {"path": ""})))
        doc.doc_type = DocType(**_known(DocType, data.get("doc_type") or {}))
        doc.number = Number(**_known(Number, data.get("number") or {}))
        doc.issued = Handwriting(**_known(Handwriting, data.get("issued") or {}))
        doc.issuer = Issuer(**_known(Issuer, data.get("issuer") or {}))
        doc.signer = Signer(**_known(Signer, data.get("signer") or {}))
        for name in ("issued_on", "place", "subject", "text"):
            setattr(doc, name, data.get(name))
        for name, item_cls in LIST_FIELDS.items():
            items = data.get(name) or []
            if item_cls is None:
                setattr(doc, name, list(items))
            else:
                setattr(doc, name, [_item(item_cls, it) for it in items])
        return doc


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def _item(cls: type, data: dict[str, Any]) -> Any:
    values = _known(cls, data)
    if values.get("span"):
        values["span"] = Span(**values["span"])
    return cls(**values)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                if f.metadata.get("record", True)}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
