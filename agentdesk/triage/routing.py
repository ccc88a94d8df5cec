"""Routing recommendation: which agent should take a triaged ticket.

An agent qualifies when one of their skills names the ticket's category (or "general"); among
those, the least loaded relative to capacity wins, with VIP/P1 work going to agents who have
the "vip" or "escalation" skill when such an agent has room. Every recommendation says why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from agentdesk.domain.enums import Priority

DEFAULT_CAPACITY = 8
GENERALIST_SKILL = "general"
PRIORITY_SKILLS = ("escalation", "vip")

# Skills that also cover a category (a "payments" agent handles billing and refunds).
SKILL_ALIASES: dict[str, frozenset[str]] = {
    "billing": frozenset({"billing", "payments", "finance", "账单"}),
    "refund": frozenset({"refund", "refunds", "returns", "payments", "退款"}),
    "delivery": frozenset({"delivery", "logistics", "shipping", "installation", "配送"}),
    "technical": frozenset({"technical", "tech", "support", "repair", "技术"}),
    "account": frozenset({"account", "accounts", "security", "privacy", "账户"}),
    "complaint": frozenset({"complaint", "complaints", "escalation", "投诉"}),
    "product_info": frozenset({"product_info", "sales", "presales", "product", "咨询"}),
    "other": frozenset({"other", "general"}),
}


@dataclass(frozen=True, slots=True)
class AgentLoad:
    agent_id: str
    skills: tuple[str, ...]
    open_tickets: int
    max_load: int | None = None
    available: bool = True


@dataclass(frozen=True, slots=True)
class RouteChoice:
    agent_id: str
    score: float
    reasons: tuple[str, ...]


def recommend(
    category: str, priority: str, agents: Sequence[AgentLoad], *, top: int = 3
) -> list[RouteChoice]:
    """Agents best placed to take the ticket, best first; empty when nobody is available."""
    wanted = SKILL_ALIASES.get(category, frozenset({category}))
    urgent = priority == Priority.P1.value
    choices = []
    for agent in agents:
        if not agent.available:
            continue
        skills = {s.casefold() for s in agent.skills}
        capacity = agent.max_load or DEFAULT_CAPACITY
        room = capacity - agent.open_tickets
        if room <= 0:
            continue
        reasons = []
        score = 0.0
        if skills & wanted:
            score += 2.0
            reasons.append(f"skill: {sorted(skills & wanted)[0]}")
        elif GENERALIST_SKILL in skills:
            score += 0.5
            reasons.append("generalist")
        else:
            continue
        if urgent and skills & set(PRIORITY_SKILLS):
            score += 1.0
            reasons.append("handles urgent cases")
        score += room / capacity
        reasons.append(f"load {agent.open_tickets}/{capacity}")
        choices.append(RouteChoice(agent.agent_id, round(score, 3), tuple(reasons)))
    choices.sort(key=lambda c: (-c.score, c.agent_id))
    return choices[:top]
