"""Upload a CSV (or XLSX) for a type, get a ZIP of documents and a report row by row.

The rows go through ``docgen.batch.render_batch``, the function behind ``docgen batch``, so
the rules, the file names and the causes of failed rows are the command line's. An XLSX
workbook's first sheet is saved as CSV first (header row = field names).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from docgen.batch import read_rows, render_batch
from docgen.errors import DocgenError, UnreadableDocument
from docgen.web.html import page
from docgen.web.services import Services, blocking, error_line
from docgen.web.uploads import safe_download_name, save_upload, table_kind, upload_name, workspace

REPORT_NAME = "bao-cao.csv"


@dataclass(frozen=True)
class RowReport:
    line: int       # the row's line in the CSV (as ``docgen batch`` names it)
    ok: bool
    cause: str


def xlsx_to_csv(source: Path, target: Path, shown_as: str) -> Path:
    """The first sheet of a workbook as a UTF-8 CSV (dates as YYYY-MM-DD)."""
    try:
        import openpyxl
    except ImportError:
        raise UnreadableDocument(shown_as, "XLSX needs the openpyxl package; save the sheet as CSV UTF-8") from None
    try:
        with open(source, "rb") as handle:  # a file object: openpyxl does not judge by the name
            book = openpyxl.load_workbook(handle, read_only=True, data_only=True)
            rows = list(book.worksheets[0].iter_rows(values_only=True))
            book.close()
    except Exception as error:  # openpyxl raises many kinds on a damaged workbook
        raise UnreadableDocument(shown_as, f"unreadable XLSX ({type(error).__name__})") from None
    with open(target, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        for row in rows:
            writer.writerow(["" if v is None else v.isoformat()[:10] if isinstance(v, (dt.date, dt.datetime)) else v
                             for v in row])
    return target


def row_reports(csv_path: Path, failures) -> list[RowReport]:
    """One line per data row: done, or the causes ``docgen batch`` gives for it."""
    causes: dict[int, list[str]] = {}
    for failure in failures:
        causes.setdefault(failure.line, []).append(failure.cause)
    return [RowReport(line, line not in causes, "; ".join(causes.get(line, [])))
            for line, _ in read_rows(csv_path)]


def zip_of(files: list[Path], rows: list[RowReport]) -> bytes:
    """The documents and the report (``bao-cao.csv``: dong, ket_qua, loi) in one ZIP."""
    report = io.StringIO()
    writer = csv.writer(report)
    writer.writerow(["dong", "ket_qua", "loi"])
    for row in rows:
        writer.writerow([row.line, "đã tạo" if row.ok else "lỗi", row.cause])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            archive.write(path, path.name)
        archive.writestr(REPORT_NAME, "\ufeff" + report.getvalue())
    return buffer.getvalue()


def run_batch(web: Services, type_name: str, table: Path, name: str, pattern: str | None, pdf: bool, out: Path):
    kind = table_kind(table, name)
    csv_path = xlsx_to_csv(table, table.with_suffix(".csv"), name) if kind == "xlsx" else table
    result = render_batch(type_name, csv_path, out, pattern or None, pdf, web.dirs)
    rows = row_reports(csv_path, result.failures)
    return rows, zip_of([*result.written, *result.pdfs], rows), len(result.written), len(result.pdfs)


async def show(request: Request) -> Response:
    web: Services = request.app.state.services
    return page("batch.html", templates=await blocking(web.templates), result=None, error="", chosen="",
                active="lo")


async def submit(request: Request) -> Response:
    web: Services = request.app.state.services
    templates = await blocking(web.templates)
    async with request.form() as form:
        type_name, upload = str(form.get("loai", "")), form.get("tep")
        pattern, pdf = str(form.get("ten", "")).strip(), bool(form.get("pdf"))
        context = dict(templates=templates, chosen=type_name, active="lo")
        if upload is None or isinstance(upload, str) or not upload.filename:
            return page("batch.html", 400, result=None, error="Chưa chọn tệp CSV hoặc XLSX.", **context)
        name = upload_name(upload.filename, "bang.csv")
        with workspace(web.work_root) as folder:
            table = await save_upload(upload, folder, f"{Path(name).stem or 'bang'}.upload")
            try:
                rows, archive, docs, pdfs = await blocking(run_batch, web, type_name, table, name, pattern,
                                                           pdf, folder / "out")
            except DocgenError as error:
                return page("batch.html", 422, result=None, error=error_line(error, name, folder), **context)
    zip_name = safe_download_name(f"{type_name}-{Path(name).stem}", ".zip")
    token = web.downloads.put(archive, zip_name, "application/zip")
    result = dict(rows=rows, token=token, zip_name=zip_name, docs=docs, pdfs=pdfs,
                  failed=sum(not r.ok for r in rows), name=name)
    return page("batch.html", result=result, error="", **context)


ROUTES = [
    Route("/lo", show),
    Route("/lo", submit, methods=["POST"]),
]
