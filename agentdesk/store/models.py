"""Typed mappings of the agent's local store (SQLAlchemy 2.0, SQLite).

Entity tables hold the server's rows plus ``server_version``; fields of the wire record that a
table has no column for are kept in ``extra`` and sent back untouched. The schema changes only
through Alembic migrations (``agentdesk/store/migrations``); these classes must match the head.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, Index, Integer, Numeric, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from agentdesk.store.types import UTCDateTime


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON}


class EntityRow:
    """Columns every replicated entity table has."""

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)


class Agent(EntityRow, Base):
    __tablename__ = "agents"
    login: Mapped[str] = mapped_column(String(128))
    name: Mapped[str] = mapped_column(String(256))
    email: Mapped[str | None] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(16))
    team_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
    skills: Mapped[list[Any]] = mapped_column(JSON, default=list)
    max_load: Mapped[int | None] = mapped_column(Integer)


class Team(EntityRow, Base):
    __tablename__ = "teams"
    name: Mapped[str] = mapped_column(String(256))
    department: Mapped[str | None] = mapped_column(String(128))
    lead_id: Mapped[str | None] = mapped_column(String(64))


class Organization(EntityRow, Base):
    __tablename__ = "organizations"
    name: Mapped[str] = mapped_column(String(256))
    industry: Mapped[str | None] = mapped_column(String(128))
    tier: Mapped[str | None] = mapped_column(String(16))
    external_ref: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Customer(EntityRow, Base):
    __tablename__ = "customers"
    name: Mapped[str] = mapped_column(String(256))
    organization_id: Mapped[str | None] = mapped_column(String(64), index=True)
    tier: Mapped[str] = mapped_column(String(16), default="standard")
    tags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    health_score: Mapped[int | None] = mapped_column(Integer)
    churn_risk: Mapped[str | None] = mapped_column(String(16))
    verified: Mapped[bool] = mapped_column(Boolean, default=False)
    verified_at: Mapped[datetime | None]
    language: Mapped[str | None] = mapped_column(String(8))
    phone: Mapped[str | None] = mapped_column(String(64))
    email: Mapped[str | None] = mapped_column(String(256))
    address: Mapped[str | None] = mapped_column(Text)
    national_id: Mapped[str | None] = mapped_column(String(64))
    contacts: Mapped[list[Any] | None] = mapped_column(JSON)
    complaints_90d: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime | None]
    external_ref: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Interaction(EntityRow, Base):
    __tablename__ = "interactions"
    __table_args__ = (Index("ix_interactions_customer_time", "customer_id", "occurred_at"),)
    customer_id: Mapped[str] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(16))
    direction: Mapped[str] = mapped_column(String(16))
    occurred_at: Mapped[datetime]
    summary: Mapped[str] = mapped_column(Text, default="")
    ticket_id: Mapped[str | None] = mapped_column(String(64))
    agent_id: Mapped[str | None] = mapped_column(String(64))
    duration_seconds: Mapped[int | None] = mapped_column(Integer)
    sentiment: Mapped[str | None] = mapped_column(String(16))


_OPEN_TICKET = "status_group IN ('new', 'open', 'pending', 'on_hold')"


class Ticket(EntityRow, Base):
    __tablename__ = "tickets"
    __table_args__ = (
        Index("ix_tickets_customer_status", "customer_id", "status_group"),
        Index("ix_tickets_assignee_status", "assignee_id", "status_group"),
        Index("ix_tickets_team_status", "team_id", "status_group"),
        # The queue's own order over open tickets, per team (migration 0005 says why).
        Index("ix_tickets_open_team", "team_id", "priority", "created_at", sqlite_where=text(_OPEN_TICKET)),
    )
    number: Mapped[int] = mapped_column(Integer, index=True)
    subject: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(32))  # ours, or the upstream word
    status_group: Mapped[str] = mapped_column(String(16))  # always ours
    priority: Mapped[str] = mapped_column(String(4))
    category: Mapped[str | None] = mapped_column(String(32))
    department: Mapped[str | None] = mapped_column(String(64))
    team_id: Mapped[str] = mapped_column(String(64))
    customer_id: Mapped[str] = mapped_column(String(64))
    assignee_id: Mapped[str | None] = mapped_column(String(64))
    tags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    channel: Mapped[str | None] = mapped_column(String(16))
    sentiment: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    first_response_at: Mapped[datetime | None]
    solved_at: Mapped[datetime | None]
    sla_pauses: Mapped[list[Any] | None] = mapped_column(JSON)
    first_response_due: Mapped[datetime | None]
    resolution_due: Mapped[datetime | None]
    csat: Mapped[int | None] = mapped_column(Integer)
    external_ref: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Message(EntityRow, Base):
    __tablename__ = "messages"
    __table_args__ = (Index("ix_messages_ticket_time", "ticket_id", "created_at"),)
    ticket_id: Mapped[str] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)
    public: Mapped[bool] = mapped_column(Boolean)
    author_id: Mapped[str | None] = mapped_column(String(64))
    author_kind: Mapped[str] = mapped_column(String(16))
    author_name: Mapped[str | None] = mapped_column(String(256))
    created_at: Mapped[datetime]
    external_ref: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Article(EntityRow, Base):
    __tablename__ = "articles"
    lang: Mapped[str] = mapped_column(String(8))
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    tags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    updated_at: Mapped[datetime | None]


class Script(EntityRow, Base):
    __tablename__ = "scripts"
    lang: Mapped[str] = mapped_column(String(8))
    category: Mapped[str] = mapped_column(String(32))
    scenario: Mapped[str] = mapped_column(String(128))
    title: Mapped[str] = mapped_column(Text)
    empathy: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    commitment: Mapped[str] = mapped_column(Text)
    variables: Mapped[list[Any]] = mapped_column(JSON, default=list)


class Approval(EntityRow, Base):
    __tablename__ = "approvals"
    ticket_id: Mapped[str] = mapped_column(String(64), index=True)
    team_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    amount: Mapped[Decimal] = mapped_column(Numeric(14, 2, asdecimal=True))
    currency: Mapped[str | None] = mapped_column(String(8))
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    requested_by: Mapped[str] = mapped_column(String(64))
    requested_at: Mapped[datetime]
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None]
    decision_reason: Mapped[str | None] = mapped_column(Text)


# --- client-side sync bookkeeping -------------------------------------------------------------


class SyncState(Base):
    """Key/value state of the replicator (cursor, client id, clock offset), written with the rows."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class OutboxMutation(Base):
    """A mutation the agent made, kept until the gateway answers applied, duplicate or rejected."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    mutation_id: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[str] = mapped_column(String(64), index=True)
    base_version: Mapped[int | None] = mapped_column(Integer)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(16), default="pending", index=True)  # pending|acked|rejected
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    rejected_reason: Mapped[str | None] = mapped_column(Text)
    # Server version an applied mutation was written at; the entry ("acked") keeps its overlay
    # until the pull cursor reaches it, then goes away.
    acked_version: Mapped[int | None] = mapped_column(Integer)


class SyncShadow(Base):
    """The last server data of a row that has local edits on top (see agentdesk.sync.client)."""

    __tablename__ = "sync_shadow"
    entity: Mapped[str] = mapped_column(String(16), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class Draft(Base):
    """Composer text autosaved every few seconds, so a crash never loses what the agent typed."""

    __tablename__ = "drafts"
    key: Mapped[str] = mapped_column(String(128), primary_key=True)  # "ticket:<id>:reply"
    ticket_id: Mapped[str | None] = mapped_column(String(64))
    mode: Mapped[str] = mapped_column(String(16))  # reply | note
    body: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime]


ENTITY_MODELS: dict[str, type[EntityRow]] = {
    "agent": Agent,
    "team": Team,
    "customer": Customer,
    "organization": Organization,
    "interaction": Interaction,
    "ticket": Ticket,
    "message": Message,
    "article": Article,
    "script": Script,
    "approval": Approval,
}
