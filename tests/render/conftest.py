"""Shared fixtures: every template's example rendered once per test session (DOCX, and PDF in
one LibreOffice run for the slow tests)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from docgen.render import render_document
from docgen.templates import list_templates

TEMPLATES = list_templates()
TYPE_NAMES = [t.name for t in TEMPLATES]


@pytest.fixture(scope="session")
def rendered(tmp_path_factory) -> dict[str, Path]:
    """type name → DOCX of its example data."""
    out = tmp_path_factory.mktemp("examples")
    return {t.name: render_document(t.name, t.example, out / f"{t.name}.docx") for t in TEMPLATES}


@pytest.fixture(scope="session")
def example_pdfs(rendered, tmp_path_factory) -> dict[str, Path]:
    """type name → PDF, all converted by one LibreOffice process."""
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) is not installed")
    from docgen.pdf import convert_to_pdf

    out = tmp_path_factory.mktemp("pdf")
    pdfs = convert_to_pdf(list(rendered.values()), out)
    return {path.stem: path for path in pdfs}
