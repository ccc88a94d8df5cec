"""One ticket reduced to the figures the supervisor KPIs are built from.

Definitions (chosen here, written down because DESIGN.md leaves them open):

- first response time: ``first_response_at - created_at`` (wall clock, seconds).
- resolution time: ``solved_at - created_at`` for solved/closed tickets.
- CSAT: share of rated tickets with a rating of 4 or 5 (of 5), in percent.
- NPS: ``data.nps`` 0..10 where a survey answer exists; promoters (9-10) minus detractors (0-6), in
  points.
- complaint: category ``complaint`` or a ``complaint`` tag.
- first-contact resolution: a solved ticket on which the customer wrote only once (one public
  customer message: they never had to come back) and that was never reopened (``data.reopened``
  falsy). Tickets whose message count is unknown are left out.
- SLA met: first response at or before ``first_response_due`` and, once solved, solved at or before
  ``resolution_due`` (a tier's attainment is the share of tickets with a due time that met both).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from agentdesk.timeutil import from_wire

CLOSED_STATUSES = frozenset({"solved", "closed"})


@dataclass(frozen=True, slots=True)
class TicketFacts:
    ticket_id: str
    team_id: str
    agent_id: str | None
    channel: str
    priority: str
    category: str
    created_at: datetime
    first_response_s: float | None
    resolution_s: float | None
    csat: int | None
    nps: int | None
    complaint: bool
    fcr: bool | None
    sla_met: bool | None
    p1_response_met: bool | None  # P1 only: first human contact within 5 minutes
    open: bool


def _time(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and value:
        try:
            return from_wire(value)
        except ValueError:
            return None
    return None


def _int_in(value: Any, low: int, high: int) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = int(value)
    return number if low <= number <= high else None


P1_FIRST_RESPONSE_S = 5 * 60


def ticket_facts(
    ticket_id: str, data: dict[str, Any], customer_messages: int | None = None
) -> TicketFacts | None:
    """Facts for one ticket record (wire dict or store row as dict); None without a creation time."""
    created = _time(data.get("created_at"))
    if created is None:
        return None
    status = str(data.get("status_group") or data.get("status") or "open")
    first = _time(data.get("first_response_at"))
    solved = _time(data.get("solved_at"))
    closed = status in CLOSED_STATUSES
    first_s = max(0.0, (first - created).total_seconds()) if first else None
    res_s = max(0.0, (solved - created).total_seconds()) if solved and closed else None
    tags = data.get("tags") or []
    category = str(data.get("category") or "other")
    complaint = category == "complaint" or (isinstance(tags, list) and "complaint" in tags)
    fcr: bool | None = None
    if closed and customer_messages is not None:
        fcr = customer_messages <= 1 and not data.get("reopened")
    sla_met: bool | None = None
    fr_due, res_due = _time(data.get("first_response_due")), _time(data.get("resolution_due"))
    if fr_due is not None and (first is not None or closed):
        sla_met = first is not None and first <= fr_due
        if sla_met and closed and res_due is not None:
            sla_met = solved is not None and solved <= res_due
    priority = str(data.get("priority") or "P3")
    p1_met = None
    if priority == "P1" and first_s is not None:
        p1_met = first_s <= P1_FIRST_RESPONSE_S
    assignee = data.get("assignee_id")
    return TicketFacts(
        ticket_id=ticket_id,
        team_id=str(data.get("team_id") or ""),
        agent_id=assignee if isinstance(assignee, str) and assignee else None,
        channel=str(data.get("channel") or "other"),
        priority=priority,
        category=category,
        created_at=created,
        first_response_s=first_s,
        resolution_s=res_s,
        csat=_int_in(data.get("csat"), 1, 5),
        nps=_int_in(data.get("nps"), 0, 10),
        complaint=complaint,
        fcr=fcr,
        sla_met=sla_met,
        p1_response_met=p1_met,
        open=not closed,
    )
