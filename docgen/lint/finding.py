"""One thing ``docgen lint`` found wrong, tied to the ND30_SPEC.md fact it breaks."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

QUOTE_LENGTH = 40


@dataclass(frozen=True)
class Finding:
    """A broken fact: ``Finding("DT-04", "date form", 7, "ngày 5 tháng 03", "ngày 05 tháng 3")``.

    ``rule`` is the id in ND30_SPEC.md, ``paragraph`` the 1-based index of the paragraph in
    document order (table cells included; ``None`` for page-wide facts such as margins) and
    ``quote`` the start of that paragraph's text, shown by the text report.
    """

    rule: str
    message: str
    paragraph: int | None
    found: str
    expected: str
    quote: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of ``docgen lint --format json``."""
        return {
            "rule": self.rule,
            "message": self.message,
            "paragraph": self.paragraph,
            "found": self.found,
            "expected": self.expected,
        }

    def to_text(self) -> str:
        """One line: ``DT-04 ¶7 «Hà Nội, ngày 5 tháng 03…»: date form: found …; required …``."""
        where = "page" if self.paragraph is None else f"¶{self.paragraph}"
        if self.quote:
            where += f" «{short_quote(self.quote)}»"
        return f"{self.rule} {where}: {self.message}: found {self.found}; required {self.expected}"


def short_quote(text: str, length: int = QUOTE_LENGTH) -> str:
    """The first ``length`` characters of ``text`` on one line, with "…" when cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1].rstrip() + "…"
