"""Ranked full-text search over the corpus, with filters; targets across documents; stats.

Queries are words and "quoted phrases", all required; ``OR`` between two items accepts
either; ``word*`` matches a prefix. A query typed without Vietnamese marks is matched
against the folded text, so "chuyen doi so" finds "chuyển đổi số"; a query typed with marks
matches them exactly ("số" does not find "sở"). ``accents="ignore"`` folds every query.

>>> search(store, "chuyen doi so", Filters(years=(2021, 2025)), limit=5)  # doctest: +SKIP
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import Iterator

from corpus.fold import fold, has_marks, loose, number_key, words
from corpus.partitions import doc_table, target_table
from corpus.schema import DOC_RANK, TARGET_RANK, TARGET_SLOTS
from corpus.store import Store
from corpus.terms import cite_token, type_query_tokens, year_terms
from docgen.errors import InvalidData

ACCENT_MODES = ("auto", "exact", "ignore")
_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_YEARS = re.compile(r"^\s*(\d{4})\s*(?:[-–]\s*(\d{4}))?\s*$")
SNIPPET_CHARS = 160


@dataclass(frozen=True)
class Filters:
    """Conditions beside the text query: ``doc_type`` "KH" or "Kế hoạch", ``years`` (2021, 2025)."""

    doc_type: str | None = None
    issuer: str | None = None
    signer: str | None = None
    years: tuple[int, int] | None = None
    cites: str | None = None


@dataclass(frozen=True)
class Hit:
    id: int
    score: float | None
    doc_type: str | None
    code: str | None
    number: str | None
    issued_on: str | None
    issuer: str | None
    signer: str | None
    subject: str | None
    path: str | None
    snippet: str | None


@dataclass(frozen=True)
class TargetHit:
    doc_id: int
    number: str | None
    issuer: str | None
    issued_on: str | None
    indicator: str | None
    comparator: str | None
    value: float | None
    unit: str | None
    deadline: str | None
    scope: str | None


def parse_years(text: str) -> tuple[int, int]:
    """ "2022" → (2022, 2022); "2021-2025" → (2021, 2025)."""
    match = _YEARS.match(text or "")
    if not match:
        raise InvalidData("--year", f"{text!r} is not a year or a range such as 2021-2025")
    first = int(match.group(1))
    last = int(match.group(2) or first)
    return (min(first, last), max(first, last))


def match_expression(query: str, columns: tuple[str, ...], accents: str = "auto") -> str | None:
    """The FTS5 MATCH string for a user query, or None when the query has no words.

    >>> match_expression('chuyen doi "so hoa"', ("subject", "text"))
    '{subject_folded text_folded} : ("chuyen" AND "doi" AND "so hoa")'
    """
    if accents not in ACCENT_MODES:
        raise InvalidData("--accents", f"{accents!r} is not one of {', '.join(ACCENT_MODES)}")
    folded = accents == "ignore" or (accents == "auto" and not has_marks(query))
    items = _query_items(fold(query) if folded else segment_words(query))
    if not items:
        return None
    names = [f"{c}_folded" if folded else c for c in columns]
    return "{" + " ".join(names) + "} : (" + _join_items(items) + ")"


def segment_words(query: str) -> str:
    """The query with its multi-syllable words quoted as phrases, by underthesea's word
    segmentation: 'chuyển đổi số' → '"chuyển đổi" số', so that the syllables of a word must
    stand together in a match. Quoted phrases, OR, prefixes (word*) and anything but letters
    ("749/QĐ-TTg", which the segmenter would split) are kept as written; a query without
    marks is not segmented (the segmenter needs them)."""
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            from extractors import nlp

            out.extend(f'"{w}"' if " " in w else w for w in nlp.words(" ".join(run)))
            run.clear()

    for phrase, word in _TOKEN.findall(query):
        if phrase or word == "OR" or not word.isalpha():  # numbers, symbols, prefixes: as typed
            flush()
            out.append(f'"{phrase}"' if phrase else word)
        else:
            run.append(word)
    flush()
    return " ".join(out)


def _query_items(query: str) -> list[str]:
    items = []
    for phrase, word in _TOKEN.findall(query):
        if word == "OR":
            items.append("OR")
            continue
        text = phrase if phrase else word
        prefix = bool(word) and word.endswith("*")
        text = text.rstrip("*") if prefix else text
        if not re.search(r"\w", text):
            continue
        items.append('"' + text.replace('"', '""') + '"' + (" *" if prefix else ""))
    return items


def _join_items(items: list[str]) -> str:
    out: list[str] = []
    for item in items:
        if item == "OR":
            if out and out[-1] not in ("OR", "AND"):
                out.append("OR")
            continue
        if out and out[-1] not in ("OR", "AND"):
            out.append("AND")
        out.append(item)
    while out and out[-1] in ("OR", "AND"):
        out.pop()
    return " ".join(out)


def _filter_sql(filters: Filters) -> tuple[list[str], list]:
    where: list[str] = []
    args: list = []
    if filters.doc_type:
        where.append("(' | ' || docgen_type_key(d.doc_code, d.doc_name) || ' | ') LIKE ? "
                     "ESCAPE '\\'")
        args.append(f"% | {_like(loose(filters.doc_type))} | %")
    for column, value in (("issuer", filters.issuer), ("signer", filters.signer)):
        for word in words(value).split():  # every word of the value, in any order
            where.append(f"(' ' || docgen_words(d.{column}) || ' ') LIKE ? ESCAPE '\\'")
            args.append(f"% {_like(word)} %")
    if filters.years:
        where.append("d.year BETWEEN ? AND ?")
        args.extend(filters.years)
    if filters.cites:
        where.append("d.id IN (SELECT c.doc_id FROM citations c JOIN keys k ON k.id = c.key_id "
                     "WHERE k.key = ?)")
        args.append(number_key(filters.cites))
    return where, args


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


HIT_COLUMNS = ("d.id, d.doc_name, d.doc_code, d.number_raw, d.issued_on, d.issuer, d.signer, "
               "d.subject, (SELECT min(path) FROM paths p WHERE p.doc_id = d.id) AS path")
BM25 = "bm25({table}, " + DOC_RANK[len("bm25("):]  # a subject word weighs ten text words
TARGET_BM25 = "bm25({table}, " + TARGET_RANK[len("bm25("):]
WINDOW = 2000


class Hits(list):
    """Search results, best first. ``complete`` is False when more than ``window`` documents
    matched and ranking was done among the ``window`` most recently stored of them."""

    complete: bool = True


def filter_terms(filters: Filters) -> list[str] | None:
    """The filters as FTS5 expressions on the issuer, signer and meta columns (all required);
    None when a filter can never match (it has no letters or digits)."""
    parts: list[str] = []
    if filters.doc_type:
        parts.append(_any_of(type_query_tokens(filters.doc_type)))
    if filters.years:
        parts.append(_any_of(year_terms(*filters.years)))
    if filters.cites:
        key = number_key(filters.cites)
        parts.append(_any_of([cite_token(key)] if key else []))
    for column, value in (("issuer", filters.issuer), ("signer", filters.signer)):
        if value:
            found = words(value).split()
            parts.append("{" + column + "} : (" + " AND ".join(f'"{w}"' for w in found) + ")"
                         if found else "")
    return None if "" in parts else parts


def _any_of(tokens: list[str]) -> str:
    return "{meta} : (" + " OR ".join(tokens) + ")" if tokens else ""


def search(store: Store, query: str, filters: Filters = Filters(), limit: int = 20,
           accents: str = "auto", window: int = WINDOW) -> Hits:
    """The best-ranked documents for ``query`` that pass ``filters`` (best first); with an
    empty query, the documents passing the filters, newest first.

    Matches are read newest first, partition by partition (``corpus/partitions.py``): a query
    matching more than ``window`` documents is ranked among its ``window`` most recently
    stored matches (``window=0``: all of them, each scored in its own partition).
    """
    expression = match_expression(query, ("subject", "text"), accents)
    parts = filter_terms(filters)
    hits = Hits()
    if parts is None:
        return hits
    store.parts.refresh(store.conn)
    if expression is not None:
        ids, hits.complete = _ranked_ids(store, " AND ".join([expression, *parts]), limit,
                                         window)
    else:
        ids = [(doc_id, None) for doc_id in _newest_ids(store, parts, filters, limit, window)]
    terms = _plain_terms(query)
    for doc_id, score in ids:
        r = store.conn.execute(f"SELECT {HIT_COLUMNS} FROM documents d WHERE d.id = ?",
                               (doc_id,)).fetchone()
        hits.append(Hit(r["id"], None if score is None else round(-score, 3), r["doc_name"],
                        r["doc_code"], r["number_raw"], r["issued_on"], r["issuer"], r["signer"],
                        r["subject"], r["path"], snippet(store.text(doc_id) or "", terms)))
    return hits


def newest_matches(store: Store, table, expression: str, count: int,
                   rank: str | None = None) -> Iterator[tuple]:
    """(rowid[, score]) of at most ``count`` matches of ``expression``, newest first, read
    partition by partition; ``table(k)`` names partition k's table, ``rank`` the score."""
    for k in store.parts.newest_first():
        if count <= 0:
            return
        name = table(k)
        columns = "rowid" + (", " + rank.format(table=name) if rank else "")
        rows = store.conn.execute(f"SELECT {columns} FROM {name} WHERE {name} MATCH ? "
                                  "ORDER BY rowid DESC LIMIT ?", (expression, count)).fetchall()
        count -= len(rows)
        yield from (tuple(r) for r in rows)


def _ranked_ids(store: Store, expression: str, limit: int,
                window: int) -> tuple[list[tuple[int, float]], bool]:
    """(id, bm25) of the best ``limit`` matches, scoring at most ``window`` of them."""
    if window:
        rows = list(newest_matches(store, doc_table, expression, window + 1, BM25))
        best = sorted(rows[:window], key=lambda row: (row[1], -row[0]))[:limit]
        return best, len(rows) <= window
    rows = []
    for k in store.parts.newest_first():  # each partition's best, then the best of those
        name = doc_table(k)
        rows += store.conn.execute(
            f"SELECT rowid, {BM25.format(table=name)} FROM {name} WHERE {name} MATCH ? "
            "ORDER BY 2, 1 DESC LIMIT ?", (expression, limit)).fetchall()
    return sorted((tuple(r) for r in rows), key=lambda row: (row[1], -row[0]))[:limit], True


def _newest_ids(store: Store, parts: list[str], filters: Filters, limit: int,
                window: int) -> list[int]:
    """Documents passing the filters, newest issue date first.

    Few matches: found in the index, then sorted. Many: walk the documents newest first
    (year by year when years are asked for, so older years are not read past), checking the
    filters on each, which meets ``limit`` of them early.
    """
    if parts:
        few = window or WINDOW
        ids = [r[0] for r in newest_matches(store, doc_table, " AND ".join(parts), few + 1)]
        if len(ids) <= few:
            return [r[0] for r in store.conn.execute(
                "SELECT id FROM documents WHERE id IN (SELECT value FROM json_each(?)) "
                "ORDER BY issued_on DESC, id DESC LIMIT ?", (json.dumps(ids), limit))]
    where, args = _filter_sql(replace(filters, years=None))
    if not filters.years:
        return _walk(store, "documents_issued", where, args, limit)
    found: list[int] = []
    for year in range(filters.years[1], filters.years[0] - 1, -1):
        found += _walk(store, "documents_year", ["d.year = ?", *where], [year, *args],
                       limit - len(found))
        if len(found) >= limit:
            break
    return found


def _walk(store: Store, index: str, where: list[str], args: list, limit: int) -> list[int]:
    return [r[0] for r in store.conn.execute(
        f"SELECT d.id FROM documents d INDEXED BY {index} "
        + ("WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY d.issued_on DESC, d.id DESC LIMIT ?", [*args, limit])]


def _plain_terms(query: str) -> list[str]:
    return [loose(p or w.rstrip("*")) for p, w in _TOKEN.findall(query)
            if (p or w) != "OR" and re.search(r"\w", p or w)]


def snippet(text: str, terms: list[str]) -> str | None:
    """About SNIPPET_CHARS characters of ``text`` around the whole query, else its longest
    word found."""
    if not text:
        return None
    haystack = fold(text).lower()
    wanted = [" ".join(terms)] + sorted(terms, key=len, reverse=True)  # whole query first
    found = next((i for i in (haystack.find(t) for t in wanted if t) if i >= 0), -1)
    start = max(0, found - SNIPPET_CHARS // 3) if found >= 0 else 0
    piece = " ".join(text[start:start + SNIPPET_CHARS].split())
    return ("…" if start else "") + piece + ("…" if start + SNIPPET_CHARS < len(text) else "")


def targets(store: Store, query: str, filters: Filters = Filters(), limit: int = 100,
            accents: str = "auto", window: int = WINDOW) -> list[TargetHit]:
    """Targets whose indicator or scope matches ``query``, best first, with their document;
    like documents, ranked among the ``window`` newest matches (``window=0``: all)."""
    expression = match_expression(query, ("indicator", "scope"), accents)
    if expression is None:
        raise InvalidData("QUERY", "give at least one word to look for in target indicators")
    store.parts.refresh(store.conn)
    rows = _target_matches(store, expression, _filter_sql(filters), window or None)
    ranked = sorted(rows, key=lambda r: (r[1], r[0]))[:limit]  # rowid: doc id, then position
    records: dict[int, tuple] = {}
    hits = []
    for rowid, _ in ranked:
        doc_id, position = divmod(rowid, TARGET_SLOTS)
        if doc_id not in records:
            records[doc_id] = _target_document(store, doc_id)
        head, found = records[doc_id]
        t = found[position]
        hits.append(TargetHit(doc_id, *head, t.get("indicator"), t.get("comparator"),
                              _real(t.get("value")), t.get("unit"), t.get("deadline"),
                              t.get("scope")))
    return hits


TARGET_PAGE = 1000


def _target_matches(store: Store, expression: str, filter_sql: tuple[list[str], list],
                    count: int | None) -> list[tuple[int, float]]:
    """(rowid, score) of up to ``count`` matching targets whose document passes the filters,
    newest first, partition by partition (``count`` None: every one)."""
    kept: list[tuple[int, float]] = []
    for k in store.parts.newest_first():
        name, last = target_table(k), None
        while count is None or len(kept) < count:
            bound = "" if last is None else f" AND rowid < {int(last)}"
            rows = store.conn.execute(
                f"SELECT rowid, {TARGET_BM25.format(table=name)} FROM {name} WHERE {name} "
                f"MATCH ?{bound} ORDER BY rowid DESC LIMIT ?", (expression, TARGET_PAGE)).fetchall()
            kept += _passing(store, [tuple(r) for r in rows], filter_sql)
            if len(rows) < TARGET_PAGE:
                break
            last = rows[-1][0]
    return kept if count is None else kept[:count]


def _passing(store: Store, rows: list[tuple[int, float]],
             filter_sql: tuple[list[str], list]) -> list[tuple[int, float]]:
    where, args = filter_sql
    if not where or not rows:
        return rows
    ids = sorted({rowid // TARGET_SLOTS for rowid, _ in rows})
    passing = {r[0] for r in store.conn.execute(
        "SELECT d.id FROM documents d WHERE d.id IN (SELECT value FROM json_each(?))"
        + "".join(f" AND {w}" for w in where), [json.dumps(ids), *args])}
    return [row for row in rows if row[0] // TARGET_SLOTS in passing]


def _target_document(store: Store, doc_id: int) -> tuple[tuple, list[dict]]:
    head = store.conn.execute("SELECT number_raw, issuer, issued_on FROM documents WHERE id = ?",
                              (doc_id,)).fetchone()
    return tuple(head), store.targets(doc_id)


def _real(value):
    """A target's value as the schema-1 REAL column gave it back (85 → 85.0)."""
    if isinstance(value, (bool, int, float)):
        return float(value)
    try:
        return float(value) if isinstance(value, str) else value
    except ValueError:
        return value


def stats(store: Store) -> dict:
    """Counts a researcher checks after an ingest: records, pages, failures, types, years."""
    one = lambda sql: store.conn.execute(sql).fetchone()[0]  # noqa: E731
    grouped = lambda sql: {k if k is not None else "unknown": n  # noqa: E731
                           for k, n in store.conn.execute(sql)}
    return {
        "documents": one("SELECT count(*) FROM documents"),
        "paths": one("SELECT count(*) FROM paths"),
        "pages": one("SELECT coalesce(sum(pages), 0) FROM documents"),
        "failures": one("SELECT count(*) FROM failures"),
        "references": one("SELECT coalesce(sum(reference_count), 0) FROM documents"),
        "references_resolved": one(
            "SELECT count(*) FROM citations c WHERE c.key_id IN "
            "(SELECT key_id FROM documents WHERE key_id IS NOT NULL)"),
        "targets": one("SELECT coalesce(sum(target_count), 0) FROM documents"),
        "by_format": grouped("SELECT format, count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC"),
        "by_type": grouped("SELECT coalesce(doc_code, doc_name), count(*) FROM documents "
                           "GROUP BY 1 ORDER BY 2 DESC"),
        "by_year": grouped("SELECT year, count(*) FROM documents GROUP BY 1 ORDER BY 1"),
        "schema_version": store.version(),
    }
