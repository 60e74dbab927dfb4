"""``docgen demo``: render, read back and index the built-in samples."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from docgen.commands.common import EXIT_FAILED, report_error

SHARED_DEV = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev"


@click.command()
@click.option("--out", type=click.Path(file_okay=False), default="demo-out", show_default=True,
              help="Folder for the rendered DOCX and PDF files and the demo index.")
@click.option("--dev-corpus", type=click.Path(file_okay=False), default=str(SHARED_DEV), show_default=True,
              help="Also index this folder when it exists (the development corpus beside the project).")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=2, show_default=True)
def demo(out, dev_corpus, jobs):
    """Render every document type, read each PDF back, index them and query the index."""
    from docgen.demo import run_demo
    from docgen.errors import DocgenError

    folders = [Path(dev_corpus)] if Path(dev_corpus).is_dir() else []
    try:
        ok = run_demo(Path(out), folders, click.echo, jobs)
    except DocgenError as error:
        report_error(error)
        sys.exit(EXIT_FAILED)
    sys.exit(0 if ok else EXIT_FAILED)
