"""The one error tree of docgen-vn.

The library raises these; the command line turns each into one line
``docgen: FILE: cause`` on stderr and an exit code.
"""
from __future__ import annotations


class DocgenError(Exception):
    """Base of every error docgen raises on purpose."""

    def __init__(self, subject: str, cause: str):
        super().__init__(f"{subject}: {cause}")
        self.subject = subject
        self.cause = cause


class UnreadableDocument(DocgenError):
    """A file could not be read as a document (corrupt, encrypted, empty, wrong kind)."""


class InvalidData(DocgenError):
    """Fields given to a template are missing or break their rules."""


class TemplateProblem(DocgenError):
    """A template is broken or unsafe; the cause names its file and line."""


class ConversionFailed(DocgenError):
    """An external converter (LibreOffice, Tesseract) failed."""


class CorpusProblem(DocgenError):
    """The corpus index is locked, corrupt or of another version."""
