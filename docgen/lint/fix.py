"""``docgen lint --fix``: repair what is safe, then lint again.

Safe means the repair cannot change what the document says: paper size and margins (G-01,
G-03), the font in all four rFonts slots (G-04), the size of each component found (G-05 and the
component facts), the date form (DT-04) and the page-number field (G-07). Weights, case,
alignment and wording are left to the writer.

    >>> remaining = fix_file("cv.docx", "cv-fixed.docx")
    >>> [f.rule for f in remaining]          # what still needs a person
    ['CK-03']
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.text.font import Font
from docx.text.paragraph import Paragraph

from docgen.atomic import atomic_path
from docgen.layout.facts import FACTS
from docgen.lint.checks.dates import DATE, nd30_date
from docgen.lint.checks.page_numbers import page_fields
from docgen.lint.context import Context
from docgen.lint.finding import Finding
from docgen.lint.lines import Line
from docgen.lint.run import lint_document, open_docx

FIXED_RULES = frozenset({"G-01", "G-03", "G-07", "DT-04"})
# zone of lint.zones → the fact whose size_pt its text must have
SIZED_COMPONENTS = (
    ("quoc_hieu", "QH-01"), ("tieu_ngu", "QH-02"), ("agency_parent", "CQ-03"), ("agency", "CQ-02"),
    ("so", "SK-02"), ("place_date", "DT-02"), ("type_name", "TL-01"), ("subject", "TL-02"),
    ("vv", "TL-04"), ("can_cu", "ND-01"), ("kinh_gui", "NN-01"), ("kinh_gui_items", "NN-01"),
    ("noi_nhan", "NN-03"), ("noi_nhan_items", "NN-04"), ("signature", "CK-02"),
    ("signer_name", "CK-03"), ("body", "G-05"),
)
MARGINS = (("top", "top_mm"), ("bottom", "bottom_mm"), ("left", "left_mm"), ("right", "right_mm"))


def fix_document(document: Any) -> None:
    """Apply every safe repair to an open python-docx ``Document``, in place."""
    ctx = Context.of(document)
    for section in document.sections:
        _paper(section)
        _margins(section)
    _sizes(ctx)
    _dates(ctx)
    _fonts(document)
    _page_numbers(ctx)


def fix_file(path: str | Path, out: str | Path) -> list[Finding]:
    """Repair ``path`` into ``out`` (written whole or not at all); the findings that remain."""
    document = open_docx(path)
    fix_document(document)
    with atomic_path(out) as tmp:
        document.save(str(tmp))
    return lint_document(open_docx(out))


# ── page ─────────────────────────────────────────────────────────────────────────────────
def _paper(section) -> None:
    fact = FACTS["G-01"]
    landscape = section.page_width > section.page_height
    width, height = Mm(fact["width_mm"]), Mm(fact["height_mm"])
    section.page_width, section.page_height = (height, width) if landscape else (width, height)


def _margins(section) -> None:
    fact = FACTS["G-03"]
    for side, key in MARGINS:
        allowed = fact.range(key)
        value = getattr(section, f"{side}_margin")
        mm = value.mm if value is not None else 0
        if not allowed.contains(mm, 0.1):
            setattr(section, f"{side}_margin", Mm(min(max(mm, allowed.min), allowed.max)))


# ── fonts and sizes ──────────────────────────────────────────────────────────────────────
def _fonts(document) -> None:
    """Times New Roman in all four slots: document defaults, every style, every run."""
    font = FACTS["G-04"]["font"]
    styles = document.styles.element
    default_rpr = styles.find(qn("w:docDefaults"))
    targets = list(styles.iter(qn("w:rPr")))
    if default_rpr is not None and not list(default_rpr.iter(qn("w:rPr"))):
        targets.append(_default_rpr(default_rpr))
    for part in _story_parts(document):
        targets.extend(r.get_or_add_rPr() for r in part.iter(qn("w:r")))
    for rpr in targets:
        set_fonts(rpr, font)


def _default_rpr(doc_defaults) -> Any:
    holder = doc_defaults.find(qn("w:rPrDefault"))
    if holder is None:
        holder = OxmlElement("w:rPrDefault")
        doc_defaults.insert(0, holder)
    rpr = OxmlElement("w:rPr")
    holder.append(rpr)
    return rpr


def _story_parts(document) -> list[Any]:
    parts = [document.element.body]
    for section in document.sections:
        for story in (section.header, section.first_page_header, section.even_page_header,
                      section.footer, section.first_page_footer, section.even_page_footer):
            if not story.is_linked_to_previous:
                parts.append(story._element)
    return parts


def set_fonts(rpr, font: str) -> None:
    """Write ``font`` into the ascii, hAnsi, eastAsia and cs slots; drop theme references."""
    fonts = rpr.get_or_add_rFonts()
    for key in list(fonts.attrib):
        if key != qn("w:hint"):
            del fonts.attrib[key]
    for slot in FACTS["G-04"]["rfonts_slots"]:
        fonts.set(qn(f"w:{slot}"), font)


def _sizes(ctx: Context) -> None:
    for zone, fact_id in SIZED_COMPONENTS:
        value = getattr(ctx.zones, zone)
        lines = value if isinstance(value, list) else [value] if value is not None else []
        allowed = FACTS[fact_id].range("size_pt")
        for line in lines:
            for run in line.runs:
                size = ctx.run_format(run, line.para.element).size_pt
                if not allowed.contains(size):
                    set_size(run, min(max(size, allowed.min), allowed.max))


def set_size(run, points: float) -> None:
    """Set ``w:sz`` (python-docx keeps the schema order of rPr children)."""
    Font(run).size = Pt(points)


# ── date ─────────────────────────────────────────────────────────────────────────────────
def _dates(ctx: Context) -> None:
    line = ctx.zones.place_date
    match = DATE.search(line.text) if line is not None else None
    if not match or not match["month"].isdigit() or not (match["day"].isdigit() or not match["day"]):
        return
    replace_text(line, match.group(0), nd30_date(match["day"], match["month"], match["year"]))


def replace_text(line: Line, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` in the runs of ``line`` (the first run keeps the text)."""
    texts = [t for r in line.runs for t in r.iter(qn("w:t"))]
    whole = "".join(t.text or "" for t in texts)
    squeezed = " ".join(whole.split())
    if old not in whole and old in squeezed:
        whole = squeezed
    if not texts or old not in whole:
        return
    texts[0].text = whole.replace(old, new, 1)
    texts[0].set(qn("xml:space"), "preserve")
    for t in texts[1:]:
        t.text = ""


# ── page numbers ─────────────────────────────────────────────────────────────────────────
def _page_numbers(ctx: Context) -> None:
    section = ctx.document.sections[0]
    fact = FACTS["G-07"]
    _remove_fields(section.footer)
    header = section.header
    header.is_linked_to_previous = False
    fields = page_fields(header._element)
    if not fields:
        add_page_field(header.add_paragraph()._p)
        fields = page_fields(header._element)
    p, runs = fields[0]
    _centre(p)
    for run in runs:
        rpr = run.get_or_add_rPr()
        for tag in ("w:b", "w:i"):
            for element in rpr.findall(qn(tag)):
                rpr.remove(element)
        size = ctx.resolver.run_format(run, p).size_pt
        if not fact.range("size_pt").contains(size):
            set_size(run, fact.default("size_pt"))
    if fact["hidden_on_first_page"]:
        section.different_first_page_header_footer = True
        _remove_fields(section.first_page_header)


def _remove_fields(story) -> None:
    if story.is_linked_to_previous:
        return
    for _, runs in page_fields(story._element):
        for run in runs:
            run.getparent().remove(run)
    for simple in list(story._element.iter(qn("w:fldSimple"))):
        simple.getparent().remove(simple)


def _centre(p) -> None:
    Paragraph(p, None).alignment = WD_ALIGN_PARAGRAPH.CENTER


def add_page_field(p) -> None:
    """A complex PAGE field at the default size of G-07."""
    for kind in ("begin", "instr", "separate", "text", "end"):
        r = OxmlElement("w:r")
        set_size(r, FACTS["G-07"].default("size_pt"))
        r.append(_field_piece(kind))
        p.append(r)


def _field_piece(kind: str) -> Any:
    if kind == "instr":
        element = OxmlElement("w:instrText")
        element.set(qn("xml:space"), "preserve")
        element.text = " PAGE "
    elif kind == "text":
        element = OxmlElement("w:t")
        element.text = "2"
    else:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
    return element
