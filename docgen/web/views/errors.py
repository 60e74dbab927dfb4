"""Error pages in Vietnamese; none shows a traceback (it goes to the server's log instead)."""
from __future__ import annotations

import logging

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from docgen.web.html import page

LOG = logging.getLogger("docgen.web")
TITLES = {
    400: "Yêu cầu không hợp lệ",
    404: "Không tìm thấy trang",
    405: "Trang này không nhận cách gửi đó",
    413: "Tệp quá lớn",
    500: "Máy chủ gặp lỗi",
}
LINES = {
    404: "Địa chỉ này không có trên docgen. Về trang đầu để chọn mẫu văn bản.",
    405: "Hãy mở trang từ trình đơn phía trên.",
}


def _wants_json(request: Request) -> bool:
    return request.url.path.endswith("/xem-truoc")


def too_large_page(limit_bytes: int) -> Response:
    line = f"Tệp gửi lên vượt giới hạn {limit_bytes / (1 << 20):g} MB. Hãy chọn tệp nhỏ hơn."
    return page("error.html", 413, title=TITLES[413], line=line)


async def http_error(request: Request, error: HTTPException) -> Response:
    status = error.status_code
    if status == 413:
        return too_large_page(request.app.state.services.settings.max_upload_bytes)
    line = LINES.get(status, "Không thực hiện được yêu cầu.")
    if _wants_json(request):
        return JSONResponse({"ok": False, "messages": {}, "error": line}, status_code=status)
    return page("error.html", status, title=TITLES.get(status, f"Lỗi {status}"), line=line)


async def server_error(request: Request, error: Exception) -> Response:
    """Any unexpected exception: logged with its traceback, shown as one plain sentence."""
    LOG.error("error serving %s %s", request.method, request.url.path, exc_info=error)
    line = "Có lỗi ngoài dự kiến; chi tiết đã ghi vào nhật ký của máy chủ (cửa sổ chạy docgen serve)."
    if _wants_json(request):
        return JSONResponse({"ok": False, "messages": {}, "error": line}, status_code=500)
    return page("error.html", 500, title=TITLES[500], line=line)
