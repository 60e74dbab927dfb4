"""The format facts of Nghị định 30, read once from ``docgen/data/nd30_facts.toml``.

The layout engine renders with these numbers and ``docgen lint`` checks against them, so the two
can never disagree. Every fact is keyed by its id in ND30_SPEC.md.

API (all read-only):

    >>> from docgen.layout.facts import FACTS
    >>> FACTS["G-03"].range("left_mm")            # a Range: min, max, default
    Range(min=30, max=35, default=30)
    >>> FACTS["G-03"].range("left_mm").contains(32)
    True
    >>> FACTS["QH-01"]["text"]                    # any raw value
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
    >>> s = FACTS.style("QH-01")                   # TextStyle of a component
    >>> (s.size.default, s.bold, s.italic, s.case, s.align)
    (12, True, False, 'upper', 'center')
    >>> FACTS["NN-03"].get("italic")              # None when the fact does not say
    True
    >>> "DT-05" in FACTS, sorted(FACTS)[:2]
    (True, ['CK-01', 'CK-02'])

Units are in the key names (``*_mm``, ``*_cm``, ``*_pt``, ``*_ratio``); ``mm_to_twips`` and
``pt_to_half_points`` convert for OOXML. Text-style fields: ``size`` (Range, points), ``bold``
and ``italic`` (True required, False forbidden, None unspecified), ``case`` ("upper", "normal",
"title"), ``align`` ("center", "left", "right", "both") and ``column`` ("left", "right", "full").
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

FACTS_FILE = Path(__file__).resolve().parents[1] / "data" / "nd30_facts.toml"

TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_PT = 20


def mm_to_twips(mm: float) -> int:
    """210 mm → 11906 twips (1 inch = 1440 twips = 25.4 mm)."""
    return round(mm * TWIPS_PER_MM)


def cm_to_twips(cm: float) -> int:
    """1.27 cm → 720 twips."""
    return mm_to_twips(cm * 10)


def twips_to_mm(twips: float) -> float:
    return twips / TWIPS_PER_MM


def pt_to_half_points(pt: float) -> int:
    """13 pt → 26 (the unit of ``w:sz``)."""
    return round(pt * 2)


@dataclass(frozen=True)
class Range:
    """An allowed interval and the value the layout engine uses."""

    min: float
    max: float
    default: float

    def contains(self, value: float, tolerance: float = 1e-6) -> bool:
        return self.min - tolerance <= value <= self.max + tolerance


@dataclass(frozen=True)
class TextStyle:
    """How one component's text must look (None = the decree does not say)."""

    size: Range | None
    bold: bool | None
    italic: bool | None
    case: str | None
    align: str | None
    column: str | None


@dataclass(frozen=True)
class Fact:
    """One row of the table: its spec id, a description and its raw values."""

    id: str
    what: str
    values: Mapping[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def __contains__(self, key: str) -> bool:
        return key in self.values

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def range(self, key: str) -> Range:
        """The ``{min, max, default}`` table under ``key`` (a plain number is a fixed range)."""
        value = self.values[key]
        if isinstance(value, Mapping):
            return Range(value["min"], value["max"], value["default"])
        return Range(value, value, value)

    def default(self, key: str) -> Any:
        """The value the layout engine uses: a range's default, or the plain value."""
        value = self.values[key]
        return value["default"] if isinstance(value, Mapping) and "default" in value else value

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """The compiled ``regex`` of the fact (meant for ``fullmatch``), if it has one."""
        regex = self.values.get("regex")
        return re.compile(regex) if regex else None

    @cached_property
    def style(self) -> TextStyle:
        return TextStyle(
            size=self.range("size_pt") if "size_pt" in self.values else None,
            bold=self.values.get("bold"),
            italic=self.values.get("italic"),
            case=self.values.get("case"),
            align=self.values.get("align"),
            column=self.values.get("column"),
        )


class Facts(Mapping[str, Fact]):
    """All facts by spec id; ``FACTS["SK-02"]``, ``FACTS.style("SK-02")``, ``FACTS.size("SK-02")``."""

    def __init__(self, facts: dict[str, Fact], source: str):
        self._facts = facts
        self.source = source

    def __getitem__(self, fact_id: str) -> Fact:
        return self._facts[fact_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._facts)

    def __len__(self) -> int:
        return len(self._facts)

    def style(self, fact_id: str) -> TextStyle:
        return self._facts[fact_id].style

    def size(self, fact_id: str) -> float:
        """The default size in points of a component: ``FACTS.size("NN-04") == 11``."""
        return self._facts[fact_id].range("size_pt").default


def load_facts(path: str | Path = FACTS_FILE) -> Facts:
    """Read the TOML table; every top-level table becomes a Fact keyed by its id."""
    with open(path, "rb") as handle:
        raw = tomllib.load(handle)
    facts = {
        key: Fact(key, value.get("what", ""), dict(value))
        for key, value in raw.items()
        if isinstance(value, dict)
    }
    return Facts(facts, raw.get("_source", ""))


FACTS = load_facts()
