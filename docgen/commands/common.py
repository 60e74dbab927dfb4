"""What every command shares: the one-line error form and exit codes."""
from __future__ import annotations

import sys

import click

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def report(subject: str, cause: str) -> None:
    """Print one failure as ``docgen: FILE: cause`` on stderr (one line, always)."""
    cause = " ".join(str(cause).split()) or "failed"
    click.echo(f"docgen: {subject}: {cause}", err=True)


def report_error(error: Exception, subject: str | None = None) -> None:
    """Report a DocgenError (or any exception) without a traceback."""
    from docgen.errors import DocgenError

    if isinstance(error, DocgenError):
        report(error.subject, error.cause)
    else:
        report(subject or "docgen", f"{type(error).__name__}: {error}")


def stdout_is_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def check_hand_model(paths, ocr: str) -> None:
    """One line on stderr, before a batch starts, when scans may need the handwritten-digit
    recogniser and its model cannot be loaded; the batch then runs without it."""
    if ocr == "never" or not any(str(p).lower().endswith(".pdf") for p in paths):
        return
    from extractors.readers.digits import status

    problem = status()
    if problem:
        report(problem.split(": ", 1)[0], problem.split(": ", 1)[-1]
               + "; handwritten numbers and days are left blank")
