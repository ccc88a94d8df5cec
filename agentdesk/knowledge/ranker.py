"""Ranking of knowledge articles for a query: BM25F candidates re-scored with evidence that plain
BM25 misses.

final = bm25f / best_bm25f                       (lexical match, field-weighted)
      + TITLE   * share of query terms in the title
      + CONCEPT * share of the query's intent concepts the article covers
      + PAST    * similarity of resolved tickets that used the article ("past solutions")
      + USAGE   * how often the article was used to resolve tickets (log-scaled)
      + CONTEXT * the article covers the ticket's triaged category
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection

from agentdesk.knowledge import index
from agentdesk.knowledge.analyzer import AnalysedQuery, analyse_query
from agentdesk.knowledge.lexicon import concept_token, default_matcher

TITLE = 0.35
CONCEPT = 0.35
PAST = 0.5
USAGE = 0.1
CONTEXT = 0.15
CANDIDATES = 40
TICKET_NEIGHBOURS = 10


@dataclass(frozen=True, slots=True)
class Suggestion:
    article_id: str
    score: float
    reasons: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class QueryContext:
    """What the ticket in view adds to its text: the triaged category, the customer's language."""

    category: str | None = None
    lang: str | None = None


def _category_tokens(category: str | None) -> frozenset[str]:
    if not category:
        return frozenset()
    matcher = default_matcher()
    return frozenset(concept_token(c) for c, cat in matcher.categories.items() if cat == category)


def _usage(conn: Connection, ids: Sequence[str]) -> dict[str, int]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = conn.exec_driver_sql(
        f"SELECT article_id, uses FROM kb_usage WHERE article_id IN ({marks})", tuple(ids)
    )
    return {a: int(u) for a, u in rows}


def rank(
    conn: Connection,
    query: str | AnalysedQuery,
    *,
    lang: str,
    top: int = 5,
    context: QueryContext | None = None,
) -> list[Suggestion]:
    analysed = analyse_query(query) if isinstance(query, str) else query
    if analysed.is_empty or top <= 0:
        return []
    terms = index.prune_terms(conn, analysed.all_terms())
    hits = index.search(conn, terms, langs=[lang], limit=max(CANDIDATES, top * 4))
    neighbours = index.search(conn, terms, langs=[lang], kind="ticket", limit=TICKET_NEIGHBOURS)
    past: dict[str, float] = defaultdict(float)
    if neighbours:
        best_ticket = neighbours[0].score or 1.0
        for ticket in neighbours:
            for article_id in ticket.links:
                past[article_id] += ticket.score / best_ticket / max(1, len(ticket.links))
    if not hits and not past:
        return []
    by_id = {h.ref: h for h in hits}
    candidates = list(dict.fromkeys([*by_id, *past]))
    usage = _usage(conn, candidates)
    best = hits[0].score if hits else 1.0
    terms = set(analysed.terms)
    concepts = {concept_token(c) for c in analysed.concepts}
    wanted = _category_tokens(context.category if context else None)
    max_use = max(usage.values(), default=0)
    results = []
    for article_id in candidates:
        hit = by_id.get(article_id)
        reasons: list[str] = []
        score = 0.0
        if hit is not None:
            score += hit.score / best
            if terms:
                score += TITLE * len(terms & hit.title_terms) / len(terms)
            if concepts:
                shared = concepts & hit.extra_terms
                score += CONCEPT * len(shared) / len(concepts)
                if shared:
                    reasons.append("topic: " + ", ".join(sorted(t[2:] for t in shared)))
            if wanted and wanted & hit.extra_terms:
                score += CONTEXT
        if past.get(article_id):
            score += PAST * min(past[article_id], 1.5)
            reasons.append("used in similar resolved tickets")
        uses = usage.get(article_id, 0)
        if uses and max_use:
            score += USAGE * math.log1p(uses) / math.log1p(max_use)
            reasons.append(f"used {uses}x")
        results.append(Suggestion(article_id, round(score, 4), tuple(reasons)))
    results.sort(key=lambda s: (-s.score, s.article_id))
    return results[:top]
