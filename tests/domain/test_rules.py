from __future__ import annotations

from decimal import Decimal

import pytest

from agentdesk.domain import ApprovalKind, MutationKind, Role, TicketStatus
from agentdesk.domain.rules import can_approve, can_reply, check_approval_amount, check_transition
from agentdesk.errors import PolicyError


@pytest.mark.parametrize(
    ("current", "target"),
    [("new", "open"), ("open", "pending"), ("pending", "open"), ("solved", "open"), ("open", "closed")],
)
def test_allowed_transitions(current: str, target: str) -> None:
    check_transition(TicketStatus(current), TicketStatus(target))


@pytest.mark.parametrize(
    ("current", "target"), [("closed", "open"), ("closed", "solved"), ("solved", "pending")]
)
def test_illegal_transitions_are_refused_with_a_code(current: str, target: str) -> None:
    with pytest.raises(PolicyError) as info:
        check_transition(TicketStatus(current), TicketStatus(target))
    assert info.value.code == "illegal_transition"
    assert current in str(info.value)


def test_closed_tickets_take_no_replies() -> None:
    assert not can_reply(TicketStatus.CLOSED)
    assert can_reply(TicketStatus.SOLVED)


@pytest.mark.parametrize(
    ("role", "kind", "amount", "allowed"),
    [
        (Role.TEAM_LEAD, ApprovalKind.REFUND, "5000", True),
        (Role.TEAM_LEAD, ApprovalKind.REFUND, "5000.01", False),
        (Role.TEAM_LEAD, ApprovalKind.COMPENSATION, "2000", True),
        (Role.TEAM_LEAD, ApprovalKind.COMPENSATION, "2000.50", False),
        (Role.ADMIN, ApprovalKind.REFUND, "90000", True),
        (Role.AGENT, ApprovalKind.REFUND, "1", False),
    ],
)
def test_one_step_approval_limits(role: Role, kind: ApprovalKind, amount: str, allowed: bool) -> None:
    assert can_approve(role, kind, Decimal(amount)) is allowed


@pytest.mark.parametrize("amount", ["0", "-5", "NaN", "Infinity", "10.001"])
def test_bad_amounts_are_refused(amount: str) -> None:
    with pytest.raises(PolicyError) as info:
        check_approval_amount(ApprovalKind.REFUND, Decimal(amount))
    assert info.value.code == "invalid_amount"


def test_mutation_kinds_name_their_entity() -> None:
    assert MutationKind.TICKET_REPLY.entity == "ticket"
    assert MutationKind.APPROVAL_DECIDE.entity == "approval"
    assert MutationKind.CUSTOMER_UPDATE.entity == "customer"
