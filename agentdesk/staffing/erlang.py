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


def _result(agents: int, traffic: float, aht: float, within: float) -> StaffingResult:
    c = erlang_c(agents, traffic)
    return StaffingResult(
        agents=agents,
        p_wait=c,
        service_level=service_level(agents, traffic, aht, within),
        asa_seconds=c * aht / (agents - traffic),
        occupancy=traffic / agents,
    )


def required_agents(
    arrivals_per_hour: float, aht_seconds: float, target: float = 0.8, within_seconds: float = 20.0
) -> StaffingResult:
    """The fewest agents that answer ``target`` of contacts within ``within_seconds``."""
    rate = _check("arrivals per hour", arrivals_per_hour, positive=False)
    aht = _check("average handle time", aht_seconds)
    within = _check("the answer-time target", within_seconds, positive=False)
    goal = _check("the service-level target", target)
    if not 0 < goal < 1:
        raise InputError("the service-level target must be between 0 and 1 (e.g. 0.8 for 80 %)")
    if rate == 0:
        return StaffingResult(0, 0.0, 1.0, 0.0, 0.0)
    traffic = rate / 3600 * aht
    agents = max(1, math.floor(traffic) + 1)
    while agents <= MAX_AGENTS:
        if service_level(agents, traffic, aht, within) >= goal:
            return _result(agents, traffic, aht, within)
        agents += 1
    raise InputError("that load needs more than 100,000 agents; check the inputs")


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
