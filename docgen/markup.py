"""Content markup: what a template renders to, read into ``layout.content`` records.

A template writes XML whose element names are the decree's words; the Jinja environment escapes
every value (``&``, ``<``, quotes), so data can never add or break an element. Text is split into
lines; blank lines and indentation are dropped.

    <van_ban>
      <co_quan_chu_quan>UBND tỉnh Bắc Ninh</co_quan_chu_quan>  <co_quan>Sở Nội vụ</co_quan>
      <so>12/KH-SNV</so>  <dia_danh_ngay>Bắc Ninh, ngày 05 tháng 02 năm 2025</dia_danh_ngay>
      <ten_loai>Kế hoạch</ten_loai>  <trich_yeu>…</trich_yeu>
      <kinh_gui><dong>…</dong></kinh_gui>
      <noi_dung> <can_cu>…</can_cu> <dieu tieu_de="…"><khoan>…<diem>…</diem></khoan></dieu> </noi_dung>
      <chu_ky><dong>KT. GIÁM ĐỐC</dong><dong>PHÓ GIÁM ĐỐC</dong><ho_ten>…</ho_ten></chu_ky>
      <noi_nhan><dong>Như trên</dong><dong>Lưu: VT, VP</dong></noi_nhan>
    </van_ban>

Optional: <do_mat>, <do_khan>, <luu_hanh>, <soan_thao>, <dia_chi>, <van_ban_kem_theo> (with
<ten_loai>, <trich_yeu>, <dan_chieu>, <noi_dung>, <chu_ky>). Body blocks are listed in
``layout.content.BLOCK_KINDS``.

>>> parse_content("<van_ban><co_quan>Sở Nội vụ</co_quan><so>05/SNV-VP</so></van_ban>").so_ky_hieu
'05/SNV-VP'
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from docgen.layout.content import BLOCK_KINDS, Attachment, Block, Content, Marks, Signer


class MarkupError(ValueError):
    """The rendered content is not valid markup; ``line`` is the line of the rendered text."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


def _lines(text: str | None) -> list[str]:
    return [" ".join(line.split()) for line in (text or "").split("\n") if line.strip()]


def _text(element: ET.Element | None) -> str | None:
    """All text of an element (children included), lines kept, each line folded."""
    if element is None:
        return None
    lines = _lines("".join(element.itertext()))
    return "\n".join(lines) or None


def _items(element: ET.Element | None) -> list[str]:
    """The <dong> children of a list element (or its text lines when it has none)."""
    if element is None:
        return []
    rows = element.findall("dong")
    if not rows:
        return _lines(element.text)
    return [text for row in rows if (text := _text(row))]


def _block(element: ET.Element) -> Block:
    if element.tag not in BLOCK_KINDS:
        raise MarkupError(f"unknown element <{element.tag}> in <noi_dung> (known: {', '.join(BLOCK_KINDS)})")
    title = " ".join(element.get("tieu_de", "").split()) or None
    block = Block(element.tag, title=title, lines=_lines(element.text), label=element.get("nhan"))
    for child in element:
        block.children.append(_block(child))
        tail = _lines(child.tail)
        if tail:
            block.children.append(Block("doan", lines=tail))
    return block


def _body(element: ET.Element | None) -> list[Block]:
    if element is None:
        return []
    blocks = [Block("doan", lines=_lines(element.text))] if _lines(element.text) else []
    for child in element:
        block = _block(child)
        if block.kind == "can_cu" and blocks and blocks[-1].kind == "can_cu":
            blocks[-1].lines.extend(block.lines)  # consecutive căn cứ form one list (ND-01)
        else:
            blocks.append(block)
        if _lines(child.tail):
            blocks.append(Block("doan", lines=_lines(child.tail)))
    return blocks


def _signers(root: ET.Element) -> list[Signer]:
    return [Signer(_items(sig), _text(sig.find("ho_ten")) or "") for sig in root.findall("chu_ky")]


def _attachment(element: ET.Element | None) -> Attachment | None:
    if element is None:
        return None
    return Attachment(
        type_name=_text(element.find("ten_loai")) or "",
        subject=_text(element.find("trich_yeu")),
        reference=_text(element.find("dan_chieu")),
        body=_body(element.find("noi_dung")),
        signers=_signers(element),
    )


def parse_content(markup: str) -> Content:
    """Read rendered markup into a Content; MarkupError says what and where."""
    try:
        root = ET.fromstring(markup)
    except ET.ParseError as error:
        raise MarkupError(f"rendered content is not well-formed: {error}", error.position[0]) from None
    if root.tag != "van_ban":
        raise MarkupError(f"the root element must be <van_ban>, not <{root.tag}>")
    kinh_gui = root.find("kinh_gui")
    return Content(
        agency=_text(root.find("co_quan")) or "",
        parent=_text(root.find("co_quan_chu_quan")),
        so_ky_hieu=_text(root.find("so")),
        place_date=_text(root.find("dia_danh_ngay")),
        type_name=_text(root.find("ten_loai")),
        trich_yeu=_text(root.find("trich_yeu")),
        marks=Marks(_text(root.find("do_mat")), _text(root.find("do_khan")), _text(root.find("luu_hanh"))),
        kinh_gui=_items(kinh_gui),
        kinh_gui_label=(kinh_gui.get("nhan") if kinh_gui is not None else None) or "Kính gửi:",
        body=_body(root.find("noi_dung")),
        signers=_signers(root),
        noi_nhan=_items(root.find("noi_nhan")),
        drafter=_text(root.find("soan_thao")),
        address=_items(root.find("dia_chi")),
        attachment=_attachment(root.find("van_ban_kem_theo")),
    )
