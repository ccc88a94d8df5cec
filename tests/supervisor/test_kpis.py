from __future__ import annotations

from agentdesk.supervisor.facts import ticket_facts
from agentdesk.supervisor.tally import Tally, group, tally
from tests.supervisor.fixtures import FIVE


def facts():
    return [ticket_facts(tid, data, n) for tid, (data, n) in FIVE.items()]


def test_totals_match_hand_computation() -> None:
    k = tally(facts()).kpis()
    assert k["volume"] == 5
    assert k["open"] == 3  # t3, t4, t5
    # first responses: 240 + 1200 + 360 + 480 = 2280 s over 4 tickets = 570 s
    assert k["first_response_avg_s"] == 570.0
    # resolution: t1 2 h, t2 10 h -> 6 h
    assert k["resolution_avg_h"] == 6.0
    # csat 5 (good) and 3 (not): 50 %
    assert k["csat_pct"] == 50.0 and k["csat_responses"] == 2
    # one NPS answer, a promoter: +100
    assert k["nps"] == 100.0
    # complaints: t3 (category) and t5 (tag): 2 of 5 = 40 %
    assert k["complaint_rate_pct"] == 40.0
    # FCR over solved tickets: t1 yes, t2 no -> 50 %
    assert k["fcr_pct"] == 50.0
    # SLA measured on t1 (met), t2 (missed), t3 (met so far), t4 (missed): 2 of 4
    assert k["sla_attainment_pct"] == 50.0
    # P1 within 5 min: t1 yes (4 min), t4 no (8 min)
    assert k["p1_within_5min_pct"] == 50.0


def test_groups_by_team_agent_channel() -> None:
    by_team = {k: v.kpis() for k, v in group(facts(), "team_id").items()}
    assert by_team["team-a"]["volume"] == 3 and by_team["team-b"]["volume"] == 2
    # team-a first responses 240, 1200, 360 -> 600 s
    assert by_team["team-a"]["first_response_avg_s"] == 600.0
    assert by_team["team-b"]["complaint_rate_pct"] == 50.0
    by_agent = group(facts(), "agent_id")
    assert {k: v.volume for k, v in by_agent.items()} == {"agent-1": 2, "agent-2": 1, "agent-3": 1, "": 1}
    by_channel = group(facts(), "channel")
    assert by_channel["phone"].volume == 1 and by_channel["web"].volume == 4


def test_tallies_add_and_subtract_exactly() -> None:
    whole = tally(facts())
    parts = group(facts(), "priority")
    again = Tally()
    for part in parts.values():
        again.add(part)
    assert again == whole
    again.add(parts["P1"], -1)
    assert again.volume == 3 and again.p1_n == 0


def test_no_data_is_none_not_zero() -> None:
    k = Tally().kpis()
    assert k["volume"] == 0
    assert k["csat_pct"] is None and k["first_response_avg_s"] is None and k["fcr_pct"] is None


def test_bad_fields_are_ignored_not_crashing() -> None:
    f = ticket_facts(
        "x", {"created_at": "2026-10-05T08:00:00Z", "csat": "five", "nps": 42, "first_response_at": "?"}
    )
    assert f is not None and f.csat is None and f.nps is None and f.first_response_s is None
    assert ticket_facts("y", {"created_at": None}) is None
