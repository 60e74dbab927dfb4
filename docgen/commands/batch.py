"""``docgen batch TYPE ROWS.csv --out DIR``: mail-merge, one document per row."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from docgen.commands.common import EXIT_FAILED, report
from docgen.commands.templates import TEMPLATES_OPTION, load_or_exit
from docgen.errors import DocgenError


@click.command("batch")
@click.argument("type_name", metavar="TYPE")
@click.argument("rows", metavar="ROWS.csv", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path), help="Output folder.")
@click.option("--name", "name_pattern", metavar="PATTERN",
              help="File name from the row's fields, e.g. '{so}-{co_quan_viet_tat}' (default: '{type}-{row:04d}').")
@click.option("--pdf", is_flag=True, help="Also convert every document to PDF (one LibreOffice run).")
@TEMPLATES_OPTION
def batch(type_name, rows, out_dir, name_pattern, pdf, templates_dirs) -> None:
    """Render one TYPE document per CSV row (header = field names); failed rows are reported."""
    from docgen.batch import render_batch

    load_or_exit(type_name, templates_dirs)
    try:
        result = render_batch(type_name, rows, out_dir, name_pattern, pdf, templates_dirs or None)
    except DocgenError as error:
        report(error.subject, error.cause)
        sys.exit(EXIT_FAILED)
    for failure in result.failures:
        report(f"{rows}:{failure.line}", failure.cause)
    click.echo(f"{len(result.written)} document(s), {len(result.pdfs)} PDF(s) written to {out_dir}; "
               f"{len(result.failures)} row(s) failed")
    if result.failures:
        sys.exit(EXIT_FAILED)
