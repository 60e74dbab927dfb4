"""Search at national scale: latency, index size and load rate at 100k, 300k and 1M records,
beside the store before the index rework (issue 14) on the same records, in the same run.

The records are synthesised from real extracted records (``benchmarks/corpus.py``:
``base_records`` and ``synthesise``) and written once as Parquet shards, the layout a Dask
run writes. This code's index is built from them by the bulk loader (``Corpus.load``), size
after size; the anchor — the corpus package of commit ``ANCHOR_COMMIT``, taken from git into
a temporary folder — builds its index from the same rows with ``Store.put_many`` (2,000 per
transaction, as before) in a child process. Each index is then measured by the same child
script: every query of the mix run ``repeat`` times after one warm-up call, p50/p95 per
query and over all of them.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANCHOR_COMMIT = "210aaa6"  # main before the rework: schema 1, one full-text table
SHARD_ROWS = 10_000
GROUP_ROWS = 2_000
P95_TARGET_MS = 50.0
OTHER_CALLS = [("targets", "dien thoai thong minh"), ("graph", "749/QĐ-TTg")]

MEASURE = r"""
import json, os, sys, time
from corpus import Corpus, Filters
db, repeat, mix = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
def call(corpus, kind, query, filters):
    if kind == "search":
        return corpus.search(query, Filters(**{k: tuple(v) if isinstance(v, list) else v
                                               for k, v in filters.items()}), limit=20)
    return getattr(corpus, kind)(query)
out = {}
with Corpus(db) as corpus:
    for kind, query, filters in mix:
        call(corpus, kind, query, filters)  # warm: the first call reads the pages from disk
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            call(corpus, kind, query, filters)
            times.append((time.perf_counter() - started) * 1000)
        out[json.dumps([kind, query, filters], ensure_ascii=False)] = times
    documents = corpus.stats()["documents"]
peak = next(l for l in open("/proc/self/status") if l.startswith("VmHWM"))  # not ru_maxrss,
rss = int(peak.split()[1]) / 1024                                           # which exec inherits
print(json.dumps({"times": out, "documents": documents, "rss_mb": rss}))
"""

BUILD_ANCHOR = r"""
import json, sys, time
import pyarrow.parquet as pq
from corpus import Corpus
from corpus.store import FileRef
db, files = sys.argv[1], json.loads(sys.argv[2])
started = time.perf_counter()
count = 0
with Corpus.for_ingest(db) as corpus:
    for name in files:
        table = pq.read_table(name, columns=["record", "text", "paths"])
        rows = zip(*(table.column(c).to_pylist() for c in ("record", "text", "paths")))
        batch = []
        for record, text, paths in rows:
            batch.append(({**json.loads(record), "text": text}, [FileRef(p) for p in paths]))
            if len(batch) == 2000:
                count += corpus.store.put_many(batch)
                batch = []
        count += corpus.store.put_many(batch)
    corpus.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
print(json.dumps({"stored": count, "seconds": time.perf_counter() - started}))
"""


@dataclass
class Measured:
    """One index at one size."""

    store: str
    records: int
    size_bytes: int = 0
    built_records: int = 0
    built_seconds: float = 0.0
    times: dict[str, list[float]] = field(default_factory=dict)
    rss_mb: float = 0.0
    load: float = 0.0

    @property
    def rate(self) -> float:
        return self.built_records / self.built_seconds if self.built_seconds else 0.0


def mix(queries: list[tuple[str, dict]]) -> list[list]:
    return [["search", q, f] for q, f in queries] + [[k, q, {}] for k, q in OTHER_CALLS]


def write_shards(records, total: int, folder: Path) -> list[Path]:
    """Shard files of SHARD_ROWS records (row groups of GROUP_ROWS) for the first ``total``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from corpus import tables

    (folder / "records").mkdir(parents=True, exist_ok=True)
    done = folder / f"written-{total}"  # a rerun with --work reuses the shards
    if done.exists():
        return sorted((folder / "records").glob("part-*.parquet"))
    schema = tables.arrow_schema(tables.RECORDS)
    files, batch, index = [], [], 0
    for record in records:
        row = tables.record_row(record, paths=[record["source"]["path"]], with_text=True)
        batch.append({n: tables.arrow_value(row.get(n), k) for n, k in tables.RECORDS})
        if len(batch) == SHARD_ROWS:
            files.append(_write_shard(pa, pq, schema, batch, folder, index))
            batch, index = [], index + 1
    if batch:
        files.append(_write_shard(pa, pq, schema, batch, folder, index))
    done.touch()
    return files


def _write_shard(pa, pq, schema, batch, folder: Path, index: int) -> Path:
    path = folder / "records" / f"part-{index:05d}.parquet"
    pq.write_table(pa.Table.from_pylist(batch, schema), path, row_group_size=GROUP_ROWS,
                   compression="zstd")
    return path


def anchor_code(work: Path) -> Path:
    """The packages of ANCHOR_COMMIT, as git holds them, in ``work/anchor``."""
    target = work / "anchor"
    if not target.is_dir():
        target.mkdir(parents=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", ANCHOR_COMMIT, "corpus",
                                  "docgen", "extractors", "templates_vn"], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def _child(pythonpath: Path, script: str, *args: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(pythonpath))
    out = subprocess.run([sys.executable, "-c", script, *args], env=env, check=True,
                         capture_output=True, text=True, cwd=str(pythonpath)).stdout
    return json.loads(out.strip().splitlines()[-1])


def index_bytes(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if p.suffix != ".lock"
               and not p.name.endswith(".shards"))


def measure(pythonpath: Path, db: Path, store: str, records: int, calls: list,
            repeat: int) -> Measured:
    found = _child(pythonpath, MEASURE, str(db), str(repeat), json.dumps(calls, ensure_ascii=False))
    return Measured(store, found["documents"], index_bytes(db), times=found["times"],
                    rss_mb=found["rss_mb"], load=os.getloadavg()[0])


def load_new(db: Path, shards: Path, files: list[Path], jobs: int) -> tuple[int, float]:
    """Load the shard files not loaded yet (a folder of links to the first ``files``)."""
    from corpus import Corpus

    stage = shards.parent / f"{shards.name}-{len(files)}"
    (stage / "records").mkdir(parents=True, exist_ok=True)
    for path in files:
        link = stage / "records" / path.name
        if not link.exists():
            link.symlink_to(path)
    with Corpus.for_ingest(db) as corpus:
        report = corpus.load(stage, jobs=jobs)
        corpus.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return report.stored, report.seconds


def run(records, work: Path, sizes: list[int], anchor_sizes: list[int], queries, repeat: int,
        jobs: int, echo=print) -> list[Measured]:
    """Both stores at every size (the anchor only at ``anchor_sizes``), smallest first."""
    calls = mix(queries)
    echo(f"writing {max(sizes):,} records as Parquet shards …")
    started = time.perf_counter()
    files = write_shards(records, max(sizes), work / "shards")
    echo(f"  {len(files)} shard files in {time.perf_counter() - started:.0f} s")
    anchor = anchor_code(work)
    results = []
    done_anchor = 0
    for size in sizes:
        wanted = files[: -(-size // SHARD_ROWS)]
        stored, seconds = load_new(work / "new.db", work / "shards", wanted, jobs)
        new = measure(ROOT, work / "new.db", "this code", size, calls, repeat)
        new.built_records, new.built_seconds = stored, seconds
        results.append(new)
        echo(f"  this code, {size:,}: loaded {stored:,} in {seconds:.0f} s, measured")
        if size in anchor_sizes:
            built = _child(anchor, BUILD_ANCHOR, str(work / "old.db"),
                           json.dumps([str(f) for f in wanted[done_anchor:]]))
            done_anchor = len(wanted)
            old = measure(anchor, work / "old.db", f"before ({ANCHOR_COMMIT})", size, calls,
                          repeat)
            old.built_records, old.built_seconds = built["stored"], built["seconds"]
            results.append(old)
            echo(f"  before, {size:,}: built {built['stored']:,} in {built['seconds']:.0f} s, "
                 "measured")
    return results


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def report(results: list[Measured], echo=print) -> None:
    echo("\n## Search at scale (p50 / p95 ms per query; each query run "
         f"{len(next(iter(results[0].times.values())))} times after one warm-up)")
    head = " | ".join(f"{m.store}, {m.records:,}" for m in results)
    echo(f"columns: {head}")
    labels = list(results[0].times)
    for label in labels:
        kind, query, filters = json.loads(label)
        name = f"{'' if kind == 'search' else kind + ' '}{query or '(filters only)'} " \
               f"{filters or ''}".strip()
        cells = [f"{percentile(m.times[label], .5):6.1f} /{percentile(m.times[label], .95):6.1f}"
                 for m in results]
        echo(f"{name[:48]:<48} " + " ".join(f"{c:>15}" for c in cells))
    for title, keep in (("ALL search queries", lambda k: k == "search"),
                        ("ALL (search, targets, graph)", lambda k: True)):
        cells = []
        for m in results:
            values = [t for label, ts in m.times.items() if keep(json.loads(label)[0]) for t in ts]
            cells.append(f"{percentile(values, .5):6.1f} /{percentile(values, .95):6.1f}")
        echo(f"{title:<48} " + " ".join(f"{c:>15}" for c in cells))
    echo(f"\n{'store':<22} {'records':>10} {'index MB':>9} {'KB/record':>9} {'built':>9} "
         f"{'records/s':>10} {'ALL p95':>8} {'search RSS MB':>13} {'load avg':>8}")
    for m in results:
        every = [t for ts in m.times.values() for t in ts]
        p95 = percentile(every, .95)
        echo(f"{m.store:<22} {m.records:>10,} {m.size_bytes / 1e6:>9.0f} "
             f"{m.size_bytes / m.records / 1000:>9.2f} {m.built_records:>9,} {m.rate:>10,.0f} "
             f"{p95:>8.1f} {m.rss_mb:>13.0f} {m.load:>8.1f}")
    _verdicts(results, echo)


def _verdicts(results: list[Measured], echo) -> None:
    new = [m for m in results if m.store == "this code"]
    old = {m.records: m for m in results if m.store != "this code"}
    biggest = new[-1]
    every = [t for ts in biggest.times.values() for t in ts]
    p95 = percentile(every, .95)
    echo(f"p95 over the whole mix at {biggest.records:,}: {p95:.1f} ms — target < "
         f"{P95_TARGET_MS:.0f} ms {'met' if p95 < P95_TARGET_MS else 'NOT met'}")
    for m in new:
        if m.records in old:
            before = old[m.records]
            echo(f"at {m.records:,}: size {m.size_bytes / before.size_bytes:.2f} of before "
                 f"(target ≤ 0.33), load rate ×{m.rate / before.rate:.1f} (target ≥ 10)")
    missing = [m.records for m in new if m.records not in old]
    if missing and old:
        last = max(old.values(), key=lambda m: m.records)
        minutes = max(missing) / last.rate / 60
        echo(f"before: not built at {', '.join(f'{n:,}' for n in missing)} records (at its "
             f"measured {last.rate:,.0f} records/s that is {minutes:.0f} minutes of building "
             "alone; see --anchor-sizes)")
