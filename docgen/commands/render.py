"""``docgen render TYPE``: one document from a data file, --set values, the example, or prompts."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from docgen.commands.common import EXIT_FAILED, report, stdout_is_terminal
from docgen.commands.templates import TEMPLATES_OPTION, load_or_exit
from docgen.errors import DocgenError
from docgen.schema import Field, is_blank
from docgen.templates import DocTemplate, read_data_file


def is_interactive(no_input: bool) -> bool:
    """Prompt only at a terminal and only without --no-input."""
    return not no_input and stdout_is_terminal()


def parse_assignments(assignments: tuple[str, ...], template: DocTemplate) -> dict[str, str]:
    """--set KEY=VALUE pairs; a malformed pair or an unknown field is a usage error."""
    values: dict[str, str] = {}
    for item in assignments:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise click.UsageError(f"--set expects KEY=VALUE, not {item!r}")
        if key not in template.schema.by_name:
            raise click.UsageError(f"--set {key}: {template.name} has no such field (see: docgen templates show {template.name})")
        values[key] = value
    return values


def collect_data(template: DocTemplate, data_file: Path | None, assignments: tuple[str, ...], example: bool) -> dict[str, Any]:
    """Data file, then --set values over it, then the example for whatever is still empty."""
    data = read_data_file(data_file) if data_file else {}
    data.update(parse_assignments(assignments, template))
    if example:
        for name, value in template.example.items():
            if is_blank(data.get(name)):
                data[name] = value
    return data


def _prompt_field(template: DocTemplate, spec: Field) -> Any:
    hint = {"list": " (các mục cách nhau bởi ';')", "date": " (YYYY-MM-DD)"}.get(spec.type, "")
    while True:
        raw = click.prompt(f"{spec.name} — {spec.help}{hint}", default=spec.default, show_default=spec.default is not None)
        try:
            return template.schema.check(spec.name, raw)
        except ValueError as error:
            click.echo(f"  {error} ({spec.rule()})", err=True)


def prompt_missing(template: DocTemplate, data: dict[str, Any]) -> None:
    """Ask for every required field that is empty or invalid."""
    for spec in template.schema.fields:
        value = data.get(spec.name)
        try:
            bad = is_blank(value) and spec.required and spec.default is None
            if not is_blank(value):
                spec.convert(value)
        except ValueError:
            bad = True
        if bad:
            data[spec.name] = _prompt_field(template, spec)


def _output_path(output: Path | None, type_name: str) -> Path:
    path = output or Path(f"{type_name}.docx")
    if path.suffix.lower() != ".docx":
        raise click.UsageError(f"-o {path}: the output must be a .docx file (--pdf adds the PDF beside it)")
    return path


@click.command("render")
@click.argument("type_name", metavar="TYPE")
@click.option("--data", "data_file", type=click.Path(dir_okay=False, path_type=Path), help="Data file: .yaml, .json or .toml.")
@click.option("--set", "assignments", multiple=True, metavar="KEY=VALUE", help="Set one field (repeatable).")
@click.option("--example", is_flag=True, help="Fill every empty field from the template's example data.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Output .docx (default: TYPE.docx).")
@click.option("--pdf", is_flag=True, help="Also write the PDF beside the DOCX (LibreOffice).")
@click.option("--no-input", is_flag=True, help="Never prompt: fail listing every missing or invalid field.")
@TEMPLATES_OPTION
def render(type_name, data_file, assignments, example, output, pdf, no_input, templates_dirs) -> None:
    """Render a document of TYPE in the format of Nghị định 30 (DOCX, and PDF with --pdf)."""
    from docgen.render import render_document

    template = load_or_exit(type_name, templates_dirs)
    target = _output_path(output, type_name)
    subject = str(data_file) if data_file else type_name
    try:
        data = collect_data(template, data_file, assignments, example)
        if is_interactive(no_input):
            prompt_missing(template, data)
        written = render_document(type_name, data, target, templates_dirs or None, subject=subject)
        click.echo(str(written))
        if pdf:
            from docgen.pdf import convert_to_pdf

            for made in convert_to_pdf([written], written.parent):
                click.echo(str(made))
    except DocgenError as error:
        report(error.subject, error.cause)
        sys.exit(EXIT_FAILED)
    except click.Abort:
        report(subject, "cancelled, nothing written")
        sys.exit(EXIT_FAILED)
