"""The ``docgen`` command: a thin click layer over the library verbs.

Each sub-command lives in ``docgen/commands/<name>.py`` and is registered here.
"""
from __future__ import annotations

import importlib

import click

from docgen import __version__

# module in docgen.commands → names of the click commands or groups it defines
COMMANDS: dict[str, tuple[str, ...]] = {
    "extract": ("extract",),
    "evaluate": ("eval_command",),
    "corpus": ("corpus",),
    "lint": ("lint",),
    "demo": ("demo",),
    "draft": ("draft",),
    "templates": ("templates",),
    "render": ("render",),
    "batch": ("batch",),
    "serve": ("serve",),
}


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="docgen")
def main() -> None:
    """Write and read Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP)."""


for _module, _names in COMMANDS.items():
    _mod = importlib.import_module(f"docgen.commands.{_module}")
    for _name in _names:
        main.add_command(getattr(_mod, _name))
