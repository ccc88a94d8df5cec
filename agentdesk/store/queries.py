"""Read queries behind the console's views. Each returns plain frozen values, safe to pass between threads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from agentdesk.store.codec import wire_data
from agentdesk.store.models import Customer, Interaction, Organization, Ticket

_OPEN_GROUPS = ("new", "open", "pending", "on_hold")

_customer = Customer.__table__
_organization = Organization.__table__
_ticket = Ticket.__table__
_interaction = Interaction.__table__


@dataclass(frozen=True, slots=True)
class Customer360:
    """Everything the 360 view paints for one customer, as wire-shaped dicts."""

    customer_id: str
    customer: dict[str, Any]
    organization: dict[str, Any] | None
    open_tickets: tuple[dict[str, Any], ...]
    interactions: tuple[dict[str, Any], ...]  # newest first
    has_more_interactions: bool


def _as_record(entity: str, row: Any) -> dict[str, Any]:
    mapping = row._mapping
    return {"id": mapping["id"], "version": mapping["server_version"], **wire_data(entity, mapping)}


def load_customer_360(conn: Connection, customer_id: str, *, interactions: int = 200) -> Customer360 | None:
    """Profile, organization, open tickets and the newest ``interactions`` across all channels."""
    row = conn.execute(select(_customer).where(_customer.c.id == customer_id)).first()
    if row is None:
        return None
    customer = _as_record("customer", row)
    organization = None
    org_id = row._mapping["organization_id"]
    if org_id:
        org_row = conn.execute(select(_organization).where(_organization.c.id == org_id)).first()
        organization = _as_record("organization", org_row) if org_row else None
    tickets = conn.execute(
        select(_ticket)
        .where(_ticket.c.customer_id == customer_id, _ticket.c.status_group.in_(_OPEN_GROUPS))
        .order_by(_ticket.c.priority, _ticket.c.created_at)
    ).all()
    history = conn.execute(
        select(_interaction)
        .where(_interaction.c.customer_id == customer_id)
        .order_by(_interaction.c.occurred_at.desc())
        .limit(interactions + 1)
    ).all()
    return Customer360(
        customer_id=customer_id,
        customer=customer,
        organization=organization,
        open_tickets=tuple(_as_record("ticket", t) for t in tickets),
        interactions=tuple(_as_record("interaction", i) for i in history[:interactions]),
        has_more_interactions=len(history) > interactions,
    )
