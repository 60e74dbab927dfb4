"""Assemble a whole document: ``Layout().build(content)`` → a python-docx ``Document``.

Every document starts from one small prepared package (styles with Times New Roman in every
rFonts slot, A4 and margins, titlePg, the PAGE header of pages 2…), built once per Layout; only
the body is written per document, which keeps rendering fast.
"""
from __future__ import annotations

import io
import threading

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from docgen.layout import ooxml
from docgen.layout.body import add_body
from docgen.layout.content import Attachment, Content
from docgen.layout.facts import FACTS, pt_to_half_points
from docgen.layout.header import add_circulation, add_header
from docgen.layout.page import GEOMETRY, Geometry
from docgen.layout.paragraphs import Spacing, Writer, keep_last_with_next
from docgen.layout.signature import add_address_footer, add_signatures
from docgen.layout.title import add_kinh_gui, add_title


class Layout:
    """The ND30 layout engine; one instance renders any number of documents."""

    def __init__(self, geometry: Geometry = GEOMETRY):
        self.geometry = geometry
        self._base = ooxml.minimal_package(
            FACTS["G-04"]["font"],
            pt_to_half_points(FACTS.size("G-05")),
            pt_to_half_points(FACTS.size("G-07")),
            geometry.as_dict(),
        )
        self._scratch = None
        self._lock = threading.Lock()

    def new_document(self):
        """An empty document of the prepared base package."""
        return Document(io.BytesIO(self._base))

    def build(self, content: Content):
        """The DOCX of ``content`` (a python-docx Document of its own, not yet saved)."""
        document = self.new_document()
        self._fill(document, content)
        return document

    def write(self, content: Content, target) -> None:
        """Lay ``content`` out and save it to ``target`` (a path or a binary stream).

        Reuses one scratch document (body and first-page footer emptied each time) instead of
        opening a package per document: the fast path of ``render_document`` and batches.
        """
        with self._lock:
            document = self._scratch_document()
            self._fill(document, content)
            document.save(target)

    def _scratch_document(self):
        if self._scratch is None:
            self._scratch = self.new_document()
        document = self._scratch
        body = document.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        footer = document.sections[0].first_page_footer._element
        for child in list(footer):
            footer.remove(child)
        footer.append(OxmlElement("w:p"))
        return document

    def _fill(self, document, content: Content) -> None:
        add_circulation(document, content.marks, self.geometry)
        add_header(document, content, self.geometry)
        if content.type_name:
            add_title(document, content.type_name, content.trich_yeu, self.geometry)
        add_kinh_gui(document, content.kinh_gui_label, content.kinh_gui, self.geometry)
        add_body(document, content.body)
        keep_last_with_next(document)
        add_signatures(document, content, content.signers, self.geometry)
        add_address_footer(document.sections[0].first_page_footer, content.address)
        if content.attachment:
            self._attachment(document, content, content.attachment)

    def _attachment(self, document, content: Content, attachment: Attachment) -> None:
        """Mẫu 1.3: the issued text on a new page, with its own header (no Số, no date)."""
        breaker = Writer(document).line("", "G-06", Spacing(exact_line_pt=1))
        breaker._p.append(ooxml.page_break_run(FACTS["G-04"]["font"], pt_to_half_points(1)))
        add_header(document, content, self.geometry, with_number=False)
        add_title(document, attachment.type_name, attachment.subject, self.geometry, attachment.reference)
        add_body(document, attachment.body)
        if attachment.signers:
            add_signatures(document, content, attachment.signers, self.geometry, with_noi_nhan=False)


def save(document, path) -> None:
    """Save a built document (the caller makes it atomic)."""
    document.save(str(path))

