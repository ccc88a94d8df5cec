"""Which scripts to offer for a message: those of its triaged category first, ordered by how
well their title and text match the message (same analyser as knowledge search)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from agentdesk.knowledge.lexicon import default_matcher
from agentdesk.knowledge.text import word_tokens
from agentdesk.scripts.flows import Flow, default_flows
from agentdesk.scripts.library import ScriptLibrary, default_library


@dataclass(frozen=True, slots=True)
class ScriptSuggestion:
    scenario_id: str
    score: float
    flow_id: str | None = None  # a guided flow that fits the case, when there is one


@lru_cache(maxsize=1)
def _profiles() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Per scenario: words of its titles (both languages) and concepts of its whole text."""
    library = default_library()
    matcher = default_matcher()
    out = {}
    for sid, scenario in library.scenarios.items():
        title = " ".join(scenario.title.values())
        body = " ".join(t for lang in scenario.parts.values() for t in lang.values())
        out[sid] = (frozenset(word_tokens(title)), frozenset(matcher.find(title + " " + body)))
    return out


def suggest_scripts(
    text: str,
    category: str,
    *,
    top: int = 3,
    library: ScriptLibrary | None = None,
    flows: dict[str, Flow] | None = None,
) -> list[ScriptSuggestion]:
    library = library or default_library()
    flows = default_flows() if flows is None else flows
    words = set(word_tokens(text))
    concepts = set(default_matcher().find(text))
    profiles = _profiles()
    flow_for = {step.script: f.id for f in flows.values() for step in f.steps.values() if step.script}
    ranked = []
    for sid, scenario in library.scenarios.items():
        title_words, scenario_concepts = profiles.get(sid, (frozenset(), frozenset()))
        score = 2.0 if scenario.category == category else 0.0
        score += len(words & title_words) * 0.5 + len(concepts & scenario_concepts) * 0.3
        if score > 0:
            ranked.append((score, sid))
    ranked.sort(key=lambda item: (-item[0], item[1]))
    return [ScriptSuggestion(sid, round(score, 3), flow_for.get(sid)) for score, sid in ranked[:top]]
