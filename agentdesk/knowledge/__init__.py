"""Knowledge suggestions: articles and resolved tickets indexed in the local store (FTS5), ranked
for a query or for the ticket in view.

    with KnowledgeBase.open(store_path) as kb:
        kb.suggest("钱什么时候退回来", lang="zh", top=5)
        kb.suggest_for_ticket(ticket_id)
        kb.record_resolution(ticket_id, text, ["article-id"])   # the KB learns

Modules: ``text`` (normalising, tokens, jieba), ``lexicon`` / ``lexicon_data`` (bilingual intent
concepts), ``analyzer`` (documents and queries to index terms), ``index`` (FTS5 tables, term
statistics), ``ranker`` (BM25F candidates and re-ranking), ``base`` (import, suggest, learn),
``semantic`` (optional numpy MiniLM encoder, not used by default).
"""

from agentdesk.knowledge.base import ArticleIn, KnowledgeBase, read_articles
from agentdesk.knowledge.ranker import QueryContext, Suggestion

__all__ = ["ArticleIn", "KnowledgeBase", "QueryContext", "Suggestion", "read_articles"]
