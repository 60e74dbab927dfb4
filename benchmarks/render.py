"""Rendering benchmark: 1,000 công văn from a CSV, DOCX only and with PDF, beside docxtpl.

    .venv/bin/python benchmarks/render.py                  # 1,000 DOCX, 200 with PDF
    .venv/bin/python benchmarks/render.py --docs 300 --pdf-docs 50

Figures, on one core (the process and its LibreOffice child are pinned to one CPU):
1. docgen DOCX: ``docgen.batch.render_batch`` over the CSV (validation, Jinja, layout, atomic
   write). Target ≥ 100 documents/s. Memory: resident set size sampled every 100 documents;
   "flat" means the last sample is within 10 MB of the one after the first 100.
2. Anchor, in the same run: docxtpl rendering an equivalent Word template of the same content
   (the template is docgen's own first document with its values replaced by Jinja tags, so both
   write the same layout; docxtpl gets every value already formatted).
3. docgen DOCX + PDF: the same batch with ``--pdf`` (one LibreOffice process for all).
   Target ≥ 5 documents/s.
The CSV and outputs are written to a temporary folder.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docgen.batch import render_batch  # noqa: E402
from docgen.render import render_document  # noqa: E402
from docgen.templates import load_template  # noqa: E402
from docgen.vn import nd30_date, so_ky_hieu  # noqa: E402

TARGET_DOCX_S, TARGET_PDF_S = 100.0, 5.0
PLACES = ["Bắc Ninh", "Hà Nội", "Thành phố Hồ Chí Minh", "Đà Nẵng", "Cần Thơ"]
UNITS = ["VP", "TCBC", "CCHC", "CCVC", "TĐKT"]
FIELDS = ["co_quan_chu_quan", "co_quan", "co_quan_viet_tat", "don_vi_viet_tat", "so", "dia_danh", "ngay",
          "trich_yeu", "kinh_gui", "noi_dung", "chuc_vu", "nguoi_ky", "noi_nhan", "luu", "dia_chi"]


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def make_rows(count: int) -> list[dict[str, str]]:
    """Công văn rows with varied values and the same shape (2 recipients, 3 paragraphs)."""
    base = load_template("cong_van").example
    paragraphs = base["noi_dung"].strip().split("\n")
    rows = []
    for i in range(1, count + 1):
        day = dt.date(2025, 1, 1) + dt.timedelta(days=i % 360)
        rows.append({
            "co_quan_chu_quan": base["co_quan_chu_quan"], "co_quan": base["co_quan"],
            "co_quan_viet_tat": base["co_quan_viet_tat"], "don_vi_viet_tat": UNITS[i % len(UNITS)],
            "so": str(i), "dia_danh": PLACES[i % len(PLACES)], "ngay": day.isoformat(),
            "trich_yeu": f"{base['trich_yeu']} (đợt {i})",
            "kinh_gui": f"Các sở, ban, ngành thuộc tỉnh\nỦy ban nhân dân huyện số {i % 12 + 1}",
            "noi_dung": "\n".join(f"{p[:-1]} (văn bản {i})." for p in paragraphs),
            "chuc_vu": base["chuc_vu"], "nguoi_ky": base["nguoi_ky"],
            "noi_nhan": f"Giám đốc, các Phó Giám đốc Sở\nPhòng số {i % 7 + 1}", "luu": UNITS[(i + 2) % len(UNITS)],
            "dia_chi": base["dia_chi"][0],
        })
    return rows


def write_csv(rows: list[dict[str, str]], path: Path) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    return path


# ---- docgen ----------------------------------------------------------------------------------

def docgen_batch(csv_path: Path, out: Path, pdf: bool) -> tuple[float, int, list[float]]:
    samples: list[float] = []

    def sample(n: int) -> None:
        if n % 100 == 0:
            samples.append(rss_mb())

    start = time.perf_counter()
    result = render_batch("cong_van", csv_path, out, pdf=pdf, on_row=sample)
    seconds = time.perf_counter() - start
    if result.failures:
        raise SystemExit(f"{len(result.failures)} rows failed: {result.failures[0]}")
    return seconds, len(result.pdfs) if pdf else len(result.written), samples


# ---- docxtpl anchor --------------------------------------------------------------------------

SENTINELS = {
    "co_quan_chu_quan": "XCQCQX", "co_quan": "XCOQUANX", "co_quan_viet_tat": "XCQVTX", "don_vi_viet_tat": "XDVX",
    "so": 1, "dia_danh": "XDIADANHX", "ngay": "2000-01-01", "trich_yeu": "XTRICHYEUX",
    "kinh_gui": ["XKG1X", "XKG2X"], "noi_dung": "XP1X\nXP2X\nXP3X", "chuc_vu": "XCHUCVUX", "nguoi_ky": "XNGUOIKYX",
    "noi_nhan": ["XNN1X", "XNN2X"], "luu": "XLUUX", "dia_chi": ["XDIACHIX"],
}
TAGS = [
    (re.compile(r"Số: 01/XCQVTX-XDVX"), "Số: {{ so_ky_hieu }}"),
    (re.compile(r"XDIADANHX, ngày 01 tháng 01 năm 2000"), "{{ dia_danh_ngay }}"),
    (re.compile(r"XP3X\./\."), "{{ p3 }}./."),
    (re.compile(r"X(CQCQ|COQUAN|TRICHYEU|KG1|KG2|P1|P2|CHUCVU|NGUOIKY|NN1|NN2|LUU|DIACHI)X"),
     lambda m: "{{ " + m.group(1).lower() + " }}"),
]


def docxtpl_template(path: Path) -> Path:
    """docgen's công văn with sentinel values, each value then replaced by a Jinja tag."""
    import docx

    render_document("cong_van", SENTINELS, path)
    document = docx.Document(str(path))
    parts = [document.element, document.sections[0].first_page_footer._element]
    for part in parts:
        for t in part.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"):
            for pattern, tag in TAGS:
                t.text = pattern.sub(tag, t.text or "")
    document.save(str(path))
    return path


def docxtpl_context(row: dict[str, str]) -> dict[str, str]:
    """Every value formatted in Python beforehand (docxtpl has no ND30 rules of its own)."""
    kinh_gui, noi_nhan = row["kinh_gui"].split("\n"), row["noi_nhan"].split("\n")
    p1, p2, p3 = row["noi_dung"].split("\n")
    return {
        "so_ky_hieu": so_ky_hieu(int(row["so"]), None, row["co_quan_viet_tat"], row["don_vi_viet_tat"]),
        "dia_danh_ngay": f"{row['dia_danh']}, {nd30_date(row['ngay'])}",
        "cqcq": row["co_quan_chu_quan"].upper(), "coquan": row["co_quan"].upper(), "trichyeu": row["trich_yeu"],
        "kg1": kinh_gui[0], "kg2": kinh_gui[1], "p1": p1, "p2": p2, "p3": p3.rstrip("."),
        "chucvu": row["chuc_vu"].upper(), "nguoiky": row["nguoi_ky"], "nn1": noi_nhan[0], "nn2": noi_nhan[1],
        "luu": row["luu"], "diachi": row["dia_chi"],
    }


def docxtpl_batch(template: Path, rows: list[dict[str, str]], out: Path) -> tuple[float, list[float]]:
    from docxtpl import DocxTemplate

    out.mkdir(parents=True, exist_ok=True)
    samples = []
    start = time.perf_counter()
    with open(out.parent / "rows-docxtpl.csv", encoding="utf-8") as handle:
        for n, row in enumerate(csv.DictReader(handle), start=1):
            document = DocxTemplate(str(template))
            document.render(docxtpl_context(row))
            document.save(str(out / f"{n:04d}.docx"))
            if n % 100 == 0:
                samples.append(rss_mb())
    return time.perf_counter() - start, samples


# ---- report ----------------------------------------------------------------------------------

def memory_note(samples: list[float]) -> str:
    if len(samples) < 2:
        return "-"
    growth = samples[-1] - samples[0]
    return f"{samples[0]:.0f}→{samples[-1]:.0f} MB ({'flat' if abs(growth) <= 10 else 'GROWS'})"


def row(label: str, docs: int, seconds: float, target: str, memory: str) -> str:
    return f"{label:<26} {docs:>6} {seconds:>9.2f} {docs / seconds:>9.1f}  {target:<8} {memory}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents of the DOCX runs")
    parser.add_argument("--pdf-docs", type=int, default=200, help="documents of the PDF run (0: skip)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    with tempfile.TemporaryDirectory(prefix="docgen-bench-render-") as tmp:
        tmp = Path(tmp)
        rows = make_rows(args.docs)
        csv_path = write_csv(rows, tmp / "rows.csv")
        write_csv(rows, tmp / "rows-docxtpl.csv")
        docgen_batch(write_csv(rows[:20], tmp / "warm.csv"), tmp / "warm", False)  # imports, caches
        seconds, docs, samples = docgen_batch(csv_path, tmp / "docgen", False)
        lines = [row("docgen DOCX", docs, seconds, f"≥{TARGET_DOCX_S:.0f}/s", memory_note(samples))]
        template = docxtpl_template(tmp / "docxtpl-cong_van.docx")
        anchor_seconds, anchor_samples = docxtpl_batch(template, rows, tmp / "docxtpl")
        lines.append(row("docxtpl DOCX (anchor)", args.docs, anchor_seconds, "-", memory_note(anchor_samples)))
        if args.pdf_docs:
            pdf_csv = write_csv(rows[:args.pdf_docs], tmp / "rows-pdf.csv")
            pdf_seconds, pdfs, pdf_samples = docgen_batch(pdf_csv, tmp / "docgen-pdf", True)
            lines.append(row("docgen DOCX + PDF", pdfs, pdf_seconds, f"≥{TARGET_PDF_S:.0f}/s", memory_note(pdf_samples)))
    print(f"render benchmark: công văn from a CSV, one core ({time.strftime('%Y-%m-%d %H:%M')})")
    print(f"{'run':<26} {'docs':>6} {'seconds':>9} {'docs/s':>9}  {'target':<8} memory (RSS every 100 docs)")
    for line in lines:
        print(line)
    print(f"docgen is {anchor_seconds / seconds:.1f}× the speed of docxtpl on the same content")


if __name__ == "__main__":
    main()
