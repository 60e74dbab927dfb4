"""Files that come in and go out: size limit, kind judged by content, safe names, temp folders.

Every request that touches files gets its own folder under the server's work folder, removed
when the response is ready (``workspace``), so two clerks never see each other's files. An
upload is saved under a sanitised name and its kind is read from its first bytes, never from
the name it came with.

    >>> safe_download_name("Công văn 05/SNV: báo cáo", ".docx")
    'Công văn 05_SNV_ báo cáo.docx'
"""
from __future__ import annotations

import contextlib
import tempfile
import zipfile
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import quote

from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from docgen.batch import safe_name
from docgen.errors import UnreadableDocument
from extractors.readers.sniff import describe, sniff

CHUNK = 1 << 16
DOCUMENT_KINDS = ("pdf", "docx", "html", "txt")  # what extraction reads (draft from a parent)


# ── size limit ───────────────────────────────────────────────────────────────────────────
class UploadLimit:
    """ASGI middleware: a request body larger than ``max_bytes`` gets 413, read no further."""

    def __init__(self, app: ASGIApp, max_bytes: int, too_large: Callable[[], Response]):
        self.app = app
        self.max_bytes = max_bytes
        self.too_large = too_large  # the page sent when Content-Length alone is over the limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_bytes:
            await self.too_large()(scope, receive, send)
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise HTTPException(413)
            return message

        await self.app(scope, limited, send)


# ── folders and names ────────────────────────────────────────────────────────────────────
@contextlib.contextmanager
def workspace(root: Path) -> Iterator[Path]:
    """A fresh folder for one request, removed with everything in it afterwards."""
    with tempfile.TemporaryDirectory(prefix="req-", dir=root) as folder:
        yield Path(folder)


def upload_name(filename: str | None, fallback: str) -> str:
    """The name a clerk's file is shown and saved under: no folders, no control characters."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    return safe_name(name) if name.strip(" ._") else fallback


def safe_download_name(stem: str, suffix: str) -> str:
    return f"{safe_name(stem)}{suffix}"


def attachment(content: bytes, filename: str, media_type: str) -> Response:
    """A download; the name is sent in ASCII and in UTF-8 (RFC 6266) so Vietnamese survives."""
    ascii_name = filename.encode("ascii", "replace").decode("ascii").replace("?", "_").replace('"', "_")
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
    return Response(content, media_type=media_type, headers={"Content-Disposition": disposition})


async def save_upload(upload, folder: Path, name: str) -> Path:
    """Write an UploadFile to ``folder/name`` in chunks (the size limit is already enforced)."""
    target = folder / name
    with open(target, "wb") as handle:
        while chunk := await upload.read(CHUNK):
            handle.write(chunk)
    return target


# ── kinds, from content ──────────────────────────────────────────────────────────────────
def document_kind(path: Path, shown_as: str) -> str:
    """"pdf", "docx", "html" or "txt" read from the content; UnreadableDocument otherwise."""
    try:
        return sniff(path)
    except UnreadableDocument as error:
        raise UnreadableDocument(shown_as, error.cause) from None


def require_docx(path: Path, shown_as: str) -> None:
    """Refuse anything whose content is not a Word package, with the cause in one line."""
    if document_kind(path, shown_as) != "docx":
        head = path.read_bytes()[:16]
        raise UnreadableDocument(shown_as, f"not a DOCX file (content starts with {describe(head)})")


def table_kind(path: Path, shown_as: str) -> str:
    """"xlsx" for an Excel workbook, "csv" for UTF-8 text; UnreadableDocument otherwise."""
    head = path.read_bytes()[:4096]
    if not head:
        raise UnreadableDocument(shown_as, "empty file")
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                if "xl/workbook.xml" in archive.namelist():
                    return "xlsx"
        except zipfile.BadZipFile:
            raise UnreadableDocument(shown_as, "broken ZIP archive, not an XLSX workbook") from None
        raise UnreadableDocument(shown_as, "a ZIP archive that is no XLSX workbook")
    if b"\x00" in head or head.startswith((b"%PDF", b"\xd0\xcf\x11\xe0")):
        raise UnreadableDocument(shown_as, f"not a CSV or XLSX file (content starts with {describe(head)})")
    try:
        path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableDocument(shown_as, "CSV not in UTF-8 (save it as “CSV UTF-8”)") from None
    return "csv"
