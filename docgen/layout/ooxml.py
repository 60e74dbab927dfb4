"""Every piece of raw WordprocessingML docgen writes, one function per construct.

python-docx covers paragraphs, runs and sections; what it lacks (all four rFonts slots, borderless
tables, drawn lines as paragraph borders, boxed marks, the PAGE field, the minimal package) lives
here so that no other module touches XML. Numbers come in as arguments (twips, half-points), never
from here: the facts table decides them.

>>> run = make_run("Số: 05/KH-UBND", font="Times New Roman", half_points=26)
>>> run.xpath("string(.//w:t)")
'Số: 05/KH-UBND'
"""
from __future__ import annotations

import io
import re
import zipfile

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RFONTS_SLOTS = ("ascii", "hAnsi", "cs", "eastAsia")

# characters XML 1.0 cannot hold (data is cleaned earlier; this is the last guard)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold."""
    return _NOT_XML.sub("", text)


def _el(tag: str, **attrs: str):
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), str(value))
    return element


# ───────────────────────────── runs ─────────────────────────────

def rfonts(font: str):
    """``<w:rFonts>`` naming ``font`` in the ascii, hAnsi, cs and eastAsia slots."""
    return _el("w:rFonts", **{slot: font for slot in RFONTS_SLOTS})


def run_properties(font: str, half_points: int, bold: bool = False, italic: bool = False,
                   color: str | None = None):
    """``<w:rPr>``: font in all slots, size (and the complex-script size), bold, italic, colour."""
    rpr = OxmlElement("w:rPr")
    rpr.append(rfonts(font))
    if bold:
        rpr.append(_el("w:b"))
        rpr.append(_el("w:bCs"))
    if italic:
        rpr.append(_el("w:i"))
        rpr.append(_el("w:iCs"))
    if color:
        rpr.append(_el("w:color", val=color))
    rpr.append(_el("w:sz", val=half_points))
    rpr.append(_el("w:szCs", val=half_points))
    return rpr


def make_run(text: str, font: str, half_points: int, bold: bool = False, italic: bool = False,
             color: str | None = None):
    """``<w:r>`` with its properties and one ``<w:t xml:space="preserve">``."""
    run = OxmlElement("w:r")
    run.append(run_properties(font, half_points, bold, italic, color))
    t = OxmlElement("w:t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = xml_safe(text)
    run.append(t)
    return run


def mark_properties(p_element, font: str, half_points: int, bold: bool = False, italic: bool = False):
    """Give the paragraph mark the run's font and size (keeps empty lines the right height)."""
    ppr = p_element.get_or_add_pPr()
    ppr.append(run_properties(font, half_points, bold, italic))


# ───────────────────────────── paragraphs ─────────────────────────────

def _border(side: str, size_eighths: int, color: str = "000000", space: int = 0):
    return _el(f"w:{side}", val="single", sz=size_eighths, space=space, color=color)


def _insert_pbdr(ppr, pbdr) -> None:
    """Put ``<w:pBdr>`` where the schema wants it: before shd/tabs/spacing/ind/jc …"""
    followers = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc", "w:rPr")
    for tag in followers:
        found = ppr.find(qn(tag))
        if found is not None:
            found.addprevious(pbdr)
            return
    ppr.append(pbdr)


def rule_line(p_element, thickness_eighths: int) -> None:
    """Draw a solid line along the top edge of a paragraph (its length = the paragraph width)."""
    pbdr = OxmlElement("w:pBdr")
    pbdr.append(_border("top", thickness_eighths))
    _insert_pbdr(p_element.get_or_add_pPr(), pbdr)


def box_border(p_element, thickness_eighths: int, color: str = "000000", space_pt: int = 1) -> None:
    """A single-line frame on all four sides of a paragraph (urgency, secrecy, circulation marks)."""
    pbdr = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        pbdr.append(_border(side, thickness_eighths, color, space_pt))
    _insert_pbdr(p_element.get_or_add_pPr(), pbdr)


def page_break_run(font: str, half_points: int):
    """``<w:r><w:rPr>…</w:rPr><w:br w:type="page"/></w:r>``."""
    run = OxmlElement("w:r")
    run.append(run_properties(font, half_points))
    run.append(_el("w:br", type="page"))
    return run


# ───────────────────────────── tables ─────────────────────────────

def borderless_table(tbl, col_widths: list[int], cell_margin: int = 0) -> None:
    """Fixed layout, given column widths (twips), no borders, no horizontal cell margins."""
    tblpr = tbl.tblPr
    for tag in ("w:tblStyle", "w:tblW", "w:tblLayout", "w:tblBorders", "w:tblCellMar", "w:tblLook"):
        for old in tblpr.findall(qn(tag)):
            tblpr.remove(old)
    tblpr.append(_el("w:tblW", w=sum(col_widths), type="dxa"))
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_el(f"w:{side}", val="nil"))
    tblpr.append(borders)
    tblpr.append(_el("w:tblLayout", type="fixed"))
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margins.append(_el(f"w:{side}", w=cell_margin, type="dxa"))
    tblpr.append(margins)
    grid = tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), col_widths):
        col.set(qn("w:w"), str(width))
    for tr in tbl.tr_lst:
        for tc, width in zip(tr.tc_lst, col_widths):
            tcpr = tc.get_or_add_tcPr()
            for old in tcpr.findall(qn("w:tcW")):
                tcpr.remove(old)
            tcpr.insert(0, _el("w:tcW", w=width, type="dxa"))


def keep_row_together(tr) -> None:
    """``<w:cantSplit/>``: a table row (the signature block) never breaks across pages."""
    trpr = tr.get_or_add_trPr()
    trpr.append(_el("w:cantSplit"))


# ───────────────────────────── the minimal package ─────────────────────────────

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""

_PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""

_DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>
<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
</Relationships>"""

_CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>docgen-vn</dc:creator></cp:coreProperties>"""

_SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W_NS}"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"""


def _rpr_xml(font: str, half_points: int) -> str:
    fonts = " ".join(f'w:{slot}="{font}"' for slot in RFONTS_SLOTS)
    return (f'<w:rPr><w:rFonts {fonts}/><w:color w:val="000000"/><w:sz w:val="{half_points}"/>'
            f'<w:szCs w:val="{half_points}"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr>')


def styles_xml(font: str, half_points: int) -> str:
    """docDefaults and the few styles used, all naming ``font`` in every rFonts slot."""
    rpr = _rpr_xml(font, half_points)
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault>{rpr}</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>{rpr}</w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>
</w:styles>"""


def _header_xml(tag: str, body: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:{tag} xmlns:w="{W_NS}" xmlns:r="{R_NS}">{body}</w:{tag}>')


def page_number_header_xml(font: str, half_points: int) -> str:
    """Header of pages 2…: one centred paragraph holding a PAGE field (G-07)."""
    rpr = _rpr_xml(font, half_points)
    field = (f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
             f'<w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
             f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
             f'<w:r>{rpr}<w:t>2</w:t></w:r>'
             f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>')
    return _header_xml("hdr", f'<w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/>{rpr}</w:pPr>{field}</w:p>')


def empty_part_xml(tag: str) -> str:
    """An empty header ("hdr") or footer ("ftr"): page 1 shows no number."""
    return _header_xml(tag, '<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr></w:p>')


def document_xml(page: dict[str, int]) -> str:
    """An empty body and its section: A4, margins, titlePg, header 1 on pages 2…, header 2 and
    footer 1 on page 1 (``page`` holds twips: width, height, top, bottom, left, right, header)."""
    sect = (f'<w:sectPr><w:headerReference w:type="default" r:id="rId3"/>'
            f'<w:headerReference w:type="first" r:id="rId4"/><w:footerReference w:type="first" r:id="rId5"/>'
            f'<w:pgSz w:w="{page["width"]}" w:h="{page["height"]}"/>'
            f'<w:pgMar w:top="{page["top"]}" w:right="{page["right"]}" w:bottom="{page["bottom"]}" '
            f'w:left="{page["left"]}" w:header="{page["header"]}" w:footer="{page["header"]}" w:gutter="0"/>'
            f'<w:cols w:space="720"/><w:titlePg/><w:docGrid w:linePitch="360"/></w:sectPr>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{sect}</w:body></w:document>')


def minimal_package(font: str, half_points: int, page_number_half_points: int, page: dict[str, int]) -> bytes:
    """The bytes of a small .docx every document starts from (no 350 kB default styles)."""
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _PACKAGE_RELS,
        "docProps/core.xml": _CORE,
        "word/_rels/document.xml.rels": _DOCUMENT_RELS,
        "word/document.xml": document_xml(page),
        "word/styles.xml": styles_xml(font, half_points),
        "word/settings.xml": _SETTINGS,
        "word/header1.xml": page_number_header_xml(font, page_number_half_points),
        "word/header2.xml": empty_part_xml("hdr"),
        "word/footer1.xml": empty_part_xml("ftr"),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, xml in parts.items():
            package.writestr(name, xml.encode("utf-8"))
    return buffer.getvalue()
