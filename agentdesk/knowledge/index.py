"""The FTS5 index of articles and resolved tickets, kept in the local store file (migration 0004).

Rows of ``kb_fts`` hold pre-analysed text (see ``analyzer``); ``kb_docs`` says which article or
ticket a row is. The ``lang`` column holds one token such as ``zh_article`` so a search can keep to
one language and kind with a column filter, at no cost to the BM25 score (its weight is 0).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Connection

from agentdesk.knowledge.analyzer import AnalysedDoc, AnalysedQuery

DocKind = Literal["article", "ticket"]

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
        conn.exec_driver_sql("DELETE FROM kb_fts WHERE rowid = ?", (rowid,))
    conn.exec_driver_sql(
        "INSERT INTO kb_fts (rowid, title, body, extra, lang) VALUES (?, ?, ?, ?, ?)",
        (rowid, doc.title, doc.body, doc.extra, _filter_token(lang, kind)),
    )


def delete_doc(conn: Connection, kind: DocKind, ref: str) -> bool:
    row = conn.exec_driver_sql("SELECT rowid FROM kb_docs WHERE kind = ? AND ref = ?", (kind, ref)).first()
    if row is None:
        return False
    conn.exec_driver_sql("DELETE FROM kb_fts WHERE rowid = ?", (row[0],))
    conn.exec_driver_sql("DELETE FROM kb_docs WHERE rowid = ?", (row[0],))
    return True


def _match_expression(terms: Iterable[str], langs: Sequence[str], kind: str) -> str | None:
    quoted = [f'"{t}"' for t in dict.fromkeys(terms) if t and '"' not in t]
    if not quoted:
        return None
    filters = " OR ".join(f'"{_filter_token(lang, kind)}"' for lang in langs)
    return f"({' OR '.join(quoted)}) AND lang : ({filters})"


def search(
    conn: Connection,
    query: AnalysedQuery,
    *,
    langs: Sequence[str],
    kind: DocKind = "article",
    limit: int = 30,
) -> list[Hit]:
    """Best ``limit`` documents of ``kind`` in ``langs`` by BM25F over the query's terms."""
    expression = _match_expression(query.all_terms(), langs, kind)
    if expression is None:
        return []
    weights = (TITLE_WEIGHT, BODY_WEIGHT, EXTRA_WEIGHT)
    top = conn.exec_driver_sql(
        "SELECT rowid, bm25(kb_fts, ?, ?, ?, 0.0) AS s FROM kb_fts WHERE kb_fts MATCH ? ORDER BY s LIMIT ?",
        (*weights, expression, limit),
    ).all()
    if not top:
        return []
    scores = {rowid: -s for rowid, s in top}
    marks = ",".join("?" * len(scores))
    rows = conn.exec_driver_sql(
        f"SELECT f.rowid, f.title, f.extra, d.ref, d.lang, d.links FROM kb_fts AS f "
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
    ]
    hits.sort(key=lambda h: (-h.score, h.ref))
    return hits


def indexed_count(conn: Connection, kind: DocKind = "article") -> int:
    return int(conn.exec_driver_sql("SELECT count(*) FROM kb_docs WHERE kind = ?", (kind,)).scalar_one())
