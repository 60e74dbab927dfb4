"""``docgen draft TYPE --from PARENT``: a new document pre-filled from the document it implements."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from docgen.commands.common import EXIT_FAILED, report
from docgen.commands.render import is_interactive
from docgen.commands.templates import TEMPLATES_OPTION, load_or_exit
from docgen.errors import DocgenError
from docgen.schema import Field
from docgen.templates import DocTemplate, read_data_file

LIST_HINT = " (các mục cách nhau bởi ';')"


def asker(template: DocTemplate):
    """Prompt for one field until its value passes the field's rule."""
    def ask(spec: Field, hint: str) -> Any:
        extra = (f" — {hint}" if hint else "") + (LIST_HINT if spec.type == "list" else "")
        while True:
            raw = click.prompt(f"{spec.name} — {spec.help}{extra}", default=spec.default,
                               show_default=spec.default is not None)
            try:
                return template.schema.check(spec.name, raw)
            except ValueError as error:
                click.echo(f"  {error} ({spec.rule()})", err=True)
    return ask


@click.command("draft")
@click.argument("type_name", metavar="TYPE")
@click.option("--from", "parent", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The issued document this one implements (PDF, scan, DOCX, TXT).")
@click.option("--data", "data_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Data file (.yaml, .json, .toml); its values win over the parent's.")
@click.option("--example", is_flag=True, help="Fill what the parent leaves empty from the template's example.")
@click.option("--no-input", is_flag=True, help="Never prompt: fail listing every missing field.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Output .docx (default: TYPE.docx).")
@TEMPLATES_OPTION
def draft(type_name, parent, data_file, example, no_input, output, templates_dirs) -> None:
    """Draft a document of TYPE from PARENT: opening "Thực hiện …", căn cứ, recipients."""
    from docgen.draft import draft_document

    template = load_or_exit(type_name, templates_dirs)
    target = output or Path(f"{type_name}.docx")
    if target.suffix.lower() != ".docx":
        raise click.UsageError(f"-o {target}: the output must be a .docx file")
    try:
        data = read_data_file(data_file) if data_file else {}
        ask = asker(template) if is_interactive(no_input) else None
        written, _ = draft_document(type_name, parent, target, data, example, ask, list(templates_dirs) or None)
        click.echo(str(written))
    except DocgenError as error:
        report(error.subject, error.cause)
        sys.exit(EXIT_FAILED)
    except click.Abort:
        report(str(parent), "cancelled, nothing written")
        sys.exit(EXIT_FAILED)
