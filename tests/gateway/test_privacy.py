"""Least privilege (team scoping, transfer -> delete), masking, reveal and approvals."""

from __future__ import annotations

import re

import httpx

from agentdesk.sync.protocol import Problems
from tests.gateway.harness import auth, pull_all, sign_in
from tests.gateway.test_protocol import mutation, push

MASKED_PHONE = re.compile(r"^\d{3}\*{4}\d{4}$")
MASKED_EMAIL = re.compile(r"^.\*\*\*@[^*]+$")


def _needed(rows: dict) -> None:
    """Every row an agent holds is one their tickets need (or a global one)."""
    tickets = {i: d for (e, i), d in rows.items() if e == "ticket"}
    assert tickets and all(d["team_id"] == "team-billing" for d in tickets.values())
    customers = {d["customer_id"] for d in tickets.values()}
    for (entity, _id), data in rows.items():
        if entity in ("message", "approval"):
            assert data["ticket_id"] in tickets
        elif entity == "interaction":
            assert data.get("ticket_id") in tickets or data["customer_id"] in customers
        elif entity == "customer":
            assert _id in customers


def test_scoping_and_transfer_sends_deletes(server: str) -> None:
    agent, lead, admin = (sign_in(server, who) for who in ("demo.agent", "demo.lead", "demo.admin"))
    everything, _, _ = pull_all(server, admin)
    rows, cursor, _ = pull_all(server, agent)
    _needed(rows)
    assert {k for k in rows if k[0] == "ticket"} == {k for k in pull_all(server, lead)[0] if k[0] == "ticket"}
    assert any(d.get("team_id") == "team-tech" for (e, _), d in everything.items() if e == "ticket")
    # Global rows go to everyone: other teams' agents and the teams themselves.
    assert ("team", "team-tech") in rows
    assert any(e == "agent" and "team-tech" in (d.get("team_ids") or []) for (e, _), d in rows.items())
    ticket_id = next(i for (e, i), d in rows.items() if e == "ticket" and d["status"] == "open")
    customer_id = rows[("ticket", ticket_id)]["customer_id"]
    dependants = {
        k for k, d in rows.items() if k[0] in ("message", "interaction") and d.get("ticket_id") == ticket_id
    }
    assert dependants
    [result] = push(
        server, agent, mutation("ticket.transfer", ticket_id, {"department": "technical", "note": "n"})
    )
    assert result["status"] == "applied"
    _, moved_cursor, changes = pull_all(server, agent, cursor)
    deleted = {(c["entity"], c["id"]) for c in changes if c["op"] == "delete"}
    assert {("ticket", ticket_id), *dependants} <= deleted
    still_needed = any(
        d.get("customer_id") == customer_id for (e, i), d in rows.items() if e == "ticket" and i != ticket_id
    )
    assert (("customer", customer_id) in deleted) is not still_needed
    # A fresh full pull agrees, and never shows another team's rows.
    fresh, _, _ = pull_all(server, agent)
    _needed(fresh)
    assert ("ticket", ticket_id) not in fresh
    # The admin moves it back: the agent receives it again.
    [back] = push(server, admin, mutation("ticket.transfer", ticket_id, {"department": "billing"}))
    assert back["status"] == "applied"
    again, _, back_changes = pull_all(server, agent, moved_cursor)
    assert again[("ticket", ticket_id)]["team_id"] == "team-billing"
    assert {("message", i) for (e, i) in dependants if e == "message"} <= set(again)
    assert all(c["op"] == "upsert" for c in back_changes)


def test_mutations_on_other_teams_rows_are_rejected(server: str) -> None:
    agent, admin = sign_in(server, "demo.agent"), sign_in(server, "demo.admin")
    everything, _, _ = pull_all(server, admin)
    foreign = next(i for (e, i), d in everything.items() if e == "ticket" and d["team_id"] == "team-tech")
    foreign_customer = everything[("ticket", foreign)]["customer_id"]
    results = push(
        server,
        agent,
        mutation("ticket.reply", foreign, {"body": "hi"}),
        mutation("customer.update", foreign_customer, {"fields": {"name": "x"}}),
    )
    assert [r["status"] for r in results] == ["rejected", "rejected"]
    assert all(r["reason"].startswith("not_found") for r in results)


def test_personal_fields_are_masked_for_agents_and_leads(server: str) -> None:
    agent, lead, admin = (sign_in(server, who) for who in ("demo.agent", "demo.lead", "demo.admin"))
    clear, _, _ = pull_all(server, admin)
    for token in (agent, lead):
        rows, _, _ = pull_all(server, token)
        customers = [(i, d) for (e, i), d in rows.items() if e == "customer"]
        assert customers
        for cid, data in customers:
            real = clear[("customer", cid)]
            for field in ("phone", "email", "national_id", "address"):
                if real.get(field):
                    assert "*" in data[field] and data[field] != real[field], field
            if real.get("phone"):
                assert MASKED_PHONE.match(data["phone"])
            if real.get("email"):
                assert MASKED_EMAIL.match(data["email"])
            for shown, actual in zip(data.get("contacts") or [], real.get("contacts") or [], strict=True):
                assert shown["handle"] != actual["handle"] and "*" in shown["handle"]
        agents = [d for (e, _), d in rows.items() if e == "agent"]
        assert all("*" in d["email"] for d in agents)
    assert any(d.get("phone") and "*" not in d["phone"] for (e, _), d in clear.items() if e == "customer")


def test_masked_echo_does_not_overwrite(server: str) -> None:
    agent, admin = sign_in(server, "demo.agent"), sign_in(server, "demo.admin")
    rows, _, _ = pull_all(server, agent)
    cid, data = next((i, d) for (e, i), d in rows.items() if e == "customer" and d.get("phone"))
    real = pull_all(server, admin)[0][("customer", cid)]
    [r] = push(
        server, agent, mutation("customer.update", cid, {"fields": {"phone": data["phone"], "name": "N"}})
    )
    assert r["status"] == "applied"
    now = pull_all(server, admin)[0][("customer", cid)]
    assert now["phone"] == real["phone"] and now["name"] == "N"


def test_reveal_needs_reason_is_scoped_audited_and_limited(gateway_factory) -> None:
    url = gateway_factory(reveal_limit=3)
    agent, lead, admin = (sign_in(url, who) for who in ("demo.agent", "demo.lead", "demo.admin"))
    rows, _, _ = pull_all(url, agent)
    clear, _, _ = pull_all(url, admin)
    cid = next(
        i
        for (e, i), d in clear.items()
        if (e, i) in rows and e == "customer" and d.get("phone") and d.get("email") and d.get("contacts")
    )
    ask = {"entity": "customer", "id": cid, "field": "phone"}
    no_reason = httpx.post(url + "/v1/reveal", json=ask, headers=auth(agent))
    assert no_reason.status_code == 422 and no_reason.json()["type"] == Problems.VALIDATION
    blank = httpx.post(url + "/v1/reveal", json={**ask, "reason": "  "}, headers=auth(agent))
    assert blank.status_code == 422
    ok = httpx.post(
        url + "/v1/reveal", json={**ask, "reason": "customer asked for a call back"}, headers=auth(agent)
    )
    assert ok.status_code == 200 and ok.json()["value"] == clear[("customer", cid)]["phone"]
    contact = httpx.post(
        url + "/v1/reveal", json={**ask, "field": "contacts.0", "reason": "call"}, headers=auth(agent)
    )
    assert contact.json()["value"] == clear[("customer", cid)]["contacts"][0]["handle"]
    foreign = next(i for (e, i), d in clear.items() if e == "customer" and (e, i) not in rows)
    hidden = httpx.post(
        url + "/v1/reveal", json={**ask, "id": foreign, "reason": "curious"}, headers=auth(agent)
    )
    assert hidden.status_code == 404 and hidden.json()["type"] == Problems.NOT_FOUND
    third = httpx.post(
        url + "/v1/reveal", json={**ask, "field": "email", "reason": "send the invoice"}, headers=auth(agent)
    )
    assert third.status_code == 200
    limited = httpx.post(url + "/v1/reveal", json={**ask, "reason": "again"}, headers=auth(agent))
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
    log = httpx.get(url + "/v1/supervisor/audit", params={"action": "reveal"}, headers=auth(lead)).json()
    reveals = [e for e in log["entries"] if e["actor_id"] == "agent-demo-agent"]
    assert {(e["entity_id"], e["field"]) for e in reveals} >= {(cid, "phone"), (cid, "contacts.0")}
    assert "customer asked for a call back" in {e["reason"] for e in reveals}
    denied = httpx.get(
        url + "/v1/supervisor/audit", params={"action": "reveal_denied"}, headers=auth(lead)
    ).json()
    assert [e["entity_id"] for e in denied["entries"]] == [foreign]
    assert httpx.get(url + "/v1/supervisor/audit", headers=auth(agent)).status_code == 403


def test_approvals_follow_the_limits(server: str) -> None:
    agent, lead, admin = (sign_in(server, who) for who in ("demo.agent", "demo.lead", "demo.admin"))
    rows, _, _ = pull_all(server, agent)
    ticket_id = next(i for (e, i), d in rows.items() if e == "ticket" and d["status"] == "open")
    small = mutation(
        "approval.request", ticket_id, {"kind": "refund", "amount": "3000", "reason": "late"}, entity="ticket"
    )
    big = mutation(
        "approval.request",
        ticket_id,
        {"kind": "compensation", "amount": "2500.50", "reason": "x"},
        entity="ticket",
    )
    assert [r["status"] for r in push(server, agent, small, big)] == ["applied", "applied"]
    small_id, big_id = "apr-" + small["mutation_id"], "apr-" + big["mutation_id"]
    assert ("approval", small_id) in pull_all(server, agent)[0]
    decide = lambda aid, d: mutation("approval.decide", aid, {"decision": d, "reason": "ok"})  # noqa: E731
    [by_agent] = push(server, agent, decide(small_id, "approve"))
    assert by_agent["status"] == "rejected" and by_agent["reason"].startswith("forbidden")
    results = push(
        server, lead, decide(small_id, "approve"), decide(big_id, "approve"), decide(big_id, "escalate")
    )
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"]
    assert results[1]["reason"].startswith("over_limit")
    [final] = push(server, admin, decide(big_id, "approve"))
    assert final["status"] == "applied"
    approvals = {i: d for (e, i), d in pull_all(server, agent)[0].items() if e == "approval"}
    assert approvals[small_id]["status"] == "approved" and approvals[big_id]["status"] == "approved"
    assert approvals[big_id]["decided_by"] == "agent-demo-admin"
    log = httpx.get(server + "/v1/supervisor/audit", headers=auth(admin)).json()["entries"]
    assert sum(e["action"] == "approval.decide" for e in log) == 3
