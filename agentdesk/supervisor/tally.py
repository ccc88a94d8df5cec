"""Additive counters behind every KPI, and the KPIs derived from them.

A ``Tally`` is a sum of per-ticket contributions, so tallies of disjoint sets add up: the gateway
keeps one per (day, team, dimension, key) in a rollup table and a dashboard sums the rows of its
window; the monthly report adds tickets one by one. The column names here are the rollup's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any

from agentdesk.supervisor.facts import TicketFacts

CSAT_GOOD = 4  # ratings of 4 or 5 (of 5) count as satisfied


@dataclass(slots=True)
class Tally:
    volume: int = 0
    open: int = 0
    frt_n: int = 0
    frt_sum: float = 0.0
    res_n: int = 0
    res_sum: float = 0.0
    csat_n: int = 0
    csat_good: int = 0
    nps_n: int = 0
    nps_promoters: int = 0
    nps_detractors: int = 0
    complaints: int = 0
    fcr_n: int = 0
    fcr_yes: int = 0
    sla_n: int = 0
    sla_met: int = 0
    p1_n: int = 0
    p1_met: int = 0

    @classmethod
    def columns(cls) -> tuple[str, ...]:
        return COLUMNS

    @classmethod
    def of(cls, facts: TicketFacts) -> Tally:
        t = cls(volume=1, open=int(facts.open), complaints=int(facts.complaint))
        if facts.first_response_s is not None:
            t.frt_n, t.frt_sum = 1, facts.first_response_s
        if facts.resolution_s is not None:
            t.res_n, t.res_sum = 1, facts.resolution_s
        if facts.csat is not None:
            t.csat_n, t.csat_good = 1, int(facts.csat >= CSAT_GOOD)
        if facts.nps is not None:
            t.nps_n = 1
            t.nps_promoters = int(facts.nps >= 9)
            t.nps_detractors = int(facts.nps <= 6)
        if facts.fcr is not None:
            t.fcr_n, t.fcr_yes = 1, int(facts.fcr)
        if facts.sla_met is not None:
            t.sla_n, t.sla_met = 1, int(facts.sla_met)
        if facts.p1_response_met is not None:
            t.p1_n, t.p1_met = 1, int(facts.p1_response_met)
        return t

    @classmethod
    def from_row(cls, row: Any) -> Tally:
        """From a mapping or a row with these column names (missing ones count as 0)."""
        get = row.get if isinstance(row, dict) else lambda k, d=0: getattr(row, k, d)
        # Database sums come back as Decimal on PostgreSQL: counters are ints, sums floats.
        return cls(**{c: (float if c.endswith("_sum") else int)(get(c, 0) or 0) for c in COLUMNS})

    def add(self, other: Tally, sign: int = 1) -> Tally:
        for name in COLUMNS:
            setattr(self, name, getattr(self, name) + sign * getattr(other, name))
        return self

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in COLUMNS}

    def kpis(self) -> dict[str, float | int | None]:
        return kpis(self)


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Tally))


def _ratio(part: float, whole: float, scale: float = 100.0) -> float | None:
    return round(scale * part / whole, 2) if whole else None


def kpis(t: Tally) -> dict[str, float | int | None]:
    """The dashboard figures; None where nothing was measured (never a made-up zero)."""
    return {
        "volume": t.volume,
        "open": t.open,
        "first_response_avg_s": round(t.frt_sum / t.frt_n, 1) if t.frt_n else None,
        "resolution_avg_h": round(t.res_sum / t.res_n / 3600, 2) if t.res_n else None,
        "csat_pct": _ratio(t.csat_good, t.csat_n),
        "csat_responses": t.csat_n,
        "nps": round(100 * (t.nps_promoters - t.nps_detractors) / t.nps_n, 1) if t.nps_n else None,
        "complaint_rate_pct": _ratio(t.complaints, t.volume),
        "fcr_pct": _ratio(t.fcr_yes, t.fcr_n),
        "sla_attainment_pct": _ratio(t.sla_met, t.sla_n),
        "p1_within_5min_pct": _ratio(t.p1_met, t.p1_n),
    }


def tally(facts: Iterable[TicketFacts]) -> Tally:
    total = Tally()
    for f in facts:
        total.add(Tally.of(f))
    return total


def group(facts: Iterable[TicketFacts], key: str) -> dict[str, Tally]:
    """Tallies per value of a facts attribute (``team_id``, ``agent_id``, ``channel``, ``priority``)."""
    out: dict[str, Tally] = {}
    for f in facts:
        value = getattr(f, key) or ""
        out.setdefault(value, Tally()).add(Tally.of(f))
    return out
