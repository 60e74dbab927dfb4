"""Score extracted records against gold records (the rules at the end of RECORD.md).

Scalars are compared after folding (NFC, white space, one space after ",;:", case, tone-mark
placement: "hoà" = "hòa"); a scalar's accuracy is the share of documents where it matches.
Lists are scored by precision, recall and F1 over items matched one to one.

A gold key that is absent, or a gold scalar that is ``null``, was not annotated and is not
scored (the vbpl golds give only type, number and subject; the PDF golds give no place). A gold
record may say which parts it annotates, ``"annotated": ["targets", "references"]``: then only
those are scored, and a list it names but leaves out counts as empty.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from extractors.textkeys import fold  # the comparison key eval scores with (tests import it from here)

SCALARS = (
    "doc_type.name", "doc_type.code", "number.raw", "issued_on", "place", "issuer.name",
    "subject", "signer.name", "signer.title", "signer.authority",
)
LISTS = ("recipients", "distribution", "references", "targets", "periods", "deadlines",
         "events", "contacts", "urls")


def get_path(record: dict, dotted: str) -> tuple[bool, Any]:
    """(present, value) of "signer.name" in a record dict."""
    node: Any = record
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return False, None
        node = node[part]
    return True, node


@dataclass
class ScalarScore:
    matched: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.matched / self.total if self.total else float("nan")


@dataclass
class ListScore:
    true_pos: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.true_pos / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.true_pos / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Miss:
    file: str
    field: str
    expected: Any
    found: Any


@dataclass
class Report:
    documents: int = 0
    scalars: dict[str, ScalarScore] = field(default_factory=dict)
    lists: dict[str, ListScore] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)  # gold files with no prediction


def _syllables(text: Any) -> set[str]:
    return set((fold(text) or "").replace(",", " ").split())


def _target_match(gold: dict, pred: dict) -> bool:
    if (gold.get("value"), fold(gold.get("unit")), gold.get("deadline")) != (
            pred.get("value"), fold(pred.get("unit")), pred.get("deadline")):
        return False
    gs, ps = _syllables(gold.get("indicator")), _syllables(pred.get("indicator"))
    return not gs or len(gs & ps) * 2 >= len(gs)


def _key(*names: str) -> Callable[[dict, dict], bool]:
    def same(gold: Any, pred: Any) -> bool:
        if not names:
            return fold(gold) == fold(pred)
        return all(fold(gold.get(n)) == fold(pred.get(n)) for n in names)
    return same


LIST_MATCHERS: dict[str, Callable[[Any, Any], bool]] = {
    "recipients": _key(), "distribution": _key(), "urls": _key(),
    "references": _key("number"), "targets": _target_match,
    "periods": _key("start", "end"), "events": _key("start", "end"),
    "deadlines": _key("by"), "contacts": _key("name"),
}


def match_items(gold: list, pred: list, same: Callable[[Any, Any], bool]) -> tuple[list, list]:
    """Greedy one-to-one matching in order; returns (gold items missed, predictions unmatched)."""
    free = list(range(len(pred)))
    missed = []
    for item in gold:
        hit = next((i for i in free if same(item, pred[i])), None)
        if hit is None:
            missed.append(item)
        else:
            free.remove(hit)
    return missed, [pred[i] for i in free]


def annotated_parts(gold: dict) -> set[str] | None:
    """The parts a gold record annotates, or None when it does not say (all it gives count)."""
    parts = gold.get("annotated")
    return None if parts is None else {str(p) for p in parts}


def _scored(parts: set[str] | None, path: str) -> bool:
    return parts is None or path in parts or path.split(".")[0] in parts


def score(pairs: list[tuple[str, dict, dict]]) -> Report:
    """Score (file name, gold record, predicted record) triples."""
    report = Report()
    for name, gold, pred in pairs:
        report.documents += 1
        parts = annotated_parts(gold)
        for path in SCALARS:
            present, expected = get_path(gold, path)
            if not present or expected is None or not _scored(parts, path):
                continue
            found = get_path(pred, path)[1]
            cell = report.scalars.setdefault(path, ScalarScore())
            cell.total += 1
            if fold(expected) == fold(found):
                cell.matched += 1
            else:
                report.misses.append(Miss(name, path, expected, found))
        for key in LISTS:
            if parts is not None and key in parts:
                expected = gold.get(key) or []
            elif (key not in gold or gold[key] is None) or not _scored(parts, key):
                continue
            else:
                expected = gold[key]
            found = pred.get(key) or []
            missed, extra = match_items(expected, found, LIST_MATCHERS[key])
            cell = report.lists.setdefault(key, ListScore())
            cell.gold += len(expected)
            cell.predicted += len(found)
            cell.true_pos += len(expected) - len(missed)
            report.misses += [Miss(name, key, m, None) for m in missed]
            report.misses += [Miss(name, key, None, x) for x in extra]
    return report


def load_gold(gold_dir: str | Path) -> dict[str, dict]:
    """Gold records by document stem: ``d01.gold.json`` → "d01"."""
    out = {}
    for path in sorted(Path(gold_dir).glob("*.gold.json")):
        out[path.name[: -len(".gold.json")]] = json.loads(path.read_text(encoding="utf-8"))
    return out


def _short(value: Any) -> str:
    if isinstance(value, dict):
        value = {k: v for k, v in value.items() if k != "span" and v not in (None, "")}
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = json.dumps(value, ensure_ascii=False) if value is not None else "—"
    return text if len(text) <= 160 else text[:157] + "…"


def format_report(report: Report, show_misses: bool = True) -> str:
    """The field table, then every miss with its file name."""
    lines = [f"documents scored: {report.documents}", "",
             f"{'field':<20} {'accuracy':>8} {'n':>5}"]
    for path in SCALARS:
        if path in report.scalars:
            cell = report.scalars[path]
            lines.append(f"{path:<20} {cell.accuracy:>8.3f} {cell.total:>5}")
    if report.lists:
        lines += ["", f"{'list':<20} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}"]
        for key in LISTS:
            if key in report.lists:
                c = report.lists[key]
                lines.append(f"{key:<20} {c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f}"
                             f" {c.gold:>5} {c.predicted:>5}")
    if report.unmatched:
        lines += ["", "gold records with no extracted file: " + ", ".join(report.unmatched)]
    if show_misses and report.misses:
        lines += ["", f"misses ({len(report.misses)}):"]
        for m in report.misses:
            lines.append(f"  {m.file}  {m.field}: expected {_short(m.expected)}  found {_short(m.found)}")
    return "\n".join(lines)
