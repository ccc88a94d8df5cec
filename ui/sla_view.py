"""SLA countdowns for the queue: due time of the clock that runs now, and its state at any instant.

The due time comes from agentdesk.sla (computed once per load, on the worker); the countdown and
its colour are recomputed each second on the UI thread from that due time (cheap arithmetic).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from agentdesk.domain.enums import Priority
from agentdesk.sla import ClockState, SlaInput, SlaPolicy
from agentdesk.ui.data import QueueRow

_POLICY = SlaPolicy()


@dataclass(frozen=True, slots=True)
class Countdown:
    due: datetime | None
    allowance: timedelta
    first_response: bool  # True: the first-response clock runs; False: resolution
    paused: bool

    def state(self, now: datetime) -> str:
        if self.paused or self.due is None:
            return "paused"
        left = self.due - now
        if left < timedelta(0):
            return "breached"
        if left < self.allowance * (1 - _POLICY.warning_fraction):
            return "warning"
        return "ok"

    def remaining(self, now: datetime) -> timedelta | None:
        return None if self.due is None else self.due - now


def countdown(row: QueueRow, now: datetime) -> Countdown:
    try:
        priority = Priority(row.priority)
    except ValueError:
        priority = Priority.P3
    status = _POLICY.evaluate(
        SlaInput(row.created_at, priority, row.first_response_at, row.solved_at, row.pauses), now
    )
    respond, resolve = _POLICY.targets[priority]
    if row.first_response_at is None:
        clock, allowance, first = status.first_response, respond, True
    else:
        clock, allowance, first = status.resolution, resolve, False
    return Countdown(clock.due, allowance, first, clock.state == ClockState.PAUSED)


def format_remaining(left: timedelta | None) -> str:
    if left is None:
        return "—"
    seconds = int(left.total_seconds())
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{sign}{days}d {hours:02d}h"
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"
