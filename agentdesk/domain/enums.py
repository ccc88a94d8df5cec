"""Closed vocabularies of the domain. Values are the exact strings used on the wire."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum


class Entity(StrEnum):
    AGENT = "agent"
    TEAM = "team"
    CUSTOMER = "customer"
    ORGANIZATION = "organization"
    INTERACTION = "interaction"
    TICKET = "ticket"
    MESSAGE = "message"
    ARTICLE = "article"
    SCRIPT = "script"
    APPROVAL = "approval"


class Role(StrEnum):
    AGENT = "agent"
    TEAM_LEAD = "team_lead"
    ADMIN = "admin"


class CustomerTier(StrEnum):
    VIP = "VIP"
    STANDARD = "standard"


class ChurnRisk(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @classmethod
    def from_health(cls, health_score: int) -> ChurnRisk:
        """Health 0..100 (100 = healthy) to a churn-risk band."""
        if health_score < 40:
            return cls.HIGH
        if health_score < 70:
            return cls.MEDIUM
        return cls.LOW


class Channel(StrEnum):
    PHONE = "phone"
    APP = "app"
    WEB = "web"
    STORE = "store"
    SOCIAL = "social"
    EMAIL = "email"
    CHAT = "chat"


class Direction(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


class TicketStatus(StrEnum):
    NEW = "new"
    OPEN = "open"
    PENDING = "pending"  # waiting on the customer: SLA clocks pause
    ON_HOLD = "on_hold"  # waiting on a third party / another department
    SOLVED = "solved"
    CLOSED = "closed"

    @property
    def is_open(self) -> bool:
        return self not in (TicketStatus.SOLVED, TicketStatus.CLOSED)


class Priority(StrEnum):
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"


class Category(StrEnum):
    BILLING = "billing"
    REFUND = "refund"
    DELIVERY = "delivery"
    TECHNICAL = "technical"
    ACCOUNT = "account"
    COMPLAINT = "complaint"
    PRODUCT_INFO = "product_info"
    OTHER = "other"


class Sentiment(StrEnum):
    NEGATIVE = "negative"
    NEUTRAL = "neutral"
    POSITIVE = "positive"


class AuthorKind(StrEnum):
    AGENT = "agent"
    CUSTOMER = "customer"
    SYSTEM = "system"


class ApprovalKind(StrEnum):
    REFUND = "refund"
    COMPENSATION = "compensation"


class ApprovalStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    ESCALATED = "escalated"


class ApprovalDecision(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    ESCALATE = "escalate"


# A team lead approves in one step up to these amounts (currency units); above: escalate.
APPROVAL_LIMITS: dict[ApprovalKind, Decimal] = {
    ApprovalKind.REFUND: Decimal("5000"),
    ApprovalKind.COMPENSATION: Decimal("2000"),
}


class MutationKind(StrEnum):
    TICKET_REPLY = "ticket.reply"
    TICKET_NOTE = "ticket.note"
    TICKET_SET_STATUS = "ticket.set_status"
    TICKET_SET_PRIORITY = "ticket.set_priority"
    TICKET_ASSIGN = "ticket.assign"
    TICKET_TAG = "ticket.tag"
    TICKET_TRANSFER = "ticket.transfer"
    CUSTOMER_UPDATE = "customer.update"
    APPROVAL_REQUEST = "approval.request"
    APPROVAL_DECIDE = "approval.decide"

    @property
    def entity(self) -> Entity:
        return Entity(self.value.split(".", 1)[0])
