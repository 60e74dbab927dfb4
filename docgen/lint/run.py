"""Open a DOCX and run every check on it."""
from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError

from docgen.errors import UnreadableDocument
from docgen.lint.checks import CHECKS
from docgen.lint.context import Context
from docgen.lint.finding import Finding


def open_docx(path: str | Path) -> Any:
    """A python-docx Document, or ``UnreadableDocument`` naming the file and the cause."""
    path = Path(path)
    if not path.is_file():
        raise UnreadableDocument(str(path), "no such file")
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as error:
        raise UnreadableDocument(str(path), "not a DOCX file (no Word package inside)") from error
    except Exception as error:  # lxml and zip errors of damaged packages
        raise UnreadableDocument(str(path), f"damaged DOCX: {error}") from error


def lint_document(document: Any) -> list[Finding]:
    """Every finding of every check on an open python-docx ``Document``."""
    ctx = Context.of(document)
    return [finding for check in CHECKS for finding in check(ctx)]


def lint_file(path: str | Path) -> list[Finding]:
    return lint_document(open_docx(path))
