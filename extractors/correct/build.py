"""Build ``data/syllable_lm.tsv.gz``, the syllable bigram model of the correction stage.

    python -m extractors.correct.build            # from ../shared/corpus/dev beside the project
    python -m extractors.correct.build --check    # rebuild in memory, say whether the file matches

Sources, all text the project may ship, none of them a document whose OCR is measured:
- the 200 texts of central legal documents in ``../shared/corpus/dev/vbpl`` (vbpl.vn) and the
  3 seed texts (``../shared/corpus/dev/seeds``): administrative Vietnamese as printed;
- the project's own templates (``templates_vn/*/template.j2`` without the Jinja tags, and the
  strings of each ``example.yaml``);
- underthesea's dictionary (Viet74K): each word of two or more syllables adds its inner pairs.
The dev PDFs (whose lines and fields the OCR benchmarks score) are not read. Bigrams seen once
in the texts are left out of the file (not out of the counts of kinds of neighbours).
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

from extractors import nlp
from extractors.correct import lm
from extractors.correct.tokens import BOUNDARY, keys

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
MIN_COUNT = 2
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def texts(dev: Path = DEV):
    """(name, text) of every source."""
    for folder in ("vbpl", "seeds"):
        for path in sorted((dev / folder).glob("*.txt")):
            yield f"{folder}/{path.name}", path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "templates_vn").glob("*/template.j2")):
        yield str(path.relative_to(ROOT)), _JINJA.sub("\n", path.read_text(encoding="utf-8"))
    for path in sorted((ROOT / "templates_vn").glob("*/example.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        yield str(path.relative_to(ROOT)), "\n".join(_strings(data))


def _strings(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def count(dev: Path = DEV) -> Counter:
    pairs: Counter = Counter()
    for _, text in texts(dev):
        tokens = keys(text)
        pairs.update(zip(tokens, tokens[1:]))
    for word in nlp.dictionary():
        tokens = keys(word)[1:-1]
        if len(tokens) > 1 and not any(t.startswith("<") for t in tokens):
            pairs.update(zip(tokens, tokens[1:]))
    return pairs


def body_of(pairs: Counter) -> bytes:
    opens: Counter = Counter()
    follow: Counter = Counter()
    precede: Counter = Counter()
    for (before, token), n in pairs.items():
        opens[before] += n
        follow[before] += 1
        precede[token] += 1
    rows = [f"U\t{t}\t{opens[t]}\t{follow[t]}\t{precede[t]}" for t in sorted(set(opens) | set(precede))]
    rows += [f"B\t{a}\t{b}\t{n}" for (a, b), n in sorted(pairs.items()) if n >= MIN_COUNT]
    return ("\n".join(rows) + "\n").encode("utf-8")


def write(pairs: Counter, path: Path = lm.PATH) -> bytes:
    body = body_of(pairs)
    header = (f"# format: {lm.FORMAT}\n"
              f"# built-by: python -m extractors.correct.build (sources in its docstring)\n"
              f"# bigram-types: {len(pairs)}\n"
              f"# body-sha256: {hashlib.sha256(body).hexdigest()}\n").encode("utf-8")
    data = header + body
    partial = path.with_suffix(".part")
    with gzip.GzipFile(partial, "wb", mtime=0) as handle:
        handle.write(data)
    partial.replace(path)
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    if not (args.dev / "vbpl").is_dir():
        print(f"needs the development corpus at {args.dev}", file=sys.stderr)
        return 1
    pairs = count(args.dev)
    if args.check:
        same = gzip.open(lm.PATH).read().split(b"\n", 4)[4] == body_of(pairs)
        print("the model file matches its sources" if same else "the model file is out of date")
        return 0 if same else 1
    write(pairs)
    kept = sum(1 for n in pairs.values() if n >= MIN_COUNT)
    print(f"{lm.PATH}: {len(pairs)} bigram types, {kept} kept, "
          f"{lm.PATH.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
