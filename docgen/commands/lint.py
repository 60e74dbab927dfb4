"""``docgen lint``: check DOCX files against Nghị định 30, and repair what is safe with ``--fix``."""
from __future__ import annotations

import json
from pathlib import Path

import click

from docgen.commands.common import EXIT_FAILED, EXIT_OK, report_error
from docgen.errors import DocgenError


@click.command("lint")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: one line per finding; json: a list of {rule, message, paragraph, found, expected}.")
@click.option("--fix", is_flag=True, help="Repair margins, fonts, sizes, date form and page numbers.")
@click.option("-o", "--output", type=click.Path(), help="Where --fix writes (a folder when several FILES).")
def lint(files: tuple[str, ...], fmt: str, fix: bool, output: str | None) -> None:
    """Check each FILE.docx against ND30_SPEC.md; exit 1 while findings remain.

    Each finding names the spec id (G-03, DT-04, NN-04 …), the paragraph (its index in reading
    order and a short quote), what was found and what is required. With several FILES the JSON
    findings carry a "file" key too.
    """
    from docgen.lint import fix_file, lint_file

    if output and not fix:
        raise click.UsageError("-o/--output is only used with --fix")
    if fix and not output:
        raise click.UsageError("--fix needs -o OUT.docx (the input is never overwritten)")
    results, failed = [], False
    for name in files:
        try:
            if fix:
                name, findings = _fix(name, output, len(files), fix_file)
            else:
                findings = lint_file(name)
        except DocgenError as error:
            report_error(error)
            failed = True
            continue
        results.append((name, findings))
    _print(results, fmt, several=len(files) > 1, fixed=fix)
    remaining = any(findings for _, findings in results)
    raise SystemExit(EXIT_FAILED if failed or remaining else EXIT_OK)


def _fix(name: str, output: str, count: int, fix_file) -> tuple[str, list]:
    """Repair ``name``; the findings that remain are reported against the repaired file."""
    target = _target(name, output, count)
    return str(target), fix_file(name, target)


def _target(name: str, output: str, count: int) -> Path:
    if count == 1:
        return Path(output)
    folder = Path(output)
    if folder.exists() and not folder.is_dir():
        raise click.UsageError("with several FILES, -o must be a folder")
    return folder / Path(name).name


def _print(results, fmt: str, several: bool, fixed: bool) -> None:
    if fmt == "json":
        items = []
        for name, findings in results:
            for finding in findings:
                item = finding.to_dict()
                if several:
                    item = {"file": name, **item}
                items.append(item)
        click.echo(json.dumps(items, ensure_ascii=False, indent=2))
        return
    total = 0
    for name, findings in results:
        total += len(findings)
        for finding in findings:
            click.echo(f"{name}: {finding.to_text()}")
    files = f"{len(results)} file{'s' if len(results) != 1 else ''}"
    prefix = "after --fix: " if fixed else ""
    click.echo(f"{prefix}{total} finding{'s' if total != 1 else ''} in {files}")

