"""What search, targets, graph, show, export and stats answer on an index of the dev corpus.

The index is built from the dev corpus's gold records (never from extraction, so that
changes to the extractors do not move it): the 200 vbpl texts and 3 seed texts with their
text, the 40 PDFs' header gold without text. Gold records of vbpl texts give only type,
number and subject; this module adds, by fixed rules of its own, the type code (from the
number's symbol), the first date written "ngày D tháng M năm Y" and the numbers the text
cites — so that filters by year, type code and citation and the graph have real data.

``answers(corpus)`` returns one JSON-able dict; ids, scores and numbers are kept in clear,
every other value as a digest (the corpus texts stay out of the repository).
``tests/corpus/data/dev_answers.json`` holds the answers of the code before the index was
reworked (issue 14); ``test_corpus_dev_answers.py`` checks today's code gives the same.

    python -m tests.corpus.dev_answers tests/corpus/data/dev_answers.json   # capture
"""
from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import re
import sys
from pathlib import Path

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev"
ANSWERS = Path(__file__).resolve().parent / "data" / "dev_answers.json"
# a số ký hiệu as texts cite it: 71/2025/QH15, 749/QĐ-TTg, 05/2021/TT-BTTTT
_CITED = re.compile(r"(?<![\w/])(\d{1,4}/(?:\d{4}/)?[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ][A-ZĐ0-9]*)*)(?![\w/-])")
_DATE = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
_CODE = re.compile(r"^([A-ZĐ]{2,4})-")


def dev_records() -> list[dict]:
    """Gold records of the dev corpus, in path order, ready to store."""
    from extractors.records import Document

    records = []
    for gold_path in sorted(DEV.glob("*/*.gold.json")):
        if gold_path.parent.name == "plans":  # the same document as pdf/d19
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        gold = {k: v for k, v in gold.items() if not k.startswith("_")}
        source = _source_file(gold_path)
        record = Document.from_dict(gold).to_dict(with_text=True)
        data = source.read_bytes()
        text = data.decode("utf-8") if source.suffix == ".txt" else ""
        relative = source.relative_to(DEV).as_posix()
        record["source"] = {"path": relative, "sha256": hashlib.sha256(data).hexdigest(),
                            "format": source.suffix[1:], "pages": 1,
                            "text_layer": source.suffix == ".txt", "ocr": False}
        record["text"] = text
        if gold_path.parent.name == "vbpl":
            _complete(record, text)
        records.append(record)
    return records


def _source_file(gold_path: Path) -> Path:
    stem = gold_path.name[: -len(".gold.json")]
    return next(p for p in (gold_path.with_name(stem + ".txt"), gold_path.with_name(stem + ".pdf"))
                if p.exists())


def _complete(record: dict, text: str) -> None:
    """Fill what vbpl gold leaves out, by this module's fixed rules."""
    number = record["number"].get("raw") or ""
    symbol = number.split("/")[-1] if "/" in number else ""
    if not record["doc_type"].get("code") and _CODE.match(symbol):
        record["doc_type"]["code"] = _CODE.match(symbol).group(1)
    date = _DATE.search(text)
    if not record.get("issued_on") and date:
        day, month, year = (int(g) for g in date.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            record["issued_on"] = f"{year:04d}-{month:02d}-{day:02d}"
    if text:
        seen = dict.fromkeys(m.group(1) for m in _CITED.finditer(text))
        record["references"] = [
            {"doc_type": None, "number": n, "issued_on": None, "issuer": None, "title": None,
             "span": None} for n in seen if n != number][:40]


def build(path: Path):
    """A new index at ``path`` holding the dev records, stored one by one in path order."""
    from corpus import Corpus
    from corpus.store import FileRef

    corpus = Corpus.for_ingest(path)
    for record in dev_records():
        corpus.store.put(record, [FileRef(record["source"]["path"], 1, 1)])
    return corpus


# (query, filters, options): the benchmark's mix, then every query form and filter
SEARCHES: list[tuple[str, dict, dict]] = [
    ("chuyen doi so", {}, {}), ("chuyển đổi số", {}, {}), ('"dịch vụ công trực tuyến"', {}, {}),
    ("giao duc dao tao", {}, {}), ("thuế thu nhập doanh nghiệp", {}, {}),
    ("an toan thong tin", {}, {}), ("bảo vệ môi trường", {}, {}), ("ngan sach nha nuoc", {}, {}),
    ("phòng cháy chữa cháy", {}, {}), ("hang hai cang bien", {}, {}),
    ("quy định chi tiết", {}, {}), ("chuyen*", {}, {}), ("du lich OR nong thon", {}, {}),
    ("thi dua khen thuong", {"years": (2022, 2022)}, {}),
    ("chuyen doi so", {"years": (2021, 2025)}, {}), ("ke hoach", {"doc_type": "KH"}, {}),
    ("y te", {"issuer": "lam dong"}, {}), ("chuyen doi so", {"cites": "749/QĐ-TTg"}, {}),
    ("", {"doc_type": "TT", "years": (2024, 2024)}, {}), ("", {"issuer": "ca mau"}, {}),
    ("", {"cites": "749/QD-TTg", "years": (2022, 2023)}, {}),
    ("thong tu", {"signer": "nguyen"}, {}),
    # words common and rare, with and without marks, phrases, prefixes, OR, symbols
    ("thông tư", {}, {}), ("thong tu", {}, {}), ("hiệu lực", {}, {}), ("hieu luc", {}, {}),
    ("quy dinh", {}, {}), ("hải quan", {}, {}), ("hai quan", {}, {}), ("thuế", {}, {}),
    ("thue", {}, {}), ("đất đai", {}, {}), ("dat dai", {}, {}), ("ngân hàng nhà nước", {}, {}),
    ("bao hiem xa hoi", {}, {}), ("giáo dục", {}, {}), ("y tế", {}, {}), ("giao thông vận tải", {}, {}),
    ("xay dung", {}, {}), ("nông nghiệp và môi trường", {}, {}), ("cong an", {}, {}),
    ("tư pháp", {}, {}), ("sửa đổi bổ sung", {}, {}), ('"sua doi, bo sung"', {}, {}),
    ('"căn cứ luật"', {}, {}), ('"can cu luat"', {}, {}), ("thue*", {}, {}), ("ngan*", {}, {}),
    ("chuyển*", {}, {}), ("đề án 06", {}, {}), ("de an 06", {}, {}),
    ("hải quan OR thuế", {}, {}), ("hai quan OR thue OR ngan hang", {}, {}),
    ("kiem tra OR giam sat", {}, {}), ("71/2025/QH15", {}, {}), ("QH15", {}, {}),
    ("điện thoại thông minh", {}, {}), ("dien thoai thong minh", {}, {}),
    ("nhân dân", {}, {}), ("trụ sở", {}, {}), ("tru so", {}, {}), ("xyzzy", {}, {}),
    ("NEAR( ) \"", {}, {}), ("85%", {}, {}), ("2025", {}, {}), ("năm 2030", {}, {}),
    ("quốc phòng an ninh", {}, {}), ("phòng, chống ma túy", {}, {}),
    ("phong chong ma tuy", {}, {}), ("khoa học công nghệ", {}, {}),
    ("doi moi sang tao", {}, {}), ("công nghiệp", {}, {}), ("thương mại điện tử", {}, {}),
    ("hàng hải", {}, {}), ("cảng biển", {}, {}), ("lâm nghiệp", {}, {}),
    # accent modes
    ("số", {}, {"accents": "exact"}), ("so", {}, {"accents": "exact"}),
    ("số hóa", {}, {"accents": "ignore"}), ("so hoa", {}, {"accents": "auto"}),
    ('"trụ số"', {}, {"accents": "ignore"}), ("thuế", {}, {"accents": "ignore"}),
    ("thue", {}, {"accents": "exact"}),
    # filters
    ("", {"doc_type": "TT"}, {}), ("", {"doc_type": "Thông tư"}, {}), ("", {"doc_type": "thong tu"}, {}),
    ("", {"doc_type": "NĐ"}, {}), ("", {"doc_type": "nd"}, {}), ("", {"doc_type": "Luật"}, {}),
    ("", {"doc_type": "Văn bản hợp nhất"}, {}), ("", {"doc_type": "Công văn"}, {}),
    ("", {"doc_type": "TTr"}, {}), ("", {"doc_type": "QĐ"}, {}), ("", {"doc_type": "KH"}, {}),
    ("", {"years": (2025, 2025)}, {}), ("", {"years": (2020, 2029)}, {}),
    ("", {"years": (1999, 2011)}, {}), ("", {"years": (2018, 2031)}, {}),
    ("", {"issuer": "quang ngai"}, {}), ("", {"issuer": "Công an tỉnh Lâm Đồng"}, {}),
    ("", {"issuer": "bo cong an"}, {}), ("", {"issuer": "thanh pho ho chi minh"}, {}),
    ("", {"signer": "tran hoang tuan"}, {}), ("", {"signer": "Nguyễn"}, {}),
    ("", {"signer": "van long"}, {}), ("", {"cites": "749/QĐ-TTg"}, {}),
    ("", {"cites": "71/2025/QH15"}, {}), ("", {"cites": "71/2025/qh15"}, {}),
    ("", {"cites": "1/XYZ"}, {}), ("", {"issuer": "--"}, {}),
    ("thuế", {"doc_type": "TT"}, {}), ("thue", {"doc_type": "TT", "years": (2025, 2025)}, {}),
    ("hai quan", {"cites": "71/2025/QH15"}, {}), ("cong an", {"issuer": "lam dong"}, {}),
    ("de an", {"signer": "truong minh duong"}, {}), ("to trinh", {"doc_type": "TTr"}, {}),
    ("quy dinh", {"years": (2026, 2026), "doc_type": "TT"}, {}),
    ("chinh quyen so", {"cites": "749/QD-TTg", "years": (2022, 2022)}, {}),
    ("dich vu", {"issuer": "da nang"}, {}), ("", {"doc_type": "TT", "years": (2025, 2026)}, {}),
    # limits and ranking windows
    ("thong tu", {}, {"limit": 5}), ("thong tu", {}, {"limit": 200}), ("quy dinh", {}, {"limit": 300}),
    ("", {}, {"limit": 50}), ("", {"years": (2025, 2025)}, {"limit": 100}),
    ("thong tu", {}, {"window": 0}), ("hieu luc", {}, {"window": 0, "limit": 100}),
    ("thong tu", {}, {"window": 5}), ("quy dinh", {}, {"window": 50}),
    ("", {"doc_type": "TT"}, {"window": 5}), ("", {"years": (2025, 2025)}, {"window": 1}),
]
TARGETS: list[tuple[str, dict]] = [
    ("dien thoai thong minh", {}), ("điện thoại thông minh", {}), ("dich vu cong", {}),
    ("ty le", {}), ("doanh nghiep", {}), ("chuyen doi so", {}), ("ha tang", {}),
    ("dich vu cong", {"years": (2022, 2022)}), ("ty le", {"issuer": "ho chi minh"}),
    ("ty le", {"doc_type": "KH"}), ("ty le", {"cites": "749/QĐ-TTg"}), ("xyzzy", {}),
]
GRAPHS = ["749/QĐ-TTg", "71/2025/QH15", "146/2025/QH15", "2242/KH-UBND", "06/2026/TT-BXD",
          "80/2015/QH13", "1/XYZ", "", "589/KH-BCA-C04"]
SHOWS = ["1", "120", "242", "999", "2242/KH-UBND", "dev/pdf/d13.pdf", "06/2026/TT-BXD",
         "01/TTr-UBND"]


# keys the record gained after the answers were captured (issue 10: attachments, handwriting):
# additive, so they are left out of a digest and the answers stay comparable
LATER_KEYS = ("attachments", "issued")
LATER_NUMBER_KEYS = ("handwritten", "confidence")


def as_captured(record: dict) -> dict:
    """``record`` without the keys added to the record shape after the capture."""
    out = {k: v for k, v in record.items() if k not in LATER_KEYS}
    if isinstance(out.get("number"), dict):
        out["number"] = {k: v for k, v in out["number"].items() if k not in LATER_NUMBER_KEYS}
    return out


def _export_as_captured(jsonl: str, table: str) -> str:
    if table != "records":
        return jsonl
    rows = [json.loads(line) for line in jsonl.splitlines()]
    lines = [json.dumps({k: as_captured(v) if k == "record" and isinstance(v, dict) else v
                         for k, v in row.items()}, ensure_ascii=False) for row in rows]
    return "\n".join(lines) + ("\n" if lines else "")


def digest(value) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def answers(corpus) -> dict:
    """Every answer, keyed by a readable label of the call."""
    from corpus import Filters

    out: dict[str, object] = {}
    for query, filters, options in SEARCHES:
        hits = corpus.search(query, Filters(**filters), **options)
        label = f"search {query!r} {filters} {options}"
        out[label] = {"complete": hits.complete,
                      "hits": [[h.id, h.score, h.number, digest(dataclasses.asdict(h))]
                               for h in hits]}
    for query, filters in TARGETS:
        found = corpus.targets(query, Filters(**filters))
        out[f"targets {query!r} {filters}"] = [[t.doc_id, t.number, t.value, t.unit, t.deadline,
                                               digest(dataclasses.asdict(t))] for t in found]
    for number in GRAPHS:
        graph = corpus.graph(number)
        out[f"graph {number!r}"] = {
            "documents": [d.id for d in graph.documents],
            "cites": {str(k): [[c.number, [d.id for d in c.resolved]] for c in v]
                      for k, v in graph.cites.items()},
            "cited_by": [c.document.id for c in graph.cited_by],
            "digest": digest(dataclasses.asdict(graph))}
    for ident in SHOWS:
        out[f"show {ident!r}"] = _shown(corpus, ident)
    for table in ("records", "targets", "references"):
        for with_text in (False, True) if table == "records" else (False,):
            stream = io.StringIO()
            count = corpus.export("jsonl", None, table, with_text, stream)[table]
            out[f"export {table} with_text={with_text}"] = [
                count, digest(_export_as_captured(stream.getvalue(), table))]
    stats = {k: v for k, v in corpus.stats().items() if k not in ("index", "schema_version")}
    out["stats"] = stats
    return out


def _shown(corpus, ident: str) -> str:
    from docgen.errors import DocgenError

    try:
        return digest(as_captured(corpus.show(ident, with_text=True)))
    except DocgenError as error:
        return f"error: {error.cause}"


def main(target: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        corpus = build(Path(folder) / "dev.db")
        try:
            found = answers(corpus)
        finally:
            corpus.close()
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    Path(target).write_text(json.dumps(found, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"{len(found)} answers written to {target}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ANSWERS))
