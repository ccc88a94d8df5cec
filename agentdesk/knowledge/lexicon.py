"""Find the intent concepts of ``lexicon_data`` in a text (both languages, mixed script too)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from functools import lru_cache

from agentdesk.knowledge.lexicon_data import CONCEPTS, Concept
from agentdesk.knowledge.text import english_stems, normalise


class ConceptMatcher:
    """Matches stemmed English phrases on word boundaries and Chinese phrases as substrings."""

    def __init__(self, concepts: Mapping[str, Concept]) -> None:
        self.categories = {name: category for name, (category, _en, _zh) in concepts.items()}
        self._en: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        self._zh: list[tuple[str, str]] = []
        for name, (_category, en_phrases, zh_phrases) in concepts.items():
            en = [p.strip() for p in en_phrases.split("|") if p.strip()]
            zh = zh_phrases.split()
            for phrase in en:
                stems = tuple(english_stems(normalise(phrase)))
                if stems:
                    self._en.setdefault(stems[0], []).append((stems, name, phrase))
            self._zh.extend((normalise(phrase), name) for phrase in zh)
        for entries in self._en.values():
            entries.sort(key=lambda item: -len(item[0]))  # longest phrase first

    def find(self, text: str) -> Counter[str]:
        """Concept -> number of phrase hits in ``text``."""
        norm = normalise(text)
        hits: Counter[str] = Counter()
        stems = english_stems(norm)
        for i, first in enumerate(stems):
            for phrase, name, _written in self._en.get(first, ()):
                if tuple(stems[i : i + len(phrase)]) == phrase:
                    hits[name] += 1
                    break
        for phrase, name in self._zh:
            if phrase in norm:
                hits[name] += norm.count(phrase)
        return hits

    def phrases_found(self, text: str) -> list[tuple[str, str]]:
        """(concept, phrase as written in the lexicon) pairs, for human-readable reasons."""
        norm = normalise(text)
        stems = english_stems(norm)
        found: list[tuple[str, str]] = []
        for i, first in enumerate(stems):
            for phrase, name, written in self._en.get(first, ()):
                if tuple(stems[i : i + len(phrase)]) == phrase:
                    found.append((name, written))
                    break
        found.extend((name, phrase) for phrase, name in self._zh if phrase in norm)
        return found


@lru_cache(maxsize=1)
def default_matcher() -> ConceptMatcher:
    return ConceptMatcher(CONCEPTS)


def concept_token(name: str) -> str:
    """The index term standing for a concept (no clash with a real word)."""
    return "zc" + name.replace("_", "")
