"""The monthly quality report's data: KPIs against the programme's targets, the weekly trend, the
previous month for comparison, top complaint categories and a per-team table.

Writers (CSV here in the core, PDF in agentdesk.ui.supervisor.report_pdf) only lay this out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from agentdesk.errors import InputError
from agentdesk.supervisor.facts import TicketFacts
from agentdesk.supervisor.tally import Tally, group, tally


@dataclass(frozen=True, slots=True)
class Target:
    kpi: str
    label: str
    goal: float
    better: Literal["higher", "lower"]
    unit: str

    def met(self, value: float | None) -> bool | None:
        if value is None:
            return None
        return value >= self.goal if self.better == "higher" else value <= self.goal


# The service-improvement programme's targets (DESIGN.md).
TARGETS: tuple[Target, ...] = (
    Target("csat_pct", "CSAT", 90.0, "higher", "%"),
    Target("fcr_pct", "First-contact resolution", 85.0, "higher", "%"),
    Target("first_response_avg_s", "Average first response", 600.0, "lower", "s"),
    Target("p1_within_5min_pct", "P1 answered within 5 min", 90.0, "higher", "%"),
    Target("resolution_avg_h", "Average resolution", 18.0, "lower", "h"),
)


@dataclass(frozen=True, slots=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        match = re.fullmatch(r"(\d{4})-(\d{2})", text.strip())
        if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1970:
            raise InputError(f"--month must look like 2026-10 (year-month), not {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    @property
    def start(self) -> datetime:
        return datetime(self.year, self.month, 1, tzinfo=UTC)

    @property
    def end(self) -> datetime:
        return (self.start + timedelta(days=32)).replace(day=1)

    def previous(self) -> Month:
        before = self.start - timedelta(days=1)
        return Month(before.year, before.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True, slots=True)
class TargetRow:
    target: Target
    value: float | None
    previous: float | None
    met: bool | None


@dataclass(frozen=True, slots=True)
class TeamRow:
    team_id: str
    name: str
    kpis: dict[str, float | int | None]


@dataclass(frozen=True, slots=True)
class MonthlyReport:
    month: Month
    generated_at: datetime
    source: str
    total: dict[str, float | int | None]
    previous_total: dict[str, float | int | None]
    targets: list[TargetRow]
    weeks: list[tuple[date, dict[str, float | int | None]]]  # Monday of each week in the month
    top_complaints: list[tuple[str, int]]
    teams: list[TeamRow]
    sla_by_priority: dict[str, dict[str, float | int | None]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.total.get("volume")


def _in(month: Month, facts: Iterable[TicketFacts]) -> list[TicketFacts]:
    start, end = month.start, month.end
    return [f for f in facts if start <= f.created_at < end]


def build_report(
    month: Month,
    facts: Iterable[TicketFacts],
    team_names: Mapping[str, str],
    *,
    source: str,
    now: datetime | None = None,
) -> MonthlyReport:
    """``facts`` may cover more than the month (the previous month is used for comparison)."""
    every = list(facts)
    this = _in(month, every)
    before = _in(month.previous(), every)
    total, previous = tally(this).kpis(), tally(before).kpis()
    targets = [
        TargetRow(t, _num(total.get(t.kpi)), _num(previous.get(t.kpi)), t.met(_num(total.get(t.kpi))))
        for t in TARGETS
    ]
    weekly: dict[date, list[TicketFacts]] = {}
    for f in this:
        day = f.created_at.date()
        weekly.setdefault(day - timedelta(days=day.weekday()), []).append(f)
    weeks = [(monday, tally(weekly[monday]).kpis()) for monday in sorted(weekly)]
    complaints = Counter(f.category for f in this if f.complaint)
    teams = [
        TeamRow(team_id, team_names.get(team_id, team_id), t.kpis())
        for team_id, t in sorted(group(this, "team_id").items())
    ]
    by_priority = {p: t.kpis() for p, t in sorted(group(this, "priority").items())}
    return MonthlyReport(
        month=month,
        generated_at=now or datetime.now(UTC),
        source=source,
        total=total,
        previous_total=previous,
        targets=targets,
        weeks=weeks,
        top_complaints=complaints.most_common(10),
        teams=teams,
        sla_by_priority=by_priority,
    )


def _num(value: float | int | None) -> float | None:
    return None if value is None else float(value)


__all__ = ["TARGETS", "Month", "MonthlyReport", "Tally", "build_report"]
