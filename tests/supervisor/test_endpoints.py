"""The supervisor endpoints on a real gateway (loopback, seeded demo): roles, approvals within and
above the limits, another team's rows, bulk actions, the audit trail they leave, bad input."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import ExitStack
from typing import Any

import httpx
import pytest

from agentdesk.sync.gateway.routes import supervisor as supervisor_routes
from agentdesk.sync.gateway.store import GatewayStore
from agentdesk.sync.gateway.store.accounts import create_account
from tests.gateway.harness import (
    auth,
    gateway_server,
    postgres_available,
    postgres_database,
    pull_all,
    sign_in,
)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def gw(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """One seeded gateway per database for the module; each test works on its own tickets."""
    with ExitStack() as stack:
        if request.param == "sqlite":
            db_url = f"sqlite:///{tmp_path_factory.mktemp('sv') / 'gateway.db'}"
        else:
            if not postgres_available():
                pytest.skip("no PostgreSQL server at 127.0.0.1:5432")
            db_url = stack.enter_context(postgres_database())
        url = stack.enter_context(gateway_server(db_url, seed_demo=True))
        store = GatewayStore(db_url)
        with store.write() as tx:  # the technical team's lead signs in too
            create_account(tx.conn, "agent-tech-lead", "tech.lead", "demo")
        store.dispose()
        tokens = {name: sign_in(url, name) for name in ("demo.agent", "demo.lead", "demo.admin", "tech.lead")}
        gw = {"url": url, "tokens": tokens, "db": db_url}
        gw["tickets"] = _open_billing_tickets(gw)
        yield gw


def client(gw: dict[str, Any], who: str) -> httpx.Client:
    return httpx.Client(base_url=gw["url"], headers=auth(gw["tokens"][who]), timeout=30)


def request_approval(gw: dict[str, Any], ticket_id: str, kind: str, amount: Any) -> dict[str, Any]:
    mutation_id = str(uuid.uuid4())
    body = {
        "client_id": "test",
        "mutations": [
            {
                "mutation_id": mutation_id,
                "kind": "approval.request",
                "entity": "ticket",
                "entity_id": ticket_id,
                "base_version": None,
                "payload": {"kind": kind, "amount": amount, "reason": "parcel lost"},
            }
        ],
    }
    with client(gw, "demo.agent") as c:
        r = c.post("/v1/mutations", json=body)
    if r.status_code == 422:
        return {"status": 422}
    assert r.status_code == 200, r.text
    return {**r.json()["results"][0], "approval_id": "apr-" + mutation_id}


def billing_tickets(gw: dict[str, Any]) -> list[str]:
    return list(gw["tickets"])


def _open_billing_tickets(gw: dict[str, Any]) -> list[str]:
    rows, _, _ = pull_all(gw["url"], gw["tokens"]["demo.agent"])
    return sorted(
        k[1]
        for k, v in rows.items()
        if k[0] == "ticket" and v.get("team_id") == "team-billing" and v.get("status") in ("new", "open")
    )


def audit(gw: dict[str, Any], **params: str) -> list[dict[str, Any]]:
    with client(gw, "demo.admin") as c:
        r = c.get("/v1/supervisor/audit", params=params)
    assert r.status_code == 200, r.text
    return r.json()["entries"]


def test_agents_get_403_on_every_supervisor_endpoint(gw: dict[str, Any]) -> None:
    paths = [(route.path, sorted(route.methods or ())) for route in supervisor_routes.routes]
    assert len(paths) >= 9
    forged = {"X-Role": "admin", "X-Agent-Role": "team_lead"}
    with client(gw, "demo.agent") as c:
        for path, methods in paths:
            concrete = path.replace("{alert_id}", "1").replace("{approval_id}", "apr-x")
            for method in methods:
                if method == "HEAD":
                    continue
                r = c.request(method, concrete, json={"role": "admin", "decision": "approve"}, headers=forged)
                assert r.status_code == 403, (method, concrete, r.status_code)
                assert r.headers["content-type"].startswith("application/problem+json")
        assert c.get("/v1/supervisor/not-a-thing").status_code == 403
    # a made-up token claiming to be an admin is not a sign-in at all
    for token in ("admin", "role=admin", "eyJhbGciOiJub25lIn0.eyJyb2xlIjoiYWRtaW4ifQ."):
        r = httpx.get(gw["url"] + "/v1/supervisor/dashboard", headers=auth(token), timeout=30)
        assert r.status_code == 401
    with client(gw, "demo.lead") as c:
        assert c.get("/v1/supervisor/dashboard").status_code == 200


def test_dashboard_is_scoped_to_the_leads_teams(gw: dict[str, Any]) -> None:
    with client(gw, "demo.lead") as c:
        d = c.get("/v1/supervisor/dashboard", params={"days": 60}).json()
        assert [t["team_id"] for t in d["teams"]] == ["team-billing"]
        assert d["total"]["volume"] > 0
        assert c.get("/v1/supervisor/dashboard", params={"team_id": "team-tech"}).status_code == 403
        drill = c.get("/v1/supervisor/dashboard", params={"team_id": "team-billing", "days": 60}).json()
        assert "agent-demo-agent" in [a["agent_id"] for a in drill["agents"]]
        tickets = c.get(
            "/v1/supervisor/dashboard", params={"agent_id": "agent-demo-agent", "days": 60}
        ).json()
        assert tickets["tickets"] and all(t["ticket_id"].startswith("tkt-") for t in tickets["tickets"])
        for bad in ("0", "-3", "abc", "9999"):
            assert c.get("/v1/supervisor/dashboard", params={"days": bad}).status_code == 422
    with client(gw, "demo.admin") as c:
        d = c.get("/v1/supervisor/dashboard", params={"days": 60}).json()
        assert len(d["teams"]) >= 2


def test_approval_limits_teams_and_audit(gw: dict[str, Any]) -> None:
    tickets = billing_tickets(gw)
    big = request_approval(gw, tickets[0], "refund", 6000)
    small = request_approval(gw, tickets[1], "compensation", "1200.50")
    assert big["status"] == small["status"] == "applied"
    before = len(audit(gw, action="approval.decide"))
    with client(gw, "demo.lead") as lead:
        inbox = {a["id"]: a for a in lead.get("/v1/supervisor/approvals").json()["approvals"]}
        assert inbox[big["approval_id"]]["within_your_limit"] is False
        assert inbox[small["approval_id"]]["within_your_limit"] is True
        over = lead.post(
            f"/v1/supervisor/approvals/{big['approval_id']}/decide", json={"decision": "approve"}
        )
        assert over.status_code == 403 and "escalate" in over.json()["detail"]
        assert len(audit(gw, action="approval.decide")) == before  # nothing recorded for a refused decision
        assert (
            lead.post(
                f"/v1/supervisor/approvals/{big['approval_id']}/decide", json={"decision": "escalate"}
            ).status_code
            == 422
        )  # why?
        esc = lead.post(
            f"/v1/supervisor/approvals/{big['approval_id']}/decide",
            json={"decision": "escalate", "reason": "over my limit"},
        )
        assert esc.status_code == 200 and esc.json()["approval"]["status"] == "escalated"
        ok = lead.post(
            f"/v1/supervisor/approvals/{small['approval_id']}/decide",
            json={"decision": "approve", "reason": "courier confirmed loss"},
        )
        assert ok.status_code == 200 and ok.json()["approval"]["status"] == "approved"
        again = lead.post(
            f"/v1/supervisor/approvals/{small['approval_id']}/decide",
            json={"decision": "reject", "reason": "x"},
        )
        assert again.status_code == 409
        for body in ({"decision": "yes"}, {"decision": "reject", "reason": 5}, {"decision": None}, [1]):
            r = lead.post(f"/v1/supervisor/approvals/{big['approval_id']}/decide", json=body)
            assert r.status_code == 422, body
    with client(gw, "tech.lead") as other:
        assert big["approval_id"] not in [
            a["id"]
            for a in other.get("/v1/supervisor/approvals", params={"status": "all"}).json()["approvals"]
        ]
        r = other.post(
            f"/v1/supervisor/approvals/{small['approval_id']}/decide",
            json={"decision": "reject", "reason": "not mine"},
        )
        assert r.status_code == 404
    with client(gw, "demo.admin") as admin:
        r = admin.post(
            f"/v1/supervisor/approvals/{big['approval_id']}/decide",
            json={"decision": "approve", "reason": "checked by finance"},
        )
        assert r.status_code == 200 and r.json()["approval"]["status"] == "approved"
    entries = audit(gw, action="approval.decide")
    assert len(entries) == before + 3
    mine = {(e["entity_id"], e["actor_id"], e["detail"]["decision"], e["reason"]) for e in entries[:3]}
    assert mine == {
        (big["approval_id"], "agent-demo-lead", "escalate", "over my limit"),
        (small["approval_id"], "agent-demo-lead", "approve", "courier confirmed loss"),
        (big["approval_id"], "agent-demo-admin", "approve", "checked by finance"),
    }
    assert all(e["at"] for e in entries[:3])
    only_big = audit(gw, entity_id=big["approval_id"], action="approval.decide")
    assert {e["actor_id"] for e in only_big} == {"agent-demo-lead", "agent-demo-admin"}
    assert audit(gw, actor_id="agent-tech-lead", action="approval.decide") == []


def test_bad_amounts_are_refused_and_not_audited(gw: dict[str, Any]) -> None:
    ticket = billing_tickets(gw)[2]
    before = len(audit(gw, action="approval.request"))
    # refused either by the schema (422, nothing applied) or by the business rule ("rejected")
    for amount in (-5, 0, "-1.00", "12.345", "1e9999", "abc", None, True, [1]):
        result = request_approval(gw, ticket, "refund", amount)
        assert result["status"] == 422 or (
            result["status"] == "rejected" and result["reason"].startswith("invalid")
        ), amount
    assert len(audit(gw, action="approval.request")) == before


def test_bulk_actions_and_reassign(gw: dict[str, Any]) -> None:
    tickets = billing_tickets(gw)[3:6]
    with client(gw, "demo.lead") as lead:
        r = lead.post(
            "/v1/supervisor/reassign",
            json={
                "ticket_ids": tickets[:2],
                "agent_id": "agent-demo-agent",
                "reason": "Dana covers refunds today",
            },
        )
        assert r.status_code == 200 and r.json()["applied"] == 2
        r = lead.post(
            "/v1/supervisor/bulk",
            json={"action": "tag", "ticket_ids": tickets, "add": ["backlog"], "reason": "weekly cleanup"},
        )
        assert r.json()["applied"] == 3
        r = lead.post(
            "/v1/supervisor/bulk",
            json={"action": "priority", "ticket_ids": tickets[:1], "priority": "P1", "reason": "VIP"},
        )
        assert r.json()["applied"] == 1
        r = lead.post(
            "/v1/supervisor/bulk",
            json={"action": "close", "ticket_ids": [tickets[2], "tkt-nope"], "reason": "duplicates"},
        )
        assert r.json()["applied"] == 1 and r.json()["results"][1]["status"] == "rejected"
        # to an agent of another team: refused before anything is applied
        r = lead.post(
            "/v1/supervisor/reassign",
            json={"ticket_ids": tickets[:1], "agent_id": "agent-tech-1", "reason": "x"},
        )
        assert r.status_code in (403, 422)
        for body in (
            {"action": "assign", "ticket_ids": tickets, "agent_id": "agent-demo-agent"},  # no reason
            {"action": "explode", "ticket_ids": tickets, "reason": "x"},
            {"action": "priority", "ticket_ids": tickets, "priority": "P9", "reason": "x"},
            {"action": "tag", "ticket_ids": [], "add": ["a"], "reason": "x"},
            {"action": "tag", "ticket_ids": tickets, "add": [1], "reason": "x"},
            {"action": "tag", "ticket_ids": ["t"] * 501, "add": ["a"], "reason": "x"},
        ):
            assert lead.post("/v1/supervisor/bulk", json=body).status_code == 422, body
    with client(gw, "tech.lead") as other:
        r = other.post(
            "/v1/supervisor/bulk", json={"action": "close", "ticket_ids": tickets[:1], "reason": "mine?"}
        )
        assert r.json()["applied"] == 0
    entries = audit(gw, actor_id="agent-demo-lead")
    actions = [e["action"] for e in entries if e["action"].startswith("bulk.")]
    assert sorted(actions) == sorted(["bulk.assign"] * 2 + ["bulk.tag"] * 3 + ["bulk.priority", "bulk.close"])
    assign = [e for e in entries if e["action"] == "bulk.assign"]
    assert {e["entity_id"] for e in assign} == set(tickets[:2])
    assert all(
        e["reason"] == "Dana covers refunds today" and e["detail"]["agent_id"] == "agent-demo-agent"
        for e in assign
    )
    assert audit(gw, actor_id="agent-tech-lead", action="bulk.close") == []
    with client(gw, "demo.admin") as c:
        assert c.get("/v1/supervisor/audit", params={"since": "yesterday"}).status_code == 422
        assert (
            c.get(
                "/v1/supervisor/audit",
                params={"since": "2000-01-01T00:00:00Z", "until": "2000-01-02T00:00:00Z"},
            ).json()["entries"]
            == []
        )


def test_alerts_list_and_acknowledge(gw: dict[str, Any]) -> None:
    with client(gw, "demo.lead") as lead:
        alerts = lead.get("/v1/supervisor/alerts").json()["alerts"]
        assert alerts and all(a["team_id"] == "team-billing" for a in alerts)
        first = alerts[0]
        assert first["level"] in ("red", "yellow") and first["acked_by"] is None
        r = lead.post(f"/v1/supervisor/alerts/{first['id']}/ack", json={"reason": "on it"})
        assert r.status_code == 200 and r.json()["alert"]["acked_by"] == "agent-demo-lead"
        assert lead.post("/v1/supervisor/alerts/999999/ack").status_code == 404
        assert lead.post("/v1/supervisor/alerts/abc/ack").status_code == 404
        assert lead.get("/v1/supervisor/alerts", params={"state": "weird"}).status_code == 422
    with client(gw, "tech.lead") as other:
        assert other.post(f"/v1/supervisor/alerts/{first['id']}/ack").status_code == 404
    acks = audit(gw, action="alert.ack")
    assert [(e["actor_id"], e["entity_id"], e["reason"]) for e in acks] == [
        ("agent-demo-lead", str(first["id"]), "on it")
    ]
