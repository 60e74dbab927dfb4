"""Everything a check needs about one open document, computed once."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docgen.lint.finding import Finding
from docgen.lint.lines import Line, Para, document_paragraphs, split_lines
from docgen.lint.styles import FormatResolver, ParaFormat, RunFormat
from docgen.lint.zones import Zones, find_zones


@dataclass
class Context:
    """A python-docx ``Document`` with its paragraphs, lines, zones and formatting resolver."""

    document: Any
    resolver: FormatResolver
    paras: list[Para]
    lines: list[Line]
    zones: Zones
    _runs: dict[int, tuple[Any, RunFormat]] = field(default_factory=dict)

    @classmethod
    def of(cls, document: Any) -> "Context":
        paras = document_paragraphs(document)
        lines = [line for para in paras for line in split_lines(para)]
        return cls(document, FormatResolver(document), paras, lines, find_zones(lines))

    def run_format(self, run: Any, p: Any | None = None) -> RunFormat:
        """The run's effective format, cached (the run is kept so its id cannot be reused)."""
        cached = self._runs.get(id(run))
        if cached is None or cached[0] is not run:
            cached = self._runs[id(run)] = (run, self.resolver.run_format(run, p))
        return cached[1]

    def line_formats(self, line: Line) -> list[RunFormat]:
        """The formats of the runs that carry visible text on ``line``."""
        return [self.run_format(r, line.para.element) for r in line.runs]

    def para_format(self, para: Para) -> ParaFormat:
        return self.resolver.para_format(para.element)

    def shown_text(self, line: Line) -> str:
        """The line as displayed: runs with ``caps`` print in capitals."""
        parts = []
        for run, text in line.pieces:
            parts.append(text.upper() if self.run_format(run, line.para.element).caps else text)
        return " ".join("".join(parts).split())

    def next_para(self, para: Para) -> Para | None:
        return self.paras[para.index] if para.index < len(self.paras) else None

    def finding(self, rule: str, message: str, where: Line | Para | None, found: str,
                expected: str) -> Finding:
        """A Finding at a line or paragraph (None: the page or the whole document)."""
        if where is None:
            return Finding(rule, message, None, found, expected)
        para = where.para if isinstance(where, Line) else where
        return Finding(rule, message, para.index, found, expected, where.text)
