"""What kind of document a file holds, judged by its first bytes rather than its name.

Example: ``sniff(b"%PDF-1.7\n…", ".txt")`` → "pdf"; ``sniff(b"PK\x03\x04…", ".docx")`` →
"docx" when the archive holds ``word/document.xml``.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from docgen.errors import UnreadableDocument

HEAD_BYTES = 4096
HTML_MARKERS = re.compile(rb"<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<p[\s>]|<div[\s>]|<table[\s>]",
                          re.IGNORECASE)
TEXT_EXTENSIONS = {".txt", ".text", ".md", ".markdown", ".csv", ""}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
BINARY_SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"\xd0\xcf\x11\xe0": "an old Office file (.doc/.xls), not DOCX",
    b"{\\rtf": "an RTF file",
    b"\x1f\x8b": "gzip data",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
}


def sniff(path: Path) -> str:
    """"pdf", "docx", "html" or "txt"; raises UnreadableDocument for anything else."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES)
    except IsADirectoryError:
        raise UnreadableDocument(str(path), "is a directory")
    except OSError as exc:
        raise UnreadableDocument(str(path), exc.strerror or "cannot open file")
    suffix = path.suffix.lower()
    if not head:
        return _empty(path, suffix)
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if suffix == ".pdf":
        raise UnreadableDocument(str(path), f"not a PDF (file starts with {describe(head)})")
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    if suffix in HTML_EXTENSIONS or (suffix not in TEXT_EXTENSIONS and HTML_MARKERS.search(head)):
        return "html"
    if suffix == ".docx":
        raise UnreadableDocument(str(path), f"unreadable DOCX: not a ZIP archive (file starts with {describe(head)})")
    return "txt"


def _empty(path: Path, suffix: str) -> str:
    if suffix == ".pdf":
        raise UnreadableDocument(str(path), "empty file, not a PDF")
    if suffix == ".docx":
        raise UnreadableDocument(str(path), "unreadable DOCX: empty file")
    raise UnreadableDocument(str(path), "empty file")


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableDocument(str(path), f"unreadable DOCX: broken ZIP archive ({exc})")
    if "word/document.xml" in names:
        return "docx"
    raise UnreadableDocument(str(path), "a ZIP archive without word/document.xml (not a DOCX)")


def describe(head: bytes) -> str:
    """A short, printable picture of a file's first bytes: '%PDF' is missing."""
    for signature, name in BINARY_SIGNATURES.items():
        if head.startswith(signature):
            return f"{head[:8]!r}, {name}"
    return repr(head[:16])
