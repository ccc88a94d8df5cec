"""The demo generator: deterministic, shaped like the wire, scaled as asked, plausible."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import typing
from collections import Counter
from datetime import timedelta
from typing import Any, Literal, get_args, get_origin

import pytest

from agentdesk.demo import DEMO_LOGINS, SIGN_INS, DemoSpec, gateway_rows, generate
from agentdesk.domain import entities
from agentdesk.domain.enums import APPROVAL_LIMITS, ApprovalKind, Category, ChurnRisk, Priority, TicketStatus
from agentdesk.timeutil import from_wire
from tests.demo.conftest import REFERENCE, Rows

SHAPES: dict[str, Any] = {
    "agent": entities.AgentData,
    "team": entities.TeamData,
    "organization": entities.OrganizationData,
    "customer": entities.CustomerData,
    "interaction": entities.InteractionData,
    "ticket": entities.TicketData,
    "message": entities.MessageData,
    "article": entities.ArticleData,
    "approval": entities.ApprovalData,
}
TIMESTAMP_FIELDS = {
    "verified_at", "created_at", "occurred_at", "updated_at", "first_response_at", "solved_at",
    "first_response_due", "resolution_due", "requested_at", "decided_at",
}  # fmt: skip


def _required(shape: Any) -> set[str]:
    # entities.py postpones annotations, so __required_keys__ cannot see NotRequired: read the text.
    return {k for k, a in shape.__annotations__.items() if "NotRequired[" not in str(a)}


def _literals(hint: Any) -> set[Any] | None:
    """The allowed values when ``hint`` is (an optional / NotRequired) Literal, else None."""
    if get_origin(hint) is Literal:
        return set(get_args(hint))
    for arg in get_args(hint):
        found = _literals(arg)
        if found is not None:
            return found | ({None} if type(None) in get_args(hint) else set())
    return None


def test_same_seed_same_bytes_other_seed_differs() -> None:
    spec = DemoSpec(customers=120, seed=3, reference=REFERENCE)
    first = json.dumps(list(generate(spec)), ensure_ascii=False)
    assert first == json.dumps(list(generate(spec)), ensure_ascii=False)
    assert first != json.dumps(list(generate(DemoSpec(customers=120, seed=4, reference=REFERENCE))))
    by_keywords = generate(seed=3, customers=120, reference=REFERENCE)
    assert json.dumps(list(by_keywords), ensure_ascii=False) == first
    tickets = [row for row in generate(spec) if row[0] == "ticket"]
    assert list(by_keywords.records("ticket")) == tickets


@pytest.mark.slow  # two fresh interpreters importing the store stack: ~3 s each on a busy machine
def test_same_bytes_in_another_process_with_another_hash_seed() -> None:
    script = (
        "import hashlib, json, sys; from datetime import datetime, UTC; from agentdesk.demo import generate; "
        "rows = generate(customers=80, seed=5, reference=datetime(2026, 11, 23, 9, tzinfo=UTC)); "
        "print(hashlib.sha256(json.dumps(list(rows), ensure_ascii=False).encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": str(hash_seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for hash_seed in (1, 2)
    }
    assert len(digests) == 1


def test_records_follow_the_wire_shapes(small_rows: Rows) -> None:
    hints = {entity: typing.get_type_hints(shape, include_extras=True) for entity, shape in SHAPES.items()}
    seen: set[str] = set()
    for entity, entity_id, data in small_rows:
        seen.add(entity)
        assert isinstance(entity_id, str) and entity_id
        missing = _required(SHAPES[entity]) - data.keys()
        assert not missing, (entity, entity_id, missing)
        for key, value in data.items():
            assert key in hints[entity], (entity, key)
            allowed = _literals(hints[entity][key])
            if allowed is not None:
                assert value in allowed, (entity, key, value)
            if key in TIMESTAMP_FIELDS and value is not None:
                assert from_wire(value).tzinfo is not None and value.endswith("Z")
        if entity == "ticket":
            TicketStatus(data["status"]), Priority(data["priority"]), Category(data["category"])
        if entity == "customer":
            assert ChurnRisk.from_health(data["health_score"]).value == data["churn_risk"]
            assert {c["channel"] for c in data["contacts"]} >= {"phone", "email"}
    assert seen == set(SHAPES)


def test_ids_are_unique_and_references_resolve(small_rows: Rows) -> None:
    keys = Counter((entity, entity_id) for entity, entity_id, _ in small_rows)
    assert max(keys.values()) == 1
    known: set[tuple[str, str]] = set()
    refs = {
        "customer_id": "customer", "ticket_id": "ticket", "team_id": "team", "assignee_id": "agent",
        "organization_id": "organization", "requested_by": "agent", "decided_by": "agent", "lead_id": "agent",
    }  # fmt: skip
    late_refs = {("team", "lead_id")}  # teams come first; their leads follow as agents
    for entity, entity_id, data in small_rows:
        for key, target in refs.items():
            value = data.get(key)
            if value is not None and (entity, key) not in late_refs:
                assert (target, value) in known, (entity, entity_id, key, value)
        if entity == "interaction" and data.get("agent_id"):
            assert ("agent", data["agent_id"]) in known
        known.add((entity, entity_id))


def test_tickets_are_recent_with_tier_slas_and_team_assignees(small_rows: Rows) -> None:
    team_of = {i: d["team_ids"] for e, i, d in small_rows if e == "agent"}
    sla = {"P1": (5, 120), "P2": (10, 24 * 60), "P3": (15, 48 * 60)}
    tickets = [d for e, _, d in small_rows if e == "ticket"]
    for t in tickets:
        created = from_wire(t["created_at"])
        assert REFERENCE - timedelta(days=90, minutes=5) <= created <= REFERENCE
        respond, resolve = sla[t["priority"]]
        assert from_wire(t["first_response_due"]) - created == timedelta(minutes=respond)
        assert from_wire(t["resolution_due"]) - created == timedelta(minutes=resolve)
        if t["assignee_id"]:
            assert t["team_id"] in team_of[t["assignee_id"]]
        solved = t["status"] in ("solved", "closed")
        assert (t["csat"] is not None) == solved == (t["solved_at"] is not None)
        assert from_wire(t["updated_at"]) >= created
    statuses = Counter(t["status"] for t in tickets)
    assert set(statuses) == {s.value for s in TicketStatus}
    priorities = Counter(t["priority"] for t in tickets)
    assert set(priorities) == {"P1", "P2", "P3"} and priorities["P1"] < priorities["P3"]
    assert {t["category"] for t in tickets} == {c.value for c in Category}


def test_customers_are_bilingual_tagged_and_consistent(small_rows: Rows) -> None:
    customers = [d for e, _, d in small_rows if e == "customer"]
    zh = sum(c["language"] == "zh" for c in customers) / len(customers)
    vip = sum(c["tier"] == "VIP" for c in customers) / len(customers)
    assert 0.34 < zh < 0.46 and 0.02 < vip < 0.08
    tags = Counter(tag for c in customers for tag in c["tags"])
    assert {"high-value enterprise", "price-sensitive", "frequent complainer"} <= set(tags)
    for c in customers:
        assert ("frequent complainer" in c["tags"]) == (c["complaints_90d"] >= 3)
        if c["language"] == "zh":
            assert len(c["national_id"]) == 18 and c["phone"].isdigit() and "市" in c["address"]
    complainers = [c["health_score"] for c in customers if c["complaints_90d"] >= 3]
    calm = [c["health_score"] for c in customers if c["complaints_90d"] == 0]
    assert sum(complainers) / len(complainers) < sum(calm) / len(calm) - 20
    channels = {c["channel"] for d in customers for c in d["contacts"]}
    assert channels == {"phone", "app", "web", "store", "social", "email", "chat"}
    summaries = {d["summary"] for e, _, d in small_rows if e == "interaction"}
    assert len(summaries) > 200  # template variety, not one sentence repeated


def test_approvals_include_pending_over_the_lead_limits(small_rows: Rows) -> None:
    approvals = [d for e, _, d in small_rows if e == "approval"]
    pending = [a for a in approvals if a["status"] == "pending"]
    over = [a for a in pending if float(a["amount"]) > APPROVAL_LIMITS[ApprovalKind(a["kind"])]]
    assert pending and over and len(over) < len(pending)
    assert {a["kind"] for a in approvals} == {"refund", "compensation"}
    assert any(a["team_id"] == "team-billing" for a in pending)
    for a in approvals:
        over_limit = float(a["amount"]) > APPROVAL_LIMITS[ApprovalKind(a["kind"])]
        assert a["status"] != "approved" or not over_limit  # a lead never approves above the limit
        assert (a["status"] == "pending") == (a.get("decided_by") is None)


@pytest.mark.parametrize(("customers", "per_customer", "messages"), [(100, 5.0, True), (400, 2.0, False)])
def test_scale_parameters_are_respected(customers: int, per_customer: float, messages: bool) -> None:
    spec = DemoSpec(
        customers=customers, interactions_per_customer=per_customer, messages=messages, agents=200
    )
    counts = Counter(entity for entity, _, _ in generate(spec))
    assert counts["customer"] == customers
    assert abs(counts["interaction"] / customers - per_customer) < 0.25 * per_customer + 0.3
    assert 0.9 < counts["ticket"] / customers < 1.4
    assert counts["agent"] == 3 + 2 + 200  # demo sign-ins, two more team leads, generated agents
    if messages:
        assert 2.0 <= counts["message"] / counts["ticket"] <= 3.3
    else:
        assert counts["message"] == 0


def test_demo_sign_ins_share_a_team_that_has_work(small_rows: Rows) -> None:
    agents = {d["login"]: (i, d) for e, i, d in small_rows if e == "agent"}
    for sign_in in SIGN_INS:
        agent_id, data = agents[sign_in.login]
        assert agent_id == DEMO_LOGINS[sign_in.login] == sign_in.agent_id and data["role"] == sign_in.role
    assert agents["demo.agent"][1]["team_ids"] == agents["demo.lead"][1]["team_ids"] == ["team-billing"]
    tickets = [d for e, _, d in small_rows if e == "ticket"]
    teams = Counter(t["team_id"] for t in tickets)
    assert len(teams) >= 2 and all(n > 10 for n in teams.values())
    mine = [
        t for t in tickets if t["assignee_id"] == "agent-demo-agent" and t["status"] in ("open", "pending")
    ]
    assert mine


def test_gateway_rows_are_timed_from_now() -> None:
    tickets = [data for entity, _, data in gateway_rows(customers=30) if entity == "ticket"]
    assert tickets and max(t["created_at"] for t in tickets) > "2026-"
