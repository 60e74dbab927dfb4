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


def warn_if_uncorrected(ocr: str) -> None:
    """One line at the start of a command that may OCR, when the correction stage's model file
    is missing or corrupt: the run goes on, its OCR text left as read (``--ocr never`` reads
    no scan and needs no model)."""
    if ocr == "never":
        return
    from extractors.correct import model_problem

    problem = model_problem()
    if problem is not None:
        report(problem.subject, f"{problem.cause}; OCR text will be left uncorrected")


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
