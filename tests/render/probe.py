"""Read back what the tests assert on a rendered DOCX: sizes, bold, borders, indents, text."""
from __future__ import annotations

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def runs(p: Paragraph):
    return p._p.findall(qn("w:r"))


def run_size(run) -> float | None:
    sz = run.find(f"{W}rPr/{W}sz")
    return int(sz.get(qn("w:val"))) / 2 if sz is not None else None


def run_flag(run, tag: str) -> bool:
    el = run.find(f"{W}rPr/{W}{tag}")
    return el is not None and el.get(qn("w:val")) not in ("0", "false")


def text_runs(p: Paragraph):
    return [r for r in runs(p) if "".join(t.text or "" for t in r.iter(f"{W}t")).strip()]


def size(p: Paragraph) -> float:
    sizes = {run_size(r) for r in text_runs(p)}
    assert len(sizes) == 1, f"mixed sizes in {p.text!r}: {sizes}"
    return sizes.pop()


def bold(p: Paragraph) -> bool:
    flags = {run_flag(r, "b") for r in text_runs(p)}
    assert len(flags) == 1, f"mixed bold in {p.text!r}"
    return flags.pop()


def italic(p: Paragraph) -> bool:
    flags = {run_flag(r, "i") for r in text_runs(p)}
    assert len(flags) == 1, f"mixed italic in {p.text!r}"
    return flags.pop()


def color(p: Paragraph) -> set[str | None]:
    out = set()
    for r in text_runs(p):
        el = r.find(f"{W}rPr/{W}color")
        out.add(el.get(qn("w:val")) if el is not None else None)
    return out


def borders(p: Paragraph) -> set[str]:
    pbdr = p._p.find(f"{W}pPr/{W}pBdr")
    return {child.tag.replace(W, "") for child in pbdr} if pbdr is not None else set()


def twips(length) -> int:
    return 0 if length is None else round(length.twips)


def rule_length(p: Paragraph, width: int) -> int:
    """Length (twips) of the drawn line of a rule paragraph inside a space ``width`` wide."""
    fmt = p.paragraph_format
    return width - twips(fmt.left_indent) - twips(fmt.right_indent)


def cell_width(cell) -> int:
    return int(cell._tc.tcPr.find(qn("w:tcW")).get(qn("w:w")))


def texts(paragraphs) -> list[str]:
    return [p.text for p in paragraphs if p.text.strip()]
