"""Mutations the console makes (run on the store worker; each goes to the outbox, works offline)."""

from __future__ import annotations

from typing import Any

from agentdesk.ui.data import delete_draft
from agentdesk.ui.workspace import Workspace


def send_message(ws: Workspace, ticket_id: str, mode: str, body: str) -> str:
    kind = "ticket.note" if mode == "note" else "ticket.reply"
    mutation_id = ws.enqueue(kind, ticket_id, {"body": body})
    with ws.store.connect() as conn:
        delete_draft(conn, ticket_id)
    return mutation_id


def ticket_mutation(ws: Workspace, kind: str, ticket_id: str, payload: dict[str, Any]) -> str:
    return ws.enqueue(kind, ticket_id, payload)


def request_approval(ws: Workspace, ticket_id: str, payload: dict[str, Any]) -> str:
    """A new approval row (entity "approval") for the ticket; the team lead decides."""
    import uuid

    return ws.enqueue("approval.request", f"apr-{uuid.uuid4()}", {**payload, "ticket_id": ticket_id})
