"""Due times, remaining time and breach state of a ticket's two SLA clocks at any instant."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from agentdesk.domain.enums import Priority
from agentdesk.errors import ConfigError, InputError
from agentdesk.sla.calendar import ALWAYS_OPEN, BusinessCalendar, Interval

# Human contact / solution targets per tier (the service policy in DESIGN.md).
TARGETS: dict[Priority, tuple[timedelta, timedelta]] = {
    Priority.P1: (timedelta(minutes=5), timedelta(hours=2)),
    Priority.P2: (timedelta(minutes=10), timedelta(hours=24)),
    Priority.P3: (timedelta(minutes=15), timedelta(hours=48)),
}


class ClockState(StrEnum):
    OK = "ok"
    WARNING = "warning"  # most of the allowance used
    BREACHED = "breached"
    MET = "met"  # done in time
    MISSED = "missed"  # done, but late
    PAUSED = "paused"  # waiting on the customer


@dataclass(frozen=True)
class SlaInput:
    created_at: datetime
    priority: Priority
    first_response_at: datetime | None = None
    resolved_at: datetime | None = None
    pauses: Sequence[Interval] = ()


@dataclass(frozen=True)
class SlaClock:
    due: datetime | None  # None while paused for good
    remaining: timedelta | None  # running time left (negative once breached)
    state: ClockState


@dataclass(frozen=True)
class SlaStatus:
    first_response: SlaClock
    resolution: SlaClock


@dataclass(frozen=True)
class SlaPolicy:
    """Which calendar each tier runs on and when to warn.

    ``SlaPolicy()`` runs every tier around the clock; ``with_business_hours(office)`` puts P2 and P3
    on office hours and keeps P1 around the clock (both choices configurable)."""

    calendars: dict[Priority, BusinessCalendar] = field(
        default_factory=lambda: {Priority.P1: ALWAYS_OPEN, Priority.P2: ALWAYS_OPEN, Priority.P3: ALWAYS_OPEN}
    )
    warning_fraction: float = 0.75
    targets: dict[Priority, tuple[timedelta, timedelta]] = field(default_factory=lambda: dict(TARGETS))

    def __post_init__(self) -> None:
        if not 0 < self.warning_fraction < 1:
            raise ConfigError(
                "the SLA warning fraction must be between 0 and 1 (e.g. 0.75)", key="warning_fraction"
            )

    @classmethod
    def with_business_hours(
        cls,
        office: BusinessCalendar,
        *,
        business_tiers: Collection[Priority] = (Priority.P2, Priority.P3),
        warning_fraction: float = 0.75,
    ) -> SlaPolicy:
        """Tiers in ``business_tiers`` run on ``office`` hours, the others around the clock."""
        return cls(
            {p: office if p in business_tiers else ALWAYS_OPEN for p in Priority},
            warning_fraction,
        )

    def evaluate(self, ticket: SlaInput, now: datetime) -> SlaStatus:
        """Both clocks at ``now``. A priority change re-evaluates from ``created_at`` with the new tier."""
        _check_input(ticket, now)
        calendar = self.calendars[ticket.priority]
        respond, resolve = self.targets[ticket.priority]
        # Waiting on the customer pauses the resolution clock; the first human contact is owed anyway.
        # A ticket solved without a separate first reply was answered when it was solved.
        return SlaStatus(
            first_response=self._clock(
                calendar, ticket.created_at, respond, (), ticket.first_response_at or ticket.resolved_at, now
            ),
            resolution=self._clock(
                calendar, ticket.created_at, resolve, ticket.pauses, ticket.resolved_at, now
            ),
        )

    def _clock(
        self,
        calendar: BusinessCalendar,
        start: datetime,
        allowance: timedelta,
        pauses: Sequence[Interval],
        done_at: datetime | None,
        now: datetime,
    ) -> SlaClock:
        due = calendar.add(start, allowance, pauses)
        if done_at is not None:
            used = calendar.elapsed(start, done_at, pauses)
            state = ClockState.MET if used <= allowance else ClockState.MISSED
            return SlaClock(due, allowance - used, state)
        used = calendar.elapsed(start, now, pauses)
        remaining = allowance - used
        if remaining < timedelta(0) or (due is not None and now >= due):
            state = ClockState.BREACHED  # a pause after the breach does not hide it
        elif any(p0 <= now and (p1 is None or p1 > now) for p0, p1 in pauses):
            state = ClockState.PAUSED
        elif used >= allowance * self.warning_fraction:
            state = ClockState.WARNING
        else:
            state = ClockState.OK
        return SlaClock(due, remaining, state)


def _check_input(ticket: SlaInput, now: datetime) -> None:
    moments = [ticket.created_at, now, ticket.first_response_at, ticket.resolved_at]
    moments += [m for pause in ticket.pauses for m in pause]
    if any(m is not None and m.utcoffset() is None for m in moments):
        raise InputError("SLA times must be timezone-aware (UTC); got a naive datetime")
    if any(end is not None and end < start for start, end in ticket.pauses):
        raise InputError("a pause ends before it starts")
