"""``docgen corpus …``: ingest folders into an index, search, follow citations, export.

A thin layer over ``corpus.Corpus``: each command parses its options, calls one verb and
prints. Listings print as a table, JSON lines or CSV (``--format``).
"""
from __future__ import annotations

import csv
import functools
import json
import sys
from dataclasses import asdict

import click

from docgen.commands.common import EXIT_FAILED, report, report_error, warn_if_uncorrected
from docgen.errors import DocgenError

DB_OPTION = click.option("--db", default="corpus.db", show_default=True, envvar="DOCGEN_CORPUS",
                         type=click.Path(dir_okay=False), help="The index file.")
# listings: table, JSON lines or CSV; single reports (graph, stats): table or one JSON object
LIST_FORMAT_OPTION = click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]),
                                  default="table", show_default=True)
JSON_FORMAT_OPTION = click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
                                  show_default=True)


def _fails_cleanly(command):
    """Library errors become one line ``docgen: SUBJECT: cause`` and exit code 1."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except DocgenError as error:
            report_error(error)
            sys.exit(EXIT_FAILED)
    return wrapper


def _filter_options(command):
    for option in reversed([
        click.option("--type", "doc_type", help="Document type: code (KH, QĐ) or name."),
        click.option("--issuer", help="Words of the issuing body's name (marks optional)."),
        click.option("--signer", help="Words of the signer's name (marks optional)."),
        click.option("--year", help="Year of issue, or a range: 2022, 2021-2025."),
        click.option("--cites", metavar="NUMBER", help="Only documents citing this number."),
        click.option("--accents", type=click.Choice(["auto", "exact", "ignore"]), default="auto",
                     show_default=True, help="auto: a query without marks ignores marks."),
    ]):
        command = option(command)
    return command


def _filters(doc_type, issuer, signer, year, cites):
    from corpus import Filters, parse_years

    return Filters(doc_type=doc_type, issuer=issuer, signer=signer,
                   years=parse_years(year) if year else None, cites=cites)


def _open(db):
    from corpus import Corpus

    return Corpus(db)


@click.group()
def corpus():
    """Index folders of documents, then search, follow citations and export them."""


@corpus.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@DB_OPTION
@click.option("--jobs", "-j", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Local extraction processes (or LocalCluster workers with --dask local).")
@click.option("--dask", metavar="ADDRESS|local",
              help="Run extraction on a Dask scheduler (tcp://host:8786) or a LocalCluster.")
@click.option("--parquet", type=click.Path(file_okay=False),
              help="Write records as Parquet shards in this folder instead of the index.")
@click.option("--retry-failed", is_flag=True, help="Try again files that failed before.")
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="OCR pages without a text layer (auto), all, or none.")
@click.option("--wait", type=click.FloatRange(0), default=30, show_default=True,
              help="Seconds to wait for another ingest writing to the same index.")
@_fails_cleanly
def ingest(inputs, db, jobs, dask, parquet, retry_failed, ocr, wait):
    """Extract the PDF, DOCX, TXT and HTML files under INPUTS into the index."""
    from corpus import Corpus, IngestOptions, Progress, TerminalProgress, ingest_shards

    warn_if_uncorrected(ocr)
    options = IngestOptions(jobs=jobs, dask=dask, parquet=parquet, retry_failed=retry_failed,
                            ocr=ocr, wait=wait)
    progress = (TerminalProgress if sys.stderr.isatty() else Progress)(on_failure=report)
    if parquet:
        result = ingest_shards(list(inputs), options, progress)
    else:
        with Corpus.for_ingest(db) as index:
            result = index.ingest(list(inputs), options, progress)
    click.echo(f"docgen: {parquet or db}: {result.summary()}", err=True)
    if result.failed:
        sys.exit(EXIT_FAILED)


@corpus.command()
@click.argument("folder", type=click.Path(file_okay=False))
@DB_OPTION
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Processes: one writes, the others prepare records.")
@click.option("--wait", type=click.FloatRange(0), default=30, show_default=True,
              help="Seconds to wait for another ingest or load writing to the same index.")
@_fails_cleanly
def load(folder, db, jobs, wait):
    """Bulk-load Parquet shards (ingest --parquet) or an export --with-text into the index."""
    from corpus import Corpus

    with Corpus.for_ingest(db) as index:
        result = index.load(folder, jobs, wait)
    click.echo(f"docgen: {db}: {result.summary()}", err=True)


@corpus.command()
@click.argument("query")
@DB_OPTION
@_filter_options
@click.option("--limit", "-n", type=click.IntRange(1), default=20, show_default=True)
@LIST_FORMAT_OPTION
@click.option("--window", type=click.IntRange(0), default=2000, show_default=True,
              help="Rank among at most this many newest matches (0: rank every match).")
@_fails_cleanly
def search(query, db, doc_type, issuer, signer, year, cites, accents, limit, fmt, window):
    """Documents matching QUERY, best first ("" lists by filters, newest first)."""
    filters = _filters(doc_type, issuer, signer, year, cites)
    with _open(db) as index:
        hits = index.search(query, filters, limit, accents, window)
    if not hits.complete:
        click.echo(f"docgen: {db}: more than {window} documents match; ranked the {window} "
                   "most recently stored (narrow the query, or give --window 0)", err=True)
    rows = [asdict(h) for h in hits]
    columns = [("id", 6), ("code", 5), ("number", 18), ("issued_on", 10), ("issuer", 30),
               ("subject", 50)]
    _emit(rows, columns, fmt, note="snippet")


@corpus.command()
@click.argument("ident", metavar="ID")
@DB_OPTION
@click.option("--with-text", is_flag=True, help="Add the full text the spans point into.")
@_fails_cleanly
def show(ident, db, with_text):
    """Print one record (ID: id, sha256 prefix, path or số ký hiệu) as JSON."""
    with _open(db) as index:
        record = index.show(ident, with_text)
    click.echo(json.dumps(record, ensure_ascii=False, indent=2))


@corpus.command()
@click.argument("query")
@DB_OPTION
@_filter_options
@click.option("--limit", "-n", type=click.IntRange(1), default=100, show_default=True)
@LIST_FORMAT_OPTION
@_fails_cleanly
def targets(query, db, doc_type, issuer, signer, year, cites, accents, limit, fmt):
    """Targets whose indicator or heading matches QUERY, across documents."""
    filters = _filters(doc_type, issuer, signer, year, cites)
    with _open(db) as index:
        hits = index.targets(query, filters, limit, accents)
    rows = [{"document": h.number or f"#{h.doc_id}", **asdict(h),
             "value": _number(h.value)} for h in hits]
    columns = [("document", 16), ("issuer", 26), ("indicator", 40), ("comparator", 10),
               ("value", 8), ("unit", 8), ("deadline", 10), ("scope", 20)]
    _emit(rows, columns, fmt)


@corpus.command()
@click.argument("number")
@DB_OPTION
@JSON_FORMAT_OPTION
@_fails_cleanly
def graph(number, db, fmt):
    """What cites NUMBER and what the document with that number cites."""
    with _open(db) as index:
        result = index.graph(number)
    if fmt == "json":
        click.echo(json.dumps(asdict(result), ensure_ascii=False, indent=2))
        return
    click.echo("\n".join(_graph_lines(result)))


def _graph_lines(result) -> list[str]:
    lines = [f"{result.number}: " + (f"{len(result.documents)} stored document(s)"
                                     if result.documents else "not stored in this index")]
    for doc in result.documents:
        lines.append(f"  #{doc.id} {_doc_line(doc)}")
        cites = result.cites.get(doc.id, [])
        lines.append(f"  cites ({len(cites)}):")
        for ref in cites:
            where = ", ".join(f"#{d.id}" for d in ref.resolved) or "not stored"
            named = ref.number or _cut(f"({ref.title or 'no number'})", 50)
            parts = [named, ref.doc_type, ref.issued_on, f"→ {where}"]
            lines.append("    " + "  ".join(p for p in parts if p))
    lines.append(f"cited by ({len(result.cited_by)}):")
    for citing in result.cited_by:
        lines.append(f"  #{citing.document.id} {_doc_line(citing.document)}")
    return lines


def _doc_line(doc) -> str:
    parts = [doc.number or "(no number)", doc.doc_type, doc.issued_on, doc.issuer, doc.subject]
    return " · ".join(_cut(str(p), 70) for p in parts if p)


@corpus.command("export")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), required=True)
@click.option("-o", "--output", type=click.Path(),
              help="A folder for all tables, or a file for one --table. Default: stdout.")
@click.option("--table", type=click.Choice(["all", "records", "targets", "references"]),
              help="One table only (default: records on stdout, all with -o).")
@click.option("--with-text", is_flag=True, help="Add each record's full text.")
@_fails_cleanly
def export_command(db, fmt, output, table, with_text):
    """Write records, targets and references as JSONL, CSV or Parquet (schema: corpus/README)."""
    table = table or ("all" if output else "records")
    with _open(db) as index:
        counts = index.export(fmt, output, table, with_text)
    if output:
        click.echo(f"docgen: {output}: " + ", ".join(f"{n} {t}" for t, n in counts.items()),
                   err=True)


@corpus.command()
@DB_OPTION
@LIST_FORMAT_OPTION
@_fails_cleanly
def failures(db, fmt):
    """Files that could not be extracted, with the cause (retried with --retry-failed)."""
    with _open(db) as index:
        rows = index.failures()
    _emit(rows, [("path", 50), ("attempts", 8), ("failed_at", 20), ("cause", 60)], fmt)


@corpus.command()
@DB_OPTION
@JSON_FORMAT_OPTION
@_fails_cleanly
def stats(db, fmt):
    """Counts of records, pages, failures, references and targets; types and years."""
    with _open(db) as index:
        figures = index.stats()
    if fmt == "json":
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    for key, value in figures.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items()) or "-"
        click.echo(f"{key:<20} {value}")


def _emit(rows: list[dict], columns: list[tuple[str, int]], fmt: str, note: str | None = None):
    """Print rows as JSON lines, CSV (every key), or a table of ``columns``."""
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        keys = list(rows[0]) if rows else [name for name, _ in columns]
        writer = csv.DictWriter(sys.stdout, fieldnames=keys, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        click.echo("  ".join(f"{name:<{width}}" for name, width in columns).rstrip())
        for row in rows:
            click.echo("  ".join(f"{_cut(row.get(n), w):<{w}}" for n, w in columns).rstrip())
            if note and row.get(note):
                click.echo(f"        {row[note]}")


def _cut(value, width: int) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _number(value):
    return int(value) if isinstance(value, float) and value.is_integer() else value
