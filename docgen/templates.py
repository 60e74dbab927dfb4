"""Template folders: find them, load their schema and example, render their content markup.

A template folder (``templates_vn/ke_hoach/``) holds ``template.j2`` (Jinja, renders content
markup, see ``docgen.markup``), ``schema.toml`` (``[document]`` name/code/mẫu and the field order,
``[fields.NAME]`` tables) and ``example.yaml`` (data that renders as is). Fields shared by many
types are defined once in ``_parts/fields.toml`` and only named in ``[document] fields``.

Folders are searched in order: ``--templates DIR`` options, then the ``DOCGEN_TEMPLATES``
variable (paths separated by ``os.pathsep``), then the built-in ``templates_vn/``; the first
folder of a name wins. Templates run in Jinja's sandbox with StrictUndefined and autoescaping.

>>> load_template("ke_hoach").schema.by_name["so"].type
'int'
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import jinja2
import yaml
from jinja2.sandbox import SandboxedEnvironment

from docgen.errors import InvalidData, TemplateProblem
from docgen.schema import Field, Schema, field_from_toml
from docgen.vn.dates import nd30_date
from docgen.vn.numbers import number_to_words, roman
from docgen.vn.so_ky_hieu import so_ky_hieu

ENV_VARIABLE = "DOCGEN_TEMPLATES"
TEMPLATE_FILE, SCHEMA_FILE, EXAMPLE_FILE = "template.j2", "schema.toml", "example.yaml"
PARTS_DIR = "_parts"


def builtin_dir() -> Path:
    """The ``templates_vn`` package folder (a sibling of ``docgen`` when not importable)."""
    try:
        import templates_vn
    except ImportError:
        return Path(__file__).resolve().parents[1] / "templates_vn"
    return Path(templates_vn.__file__).resolve().parent


def template_dirs(extra: Sequence[str | os.PathLike] | None = None) -> tuple[Path, ...]:
    """The search path: extra folders, then $DOCGEN_TEMPLATES, then the built-in folder."""
    env = [p for p in os.environ.get(ENV_VARIABLE, "").split(os.pathsep) if p.strip()]
    dirs = [Path(p).expanduser() for p in [*(extra or []), *env]]
    for folder in dirs:
        if not folder.is_dir():
            raise TemplateProblem(str(folder), "template folder not found")
    return tuple(dict.fromkeys(p.resolve() for p in [*dirs, builtin_dir()]))


# ───────────────────────────── Jinja ─────────────────────────────

def _finalize(value: Any) -> Any:
    return "" if value is None else value


def _so_ky_hieu_filter(number: Any, type_code: str, agency: str, unit: str | None = None) -> str:
    return so_ky_hieu(number, type_code or None, agency or "", unit)


FILTERS = {
    "ngay_nd30": nd30_date,          # {{ ngay | ngay_nd30 }} → ngày 05 tháng 3 năm 2020
    "so_ky_hieu": _so_ky_hieu_filter,  # {{ so | so_ky_hieu("KH", co_quan_viet_tat) }} → 05/KH-UBND
    "so_thanh_chu": number_to_words,  # {{ 105 | so_thanh_chu }} → một trăm linh năm
    "la_ma": roman,                   # {{ 4 | la_ma }} → IV
}


@lru_cache(maxsize=16)
def environment(dirs: tuple[Path, ...]) -> SandboxedEnvironment:
    """One sandboxed environment per search path (autoescape: values cannot break the markup)."""
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    return env


# ───────────────────────────── folders ─────────────────────────────

@dataclass
class DocTemplate:
    """One loaded template folder."""

    name: str
    folder: Path
    title: str
    code: str
    mau: str
    description: str
    schema: Schema
    example: dict[str, Any]
    dirs: tuple[Path, ...]

    @property
    def template_file(self) -> Path:
        return self.folder / TEMPLATE_FILE

    def jinja_template(self) -> jinja2.Template:
        try:
            return environment(self.dirs).get_template(f"{self.name}/{TEMPLATE_FILE}")
        except jinja2.TemplateSyntaxError as error:
            raise TemplateProblem(error.filename or str(self.template_file),
                                  f"line {error.lineno}: {error.message}") from None
        except jinja2.TemplateError as error:
            raise TemplateProblem(str(self.template_file), str(error)) from None

    def render_markup(self, data: dict[str, Any]) -> str:
        """The content markup for clean ``data``; TemplateProblem names the file and line."""
        template = self.jinja_template()
        try:
            return template.render(data)
        except jinja2.TemplateError as error:
            where, line = _template_position(error, self.template_file)
            raise TemplateProblem(where, f"line {line}: {error}" if line else str(error)) from None
        except (ValueError, TypeError, ArithmeticError) as error:
            where, line = _template_position(error, self.template_file)
            raise TemplateProblem(where, f"line {line}: {error}" if line else str(error)) from None


def _template_position(error: BaseException, fallback: Path) -> tuple[str, int | None]:
    """The template file and line an error was raised from (Jinja rewrites tracebacks)."""
    where, line = str(fallback), None
    tb = error.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            where, line = filename, tb.tb_lineno
        tb = tb.tb_next
    return where, line


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise TemplateProblem(str(path), str(error)) from None


def _common_fields(dirs: tuple[Path, ...]) -> dict[str, dict[str, Any]]:
    """Field tables of every ``_parts/fields.toml`` on the path (earlier folders win)."""
    merged: dict[str, dict[str, Any]] = {}
    for folder in reversed(dirs):
        path = folder / PARTS_DIR / "fields.toml"
        if path.is_file():
            merged.update(_read_toml(path).get("fields", {}))
    return merged


def _schema(folder: Path, raw: dict[str, Any], dirs: tuple[Path, ...]) -> Schema:
    common = _common_fields(dirs)
    local = raw.get("fields", {})
    order = raw.get("document", {}).get("fields") or list(local)
    fields: list[Field] = []
    for name in order:
        table = {**common.get(name, {}), **local.get(name, {})}
        if not table and name not in local:
            raise TemplateProblem(str(folder / SCHEMA_FILE), f"field {name} is declared nowhere")
        try:
            fields.append(field_from_toml(name, table))
        except (ValueError, TypeError) as error:
            raise TemplateProblem(str(folder / SCHEMA_FILE), str(error)) from None
    missing_order = [name for name in local if name not in order]
    if missing_order:
        raise TemplateProblem(str(folder / SCHEMA_FILE), f"fields not in [document] fields: {', '.join(missing_order)}")
    return Schema(fields)


def read_data_file(path: Path) -> dict[str, Any]:
    """A data file (.yaml/.yml, .json, .toml) as a dict; InvalidData when unreadable."""
    import json

    suffix = path.suffix.lower()
    try:
        text = path.read_text(encoding="utf-8-sig")
        if suffix in {".yaml", ".yml"}:
            data = yaml.safe_load(text)
        elif suffix == ".json":
            data = json.loads(text)
        elif suffix == ".toml":
            data = tomllib.loads(text)
        else:
            raise InvalidData(str(path), "unknown data format (use .yaml, .json or .toml)")
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as error:
        raise InvalidData(str(path), " ".join(str(error).split())) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InvalidData(str(path), "the data must be a mapping of field names to values")
    return data


def _find_folder(type_name: str, dirs: tuple[Path, ...]) -> Path:
    if not type_name or type_name.startswith(("_", ".")) or "/" in type_name or "\\" in type_name:
        raise TemplateProblem(type_name or "?", "not a template name")
    for folder in dirs:
        candidate = folder / type_name
        if (candidate / TEMPLATE_FILE).is_file():
            return candidate
    known = ", ".join(t for t in list_names(dirs))
    raise TemplateProblem(type_name, f"no such template (known: {known})")


def load_template(type_name: str, templates_dirs: Sequence[str | os.PathLike] | None = None) -> DocTemplate:
    """The template folder ``type_name`` with its schema and example data."""
    dirs = template_dirs(templates_dirs)
    return _load(type_name, dirs)


@lru_cache(maxsize=128)
def _load(type_name: str, dirs: tuple[Path, ...]) -> DocTemplate:
    folder = _find_folder(type_name, dirs)
    raw = _read_toml(folder / SCHEMA_FILE)
    document = raw.get("document", {})
    example_path = folder / EXAMPLE_FILE
    example = read_data_file(example_path) if example_path.is_file() else {}
    return DocTemplate(
        name=type_name, folder=folder, title=document.get("name", type_name),
        code=document.get("code", ""), mau=str(document.get("mau", "")),
        description=document.get("description", ""), schema=_schema(folder, raw, dirs),
        example=example, dirs=dirs,
    )


def list_names(dirs: tuple[Path, ...]) -> list[str]:
    names: set[str] = set()
    for folder in dirs:
        for child in folder.iterdir():
            if not child.name.startswith(("_", ".")) and (child / TEMPLATE_FILE).is_file():
                names.add(child.name)
    return sorted(names)


def list_templates(templates_dirs: Sequence[str | os.PathLike] | None = None) -> list[DocTemplate]:
    """Every template on the search path, by name."""
    dirs = template_dirs(templates_dirs)
    return [_load(name, dirs) for name in list_names(dirs)]
