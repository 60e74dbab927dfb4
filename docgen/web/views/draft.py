"""Upload an issued document (PDF, scan, DOCX, text), get the new document's form pre-filled
as ``docgen draft`` fills it: the opening "Thực hiện …", the căn cứ line, the recipients.

The parent is read by ``extractors.extract`` and the fields by ``docgen.draft.draft_data``;
what the parent cannot give is marked beside its field, as ``draft --no-input`` lists it.
"""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from docgen.draft import Draft, draft_data
from docgen.errors import DocgenError
from docgen.web.forms import label_of
from docgen.web.html import page
from docgen.web.services import Services, blocking, error_line
from docgen.web.uploads import document_kind, save_upload, upload_name, workspace
from docgen.web.views.documents import form_page


def read_parent(web: Services, type_name: str, path, name: str, data: dict, example: bool) -> Draft:
    """Check the upload's kind from its content, extract it, and fill the new document
    (``data`` and ``example`` as ``docgen draft --data … --example`` take them)."""
    from extractors import extract

    template = web.template(type_name)
    document_kind(path, name)
    return draft_data(template, extract(path), data, example)


def _notice(template, draft: Draft, name: str) -> str:
    taken = ", ".join(label_of(template.schema.by_name[n]) for n in draft.from_parent) or "không trường nào"
    return f"Đã đọc “{name}”: điền sẵn {taken}. Kiểm tra lại rồi điền các trường còn thiếu."


async def show(request: Request) -> Response:
    web: Services = request.app.state.services
    return page("draft.html", templates=await blocking(web.templates), error="", chosen="", active="soan")


async def submit(request: Request) -> Response:
    web: Services = request.app.state.services
    templates = await blocking(web.templates)
    async with request.form() as form:
        type_name, upload = str(form.get("loai", "")), form.get("tep")
        co_quan, example = str(form.get("co_quan", "")).strip(), bool(form.get("vi_du"))
        context = dict(templates=templates, chosen=type_name, active="soan")
        if upload is None or isinstance(upload, str) or not upload.filename:
            return page("draft.html", 400, error="Chưa chọn văn bản đã ban hành.", **context)
        name = upload_name(upload.filename, "van-ban")
        with workspace(web.work_root) as folder:
            path = await save_upload(upload, folder, name)
            try:
                data = {"co_quan": co_quan} if co_quan else {}
                draft = await blocking(read_parent, web, type_name, path, name, data, example)
            except DocgenError as error:
                return page("draft.html", 422, error=error_line(error, name, folder), **context)
    template = web.template(type_name)
    messages = {n: f"missing ({template.schema.by_name[n].rule()})" for n in draft.missing}
    return form_page(template, draft.data, messages, notice=_notice(template, draft, name))


ROUTES = [
    Route("/soan-tu-van-ban", show),
    Route("/soan-tu-van-ban", submit, methods=["POST"]),
]
