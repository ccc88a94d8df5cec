"""Erlang C with the numerically stable Erlang B recursion (no factorials, fine at 1,000+ agents).

Traffic A = arrivals per second × average handle time (Erlangs). With N agents (N > A):
  B(0) = 1, B(k) = A·B(k-1) / (k + A·B(k-1))                 Erlang B
  C = N·B / (N - A·(1 - B))                                   probability a contact waits
  SL(T) = 1 - C·exp(-(N - A)·T / AHT)                         answered within T seconds
  ASA = C·AHT / (N - A)                                       average speed of answer
  occupancy = A / N
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from agentdesk.errors import InputError

MAX_AGENTS = 100_000


@dataclass(frozen=True)
class StaffingResult:
    agents: int
    p_wait: float
    service_level: float
    asa_seconds: float
    occupancy: float

    def as_dict(self) -> dict[str, float | int]:
        return {k: (round(v, 6) if isinstance(v, float) else v) for k, v in asdict(self).items()}


def _check(name: str, value: float, *, positive: bool = True) -> float:
    if not isinstance(value, int | float) or math.isnan(value) or math.isinf(value):
        raise InputError(f"{name} must be a number")
    if positive and value <= 0:
        raise InputError(f"{name} must be greater than zero")
    if not positive and value < 0:
        raise InputError(f"{name} must not be negative")
    return float(value)


def erlang_c(agents: int, traffic: float) -> float:
    """Probability that a contact has to wait (1.0 when the queue is unstable, agents <= traffic)."""
    if agents <= traffic:
        return 1.0
    b = 1.0
    for k in range(1, agents + 1):
        b = traffic * b / (k + traffic * b)
    return agents * b / (agents - traffic * (1 - b))


def service_level(agents: int, traffic: float, aht: float, within: float) -> float:
    if agents <= traffic:
        return 0.0
    return max(0.0, 1 - erlang_c(agents, traffic) * math.exp(-(agents - traffic) * within / aht))


@dataclass(frozen=True)
class ServiceTarget:
    """``fraction`` of contacts answered within ``within_seconds`` (80 % in 20 s is the classic one)."""

    fraction: float = 0.8
    within_seconds: float = 20.0

    @classmethod
    def for_tier(cls, priority: str, fraction: float = 0.9) -> ServiceTarget:
        """The programme's tier target, e.g. 90 % of P1 answered within its 5-minute first response."""
        from agentdesk.domain.enums import Priority
        from agentdesk.sla import TARGETS

        try:
            first_response = TARGETS[Priority(priority)][0]
        except ValueError:
            raise InputError(f"unknown priority {priority!r} (P1, P2 or P3)") from None
        return cls(fraction, first_response.total_seconds())


def required_agents(
    arrivals_per_hour: float, aht_seconds: float, target: float = 0.8, within_seconds: float = 20.0
) -> StaffingResult:
    """The fewest agents that answer ``target`` of contacts within ``within_seconds``.

    No arrivals need no agents (a night interval of a day plan)."""
    rate = _check("arrivals per hour", arrivals_per_hour, positive=False)
    aht = _check("average handle time", aht_seconds)
    within = _check("the answer-time target", within_seconds, positive=False)
    goal = _check("the service-level target", target)
    if not 0 < goal < 1:
        raise InputError("the service-level target must be between 0 and 1 (e.g. 0.8 for 80 %)")
    if rate == 0:
        return StaffingResult(0, 0.0, 1.0, 0.0, 0.0)
    traffic = rate / 3600 * aht
    # Walk the Erlang B recursion once, upwards: each extra agent costs one step, not a restart.
    b = 1.0
    for agents in range(1, MAX_AGENTS + 1):
        b = traffic * b / (agents + traffic * b)
        if agents <= traffic:
            continue
        c = agents * b / (agents - traffic * (1 - b))
        level = max(0.0, 1 - c * math.exp(-(agents - traffic) * within / aht))
        if level >= goal:
            return StaffingResult(agents, c, level, c * aht / (agents - traffic), traffic / agents)
    raise InputError("that load needs more than 100,000 agents; check the inputs")


def required_agents_for(
    arrivals_per_hour: float, aht_seconds: float, target: ServiceTarget
) -> StaffingResult:
    return required_agents(arrivals_per_hour, aht_seconds, target.fraction, target.within_seconds)


def day_plan(
    arrivals_per_interval: Sequence[float],
    interval_minutes: int,
    aht_seconds: float,
    target: float = 0.8,
    within_seconds: float = 20.0,
) -> list[StaffingResult]:
    """Agents needed in each interval of a day (e.g. 48 half-hours) from forecast arrivals."""
    if interval_minutes <= 0:
        raise InputError("the interval must be at least one minute")
    per_hour = 60 / interval_minutes
    return [required_agents(n * per_hour, aht_seconds, target, within_seconds) for n in arrivals_per_interval]


def average_arrivals(history: Sequence[Sequence[float]]) -> list[float]:
    """A day's forecast from recent days' arrivals per interval (the mean of each interval)."""
    if not history:
        raise InputError("no arrival history to forecast from")
    width = len(history[0])
    if any(len(day) != width for day in history):
        raise InputError("every day of the history must have the same number of intervals")
    for day in history:
        for n in day:
            _check("arrivals in an interval", n, positive=False)
    return [sum(day[i] for day in history) / len(history) for i in range(width)]
