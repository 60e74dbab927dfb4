"""What a document says, ô by ô, before any format is applied (the layout engine's input).

A template renders to content markup (``docgen.markup``), which is read into these records; the
layout engine turns them into a DOCX. Vietnamese names are the decree's own words:
co_quan (issuing body), so_ky_hieu (number and symbol), trich_yeu (subject line),
kinh_gui (addressees), noi_nhan (distribution list), chu_ky (signature block).

>>> Signer(lines=["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], name="Nguyễn Văn A").lines[0]
'KT. CHỦ TỊCH'
"""
from __future__ import annotations

from dataclasses import dataclass, field

# kinds of body blocks and what the layout engine makes of them
BLOCK_KINDS = {
    "doan": "plain paragraphs, one per line",
    "can_cu": "căn cứ lines (italic; ';' after each, '.' after the last)",
    "tham_quyen": "authority line of a quyết định (centred, bold, upper case)",
    "nhan": "centred bold label such as 'QUYẾT ĐỊNH:'",
    "phan": "Phần I + title (Roman numerals)",
    "chuong": "Chương I + title (Roman numerals)",
    "muc": "Mục 1 + title (Arabic numerals)",
    "tieu_muc": "Tiểu mục 1 + title",
    "de_muc": "I. TITLE heading of a báo cáo / kế hoạch",
    "dieu": "Điều 1. title (bold) or 'Điều 1.' + text",
    "khoan": "1. text (or '1. Title' bold on its own line)",
    "diem": "a) text (Vietnamese letters, no f)",
    "gach": "- text (dash item)",
    "truong": "'Label: value' line of a form",
}


@dataclass
class Block:
    """One element of the body: its kind, title, own text lines and children, in order."""

    kind: str
    title: str | None = None
    lines: list[str] = field(default_factory=list)
    children: list["Block"] = field(default_factory=list)
    label: str | None = None


@dataclass
class Signer:
    """Quyền hạn and chức vụ lines (as printed, e.g. 'KT. CHỦ TỊCH'), then the name."""

    lines: list[str]
    name: str


@dataclass
class Marks:
    """Optional stamps: secrecy (ô 10a), urgency (ô 10b), circulation note (ô 11)."""

    secrecy: str | None = None
    urgency: str | None = None
    circulation: str | None = None


@dataclass
class Attachment:
    """A text issued by a quyết định (Mẫu 1.3), printed on its own pages after it."""

    type_name: str
    subject: str | None
    reference: str | None
    body: list[Block]
    signers: list[Signer] = field(default_factory=list)


@dataclass
class Content:
    """Every ô of an administrative document."""

    agency: str
    parent: str | None = None
    so_ky_hieu: str | None = None
    place_date: str | None = None
    type_name: str | None = None
    trich_yeu: str | None = None
    marks: Marks = field(default_factory=Marks)
    kinh_gui: list[str] = field(default_factory=list)
    kinh_gui_label: str = "Kính gửi:"
    body: list[Block] = field(default_factory=list)
    signers: list[Signer] = field(default_factory=list)
    noi_nhan: list[str] = field(default_factory=list)
    drafter: str | None = None
    address: list[str] = field(default_factory=list)
    attachment: Attachment | None = None

    @property
    def is_cong_van(self) -> bool:
        """A document without a type name is a công văn: trích yếu 'V/v …' sits under Số (ô 5b)."""
        return not self.type_name
