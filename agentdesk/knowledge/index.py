"""The FTS5 index of articles and resolved tickets, kept in the local store file (migration 0004).

Rows of ``kb_fts`` (articles) and ``kb_ticket_fts`` (resolved tickets) hold pre-analysed text (see
``analyzer``); ``kb_docs`` says which article or ticket a row is. The ``lang`` column holds one
token such as ``zh_article``. A search first runs without a language filter (English and Chinese
terms hardly overlap, and AND-ing a posting list as long as half the index is what would cost
time) and drops other-language hits; only when they crowd the result does it rerun with the
column filter.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Connection

from agentdesk.knowledge.analyzer import AnalysedDoc, AnalysedQuery

DocKind = Literal["article", "ticket"]

# Query terms are searched in every field rarest first while their postings add up to at most
# this; the common rest (little BM25 weight, long posting lists to score) only in titles. At
# 100,000 articles this keeps a suggestion near 10 ms (bench/kb_latency.py).
POSTINGS_BUDGET = 6_000
MIN_RARE_POSTINGS = 200  # fewer documents than this from rare terms: also search titles for the rest

# BM25F column weights: title, body, extra (tags + concepts), lang (filter only).
TITLE_WEIGHT = 3.0
BODY_WEIGHT = 1.0
EXTRA_WEIGHT = 1.5


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str
    ref: str
    lang: str
    score: float  # BM25F, higher is better
    title_terms: frozenset[str]
    extra_terms: frozenset[str]
    links: tuple[str, ...]  # for a ticket: the articles used to resolve it


_TABLES: dict[str, str] = {"article": "kb_fts", "ticket": "kb_ticket_fts"}


def _filter_token(lang: str, kind: str) -> str:
    return f"{lang}_{kind}"


def upsert_doc(
    conn: Connection, kind: DocKind, ref: str, lang: str, doc: AnalysedDoc, links: Sequence[str] = ()
) -> None:
    row = conn.exec_driver_sql("SELECT rowid FROM kb_docs WHERE kind = ? AND ref = ?", (kind, ref)).first()
    links_json = json.dumps(list(links)) if links else None
    if row is None:
        rowid = conn.exec_driver_sql(
            "INSERT INTO kb_docs (kind, ref, lang, links) VALUES (?, ?, ?, ?)", (kind, ref, lang, links_json)
        ).lastrowid
    else:
        rowid = row[0]
        conn.exec_driver_sql(
            "UPDATE kb_docs SET lang = ?, links = ? WHERE rowid = ?", (lang, links_json, rowid)
        )
        _remove_text(conn, _TABLES[kind], rowid)
    _count_terms(conn, f"{doc.title} {doc.body} {doc.extra}", +1)
    conn.exec_driver_sql(
        f"INSERT INTO {_TABLES[kind]} (rowid, title, body, extra, lang) VALUES (?, ?, ?, ?, ?)",
        (rowid, doc.title, doc.body, doc.extra, _filter_token(lang, kind)),
    )


def _count_terms(conn: Connection, text: str, delta: int) -> None:
    terms = [(t,) for t in set(text.split())]
    if not terms:
        return
    if delta > 0:
        conn.exec_driver_sql(
            "INSERT INTO kb_terms (term, df) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET df = df + 1",
            terms,
        )
    else:
        conn.exec_driver_sql("UPDATE kb_terms SET df = df - 1 WHERE term = ?", terms)


def _remove_text(conn: Connection, table: str, rowid: int) -> None:
    old = conn.exec_driver_sql(f"SELECT title, body, extra FROM {table} WHERE rowid = ?", (rowid,)).first()
    if old is not None:
        _count_terms(conn, " ".join(old), -1)
        conn.exec_driver_sql(f"DELETE FROM {table} WHERE rowid = ?", (rowid,))


def delete_doc(conn: Connection, kind: DocKind, ref: str) -> bool:
    row = conn.exec_driver_sql("SELECT rowid FROM kb_docs WHERE kind = ? AND ref = ?", (kind, ref)).first()
    if row is None:
        return False
    _remove_text(conn, _TABLES[kind], row[0])
    conn.exec_driver_sql("DELETE FROM kb_docs WHERE rowid = ?", (row[0],))
    return True


@dataclass(frozen=True, slots=True)
class QueryTerms:
    """Terms for the FTS query: ``rare`` searched in every field, ``common`` only in titles."""

    rare: tuple[str, ...]
    common: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.rare or self.common)


def prune_terms(conn: Connection, terms: Sequence[str], budget: int | None = None) -> QueryTerms:
    """Split the query's terms by document frequency, rarest first, within a postings budget.

    Terms in no document are dropped. The rarest terms are searched everywhere while their
    postings stay within ``budget``; the remaining (common) terms are searched in titles only,
    and only when the rare terms alone would find too few documents.
    """
    budget = POSTINGS_BUDGET if budget is None else budget
    distinct = [t for t in dict.fromkeys(terms) if t and '"' not in t]
    if not distinct:
        return QueryTerms((), ())
    marks = ",".join("?" * len(distinct))
    df = dict(
        conn.exec_driver_sql(
            f"SELECT term, df FROM kb_terms WHERE term IN ({marks}) AND df > 0", tuple(distinct)
        ).all()
    )
    rare: list[str] = []
    total = 0
    ordered = sorted(df, key=lambda t: (df[t], t))
    for term in ordered:
        if total + df[term] > budget:
            break
        rare.append(term)
        total += df[term]
    common = tuple(t for t in ordered if t not in rare) if total < MIN_RARE_POSTINGS else ()
    return QueryTerms(tuple(rare), common)


def _match_expression(terms: QueryTerms, langs: Sequence[str] | None, kind: str) -> str | None:
    parts = []
    if terms.rare:
        parts.append(f"{{title body extra}} : ({' OR '.join(f'{chr(34)}{t}{chr(34)}' for t in terms.rare)})")
    if terms.common:
        parts.append(f"{{title}} : ({' OR '.join(f'{chr(34)}{t}{chr(34)}' for t in terms.common)})")
    if not parts:
        return None
    expression = " OR ".join(parts)
    if not langs:
        return expression
    filters = " OR ".join(f'"{_filter_token(lang, kind)}"' for lang in langs)
    return f"({expression}) AND lang : ({filters})"


def _top(conn: Connection, table: str, expression: str, limit: int) -> list[tuple[int, float]]:
    rows = conn.exec_driver_sql(
        f"SELECT rowid, bm25({table}, ?, ?, ?, 0.0) AS s FROM {table} "
        f"WHERE {table} MATCH ? ORDER BY s LIMIT ?",
        (TITLE_WEIGHT, BODY_WEIGHT, EXTRA_WEIGHT, expression, limit),
    ).all()
    return [(int(rowid), -float(s)) for rowid, s in rows]


def search(
    conn: Connection,
    query: AnalysedQuery | QueryTerms,
    *,
    langs: Sequence[str],
    kind: DocKind = "article",
    limit: int = 30,
) -> list[Hit]:
    """Best ``limit`` documents of ``kind`` in ``langs`` by BM25F over the query's terms
    (an analysed query, or terms already chosen by ``prune_terms``)."""
    terms = prune_terms(conn, query.all_terms()) if isinstance(query, AnalysedQuery) else query
    expression = _match_expression(terms, None, kind)
    if expression is None:
        return []
    table = _TABLES[kind]
    top = _top(conn, table, expression, limit * 2)
    hits = _hits(conn, table, kind, dict(top), set(langs))
    if len(hits) < limit and len(top) == limit * 2:
        # Other-language documents crowded the result: ask again with the language filter.
        filtered = _match_expression(terms, langs, kind)
        assert filtered is not None
        hits = _hits(conn, table, kind, dict(_top(conn, table, filtered, limit)), set(langs))
    return hits[:limit]


def _hits(conn: Connection, table: str, kind: str, scores: dict[int, float], langs: set[str]) -> list[Hit]:
    if not scores:
        return []
    marks = ",".join("?" * len(scores))
    rows = conn.exec_driver_sql(
        f"SELECT f.rowid, f.title, f.extra, d.ref, d.lang, d.links FROM {table} AS f "
        f"JOIN kb_docs AS d ON d.rowid = f.rowid WHERE f.rowid IN ({marks})",
        tuple(scores),
    ).all()
    hits = [
        Hit(
            kind,
            ref,
            lang,
            scores[rowid],
            frozenset(title.split()),
            frozenset(extra.split()),
            tuple(json.loads(links)) if links else (),
        )
        for rowid, title, extra, ref, lang, links in rows
        if lang in langs
    ]
    hits.sort(key=lambda h: (-h.score, h.ref))
    return hits


def indexed_count(conn: Connection, kind: DocKind = "article") -> int:
    return int(conn.exec_driver_sql("SELECT count(*) FROM kb_docs WHERE kind = ?", (kind,)).scalar_one())
