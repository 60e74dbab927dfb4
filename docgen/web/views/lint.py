"""Drop a DOCX, see ``docgen lint``'s findings beside the paragraphs they name, take the
``--fix`` copy.

Paragraphs are numbered as lint numbers them (reading order, table cells included), so the
finding "¶7" sits beside the seventh paragraph shown.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from docgen.errors import DocgenError
from docgen.lint import Finding, fix_file, lint_document, open_docx
from docgen.lint.lines import document_paragraphs
from docgen.web.html import page
from docgen.web.services import Services, blocking, error_line
from docgen.web.uploads import require_docx, safe_download_name, save_upload, upload_name, workspace
from docgen.web.views.documents import DOCX_TYPE


@dataclass
class ParagraphView:
    """One paragraph of the checked document and the findings that name it."""

    index: int
    text: str
    in_table: bool
    findings: list[Finding] = field(default_factory=list)


@dataclass
class LintReport:
    name: str
    page_findings: list[Finding]
    paragraphs: list[ParagraphView]
    total: int
    remaining_after_fix: int
    fixed_token: str = ""


def lint_report(path: Path, name: str) -> tuple[LintReport, Path]:
    """Findings by paragraph, and the ``--fix`` copy written beside ``path``."""
    require_docx(path, name)
    document = open_docx(path)
    findings = lint_document(document)
    paragraphs = [ParagraphView(p.index, p.text, p.cell is not None) for p in document_paragraphs(document)]
    fixed = path.with_name(f"fixed-{path.name}")
    remaining = fix_file(path, fixed)
    by_index = {p.index: p for p in paragraphs}
    page_findings = []
    for finding in findings:
        target = by_index.get(finding.paragraph) if finding.paragraph is not None else None
        (target.findings if target else page_findings).append(finding)
    shown = [p for p in paragraphs if p.text.strip() or p.findings]
    return LintReport(name, page_findings, shown, len(findings), len(remaining)), fixed


async def show(request: Request) -> Response:
    return page("lint.html", report=None, error="", active="kiem-tra")


async def check(request: Request) -> Response:
    web: Services = request.app.state.services
    async with request.form() as form:
        upload = form.get("tep")
        if upload is None or isinstance(upload, str) or not upload.filename:
            return page("lint.html", 400, report=None, error="Chưa chọn tệp DOCX.", active="kiem-tra")
        name = upload_name(upload.filename, "van-ban.docx")
        with workspace(web.work_root) as folder:
            path = await save_upload(upload, folder, f"{Path(name).stem or 'van-ban'}.docx")
            try:
                report, fixed = await blocking(lint_report, path, name)
            except DocgenError as error:
                return page("lint.html", 422, report=None, error=error_line(error, name), active="kiem-tra")
            fixed_name = safe_download_name(f"{Path(name).stem}-da-sua", ".docx")
            report.fixed_token = web.downloads.put(fixed.read_bytes(), fixed_name, DOCX_TYPE)
    return page("lint.html", report=report, error="", active="kiem-tra")


ROUTES = [
    Route("/kiem-tra", show),
    Route("/kiem-tra", check, methods=["POST"]),
]
