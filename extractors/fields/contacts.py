"""Contact persons: "Ông Thái Thanh Hải, Trưởng Phòng Công nghệ thông tin (0969.701.168;
haitt2@danang.gov.vn)" → name, title, phone, email.

A person is a title of address (Ông, Bà, Đồng chí …) and a capitalised name, followed within the
same sentence by a phone number or an e-mail address. A phone or address with no such person
before it asks underthesea's NER (``nlp.person_names``) for a name in the words just before it.
"""
from __future__ import annotations

import functools
import re

from extractors.fields import patterns as P
from extractors.fields.flow import Flow, build_flow
from extractors.fields.textutil import clean
from extractors.legacy import is_syllable
from extractors.records import Contact
from extractors.text import DocText
from extractors.wordlists import load

# words that start a job title, never a personal name ("Ông Nguyễn Văn A Trưởng phòng …")
_TITLE_HEADS = {"trưởng", "phó", "giám", "chuyên", "chánh", "chủ", "bí", "cán", "phòng", "sở",
                "ban", "cục", "vụ", "viên", "kỹ"}


# NER is slow: ask it only where two capitalised words stand, and at most this often per text
_TWO_CAPS = re.compile(rf"{P.CAP_WORD} {P.CAP_WORD}")
_NER_LIMIT = 20


@functools.cache
def _person_re() -> re.Pattern[str]:
    words = P.words_alternation(load("deep_words")["contacts"]["honorifics"])
    return re.compile(rf"(?<![\w])(?:{words}){P.WS}(?P<name>{P.CAP_WORD}(?:[ ]+{P.CAP_WORD}){{1,4}})")


@functools.cache
def _label_re() -> re.Pattern[str]:
    c = load("deep_words")["contacts"]
    return re.compile(rf"(?<![\w])(?:{P.words_alternation(c['phone_labels'] + c['email_labels'])})\s*[:.]?\s*$", re.I)


def find_contacts(text: DocText, flow: Flow | None = None, signer: str | None = None,
                  use_ner: bool = True) -> list[Contact]:
    """Contact persons of ``text`` with their phone and e-mail, once per name, in order."""
    flow = flow or build_flow(text.text)
    body = flow.text
    emails = list(P.EMAIL.finditer(body)) if "@" in body else []
    anchors = sorted([*emails, *P.find_phones(body)], key=lambda m: m.start())
    if not anchors:
        return []
    people = _people_before(body, anchors)
    out: dict[str, Contact] = {}
    claimed: list[tuple[int, int]] = []
    for i, m in enumerate(people):
        name, name_end = _name(m)
        window_end = _window_end(flow, m, people[i + 1].start() if i + 1 < len(people) else None)
        phone, email, end = _phone_email(body, name_end, window_end)
        if not (phone or email) or name in out or name == signer:
            continue
        claimed.append((m.start(), end))
        out[name] = Contact(name, _title(body, name_end, window_end), phone, email, text.span(m.start(), end))
    if use_ner:
        for contact in _ner_contacts(text, flow, claimed, anchors):
            out.setdefault(contact.name, contact)
    return sorted(out.values(), key=lambda c: c.span.start)


def _name(m: re.Match) -> tuple[str, int]:
    words = m.group("name").split(" ")
    kept = []
    for word in words:
        if word.casefold() in _TITLE_HEADS:
            break
        kept.append(word)
    kept = kept if len(kept) >= 2 else words[:2]
    name = " ".join(kept)
    return name, m.start("name") + len(name)


def _window_end(flow: Flow, m: re.Match, next_person: int | None) -> int:
    sentence = flow.sentence_at(m.start())
    end = min(sentence[1] if sentence else len(flow.text), m.end() + 250)
    return min(end, next_person) if next_person is not None else end


def _phone_email(body: str, start: int, end: int) -> tuple[str | None, str | None, int]:
    phone = next(iter(P.find_phones(body, start, end)), None)
    email = P.EMAIL.search(body, start, end) if "@" in body[start:end] else None
    last = max([x.end() for x in (phone, email) if x] or [start])
    return (phone.group(0).strip() if phone else None, email.group(0).rstrip(".") if email else None, last)


def _title(body: str, start: int, end: int) -> str | None:
    m = re.match(r"\s*[,\-–:]\s*(?P<t>[^()\n;:]{3,120}?)\s*(?=\(|;|,\s*\d|\d{3}|$|\s+hoặc\s|,\s*(?:ĐT|SĐT|điện thoại|email|e-mail))",
                 body[start:end], re.I)
    if not m:
        return None
    title = _label_re().sub("", clean(m.group("t"))).strip(" ,-–:")
    return title if title and title[0].isupper() else None


def _people_before(body: str, anchors: list[re.Match]) -> list[re.Match]:
    """Titled names in the 300 characters before each phone or address, in order, once each."""
    found: dict[int, re.Match] = {}
    for anchor in anchors:
        for m in _person_re().finditer(body, max(0, anchor.start() - 300), anchor.start()):
            found.setdefault(m.start(), m)
    return [found[k] for k in sorted(found)]


def _ner_contacts(text: DocText, flow: Flow, claimed: list[tuple[int, int]],
                  anchors: list[re.Match]) -> list[Contact]:
    """Phones and e-mails no titled person claimed: ask NER for a name just before them."""
    body, out, asked = flow.text, [], 0
    for anchor in anchors:
        if any(s <= anchor.start() < e for s, e in claimed):
            continue
        start = max(0, anchor.start() - 120, body.rfind("\n", 0, anchor.start()) + 1)
        if asked >= _NER_LIMIT or not _TWO_CAPS.search(body, start, anchor.start()):
            continue
        asked += 1
        names = [n for n in _person_names(body[start:anchor.start()])
                 if 2 <= len(n[2].split()) <= 5 and all(is_syllable(w) for w in n[2].split())]
        if not names:
            continue
        n_start, n_end, name = names[-1]
        phone, email, end = _phone_email(body, start + n_end, min(len(body), anchor.end() + 80))
        claimed.append((start + n_start, end))
        out.append(Contact(name, None, phone, email, text.span(start + n_start, end)))
    return out


def _person_names(snippet: str) -> list[tuple[int, int, str]]:
    from extractors import nlp
    return nlp.person_names(snippet)
