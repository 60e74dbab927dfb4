"""``docgen extract``: documents in, ``docgen.document/1`` records out."""
from __future__ import annotations

import dataclasses
import sys

import click

from docgen.atomic import atomic_write
from docgen.commands.common import EXIT_FAILED, check_hand_model, report_error, warn_if_uncorrected


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv", "table"]), default="json",
              show_default=True, help="Output form.")
@click.option("--with-text", is_flag=True, help="Add the full text that spans point into.")
@click.option("--explain", is_flag=True, help="Print each field beside the source line it came from.")
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="OCR pages without a text layer (auto), every page, or none.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes to extract with.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
@click.option("--no-deep", is_flag=True, help="Header fields only (skip references, targets, …).")
@click.option("--hand-threshold", type=click.FloatRange(0.0, 1.0), default=None,
              help="Leave a handwritten number, day or month null when its reading's "
                   "confidence (0–1) is below this  [default: 0.60, calibrated].")
def extract(inputs, fmt, with_text, explain, ocr, jobs, output, no_deep, hand_threshold):
    """Read FILEs (PDF, DOCX, TXT, HTML) and folders of them into document records."""
    from extractors.batch import extract_many, iter_files
    from extractors.explain import explain as explain_doc
    from extractors.output import FORMATS
    from extractors.pipeline import ExtractOptions

    warn_if_uncorrected(ocr)
    options = ExtractOptions(ocr=ocr, deep=not no_deep)
    if hand_threshold is not None:
        options = dataclasses.replace(options, hand_threshold=hand_threshold)
    paths = list(iter_files(inputs))
    check_hand_model(paths, ocr)
    docs, failed = [], False
    for path, result in extract_many(paths, options, jobs):
        if isinstance(result, Exception):
            report_error(result, str(path))
            failed = True
        else:
            docs.append(result)
    if explain:
        text = "\n\n".join(explain_doc(d) for d in docs) + ("\n" if docs else "")
    elif docs or fmt in ("csv", "table"):
        text = FORMATS[fmt](docs, with_text)
    else:
        text = ""
    if output:
        if docs:
            with atomic_write(output) as handle:
                handle.write(text)
    else:
        sys.stdout.write(text)
    sys.exit(EXIT_FAILED if failed else 0)
