"""django-helpdesk (PyPI, checked on 2.6.1) as a system of record, through its DRF API.

What its API offers shapes this connector (see ../shared/peers/django-helpdesk.md):
- ``GET /api/tickets/`` has no changed-since filter and no timestamps, so each pass pages through
  every ticket and compares a hash of its mapped fields with the previous pass: O(all tickets) per
  pass upstream and ~20 bytes of checkpoint per ticket here (about 2 MB at 100,000 tickets, and a
  100,000-ticket pass is 100 requests of 1,000). Tickets missing from a complete pass are deletions.
- ``GET /api/followups/`` is append-only in date order, so we resume at the page that holds the
  last follow-up seen and skip ids already mirrored.
- A follow-up's text is rendered by the Django template engine when saved; ``escape_comment``
  makes every brace literal so the text arrives exactly as the agent typed it.
- Status changes go as a follow-up with ``new_status`` (audited upstream), never a silent PATCH.
- Its webhooks and mail can answer 500 after saving, so a write whose outcome is unknown is looked
  for upstream before it is sent again.
"""

from __future__ import annotations

import contextlib
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import httpx

from agentdesk.domain.enums import MutationKind
from agentdesk.sync.gateway.connectors.base import (
    Connector,
    ConnectorHealth,
    PullResult,
    PushItem,
    PushOutcome,
    SkippedRecord,
    UpstreamRecord,
    local_id,
    outcome_for_error,
    record_digest,
)
from agentdesk.sync.gateway.connectors.errors import UpstreamError, UpstreamNotFound
from agentdesk.sync.gateway.connectors.http import RateLimiter, UpstreamHttp
from agentdesk.timeutil import from_wire, to_wire, utcnow

log = logging.getLogger(__name__)

SYSTEM = "django-helpdesk"

# Status integers and their words (read from OPTIONS when available; these are 2.6.1's).
DEFAULT_STATUS_WORDS = {1: "Open", 2: "Reopened", 3: "Resolved", 4: "Closed", 5: "Duplicate"}
_GROUP_BY_WORD = {
    "open": "open",
    "reopened": "open",
    "resolved": "solved",
    "closed": "closed",
    "duplicate": "closed",
}
_PRIORITY = {1: "P1", 2: "P2", 3: "P2", 4: "P3", 5: "P3"}
_UPSTREAM_PRIORITY = {"P1": 1, "P2": 3, "P3": 4}
_BRACE = re.compile(r"[{}]")


def escape_comment(text: str) -> str:
    """Text that django-helpdesk's template pass turns back into exactly ``text``.

    Every brace becomes a template variable printing a string literal, so no ``{{``, ``{%`` or
    ``{#`` of the original is template syntax and no ``{%``/``%}`` pair is left for it to wrap.
    """
    return _BRACE.sub(lambda m: '{{ "' + m.group() + '" }}', text)


@dataclass
class HelpdeskSettings:
    base_url: str
    user: str | None = None
    password: str | None = None
    token: str | None = None
    default_team_id: str = "team-general"
    queue_teams: dict[str, str] = field(default_factory=dict)  # queue id -> team id
    agent_ids_by_user: dict[str, str] = field(default_factory=dict)  # helpdesk user id -> agent id
    page_size: int = 1000
    requests_per_minute: float = 600.0


class HelpdeskConnector(Connector):
    name = "django-helpdesk"
    system = SYSTEM

    def __init__(self, settings: HelpdeskSettings, *, http: UpstreamHttp | None = None) -> None:
        self.settings = settings
        self._health = ConnectorHealth(name=self.name)
        auth: httpx.Auth | tuple[str, str] | None = None
        headers = {}
        if settings.token:
            headers["Authorization"] = f"Token {settings.token}"
        elif settings.user and settings.password:
            auth = (settings.user, settings.password)
        self.http = http or UpstreamHttp(
            settings.base_url,
            auth=auth,
            headers=headers,
            health=self._health,
            limiters={"default": RateLimiter(settings.requests_per_minute, burst=20)},
        )
        self.status_words = dict(DEFAULT_STATUS_WORDS)
        self._choices_read = False
        self._user_id: int | None = None

    def health(self) -> ConnectorHealth:
        return self._health

    async def aclose(self) -> None:
        await self.http.aclose()

    async def _read_choices(self) -> None:
        """Status words from the API's own OPTIONS answer, rather than hard-coded."""
        if self._choices_read:
            return
        meta = await self.http.request("OPTIONS", "/api/tickets/")
        choices = (((meta or {}).get("actions") or {}).get("POST") or {}).get("status", {}).get("choices")
        if choices:
            self.status_words = {int(c["value"]): str(c["display_name"]) for c in choices}
        self._choices_read = True

    # --- pull ---------------------------------------------------------------------------

    async def pull(self, checkpoint: dict[str, Any] | None) -> PullResult:
        state = dict(checkpoint or {})
        state.setdefault("stream", "tickets")
        self._health.last_pull_at = utcnow()
        await self._read_choices()
        if state["stream"] == "tickets":
            records, skipped, done = await self._pull_tickets(state)
            if done:
                state["stream"] = "followups"
            return PullResult(tuple(records), state, True, tuple(skipped))
        records, skipped, done = await self._pull_followups(state)
        if done:
            state["stream"] = "tickets"
            self._health.last_success_at = utcnow()
            self._health.lag_seconds = 0.0
        return PullResult(tuple(records), state, not done, tuple(skipped))

    async def _pull_tickets(self, state: dict[str, Any]) -> tuple[list[Any], list[Any], bool]:
        page = int(state.get("ticket_page", 1))
        body = await self.http.request(
            "GET", "/api/tickets/", params={"page": page, "page_size": self.settings.page_size}
        )
        hashes: dict[str, str] = state.setdefault("hashes", {})
        seen: list[str] = state.setdefault("seen", [])
        records: list[UpstreamRecord] = []
        skipped: list[SkippedRecord] = []
        customers: dict[str, dict[str, Any]] = {}
        for raw in (body or {}).get("results") or []:
            try:
                tid = str(int(raw["id"]))
                data = self._map_ticket(raw)
            except (KeyError, TypeError, ValueError) as exc:
                skipped.append(SkippedRecord("ticket", str(raw.get("id")), f"unreadable: {exc}"))
                continue
            seen.append(tid)
            digest = record_digest(data)
            if hashes.get(tid) != digest:
                hashes[tid] = digest
                records.append(UpstreamRecord("ticket", tid, data))
                email = str(raw.get("submitter_email") or "").lower()
                if email:
                    customers[email] = {
                        "name": email.split("@")[0],
                        "email": email,
                        "tier": "standard",
                        "tags": [],
                        "verified": False,
                        "external_ref": {"system": SYSTEM, "id": email},
                    }
        records[:0] = [UpstreamRecord("customer", email, data) for email, data in customers.items()]
        if (body or {}).get("next"):
            state["ticket_page"] = page + 1
            return records, skipped, False
        # A complete pass: whatever was there before and is gone now was deleted upstream.
        gone = set(hashes) - set(seen)
        for tid in sorted(gone):
            del hashes[tid]
            records.append(UpstreamRecord("ticket", tid, None))
        state["ticket_page"] = 1
        state["seen"] = []
        return records, skipped, True

    async def _pull_followups(self, state: dict[str, Any]) -> tuple[list[Any], list[Any], bool]:
        """Resume at the page holding the last follow-up seen; ids already mirrored are skipped.

        Deleting a ticket upstream deletes its follow-ups and shifts every later one to an earlier
        position; when the total shrinks below what we had seen, this pass starts from page 1.
        """
        size = self.settings.page_size
        seen = int(state.get("followups_seen", 0))
        max_id = int(state.get("followups_max_id", 0))
        page = seen // size + 1
        body: Any = None
        with contextlib.suppress(UpstreamNotFound):  # past the last page: follow-ups were deleted
            body = await self.http.request("GET", "/api/followups/", params={"page": page, "page_size": size})
        if page > 1 and (body is None or int((body or {}).get("count", seen)) < seen):
            page = 1
            body = await self.http.request("GET", "/api/followups/", params={"page": 1, "page_size": size})
        records: list[UpstreamRecord] = []
        skipped: list[SkippedRecord] = []
        results = (body or {}).get("results") or []
        for raw in results:
            fid = int(raw.get("id") or 0)
            if fid <= max_id:
                continue
            try:
                records.append(self._map_followup(raw))
            except (KeyError, TypeError, ValueError) as exc:
                skipped.append(SkippedRecord("followup", str(raw.get("id")), f"unreadable: {exc}"))
            max_id = max(max_id, fid)
        state["followups_seen"] = (page - 1) * size + len(results)
        state["followups_max_id"] = max_id
        return records, skipped, not (body or {}).get("next")

    def _map_ticket(self, raw: dict[str, Any]) -> dict[str, Any]:
        tid = int(raw["id"])
        status_int = int(raw["status"])
        word = self.status_words.get(status_int)
        if word is None:
            raise ValueError(f"unknown status {status_int}")
        group = _GROUP_BY_WORD.get(word.lower(), "open")
        if group == "open" and raw.get("on_hold"):
            group = "on_hold"
        priority = int(raw.get("priority") or 3)
        if priority not in _PRIORITY:
            raise ValueError(f"unknown priority {priority}")
        email = str(raw.get("submitter_email") or "").lower()
        assigned = raw.get("assigned_to")
        return {
            "number": tid,
            "subject": str(raw["title"]),
            "status": word,
            "status_group": group,
            "priority": _PRIORITY[priority],
            "team_id": self.settings.queue_teams.get(str(raw.get("queue")), self.settings.default_team_id),
            "customer_id": local_id(SYSTEM, "customer", email or f"ticket-{tid}"),
            "assignee_id": self.settings.agent_ids_by_user.get(str(assigned)) if assigned else None,
            "tags": [],
            "channel": "email",
            "external_ref": {"system": SYSTEM, "id": str(tid)},
        }

    def _map_followup(self, raw: dict[str, Any]) -> UpstreamRecord:
        fid = str(int(raw["id"]))
        user = raw.get("user")
        agent = self.settings.agent_ids_by_user.get(str(user)) if user is not None else None
        data = {
            "ticket_id": local_id(SYSTEM, "ticket", str(int(raw["ticket"]))),
            "body": str(raw.get("comment") or ""),
            "public": bool(raw.get("public", False)),
            "author_kind": "agent" if user is not None else "customer",
            "author_id": agent,
            "created_at": to_wire(from_wire(str(raw["date"]))),
            "external_ref": {"system": SYSTEM, "id": fid},
        }
        return UpstreamRecord("message", fid, data)

    # --- push ---------------------------------------------------------------------------

    async def push(self, item: PushItem) -> PushOutcome:
        try:
            await self._read_choices()
            return await self._push(item)
        except UpstreamError as exc:
            return outcome_for_error(exc, "django-helpdesk")

    async def _push(self, item: PushItem) -> PushOutcome:
        ticket_id = int(item.external_id)
        if item.kind in (MutationKind.TICKET_REPLY, MutationKind.TICKET_NOTE):
            text = str(item.payload["body"])
            public = item.kind == MutationKind.TICKET_REPLY
            if item.maybe_sent_at is not None:
                found = await self._find_followup(ticket_id, text, public, item.maybe_sent_at)
                if found is not None:
                    return PushOutcome(
                        "done", "already in django-helpdesk", upstream_ref=found, found_existing=True
                    )
            created = await self.http.request(
                "POST",
                "/api/followups/",
                json_body={"ticket": ticket_id, "comment": escape_comment(text), "public": public},
                idempotent=False,
            )
            return PushOutcome("done", upstream_ref=str((created or {}).get("id")))
        if item.kind == MutationKind.TICKET_SET_STATUS:
            return await self._push_status(ticket_id, str(item.payload.get("status")))
        if item.kind == MutationKind.TICKET_SET_PRIORITY:
            value = _UPSTREAM_PRIORITY[str(item.payload["priority"])]
            await self.http.request(
                "PATCH", f"/api/tickets/{ticket_id}/", json_body={"priority": value}, idempotent=True
            )
            return PushOutcome("done")
        return PushOutcome("done", "nothing to write to django-helpdesk for this change")

    async def _push_status(self, ticket_id: int, ours: str) -> PushOutcome:
        ticket = await self.http.request("GET", f"/api/tickets/{ticket_id}/")
        current = int((ticket or {}).get("status") or 0)
        current_group = _GROUP_BY_WORD.get(self.status_words.get(current, "").lower())
        by_word = {w.lower(): n for n, w in self.status_words.items()}
        if ours == "solved":
            target = by_word.get("resolved")
        elif ours == "closed":
            target = by_word.get("closed")
        elif ours == "open":
            target = by_word.get("reopened") if current_group in ("solved", "closed") else by_word.get("open")
        else:
            return PushOutcome("failed", f"django-helpdesk has no status for {ours!r}")
        if target is None:
            return PushOutcome("failed", f"django-helpdesk has no status for {ours!r}")
        if current == target or current_group == ours:
            return PushOutcome("done", "already so in django-helpdesk", found_existing=True)
        created = await self.http.request(
            "POST",
            "/api/followups/",
            json_body={"ticket": ticket_id, "comment": "", "new_status": target},
            idempotent=False,
        )
        return PushOutcome("done", upstream_ref=str((created or {}).get("id")))

    async def _find_followup(self, ticket_id: int, text: str, public: bool, since: datetime) -> str | None:
        ticket = await self.http.request("GET", f"/api/tickets/{ticket_id}/")
        threshold = since - timedelta(minutes=5)
        for followup in reversed((ticket or {}).get("followup_set") or []):
            if followup.get("date") and from_wire(str(followup["date"])) < threshold:
                break
            if followup.get("comment") == text and bool(followup.get("public")) == public:
                return str(followup.get("id"))
        return None
