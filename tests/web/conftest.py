"""Fixtures of the web tests: the application in-process (Starlette's TestClient) and the form
data of a template's example, as a browser would post it."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed (pip install -e '.[web]')")
pytest.importorskip("httpx", reason="Starlette's TestClient needs httpx")

from starlette.testclient import TestClient  # noqa: E402

from docgen.templates import load_template  # noqa: E402
from docgen.web import WebSettings, create_app  # noqa: E402
from docgen.web.forms import shown  # noqa: E402

SHARED_DEV = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev"


def posted(type_name: str, **changes: Any) -> dict[str, Any]:
    """The example of ``type_name`` as form fields (lists as repeated inputs), with changes."""
    data = {name: value if isinstance(value, list) else shown(value)
            for name, value in load_template(type_name).example.items()}
    data.update(changes)
    return data


def needs_office() -> None:
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) is not installed")


@pytest.fixture
def client():
    """The application without LibreOffice started (pages, downloads of DOCX, lint, batch)."""
    app = create_app(WebSettings(warm_up=False))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def office_client():
    """The application with its warm converter (started once per module)."""
    needs_office()
    app = create_app(WebSettings(convert_timeout=60))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        test_client.app.state.services.converter.warm_up().result(timeout=120)
        yield test_client
