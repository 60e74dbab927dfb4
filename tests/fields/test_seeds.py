"""Golden tests: the deep fields of the three seed texts against their hand-made gold records."""
import json

import pytest

from extractors.evaluate import score
from extractors.fields.deep import fill_deep
from extractors.records import DocType, Document, Number, Signer, Source
from extractors.text import DocText
from tests.conftest import need_shared

SEEDS = ["000_723112d705094157", "001_b96328082b9cb1e7", "004_63afc7d454dfef43"]
DEEP = ("references", "targets", "periods", "deadlines", "events", "contacts", "urls")


@pytest.fixture(scope="module")
def seeds():
    """(gold, predicted record) per seed, the header fields taken from the gold record."""
    folder = need_shared() / "seeds"
    out = {}
    for name in SEEDS:
        gold = json.loads((folder / f"{name}.gold.json").read_text(encoding="utf-8"))
        text = DocText.plain((folder / f"{name}.txt").read_text(encoding="utf-8"))
        doc = Document(Source(name), doc_type=DocType(**gold["doc_type"]), number=Number(**gold["number"]),
                       issued_on=gold["issued_on"], subject=gold["subject"],
                       signer=Signer(name=gold["signer"]["name"]))
        fill_deep(doc, text)
        out[name] = (gold, doc.to_dict(), text.text)
    return out


def _project(items, keys):
    return [tuple(it.get(k) for k in keys) for it in items]


PROJECTIONS = {
    "references": ("doc_type", "number", "issued_on"),
    "periods": ("label", "start", "end"),
    "deadlines": ("by", "raw"),
    "targets": ("value", "unit", "comparator", "deadline"),
    "events": ("what", "start", "end"),
    "contacts": ("name", "title", "phone", "email"),
}


@pytest.mark.parametrize("name", SEEDS)
@pytest.mark.parametrize("field", list(PROJECTIONS))
def test_seed_lists_match_gold(seeds, name, field):
    gold, pred, _ = seeds[name]
    keys = PROJECTIONS[field]
    assert _project(pred[field], keys) == _project(gold[field], keys)


@pytest.mark.parametrize("name", SEEDS)
def test_seed_urls(seeds, name):
    gold, pred, _ = seeds[name]
    assert pred["urls"] == gold["urls"]


def test_seed_scores_meet_the_issue_thresholds(seeds):
    report = score([(n, {k: g[k] for k in DEEP}, p) for n, (g, p, _) in seeds.items()])
    f1 = {k: report.lists[k].f1 for k in DEEP}
    assert f1["references"] >= 0.90
    assert min(f1["targets"], f1["periods"], f1["deadlines"]) >= 0.85
    assert f1 == {k: 1.0 for k in DEEP}


@pytest.mark.parametrize("name", SEEDS)
def test_seed_spans_point_at_their_source(seeds, name):
    _, pred, text = seeds[name]
    for field in ("references", "periods", "deadlines", "targets", "contacts", "events"):
        for item in pred[field]:
            span = item["span"]
            source = " ".join(text[span["start"]:span["end"]].split())
            assert span["page"] == 1 and source
            for key in ("number", "raw"):
                if field in ("periods", "deadlines") and key == "raw" and item.get(key):
                    assert item[key] == source
            if field == "references" and item["number"]:
                assert item["number"] in source.replace(" ", "")
