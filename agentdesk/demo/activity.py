"""One customer's activity: tickets with their messages and approvals, and the interaction history.

Times are whole seconds (``Clock``); tickets fall in the last 90 days before the reference instant,
interactions in the last year. Priorities, statuses and sentiment lean on the customer's tier, tags
and complaint history, the way the triage rules would see them.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from agentdesk.demo import vocab
from agentdesk.demo.clock import DAY, Clock
from agentdesk.domain.enums import APPROVAL_LIMITS, ApprovalKind

Row = tuple[str, str, dict[str, Any]]

TEAMS: dict[str, dict[str, Any]] = {
    "team-billing": {"name": "Billing & Refunds", "department": "billing", "lead_id": "agent-demo-lead"},
    "team-tech": {"name": "Technical Support", "department": "technical", "lead_id": "agent-tech-lead"},
    "team-delivery": {
        "name": "Orders & Delivery",
        "department": "delivery",
        "lead_id": "agent-delivery-lead",
    },
}
# Issue type -> owning team, as in resources/departments/responsibility.json.
CATEGORY_TEAM = {
    "billing": "team-billing",
    "refund": "team-billing",
    "complaint": "team-billing",
    "other": "team-billing",
    "delivery": "team-delivery",
    "technical": "team-tech",
    "account": "team-tech",
    "product_info": "team-tech",
}
_CATEGORY_WEIGHTS = {
    "billing": 12,
    "refund": 14,
    "delivery": 22,
    "technical": 20,
    "account": 7,
    "complaint": 8,
    "product_info": 12,
    "other": 5,
}
# (first response, resolution) targets in seconds: P1 5 min / 2 h, P2 10 min / 24 h, P3 15 min / 48 h.
SLA_SECONDS = {"P1": (300, 7200), "P2": (600, 86400), "P3": (900, 172800)}
# The first approvals come more often and all pending, so even a 200-customer demo gives team
# leads a few to decide (some above their limit).
_EARLY_APPROVALS = 8
_CSAT = (5,) * 50 + (4,) * 25 + (3,) * 12 + (2,) * 8 + (1,) * 5


# Cumulative shares: tickets younger than two days are still being worked on; older ones are
# mostly solved.
_RECENT_STATUS = ((0.3, "new"), (0.75, "open"), (0.9, "pending"), (1.0, "on_hold"))
_OLDER_STATUS = ((0.55, "solved"), (0.85, "closed"), (0.93, "open"), (0.97, "pending"), (1.0, "on_hold"))


def _pick(roll: float, shares: tuple[tuple[float, str], ...]) -> str:
    for bound, value in shares:
        if roll < bound:
            return value
    return shares[-1][1]


def _table(weights: dict[str, int]) -> tuple[str, ...]:
    return tuple(key for key, weight in weights.items() for _ in range(weight))


_CATEGORIES = _table(_CATEGORY_WEIGHTS)
# A customer's later tickets stay with the team of the first one, so least-privilege scoping
# never shows an agent half of a customer's cases (and the demo stays easy to reason about).
_TEAM_CATEGORIES = {
    team: tuple(c for c in _CATEGORIES if CATEGORY_TEAM[c] == team) for team in set(CATEGORY_TEAM.values())
}


@dataclass(frozen=True, slots=True)
class Customer:
    """What activity generation needs to know about the customer."""

    id: str
    name: str
    language: str
    vip: bool
    complaints_90d: int
    price_sensitive: bool
    order: str
    product: tuple[str, str]


class Activity:
    """Numbers tickets and approvals across customers; one instance per generated data set."""

    def __init__(
        self,
        rng: random.Random,
        clock: Clock,
        team_agents: dict[str, list[str]],
        *,
        messages: bool,
        demo_agent: str = "agent-demo-agent",
    ) -> None:
        self.rng = rng
        self.clock = clock
        self.team_agents = team_agents
        self.messages = messages
        self.demo_agent = demo_agent
        self.tickets = 0
        self.approvals = 0

    def tickets_for(self, c: Customer, count: int) -> Iterator[Row]:
        categories = _CATEGORIES
        for _ in range(count):
            for row in self._ticket(c, categories):
                if row[0] == "ticket":
                    categories = _TEAM_CATEGORIES[row[2]["team_id"]]
                yield row

    def _ticket(self, c: Customer, categories: tuple[str, ...]) -> Iterator[Row]:
        r = self.rng.random
        clock = self.clock
        lang = c.language
        complaint_bias = c.complaints_90d >= 2 and "complaint" in categories and r() < 0.5
        category = "complaint" if complaint_bias else categories[int(r() * len(categories))]
        team = CATEGORY_TEAM[category]
        urgent = category == "complaint" or c.vip or c.complaints_90d >= 3
        roll = r()
        priority = "P1" if roll < (0.35 if urgent else 0.08) else "P2" if roll < 0.55 else "P3"
        age = int((r() ** 2) * 90 * DAY) + 120
        roll = r()
        status = _pick(roll, _RECENT_STATUS if age < 2 * DAY else _OLDER_STATUS)
        created = clock.now - age
        respond_due, resolve_due = SLA_SECONDS[priority]
        agents = self.team_agents[team]
        assignee = None
        if status != "new":
            if team == "team-billing" and r() < 0.3:
                assignee = self.demo_agent
            else:
                assignee = agents[int(r() * len(agents))]
        first_response = None
        if status != "new":
            # Most replies meet the first-response target; a tail misses it.
            first_response = created + int(r() * respond_due * (1.0 if r() < 0.85 else 6.0)) + 30
            first_response = min(first_response, clock.now)
        solved = None
        if status in ("solved", "closed"):
            span = resolve_due * (0.1 + r() * (0.9 if r() < 0.8 else 2.5))
            solved = min(clock.now, max(first_response or created, created + int(span)))
        self.tickets += 1
        n = self.tickets
        tid = f"tkt-{n:07d}"
        en_subjects, zh_subjects, en_first, zh_first = vocab.TICKET_TOPICS[category]
        subjects = zh_subjects if lang == "zh" else en_subjects
        product = c.product[1 if lang == "zh" else 0]
        story = int(r() * 4)
        subject = subjects[story].format(order=c.order, product=product)
        negative = category == "complaint" or c.complaints_90d >= 2 or r() < 0.15
        sentiment = "negative" if negative else "positive" if r() < 0.2 else "neutral"
        tags = [category]
        if c.vip:
            tags.append("vip")
        if c.price_sensitive and category in ("billing", "refund"):
            tags.append("price-sensitive")
        if priority == "P1" and category == "complaint":
            tags.append("escalated")
        updated = solved or first_response or created
        data: dict[str, Any] = {
            "number": 100000 + n,
            "subject": subject,
            "status": status,
            "priority": priority,
            "category": category,
            "department": TEAMS[team]["department"],
            "team_id": team,
            "customer_id": c.id,
            "assignee_id": assignee,
            "tags": tags,
            "channel": vocab.CHANNELS[int(r() * 7)],
            "sentiment": sentiment,
            "created_at": clock.text(created),
            "updated_at": clock.text(updated),
            "first_response_at": clock.text(first_response) if first_response else None,
            "solved_at": clock.text(solved) if solved else None,
            "sla_pauses": [{"start": clock.text(updated), "end": None}] if status == "pending" else [],
            "first_response_due": clock.text(created + respond_due),
            "resolution_due": clock.text(created + resolve_due),
            "csat": max(1, _CSAT[int(r() * 100)] - (1 if negative and r() < 0.5 else 0)) if solved else None,
        }
        yield "ticket", tid, data
        if self.messages:
            firsts = zh_first if lang == "zh" else en_first
            first = firsts[story] if story < len(firsts) else subject
            yield from self._messages(c, tid, created, first_response, solved, assignee, product, first)
        if (
            category in ("refund", "complaint", "delivery")
            and status != "new"
            and r() < (0.5 if self.approvals < _EARLY_APPROVALS else 0.12)
        ):
            yield self._approval(tid, team, assignee or agents[0], category, updated)

    def _messages(
        self,
        c: Customer,
        tid: str,
        created: int,
        first_response: int | None,
        solved: int | None,
        assignee: str | None,
        product: str,
        first: str,
    ) -> Iterator[Row]:
        r = self.rng.random
        text = self.clock.text
        lang = c.language
        yield (
            "message",
            f"{tid}-m1",
            _message(
                tid,
                first.format(order=c.order, product=product),
                True,
                "customer",
                c.id,
                text(created),
                c.name,
            ),
        )
        if first_response is None or assignee is None:
            return
        replies = vocab.AGENT_REPLIES[lang]
        body = replies[int(r() * len(replies))].format(name=c.name, order=c.order, product=product)
        yield "message", f"{tid}-m2", _message(tid, body, True, "agent", assignee, text(first_response))
        k = 3
        if r() < 0.25:
            notes = vocab.INTERNAL_NOTES[lang]
            note = notes[int(r() * len(notes))]
            yield (
                "message",
                f"{tid}-m{k}",
                _message(tid, note, False, "agent", assignee, text(first_response + 240)),
            )
            k += 1
        if r() < 0.2:
            follow = vocab.CUSTOMER_FOLLOW_UPS[lang][int(r() * 4)]
            at = first_response + 600 + int(r() * 7200)
            yield "message", f"{tid}-m{k}", _message(tid, follow, True, "customer", c.id, text(at), c.name)
            k += 1
        if solved is not None and r() < 0.7:
            closing = vocab.CLOSING_REPLIES[lang][int(r() * 2)].format(name=c.name)
            yield "message", f"{tid}-m{k}", _message(tid, closing, True, "agent", assignee, text(solved))

    def _approval(self, tid: str, team: str, requester: str, category: str, at: int) -> Row:
        r = self.rng.random
        refund = category == "refund" or (category == "delivery" and r() < 0.5)
        kind = ApprovalKind.REFUND if refund else ApprovalKind.COMPENSATION
        limit = int(APPROVAL_LIMITS[kind])
        # About a quarter go over the team lead's limit and need escalation.
        over = r() < 0.25
        amount = limit + 100 + int(r() * limit) if over else 50 + int(r() * (limit - 50))
        cents = (0, 0, 50, 90, 99)[int(r() * 5)]
        self.approvals += 1
        reasons = vocab.APPROVAL_REASONS[kind.value]
        roll = r()
        if self.approvals <= _EARLY_APPROVALS or roll < 0.7:
            status = "pending"
        else:
            status = "escalated" if over else "approved" if roll < 0.9 else "rejected"
        data: dict[str, Any] = {
            "ticket_id": tid,
            "team_id": team,
            "kind": kind.value,
            "amount": f"{amount}.{cents:02d}",
            "currency": "CNY",
            "reason": reasons[int(r() * len(reasons))],
            "status": status,
            "requested_by": requester,
            "requested_at": self.clock.text(at),
        }
        if status != "pending":
            data["decided_by"] = TEAMS[team]["lead_id"]
            data["decided_at"] = self.clock.text(min(self.clock.now, at + 3600))
            data["decision_reason"] = {
                "approved": "Within policy",
                "rejected": "Outside the return window",
                "escalated": "Over the team lead's limit",
            }[status]
        return "approval", f"apr-{self.approvals:07d}", data

    def interactions_for(
        self, c: Customer, count: int, tickets: list[tuple[str, str, dict[str, Any]]]
    ) -> Iterator[Row]:
        """``count`` contacts across channels; a ticket's first contact is linked to it."""
        r = self.rng.random
        clock = self.clock
        lang = c.language
        summaries = vocab.SUMMARIES[lang]
        product = c.product[1 if lang == "zh" else 0]
        negative_share = 0.1 + 0.15 * min(c.complaints_90d, 3)
        for i in range(count):
            ticket = tickets[i] if i < len(tickets) else None
            if ticket is not None:
                tdata = ticket[2]
                channel = tdata["channel"]
                occurred = tdata["created_at"]
                agent = tdata["assignee_id"]
                summary = tdata["subject"]
                sentiment = tdata["sentiment"]
            else:
                channel = vocab.CHANNELS[int(r() * 7)]
                occurred = clock.ago(60 + int(r() * 365 * DAY))
                agent = None
                pool = summaries[channel]
                summary = pool[int(r() * len(pool))].format(order=c.order, product=product)
                roll = r()
                sentiment = "negative" if roll < negative_share else "positive" if roll > 0.75 else "neutral"
            yield (
                "interaction",
                f"int-{c.id[5:]}-{i:03d}",
                {
                    "customer_id": c.id,
                    "channel": channel,
                    "direction": "outbound" if r() < 0.15 else "inbound",
                    "occurred_at": occurred,
                    "summary": summary,
                    "ticket_id": ticket[1] if ticket is not None else None,
                    "agent_id": agent,
                    "duration_seconds": 60 + int(r() * 1100) if channel == "phone" else None,
                    "sentiment": sentiment,
                },
            )


def _message(
    tid: str, body: str, public: bool, kind: str, author: str, at: str, name: str | None = None
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "ticket_id": tid,
        "body": body,
        "public": public,
        "author_kind": kind,
        "author_id": author,
        "created_at": at,
    }
    if name is not None:
        data["author_name"] = name
    return data
