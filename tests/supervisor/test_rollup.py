"""The gateway's KPI rollup against hand-computed figures, kept exact through later changes, and
alerts raised and cleared from it (store level, SQLite and PostgreSQL)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from agentdesk.supervisor.facts import ticket_facts
from agentdesk.supervisor.tally import group
from agentdesk.sync.gateway.store import GatewayStore
from agentdesk.sync.gateway.store.accounts import Principal
from agentdesk.sync.gateway.store.records import RecordWriter
from agentdesk.sync.gateway.supervisor.alerting import AlertSettings, evaluate_alerts
from agentdesk.sync.gateway.supervisor.rollup import catch_up
from agentdesk.sync.gateway.supervisor.routes import dashboard_data
from agentdesk.timeutil import to_wire
from tests.supervisor.fixtures import FIVE, ticket

NOW = datetime(2026, 10, 6, 12, 0, tzinfo=UTC).timestamp()
ADMIN = Principal("adm", "adm", "Adm", "admin", ())
LEAD_A = Principal("lead-a", "lead.a", "Lead A", "team_lead", ("team-a",))


@pytest.fixture
def store(db_url: str) -> Iterator[GatewayStore]:
    gs = GatewayStore(db_url)
    gs.create_schema()
    with gs.write() as tx:
        w = RecordWriter(tx)
        w.put("team", "team-a", {"name": "Alpha"})
        w.put("team", "team-b", {"name": "Beta"})
        for tid, (data, customer_msgs) in FIVE.items():
            w.put("ticket", tid, data)
            for m in range(customer_msgs):
                w.put(
                    "message",
                    f"{tid}-m{m}",
                    {
                        "ticket_id": tid,
                        "public": True,
                        "author_kind": "customer",
                        "body": "hi",
                        "created_at": data["created_at"],
                    },
                )
            w.put(
                "message",
                f"{tid}-r",
                {
                    "ticket_id": tid,
                    "public": True,
                    "author_kind": "agent",
                    "body": "ok",
                    "created_at": data["created_at"],
                },
            )
    yield gs
    gs.dispose()


def drain(store: GatewayStore) -> None:
    while catch_up(store, batch=3):  # small batches: tickets and their messages land in different ones
        pass


def test_dashboard_matches_hand_computed_figures(store: GatewayStore) -> None:
    drain(store)
    with store.read() as conn:
        d = dashboard_data(conn, ADMIN, 7, None, None, now=NOW)
    k = d["total"]
    # the same five tickets as tests/supervisor/test_kpis.py
    assert k["volume"] == 5 and k["first_response_avg_s"] == 570.0 and k["resolution_avg_h"] == 6.0
    assert k["csat_pct"] == 50.0 and k["fcr_pct"] == 50.0 and k["complaint_rate_pct"] == 40.0
    assert k["sla_attainment_pct"] == 50.0 and k["p1_within_5min_pct"] == 50.0 and k["nps"] == 100.0
    teams = {t["team_id"]: t["kpis"] for t in d["teams"]}
    assert teams["team-a"]["volume"] == 3 and teams["team-a"]["first_response_avg_s"] == 600.0
    assert d["by_channel"]["phone"]["volume"] == 1 and d["by_priority"]["P1"]["volume"] == 2
    with store.read() as conn:
        lead = dashboard_data(conn, LEAD_A, 7, "team-a", "agent-1", now=NOW)
    assert lead["total"]["volume"] == 3 and [t["team_id"] for t in lead["teams"]] == ["team-a"]
    assert {a["agent_id"]: a["kpis"]["volume"] for a in lead["agents"]} == {"agent-1": 2, "agent-2": 1}
    assert sorted(t["ticket_id"] for t in lead["tickets"]) == ["t1", "t2"]
    # outside the window: nothing, and None rather than zeros
    with store.read() as conn:
        later = dashboard_data(conn, ADMIN, 1, None, None, now=NOW + 30 * 86400)
    assert later["total"]["volume"] == 0 and later["total"]["csat_pct"] is None


def test_later_changes_move_contributions_exactly(store: GatewayStore) -> None:
    drain(store)
    with store.write() as tx:
        w = RecordWriter(tx)
        w.put("ticket", "t2", {**FIVE["t2"][0], "assignee_id": "agent-2", "team_id": "team-b", "csat": 5})
        w.put(
            "message",
            "t1-m9",
            {
                "ticket_id": "t1",
                "public": True,
                "author_kind": "customer",
                "body": "again",
                "created_at": FIVE["t1"][0]["created_at"],
            },
        )
        w.delete("ticket", "t5")
    drain(store)
    with store.read() as conn:
        d = dashboard_data(conn, ADMIN, 7, None, None, now=NOW)
    expected_data = {tid: (data, n) for tid, (data, n) in FIVE.items() if tid != "t5"}
    expected_data["t2"] = ({**FIVE["t2"][0], "assignee_id": "agent-2", "team_id": "team-b", "csat": 5}, 2)
    expected_data["t1"] = (FIVE["t1"][0], 2)
    facts = [ticket_facts(tid, data, n) for tid, (data, n) in expected_data.items()]
    by_team = {k: v.kpis() for k, v in group(facts, "team_id").items()}
    assert {t["team_id"]: t["kpis"] for t in d["teams"]} == by_team
    # t1 now has two customer messages: no FCR left; both csat ratings are 5
    assert d["total"]["fcr_pct"] == 0.0 and d["total"]["csat_pct"] == 100.0 and d["total"]["volume"] == 4


def test_alerts_raise_and_clear(store: GatewayStore) -> None:
    now = time.time()
    due = to_wire(datetime.fromtimestamp(now + 60, UTC))
    with store.write() as tx:
        RecordWriter(tx).put(
            "ticket",
            "p1",
            ticket(
                priority="P1",
                created_at=to_wire(datetime.fromtimestamp(now - 240, UTC)),
                first_response_due=due,
                resolution_due=due,
            ),
        )
    drain(store)
    settings = AlertSettings(default_capacity=100)
    evaluate_alerts(store, settings, now=now)
    from sqlalchemy import select

    from agentdesk.sync.gateway.supervisor import tables as t

    team_a = t.alerts.c.team_id == "team-a"
    with store.read() as conn:
        live = conn.execute(select(t.alerts).where(t.alerts.c.cleared_at.is_(None), team_a)).all()
        # t4 (team-b, open P1 long past its resolution due time) is red already
        b = conn.execute(select(t.alerts).where(t.alerts.c.team_id == "team-b")).all()
    assert [(a.rule, a.level) for a in b] == [("p1_breach_soon", "red")]
    assert [(a.rule, a.team_id, a.level) for a in live] == [("p1_breach_soon", "team-a", "yellow")]
    first_id = live[0].id
    evaluate_alerts(store, settings, now=now + 120)  # a minute past due: red, same alert
    with store.read() as conn:
        live = conn.execute(select(t.alerts).where(t.alerts.c.cleared_at.is_(None), team_a)).all()
    assert [(a.id, a.level) for a in live] == [(first_id, "red")]
    with store.write() as tx:
        RecordWriter(tx).put(
            "ticket",
            "p1",
            ticket(
                priority="P1",
                status="solved",
                first_response_at=due,
                solved_at=due,
                created_at=to_wire(datetime.fromtimestamp(now - 240, UTC)),
            ),
        )
    drain(store)
    evaluate_alerts(store, settings, now=now + 130)
    with store.read() as conn:
        rows = conn.execute(select(t.alerts).where(team_a)).all()
    assert len(rows) == 1 and rows[0].cleared_at is not None
    # queue over capacity: team-b has one waiting (open, unassigned) ticket, t5, against a capacity of 1
    evaluate_alerts(store, AlertSettings(default_capacity=1), now=now + 140)
    with store.read() as conn:
        live = conn.execute(
            select(t.alerts.c.rule, t.alerts.c.team_id).where(t.alerts.c.cleared_at.is_(None))
        ).all()
    assert ("queue_over_capacity", "team-b") in [tuple(r) for r in live]


def test_report_from_a_gateway_database(store: GatewayStore, db_url: str, tmp_path: Path) -> None:
    import csv

    from agentdesk.cli import main

    out = tmp_path / "gw.csv"
    assert main(["report", "monthly", "--month", "2026-10", "--out", str(out), "--database", db_url]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    summary = {r["kpi"]: r["value"] for r in rows if r["section"] == "summary"}
    # the same five tickets: 570 s average first response, FCR 50 % from the customer messages
    assert summary["volume"] == "5" and summary["first_response_avg_s"] == "570.0"
    assert summary["fcr_pct"] == "50.0"
    assert {r["name"] for r in rows if r["section"] == "team"} == {"Alpha", "Beta"}
