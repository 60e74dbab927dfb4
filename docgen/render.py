"""Data + template → DOCX: the library verb behind ``docgen render`` and ``docgen batch``.

>>> from docgen.render import render_document
>>> from docgen.templates import load_template
>>> path = render_document("ke_hoach", load_template("ke_hoach").example, "/tmp/kh.docx")  # doctest: +SKIP
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from docgen.atomic import atomic_path
from docgen.errors import TemplateProblem
from docgen.layout.content import Content
from docgen.layout.document import Layout
from docgen.markup import MarkupError, parse_content
from docgen.templates import DocTemplate, load_template


@lru_cache(maxsize=1)
def layout() -> Layout:
    """The one layout engine of the process (its base package is built once)."""
    return Layout()


def build_content(template: DocTemplate, clean: dict[str, Any]) -> Content:
    """Render the template's markup for clean data and read it into a Content."""
    markup = template.render_markup(clean)
    try:
        return parse_content(markup)
    except MarkupError as error:
        where = f"rendered line {error.line}: " if error.line else ""
        raise TemplateProblem(str(template.template_file), f"{where}{error}") from None


def build_document(template: DocTemplate, data: dict[str, Any], subject: str | None = None):
    """Validate ``data`` against the schema and lay the document out (python-docx Document)."""
    clean = template.schema.validate(data, subject or template.name)
    return layout().build(build_content(template, clean))


def render_document(type_name: str, data: dict[str, Any], out_path: str | os.PathLike,
                    templates_dirs: Sequence[str | os.PathLike] | None = None,
                    subject: str | None = None) -> Path:
    """Validate, render and write ``out_path`` atomically; raises InvalidData / TemplateProblem."""
    template = load_template(type_name, templates_dirs)
    clean = template.schema.validate(data, subject or template.name)
    content = build_content(template, clean)
    with atomic_path(out_path) as tmp:
        layout().write(content, str(tmp))
    return Path(out_path)
