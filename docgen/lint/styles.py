"""Effective formatting of a run or paragraph, as Word would show it.

python-docx reports only what is written on the element itself (``run.font.bold`` is ``None``
when the style decides). Word resolves each property through these layers, last one wins:

    document defaults (w:docDefaults) → table style → paragraph style and its ``basedOn`` chain
    → character style chain (runs) → direct formatting on the run / paragraph

Fonts are resolved per rFonts slot (ascii, hAnsi, eastAsia, cs); a ``*Theme`` attribute wins over
the plain name on the same element and is looked up in the document's theme part.

    >>> resolver = FormatResolver(docx.Document("qd.docx"))
    >>> resolver.run_format(paragraph.runs[0]._r).size_pt
    13.0
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping

from docx.oxml.ns import qn
from lxml import etree

FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
DEFAULT_SIZE_PT = 10.0  # ECMA-376 §17.3.2.38: w:sz absent everywhere → 20 half-points
TOGGLES = ("b", "i", "caps")
THEME_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
THEME_RELTYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
# theme font reference → (major|minor, drawingml element holding the typeface)
THEME_SCRIPT = {"Ascii": "latin", "HAnsi": "latin", "EastAsia": "ea", "Bidi": "cs"}


@dataclass(frozen=True)
class RunFormat:
    """What a run looks like: fonts by slot, size in points, weights, caps and colour."""

    fonts: Mapping[str, str | None]
    size_pt: float
    bold: bool
    italic: bool
    caps: bool
    color: str | None  # "auto", a hex colour, or None when never set (black)


@dataclass(frozen=True)
class ParaFormat:
    """Alignment, indents (twips; ``first_line`` negative for a hanging indent) and spacing."""

    align: str  # left | center | right | both
    left: int
    first_line: int
    before: int
    after: int
    line: int | None
    line_rule: str

    @property
    def line_spacing(self) -> float | None:
        """Multiple of single spacing for ``auto`` rules (276 → 1.15); None for exact/atLeast."""
        if self.line is None:
            return 1.0
        return self.line / 240 if self.line_rule == "auto" else None


ALIGN_NAMES = {"start": "left", "end": "right", "distribute": "both", "justify": "both"}


def on_off(element: Any) -> bool:
    """``<w:b/>`` and ``<w:b w:val="1"/>`` are on; ``val`` 0/false/off is off."""
    return on_off_attr(element.get(qn("w:val"), "true"))


def _int(value: str | None) -> int | None:
    try:
        return int(float(value)) if value is not None else None
    except ValueError:
        return None


def rpr_props(rpr: Any) -> dict[str, Any]:
    """The run properties written on one ``w:rPr`` element, as a flat dict."""
    props: dict[str, Any] = {}
    if rpr is None:
        return props
    for tag in TOGGLES:
        el = rpr.find(qn(f"w:{tag}"))
        if el is not None:
            props[tag] = on_off(el)
    size = _int(child_val(rpr, "w:sz"))
    if size is not None:
        props["sz"] = size
    color = child_val(rpr, "w:color")
    if color:
        props["color"] = color
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        props.update(_font_props(fonts))
    if rpr.find(qn("w:rStyle")) is not None:
        props["rStyle"] = child_val(rpr, "w:rStyle")
    return props


def _font_props(fonts: Any) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for slot in FONT_SLOTS:
        theme_attr = "cstheme" if slot == "cs" else f"{slot}Theme"
        theme = fonts.get(qn(f"w:{theme_attr}"))
        if theme:
            props[f"font.{slot}"] = ("theme", theme)
        elif fonts.get(qn(f"w:{slot}")):
            props[f"font.{slot}"] = ("name", fonts.get(qn(f"w:{slot}")))
    return props


def ppr_props(ppr: Any) -> dict[str, Any]:
    """The paragraph properties written on one ``w:pPr`` element, as a flat dict."""
    props: dict[str, Any] = {}
    if ppr is None:
        return props
    jc = child_val(ppr, "w:jc")
    if jc:
        props["jc"] = jc
    ind = ppr.find(qn("w:ind"))
    if ind is not None:
        props.update(_indent_props(ind))
    spacing = ppr.find(qn("w:spacing"))
    if spacing is not None:
        for attr in ("before", "after", "line", "lineRule"):
            value = spacing.get(qn(f"w:{attr}"))
            if value is not None:
                props[f"spacing.{attr}"] = value if attr == "lineRule" else _int(value)
    return props


def _indent_props(ind: Any) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for attr in ("left", "start"):
        if ind.get(qn(f"w:{attr}")) is not None:
            props["ind.left"] = _int(ind.get(qn(f"w:{attr}")))
    if ind.get(qn("w:firstLine")) is not None:
        props["ind.firstLine"] = _int(ind.get(qn("w:firstLine")))
    if ind.get(qn("w:hanging")) is not None:
        props["ind.firstLine"] = -(_int(ind.get(qn("w:hanging"))) or 0)
    return props


class FormatResolver:
    """Resolves effective run and paragraph formatting for one python-docx ``Document``."""

    def __init__(self, document: Any):
        styles = document.styles.element
        self._styles = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
        self._default_style = {
            s.get(qn("w:type")): s.get(qn("w:styleId"))
            for s in styles.findall(qn("w:style"))
            if on_off_attr(s.get(qn("w:default")))
        }
        defaults = styles.find(qn("w:docDefaults"))
        self._default_rpr = rpr_props(_path(defaults, "w:rPrDefault", "w:rPr"))
        self._default_ppr = ppr_props(_path(defaults, "w:pPrDefault", "w:pPr"))
        self._theme = theme_fonts(document)
        self.style_rpr = lru_cache(maxsize=None)(self._style_rpr)
        self.style_ppr = lru_cache(maxsize=None)(self._style_ppr)

    # ── style chains ──────────────────────────────────────────────────────────────────────
    def chain(self, style_id: str | None) -> list[Any]:
        """The style and its ``basedOn`` ancestors, root first."""
        chain: list[Any] = []
        seen: set[str] = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            style = self._styles[style_id]
            chain.append(style)
            style_id = child_val(style, "w:basedOn")
        return chain[::-1]

    def _style_rpr(self, style_id: str | None) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for style in self.chain(style_id):
            merged.update(rpr_props(style.find(qn("w:rPr"))))
        merged.pop("rStyle", None)
        return merged

    def _style_ppr(self, style_id: str | None) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for style in self.chain(style_id):
            merged.update(ppr_props(style.find(qn("w:pPr"))))
        return merged

    def default_style_id(self, kind: str) -> str | None:
        """The default style of a kind ("paragraph", "character", "table")."""
        return self._default_style.get(kind)

    def paragraph_style_id(self, p: Any) -> str | None:
        style_id = child_val(p.find(qn("w:pPr")), "w:pStyle")
        if style_id in self._styles:
            return style_id
        return self._default_style.get("paragraph")

    # ── effective formatting ──────────────────────────────────────────────────────────────
    def run_props(self, r: Any, p: Any | None = None) -> dict[str, Any]:
        """Every layer of run properties merged for run element ``r`` in paragraph ``p``."""
        p = p if p is not None else enclosing(r, "w:p")
        merged = dict(self._default_rpr)
        merged.update(self.style_rpr(table_style_id(p)))
        merged.update(self.style_rpr(self.paragraph_style_id(p)))
        direct = rpr_props(r.find(qn("w:rPr")))
        char_style = direct.pop("rStyle", None) or self._default_style.get("character")
        merged.update(self.style_rpr(char_style))
        merged.update(direct)
        return merged

    def run_format(self, r: Any, p: Any | None = None) -> RunFormat:
        props = self.run_props(r, p)
        size = props.get("sz")
        return RunFormat(
            fonts={slot: self._font(props.get(f"font.{slot}")) for slot in FONT_SLOTS},
            size_pt=size / 2 if size else DEFAULT_SIZE_PT,
            bold=bool(props.get("b", False)),
            italic=bool(props.get("i", False)),
            caps=bool(props.get("caps", False)),
            color=props.get("color"),
        )

    def para_props(self, p: Any) -> dict[str, Any]:
        merged = dict(self._default_ppr)
        merged.update(self.style_ppr(table_style_id(p)))
        merged.update(self.style_ppr(self.paragraph_style_id(p)))
        merged.update(ppr_props(p.find(qn("w:pPr"))))
        return merged

    def para_format(self, p: Any) -> ParaFormat:
        props = self.para_props(p)
        jc = props.get("jc", "left")
        return ParaFormat(
            align=ALIGN_NAMES.get(jc, jc),
            left=props.get("ind.left") or 0,
            first_line=props.get("ind.firstLine") or 0,
            before=props.get("spacing.before") or 0,
            after=props.get("spacing.after") or 0,
            line=props.get("spacing.line"),
            line_rule=props.get("spacing.lineRule", "auto"),
        )

    def _font(self, value: tuple[str, str] | None) -> str | None:
        if value is None:
            return None
        kind, name = value
        return self._theme.get(name) if kind == "theme" else name


def on_off_attr(value: str | None) -> bool:
    return value is not None and value not in ("0", "false", "off")


def child_val(element: Any, tag: str) -> str | None:
    """The ``w:val`` of ``element``'s first ``tag`` child; None when either is missing."""
    child = element.find(qn(tag)) if element is not None else None
    return child.get(qn("w:val")) if child is not None else None


def _path(element: Any, *tags: str) -> Any:
    for tag in tags:
        if element is None:
            return None
        element = element.find(qn(tag))
    return element


def enclosing(element: Any, tag: str) -> Any:
    """The nearest ancestor of ``element`` with the given ``w:`` tag, or None."""
    wanted = qn(tag)
    parent = element.getparent()
    while parent is not None and parent.tag != wanted:
        parent = parent.getparent()
    return parent


def table_style_id(p: Any) -> str | None:
    return child_val(_path(enclosing(p, "w:tbl"), "w:tblPr"), "w:tblStyle")


def theme_fonts(document: Any) -> dict[str, str | None]:
    """Theme font references (``minorHAnsi``…) → typeface names, from the theme part."""
    for rel in document.part.rels.values():
        if rel.reltype == THEME_RELTYPE and not rel.is_external:
            return _theme_table(etree.fromstring(rel.target_part.blob))
    return {}


def _theme_table(theme: Any) -> dict[str, str | None]:
    table: dict[str, str | None] = {}
    for level in ("major", "minor"):
        font = theme.find(f".//{{{THEME_NS}}}{level}Font")
        for suffix, script in THEME_SCRIPT.items():
            face = font.find(f"{{{THEME_NS}}}{script}") if font is not None else None
            typeface = face.get("typeface") if face is not None else None
            table[f"{level}{suffix}"] = typeface or None
    return table
