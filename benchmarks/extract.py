"""Extraction benchmark: speed of the text path and of OCR, and memory on a long PDF.

    .venv/bin/python benchmarks/extract.py               # everything (a few minutes)
    .venv/bin/python benchmarks/extract.py --only text   # text | ocr | memory
    .venv/bin/python benchmarks/extract.py --scan-files 2

Each figure is printed beside its anchor, measured in the same run on the same files:
1. Born-digital PDFs, pages per second on one core, end to end through
   ``extractors.extract`` (and the readers alone), beside raw pypdfium2 ``get_text_range``
   and raw pdfplumber ``extract_text``. Files: the dev corpus's text PDFs and long copies
   of them made with qpdf (every page keeps its signature widgets). Target ≥ 100 pages/s.
   Beside it, extraction of the header fields only ("header", ``--no-deep``): the deep
   fields (references, targets, …) may add at most 50 % to that time.
2. Scans, pages per minute through ``extract_many`` with --jobs 1 and --jobs 2 (process
   pool), beside the plain ``tesseract`` command (one thread, the same 300 DPI page images
   as PNG and as PGM files, rendered beforehand and not timed). Wall time and CPU time
   (this process and its children) are both shown; the machine may be shared, so the
   target — jobs 1 costs at most 30 % more than plain tesseract, with the engine's LSTM
   choices (hOCR), the handwritten-digit recogniser and the correction stage included
   (issue 10) — is judged on CPU time. Beside it, the CPU time of the correction stage alone
   on the same pages, and the recogniser's own share (model loading and the crops it reads).
3. Peak memory (VmHWM of a fresh child process) reading a 500-page PDF, beside a child
   that only imports the package. Target < 300 MB.
Files of ../shared are read in place; copies are built in a temporary folder.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEV_PDF = ROOT.parent / "shared" / "corpus" / "dev" / "pdf"
TEXT_PDFS = ["d06.pdf", "d11.pdf"]
SCAN_PDFS = ["d03.pdf", "d09.pdf", "d10.pdf", "d12.pdf", "d08.pdf", "d02.pdf"]
TARGET_TEXT_PAGES_S = 100.0
TARGET_OCR_OVERHEAD = 0.30
TARGET_MEMORY_MB = 300.0
TARGET_DEEP_SHARE = 0.50
PLUMBER_SAMPLE_PAGES = 20  # pdfplumber is slow: its rate is measured on the first pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["text", "ocr", "memory"])
    parser.add_argument("--runs", type=int, default=3, help="best of N timings (text path)")
    parser.add_argument("--scan-files", type=int, default=4, help="scanned dev PDFs to OCR")
    args = parser.parse_args()
    if not DEV_PDF.is_dir():
        sys.exit(f"needs the development corpus at {DEV_PDF}")
    os.environ.pop("DOCGEN_OCR_CACHE", None)  # timings of real engine runs, never of the cache
    with tempfile.TemporaryDirectory(prefix="docgen-bench-") as tmp:
        tmp = Path(tmp)
        if args.only in (None, "text"):
            text_section(tmp, args.runs)
        if args.only in (None, "ocr"):
            ocr_section(tmp, SCAN_PDFS[:args.scan_files])
        if args.only in (None, "memory"):
            memory_section(tmp)


# ---- 1. born-digital ---------------------------------------------------------------------
def multiplied(tmp: Path, name: str, copies: int) -> Path:
    """``name`` repeated ``copies`` times into one PDF with qpdf."""
    out = tmp / f"{Path(name).stem}x{copies}.pdf"
    if not out.exists():
        source = str(DEV_PDF / name)
        subprocess.run(["qpdf", "--empty", "--pages", *([source] * copies), "--", str(out)],
                       check=True, capture_output=True)
    return out


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def best_time(fn, runs: int) -> float:
    """Best CPU time of this process over ``runs`` calls: the machine may be shared, and
    the target is per core."""
    fn()  # warm caches (imports, fonts) once; the best of the next runs counts
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def raw_pdfium(path: Path) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    for index in range(len(pdf)):
        page = pdf[index]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()


def raw_plumber(path: Path, limit: int) -> int:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        pages = pdf.pages[:limit]
        for page in pages:
            page.extract_text()
            page.close()
        return len(pages)


def text_section(tmp: Path, runs: int) -> None:
    import extractors
    from extractors.pipeline import ExtractOptions
    from extractors.readers import read

    header_only = ExtractOptions(deep=False)

    files = [DEV_PDF / n for n in TEXT_PDFS] + [multiplied(tmp, "d06.pdf", 50),
                                                 multiplied(tmp, "d11.pdf", 100)]
    print("\n1. Born-digital PDFs, pages per CPU second of one process (best of %d)" % runs)
    print(f"{'file':<14}{'pages':>6}{'extract':>10}{'header':>10}{'read':>10}{'pypdfium2':>11}"
          f"{'pdfplumber':>12}{'deep +%':>9}")
    totals = {"extract": 0.0, "header": 0.0, "read": 0.0, "pdfium": 0.0, "plumber": 0.0}
    pages_total, plumber_pages = 0, 0
    for path in files:
        pages = page_count(path)
        t_extract = best_time(lambda: extractors.extract(path), runs)
        t_header = best_time(lambda: extractors.extract(path, header_only), runs)
        t_read = best_time(lambda: read(path), runs)
        t_pdfium = best_time(lambda: raw_pdfium(path), runs)
        start = time.process_time()
        sampled = raw_plumber(path, PLUMBER_SAMPLE_PAGES)
        t_plumber = time.process_time() - start
        pages_total += pages
        plumber_pages += sampled
        for key, value in (("extract", t_extract), ("header", t_header), ("read", t_read),
                           ("pdfium", t_pdfium), ("plumber", t_plumber)):
            totals[key] += value
        print(f"{path.name:<14}{pages:>6}{pages / t_extract:>10.1f}{pages / t_header:>10.1f}"
              f"{pages / t_read:>10.1f}{pages / t_pdfium:>11.1f}{sampled / t_plumber:>12.1f}"
              f"{_deep_share(t_extract, t_header):>9.0%}")
    rate = pages_total / totals["extract"]
    deep = _deep_share(totals["extract"], totals["header"])
    print(f"{'all':<14}{pages_total:>6}{rate:>10.1f}{pages_total / totals['header']:>10.1f}"
          f"{pages_total / totals['read']:>10.1f}{pages_total / totals['pdfium']:>11.1f}"
          f"{plumber_pages / totals['plumber']:>12.1f}{deep:>9.0%}")
    verdict = "met" if rate >= TARGET_TEXT_PAGES_S else "NOT met"
    print(f"target ≥ {TARGET_TEXT_PAGES_S:.0f} pages/s end to end: {verdict} ({rate:.1f})"
          f"; pdfplumber rate on the first {PLUMBER_SAMPLE_PAGES} pages of each file")
    verdict = "met" if deep <= TARGET_DEEP_SHARE else "NOT met"
    print(f"target: the deep fields add at most {TARGET_DEEP_SHARE:.0%} to header extraction "
          f"(extract without them, 'header'): {verdict} (+{deep:.0%})")


def _deep_share(with_deep: float, header_only: float) -> float:
    """How much the deep fields add to the time of header extraction."""
    return (with_deep - header_only) / header_only


# ---- 2. scans ------------------------------------------------------------------------------
def ocr_section(tmp: Path, names: list[str]) -> None:
    from extractors.batch import extract_many
    from extractors.pipeline import ExtractOptions
    from extractors.readers.ocr import DPI, LANGUAGE, tesseract_path

    exe = tesseract_path()
    if exe is None:
        print("\n2. Scans: skipped, tesseract is not installed")
        return
    paths = [DEV_PDF / n for n in names]
    pages = sum(page_count(p) for p in paths)
    images = render_images(tmp, paths, DPI)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    timings = {}
    for kind in ("png", "pgm"):
        wall, cpu = time.perf_counter(), cpu_seconds()
        for image in images:
            subprocess.run([exe, str(image.with_suffix("." + kind)), "stdout", "-l", LANGUAGE,
                            "--psm", "3", "--dpi", str(DPI), "tsv"],
                           check=True, capture_output=True, env=env)
        timings[kind] = (time.perf_counter() - wall, cpu_seconds() - cpu)
    options = ExtractOptions(ocr="auto")
    list(extract_many([DEV_PDF / TEXT_PDFS[0]], options, 1))  # imports and caches, not timed
    for jobs in (1, 2):
        wall, cpu = time.perf_counter(), cpu_seconds()
        failures = [r for _, r in extract_many(paths, options, jobs) if isinstance(r, Exception)]
        timings[jobs] = (time.perf_counter() - wall, cpu_seconds() - cpu)
        if failures:
            print(f"   jobs {jobs}: {len(failures)} file(s) failed: {failures[0]}")
    print(f"\n2. Scans: {len(paths)} files, {pages} pages, {DPI} DPI")
    print(f"{'run':<34}{'wall s':>8}{'pages/min':>11}{'CPU s':>8}{'pages/CPU min':>15}")
    names = {"png": "plain tesseract, PNG files", "pgm": "plain tesseract, PGM files",
             1: "docgen extract --jobs 1", 2: "docgen extract --jobs 2"}
    for key, (seconds, cpu) in timings.items():
        print(f"{names[key]:<34}{seconds:>8.1f}{pages / seconds * 60:>11.1f}"
              f"{cpu:>8.1f}{pages / cpu * 60:>15.1f}")
    stage = correction_seconds(paths)
    print(f"{'of which the correction stage':<34}{'':>8}{'':>11}{stage:>8.1f}"
          f"{'':>15}  ({stage / timings[1][1]:.1%} of jobs 1)")
    anchor = min(timings["png"][1], timings["pgm"][1])  # the cheaper input is the anchor
    overhead = timings[1][1] / anchor - 1
    verdict = "met" if overhead <= TARGET_OCR_OVERHEAD else "NOT met"
    print_recogniser_share(timings[1][1])
    print(f"target: jobs 1 costs at most {TARGET_OCR_OVERHEAD:.0%} more CPU than plain tesseract"
          f" on its cheaper input: {verdict} ({overhead:+.1%});"
          f" jobs 2 speed-up ×{timings[1][0] / timings[2][0]:.2f} (wall) on {os.cpu_count()} cores,"
          f" shared with whatever else runs")


def correction_seconds(paths: list[Path]) -> float:
    """CPU seconds of the correction stage alone over the files' OCR'd pages (read once,
    untimed, then corrected in a fresh model load as a batch's first file pays it)."""
    from extractors.correct import lm
    from extractors.correct.stage import correct_document
    from extractors.normalize import normalize_document
    from extractors.readers import read

    raws = [normalize_document(read(str(p))) for p in paths]
    lm._load_default.cache_clear()
    start = time.process_time()
    for raw in raws:
        correct_document(raw)
    return time.process_time() - start


def print_recogniser_share(total_cpu: float) -> None:
    """CPU time the handwritten-digit recogniser took in this process (the jobs 1 run)."""
    from extractors.readers import digits

    model = digits._LOADED.get(os.environ.get(digits.ENV, ""))
    if not isinstance(model, digits.Recogniser):
        print("handwritten-digit recogniser: not loaded")
        return
    spent = model.load_seconds + model.seconds
    print(f"of jobs 1, the handwritten-digit recogniser: {spent:.2f} s CPU ({spent / total_cpu:.1%}):"
          f" loading {model.load_seconds:.2f} s once, {model.looks} crops read in {model.seconds:.2f} s")


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (tesseract, pool workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def render_images(tmp: Path, paths: list[Path], dpi: int) -> list[Path]:
    """Every page of ``paths`` as grey PNG and PGM files at ``dpi`` — the anchor's input."""
    import pypdfium2 as pdfium

    out = []
    for path in paths:
        pdf = pdfium.PdfDocument(str(path))
        for index in range(len(pdf)):
            page = pdf[index]
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            target = tmp / f"{path.stem}-{index + 1}.png"
            image.save(target, dpi=(dpi, dpi))
            image.save(target.with_suffix(".pgm"))
            out.append(target)
        pdf.close()
    return out


# ---- 3. memory ---------------------------------------------------------------------------
CHILD = """
import sys
sys.path.insert(0, {root!r})
import extractors
from extractors.readers import read
if {path!r}:
    doc = extractors.extract({path!r})
print(int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1]))  # kB; ru_maxrss would carry the parent's peak over exec
"""


def peak_mb(path: str) -> float:
    done = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT), path=path)],
                          check=True, capture_output=True, text=True)
    return int(done.stdout.split()[-1]) / 1024.0


def memory_section(tmp: Path) -> None:
    big = multiplied(tmp, "d06.pdf", 250)
    pages = page_count(big)
    baseline = peak_mb("")
    start = time.perf_counter()
    peak = peak_mb(str(big))
    seconds = time.perf_counter() - start
    print("\n3. Peak memory (VmHWM, the high-water mark of a fresh process)")
    print(f"{'child':<40}{'MB':>8}")
    print(f"{'imports only (anchor)':<40}{baseline:>8.1f}")
    print(f"{f'extract of a {pages}-page PDF ({seconds:.1f} s)':<40}{peak:>8.1f}")
    verdict = "met" if peak < TARGET_MEMORY_MB else "NOT met"
    print(f"target < {TARGET_MEMORY_MB:.0f} MB: {verdict}")


if __name__ == "__main__":
    main()
