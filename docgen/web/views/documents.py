"""The list of templates, a template's form, its live preview and the DOCX / PDF downloads.

Data goes through ``Schema.validate`` and ``render_document`` as with ``docgen render
--no-input``; the PDF comes from the warm converter, and the preview is a picture of that PDF.
"""
from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from docgen.errors import DocgenError
from docgen.render import render_document
from docgen.schema import FieldProblems
from docgen.templates import DocTemplate
from docgen.web.forms import field_views, form_data, problem_messages
from docgen.web.html import page
from docgen.web.preview import data_key, page_png
from docgen.web.services import Services, blocking, error_line
from docgen.web.uploads import attachment, safe_download_name, workspace

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def services(request: Request) -> Services:
    return request.app.state.services


async def index(request: Request) -> Response:
    web = services(request)
    try:
        templates = await blocking(web.templates)
    except DocgenError as error:
        return page("error.html", 500, title="Không đọc được mẫu", line=error_line(error))
    return page("index.html", templates=templates, active="mau")


def form_page(template: DocTemplate, values: dict[str, Any], messages: dict[str, str],
              status: int = 200, **extra) -> Response:
    """The form of ``template`` with ``values``, each problem beside its field."""
    extra.setdefault("notice", "")
    extra.setdefault("error", "")
    return page("form.html", status, template=template, fields=field_views(template, values, messages),
                messages=messages, active="mau", **extra)


async def show_form(request: Request) -> Response:
    web = services(request)
    try:
        template = web.template(request.path_params["type_name"])
    except DocgenError as error:
        return page("error.html", 404, title="Không có mẫu này", line=error_line(error))
    values = dict(template.example) if request.query_params.get("vi_du") else {}
    return form_page(template, values, {})


async def _pdf_bytes(web: Services, template: DocTemplate, data: dict[str, Any], clean: dict[str, Any]) -> bytes:
    """The PDF of one document: from memory when this content was converted lately."""
    key = data_key(template.name, clean)
    pdf = web.pdfs.get(key)
    if pdf is None:
        with workspace(web.work_root) as folder:
            docx = await blocking(render_document, template.name, data, folder / f"{template.name}.docx",
                                  web.dirs, template.name)
            made = await web.to_pdf(docx, folder / f"{template.name}.pdf")
            pdf = made.read_bytes()
        web.pdfs.put(key, pdf)
    return pdf


async def _docx_bytes(web: Services, template: DocTemplate, data: dict[str, Any]) -> bytes:
    with workspace(web.work_root) as folder:
        docx = await blocking(render_document, template.name, data, folder / f"{template.name}.docx",
                              web.dirs, template.name)
        return docx.read_bytes()


async def _submitted(request: Request) -> tuple[Services, DocTemplate, Any]:
    web = services(request)
    template = web.template(request.path_params["type_name"])
    async with request.form() as form:
        return web, template, (form_data(template, form), form.get("trang"), form.get("dang"))


async def preview(request: Request) -> Response:
    """JSON for the page's script: the picture of one page, or the problems field by field."""
    try:
        web, template, (data, wanted, _) = await _submitted(request)
        clean = template.schema.validate(data, template.name)
        pdf = await _pdf_bytes(web, template, data, clean)
        number = int(wanted) if str(wanted or "").isdigit() else 1
        image = await blocking(page_png, pdf, number)
    except FieldProblems as error:
        return JSONResponse({"ok": False, "messages": problem_messages(error), "error": ""})
    except DocgenError as error:
        return JSONResponse({"ok": False, "messages": {}, "error": error_line(error)})
    return JSONResponse({"ok": True, "page": image.number, "pages": image.count,
                         "image": "data:image/png;base64," + base64.b64encode(image.png).decode("ascii")})


def _file_stem(template: DocTemplate, clean: dict[str, Any]) -> str:
    number = clean.get("so")
    return f"{template.name}-{number:02d}" if isinstance(number, int) else template.name


async def download(request: Request) -> Response:
    """The DOCX or PDF (``dang``), or the form again with every problem beside its field."""
    try:
        web, template, (data, _, kind) = await _submitted(request)
    except DocgenError as error:
        return page("error.html", 404, title="Không có mẫu này", line=error_line(error))
    try:
        clean = template.schema.validate(data, template.name)
        stem = _file_stem(template, clean)
        if kind == "pdf":
            pdf = await _pdf_bytes(web, template, data, clean)
            return attachment(pdf, safe_download_name(stem, ".pdf"), "application/pdf")
        docx = await _docx_bytes(web, template, data)
        return attachment(docx, safe_download_name(stem, ".docx"), DOCX_TYPE)
    except FieldProblems as error:
        return form_page(template, data, problem_messages(error), 422,
                         error=f"Còn {len(error.problems)} trường chưa hợp lệ; chưa tạo văn bản.")
    except DocgenError as error:
        return form_page(template, data, {}, 500, error=error_line(error))


ROUTES = [
    Route("/", index),
    Route("/mau/{type_name}", show_form),
    Route("/mau/{type_name}/xem-truoc", preview, methods=["POST"]),
    Route("/mau/{type_name}/tai", download, methods=["POST"]),
]
