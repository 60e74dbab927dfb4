"""``docgen templates list | show TYPE | example TYPE``: what the clerk can render."""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from docgen.commands.common import EXIT_FAILED, EXIT_USAGE, report
from docgen.errors import DocgenError
from docgen.templates import list_templates, load_template

TEMPLATES_OPTION = click.option(
    "--templates", "templates_dirs", multiple=True, metavar="DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="Extra template folder (before $DOCGEN_TEMPLATES and the built-in ones); repeatable.")


def _json_default(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def load_or_exit(type_name: str, templates_dirs):
    """The template, or one error line and exit 2 (unknown name) or 1 (broken template)."""
    try:
        return load_template(type_name, templates_dirs or None)
    except DocgenError as error:
        report(error.subject, error.cause)
        sys.exit(EXIT_USAGE if "no such template" in error.cause else EXIT_FAILED)


@click.group("templates")
def templates() -> None:
    """List the document types and show their fields and example data."""


@templates.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@TEMPLATES_OPTION
def list_command(fmt: str, templates_dirs) -> None:
    """Every template: folder name, tên loại, abbreviation, Mẫu of Phụ lục III."""
    try:
        items = list_templates(templates_dirs or None)
    except DocgenError as error:
        report(error.subject, error.cause)
        sys.exit(EXIT_FAILED)
    rows = [{"type": t.name, "name": t.title, "code": t.code, "mau": t.mau, "description": t.description}
            for t in items]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    width = max(len(r["type"]) for r in rows)
    name_width = max(len(r["name"]) for r in rows)
    click.echo(f"{'TYPE':<{width}}  {'TÊN LOẠI':<{name_width}}  {'MÃ':<4}  MẪU")
    for r in rows:
        click.echo(f"{r['type']:<{width}}  {r['name']:<{name_width}}  {r['code'] or '-':<4}  {r['mau']}")


@templates.command("show")
@click.argument("type_name", metavar="TYPE")
@TEMPLATES_OPTION
def show_command(type_name: str, templates_dirs) -> None:
    """The fields of TYPE: name, type, required, default, pattern and help text."""
    template = load_or_exit(type_name, templates_dirs)
    click.echo(f"{template.name}: {template.title} ({template.code or 'không có mã'}), Mẫu {template.mau}")
    if template.description:
        click.echo(template.description)
    click.echo(f"folder: {template.folder}")
    click.echo("")
    for spec in template.schema.fields:
        flags = "required" if spec.required else "optional"
        extra = [f"type={spec.type}", flags]
        if spec.default is not None:
            extra.append(f"default={spec.default}")
        if spec.choices:
            extra.append("choices=" + "|".join(spec.choices))
        if spec.pattern:
            extra.append(f"pattern={spec.pattern}")
        click.echo(f"{spec.name}  [{', '.join(extra)}]")
        if spec.help:
            click.echo(f"    {spec.help}")


@templates.command("example")
@click.argument("type_name", metavar="TYPE")
@TEMPLATES_OPTION
def example_command(type_name: str, templates_dirs) -> None:
    """The example data of TYPE as JSON (save it, edit it, pass it to --data)."""
    template = load_or_exit(type_name, templates_dirs)
    click.echo(json.dumps(template.example, ensure_ascii=False, indent=2, default=_json_default))
