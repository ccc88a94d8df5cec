"""SLA clocks: the P1/P2/P3 targets, business hours, holidays and pauses while waiting on the customer."""

from agentdesk.sla.calendar import ALWAYS_OPEN, BusinessCalendar
from agentdesk.sla.config import policy_from_mapping
from agentdesk.sla.engine import TARGETS, ClockState, SlaClock, SlaInput, SlaPolicy, SlaStatus

__all__ = [
    "ALWAYS_OPEN",
    "TARGETS",
    "BusinessCalendar",
    "ClockState",
    "SlaClock",
    "SlaInput",
    "SlaPolicy",
    "SlaStatus",
    "policy_from_mapping",
]
