"""Handwritten numbers and days: how many are read, and how many of those read are right.

    .venv/bin/python benchmarks/handwriting.py                 # dev PDFs and generated forms
    .venv/bin/python benchmarks/handwriting.py --only dev      # dev | generated
    .venv/bin/python benchmarks/handwriting.py --samples 200 --seed 7

Every file is extracted once with the threshold at 0, so that each handwritten value
carries the value and confidence it would have at any threshold; the tables then count,
for the threshold in force (``DEFAULT_THRESHOLD``) and a few around it:
- handwritten: values the record marks handwritten (number; day or month of the date);
- filled: those whose confidence reaches the threshold, i.e. that the record gives;
- right: filled values equal to the gold (the number's digits; the whole date);
- precision = right / filled (the target: at least 95 % on scans not tuned on);
- coverage = right / handwritten.
1. The dev PDFs (../shared/corpus/dev/pdf), TUNE (d01–d12 and the odd d13–d39) and
   HELD-OUT (the even d14–d40) apart, with number.raw and issued_on accuracy over all
   files of each part.
2. Generated forms (``tests/readers/handforms.py``): seven types rendered for six issuers,
   with digits drawn as pen strokes or in Debian's handwriting fonts, blue or black,
   felt tip or ballpoint, scanned poorly; strokes and fonts apart.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEV_PDF = ROOT.parent / "shared" / "corpus" / "dev" / "pdf"
TUNE = [f"d{i:02d}" for i in range(1, 13)] + [f"d{i}" for i in range(13, 41, 2)]
HELD_OUT = [f"d{i}" for i in range(14, 41, 2)]
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)
SHOW_MISSES = False
TYPES = ("cong_van", "to_trinh", "quyet_dinh", "bao_cao", "thong_bao", "ke_hoach", "chi_thi")


@dataclass(frozen=True)
class Value:
    """One handwritten value: its confidence and whether the value read is right."""

    kind: str  # number | date
    confidence: float
    right: bool
    note: str = ""  # file, value read and gold, for --misses


def main() -> None:
    from extractors.fields.handwritten import DEFAULT_THRESHOLD

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["dev", "generated"])
    parser.add_argument("--samples", type=int, default=120, help="generated forms")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--misses", action="store_true", help="list wrong values read")
    args = parser.parse_args()
    global SHOW_MISSES
    SHOW_MISSES = args.misses
    print(f"threshold in force: {DEFAULT_THRESHOLD:.2f}")
    if args.only in (None, "dev"):
        if not DEV_PDF.is_dir():
            sys.exit(f"needs the development corpus at {DEV_PDF}")
        dev_section(args.jobs, DEFAULT_THRESHOLD)
    if args.only in (None, "generated"):
        generated_section(args.samples, args.seed, args.jobs, DEFAULT_THRESHOLD)


# ---- scoring ------------------------------------------------------------------------------
def values_of(record: dict, number: str | None, issued_on: str | None, name: str = "") -> list[Value]:
    """The handwritten values of ``record`` (extracted at threshold 0) against the gold."""
    out = []
    num = record["number"]
    if num.get("handwritten") and num.get("confidence") is not None:
        right = number is not None and num["number"] is not None and num["number"] == int(number)
        out.append(Value("number", num["confidence"], right,
                         f"{name}: number {num['number']} (gold {number})"))
    issued = record.get("issued") or {}
    if issued.get("handwritten") and issued.get("confidence") is not None:
        out.append(Value("date", issued["confidence"], record["issued_on"] == issued_on,
                         f"{name}: date {record['issued_on']} (gold {issued_on})"))
    return out


def table(title: str, values: list[Value], chosen: float) -> None:
    print(f"\n{title}")
    print(f"{'threshold':<11}{'kind':<8}{'handwritten':>12}{'filled':>8}{'right':>7}"
          f"{'precision':>11}{'coverage':>10}")
    for threshold in sorted(set(THRESHOLDS) | {chosen}):
        for kind in ("number", "date", "all"):
            group = [v for v in values if kind in ("all", v.kind)]
            filled = [v for v in group if v.confidence >= threshold]
            right = sum(v.right for v in filled)
            precision = f"{right / len(filled):.3f}" if filled else "–"
            coverage = f"{right / len(group):.3f}" if group else "–"
            mark = "*" if threshold == chosen else " "
            print(f"{mark}{threshold:<10.2f}{kind:<8}{len(group):>12}{len(filled):>8}{right:>7}"
                  f"{precision:>11}{coverage:>10}")
    if SHOW_MISSES:
        for v in sorted(values, key=lambda v: -v.confidence):
            if not v.right and v.confidence >= min(THRESHOLDS):
                print(f"   wrong at {v.confidence:.2f}: {v.note}")


def extract_all(paths: list[Path], jobs: int) -> dict[str, dict]:
    from extractors.batch import extract_many
    from extractors.pipeline import ExtractOptions

    options = ExtractOptions(deep=False, hand_threshold=0.0)
    out = {}
    for path, result in extract_many(paths, options, jobs):
        if isinstance(result, Exception):
            print(f"   {path.name}: {result}")
            continue
        out[Path(path).stem] = result.to_dict()
    return out


# ---- 1. dev PDFs --------------------------------------------------------------------------
def dev_section(jobs: int, chosen: float) -> None:
    names = TUNE + HELD_OUT
    records = extract_all([DEV_PDF / f"{n}.pdf" for n in names], jobs)
    for part, members in (("TUNE", TUNE), ("HELD-OUT", HELD_OUT)):
        values, hits = [], {"number.raw": 0, "issued_on": 0}
        for name in members:
            gold = json.loads((DEV_PDF / f"{name}.gold.json").read_text(encoding="utf-8"))
            record = records.get(name)
            if record is None:
                continue
            digits = ((gold["number"] or {}).get("raw") or "").split("/")[0] or None
            found = values_of(record, digits, gold.get("issued_on"), name)
            values += found
            at = _at_threshold(record, chosen)
            hits["number.raw"] += at["number"] == (gold["number"] or {}).get("raw")
            hits["issued_on"] += at["issued_on"] == gold.get("issued_on")
        table(f"1. dev PDFs, {part} ({len(members)} files): handwritten values", values, chosen)
        print(f"   at {chosen:.2f}: number.raw {hits['number.raw'] / len(members):.3f}, "
              f"issued_on {hits['issued_on'] / len(members):.3f} over all {len(members)} files")


def _at_threshold(record: dict, threshold: float) -> dict:
    """number.raw and issued_on as the record would give them at ``threshold``."""
    num, issued = record["number"], record.get("issued") or {}
    raw, date = num["raw"], record["issued_on"]
    if num.get("handwritten") and (num.get("confidence") or 0) < threshold and num["symbol"]:
        raw = f"/{num['symbol']}"
    if issued.get("handwritten") and (issued.get("confidence") or 0) < threshold and date:
        date = date[:7] if len(date) == 10 else None
    return {"number": raw, "issued_on": date}


# ---- 2. generated forms -------------------------------------------------------------------
def generated_section(samples: int, seed: int, jobs: int, chosen: float) -> None:
    from tests.readers.handforms import hand_form, styles

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="docgen-hand-") as tmp:
        tmp = Path(tmp)
        forms = render_forms(tmp)
        made = []
        style_list = styles()
        for i in range(samples):
            made.append(hand_form(forms[i % len(forms)], tmp, rng, style_list[i % len(style_list)]))
        records = extract_all([s.path for s in made], jobs)
        groups: dict[str, list[Value]] = {"strokes": [], "fonts": []}
        for sample in made:
            record = records.get(sample.path.stem)
            if record is None:
                continue
            gold_date = f"{sample.year:04d}-{sample.month:02d}-{sample.day:02d}"
            found = values_of(record, sample.number, gold_date, sample.path.stem)
            groups["strokes" if sample.style == "strokes" else "fonts"].extend(found)
        print(f"\n2. generated forms: {len(made)} scans of {len(forms)} rendered forms, "
              f"styles {', '.join(style_list)}")
        table("   digits drawn as pen strokes", groups["strokes"], chosen)
        table("   digits in handwriting fonts", groups["fonts"], chosen)
        table("   all", groups["strokes"] + groups["fonts"], chosen)


def render_forms(tmp: Path) -> list[Path]:
    """The seven types for the six issuers of the variant round trip, with placeholders."""
    from docgen.pdf import convert_to_pdf
    from docgen.render import render_document
    from tests.readers.handforms import placeholder_data
    from tests.render.test_variant_roundtrip import ISSUERS, variant

    docx = []
    for type_name in TYPES:
        for issuer in ISSUERS:
            data, _ = variant(type_name, issuer, 1)
            docx.append(render_document(type_name, placeholder_data(data),
                                        tmp / f"{type_name}-{issuer}.docx"))
    return sorted(convert_to_pdf(docx, tmp))


if __name__ == "__main__":
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    main()
