"""The side panel's sources: knowledge articles and script templates for the ticket in view.

Each source is a small object with ``suggest(workspace, ticket_view) -> list[Suggestion]``,
run on the store worker; a failing source is logged and leaves the others' suggestions standing.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from agentdesk.ui.data import TicketView
from agentdesk.ui.workspace import Workspace

log = logging.getLogger(__name__)
_PLACEHOLDER = re.compile(r"\{\{\s*(\w+)[^}]*\}\}")


@dataclass(frozen=True, slots=True)
class Suggestion:
    kind: Literal["article", "script"]
    ref: str
    title: str
    preview: str
    body: str = ""  # article text to insert; scripts are rendered with the ticket's variables


class SuggestionSource(Protocol):
    def suggest(self, ws: Workspace, view: TicketView) -> list[Suggestion]: ...


class KnowledgeSource:
    def __init__(self, top: int = 4) -> None:
        self.top = top

    def suggest(self, ws: Workspace, view: TicketView) -> list[Suggestion]:
        from agentdesk.knowledge.base import KnowledgeBase

        kb = KnowledgeBase(ws.store)
        # Articles arrive by sync; the index follows them once per session, then on article changes.
        if ws._cache.pop("kb-stale", True):
            kb.reindex()
            ws._cache["kb-stale"] = False
        out = []
        found = kb.suggest_for_ticket(view.ticket["id"], top=self.top)
        with ws.store.connect() as conn:
            for s in found:
                art = conn.exec_driver_sql(
                    "SELECT title, body FROM articles WHERE id = ?", (s.article_id,)
                ).first()
                if art:
                    out.append(Suggestion("article", s.article_id, art[0], art[1][:160], art[1]))
        return out


class ScriptSource:
    def __init__(self, top: int = 4) -> None:
        self.top = top

    def suggest(self, ws: Workspace, view: TicketView) -> list[Suggestion]:
        from agentdesk.scripts.library import default_library
        from agentdesk.scripts.suggest import suggest_scripts

        library = default_library()
        text = " ".join([view.ticket.get("subject", ""), *(m["body"] for m in view.messages[-3:])])
        category = view.ticket.get("category") or "other"
        out = []
        for s in suggest_scripts(text, category, top=self.top, library=library):
            scenario = library.get(s.scenario_id)
            parts = scenario.parts.get(ws.lang) or scenario.parts.get("en") or {}
            preview = _PLACEHOLDER.sub(lambda m: f"[{m.group(1)}]", " ".join(parts.values()))
            out.append(Suggestion("script", s.scenario_id, scenario.title_for(ws.lang), preview[:160]))
        return out


DEFAULT_SOURCES: tuple[SuggestionSource, ...] = (ScriptSource(), KnowledgeSource())


def warm_up() -> None:
    """Load the script library and the language analysers before the first ticket needs them."""
    from agentdesk.knowledge.text import warm_up as warm_analyser
    from agentdesk.scripts.suggest import suggest_scripts

    warm_analyser()
    suggest_scripts("warm up", "other", top=1)


def collect(
    ws: Workspace, view: TicketView, sources: tuple[SuggestionSource, ...] = DEFAULT_SOURCES
) -> list[Suggestion]:
    out: list[Suggestion] = []
    for source in sources:
        try:
            out.extend(source.suggest(ws, view))
        except Exception:
            log.exception("suggestion source %s failed", type(source).__name__)
    return out


def template_values(view: TicketView, agent_name: str) -> dict[str, Any]:
    """Variables a script can take from the ticket and customer; the rest are asked for."""
    values: dict[str, Any] = {
        "customer_name": view.customer.get("name"),
        "agent_name": agent_name,
        "ticket_number": str(view.ticket.get("number", "")),
    }
    return {k: v for k, v in values.items() if v not in (None, "")}


def render_script(ws: Workspace, scenario_id: str, values: dict[str, Any]) -> tuple[str | None, list[Any]]:
    """(text, []) when every variable has a value, else (None, the variables to prompt for)."""
    from agentdesk.scripts.library import default_library

    library = default_library()
    missing = library.missing(scenario_id, values)
    if missing:
        return None, missing
    return library.render(scenario_id, ws.lang, values).text, []
