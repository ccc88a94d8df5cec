"""Small explicit ticket sets whose KPIs are computed by hand in the tests."""

from __future__ import annotations

from typing import Any

BASE = "2026-10-05T08:00:00Z"


def ticket(**fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "status": "open",
        "priority": "P2",
        "category": "billing",
        "team_id": "team-a",
        "assignee_id": "agent-1",
        "channel": "web",
        "tags": [],
        "created_at": BASE,
        "first_response_at": None,
        "solved_at": None,
        "first_response_due": "2026-10-05T08:10:00Z",
        "resolution_due": "2026-10-06T08:00:00Z",
        "csat": None,
    }
    data.update(fields)
    return data


# Five tickets, team-a (1-3) and team-b (4-5); created 2026-10-05 08:00 UTC.
#  t1 P1 solved: response 4 min (P1 met, due 08:05), solved 2 h, csat 5, 1 customer message -> FCR yes
#  t2 P2 solved: response 20 min (due 08:10 missed -> SLA no), solved 10 h, csat 3, 2 customer msgs -> FCR no
#  t3 P2 open complaint: response 6 min (SLA so far met), no csat
#  t4 P1 open: response 8 min (P1 missed; due 08:05 -> SLA no), nps 10
#  t5 P3 new, complaint tag, no response yet (not in FRT, not in SLA)
FIVE: dict[str, tuple[dict[str, Any], int]] = {
    "t1": (
        ticket(
            priority="P1",
            status="solved",
            first_response_at="2026-10-05T08:04:00Z",
            solved_at="2026-10-05T10:00:00Z",
            first_response_due="2026-10-05T08:05:00Z",
            resolution_due="2026-10-05T10:00:00Z",
            csat=5,
        ),
        1,
    ),
    "t2": (
        ticket(
            status="closed",
            first_response_at="2026-10-05T08:20:00Z",
            solved_at="2026-10-05T18:00:00Z",
            csat=3,
            channel="phone",
        ),
        2,
    ),
    "t3": (ticket(category="complaint", first_response_at="2026-10-05T08:06:00Z", assignee_id="agent-2"), 1),
    "t4": (
        ticket(
            priority="P1",
            team_id="team-b",
            assignee_id="agent-3",
            first_response_at="2026-10-05T08:08:00Z",
            first_response_due="2026-10-05T08:05:00Z",
            nps=10,
        ),
        1,
    ),
    "t5": (ticket(priority="P3", status="new", team_id="team-b", assignee_id=None, tags=["complaint"]), 1),
}
