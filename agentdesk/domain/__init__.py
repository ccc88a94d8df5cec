"""The AgentDesk domain: entity names, enumerations and the business rules on them.

Wire shapes (the ``data`` of a change) are documented in ``agentdesk.domain.entities``;
the local store's typed tables in ``agentdesk.store.models`` mirror them.
"""

from agentdesk.domain.enums import (
    APPROVAL_LIMITS,
    ApprovalDecision,
    ApprovalKind,
    ApprovalStatus,
    AuthorKind,
    Category,
    Channel,
    ChurnRisk,
    CustomerTier,
    Direction,
    Entity,
    MutationKind,
    Priority,
    Role,
    Sentiment,
    TicketStatus,
)

__all__ = [
    "APPROVAL_LIMITS",
    "ApprovalDecision",
    "ApprovalKind",
    "ApprovalStatus",
    "AuthorKind",
    "Category",
    "Channel",
    "ChurnRisk",
    "CustomerTier",
    "Direction",
    "Entity",
    "MutationKind",
    "Priority",
    "Role",
    "Sentiment",
    "TicketStatus",
]
