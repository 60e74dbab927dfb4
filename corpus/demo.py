"""The corpus part of ``docgen demo``: index what the demo rendered (and the dev corpus when
present), then show a search and a citation query, as a researcher would run them.

>>> index_and_query(["demo-out/", "../shared/corpus/dev"], Path("demo-out/corpus.db"))  # doctest: +SKIP
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from corpus import Corpus, Filters

DEMO_QUERY = "chuyen doi so"


def most_cited(corpus: Corpus) -> str | None:
    """The number cited by the most documents in the index (the graph worth showing)."""
    row = corpus.store.conn.execute(
        "SELECT min(m.number_raw), count(DISTINCT c.doc_id) FROM citations c "
        "JOIN mentions m ON m.id = c.mention_id WHERE c.key_id IS NOT NULL "
        "GROUP BY c.key_id ORDER BY 2 DESC, 1 LIMIT 1").fetchone()
    return row[0] if row else None


def index_and_query(folders: list[str | os.PathLike], db: Path,
                    echo: Callable[[str], None] = print, jobs: int = 1) -> None:
    """Ingest the folders that exist into ``db``; print the summary, a search and a graph."""
    present = [os.fspath(f) for f in folders if os.path.exists(f)]
    with Corpus.for_ingest(db) as corpus:
        report = corpus.ingest(present, jobs=jobs)
        echo(f"$ docgen corpus ingest {' '.join(present)} --db {db}")
        echo(f"  {report.summary()}")
        echo(f'$ docgen corpus search "{DEMO_QUERY}" --db {db} --limit 5')
        for hit in corpus.search(DEMO_QUERY, Filters(), limit=5):
            echo(f"  #{hit.id} {hit.number or '(no number)'} · {hit.issued_on or '?'} · "
                 f"{(hit.subject or '')[:70]}")
        number = most_cited(corpus)
        if number is None:
            return
        graph = corpus.graph(number)
        echo(f"$ docgen corpus graph {number} --db {db}")
        echo(f"  {len(graph.documents)} stored document(s) numbered {number}; "
             f"cited by {len(graph.cited_by)}:")
        for citing in graph.cited_by[:5]:
            doc = citing.document
            echo(f"  #{doc.id} {doc.number or '(no number)'} · {doc.issued_on or '?'} · "
                 f"{doc.issuer or ''}")
