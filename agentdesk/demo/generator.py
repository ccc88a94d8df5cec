"""The record stream. Same spec and seed -> the same records, byte for byte."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from agentdesk.demo import vocab
from agentdesk.domain.enums import Priority
from agentdesk.sla.engine import TARGETS
from agentdesk.timeutil import to_store

Row = tuple[str, str, dict[str, Any]]

TEAMS: dict[str, dict[str, Any]] = {
    "team-billing": {"name": "Billing & refunds", "department": "billing"},
    "team-tech": {"name": "Technical support", "department": "technical"},
    "team-delivery": {"name": "Delivery & installation", "department": "delivery"},
    "team-care": {"name": "Customer care", "department": "customer care"},
}
# The sign-ins --seed-demo creates (password "demo"); agent and lead share the billing team.
DEMO_LOGINS = {
    "demo.agent": "agent-demo-agent",
    "demo.lead": "agent-demo-lead",
    "demo.admin": "agent-demo-admin",
}
_DEMO_AGENTS: list[Row] = [
    (
        "agent",
        "agent-demo-agent",
        {
            "login": "demo.agent",
            "name": "Dana Agent",
            "email": "demo.agent@northwind.example",
            "role": "agent",
            "team_ids": ["team-billing"],
            "skills": ["billing", "refund", "lang:en", "lang:zh"],
            "max_load": 25,
        },
    ),
    (
        "agent",
        "agent-demo-lead",
        {
            "login": "demo.lead",
            "name": "Lee Lead",
            "email": "demo.lead@northwind.example",
            "role": "team_lead",
            "team_ids": ["team-billing"],
            "skills": ["billing", "complaint", "lang:en", "lang:zh"],
            "max_load": 10,
        },
    ),
    (
        "agent",
        "agent-demo-admin",
        {
            "login": "demo.admin",
            "name": "Ada Admin",
            "email": "demo.admin@northwind.example",
            "role": "admin",
            "team_ids": list(TEAMS),
            "skills": ["lang:en", "lang:zh"],
            "max_load": 0,
        },
    ),
]
_STATUS_MIX = (("new", 18), ("open", 30), ("pending", 12), ("on_hold", 5), ("solved", 25), ("closed", 10))
_PRIORITY_MIX = (("P1", 12), ("P2", 48), ("P3", 40))


@dataclass(frozen=True)
class DemoSpec:
    customers: int = 2000
    seed: int = 7
    reference: datetime = field(default_factory=lambda: datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    interactions_per_customer: float = 5.0
    tickets_per_customer: float = 1.0
    messages: bool = True
    agents_per_team: int = 6


def _weighted(rng: random.Random, mix: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([m[0] for m in mix], weights=[m[1] for m in mix])[0]


def _count(rng: random.Random, mean: float) -> int:
    whole = int(mean)
    return whole + (1 if rng.random() < mean - whole else 0)


class _Clock:
    """Store-format timestamps for offsets before the reference instant, cheaply."""

    def __init__(self, reference: datetime) -> None:
        self.reference = reference

    def ago(self, seconds: float) -> str:
        return to_store(self.reference - timedelta(seconds=int(seconds)))

    def at(self, moment: datetime) -> str:
        return to_store(moment)


def _person(rng: random.Random, n: int) -> dict[str, Any]:
    chinese = rng.random() < 0.4
    if chinese:
        name = rng.choice(vocab.ZH_SURNAME) + rng.choice(vocab.ZH_GIVEN)
        phone = f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"
        city, district = rng.choice(vocab.ZH_CITIES)
        road = rng.choice(vocab.ZH_ROADS)
        address = f"{city}{district}{road}路{rng.randrange(1, 999)}号{rng.randrange(1, 30)}01室"
        birth = f"{rng.randrange(1960, 2004)}{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}"
        national_id = (
            f"{rng.choice(('310115', '110105', '440106', '330106'))}{birth}{rng.randrange(1000):03d}X"
        )
        email = f"user{n}@example.cn"
    else:
        first, last = rng.choice(vocab.EN_FIRST), rng.choice(vocab.EN_LAST)
        name = f"{first} {last}"
        phone = f"+1 555 {rng.randrange(10**7):07d}"
        address = (
            f"{rng.randrange(1, 999)} {rng.choice(vocab.EN_STREETS)} Street, {rng.choice(vocab.EN_CITIES)}"
        )
        national_id = None
        email = f"{first.lower()}.{last.lower()}{n}@example.com"
    return {
        "name": name,
        "language": "zh" if chinese else "en",
        "phone": phone,
        "email": email,
        "address": address,
        "national_id": national_id,
    }


def generate(spec: DemoSpec | None = None) -> Iterator[Row]:
    spec = spec or DemoSpec()
    rng = random.Random(spec.seed)
    clock = _Clock(spec.reference)
    for team_id, team in TEAMS.items():
        lead = "agent-demo-lead" if team_id == "team-billing" else f"agent-{team_id[5:]}-lead"
        yield "team", team_id, {**team, "lead_id": lead}
    yield from _DEMO_AGENTS
    team_agents: dict[str, list[str]] = {t: [] for t in TEAMS}
    team_agents["team-billing"].append("agent-demo-agent")
    for team_id, team in TEAMS.items():
        short = team_id[5:]
        for i in range(spec.agents_per_team):
            agent_id = f"agent-{short}-lead" if i == 0 and team_id != "team-billing" else f"agent-{short}-{i}"
            role = "team_lead" if agent_id.endswith("-lead") else "agent"
            person = _person(rng, i)
            if agent_id.endswith("-lead") or i > 0:
                if role == "agent":
                    team_agents[team_id].append(agent_id)
                yield (
                    "agent",
                    agent_id,
                    {
                        "login": f"{short}.{i}",
                        "name": person["name"],
                        "email": f"{short}.{i}@northwind.example",
                        "role": role,
                        "team_ids": [team_id],
                        "skills": [team["department"], f"lang:{person['language']}"],
                        "max_load": 20,
                    },
                )
    organizations = max(1, spec.customers // 50)
    for o in range(organizations):
        chinese = o % 2 == 1
        name = (vocab.ORG_ZH if chinese else vocab.ORG_EN)[o % len(vocab.ORG_EN)]
        yield (
            "organization",
            f"org-{o:05d}",
            {
                "name": name if o < len(vocab.ORG_EN) else f"{name} {o // len(vocab.ORG_EN) + 1}",
                "industry": vocab.INDUSTRIES[o % len(vocab.INDUSTRIES)],
                "tier": "VIP" if o % 5 == 0 else "standard",
            },
        )
    ticket_n = 0
    approval_n = 0
    categories = list(vocab.TICKET_TOPICS)
    for c in range(spec.customers):
        cid = f"cust-{c:07d}"
        person = _person(rng, c)
        lang = person["language"]
        complaints = rng.choices((0, 1, 2, 3), weights=(80, 12, 6, 2))[0]
        vip = rng.random() < 0.05
        tags = []
        if vip or rng.random() < 0.04:
            tags.append("high-value enterprise")
        if rng.random() < 0.15:
            tags.append("price-sensitive")
        if complaints >= 2:
            tags.append("frequent complainer")
        health = max(5, min(100, int(rng.gauss(75, 15)) - 15 * complaints))
        verified = rng.random() < 0.7
        org = f"org-{rng.randrange(organizations):05d}" if rng.random() < 0.3 else None
        yield (
            "customer",
            cid,
            {
                "name": person["name"],
                "organization_id": org,
                "tier": "VIP" if vip else "standard",
                "tags": tags,
                "health_score": health,
                "churn_risk": "high" if health < 40 else "medium" if health < 70 else "low",
                "verified": verified,
                "verified_at": clock.ago(rng.randrange(30, 900) * 86400) if verified else None,
                "language": lang,
                "phone": person["phone"],
                "email": person["email"],
                "address": person["address"],
                "national_id": person["national_id"],
                "complaints_90d": complaints,
                "contacts": [
                    {"channel": "phone", "handle": person["phone"], "verified": verified},
                    {"channel": "app", "handle": f"nw{c:07d}"},
                    {"channel": "email", "handle": person["email"]},
                ],
                "created_at": clock.ago(rng.randrange(30, 1500) * 86400),
            },
        )
        order = f"NW{rng.randrange(10**7):07d}"
        for i in range(_count(rng, spec.interactions_per_customer)):
            channel = rng.choice(vocab.CHANNELS)
            yield (
                "interaction",
                f"int-{c:07d}-{i:03d}",
                {
                    "customer_id": cid,
                    "channel": channel,
                    "direction": "outbound" if rng.random() < 0.2 else "inbound",
                    "occurred_at": clock.ago(rng.randrange(60, 365 * 86400)),
                    "summary": rng.choice(vocab.SUMMARIES[lang][channel]).format(order=order),
                    "duration_seconds": rng.randrange(60, 1200) if channel == "phone" else None,
                    "sentiment": rng.choices(("positive", "neutral", "negative"), weights=(3, 5, 2))[0],
                },
            )
        for _ in range(_count(rng, spec.tickets_per_customer)):
            ticket_n += 1
            yield from _ticket(rng, clock, spec, ticket_n, cid, person, lang, order, categories, team_agents)
            if ticket_n % 40 == 0:
                approval_n += 1
                yield _approval(rng, clock, approval_n, ticket_n)


def _ticket(
    rng: random.Random,
    clock: _Clock,
    spec: DemoSpec,
    n: int,
    cid: str,
    person: dict[str, Any],
    lang: str,
    order: str,
    categories: list[str],
    team_agents: dict[str, list[str]],
) -> Iterator[Row]:
    category = rng.choice(categories)
    team, en_subjects, zh_subjects, en_first, zh_first = vocab.TICKET_TOPICS[category]
    status = _weighted(rng, _STATUS_MIX)
    priority = _weighted(rng, _PRIORITY_MIX)
    created_ago = (
        rng.randrange(120, 6 * 3600) if status in ("new", "open") else rng.randrange(3600, 30 * 86400)
    )
    created = spec.reference - timedelta(seconds=created_ago)
    respond, resolve = TARGETS[Priority(priority)]
    agents = team_agents[team]
    assignee = (
        None
        if status == "new"
        else ("agent-demo-agent" if team == "team-billing" and rng.random() < 0.35 else rng.choice(agents))
    )
    first_response = None if status == "new" else created + timedelta(seconds=rng.randrange(60, 1500))
    solved = (
        created + timedelta(seconds=rng.randrange(1800, 40 * 3600))
        if status in ("solved", "closed")
        else None
    )
    tid = f"tkt-{n:07d}"
    subject = rng.choice(zh_subjects if lang == "zh" else en_subjects).format(order=order)
    yield (
        "ticket",
        tid,
        {
            "number": 100000 + n,
            "subject": subject,
            "status": status,
            "priority": priority,
            "category": category,
            "department": TEAMS[team]["department"],
            "team_id": team,
            "customer_id": cid,
            "assignee_id": assignee,
            "tags": [category] + (["vip"] if rng.random() < 0.05 else []),
            "channel": rng.choice(vocab.CHANNELS),
            "created_at": clock.at(created),
            "updated_at": clock.at(solved or first_response or created),
            "first_response_at": clock.at(first_response) if first_response else None,
            "solved_at": clock.at(solved) if solved else None,
            "sla_pauses": [{"start": clock.at(first_response), "end": None}]
            if status == "pending" and first_response
            else [],
            "first_response_due": clock.at(created + respond),
            "resolution_due": clock.at(created + resolve),
            "csat": rng.choices((5, 4, 3, 2, 1), weights=(50, 25, 12, 8, 5))[0] if solved else None,
        },
    )
    if not spec.messages:
        return
    first = (zh_first if lang == "zh" else en_first).format(order=order)
    yield (
        "message",
        f"{tid}-m1",
        {
            "ticket_id": tid,
            "body": first,
            "public": True,
            "author_kind": "customer",
            "author_id": cid,
            "author_name": person["name"],
            "created_at": clock.at(created),
        },
    )
    if first_response and assignee:
        reply = vocab.AGENT_REPLY[lang].format(name=person["name"], order=order)
        yield (
            "message",
            f"{tid}-m2",
            {
                "ticket_id": tid,
                "body": reply,
                "public": True,
                "author_kind": "agent",
                "author_id": assignee,
                "created_at": clock.at(first_response),
            },
        )
        if rng.random() < 0.3:
            yield (
                "message",
                f"{tid}-m3",
                {
                    "ticket_id": tid,
                    "body": vocab.INTERNAL_NOTE[lang],
                    "public": False,
                    "author_kind": "agent",
                    "author_id": assignee,
                    "created_at": clock.at(first_response + timedelta(minutes=5)),
                },
            )


def _approval(rng: random.Random, clock: _Clock, n: int, ticket_n: int) -> Row:
    kind = "refund" if n % 2 else "compensation"
    amount = rng.choice(
        (199, 480, 1299, 2600, 4999, 7800) if kind == "refund" else (50, 200, 800, 1500, 3000)
    )
    return (
        "approval",
        f"apr-{n:06d}",
        {
            "ticket_id": f"tkt-{ticket_n:07d}",
            "team_id": "team-billing",
            "kind": kind,
            "amount": f"{amount}.00",
            "currency": "CNY",
            "reason": "Damaged on delivery" if n % 3 else "Late delivery goodwill",
            "status": "pending",
            "requested_by": "agent-demo-agent",
            "requested_at": clock.ago(rng.randrange(600, 86400)),
        },
    )


def gateway_rows(customers: int | None = None, seed: int = 7) -> Iterator[Row]:
    """What ``--seed-demo`` loads: the stream, timed relative to now so SLA clocks are live."""
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    return generate(DemoSpec(customers=customers or 200, seed=seed, reference=now))
