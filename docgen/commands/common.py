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
