"""The knowledge base of one local store: import, index, suggest, and learn from resolved tickets."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from agentdesk.errors import InputError
from agentdesk.knowledge import index
from agentdesk.knowledge.analyzer import analyse_doc, analyse_query
from agentdesk.knowledge.jsonl import read_objects, require_str
from agentdesk.knowledge.ranker import QueryContext, Suggestion, rank
from agentdesk.knowledge.text import detect_lang, warm_up
from agentdesk.store import Store
from agentdesk.store.codec import row_values, upsert_rows
from agentdesk.timeutil import to_wire, utcnow

LANGS = ("en", "zh")
MAX_ID = 64


@dataclass(frozen=True, slots=True)
class ArticleIn:
    id: str
    lang: str
    title: str
    body: str
    tags: tuple[str, ...]


def parse_article(obj: dict[str, Any], where: str) -> ArticleIn:
    article_id = require_str(obj, "id", where)
    if len(article_id) > MAX_ID:
        raise InputError(f"{where}: 'id' is longer than {MAX_ID} characters")
    lang = obj.get("lang")
    if lang not in LANGS:
        raise InputError(f"{where}: 'lang' must be one of {', '.join(LANGS)}")
    title = require_str(obj, "title", where)
    body = require_str(obj, "body", where, allow_empty=True)
    tags = obj.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise InputError(f"{where}: 'tags' must be a list of strings")
    return ArticleIn(article_id, lang, title, body, tuple(tags))


def read_articles(path: Path | str) -> list[ArticleIn]:
    """Every article of a JSONL file, or InputError naming the first bad line (nothing half-read)."""
    articles = [parse_article(obj, f"{path}, line {n}") for n, obj in read_objects(path)]
    seen: set[str] = set()
    for article in articles:
        if article.id in seen:
            raise InputError(f"{path}: article id {article.id!r} appears more than once")
        seen.add(article.id)
    return articles


def index_article(conn: Connection, article: ArticleIn) -> None:
    index.upsert_doc(
        conn, "article", article.id, article.lang, analyse_doc(article.title, article.body, article.tags)
    )


class KnowledgeBase:
    """Knowledge search over the articles (and resolved tickets) of a local store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @classmethod
    def open(cls, path: Path | str) -> KnowledgeBase:
        return cls(Store.open(path))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def warm_up(self) -> None:
        """Load the Chinese dictionary and lexicon now rather than inside the first suggestion."""
        warm_up()

    def import_articles(self, articles: Iterable[ArticleIn]) -> int:
        """Store and index articles in one transaction; re-importing an id replaces it."""
        count = 0
        with self.store.connect() as conn:
            for article in articles:
                data = {
                    "lang": article.lang,
                    "title": article.title,
                    "body": article.body,
                    "tags": list(article.tags),
                }
                upsert_rows(conn, "article", [row_values("article", article.id, 0, data)])
                index_article(conn, article)
                count += 1
        return count

    def reindex(self) -> int:
        """Bring the article index in line with the ``articles`` table (after sync brought new,
        changed or deleted articles). Returns the number of articles indexed."""
        with self.store.connect() as conn:
            rows = conn.exec_driver_sql("SELECT id, lang, title, body, tags FROM articles").all()
            present = {row[0] for row in rows}
            indexed = [r for (r,) in conn.exec_driver_sql("SELECT ref FROM kb_docs WHERE kind = 'article'")]
            for gone in set(indexed) - present:
                index.delete_doc(conn, "article", gone)
            for article_id, lang, title, body, tags in rows:
                tag_list = json.loads(tags) if isinstance(tags, str) else (tags or [])
                index_article(
                    conn,
                    ArticleIn(
                        article_id,
                        lang if lang in LANGS else detect_lang(title + body),
                        title,
                        body,
                        tuple(tag_list),
                    ),
                )
        return len(rows)

    def suggest(
        self, text: str, *, lang: str | None = None, top: int = 5, context: QueryContext | None = None
    ) -> list[Suggestion]:
        lang = lang if lang in LANGS else detect_lang(text)
        with self.store.connect() as conn:
            return rank(conn, analyse_query(text), lang=lang, top=top, context=context)

    def suggest_for_ticket(self, ticket_id: str, *, top: int = 5) -> list[Suggestion]:
        """Suggestions for the ticket in view: its subject and the customer's messages (the latest
        counting twice), in the customer's language, boosted towards the ticket's category."""
        with self.store.connect() as conn:
            ticket = conn.exec_driver_sql(
                "SELECT subject, category, customer_id FROM tickets WHERE id = ?", (ticket_id,)
            ).first()
            if ticket is None:
                raise InputError(f"No ticket {ticket_id!r} in this store")
            subject, category, customer_id = ticket
            bodies = [
                body
                for (body,) in conn.exec_driver_sql(
                    "SELECT body FROM messages WHERE ticket_id = ? AND author_kind = 'customer' "
                    "ORDER BY created_at DESC LIMIT 5",
                    (ticket_id,),
                )
            ]
            language = conn.exec_driver_sql(
                "SELECT language FROM customers WHERE id = ?", (customer_id,)
            ).scalar()
            text = " ".join([subject or "", *(bodies[:1] * 2), *bodies[1:]])
            if not category:
                from agentdesk.triage.engine import triage

                category = triage(bodies[0] if bodies else subject or "").category.value
            lang = language if language in LANGS else detect_lang(text)
            return rank(
                conn,
                analyse_query(text),
                lang=lang,
                top=top,
                context=QueryContext(category=category, lang=lang),
            )

    def learn_from_store(self) -> int:
        """Index resolved tickets whose data lists the articles used (``kb_articles``) and count
        those uses; tickets already learned are skipped. Returns how many were learned."""
        learned = 0
        with self.store.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT t.id, t.subject, t.extra FROM tickets AS t "
                "WHERE t.status_group IN ('solved', 'closed') AND NOT EXISTS "
                "(SELECT 1 FROM kb_docs AS d WHERE d.kind = 'ticket' AND d.ref = t.id)"
            ).all()
        for ticket_id, subject, extra in rows:
            data = (json.loads(extra) if isinstance(extra, str) else extra) or {}
            used = [a for a in data.get("kb_articles", []) if isinstance(a, str)]
            if not used:
                continue
            with self.store.connect() as conn:
                bodies = [
                    b
                    for (b,) in conn.exec_driver_sql(
                        "SELECT body FROM messages WHERE ticket_id = ? AND author_kind = 'customer'",
                        (ticket_id,),
                    )
                ]
            self.record_resolution(ticket_id, " ".join([subject or "", *bodies]), used)
            learned += 1
        return learned

    def record_resolution(
        self, ticket_id: str, text: str, article_ids: Sequence[str], *, lang: str | None = None
    ) -> None:
        """A ticket was resolved with ``article_ids``: remember it for similar tickets and count the use."""
        lang = lang if lang in LANGS else detect_lang(text)
        ids = list(dict.fromkeys(article_ids))
        with self.store.connect() as conn:
            index.upsert_doc(conn, "ticket", ticket_id, lang, analyse_doc("", text), links=ids)
            now = to_wire(utcnow())
            for article_id in ids:
                conn.exec_driver_sql(
                    "INSERT INTO kb_usage (article_id, uses, last_used) VALUES (?, 1, ?) "
                    "ON CONFLICT (article_id) DO UPDATE SET uses = uses + 1, last_used = excluded.last_used",
                    (article_id, now),
                )
