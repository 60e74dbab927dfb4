"""Shared pieces of the corpus tests: record factory, index fixtures, the CLI runner."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"

needs_dev = pytest.mark.skipif(not DEV.is_dir(), reason="../shared/corpus/dev is absent")


def make_record(number=None, subject="Kế hoạch thử", text=None, code="KH", name="Kế hoạch",
                issued_on="2022-07-05", issuer=None, signer=None, references=(), targets=(),
                path=None, pages=1):
    """A ``docgen.document/1`` record with its text, keyed by the hash of what it says."""
    text = text if text is not None else f"{name}\n{number or ''}\n{subject}"
    sha = hashlib.sha256(f"{number}|{subject}|{text}|{issued_on}".encode()).hexdigest()
    return {
        "schema": "docgen.document/1",
        "source": {"path": path or f"/docs/{sha[:8]}.txt", "sha256": sha, "format": "txt",
                   "pages": pages, "text_layer": True, "ocr": False},
        "doc_type": {"name": name, "code": code},
        "number": {"raw": number, "number": None, "symbol": None},
        "issued_on": issued_on, "place": None,
        "issuer": {"name": issuer, "parent": None}, "subject": subject, "recipients": [],
        "signer": {"name": signer, "title": None, "authority": None, "for_title": None,
                   "chain": []},
        "distribution": [], "references": [dict(r) for r in references],
        "periods": [], "deadlines": [], "targets": [dict(t) for t in targets], "contacts": [],
        "urls": [], "events": [], "warnings": [], "text": text,
    }


@pytest.fixture
def index_path(tmp_path):
    return tmp_path / "corpus.db"


@pytest.fixture
def corpus_at(index_path):
    from corpus import Corpus

    opened = Corpus.for_ingest(index_path)
    yield opened
    opened.close()


@pytest.fixture
def cli():
    from docgen.cli import main

    runner = CliRunner()

    def invoke(*args, **kwargs):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False, **kwargs)
    return invoke


def subprocess_env() -> dict[str, str]:
    """Environment for a child ``python -m``: this checkout first on the import path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


PLAN_TEXT = """ỦY BAN NHÂN DÂN
TỈNH {province_upper}
Số: {number}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
{province}, ngày 05 tháng 7 năm {year}
KẾ HOẠCH
{subject}
Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình Chuyển đổi số quốc gia;
Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
I. MỤC TIÊU
Đến cuối năm {year}, 85% người dân có điện thoại thông minh.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
{signer}
"""


def plan_text(number="12/KH-UBND", year=2022, province="Lâm Đồng",
              subject="Chuyển đổi số trong cơ quan nhà nước", signer="Nguyễn Văn An") -> str:
    """A short Kế hoạch as a province would write it (the tests' own sample)."""
    return PLAN_TEXT.format(number=number, year=year, province=province,
                            province_upper=province.upper(), subject=subject, signer=signer)


def gold_record(text_path: Path) -> dict:
    """The hand-made gold record of a dev-corpus text, with the text and its hash: real data
    stored straight into an index (no extraction involved)."""
    import json

    from extractors.records import Document

    gold = json.loads(text_path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    gold = {k: v for k, v in gold.items() if not k.startswith("_")}
    record = Document.from_dict(gold).to_dict(with_text=True)
    data = text_path.read_bytes()
    record["source"] = {"path": str(text_path), "sha256": hashlib.sha256(data).hexdigest(),
                        "format": "txt", "pages": 1, "text_layer": True, "ocr": False}
    record["text"] = data.decode("utf-8")
    return record
