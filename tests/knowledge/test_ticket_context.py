from __future__ import annotations

from typing import Any

import pytest

from agentdesk.errors import InputError
from agentdesk.knowledge.base import KnowledgeBase
from agentdesk.store.codec import row_values, upsert_rows

NOW = "2026-11-23T08:00:00Z"


def _put(kb: KnowledgeBase, entity: str, entity_id: str, data: dict[str, Any]) -> None:
    with kb.store.connect() as conn:
        upsert_rows(conn, entity, [row_values(entity, entity_id, 1, data)])


def _ticket(kb: KnowledgeBase, ticket_id: str, subject: str, status: str = "open", **extra: Any) -> None:
    _put(
        kb,
        "ticket",
        ticket_id,
        {
            "number": 1,
            "subject": subject,
            "status": status,
            "priority": "P2",
            "team_id": "t1",
            "customer_id": "c1",
            "created_at": NOW,
            "updated_at": NOW,
            **extra,
        },
    )


def _message(kb: KnowledgeBase, message_id: str, ticket_id: str, body: str, at: str = NOW) -> None:
    _put(
        kb,
        "message",
        message_id,
        {"ticket_id": ticket_id, "body": body, "public": True, "author_kind": "customer", "created_at": at},
    )


def test_ticket_messages_and_customer_language_drive_suggestions(kb: KnowledgeBase) -> None:
    _put(kb, "customer", "c1", {"name": "Li", "tier": "VIP", "language": "zh"})
    _ticket(kb, "T1", "订单问题")
    _message(kb, "m1", "T1", "包裹一直没有送到，物流也不更新")
    top = kb.suggest_for_ticket("T1", top=3)
    assert top[0].article_id == "z-late"
    assert all(s.article_id.startswith("z-") for s in top)
    with pytest.raises(InputError):
        kb.suggest_for_ticket("nope")


def test_learns_from_resolved_tickets_in_the_store(kb: KnowledgeBase) -> None:
    _put(kb, "customer", "c1", {"name": "Ann", "tier": "standard", "language": "en"})
    for n in range(2):
        _ticket(kb, f"S{n}", "technician no-show", status="solved", kb_articles=["a-install"])
        _message(kb, f"sm{n}", f"S{n}", "The technician never came to fit my oven")
    _ticket(kb, "S9", "thanks", status="solved")  # no articles recorded: nothing to learn
    assert kb.learn_from_store() == 2
    assert kb.learn_from_store() == 0  # already learned
    _ticket(kb, "T2", "oven")
    _message(kb, "m2", "T2", "technician never came")
    top = kb.suggest_for_ticket("T2")
    assert top[0].article_id == "a-install"
    assert "used 2x" in top[0].reasons
