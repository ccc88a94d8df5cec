"""Red and yellow alerts from configurable rules over a per-team snapshot.

``evaluate(rules, snapshots)`` says which alerts hold now; ``diff(active, current)`` turns two
evaluations into raised / changed / cleared, so whoever keeps the alert list (the gateway) raises an
alert once, updates its level and value while it holds, and clears it when the condition goes away.

Rules (each with a yellow and a red threshold; the red one must be the stricter):

- ``complaint_rate_rise``: the team's complaint rate in the recent window against its baseline
  window, as a relative rise in percent (yellow 10, red 25); needs ``min_volume`` recent tickets.
- ``first_response_over``: average first response time of the recent window, seconds (600 / 900).
- ``p1_breach_soon``: the open P1 nearest its due time, seconds left (yellow at <= 120 s left, red
  once breached: <= 0).
- ``queue_over_capacity``: waiting tickets (open, unassigned) against the team's capacity, percent
  (yellow 100, red 150).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from agentdesk.errors import ConfigError


class Level(StrEnum):
    YELLOW = "yellow"
    RED = "red"


class RuleKind(StrEnum):
    COMPLAINT_RATE_RISE = "complaint_rate_rise"
    FIRST_RESPONSE_OVER = "first_response_over"
    P1_BREACH_SOON = "p1_breach_soon"
    QUEUE_OVER_CAPACITY = "queue_over_capacity"


# Rules whose value gets worse as it falls (seconds left before a breach).
_FALLING = frozenset({RuleKind.P1_BREACH_SOON})


@dataclass(frozen=True, slots=True)
class Rule:
    kind: RuleKind
    yellow: float
    red: float
    min_volume: int = 0
    enabled: bool = True

    def level(self, value: float | None) -> Level | None:
        if value is None or not self.enabled:
            return None
        if self.kind in _FALLING:
            return Level.RED if value <= self.red else Level.YELLOW if value <= self.yellow else None
        return Level.RED if value >= self.red else Level.YELLOW if value >= self.yellow else None


DEFAULT_RULES: tuple[Rule, ...] = (
    Rule(RuleKind.COMPLAINT_RATE_RISE, yellow=10.0, red=25.0, min_volume=20),
    Rule(RuleKind.FIRST_RESPONSE_OVER, yellow=600.0, red=900.0),
    Rule(RuleKind.P1_BREACH_SOON, yellow=120.0, red=0.0),
    Rule(RuleKind.QUEUE_OVER_CAPACITY, yellow=100.0, red=150.0),
)


def rules_from_config(config: Mapping[str, Any] | None) -> tuple[Rule, ...]:
    """Defaults overridden per rule: ``{"first_response_over": {"yellow": 300, "red": 600}, ...}``."""
    if not config:
        return DEFAULT_RULES
    unknown = sorted(set(config) - {k.value for k in RuleKind})
    if unknown:
        raise ConfigError("unknown alert rule " + ", ".join(unknown), key="alerts")
    out = []
    for rule in DEFAULT_RULES:
        override = config.get(rule.kind.value)
        if override is None:
            out.append(rule)
            continue
        if not isinstance(override, Mapping):
            raise ConfigError("an alert rule's settings must be a table", key=f"alerts.{rule.kind}")
        values: dict[str, Any] = {
            "yellow": rule.yellow,
            "red": rule.red,
            "min_volume": rule.min_volume,
            "enabled": rule.enabled,
        }
        for name, value in override.items():
            if name not in values:
                raise ConfigError(f"unknown setting {name}", key=f"alerts.{rule.kind}")
            if name == "enabled":
                if not isinstance(value, bool):
                    raise ConfigError("enabled must be true or false", key=f"alerts.{rule.kind}.enabled")
            elif isinstance(value, bool) or not isinstance(value, int | float):
                raise ConfigError(f"{name} must be a number", key=f"alerts.{rule.kind}.{name}")
            values[name] = value
        new = Rule(
            rule.kind,
            float(values["yellow"]),
            float(values["red"]),
            int(values["min_volume"]),
            bool(values["enabled"]),
        )
        stricter = new.red <= new.yellow if new.kind in _FALLING else new.red >= new.yellow
        if not stricter:
            raise ConfigError("red must be stricter than yellow", key=f"alerts.{rule.kind}")
        out.append(new)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class TeamSnapshot:
    """What the rules look at for one team, measured now."""

    team_id: str
    recent_volume: int = 0
    recent_complaint_rate: float | None = None  # percent
    baseline_complaint_rate: float | None = None  # percent
    recent_first_response_avg_s: float | None = None
    p1_seconds_left: float | None = None  # the open P1 nearest its due time; None: no open P1
    p1_ticket_id: str | None = None
    queue_length: int = 0
    capacity: int | None = None


@dataclass(frozen=True, slots=True)
class Alert:
    key: str  # "<rule>:<team>": one live alert per rule and team
    rule: RuleKind
    team_id: str
    level: Level
    value: float
    threshold: float
    detail: dict[str, Any] = field(default_factory=dict)


def _value(rule: Rule, snap: TeamSnapshot) -> tuple[float | None, dict[str, Any]]:
    if rule.kind == RuleKind.COMPLAINT_RATE_RISE:
        now, base = snap.recent_complaint_rate, snap.baseline_complaint_rate
        if now is None or snap.recent_volume < rule.min_volume:
            return None, {}
        if not base:  # no baseline complaints: any complaint rate is not a "rise" we can size
            return None, {}
        return round(100.0 * (now - base) / base, 2), {"rate_pct": now, "baseline_pct": base}
    if rule.kind == RuleKind.FIRST_RESPONSE_OVER:
        return snap.recent_first_response_avg_s, {}
    if rule.kind == RuleKind.P1_BREACH_SOON:
        return snap.p1_seconds_left, {"ticket_id": snap.p1_ticket_id}
    if rule.kind == RuleKind.QUEUE_OVER_CAPACITY:
        if not snap.capacity:
            return None, {}
        pct = round(100.0 * snap.queue_length / snap.capacity, 1)
        return pct, {"queue": snap.queue_length, "capacity": snap.capacity}
    return None, {}


def evaluate(rules: Iterable[Rule], snapshots: Iterable[TeamSnapshot]) -> dict[str, Alert]:
    """The alerts that hold now, by key."""
    rules = list(rules)
    out: dict[str, Alert] = {}
    for snap in snapshots:
        for rule in rules:
            value, detail = _value(rule, snap)
            level = rule.level(value)
            if level is None or value is None:
                continue
            key = f"{rule.kind.value}:{snap.team_id}"
            threshold = rule.red if level == Level.RED else rule.yellow
            out[key] = Alert(key, rule.kind, snap.team_id, level, value, threshold, detail)
    return out


@dataclass(frozen=True, slots=True)
class AlertDiff:
    raised: list[Alert]
    changed: list[Alert]  # still holding, with another level (or value)
    cleared: list[str]  # keys


def diff(active: Mapping[str, Alert], current: Mapping[str, Alert]) -> AlertDiff:
    raised = [a for k, a in current.items() if k not in active]
    changed = [
        a
        for k, a in current.items()
        if k in active and (active[k].level != a.level or active[k].value != a.value)
    ]
    cleared = [k for k in active if k not in current]
    return AlertDiff(raised, changed, cleared)
