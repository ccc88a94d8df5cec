"""Articles and queries turned into the index terms of the knowledge search.

An article has three searched fields: ``title``, ``body`` and ``extra`` (its tags and the intent
concepts found in it). A query gets the same treatment, so a customer's "money back" meets an
article about "refunds" through the concept term for refunds.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from agentdesk.knowledge.lexicon import concept_token, default_matcher
from agentdesk.knowledge.text import word_tokens


@dataclass(frozen=True, slots=True)
class AnalysedDoc:
    title: str
    body: str
    extra: str


@dataclass(frozen=True, slots=True)
class AnalysedQuery:
    terms: tuple[str, ...]  # distinct word terms, in order of first appearance
    concepts: tuple[str, ...]  # concept names
    weights: dict[str, float]  # term (word or concept token) -> weight in the query

    @property
    def is_empty(self) -> bool:
        return not self.terms and not self.concepts

    def all_terms(self) -> list[str]:
        return [*self.terms, *(concept_token(c) for c in self.concepts)]


def analyse_doc(title: str, body: str, tags: list[str] | tuple[str, ...] = ()) -> AnalysedDoc:
    matcher = default_matcher()
    concepts = matcher.find(title) + matcher.find(title) + matcher.find(body)
    for tag in tags:
        concepts.update(matcher.find(tag))
    extra = word_tokens(" ".join(tags)) + [concept_token(c) for c, n in concepts.items() for _ in range(n)]
    # Chinese character bigrams in every field: among 100k articles the jieba words of a query are
    # often too common to search everywhere, and the bigrams are what still finds the article
    # (bench/kb_latency.py --eval-dir: Recall@3 zh 0.717 with them, 0.583 with title bigrams only).
    return AnalysedDoc(" ".join(word_tokens(title)), " ".join(word_tokens(body)), " ".join(extra))


def analyse_query(text: str, *, max_terms: int = 48) -> AnalysedQuery:
    """Distinct terms of the query (capped: long ticket threads keep their most frequent terms)."""
    tokens = word_tokens(text)
    counts = Counter(tokens)
    terms = list(dict.fromkeys(tokens))
    if len(terms) > max_terms:
        keep = {t for t, _ in counts.most_common(max_terms)}
        terms = [t for t in terms if t in keep]
    concepts = default_matcher().find(text)
    weights = {t: 1.0 + 0.25 * min(counts[t] - 1, 4) for t in terms}
    weights.update({concept_token(c): 1.0 for c in concepts})
    return AnalysedQuery(tuple(terms), tuple(concepts), weights)
