"""Targets benchmark: the annotated gold of tests/gold/targets, scored by kind of document.

    .venv/bin/python benchmarks/targets.py              # texts, dev PDFs and scanned texts
    .venv/bin/python benchmarks/targets.py --only text  # text | pdf | scans

Prints, per set and per kind of document (the gold files' ``_kind``): documents, targets
P/R/F1 (RECORD.md matching: value + unit + deadline + half the indicator's syllables),
deadlines and events F1 where annotated, and the most targets found in one document that sets
none. Sets:
1. own — texts the rules were written with; heldout — texts written after them; the seed texts
   (../shared gold); the vbpl.vn texts of rules annotated for targets (looked at while writing
   the cues).
2. dev PDFs — the TUNE PDFs of the dev corpus (targets annotated; OCR, so set
   DOCGEN_OCR_CACHE to reuse tesseract's output), and d19 of dev/plans.
3. scans — the own and held-out texts printed (LibreOffice) and scanned poorly (turned, blurred,
   specked JPEG), read back through OCR and scored against the same gold.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GOLD = ROOT / "tests" / "gold" / "targets"
DEV = ROOT.parent / "shared" / "corpus" / "dev"
LISTS = ("targets", "deadlines", "events")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["text", "pdf", "scans"])
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    if args.only in (None, "text"):
        text_section()
    if args.only in (None, "pdf"):
        pdf_section(args.jobs)
    if args.only in (None, "scans"):
        scans_section(args.jobs)


def _gold(folder: Path) -> dict[str, dict]:
    return {p.name[: -len(".gold.json")]: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(folder.glob("*.gold.json"))}


def _scored(gold: dict[str, dict], inputs: dict[str, Path], jobs: int, kind: str | None = None):
    from extractors.batch import extract_many
    from extractors.pipeline import ExtractOptions

    names = [n for n in gold if n in inputs]
    pairs = []
    for path, result in extract_many([inputs[n] for n in names], ExtractOptions(), jobs):
        name = path.name.rsplit(".", 1)[0]
        record = {} if isinstance(result, Exception) else result.to_dict()
        pairs.append((name, gold[name], record, kind or gold[name].get("_kind", "?")))
    return pairs


def table(title: str, pairs) -> None:
    from extractors.evaluate import score

    print(f"\n{title}")
    print(f"{'kind of document':<52}{'docs':>5}{'targets P':>11}{'R':>7}{'F1':>7}{'gold':>6}"
          f"{'deadl. F1':>11}{'events F1':>11}{'max false':>11}")
    groups: dict[str, list] = defaultdict(list)
    for name, gold, pred, kind in pairs:
        groups[kind].append((name, gold, pred))
    for kind in sorted(groups) + ["all"]:
        members = [p for k in groups for p in groups[k]] if kind == "all" else groups[kind]
        report = score([(n, g, p) for n, g, p in members])
        t = report.lists.get("targets")
        cells = [f"{t.precision:>11.3f}{t.recall:>7.3f}{t.f1:>7.3f}{t.gold:>6}" if t else f"{'–':>31}"]
        for key in ("deadlines", "events"):
            c = report.lists.get(key)
            cells.append(f"{c.f1:>11.3f}" if c and (c.gold or c.predicted) else f"{'–':>11}")
        empty = [len(p.get("targets") or []) for _, g, p in members if g.get("targets") == []]
        cells.append(f"{max(empty):>11}" if empty else f"{'–':>11}")
        print(f"{kind:<52}{len(members):>5}" + "".join(cells))


def text_section() -> None:
    own = _texts(GOLD / "own")
    table("1a. Texts the rules were written with (tests/gold/targets/own)", _scored(_gold(GOLD / "own"), own, 1))
    held = _texts(GOLD / "heldout")
    table("1b. Texts written after the rules (tests/gold/targets/heldout)",
          _scored(_gold(GOLD / "heldout"), held, 1))
    if not DEV.is_dir():
        print("\n(../shared absent: the seed and vbpl sets are skipped)")
        return
    seeds = {p.stem: p for p in (DEV / "seeds").glob("*.txt")}
    table("1c. Seed texts (../shared gold, every list annotated)",
          _scored(_gold(DEV / "seeds"), seeds, 1, "seed texts"))
    vbpl = {p.stem: p for p in (DEV / "vbpl").glob("*.txt")}
    table("1d. vbpl.vn texts of rules, targets annotated (looked at while writing the cues)",
          _scored(_gold(GOLD / "dev" / "vbpl"), vbpl, 1))


def _texts(folder: Path) -> dict[str, Path]:
    return {p.stem: p for p in folder.iterdir() if p.suffix in (".txt", ".md")}


def pdf_section(jobs: int) -> None:
    if not DEV.is_dir():
        print("\n2. Dev PDFs: skipped (../shared absent)")
        return
    pdfs = {p.stem: p for p in (DEV / "pdf").glob("*.pdf")}
    pairs = _scored(_gold(GOLD / "dev" / "pdf"), pdfs, jobs)
    pairs += _scored(_gold(DEV / "plans"), pdfs, jobs, "dev plan d19 (../shared gold)")
    table("2. Dev PDFs, TUNE files (targets annotated; d19 of dev/plans)", pairs)


def scans_section(jobs: int) -> None:
    from tests.fields.scanned_plans import scanned

    texts = sorted(_texts(GOLD / "own").values()) + sorted(_texts(GOLD / "heldout").values())
    gold = {**_gold(GOLD / "own"), **_gold(GOLD / "heldout")}
    with tempfile.TemporaryDirectory(prefix="docgen-targets-") as tmp:
        scans = {p.stem: p for p in scanned(texts, Path(tmp))}
        pairs = _scored(gold, scans, jobs)
    held = {p.stem for p in _texts(GOLD / "heldout").values()}
    pairs = [(n, g, p, ("held-out · " if n in held else "own · ") + k) for n, g, p, k in pairs]
    table("3. The same texts printed and scanned poorly, read through OCR", pairs)


if __name__ == "__main__":
    main()
