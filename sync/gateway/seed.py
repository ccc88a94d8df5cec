"""``--seed-demo``: demo sign-ins and data. Demo mode only — a real deployment has no such accounts.

Sign-ins (password ``demo``): ``demo.agent`` (agent) and ``demo.lead`` (team lead) in the billing
team, ``demo.admin`` (admin). The data comes from ``agentdesk.demo``; the small fixed set below
(at least two teams with tickets and customers) is what tests and benches seed directly.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from agentdesk.sync.gateway.store import GatewayStore
from agentdesk.sync.gateway.store import schema as s
from agentdesk.sync.gateway.store.accounts import create_account
from agentdesk.sync.gateway.store.records import RecordWriter, bulk_load

log = logging.getLogger(__name__)
DEMO_PASSWORD = "demo"
Row = tuple[str, str, dict[str, Any]]

TEAMS = {
    "team-billing": {"name": "Billing & refunds", "department": "billing", "lead_id": "agent-demo-lead"},
    "team-tech": {"name": "Technical support", "department": "technical", "lead_id": "agent-tech-lead"},
    "team-delivery": {"name": "Delivery", "department": "delivery", "lead_id": None},
}
AGENTS = {
    "agent-demo-agent": (
        "demo.agent",
        "Dana Agent",
        "agent",
        ["team-billing"],
        ["billing", "refund", "lang:en"],
    ),
    "agent-demo-lead": (
        "demo.lead",
        "Lee Lead",
        "team_lead",
        ["team-billing"],
        ["billing", "complaint", "lang:zh"],
    ),
    "agent-demo-admin": ("demo.admin", "Ada Admin", "admin", list(TEAMS), ["lang:en", "lang:zh"]),
    "agent-tech-1": ("tech.one", "Tao Tech", "agent", ["team-tech"], ["technical", "account", "lang:zh"]),
    "agent-tech-lead": ("tech.lead", "Tess Techlead", "team_lead", ["team-tech"], ["technical", "lang:en"]),
}
DEMO_LOGINS = {
    "demo.agent": "agent-demo-agent",
    "demo.lead": "agent-demo-lead",
    "demo.admin": "agent-demo-admin",
}


def fixed_rows(customers: int = 40, seed: int = 7) -> Iterator[Row]:
    """A small, deterministic data set for tests and benches (three teams, ``customers`` people)."""
    rng = random.Random(seed)
    for team_id, data in TEAMS.items():
        yield "team", team_id, dict(data)
    for agent_id, (login, name, role, teams, skills) in AGENTS.items():
        yield (
            "agent",
            agent_id,
            {
                "login": login,
                "name": name,
                "email": f"{login}@agentdesk.example",
                "role": role,
                "team_ids": teams,
                "skills": skills,
                "max_load": 20,
            },
        )
    for n in range(1, 4):
        yield (
            "organization",
            f"org-{n}",
            {"name": f"Org {n} Ltd", "industry": "retail", "tier": "VIP" if n == 1 else "standard"},
        )
    team_ids = list(TEAMS)
    statuses = ["new", "open", "open", "pending", "on_hold", "solved", "closed"]
    ticket_no = 1000
    for c in range(1, customers + 1):
        cid = f"cust-{c}"
        team = team_ids[(c - 1) % 2] if c % 10 else "team-delivery"
        health = rng.randint(10, 100)
        yield (
            "customer",
            cid,
            {
                "name": f"Customer {c}",
                "organization_id": f"org-{c % 3 + 1}" if c % 4 == 0 else None,
                "tier": "VIP" if c % 7 == 0 else "standard",
                "tags": ["price-sensitive"] if c % 5 == 0 else [],
                "health_score": health,
                "churn_risk": "high" if health < 40 else "medium" if health < 70 else "low",
                "verified": c % 3 == 0,
                "language": "zh" if c % 2 else "en",
                "phone": f"138{c:04d}{5678 + c:04d}"[:11],
                "email": f"customer{c}@example.com",
                "address": f"{c} Long Street, Springfield",
                "national_id": f"11010519{c:04d}0{c % 10}1234",
                "contacts": [
                    {"channel": "phone", "handle": f"139{c:08d}", "verified": True},
                    {"channel": "app", "handle": f"app-user-{c}"},
                ],
                "complaints_90d": c % 4,
                "created_at": "2026-01-05T08:00:00Z",
            },
        )
        for k in range(2):
            ticket_no += 1
            tid = f"tkt-{ticket_no}"
            status = statuses[(c + k) % len(statuses)] if k else "open"
            yield (
                "ticket",
                tid,
                {
                    "number": ticket_no,
                    "subject": f"Question {ticket_no} from customer {c}",
                    "status": status,
                    "priority": ["P1", "P2", "P3"][(c + k) % 3],
                    "category": "billing" if team == "team-billing" else "technical",
                    "department": TEAMS[team]["department"],
                    "team_id": team,
                    "customer_id": cid,
                    "assignee_id": "agent-demo-agent" if team == "team-billing" and k == 0 else None,
                    "tags": [],
                    "channel": "email",
                    "created_at": "2026-11-20T09:00:00Z",
                    "updated_at": "2026-11-20T09:00:00Z",
                },
            )
            yield (
                "message",
                f"msg-{tid}-1",
                {
                    "ticket_id": tid,
                    "body": f"Hello, I need help with order {ticket_no}.",
                    "public": True,
                    "author_id": cid,
                    "author_kind": "customer",
                    "author_name": f"Customer {c}",
                    "created_at": "2026-11-20T09:00:00Z",
                },
            )
            yield (
                "interaction",
                f"int-{tid}",
                {
                    "customer_id": cid,
                    "ticket_id": tid,
                    "channel": "email",
                    "direction": "inbound",
                    "occurred_at": "2026-11-20T09:00:00Z",
                    "summary": f"E-mail about order {ticket_no}",
                },
            )
    for n, (lang, title) in enumerate(
        [("en", "How refunds work"), ("zh", "如何申请退款"), ("en", "Resetting a password")], start=1
    ):
        yield (
            "article",
            f"kb-{n}",
            {
                "lang": lang,
                "title": title,
                "body": f"{title}: step by step.",
                "tags": ["refund" if n < 3 else "account"],
                "updated_at": "2026-11-01T00:00:00Z",
            },
        )
    yield (
        "script",
        "script-refund-en",
        {
            "lang": "en",
            "category": "refund",
            "scenario": "refund_delay",
            "title": "Refund is late",
            "empathy": "I understand waiting for your money is frustrating.",
            "answer": "Your refund of {amount} was issued on {date}.",
            "commitment": "I will check again tomorrow and write to you.",
            "variables": [{"name": "amount", "type": "money"}, {"name": "date", "type": "date"}],
        },
    )


def demo_rows(customers: int | None, seed: int) -> list[Row]:
    """The demo generator's records (``agentdesk.demo``, shipped in the package).

    A failure there is a bug to see, not to hide behind a smaller data set, so it propagates.
    """
    from agentdesk.demo import gateway_rows

    return list(gateway_rows(customers=customers, seed=seed))


def seed_demo(store: GatewayStore, *, customers: int | None = None, seed: int = 7) -> bool:
    """Create the demo sign-ins and data once; False when they were already there."""
    with store.write() as tx:
        exists = tx.conn.execute(
            select(s.accounts.c.agent_id).where(s.accounts.c.login == "demo.agent")
        ).first()
        if exists is not None:
            return False
        empty = tx.conn.execute(select(s.records.c.id).limit(1)).first() is None
        rows = demo_rows(customers, seed)
        if empty:
            count = bulk_load(tx, rows)
        else:
            writer = RecordWriter(tx)
            count = 0
            for entity, entity_id, data in rows:
                writer.put(entity, entity_id, data)
                count += 1
        for login, agent_id in DEMO_LOGINS.items():
            create_account(tx.conn, agent_id, login, DEMO_PASSWORD)
    log.warning("demo data seeded (%d rows) with the demo sign-ins: not for production", count)
    return True
