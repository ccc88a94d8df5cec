"""The demo data set of "Northwind Home / 北风家居". Same spec -> the same records, byte for byte.

Records are streamed (entity, id, data) in dependency order: teams, agents, organizations,
articles, then per customer the customer, its tickets (each followed by its messages and any
approval) and its interactions. Nothing is held for more than one customer at a time.
"""

from __future__ import annotations

import dataclasses
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from typing import Any

from agentdesk.demo import vocab
from agentdesk.demo.activity import TEAMS, Activity, Customer, Row
from agentdesk.demo.clock import DAY, Clock
from agentdesk.demo.people import organization_name, person
from agentdesk.domain.enums import ChurnRisk

SKILLS = {
    "team-billing": ("billing", "refund", "complaint", "other"),
    "team-tech": ("technical", "account", "product_info"),
    "team-delivery": ("delivery", "complaint"),
}
# The sign-ins --seed-demo creates (password "demo"); agent and lead share the billing team.
DEMO_LOGINS = {
    "demo.agent": "agent-demo-agent",
    "demo.lead": "agent-demo-lead",
    "demo.admin": "agent-demo-admin",
}
_DEMO_AGENTS: tuple[Row, ...] = (
    (
        "agent",
        "agent-demo-agent",
        {
            "login": "demo.agent",
            "name": "Dana Agent",
            "email": "demo.agent@northwind.example",
            "role": "agent",
            "team_ids": ["team-billing"],
            "skills": ["billing", "refund", "complaint", "lang:en", "lang:zh"],
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
            "skills": ["billing", "refund", "complaint", "lang:en", "lang:zh"],
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
)


@dataclass(frozen=True, slots=True)
class SignIn:
    login: str
    role: str
    team_id: str | None  # None: every team (admin)
    agent_id: str
    password: str = "demo"


SIGN_INS = (
    SignIn("demo.agent", "agent", "team-billing", "agent-demo-agent"),
    SignIn("demo.lead", "team_lead", "team-billing", "agent-demo-lead"),
    SignIn("demo.admin", "admin", None, "agent-demo-admin"),
)


@dataclass(frozen=True)
class DemoSpec:
    customers: int = 2000
    seed: int = 7
    reference: datetime = field(default_factory=lambda: datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    interactions_per_customer: float = 5.0
    tickets_per_customer: float = 1.0
    messages: bool = True
    agents: int = 18  # generated agents besides the demo sign-ins, spread over the teams
    articles: bool = True


def _count(rng: random.Random, mean: float) -> int:
    """0..2*mean, uniformly, so the mean holds and customers differ."""
    if mean <= 0:
        return 0
    return int(rng.random() * (2 * mean + 1))


class DemoDataset:
    """The records of one spec. Iterating it streams every record; ``records(entity)`` one kind."""

    sign_ins = SIGN_INS

    def __init__(self, spec: DemoSpec) -> None:
        self.spec = spec

    def __iter__(self) -> Iterator[Row]:
        yield from self.teams()
        yield from self.agents()
        yield from self.organizations()
        if self.spec.articles:
            yield from self.articles()
        yield from self._customers()

    def records(self, entity: str) -> Iterator[Row]:
        """Only ``entity``'s records (customer-side kinds replay the customer stream)."""
        return (row for row in self if row[0] == entity)

    def teams(self) -> Iterator[Row]:
        for team_id, team in TEAMS.items():
            yield "team", team_id, dict(team)

    def team_agents(self) -> dict[str, list[str]]:
        """Ticket assignees per team (agents, not leads)."""
        members: dict[str, list[str]] = {t: [] for t in TEAMS}
        members["team-billing"].append("agent-demo-agent")
        for _, agent_id, data in self._generated_agents():
            if data["role"] == "agent":
                members[data["team_ids"][0]].append(agent_id)
        return members

    def agents(self) -> Iterator[Row]:
        yield from ((e, i, dict(d)) for e, i, d in _DEMO_AGENTS)
        yield from self._generated_agents()

    def _generated_agents(self) -> Iterator[Row]:
        rng = random.Random(f"{self.spec.seed}:agents")
        teams = list(TEAMS)
        for team_id in teams[1:]:
            short = team_id[5:]
            who = person(rng, 0, rng.random() < 0.5)
            yield (
                "agent",
                f"agent-{short}-lead",
                _agent_data(f"{short}.lead", who.name, "team_lead", team_id, who.language),
            )
        for i in range(self.spec.agents):
            team_id = teams[i % len(teams)]
            short = team_id[5:]
            who = person(rng, i, rng.random() < 0.5)
            login = f"{short}.{i // len(teams) + 1}"
            bilingual = rng.random() < 0.4
            yield (
                "agent",
                f"agent-{short}-{i // len(teams) + 1}",
                _agent_data(login, who.name, "agent", team_id, who.language, bilingual=bilingual),
            )

    def organizations(self) -> Iterator[Row]:
        for o in range(self._organization_count()):
            name, industry, _ = organization_name(o)
            yield (
                "organization",
                f"org-{o:05d}",
                {
                    "name": name,
                    "industry": industry,
                    "tier": "VIP" if o % 7 == 0 else "standard",
                },
            )

    def _organization_count(self) -> int:
        return max(2, self.spec.customers // 100)

    def articles(self) -> Iterator[Row]:
        clock = Clock(self.spec.reference)
        source = resources.files("agentdesk.resources") / "demo" / "kb.jsonl"
        for n, line in enumerate(source.read_text(encoding="utf-8").splitlines()):
            if not line.strip():
                continue
            item = json.loads(line)
            yield (
                "article",
                item["id"],
                {
                    "lang": item["lang"],
                    "title": item["title"],
                    "body": item["body"],
                    "tags": list(item["tags"]),
                    "updated_at": clock.ago((n * 7 % 60 + 1) * DAY),
                },
            )

    def _customers(self) -> Iterator[Row]:
        spec = self.spec
        rng = random.Random(f"{spec.seed}:customers")
        r = rng.random
        clock = Clock(spec.reference)
        activity = Activity(rng, clock, self.team_agents(), messages=spec.messages)
        organizations = self._organization_count()
        heavy = spec.interactions_per_customer >= 2
        # Each ticket's first contact is an interaction; the rest make up the asked-for mean.
        tickets_mean = spec.tickets_per_customer + 0.11  # complaint-prone customers open more
        other_mean = max(0.0, spec.interactions_per_customer - tickets_mean - (0.25 if heavy else 0.0))
        for c in range(spec.customers):
            cid = f"cust-{c:07d}"
            who = person(rng, c, r() < 0.4)
            roll = r()
            complaints = 0 if roll < 0.8 else 1 if roll < 0.9 else 2 if roll < 0.96 else 3 + int(r() * 3)
            vip = r() < 0.05
            org = f"org-{int(r() * organizations):05d}" if r() < (0.6 if vip else 0.08) else None
            price_sensitive = not vip and r() < 0.18
            tags = []
            if org and (vip or r() < 0.3):
                tags.append("high-value enterprise")
            if price_sensitive:
                tags.append("price-sensitive")
            if complaints >= 3:
                tags.append("frequent complainer")
            health = (
                int(rng.gauss(80, 10)) - 14 * complaints - (6 if price_sensitive else 0) + (5 if vip else 0)
            )
            health = max(0, min(100, health))
            verified = r() < 0.75
            customer = Customer(
                cid,
                who.name,
                who.language,
                vip,
                complaints,
                price_sensitive,
                f"NW{2_000_000 + c * 7 + int(r() * 7):08d}",
                vocab.PRODUCTS[int(r() * len(vocab.PRODUCTS))],
            )
            yield (
                "customer",
                cid,
                {
                    "name": who.name,
                    "organization_id": org,
                    "tier": "VIP" if vip else "standard",
                    "tags": tags,
                    "health_score": health,
                    "churn_risk": ChurnRisk.from_health(health).value,
                    "verified": verified,
                    "verified_at": clock.ago((30 + int(r() * 700)) * DAY + int(r() * DAY))
                    if verified
                    else None,
                    "language": who.language,
                    "phone": who.phone,
                    "email": who.email,
                    "address": who.address,
                    "national_id": who.national_id,
                    "contacts": _contacts(rng, c, who.phone, who.email, who.language, verified),
                    "complaints_90d": complaints,
                    "created_at": clock.ago((730 + int(r() * 1500)) * DAY + int(r() * DAY)),
                },
            )
            tickets: list[Row] = []
            for row in activity.tickets_for(
                customer, _count(rng, spec.tickets_per_customer + 0.3 * complaints)
            ):
                if row[0] == "ticket":
                    tickets.append(row)
                yield row
            count = len(tickets) + _count(rng, other_mean)
            if heavy and r() < 0.001:  # a few long-standing customers with long histories
                count += 250
            yield from activity.interactions_for(customer, count, tickets)


def _agent_data(
    login: str, name: str, role: str, team_id: str, language: str, *, bilingual: bool = False
) -> dict[str, Any]:
    langs = ["lang:en", "lang:zh"] if bilingual else [f"lang:{language}"]
    return {
        "login": login,
        "name": name,
        "email": f"{login}@northwind.example",
        "role": role,
        "team_ids": [team_id],
        "skills": [*SKILLS[team_id], *langs],
        "max_load": 10 if role == "team_lead" else 20,
    }


def _contacts(
    rng: random.Random, c: int, phone: str, email: str, language: str, verified: bool
) -> list[dict[str, Any]]:
    r = rng.random
    contacts: list[dict[str, Any]] = [
        {"channel": "phone", "handle": phone, "verified": verified},
        {"channel": "email", "handle": email, "verified": verified},
    ]
    if r() < 0.7:
        contacts.append({"channel": "app", "handle": f"nw{c:07d}"})
    if r() < 0.3:
        contacts.append({"channel": "web", "handle": f"web-{c:07d}"})
    if r() < 0.25:
        contacts.append({"channel": "store", "handle": f"card-{c * 13 % 10_000_000:07d}"})
    if r() < 0.3:
        handle = f"wx_nw{c:07d}" if language == "zh" else f"@nwfan{c}"
        contacts.append({"channel": "social", "handle": handle})
    if r() < 0.4:
        contacts.append({"channel": "chat", "handle": f"chat-{c:07d}"})
    return contacts


def generate(
    spec: DemoSpec | None = None,
    *,
    seed: int | None = None,
    customers: int | None = None,
    reference: datetime | None = None,
    **options: Any,
) -> DemoDataset:
    """``generate(seed=7, customers=2000, reference=datetime(...))`` or ``generate(DemoSpec(...))``."""
    spec = spec or DemoSpec()
    changes: dict[str, Any] = dict(options)
    if seed is not None:
        changes["seed"] = seed
    if customers is not None:
        changes["customers"] = customers
    if reference is not None:
        changes["reference"] = reference
    return DemoDataset(dataclasses.replace(spec, **changes) if changes else spec)


def gateway_rows(customers: int | None = None, seed: int = 7) -> Iterator[Row]:
    """What ``--seed-demo`` loads: the stream, timed relative to now so SLA clocks are live."""
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    return iter(generate(DemoSpec(customers=customers or 200, seed=seed, reference=now)))
