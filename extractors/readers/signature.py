"""Digital signatures of a PDF: its signature dictionaries and the stamps drawn on its pages.

Two sources, both kept as ``SignatureInfo``:
- ``dictionary``: each /Sig dictionary — signer common name and organisation from the
  signing certificate in /Contents (CMS), time from /M ("D:20250107100957+07'00'") or the
  signed ``signingTime`` attribute;
- ``stamp``: the visible text, e.g. "Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi / Cơ quan:
  Tỉnh Quảng Ngãi / Thời gian ký: 07/01/2025 10:09:57", or the publishing stamp
  "TRUNG TÂM CÔNG BÁO VÀ TIN HỌC / ttcbth@quangngai.gov.vn / 09.01.2025 10:21:11 +07:00".

Reading signatures never fails a document: a broken one becomes a warning.
"""
from __future__ import annotations

import ctypes
import re
import unicodedata
from functools import lru_cache

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractors.readers.model import SignatureInfo
from extractors.wordlists import load

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# 07/01/2025 10:09:57 · 09.01.2025 10:21:11 +07:00 · 24.01.2025 20:01:14 +07:00
DATE_TIME = re.compile(
    r"(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<y>\d{4})"
    r"(?:[ T,]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
    r"(?:\s*(?P<tz>[+-]\d{2}:?\d{2}|Z))?"
)
PDF_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?([+-]\d{2})?'?(\d{2})?")


@lru_cache(maxsize=1)
def _label_pattern() -> re.Pattern:
    labels = load("signature_stamps")["labels"]
    names = [(key, label) for key, words in labels.items() for label in words]
    alternatives = "|".join(
        f"(?P<{key}{i}>{re.escape(label)})" for i, (key, label) in enumerate(names)
    )
    return re.compile(rf"(?:{alternatives})\s*:", re.IGNORECASE)


def _fields(text: str) -> dict[str, str]:
    """{"signer": "…", "time": "…"} from a labelled stamp text."""
    matches = list(_label_pattern().finditer(text))
    found: dict[str, str] = {}
    for match, following in zip(matches, matches[1:] + [None]):
        key = re.sub(r"\d+$", "", match.lastgroup or "")
        end = following.start() if following else len(text)
        found.setdefault(key, text[match.end():end].strip(" ;,"))
    return found


def is_stamp_line(text: str) -> bool:
    """True for a line that can only belong to a signature stamp.

    >>> is_stamp_line("Thời gian ký: 07/01/2025 10:09:57"), is_stamp_line("+07:00")
    (True, True)
    """
    text = text.strip()
    if _label_pattern().match(text):
        return True
    if EMAIL.fullmatch(text) or re.fullmatch(r"[+-]\d{2}:\d{2}", text):
        return True
    match = DATE_TIME.fullmatch(text)
    return bool(match and match["H"])


@lru_cache(maxsize=1)
def _copy_pattern() -> re.Pattern:
    kinds = "|".join(re.escape(k) for k in load("signature_stamps")["copy"]["kinds"])
    return re.compile(rf"\s*(?:{kinds})\s*;\s*(?P<org>[^;]+?)\s*;(?P<when>.*)", re.IGNORECASE)


def parse_copy_stamp(text: str) -> SignatureInfo | None:
    """The certified-copy e-stamp of a line, or None: the copying office and the time of copy
    (``source="copy"``; a bound on the day of issue, never its value).

    >>> parse_copy_stamp("SAO Y; CÔNG AN TỈNH LÂM ĐỒNG; 19/03/2026; 08:40:00; +07:00").signed_at
    '2026-03-19T08:40:00+07:00'
    """
    match = _copy_pattern().fullmatch(unicodedata.normalize("NFC", text))
    if match is None:
        return None
    when = iso_time(match["when"].replace(";", " "))
    if when is None:
        return None
    return SignatureInfo(organisation=match["org"], signed_at=when, source="copy")


def looks_like_stamp(text: str) -> bool:
    """A cheap first test: a stamp label, or an e-mail address, is in ``text``."""
    return bool(_label_pattern().search(text) or EMAIL.search(text))


def parse_stamp(lines: list[str]) -> SignatureInfo | None:
    """The signature a visible stamp shows, or None when the text is not a stamp.

    >>> parse_stamp(["Ký bởi: Ủy ban nhân dân", "tỉnh Quảng Ngãi",
    ...              "Thời gian ký: 05/01/2021", "08:15:24"]).signed_at
    '2021-01-05T08:15:24'
    """
    text = unicodedata.normalize("NFC", " ".join(t.strip() for t in lines if t.strip()))
    fields = _fields(text)
    if "signer" in fields or "time" in fields:
        return SignatureInfo(
            signer=fields.get("signer") or None,
            organisation=fields.get("organisation") or None,
            signed_at=iso_time(fields.get("time", "")),
            source="stamp",
        )
    email = EMAIL.search(text)
    when = iso_time(text[email.end():]) if email else None
    if email and when and "T" in when:  # the publishing stamp always shows a time of day
        name = text[:email.start()].strip(" ,;") or None
        return SignatureInfo(signer=name, organisation=None, signed_at=when, source="stamp")
    return None


def iso_time(text: str) -> str | None:
    """'09.01.2025 10:21:11 +07:00' → '2025-01-09T10:21:11+07:00'; None if no date."""
    for match in DATE_TIME.finditer(text):
        day, month, year = int(match["d"]), int(match["m"]), int(match["y"])
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        if match["H"]:
            iso += f"T{int(match['H']):02d}:{match['M']}:{match['S'] or '00'}"
            tz = match["tz"]
            if tz:
                iso += "Z" if tz == "Z" else f"{tz[:3]}:{tz[-2:]}"
        return iso
    return None


def pdf_time(value: str) -> str | None:
    """PDF date string → ISO 8601: "D:20250107100957+07'00'" → '2025-01-07T10:09:57+07:00'."""
    match = PDF_DATE.search(value or "")
    if not match:
        return None
    y, mo, d, h, mi, s, tzh, tzm = match.groups()
    iso = f"{y}-{mo}-{d}"
    if h:
        iso += f"T{h}:{mi or '00'}:{s or '00'}"
        if tzh:
            iso += f"{tzh}:{tzm or '00'}"
    return iso


def dictionary_signatures(pdf: pdfium.PdfDocument) -> tuple[list[SignatureInfo], list[str]]:
    """The distinct signatures of the document's /Sig dictionaries, and warnings."""
    found: list[SignatureInfo] = []
    warnings: list[str] = []
    seen: dict[bytes, tuple] = {}  # one CMS blob is parsed once (copied pages repeat it)
    for index in range(max(pdfium_c.FPDF_GetSignatureCount(pdf.raw), 0)):
        try:
            info = _read_signature(pdfium_c.FPDF_GetSignatureObject(pdf.raw, index), seen)
        except Exception as exc:  # a broken signature must not fail the read
            warnings.append(f"signature {index + 1} unreadable: {type(exc).__name__}")
            continue
        if info not in found:
            found.append(info)
    return found, warnings


def _read_signature(handle, seen: dict) -> SignatureInfo:
    contents = _bytes(pdfium_c.FPDFSignatureObj_GetContents, handle)
    raw_time = _bytes(pdfium_c.FPDFSignatureObj_GetTime, handle).rstrip(b"\0")
    if contents not in seen:
        seen[contents] = _certificate_facts(contents)
    subject, signed_attr_time = seen[contents]
    return SignatureInfo(
        signer=_clean(subject.get("common_name")),
        organisation=_clean(subject.get("organization_name")),
        signed_at=pdf_time(raw_time.decode("latin-1")) or signed_attr_time,
        source="dictionary",
    )


def _bytes(getter, handle) -> bytes:
    size = getter(handle, None, 0)
    if size <= 0:
        return b""
    buffer = ctypes.create_string_buffer(size)
    getter(handle, buffer, size)
    return buffer.raw


def _certificate_facts(contents: bytes) -> tuple[dict, str | None]:
    """(subject of the signing certificate, signingTime) from a CMS SignedData blob."""
    if not contents:
        return {}, None
    from asn1crypto import cms  # comes with pyhanko

    signed = cms.ContentInfo.load(_der_prefix(contents), strict=False)["content"]
    signer = signed["signer_infos"][0]
    sid = signer["sid"]
    subject: dict = {}
    for choice in signed["certificates"] or []:
        cert = choice.chosen
        if sid.name == "issuer_and_serial_number" and \
                cert.serial_number == sid.chosen["serial_number"].native:
            subject = dict(cert.subject.native)
    when = None
    for attribute in signer["signed_attrs"] or []:
        if attribute["type"].native == "signing_time":
            when = attribute["values"][0].native.isoformat()
    return subject, when


def _der_prefix(blob: bytes) -> bytes:
    """The DER object at the start of /Contents, without the zero padding after it."""
    if len(blob) < 2 or blob[1] < 0x80:
        return blob[: 2 + (blob[1] if len(blob) > 1 else 0)]
    size_bytes = blob[1] & 0x7F
    length = int.from_bytes(blob[2:2 + size_bytes], "big")
    return blob[: 2 + size_bytes + length]


def _clean(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if not value:
        return None
    return unicodedata.normalize("NFC", str(value)).strip() or None
