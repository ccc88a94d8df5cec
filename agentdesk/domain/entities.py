"""Wire shapes: the ``data`` object of each entity in ``/v1/changes``.

Timestamps are ISO 8601 strings in UTC with a ``Z`` suffix (``2026-11-23T08:00:00Z``); money is a
decimal string (``"129.90"``); ids are strings. Every field may be absent in a partial record from
an upstream connector; readers use ``.get``. Fields a client does not know are kept (the local
store's ``extra`` column) and sent back untouched. Personal fields (``phone``, ``email``,
``address``, ``national_id``) arrive masked for agents and team leads; see ``agentdesk.privacy``.
"""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict


class ExternalRef(TypedDict):
    system: Literal["zendesk", "django-helpdesk", "crm"]
    id: str


class AgentData(TypedDict):
    login: str
    name: str
    email: NotRequired[str]
    role: Literal["agent", "team_lead", "admin"]
    team_ids: list[str]
    skills: list[str]  # categories and languages the agent handles, e.g. "refund", "lang:zh"
    max_load: NotRequired[int]  # open tickets the agent can hold


class TeamData(TypedDict):
    name: str
    department: str
    lead_id: NotRequired[str | None]


class OrganizationData(TypedDict):
    name: str
    industry: NotRequired[str]
    tier: NotRequired[Literal["VIP", "standard"]]
    external_ref: NotRequired[ExternalRef]


class ContactPoint(TypedDict):
    channel: Literal["phone", "app", "web", "store", "social", "email", "chat"]
    handle: str  # masked like the personal fields where it identifies the person
    verified: NotRequired[bool]


class CustomerData(TypedDict):
    name: str
    organization_id: NotRequired[str | None]
    tier: Literal["VIP", "standard"]
    tags: list[str]  # e.g. "high-value enterprise", "price-sensitive", "frequent complainer"
    health_score: int  # 0..100, 100 = healthy
    churn_risk: Literal["low", "medium", "high"]
    verified: bool  # identity verified once, then trusted on every channel
    verified_at: NotRequired[str | None]
    language: NotRequired[Literal["en", "zh"]]
    phone: NotRequired[str | None]
    email: NotRequired[str | None]
    address: NotRequired[str | None]
    national_id: NotRequired[str | None]
    contacts: NotRequired[list[ContactPoint]]
    complaints_90d: NotRequired[int]
    created_at: NotRequired[str]
    external_ref: NotRequired[ExternalRef]


class InteractionData(TypedDict):
    customer_id: str
    channel: Literal["phone", "app", "web", "store", "social", "email", "chat"]
    direction: Literal["inbound", "outbound"]
    occurred_at: str
    summary: str
    ticket_id: NotRequired[str | None]
    agent_id: NotRequired[str | None]
    duration_seconds: NotRequired[int | None]
    sentiment: NotRequired[Literal["negative", "neutral", "positive"] | None]


class SlaPause(TypedDict):
    start: str
    end: str | None  # None while still waiting on the customer


class TicketData(TypedDict):
    number: int  # human ticket number shown to agents and customers
    subject: str
    status: str  # ours (new/open/pending/on_hold/solved/closed) or the upstream word
    status_group: NotRequired[str]  # ours, when status holds an upstream word
    priority: Literal["P1", "P2", "P3"]
    category: NotRequired[str | None]
    department: NotRequired[str | None]
    team_id: str
    customer_id: str
    assignee_id: NotRequired[str | None]
    tags: list[str]
    channel: NotRequired[str]
    sentiment: NotRequired[str | None]
    created_at: str
    updated_at: str
    first_response_at: NotRequired[str | None]
    solved_at: NotRequired[str | None]
    sla_pauses: NotRequired[list[SlaPause]]
    first_response_due: NotRequired[str | None]
    resolution_due: NotRequired[str | None]
    csat: NotRequired[int | None]  # 1..5
    external_ref: NotRequired[ExternalRef]


class MessageData(TypedDict):
    ticket_id: str
    body: str
    public: bool  # True: reply the customer sees; False: internal note
    author_id: NotRequired[str | None]
    author_kind: Literal["agent", "customer", "system"]
    author_name: NotRequired[str]
    created_at: str
    external_ref: NotRequired[ExternalRef]


class ArticleData(TypedDict):
    lang: Literal["en", "zh"]
    title: str
    body: str
    tags: list[str]
    updated_at: NotRequired[str]


class ScriptVariable(TypedDict):
    name: str
    type: Literal["text", "money", "date", "order_number", "number"]
    label: NotRequired[str]


class ScriptData(TypedDict):
    lang: Literal["en", "zh"]
    category: str
    scenario: str
    title: str
    empathy: str
    answer: str
    commitment: str
    variables: list[ScriptVariable]


class ApprovalData(TypedDict):
    ticket_id: str
    team_id: str
    kind: Literal["refund", "compensation"]
    amount: str  # decimal string
    currency: NotRequired[str]
    reason: str
    status: Literal["pending", "approved", "rejected", "escalated"]
    requested_by: str
    requested_at: str
    decided_by: NotRequired[str | None]
    decided_at: NotRequired[str | None]
    decision_reason: NotRequired[str | None]
