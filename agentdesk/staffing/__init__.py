"""Queue-theory staffing (Erlang C): agents needed for a service-level target, and a day's forecast."""

from agentdesk.staffing.erlang import StaffingResult, day_plan, erlang_c, required_agents, service_level

__all__ = ["StaffingResult", "day_plan", "erlang_c", "required_agents", "service_level"]
