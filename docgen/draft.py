"""``docgen draft``: a new document pre-filled from the issued document it implements.

The parent (PDF, scan or DOCX) is read with ``extractors.extract``; the new document gets:
the opening "Thực hiện <Loại> số <số> ngày <ngày> của <cơ quan> về <trích yếu>" (a decision gets
the parent as a căn cứ line instead), a suggested trích yếu, and — for a dispatch — the bodies
the parent gives tasks to as its recipients. Only what is still missing is asked for.

    >>> parent = extract("ke_hoach_2242.pdf")
    >>> opening(parent)
    'Thực hiện Kế hoạch số 2242/KH-UBND ngày 05 tháng 7 năm 2022 của Ủy ban nhân dân Thành phố …'

Precedence of values: the data file, then what the parent gives, then (with ``example``) the
template's example.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from docgen.draft_tasks import assignees, words
from docgen.errors import InvalidData
from docgen.schema import Field, is_blank
from docgen.templates import DocTemplate, load_template
from docgen.vn.dates import nd30_date
from extractors.records import Document

VV = re.compile(r"^\s*V/v\s*:?\s*", re.IGNORECASE)
ABOUT = re.compile(r"^\s*Về\s", re.IGNORECASE)
Asker = Callable[[Field, str], Any]  # (field, hint) → the value the person typed


@dataclass
class Draft:
    """The data of the new document and where each pre-filled value came from."""

    type_name: str
    data: dict[str, Any]
    from_parent: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


# ── how the new document names its parent ────────────────────────────────────────────────
def date_words(issued_on: str | None) -> str | None:
    """"2022-07-05" → "ngày 05 tháng 7 năm 2022"; a blank day "2021-12" → "tháng 12 năm 2021"."""
    if not issued_on:
        return None
    if re.fullmatch(r"\d{4}-\d{2}", issued_on):
        return nd30_date(f"{issued_on}-01").split(" ", 2)[2]
    return nd30_date(issued_on)


def lower_first(text: str) -> str:
    """Lower the first letter unless the text opens with a name or an abbreviation."""
    from extractors.fields.agencies import agency_at

    first = text.split(" ", 1)[0]
    if not text or agency_at(text, 0) or (len(first) > 1 and first.isupper()):
        return text
    return text[0].lower() + text[1:]


def about(subject: str | None) -> str | None:
    """The "về …" part: "V/v góp ý …" → "về việc góp ý …", "Phát động …" → "về phát động …"."""
    if not subject:
        return None
    if VV.match(subject):
        return "về việc " + lower_first(VV.sub("", subject, count=1))
    if ABOUT.match(subject):
        return lower_first(subject)
    return "về " + lower_first(subject)


def has_number(parent: Document) -> bool:
    """A number was read: "Số: /CT-UBND" (left blank, or handwritten and not read) has none."""
    return bool(parent.number.raw) and parent.number.number is not None


def mention(parent: Document, with_subject: bool = True) -> str:
    """The parent as ND-02 names a document: type, number, date, issuer (and subject)."""
    parts = [parent.doc_type.name or "Văn bản"]
    if has_number(parent):
        parts.append(f"số {parent.number.raw}")
    parts.append(date_words(parent.issued_on))
    if parent.issuer.name:
        parts.append(f"của {parent.issuer.name}")
    if with_subject:
        parts.append(about(parent.subject))
    return " ".join(p for p in parts if p)


def short_mention(parent: Document) -> str:
    """A later mention (ND-02): type and number only, "Kế hoạch số 2242/KH-UBND"."""
    name = parent.doc_type.name or "Văn bản"
    return f"{name} số {parent.number.raw}" if has_number(parent) else mention(parent, with_subject=False)


def opening(parent: Document) -> str:
    """"Thực hiện Kế hoạch số 2242/KH-UBND ngày 05 tháng 7 năm 2022 của … về …"."""
    return words()["opening"].format(parent=mention(parent))


def can_cu_line(parent: Document) -> str:
    """The parent as a căn cứ of a decision (the layout adds the final ";" or ".")."""
    return words()["can_cu"].format(parent=mention(parent))


# ── filling the fields ───────────────────────────────────────────────────────────────────
def sentence_rule(template: DocTemplate) -> dict[str, str] | None:
    """Which field gets the opening, and the sentence it makes, for this template."""
    rules = words()["sentences"]
    rule = rules.get(template.name) or rules["default"]
    return rule if rule["field"] in template.schema.by_name else None


def from_parent(template: DocTemplate, parent: Document) -> dict[str, Any]:
    """The fields the parent fills: căn cứ, trích yếu, recipients (Kính gửi)."""
    names = template.schema.by_name
    values: dict[str, Any] = {}
    rule = sentence_rule(template)
    if "can_cu" in names:
        values["can_cu"] = [can_cu_line(parent)]
    if rule and rule.get("trich_yeu") and "trich_yeu" in names:
        values["trich_yeu"] = rule["trich_yeu"].format(parent_short=short_mention(parent))
    if "kinh_gui" in names and parent.text:
        found = assignees(parent.text)
        if found:
            values["kinh_gui"] = found
    return values


def merge(data: dict[str, Any], parent_values: dict[str, Any], example: dict[str, Any] | None,
          sentence_field: str | None) -> dict[str, Any]:
    """Data file over parent over example; căn cứ lines add up (the parent's comes last)."""
    merged = dict(data)
    for name, value in parent_values.items():
        if name == "can_cu":
            given = list(merged.get("can_cu") or (example or {}).get("can_cu") or [])
            merged["can_cu"] = given + [v for v in value if v not in given]
        elif is_blank(merged.get(name)):
            merged[name] = value
    for name, value in (example or {}).items():
        if is_blank(merged.get(name)) and name != sentence_field:
            merged[name] = value
    return merged


def example_rest(template: DocTemplate, name: str) -> str:
    """The example's text of ``name`` without its own opening paragraph ("Thực hiện …")."""
    verb = words()["opening"].split("{", 1)[0].strip()
    lines = str(template.example.get(name) or "").splitlines()
    return "\n".join(l for i, l in enumerate(lines) if l.strip() and not (i == 0 and l.startswith(verb)))


def compose(template: DocTemplate, data: dict[str, Any], parent: Document, rest: str | None) -> None:
    """Write the opening sentence into its field (before ``rest``, the writer's own text)."""
    rule = sentence_rule(template)
    trich_yeu = data.get("trich_yeu")
    if is_blank(data.get("co_quan")) or is_blank(trich_yeu):
        return  # both are required fields: validation will list them
    sentence = rule["text"].format(opening=opening(parent), co_quan=data["co_quan"],
                                   trich_yeu=lower_first(VV.sub("", str(trich_yeu))))
    data[rule["field"]] = "\n".join(p for p in (sentence, rest) if p)


def draft_data(template: DocTemplate, parent: Document, data: dict[str, Any] | None = None,
               example: bool = False, ask: Asker | None = None) -> Draft:
    """Everything the new document needs: pre-filled, then the example, then ``ask`` for the rest."""
    data = dict(data or {})
    rule = sentence_rule(template)
    sentence_field = rule["field"] if rule and is_blank(data.get(rule["field"])) else None
    parent_values = from_parent(template, parent)
    merged = merge(data, parent_values, template.example if example else None, sentence_field)
    draft = Draft(template.name, merged, [n for n in parent_values if is_blank(data.get(n))])
    missing = [f for f in template.schema.missing(merged) if f.name != sentence_field]
    for spec in missing:
        if ask is None:
            draft.missing.append(spec.name)
        else:
            merged[spec.name] = ask(spec, "")
    rest = _rest_of_content(template, sentence_field, example, ask)
    if sentence_field is not None:
        if rest is None and template.schema.by_name[sentence_field].required:
            draft.missing.append(sentence_field)
        compose(template, merged, parent, rest)
    return draft


def _rest_of_content(template: DocTemplate, sentence_field: str | None, example: bool,
                     ask: Asker | None) -> str | None:
    """What follows the opening in a required content field (a dispatch's noi_dung)."""
    if sentence_field is None or not template.schema.by_name[sentence_field].required:
        return None
    if example:
        return example_rest(template, sentence_field)
    if ask is not None:
        return ask(template.schema.by_name[sentence_field], "sau câu mở đầu “Thực hiện …”")
    return None


def draft_document(type_name: str, parent_path: str | os.PathLike, out_path: str | os.PathLike,
                   data: dict[str, Any] | None = None, example: bool = False, ask: Asker | None = None,
                   templates_dirs: list[str] | None = None) -> tuple[Path, Draft]:
    """Extract the parent, fill the new document and render it; InvalidData lists what is missing."""
    from docgen.render import render_document
    from extractors import extract

    template = load_template(type_name, templates_dirs)
    parent = extract(parent_path)
    draft = draft_data(template, parent, data, example, ask)
    if draft.missing:
        raise InvalidData(str(parent_path), f"{type_name}: still missing: {', '.join(draft.missing)} "
                          "(give them with --data, or use --example)")
    return render_document(type_name, draft.data, out_path, templates_dirs, subject=type_name), draft
