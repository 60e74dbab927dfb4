"""``docgen eval``: score extracted records against gold records."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from docgen.commands.common import EXIT_FAILED, check_hand_model, report_error, warn_if_uncorrected


@click.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True)
@click.option("--no-misses", is_flag=True, help="Print the table only.")
def eval_command(gold_dir, inputs, ocr, jobs, no_misses):
    """Extract FILEs and score them against GOLD_DIR/*.gold.json (RECORD.md rules).

    A file is paired with the gold record of the same stem (d01.pdf ↔ d01.gold.json).
    """
    from extractors.batch import extract_many, iter_files
    from extractors.evaluate import format_report, load_gold, score
    from extractors.pipeline import ExtractOptions

    warn_if_uncorrected(ocr)
    gold = load_gold(gold_dir)
    paths = [p for p in iter_files(inputs) if _stem(p) in gold]
    check_hand_model(paths, ocr)
    pairs, failed = [], False
    for path, result in extract_many(paths, ExtractOptions(ocr=ocr), jobs):
        if isinstance(result, Exception):
            report_error(result, str(path))
            failed = True
            pairs.append((path.name, gold[_stem(path)], {}))
        else:
            pairs.append((path.name, gold[_stem(path)], result.to_dict()))
    report = score(pairs)
    seen = {_stem(Path(name)) for name, _, _ in pairs}
    report.unmatched = sorted(set(gold) - seen)
    click.echo(format_report(report, show_misses=not no_misses))
    sys.exit(EXIT_FAILED if failed else 0)


def _stem(path: Path) -> str:
    return path.name.rsplit(".", 1)[0]
