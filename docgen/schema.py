"""Field schemas of the templates: declare, clean and check the data a document is rendered from.

Each field has a name, a type (text, multiline, int, date, list, choice, bool), ``required``, a
``default``, an optional ``pattern`` (matched in full, per line / per item for multiline and
list), and Vietnamese help text. ``Schema.validate`` returns clean values or raises
``FieldProblems`` listing every missing or invalid field with its rule — never only the first.

>>> schema = Schema([Field("so", "int", required=True, help="Số văn bản", min=1)])
>>> schema.validate({"so": "5"})
{'so': 5}
>>> try: schema.validate({})
... except FieldProblems as error: print(error.cause)
so: missing (required; whole number ≥ 1 — Số văn bản)
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from docgen.errors import InvalidData
from docgen.vn.dates import parse_date

TYPES = ("text", "multiline", "int", "date", "list", "choice", "bool")
# control characters other than newline and tab are dropped from every value
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_TRUE = {"1", "true", "yes", "y", "có", "co", "x"}
_FALSE = {"0", "false", "no", "n", "không", "khong", ""}


@dataclass(frozen=True)
class Problem:
    """One field that is missing or breaks its rule."""

    field: str
    message: str
    rule: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message} ({self.rule})"


class FieldProblems(InvalidData):
    """InvalidData with the list of problems (``.problems``), all of them in ``.cause``."""

    def __init__(self, subject: str, problems: list[Problem]):
        super().__init__(subject, "; ".join(str(p) for p in problems))
        self.problems = problems


def clean_text(value: Any, keep_newlines: bool) -> str:
    """NFC, no control characters, lines stripped; newlines folded to spaces unless kept."""
    text = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text.replace("\t", " "))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    if keep_newlines:
        return "\n".join(line for line in lines if line)
    return " ".join(line for line in lines if line)


def split_list(value: Any) -> list[str]:
    """A list from a list, or from text with one item per line (or items separated by ';')."""
    if isinstance(value, (list, tuple)):
        items = [clean_text(item, False) for item in value]
    else:
        text = clean_text(value, True)
        parts = text.split("\n") if "\n" in text else text.split(";")
        items = [part.strip() for part in parts]
    return [item for item in items if item]


@dataclass(frozen=True)
class Field:
    """One declared field of a template."""

    name: str
    type: str = "text"
    required: bool = False
    default: Any = None
    pattern: str | None = None
    help: str = ""
    choices: tuple[str, ...] = ()
    min: int | None = None
    max: int | None = None
    label: str = ""

    def rule(self) -> str:
        """The rule in words, as error messages and ``templates show`` print it."""
        kinds = {
            "text": "text on one line", "multiline": "text, one paragraph per line",
            "int": "whole number", "date": "date YYYY-MM-DD or DD/MM/YYYY",
            "list": "list, one item per line or separated by ';'", "bool": "yes/no",
            "choice": "one of: " + ", ".join(self.choices),
        }
        words = [("required; " if self.required else "") + kinds[self.type]]
        if self.min is not None and self.type == "int":
            words[0] += f" ≥ {self.min}" if self.max is None else f" {self.min}–{self.max}"
        elif self.min is not None and self.type == "list":
            words[0] += f", at least {self.min} item(s)"
        if self.pattern:
            words.append(f"matching {self.pattern}")
        return ", ".join(words) + (f" — {self.help}" if self.help else "")

    def empty(self) -> Any:
        return [] if self.type == "list" else (False if self.type == "bool" else None)

    def convert(self, value: Any) -> Any:
        """The clean value, or ValueError saying what is wrong with it."""
        converter = getattr(self, f"_to_{self.type}")
        result = converter(value)
        self._check_pattern(result)
        return result

    def _to_text(self, value: Any) -> str:
        return clean_text(value, False)

    def _to_multiline(self, value: Any) -> str:
        if isinstance(value, (list, tuple)):
            value = "\n".join(str(v) for v in value)
        return clean_text(value, True)

    def _to_int(self, value: Any) -> int:
        if isinstance(value, bool) or not re.fullmatch(r"\s*\d+\s*", str(value)):
            raise ValueError(f"not a whole number: {str(value)[:40]!r}")
        number = int(str(value))
        if (self.min is not None and number < self.min) or (self.max is not None and number > self.max):
            raise ValueError(f"out of range: {number}")
        return number

    def _to_date(self, value: Any) -> dt.date:
        return parse_date(value if isinstance(value, dt.date) else clean_text(value, False))

    def _to_list(self, value: Any) -> list[str]:
        items = split_list(value)
        if self.min is not None and len(items) < self.min:
            raise ValueError(f"{len(items)} item(s), needs at least {self.min}")
        return items

    def _to_choice(self, value: Any) -> str:
        text = clean_text(value, False)
        if text not in self.choices:
            raise ValueError(f"{text!r} is not one of the choices")
        return text

    def _to_bool(self, value: Any) -> bool:
        if isinstance(value, bool):
            return value
        text = clean_text(value, False).lower()
        if text in _TRUE | _FALSE:
            return text in _TRUE
        raise ValueError(f"not yes/no: {text!r}")

    def _check_pattern(self, value: Any) -> None:
        if not self.pattern or value in (None, "", []):
            return
        pieces = value if isinstance(value, list) else str(value).split("\n")
        for piece in pieces:
            if not re.fullmatch(self.pattern, piece):
                raise ValueError(f"{piece[:60]!r} does not match the pattern")


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


@dataclass
class Schema:
    """The ordered fields of one template."""

    fields: list[Field]
    by_name: dict[str, Field] = field(init=False)

    def __post_init__(self) -> None:
        self.by_name = {f.name: f for f in self.fields}

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields]

    def missing(self, data: dict[str, Any]) -> list[Field]:
        """Required fields without a value and without a default."""
        return [f for f in self.fields if f.required and is_blank(data.get(f.name)) and f.default is None]

    def check(self, name: str, value: Any) -> Any:
        """Convert one value (used by prompts): ValueError with the message on failure."""
        return self.by_name[name].convert(value)

    def validate(self, data: dict[str, Any], subject: str = "data") -> dict[str, Any]:
        """Every field cleaned (defaults applied, absent optional fields empty) or FieldProblems."""
        clean: dict[str, Any] = {}
        problems: list[Problem] = []
        for spec in self.fields:
            value = data.get(spec.name)
            if is_blank(value):
                value = spec.default
            if is_blank(value):
                if spec.required:
                    problems.append(Problem(spec.name, "missing", spec.rule()))
                clean[spec.name] = spec.empty()
                continue
            try:
                clean[spec.name] = spec.convert(value)
            except ValueError as error:
                problems.append(Problem(spec.name, f"invalid: {error}", spec.rule()))
        if problems:
            raise FieldProblems(subject, problems)
        return clean


def field_from_toml(name: str, raw: dict[str, Any]) -> Field:
    """A Field from its TOML table; unknown types or keys are errors of the template."""
    known = {"type", "required", "default", "pattern", "help", "choices", "min", "max", "label"}
    unknown = set(raw) - known
    if unknown:
        raise ValueError(f"field {name}: unknown key(s) {', '.join(sorted(unknown))}")
    kind = raw.get("type", "text")
    if kind not in TYPES:
        raise ValueError(f"field {name}: unknown type {kind!r} (known: {', '.join(TYPES)})")
    if raw.get("pattern"):
        re.compile(raw["pattern"])
    return Field(
        name=name, type=kind, required=bool(raw.get("required", False)), default=raw.get("default"),
        pattern=raw.get("pattern"), help=raw.get("help", ""), choices=tuple(raw.get("choices", ())),
        min=raw.get("min"), max=raw.get("max"), label=raw.get("label", ""),
    )
