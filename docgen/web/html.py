"""The pages' own Jinja environment (files in ``docgen/web/templates/``, autoescaped)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
from starlette.responses import HTMLResponse

PAGES_DIR = Path(__file__).with_name("templates")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(PAGES_DIR)), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def page(name: str, status: int = 200, **context) -> HTMLResponse:
    """Render ``templates/NAME`` with ``context``; every page gets ``nav`` for the menu."""
    context.setdefault("active", "")
    html = environment().get_template(name).render(**context)
    return HTMLResponse(html, status_code=status)
