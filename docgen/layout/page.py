"""Page geometry from the facts table: A4 (G-01), margins (G-03), column widths (§2 NOTE).

>>> GEOMETRY.text_width, GEOMETRY.header_columns
(9355, (3555, 5800))
"""
from __future__ import annotations

from dataclasses import dataclass

from docgen.layout.facts import FACTS, mm_to_twips


@dataclass(frozen=True)
class Geometry:
    """Twips of the page, its margins and the two-column tables."""

    width: int
    height: int
    top: int
    bottom: int
    left: int
    right: int
    header_distance: int

    @property
    def text_width(self) -> int:
        return self.width - self.left - self.right

    def columns(self, left_ratio: float) -> tuple[int, int]:
        left = round(self.text_width * left_ratio)
        return left, self.text_width - left

    @property
    def header_columns(self) -> tuple[int, int]:
        return self.columns(FACTS["GRID"]["header_left_ratio"])

    @property
    def signature_columns(self) -> tuple[int, int]:
        return self.columns(FACTS["GRID"]["signature_left_ratio"])

    def as_dict(self) -> dict[str, int]:
        return {"width": self.width, "height": self.height, "top": self.top, "bottom": self.bottom,
                "left": self.left, "right": self.right, "header": self.header_distance}


def default_geometry() -> Geometry:
    margins = FACTS["G-03"]
    return Geometry(
        width=FACTS["G-01"]["width_twips"],
        height=FACTS["G-01"]["height_twips"],
        top=mm_to_twips(margins.default("top_mm")),
        bottom=mm_to_twips(margins.default("bottom_mm")),
        left=mm_to_twips(margins.default("left_mm")),
        right=mm_to_twips(margins.default("right_mm")),
        header_distance=mm_to_twips(FACTS["GRID"]["header_distance_mm"]),
    )


GEOMETRY = default_geometry()
