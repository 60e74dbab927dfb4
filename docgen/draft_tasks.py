"""The bodies an issued document gives tasks to: the recipients of a dispatch drafted from it.

A plan or a conclusion assigns work in two ways: "giao Sở Tài chính chủ trì, …" anywhere in a
sentence, or a numbered item that opens with the body ("2. Sở Nội vụ (Ban Thi đua - Khen
thưởng):", "3. Các cơ quan, đơn vị, địa phương thuộc Thành phố:"). When the document has a
"TỔ CHỨC THỰC HIỆN" part, only that part is read.

    >>> assignees("3. Giao Sở Nội vụ tiếp thu các ý kiến, chủ trì …")
    ['Sở Nội vụ']
"""
from __future__ import annotations

import functools
import re
import tomllib
from pathlib import Path

from extractors.fields.agencies import agency_at

DATA_FILE = Path(__file__).resolve().parent / "data" / "draft.toml"
ITEM = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.|[a-zđ]\)|[-+•])\s+")
ROMAN_HEADING = re.compile(r"^\s*[IVXLC]+\.\s+(?P<title>.+)$")
END_OF_BODY = re.compile(r"^\s*Nơi\s+nhận\b", re.IGNORECASE)


def is_heading(line: str) -> bool:
    """A Roman-numbered part heading in capitals: "V. TỔ CHỨC THỰC HIỆN"."""
    match = ROMAN_HEADING.match(line)
    return bool(match) and match["title"].upper() == match["title"]


@functools.cache
def words() -> dict:
    with open(DATA_FILE, "rb") as handle:
        return tomllib.load(handle)


def _alternation(items: list[str]) -> str:
    return "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))


def _dangling() -> re.Pattern[str]:
    """A group cut by its verb: "…, các doanh nghiệp" at the end of a name is dropped."""
    nouns = _alternation(words()["tasks"]["group_nouns"])
    return re.compile(rf"(?:,|\s+và)\s+các\s+(?:{nouns})$")


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    tasks = words()["tasks"]
    assign = _alternation(tasks["assign"])
    start = rf"(?:{_alternation(tasks['heads'])})\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ]|[Cc]ác\s+(?:{_alternation(tasks['group_nouns'])})\b"
    return {
        "assign": re.compile(rf"(?<!\w)(?:{assign})\s+", re.IGNORECASE),
        "anywhere": re.compile(rf"(?<!\w)(?:{_alternation(tasks['assign_anywhere'])})\s+", re.IGNORECASE),
        "start": re.compile(start),
        "verb": re.compile(rf"\s+(?:{_alternation(tasks['verbs'])})(?!\w)|\s*[:;.]\s|\s*[:;.]$"),
    }


def task_part(text: str) -> str:
    """The content before "Nơi nhận"; only its "TỔ CHỨC THỰC HIỆN" part when it has one."""
    lines = text.replace("\f", "\n").split("\n")
    lines = lines[: next((i for i, l in enumerate(lines) if END_OF_BODY.match(l)), len(lines))]
    marker = words()["tasks"]["section"]
    start = next((i for i, l in enumerate(lines) if marker in l.upper() and is_heading(l)), None)
    if start is None:
        return "\n".join(lines)
    end = next((i for i in range(start + 1, len(lines)) if is_heading(lines[i])), len(lines))
    return "\n".join(lines[start + 1:end])


def _paragraphs(text: str) -> list[str]:
    """Wrapped lines joined back into items: a new one starts at each numbered line."""
    items: list[str] = []
    for line in text.split("\n"):
        if not items or ITEM.match(line) or is_heading(line):
            items.append(line.strip())
        else:
            items[-1] = f"{items[-1]} {line.strip()}"
    return [i for i in items if i]


def name_at(text: str, pos: int) -> str | None:
    """The body's name that starts at ``pos``: up to the verb or punctuation that ends it."""
    agency_end = agency_at(text, pos)
    if agency_end is None and not _patterns()["start"].match(text, pos):
        return None
    end = _patterns()["verb"].search(text, agency_end or pos)
    name = text[pos: end.start() if end else len(text)].strip(" ,")
    name = re.sub(r"(,\s*|\s+và\s*)$", "", name)
    name = _dangling().sub("", name)
    if not name or len(name.split()) > words()["tasks"]["max_words"]:
        return None
    return name[0].upper() + name[1:]


def assignees(text: str) -> list[str]:
    """Every body given a task in ``text``, once each, in order of first mention."""
    found: list[str] = []
    for item in _paragraphs(task_part(text)):
        body = ITEM.sub("", item, count=1)
        for pos in _starts(body):
            name = name_at(body, pos)
            if name and not any(f.lower().startswith(name.lower()) for f in found):
                found.append(name)
    return found


def _starts(item: str) -> list[int]:
    """Where a body's name may start: the item's first word, and after "giao", "đề nghị" …"""
    starts = [0]
    assign = _patterns()["assign"].match(item)
    if assign:
        starts = [assign.end()]
    starts += [m.end() for m in _patterns()["anywhere"].finditer(item) if m.end() not in starts]
    return [p for p in starts if p < len(item) and (item[p].isupper() or item.startswith("các ", p))]
