"""Loads the word lists and tables under ``extractors/data/`` once."""
from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import Any

DATA = Path(__file__).with_name("data")


@functools.cache
def load(name: str) -> dict[str, Any]:
    """The parsed TOML file ``data/<name>.toml``."""
    with open(DATA / f"{name}.toml", "rb") as handle:
        return tomllib.load(handle)
