"""What store work needs, owned by the store worker thread: the local store, the replicator's
outbox, the signed-in agent and the knowledge/script sources."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from agentdesk.store import Store


@dataclass(frozen=True, slots=True)
class AgentInfo:
    id: str | None
    name: str
    login: str = ""
    role: str = "agent"
    team_ids: tuple[str, ...] = ()

    @classmethod
    def from_session(cls, agent: dict[str, Any]) -> AgentInfo:
        return cls(
            id=agent.get("id"),
            name=str(agent.get("name") or agent.get("login") or ""),
            login=str(agent.get("login") or ""),
            role=str(agent.get("role") or "agent"),
            team_ids=tuple(agent.get("team_ids") or ()),
        )


@dataclass
class Workspace:
    store: Store
    replicator: Any  # agentdesk.sync.client.Replicator (duck-typed so tests can run without one)
    agent: AgentInfo
    lang: str = "en"  # "en" | "zh": language of suggestions and templates
    _cache: dict[str, Any] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def enqueue(
        self, kind: str, entity_id: str, payload: dict[str, Any], base_version: int | None = None
    ) -> str:
        return str(self.replicator.enqueue(kind, entity_id, payload, base_version))

    def cached(self, name: str, make: Any) -> Any:
        with self._lock:
            if name not in self._cache:
                self._cache[name] = make()
            return self._cache[name]
