"""``extract(path) -> Document``: the one entry point of extraction.

read (readers/) → normalise (normalize.py) → correct OCR text (correct/) → lay out
(segment.py) → header fields (fields/*) → deep fields (fields/deep.py) → a ``Document`` with
its warnings. The correction stage is the one place where OCR slips are mended: no field
module keeps a repair of its own.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from extractors import readers
from extractors.fields.bounds import Clues, clues_of
from extractors.fields.distribution import find_distribution
from extractors.fields.doc_type import decide_type
from extractors.fields.attachments import find_attachments
from extractors.fields.handwritten import DEFAULT_THRESHOLD
from extractors.fields.header import Header, find_headers
from extractors.fields.issued import find_issued
from extractors.fields.issuer import find_issuer, issuer_by_code, issuer_from_body
from extractors.fields.news import fill_news
from extractors.fields.number import NumberFound, find_number, reconcile_type_code
from extractors.fields.portal import fill_from_portal
from extractors.fields.recipients import find_recipients
from extractors.fields.self_citation import apply_self_citation
from extractors.fields.signer import find_name_beside, find_signer
from extractors.fields.subject import is_vv_line, subject_after_title, subject_of_cong_van, text_frame
from extractors.correct import ModelUnavailable, correct_document
from extractors.names import completed_by_signature
from extractors.normalize import normalize_document
from extractors.readers.model import RawDocument
from extractors.records import Document, Source
from extractors.segment import Layout, layout_of


PORTAL_FORMATS = ("txt", "html")  # text scraped from a portal's page; a PDF's body cites, never titles


@dataclass(frozen=True)
class ExtractOptions:
    ocr: str = "auto"  # auto | always | never
    deep: bool = True  # references, targets, periods, … (fields/deep.py)
    # a handwritten number, day or month read less surely than this is left null
    hand_threshold: float = DEFAULT_THRESHOLD


def sha256_of(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def extract(path: str | Path, options: ExtractOptions | None = None) -> Document:
    """Read one file into a record. Raises ``UnreadableDocument`` for a file that cannot be read."""
    options = options or ExtractOptions()
    raw = corrected(normalize_document(readers.read(str(path), ocr=options.ocr)))
    doc = extract_raw(raw, options)
    doc.source.sha256 = sha256_of(path)
    return doc


def corrected(raw: RawDocument) -> RawDocument:
    """``raw`` through the OCR correction stage; without its model (missing or corrupt data
    file: ``correct.model_problem``) the text is left as read, with a warning."""
    try:
        return correct_document(raw)
    except ModelUnavailable as exc:
        raw.warnings.append(f"OCR text not corrected: {exc}")
        return raw


def extract_raw(raw: RawDocument, options: ExtractOptions | None = None) -> Document:
    """Fields of an already read and normalised document."""
    options = options or ExtractOptions()
    layout = layout_of(raw.pages)
    doc = Document(source=Source(path=raw.path, format=raw.format, pages=raw.page_count or len(raw.pages),
                                 text_layer=raw.text_layer, ocr=raw.ocr))
    doc.text = layout.text.text
    doc.warnings.extend(raw.warnings)
    headers = find_headers(layout)
    header = headers[0]
    if header.national is not None or not fill_news(doc, layout):
        clues = clues_of(raw.signatures, layout.lines[header.start: min(header.end + 8, header.stop)],
                         options.hand_threshold)
        read_header(doc, layout, header, [s.signer for s in raw.signatures if s.signer], clues)
        doc.attachments = find_attachments(layout, headers)
        if raw.format in PORTAL_FORMATS:
            fill_from_portal(doc, layout)
    if options.deep:
        _fill_deep(doc, layout)
    return doc


def read_header(doc: Document, layout: Layout, header: Header, signature_names: list[str] = (),
                clues: Clues = Clues()) -> None:
    """Type, number, date, place, issuer, subject, recipients, signer, distribution — of the
    file's first document only (lines ``header.start`` to ``header.stop``)."""
    top = layout.lines[header.start: min(header.end + 8, header.stop)]
    number = _read_number_and_date(doc, layout, header, top, clues)
    apply_self_citation(doc, layout.lines)
    _read_issuer(doc, layout, header)
    _read_type(doc, layout, header, top, number)
    _read_subject(doc, layout, header, top)
    _read_closing(doc, layout, header, signature_names)


def _read_number_and_date(doc: Document, layout: Layout, header: Header, top,
                          clues: Clues) -> NumberFound | None:
    number = find_number(layout.lines[header.start: header.title or header.end], layout.ocr_pages,
                         clues.threshold)
    if number is not None:
        doc.number = number.number
        doc.evidence["number"] = number.span
        _warn(doc, number.warning)
    issued = find_issued(top, clues)
    if issued is not None:
        doc.issued_on, doc.place, doc.issued = issued.date, issued.place, issued.hand
        doc.evidence["issued_on"] = issued.span
        if issued.place_span:
            doc.evidence["place"] = issued.place_span
        _warn(doc, issued.warning)
    return number


def _read_issuer(doc: Document, layout: Layout, header: Header) -> None:
    issuer, span = find_issuer(header.lines(layout))
    if issuer.name is None:
        issuer, span = issuer_by_code(layout.lines[header.start: header.stop], doc.number.symbol)
    if issuer.name is None:
        issuer, span = issuer_from_body(layout.lines[header.end: header.stop])
    doc.issuer = issuer
    if span:
        doc.evidence["issuer"] = span


def _read_type(doc: Document, layout: Layout, header: Header, top, number: NumberFound | None) -> None:
    """The title line names the type; without one, the ký hiệu and a V/v line do."""
    has_vv = any(is_vv_line(ln.text) for ln in top if ln.index < (header.title or header.end))
    doc.doc_type = decide_type(header.type_entry, doc.number if number else None, has_vv)
    if header.type_entry is not None and number is not None and number.span.page in layout.ocr_pages:
        doc.number = reconcile_type_code(doc.number, header.type_entry.get("code"))
    if header.title is not None:
        doc.evidence["doc_type"] = layout.lines[header.title].span()
    elif number is not None:
        doc.evidence["doc_type"] = number.span


def _read_closing(doc: Document, layout: Layout, header: Header, signature_names: list[str]) -> None:
    """Kính gửi under the header; Nơi nhận and the signature block after the body."""
    doc.recipients, span = find_recipients(layout.lines[header.start: min(header.end + 60, header.stop)])
    if span:
        doc.evidence["recipients"] = span
    # from the top of the document, not from ``header.end``: a short công văn has no title to
    # end its header, and its Nơi nhận may stand within the lines guessed to be the header
    body = layout.lines[header.start: header.stop]
    doc.distribution, span, noi_nhan = find_distribution(body)
    if span:
        doc.evidence["distribution"] = span
    signer = find_signer(body) or find_name_beside(body, noi_nhan)
    if signer is not None:
        doc.signer = signer.signer
        doc.evidence["signer"] = signer.span
        whole = completed_by_signature(doc.signer.name, signature_names) if doc.signer.title else None
        if whole:
            doc.signer.name = whole
            _warn(doc, "the signer's name was completed from the PDF's digital signature")
        else:
            _warn(doc, signer.warning)


def _read_subject(doc: Document, layout: Layout, header: Header, top) -> None:
    if header.title is not None and doc.doc_type.name != "Công văn":
        title = layout.lines[header.title]
        frame = text_frame(title, layout.page_lines(title.page))
        subject, span = subject_after_title(layout.lines[header.title + 1: min(header.title + 12, header.stop)],
                                            title.line.bold, frame, title.page in layout.ocr_pages, title)
        if subject is None:  # a trích yếu printed under the number as "V/v …", above the title
            subject, span = subject_of_cong_van(layout.lines[header.start: header.title], layout.ocr_pages)
    else:
        subject, span = subject_of_cong_van(top, layout.ocr_pages)
    doc.subject = subject
    if span:
        doc.evidence["subject"] = span


def _fill_deep(doc: Document, layout: Layout) -> None:
    from extractors.fields.deep import fill_deep

    from extractors.fields.tables import reader_tables

    fill_deep(doc, layout.text, _body_start(doc), reader_tables(layout.lines))


def _body_start(doc: Document) -> int:
    """Where the body begins: after the header's type, number, trích yếu and Kính gửi, and after
    its date line ("Hà Nội, ngày …"). A date read without a place may come from a sentence of
    the body ("Trên cơ sở xem xét Tờ trình … ngày 10 tháng 10 năm 2026"): it counts only when it
    stands before the rest of the header, so that it never hides the căn cứ lines above it."""
    ends = [doc.evidence[k].end for k in ("doc_type", "number", "subject", "recipients") if k in doc.evidence]
    head = max(ends, default=0)
    if "place" in doc.evidence or not ends:
        ends += [doc.evidence[k].end for k in ("issued_on", "place") if k in doc.evidence]
    elif "issued_on" in doc.evidence and doc.evidence["issued_on"].end <= head:
        ends.append(doc.evidence["issued_on"].end)
    return max(ends, default=0)


def _warn(doc: Document, warning: str | None) -> None:
    if warning:
        doc.warnings.append(warning)
