"""Ranked full-text search over the corpus, with filters; targets across documents; stats.

Queries are words and "quoted phrases", all required; ``OR`` between two items accepts
either; ``word*`` matches a prefix. A query typed without Vietnamese marks is matched
against the folded text, so "chuyen doi so" finds "chuyển đổi số"; a query typed with marks
matches them exactly ("số" does not find "sở"). ``accents="ignore"`` folds every query.

>>> search(store, "chuyen doi so", Filters(years=(2021, 2025)), limit=5)  # doctest: +SKIP
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.fold import fold, has_marks, loose, number_key
from corpus.store import Store
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
    items = _query_items(fold(query) if folded else query)
    if not items:
        return None
    names = [f"{c}_folded" if folded else c for c in columns]
    return "{" + " ".join(names) + "} : (" + _join_items(items) + ")"


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
        where.append("(' | ' || d.type_key || ' | ') LIKE ? ESCAPE '\\'")
        args.append(f"% | {_like(loose(filters.doc_type))} | %")
    for column, value in (("issuer_loose", filters.issuer), ("signer_loose", filters.signer)):
        if value:
            where.append(f"d.{column} LIKE ? ESCAPE '\\'")
            args.append(f"%{_like(loose(value))}%")
    if filters.years:
        where.append("d.year BETWEEN ? AND ?")
        args.extend(filters.years)
    if filters.cites:
        where.append("d.id IN (SELECT doc_id FROM doc_references WHERE number_key = ?)")
        args.append(number_key(filters.cites))
    return where, args


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


HIT_COLUMNS = ("d.id, d.doc_name, d.doc_code, d.number_raw, d.issued_on, d.issuer, d.signer, "
               "d.subject, (SELECT min(path) FROM paths p WHERE p.doc_id = d.id) AS path")


def search(store: Store, query: str, filters: Filters = Filters(), limit: int = 20,
           accents: str = "auto") -> list[Hit]:
    """The best-ranked documents for ``query`` that pass ``filters`` (best first)."""
    expression = match_expression(query, ("subject", "text"), accents)
    where, args = _filter_sql(filters)
    if expression is None:
        sql = (f"SELECT {HIT_COLUMNS}, NULL AS score FROM documents d "
               f"{'WHERE ' + ' AND '.join(where) if where else ''} "
               "ORDER BY d.issued_on DESC, d.id LIMIT ?")
    else:
        sql = (f"SELECT {HIT_COLUMNS}, f.rank AS score FROM doc_fts f "
               "JOIN documents d ON d.id = f.rowid WHERE doc_fts MATCH ? "
               + "".join(f" AND {w}" for w in where) + " ORDER BY f.rank LIMIT ?")
        args = [expression, *args]
    rows = store.conn.execute(sql, [*args, limit]).fetchall()
    terms = _plain_terms(query)
    return [Hit(r["id"], None if r["score"] is None else round(-r["score"], 3), r["doc_name"],
                r["doc_code"], r["number_raw"], r["issued_on"], r["issuer"], r["signer"],
                r["subject"], r["path"], snippet(store.text(r["id"]) or "", terms))
            for r in rows]


def _plain_terms(query: str) -> list[str]:
    return [loose(p or w.rstrip("*")) for p, w in _TOKEN.findall(query)
            if (p or w) != "OR" and re.search(r"\w", p or w)]


def snippet(text: str, terms: list[str]) -> str | None:
    """About SNIPPET_CHARS characters of ``text`` around the first place a term occurs."""
    if not text:
        return None
    haystack = fold(text).lower()
    found = [i for i in (haystack.find(t) for t in terms if t) if i >= 0]
    start = max(0, min(found) - SNIPPET_CHARS // 3) if found else 0
    piece = " ".join(text[start:start + SNIPPET_CHARS].split())
    return ("…" if start else "") + piece + ("…" if start + SNIPPET_CHARS < len(text) else "")


def targets(store: Store, query: str, filters: Filters = Filters(), limit: int = 100,
            accents: str = "auto") -> list[TargetHit]:
    """Targets whose indicator or scope matches ``query``, best first, with their document."""
    expression = match_expression(query, ("indicator", "scope"), accents)
    if expression is None:
        raise InvalidData("QUERY", "give at least one word to look for in target indicators")
    where, args = _filter_sql(filters)
    sql = ("SELECT t.doc_id, d.number_raw, d.issuer, d.issued_on, t.indicator, t.comparator, "
           "t.value, t.unit, t.deadline, t.scope FROM target_fts f "
           "JOIN targets t ON t.id = f.rowid JOIN documents d ON d.id = t.doc_id "
           "WHERE target_fts MATCH ? " + "".join(f" AND {w}" for w in where)
           + " ORDER BY f.rank, t.doc_id, t.position LIMIT ?")
    rows = store.conn.execute(sql, [expression, *args, limit]).fetchall()
    return [TargetHit(*row) for row in rows]


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
        "references": one("SELECT count(*) FROM doc_references"),
        "references_resolved": one(
            "SELECT count(*) FROM doc_references r WHERE r.number_key IN "
            "(SELECT number_key FROM documents WHERE number_key IS NOT NULL)"),
        "targets": one("SELECT count(*) FROM targets"),
        "by_format": grouped("SELECT format, count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC"),
        "by_type": grouped("SELECT coalesce(doc_code, doc_name), count(*) FROM documents "
                           "GROUP BY 1 ORDER BY 2 DESC"),
        "by_year": grouped("SELECT year, count(*) FROM documents GROUP BY 1 ORDER BY 1"),
        "schema_version": store.version(),
    }
