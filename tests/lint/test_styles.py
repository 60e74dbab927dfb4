"""Effective formatting through run, character style, paragraph style chain, table style and defaults."""
from __future__ import annotations

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from docgen.lint.styles import FormatResolver


@pytest.fixture(scope="module")
def doc():
    document = docx.Document()  # defaults: theme fonts (minorHAnsi → Cambria), 11 pt, after 10 pt
    base = document.styles.add_style("Base", WD_STYLE_TYPE.PARAGRAPH)
    base.font.bold, base.font.size, base.font.name = True, Pt(13), "Arial"
    base.paragraph_format.first_line_indent = Cm(1.27)
    child = document.styles.add_style("Child", WD_STYLE_TYPE.PARAGRAPH)
    child.base_style = base
    child.font.italic = True
    child.paragraph_format.alignment = 1  # centre
    emphasis = document.styles.add_style("Small", WD_STYLE_TYPE.CHARACTER)
    emphasis.font.size = Pt(9)
    plain = document.add_paragraph("plain")
    styled = document.add_paragraph("styled", style="Child")
    styled.add_run(" small", style="Small")
    direct = styled.add_run(" direct")
    direct.bold, direct.font.size = False, Pt(14)
    caps = document.add_paragraph().add_run("chữ in")
    caps.font.all_caps = True
    return document, plain, styled, caps


def test_document_defaults_and_theme_fonts(doc):
    document, plain, _, _ = doc
    fmt = FormatResolver(document).run_format(plain.runs[0]._r)
    assert (fmt.size_pt, fmt.bold, fmt.italic) == (11.0, False, False)
    assert fmt.fonts["ascii"] == fmt.fonts["hAnsi"] == "Cambria"
    assert fmt.fonts["eastAsia"] is None  # the theme leaves it empty


def test_style_chain_then_direct_formatting(doc):
    document, _, styled, _ = doc
    resolver = FormatResolver(document)
    first, small, direct = (resolver.run_format(r._r) for r in styled.runs)
    assert (first.size_pt, first.bold, first.italic, first.fonts["ascii"]) == (13.0, True, True, "Arial")
    assert (small.size_pt, small.bold) == (9.0, True)            # character style over paragraph style
    assert (direct.size_pt, direct.bold, direct.italic) == (14.0, False, True)  # direct wins


def test_paragraph_format_through_the_chain(doc):
    document, plain, styled, _ = doc
    resolver = FormatResolver(document)
    assert resolver.para_format(styled._p).align == "center"
    assert resolver.para_format(styled._p).first_line == 720
    assert resolver.para_format(plain._p).align == "left"
    assert resolver.para_format(plain._p).after == 200           # pPrDefault of the template
    assert resolver.para_format(plain._p).line_spacing == pytest.approx(1.15)


def test_caps_and_theme_attribute_wins_on_the_same_element(doc):
    document, plain, _, caps = doc
    assert FormatResolver(document).run_format(caps._r).caps is True
    rpr = plain.runs[0]._r.get_or_add_rPr()
    fonts = OxmlElement("w:rFonts")
    fonts.set(qn("w:ascii"), "Times New Roman")
    fonts.set(qn("w:asciiTheme"), "majorHAnsi")
    rpr.append(fonts)
    assert FormatResolver(document).run_format(plain.runs[0]._r).fonts["ascii"] == "Calibri"
    rpr.remove(fonts)


def test_table_style_sits_between_defaults_and_paragraph_style():
    document = docx.Document()
    grid = document.styles.add_style("Grid8", WD_STYLE_TYPE.TABLE)
    grid.font.size = Pt(8)
    table = document.add_table(rows=1, cols=2, style="Grid8")
    plain = table.cell(0, 0).paragraphs[0].add_run("x")
    heading = table.cell(0, 1).add_paragraph("y", style="Heading 1").runs[0]
    resolver = FormatResolver(document)
    assert resolver.run_format(plain._r).size_pt == 8.0      # table style over document defaults
    assert resolver.run_format(heading._r).size_pt == 14.0   # paragraph style over table style
