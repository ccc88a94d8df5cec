"""Triage and routing for a ticket of the local store: its latest customer message, the customer's
tier and complaint count, and the agents of its team with their skills and open tickets."""

from __future__ import annotations

import json

from sqlalchemy import Connection

from agentdesk.errors import InputError
from agentdesk.triage.engine import Customer, Triage, triage
from agentdesk.triage.routing import AgentLoad, RouteChoice, recommend

_OPEN = ("new", "open", "pending", "on_hold")


def triage_ticket(conn: Connection, ticket_id: str) -> Triage:
    row = conn.exec_driver_sql(
        "SELECT t.subject, c.tier, c.complaints_90d FROM tickets AS t "
        "LEFT JOIN customers AS c ON c.id = t.customer_id WHERE t.id = ?",
        (ticket_id,),
    ).first()
    if row is None:
        raise InputError(f"No ticket {ticket_id!r} in this store")
    subject, tier, complaints = row
    latest = conn.exec_driver_sql(
        "SELECT body FROM messages WHERE ticket_id = ? AND author_kind = 'customer' "
        "ORDER BY created_at DESC LIMIT 1",
        (ticket_id,),
    ).scalar()
    text = latest if latest else subject or ""
    return triage(text, Customer(tier or "standard", int(complaints or 0)))


def route_ticket(conn: Connection, ticket_id: str, *, top: int = 3) -> list[RouteChoice]:
    """Agents of the ticket's team best placed to take it (category from the ticket or triage)."""
    row = conn.exec_driver_sql(
        "SELECT team_id, category, priority FROM tickets WHERE id = ?", (ticket_id,)
    ).first()
    if row is None:
        raise InputError(f"No ticket {ticket_id!r} in this store")
    team_id, category, priority = row
    if not category:
        result = triage_ticket(conn, ticket_id)
        category, priority = result.category.value, result.priority.value
    marks = ",".join("?" * len(_OPEN))
    load = dict(
        conn.exec_driver_sql(
            f"SELECT assignee_id, count(*) FROM tickets WHERE status_group IN ({marks}) "
            "AND assignee_id IS NOT NULL GROUP BY assignee_id",
            _OPEN,
        ).all()
    )
    agents = []
    for agent_id, team_ids, skills, max_load in conn.exec_driver_sql(
        "SELECT id, team_ids, skills, max_load FROM agents"
    ):
        teams = json.loads(team_ids) if isinstance(team_ids, str) else (team_ids or [])
        if team_id not in teams:
            continue
        skill_list = json.loads(skills) if isinstance(skills, str) else (skills or [])
        agents.append(AgentLoad(agent_id, tuple(skill_list), int(load.get(agent_id, 0)), max_load))
    return recommend(category, priority, agents, top=top)
