"""Queue-theory staffing (Erlang C): agents needed for a service-level target, and a day's forecast."""

from agentdesk.staffing.erlang import (
    ServiceTarget,
    StaffingResult,
    average_arrivals,
    day_plan,
    erlang_c,
    required_agents,
    required_agents_for,
    service_level,
)

__all__ = [
    "ServiceTarget",
    "StaffingResult",
    "average_arrivals",
    "day_plan",
    "erlang_c",
    "required_agents",
    "required_agents_for",
    "service_level",
]
