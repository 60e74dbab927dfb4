"""The web application: routes of every part, error pages, upload limit, converter lifetime.

    >>> app = create_app(WebSettings(templates_dirs=(Path("my_templates"),)))
    >>> uvicorn.run(app, host="127.0.0.1", port=8000)   # doctest: +SKIP

The converter and the work folder live as long as the application (Starlette's lifespan);
``app.state.services`` holds them for the pages.
"""
from __future__ import annotations

import contextlib
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from docgen.web.services import Services
from docgen.web.settings import WebSettings
from docgen.web.uploads import UploadLimit, attachment
from docgen.web.views import batch, documents, draft, errors, lint

STATIC_DIR = Path(__file__).with_name("static")


async def fetch_download(request):
    item = request.app.state.services.downloads.take(request.path_params["token"])
    if item is None:
        raise HTTPException(404)
    return attachment(item.content, item.filename, item.media_type)


def create_app(settings: WebSettings | None = None) -> Starlette:
    settings = settings or WebSettings()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        app.state.services = Services.start(settings)
        try:
            yield
        finally:
            app.state.services.close()

    routes = [*documents.ROUTES, *lint.ROUTES, *batch.ROUTES, *draft.ROUTES,
              Route("/tai-ve/{token}", fetch_download),
              Mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")]
    limit = Middleware(UploadLimit, max_bytes=settings.max_upload_bytes,
                       too_large=lambda: errors.too_large_page(settings.max_upload_bytes))
    return Starlette(debug=False, routes=routes, middleware=[limit], lifespan=lifespan,
                     exception_handlers={HTTPException: errors.http_error, Exception: errors.server_error})
