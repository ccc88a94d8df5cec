"""Business rules shared by the gateway (which enforces them) and the console (which previews them)."""

from __future__ import annotations

from decimal import Decimal

from agentdesk.domain.enums import (
    APPROVAL_LIMITS,
    ApprovalKind,
    Role,
    TicketStatus,
)
from agentdesk.errors import PolicyError

S = TicketStatus

# Allowed status transitions. A closed ticket is final; a solved one may be reopened by a reply
# from the customer or an agent moving it back to open.
_TRANSITIONS: dict[TicketStatus, frozenset[TicketStatus]] = {
    S.NEW: frozenset({S.OPEN, S.PENDING, S.ON_HOLD, S.SOLVED, S.CLOSED}),
    S.OPEN: frozenset({S.PENDING, S.ON_HOLD, S.SOLVED, S.CLOSED}),
    S.PENDING: frozenset({S.OPEN, S.ON_HOLD, S.SOLVED, S.CLOSED}),
    S.ON_HOLD: frozenset({S.OPEN, S.PENDING, S.SOLVED, S.CLOSED}),
    S.SOLVED: frozenset({S.OPEN, S.CLOSED}),
    S.CLOSED: frozenset(),
}


def allowed_transitions(current: TicketStatus) -> frozenset[TicketStatus]:
    return _TRANSITIONS[current]


def check_transition(current: TicketStatus, target: TicketStatus) -> None:
    """Raise PolicyError(code="illegal_transition") unless current -> target is allowed."""
    if current == target:
        return
    if target not in _TRANSITIONS[current]:
        raise PolicyError(
            f"A ticket that is {current.value} cannot be set to {target.value}",
            code="illegal_transition",
        )


def can_reply(status: TicketStatus) -> bool:
    return status != TicketStatus.CLOSED


def check_approval_amount(kind: ApprovalKind, amount: Decimal) -> None:
    """Amounts must be positive, finite and have at most two decimals."""
    if not amount.is_finite() or amount <= 0:
        raise PolicyError("The amount must be a positive number", code="invalid_amount")
    if amount != amount.quantize(Decimal("0.01")):
        raise PolicyError("The amount can have at most two decimals", code="invalid_amount")


def can_approve(role: Role, kind: ApprovalKind, amount: Decimal) -> bool:
    """A team lead approves within the one-step limits; an admin approves any amount."""
    if role == Role.ADMIN:
        return True
    if role == Role.TEAM_LEAD:
        return amount <= APPROVAL_LIMITS[kind]
    return False
