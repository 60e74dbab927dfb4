"""A template's schema as a web form, and a submitted form back as the data ``render`` takes.

The form asks nothing the schema does not declare, and checks nothing itself: the values go
through ``Schema.validate`` exactly as ``docgen render --no-input`` sends them, and each
``Problem`` is shown beside its field in the words the command line prints.

    >>> views = field_views(load_template("cong_van"), {"so": "abc"}, {"so": "invalid: …"})
    >>> views[4].label, views[4].widget, views[4].message
    ('Số văn bản', 'text', 'invalid: …')
"""
from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from docgen.schema import Field, FieldProblems
from docgen.templates import DocTemplate

LABELS_FILE = Path(__file__).with_name("data") / "labels.toml"
WIDGETS = {"text": "text", "int": "text", "date": "text", "multiline": "textarea", "list": "list",
           "choice": "select", "bool": "checkbox"}
PLACEHOLDERS = {"date": "YYYY-MM-DD hoặc DD/MM/YYYY", "int": "số"}
DEFAULT_WORDS = {"today": "hôm nay"}  # defaults the schema resolves itself, shown in words


@lru_cache(maxsize=1)
def labels() -> dict[str, str]:
    with open(LABELS_FILE, "rb") as handle:
        return tomllib.load(handle)["labels"]


def label_of(spec: Field) -> str:
    """The template's own ``label``, else the shared table's, else the field's name."""
    return spec.label or labels().get(spec.name, spec.name)


@dataclass(frozen=True)
class FieldView:
    """What the page needs to draw one field."""

    name: str
    label: str
    help: str
    widget: str            # text | textarea | list | select | checkbox
    required: bool
    value: str             # text, textarea, select, checkbox ("1" when ticked)
    items: tuple[str, ...]  # list fields: one input per item
    choices: tuple[str, ...]
    placeholder: str
    rule: str
    message: str = ""


def shown(value: Any) -> str:
    """A value as the form shows it: dates ISO, lists one item per line, None empty."""
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, (list, tuple)):
        return "\n".join(shown(item) for item in value)
    if isinstance(value, bool):
        return "1" if value else ""
    return str(value)


def _items(value: Any) -> tuple[str, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(shown(item) for item in value)
    text = shown(value)
    return tuple(line for line in text.split("\n") if line.strip()) if text else ()


def _placeholder(spec: Field) -> str:
    words = PLACEHOLDERS.get(spec.type, "")
    if spec.default is not None:
        default = DEFAULT_WORDS.get(str(spec.default), shown(spec.default))
        words = f"mặc định: {default}" + (f" ({words})" if words else "")
    return words


def field_views(template: DocTemplate, values: Mapping[str, Any], messages: Mapping[str, str]) -> list[FieldView]:
    """One FieldView per schema field, in the schema's order, with values and messages."""
    views = []
    for spec in template.schema.fields:
        value = values.get(spec.name)
        views.append(FieldView(
            name=spec.name, label=label_of(spec), help=spec.help, widget=WIDGETS[spec.type],
            required=spec.required and spec.default is None, value=shown(value), items=_items(value),
            choices=spec.choices, placeholder=_placeholder(spec), rule=spec.rule(),
            message=messages.get(spec.name, ""),
        ))
    return views


def form_data(template: DocTemplate, form: Any) -> dict[str, Any]:
    """The submitted form (a starlette FormData) as render data: list fields from their inputs."""
    data: dict[str, Any] = {}
    for spec in template.schema.fields:
        if spec.type == "list":
            items = [str(v) for v in form.getlist(spec.name) if isinstance(v, str) and v.strip()]
            if items:
                data[spec.name] = items
        elif spec.type == "bool":
            data[spec.name] = spec.name in form
        else:
            value = form.get(spec.name)
            if isinstance(value, str) and value.strip():
                data[spec.name] = value
    return data


def problem_messages(error: FieldProblems) -> dict[str, str]:
    """field → "missing (required; …)", the words ``docgen render --no-input`` prints after it."""
    messages: dict[str, str] = {}
    for problem in error.problems:
        text = f"{problem.message} ({problem.rule})"
        messages[problem.field] = f"{messages[problem.field]}; {text}" if problem.field in messages else text
    return messages
