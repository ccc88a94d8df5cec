"""An SLA policy from plain data (a JSON/TOML table the gateway or IT supplies), checked key by key.

    {
      "timezone": "Asia/Shanghai",
      "hours": {"mon": ["09:00-12:00", "13:00-18:00"], "tue": ["09:00-18:00"], ...},
      "holidays": ["2026-10-01", "2026-10-02"],
      "business_tiers": ["P2", "P3"],
      "warning_fraction": 0.75
    }

Without "hours" every tier runs around the clock. Days not listed are closed.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, time
from typing import Any

from agentdesk.domain.enums import Priority
from agentdesk.errors import ConfigError
from agentdesk.sla.calendar import BusinessCalendar
from agentdesk.sla.engine import SlaPolicy

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _fail(message: str, key: str, source: str | None) -> ConfigError:
    return ConfigError(message, file=source, key=key)


def _span(text: Any, key: str, source: str | None) -> tuple[time, time]:
    try:
        start, end = (time.fromisoformat(part.strip()) for part in str(text).split("-"))
    except ValueError:
        raise _fail(f"{text!r} is not a span like '09:00-18:00'", key, source) from None
    if end <= start:
        raise _fail(f"{text!r} ends before it starts", key, source)
    return start, end


def policy_from_mapping(data: Mapping[str, Any], *, source: str | None = None) -> SlaPolicy:
    """The policy ``data`` describes; ``source`` (a file name) is named in errors with the bad key."""
    unknown = set(data) - {"timezone", "hours", "holidays", "business_tiers", "warning_fraction"}
    if unknown:
        raise _fail("unknown SLA setting", sorted(unknown)[0], source)
    fraction = data.get("warning_fraction", 0.75)
    if isinstance(fraction, bool) or not isinstance(fraction, int | float) or not 0 < fraction < 1:
        raise _fail("must be a number between 0 and 1", "warning_fraction", source)
    hours = data.get("hours")
    if hours is None:
        return SlaPolicy(warning_fraction=float(fraction))
    if not isinstance(hours, Mapping):
        raise _fail("must map weekdays (mon..sun) to lists of spans", "hours", source)
    weekly: dict[int, tuple[tuple[time, time], ...]] = {}
    for day, spans in hours.items():
        if day not in WEEKDAYS:
            raise _fail("weekdays are mon, tue, wed, thu, fri, sat, sun", f"hours.{day}", source)
        if not isinstance(spans, list):
            raise _fail("must be a list of spans like '09:00-18:00'", f"hours.{day}", source)
        weekly[WEEKDAYS.index(day)] = tuple(_span(s, f"hours.{day}", source) for s in spans)
    holidays = []
    for text in data.get("holidays", []):
        try:
            holidays.append(date.fromisoformat(str(text)))
        except ValueError:
            raise _fail(f"{text!r} is not a date like 2026-10-01", "holidays", source) from None
    try:
        tiers = {Priority(p) for p in data.get("business_tiers", ["P2", "P3"])}
    except ValueError:
        raise _fail("tiers are P1, P2, P3", "business_tiers", source) from None
    try:
        calendar = BusinessCalendar(str(data.get("timezone", "UTC")), weekly, frozenset(holidays))
    except ConfigError as exc:
        raise _fail(exc.message, exc.key or "hours", source) from None
    return SlaPolicy.with_business_hours(calendar, business_tiers=tiers, warning_fraction=float(fraction))
