"""Zendesk Support API v2 as a system of record.

Pull (documented incremental exports, 10 requests a minute):
  organizations  GET /api/v2/incremental/organizations.json?start_time=T        (time based)
  users          GET /api/v2/incremental/users/cursor.json?start_time=T|cursor=C (cursor based)
  tickets        GET /api/v2/incremental/tickets/cursor.json?start_time=T|cursor=C (deleted
                 tickets come with status "deleted")
  comments       GET /api/v2/incremental/ticket_events.json?start_time=T&include=comment_events
Push: PUT /api/v2/tickets/{id}.json with ``comment``, ``status``, ``priority``, ``assignee_id``,
``additional_tags``/``remove_tags``; field changes carry ``safe_update`` + ``updated_stamp`` and a
409 is answered by re-reading the ticket and trying once more (comments and tag set-operations
cannot conflict, so they go without). A comment that may have been sent before a crash is looked
for in GET /api/v2/tickets/{id}/comments.json before it is sent again.
Auth: HTTP Basic ``{email}/token:{api_token}``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

from agentdesk.domain.enums import MutationKind, TicketStatus
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
)
from agentdesk.sync.gateway.connectors.errors import (
    UpstreamConflict,
    UpstreamError,
    UpstreamInvalid,
)
from agentdesk.sync.gateway.connectors.http import RateLimiter, UpstreamHttp
from agentdesk.timeutil import from_wire, to_wire, utcnow

log = logging.getLogger(__name__)

SYSTEM = "zendesk"
STREAMS = ("organizations", "users", "tickets", "comments")

_STATUS_GROUP = {
    "new": "new",
    "open": "open",
    "pending": "pending",
    "hold": "on_hold",
    "solved": "solved",
    "closed": "closed",
}
_TO_ZENDESK_STATUS = {
    "open": "open",
    "pending": "pending",
    "on_hold": "hold",
    "solved": "solved",
    "closed": "closed",
}
_PRIORITY = {"urgent": "P1", "high": "P2", "normal": "P2", "low": "P3"}
_TO_ZENDESK_PRIORITY = {"P1": "urgent", "P2": "normal", "P3": "low"}
_CHANNEL = {
    "email": "email",
    "web": "web",
    "api": "web",
    "voice": "phone",
    "chat": "chat",
    "native_messaging": "chat",
    "mobile_sdk": "app",
    "mobile": "app",
    "facebook": "social",
    "twitter": "social",
    "instagram_dm": "social",
    "whatsapp": "social",
    "sms": "phone",
}


@dataclass
class ZendeskSettings:
    base_url: str
    email: str
    token: str
    default_team_id: str
    group_teams: dict[str, str] = field(default_factory=dict)  # Zendesk group id -> team id
    custom_fields: dict[str, str] = field(default_factory=dict)  # field id -> our ticket field
    agent_ids_by_email: dict[str, str] = field(default_factory=dict)  # our agents, by e-mail
    requests_per_minute: float = 700.0  # the account plan's API limit
    exports_per_minute: float = 10.0  # documented limit of the incremental export endpoints
    page_size: int = 1000


def _epoch(value: str | None) -> int:
    return int(from_wire(value).timestamp()) if value else 0


def _cursor_from_url(url: str | None) -> str | None:
    if not url:
        return None
    values = parse_qs(urlsplit(url).query).get("cursor")
    return values[0] if values else None


class ZendeskConnector(Connector):
    name = "zendesk"
    system = SYSTEM

    def __init__(self, settings: ZendeskSettings, *, http: UpstreamHttp | None = None) -> None:
        self.settings = settings
        self._health = ConnectorHealth(name=self.name)
        self.http = http or UpstreamHttp(
            settings.base_url,
            auth=(f"{settings.email}/token", settings.token),
            health=self._health,
            limiters={
                "default": RateLimiter(settings.requests_per_minute),
                "export": RateLimiter(settings.exports_per_minute, burst=2),
            },
        )
        # Zendesk users who are agents/admins: their e-mail, to map assignees and authors.
        self._staff_emails: dict[str, str] = {}

    def health(self) -> ConnectorHealth:
        return self._health

    async def aclose(self) -> None:
        await self.http.aclose()

    # --- pull ---------------------------------------------------------------------------

    async def pull(self, checkpoint: dict[str, Any] | None) -> PullResult:
        state = dict(checkpoint or {})
        state.setdefault("stream", STREAMS[0])
        self._staff_emails.update(state.get("staff", {}))
        stream = state["stream"]
        self._health.last_pull_at = utcnow()
        records, skipped, done = await getattr(self, f"_pull_{stream}")(state)
        more = True
        if done:
            index = STREAMS.index(stream)
            if index + 1 < len(STREAMS):
                state["stream"] = STREAMS[index + 1]
            else:
                state["stream"] = STREAMS[0]
                more = False
                self._health.last_success_at = utcnow()
        state["staff"] = dict(self._staff_emails)
        self._health.skipped += len(skipped)
        for item in skipped:
            log.warning("zendesk %s %s skipped: %s", item.kind, item.external_id, item.reason)
        return PullResult(records=tuple(records), checkpoint=state, more=more, skipped=tuple(skipped))

    async def _export(self, path: str, params: dict[str, Any]) -> dict[str, Any]:
        body = await self.http.request("GET", path, params=params, bucket="export")
        if not isinstance(body, dict):
            raise UpstreamInvalid(f"GET {path}: expected an object")
        return body

    async def _pull_organizations(self, state: dict[str, Any]) -> tuple[list[Any], list[Any], bool]:
        body = await self._export(
            "/api/v2/incremental/organizations.json",
            {"start_time": state.get("organizations_start", 0), "per_page": self.settings.page_size},
        )
        records, skipped = [], []
        for org in body.get("organizations") or []:
            try:
                records.append(self._map_organization(org))
            except (KeyError, TypeError, ValueError) as exc:
                skipped.append(SkippedRecord("organization", str(org.get("id")), f"unreadable: {exc}"))
        if body.get("end_time") is not None:
            state["organizations_start"] = int(body["end_time"])
        return records, skipped, bool(body.get("end_of_stream", True))

    async def _pull_cursor_stream(self, state: dict[str, Any], name: str) -> dict[str, Any]:
        params: dict[str, Any] = {"per_page": self.settings.page_size}
        if state.get(f"{name}_cursor"):
            params["cursor"] = state[f"{name}_cursor"]
        else:
            params["start_time"] = state.get(f"{name}_start", 0)
        body = await self._export(f"/api/v2/incremental/{name}/cursor.json", params)
        cursor = body.get("after_cursor") or _cursor_from_url(body.get("after_url"))
        if cursor:
            state[f"{name}_cursor"] = cursor
        return body

    async def _pull_users(self, state: dict[str, Any]) -> tuple[list[Any], list[Any], bool]:
        body = await self._pull_cursor_stream(state, "users")
        records, skipped = [], []
        for user in body.get("users") or []:
            try:
                record = self._map_user(user)
            except (KeyError, TypeError, ValueError) as exc:
                skipped.append(SkippedRecord("user", str(user.get("id")), f"unreadable: {exc}"))
                continue
            if record is not None:
                records.append(record)
        return records, skipped, bool(body.get("end_of_stream", True))

    async def _pull_tickets(self, state: dict[str, Any]) -> tuple[list[Any], list[Any], bool]:
        body = await self._pull_cursor_stream(state, "tickets")
        records, skipped = [], []
        for ticket in body.get("tickets") or []:
            try:
                records.append(self._map_ticket(ticket))
            except (KeyError, TypeError, ValueError) as exc:
                skipped.append(SkippedRecord("ticket", str(ticket.get("id")), f"unreadable: {exc}"))
        if records:
            newest = max((r.data or {}).get("updated_at") or "" for r in records)
            if newest:
                self._health.lag_seconds = max(0.0, (utcnow() - from_wire(newest)).total_seconds())
        return records, skipped, bool(body.get("end_of_stream", True))

    async def _pull_comments(self, state: dict[str, Any]) -> tuple[list[Any], list[Any], bool]:
        body = await self._export(
            "/api/v2/incremental/ticket_events.json",
            {
                "start_time": state.get("comments_start", 0),
                "include": "comment_events",
                "per_page": self.settings.page_size,
            },
        )
        records, skipped = [], []
        for event in body.get("ticket_events") or []:
            for child in event.get("child_events") or []:
                if child.get("event_type") != "Comment":
                    continue
                try:
                    records.append(self._map_comment(event, child))
                except (KeyError, TypeError, ValueError) as exc:
                    skipped.append(SkippedRecord("comment", str(child.get("id")), f"unreadable: {exc}"))
        if body.get("end_time") is not None:
            state["comments_start"] = int(body["end_time"])
        return records, skipped, bool(body.get("end_of_stream", True))

    # --- mapping ------------------------------------------------------------------------

    def _ref(self, upstream_id: Any) -> dict[str, str]:
        return {"system": SYSTEM, "id": str(upstream_id)}

    def _map_organization(self, org: dict[str, Any]) -> UpstreamRecord:
        oid = str(org["id"])
        if org.get("deleted_at"):
            return UpstreamRecord("organization", oid, None)
        fields = org.get("organization_fields") or {}
        data = {"name": str(org["name"]), "external_ref": self._ref(oid)}
        if fields.get("industry"):
            data["industry"] = str(fields["industry"])
        if "vip" in (org.get("tags") or []):
            data["tier"] = "VIP"
        return UpstreamRecord("organization", oid, data)

    def _map_user(self, user: dict[str, Any]) -> UpstreamRecord | None:
        uid = str(user["id"])
        role = user.get("role", "end-user")
        if role != "end-user":
            if user.get("email"):
                self._staff_emails[uid] = str(user["email"]).lower()
            return None
        if user.get("active") is False and user.get("deleted", False):
            return UpstreamRecord("customer", uid, None)
        tags = [str(t) for t in user.get("tags") or []]
        locale = str(user.get("locale") or "")
        data: dict[str, Any] = {
            "name": str(user.get("name") or user.get("email") or uid),
            "tier": "VIP" if "vip" in tags else "standard",
            "tags": [t for t in tags if t != "vip"],
            "verified": bool(user.get("verified", False)),
            "language": "zh" if locale.lower().startswith("zh") else "en",
            "external_ref": self._ref(uid),
        }
        for source, target in (("email", "email"), ("phone", "phone")):
            if user.get(source):
                data[target] = str(user[source])
        if user.get("organization_id"):
            data["organization_id"] = local_id(SYSTEM, "organization", str(user["organization_id"]))
        if user.get("created_at"):
            data["created_at"] = to_wire(from_wire(user["created_at"]))
        return UpstreamRecord("customer", uid, data)

    def _map_ticket(self, ticket: dict[str, Any]) -> UpstreamRecord:
        tid = str(ticket["id"])
        status = str(ticket.get("status") or "new")
        if status == "deleted":
            return UpstreamRecord("ticket", tid, None)
        if status not in _STATUS_GROUP:
            raise ValueError(f"unknown status {status!r}")
        priority = ticket.get("priority")
        if priority is not None and priority not in _PRIORITY:
            raise ValueError(f"unknown priority {priority!r}")
        group = str(ticket.get("group_id")) if ticket.get("group_id") is not None else None
        created = to_wire(from_wire(ticket["created_at"]))
        data: dict[str, Any] = {
            "number": int(ticket["id"]),
            "subject": str(ticket.get("subject") or ticket.get("raw_subject") or ""),
            "status": status,
            "status_group": _STATUS_GROUP[status],
            "priority": _PRIORITY.get(priority or "normal", "P2"),
            "team_id": self.settings.group_teams.get(group or "", self.settings.default_team_id),
            "customer_id": local_id(SYSTEM, "customer", str(ticket["requester_id"])),
            "assignee_id": self._agent_id(ticket.get("assignee_id")),
            "tags": [str(t) for t in ticket.get("tags") or []],
            "channel": _CHANNEL.get(str((ticket.get("via") or {}).get("channel")), "web"),
            "created_at": created,
            "updated_at": to_wire(from_wire(ticket.get("updated_at") or ticket["created_at"])),
            "external_ref": self._ref(tid),
        }
        for custom in ticket.get("custom_fields") or []:
            target = self.settings.custom_fields.get(str(custom.get("id")))
            if target and custom.get("value") not in (None, ""):
                data[target] = custom["value"]
        return UpstreamRecord("ticket", tid, data)

    def _map_comment(self, event: dict[str, Any], child: dict[str, Any]) -> UpstreamRecord:
        cid = str(child["id"])
        author = str(child.get("author_id") or event.get("updater_id") or "")
        staff = author in self._staff_emails
        data = {
            "ticket_id": local_id(SYSTEM, "ticket", str(event["ticket_id"])),
            "body": str(child.get("plain_body") or child.get("body") or ""),
            "public": bool(child.get("public", True)),
            "author_kind": "agent" if staff else "customer",
            "author_id": self._agent_id(author) if staff else local_id(SYSTEM, "customer", author),
            "created_at": to_wire(from_wire(child.get("created_at") or event["created_at"])),
            "external_ref": self._ref(cid),
        }
        return UpstreamRecord("message", cid, data)

    def _agent_id(self, zendesk_user_id: Any) -> str | None:
        if zendesk_user_id is None:
            return None
        email = self._staff_emails.get(str(zendesk_user_id))
        return self.settings.agent_ids_by_email.get(email) if email else None

    def _zendesk_user_for_agent(self, agent_id: str) -> int | None:
        emails = {v: k for k, v in self.settings.agent_ids_by_email.items()}
        email = emails.get(agent_id)
        for uid, staff_email in self._staff_emails.items():
            if staff_email == email:
                return int(uid)
        return None

    # --- push ---------------------------------------------------------------------------

    async def push(self, item: PushItem) -> PushOutcome:
        try:
            return await self._push(item)
        except UpstreamError as exc:
            return outcome_for_error(exc, "Zendesk")

    async def _push(self, item: PushItem) -> PushOutcome:
        path = f"/api/v2/tickets/{item.external_id}.json"
        if item.kind in (MutationKind.TICKET_REPLY, MutationKind.TICKET_NOTE):
            body = str(item.payload["body"])
            public = item.kind == MutationKind.TICKET_REPLY
            if item.maybe_sent_at is not None:
                existing = await self._find_comment(item.external_id, body, public, item.maybe_sent_at)
                if existing is not None:
                    return PushOutcome(
                        "done", "already in Zendesk", upstream_ref=existing, found_existing=True
                    )
            comment: dict[str, Any] = {"body": body, "public": public}
            agent_id = self.settings.agent_ids_by_email.get(item.author_email or "")
            if agent_id:
                author = self._zendesk_user_for_agent(agent_id)
                if author is not None:
                    comment["author_id"] = author
            answer = await self.http.request(
                "PUT", path, json_body={"ticket": {"comment": comment}}, idempotent=False
            )
            return PushOutcome("done", upstream_ref=_audit_comment_id(answer))
        if item.kind == MutationKind.TICKET_TAG:
            change = {
                "additional_tags": list(item.payload.get("add") or []),
                "remove_tags": list(item.payload.get("remove") or []),
            }
            await self.http.request("PUT", path, json_body={"ticket": change}, idempotent=True)
            return PushOutcome("done")
        change = self._field_change(item)
        if change is None:
            return PushOutcome("done", "nothing to write to Zendesk for this change")
        return await self._safe_update(path, change)

    def _field_change(self, item: PushItem) -> dict[str, Any] | None:
        payload = item.payload
        if item.kind == MutationKind.TICKET_SET_STATUS:
            status = _TO_ZENDESK_STATUS.get(str(payload.get("status")))
            if status is None:
                raise UpstreamInvalid(f"Zendesk has no status for {payload.get('status')!r}")
            return {"status": status}
        if item.kind == MutationKind.TICKET_SET_PRIORITY:
            return {"priority": _TO_ZENDESK_PRIORITY[str(payload["priority"])]}
        if item.kind == MutationKind.TICKET_ASSIGN:
            agent = payload.get("agent_id")
            user = self._zendesk_user_for_agent(str(agent)) if agent else None
            if agent and user is None:
                raise UpstreamInvalid("this agent has no Zendesk account to assign to")
            return {"assignee_id": user}
        return None

    async def _safe_update(self, path: str, change: dict[str, Any]) -> PushOutcome:
        for _ in range(3):
            current = await self.http.request("GET", path)
            ticket = (current or {}).get("ticket") or {}
            if change.get("status") and not _transition_ok(str(ticket.get("status")), change["status"]):
                detail = f"the Zendesk ticket is {ticket.get('status')}; it cannot become {change['status']}"
                return PushOutcome("failed", detail)
            body = {"ticket": {**change, "safe_update": True, "updated_stamp": ticket.get("updated_at")}}
            try:
                await self.http.request("PUT", path, json_body=body, idempotent=True)
            except UpstreamConflict:
                continue  # changed upstream meanwhile: read again and retry
            return PushOutcome("done")
        return PushOutcome("retry", "the ticket keeps changing in Zendesk", retry_after=5.0)

    async def _find_comment(self, ticket_id: str, body: str, public: bool, since: datetime) -> str | None:
        """A comment with this text added since ``since`` (minus clock skew), if any."""
        threshold = since - timedelta(minutes=5)
        url: str | None = f"/api/v2/tickets/{ticket_id}/comments.json"
        params: dict[str, Any] | None = {"sort_order": "desc", "page[size]": 100}
        while url:
            page = await self.http.request("GET", url, params=params)
            params = None
            for comment in (page or {}).get("comments") or []:
                created = comment.get("created_at")
                if created and from_wire(created) < threshold:
                    return None
                text = comment.get("plain_body") or comment.get("body") or ""
                if text.strip() == body.strip() and bool(comment.get("public")) == public:
                    return str(comment.get("id"))
            meta = (page or {}).get("meta") or {}
            url = ((page or {}).get("links") or {}).get("next") if meta.get("has_more") else None
        return None


def _audit_comment_id(answer: Any) -> str | None:
    events = (((answer or {}).get("audit") or {}).get("events")) or []
    for event in events:
        if event.get("type") == "Comment":
            return str(event.get("id"))
    return None


def _transition_ok(current: str, target: str) -> bool:
    from agentdesk.domain.rules import allowed_transitions

    ours = _STATUS_GROUP.get(current)
    wanted = _STATUS_GROUP.get(target)
    if ours is None or wanted is None:
        return False
    return ours == wanted or TicketStatus(wanted) in allowed_transitions(TicketStatus(ours))
