"""Records validate against the JSON Schema shipped in extractors/schema/."""
import json
from pathlib import Path

import jsonschema
import pytest

from extractors import extract
from extractors.records import Document, Source
from tests.conftest import need_shared

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "extractors" / "schema"
                     / "document.schema.json").read_text(encoding="utf-8"))


def test_empty_record_is_valid():
    jsonschema.validate(Document(source=Source(path="x")).to_dict(with_text=True), SCHEMA)


@pytest.mark.parametrize("name", ["seeds/004_63afc7d454dfef43.txt", "seeds/000_723112d705094157.txt",
                                  "seeds/001_b96328082b9cb1e7.txt", "vbpl/doc_000005.txt"])
def test_dev_records_are_valid(name):
    record = extract(need_shared() / name).to_dict(with_text=True)
    jsonschema.validate(record, SCHEMA)


def test_schema_rejects_a_missing_key():
    record = Document(source=Source(path="x")).to_dict()
    del record["signer"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, SCHEMA)
