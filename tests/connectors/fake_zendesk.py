"""A fake Zendesk Support API v2 on loopback, written from the public API reference's shapes.

Implements what the connector uses: the cursor-based incremental ticket and user exports, the
time-based incremental organization and ticket-event exports (``include=comment_events``),
GET/PUT ``/api/v2/tickets/{id}.json`` with ``safe_update``/``updated_stamp`` (409
``UpdateConflict``), ``additional_tags``/``remove_tags``, the ticket comments list, Basic auth with
``email/token:TOKEN`` (401 ``Couldn't authenticate you``), and rate limits answered with 429 and
Retry-After. Faults can be queued per path prefix.
"""

from __future__ import annotations

import base64
import itertools
import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Fault:
    status: int
    body: str | None = None  # raw body (e.g. malformed JSON); default: a Zendesk error object
    retry_after: int | None = None
    method: str | None = None  # only requests with this method (default: any)


@dataclass
class FakeZendesk:
    email: str = "agent@example.com"
    token: str = "zd-secret-token"
    api_per_window: int = 700
    export_per_window: int = 10
    window_seconds: float = 60.0
    tickets: dict[int, dict[str, Any]] = field(default_factory=dict)
    users: dict[int, dict[str, Any]] = field(default_factory=dict)
    organizations: dict[int, dict[str, Any]] = field(default_factory=dict)
    comments: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    events: list[dict[str, Any]] = field(default_factory=list)
    faults: dict[str, deque[Fault]] = field(default_factory=dict)
    requests: list[tuple[str, str]] = field(default_factory=list)
    rate_limited: int = 0
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1000))
    _hits: dict[str, deque[float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _clock: float = field(default_factory=lambda: float(int(time.time()) - 86400))

    # --- data helpers used by tests ----------------------------------------------------

    def tick(self) -> float:
        """A strictly increasing timestamp near the real time (whole seconds, as the exports use)."""
        self._clock = max(self._clock + 1, float(int(time.time())))
        return self._clock

    def add_organization(self, name: str, **extra: Any) -> dict[str, Any]:
        now = self.tick()
        org = {
            "id": next(self._ids),
            "name": name,
            "tags": [],
            "organization_fields": {},
            "created_at": _iso(now),
            "updated_at": _iso(now),
            "deleted_at": None,
            **extra,
        }
        self.organizations[org["id"]] = org
        return org

    def add_user(self, name: str, email: str, role: str = "end-user", **extra: Any) -> dict[str, Any]:
        now = self.tick()
        user = {
            "id": next(self._ids),
            "name": name,
            "email": email,
            "role": role,
            "phone": None,
            "organization_id": None,
            "tags": [],
            "locale": "en-US",
            "verified": True,
            "active": True,
            "created_at": _iso(now),
            "updated_at": _iso(now),
            **extra,
        }
        self.users[user["id"]] = user
        return user

    def add_ticket(self, requester_id: int, subject: str, body: str, **extra: Any) -> dict[str, Any]:
        now = self.tick()
        ticket = {
            "id": next(self._ids),
            "subject": subject,
            "raw_subject": subject,
            "description": body,
            "status": "new",
            "priority": "normal",
            "type": "question",
            "requester_id": requester_id,
            "submitter_id": requester_id,
            "assignee_id": None,
            "group_id": None,
            "organization_id": None,
            "tags": [],
            "custom_fields": [],
            "via": {"channel": "email"},
            "created_at": _iso(now),
            "updated_at": _iso(now),
            "generated_timestamp": int(now),
            **extra,
        }
        self.tickets[ticket["id"]] = ticket
        self.comments[ticket["id"]] = []
        self.add_comment(ticket["id"], requester_id, body, public=True, touch=False)
        return ticket

    def add_comment(
        self, ticket_id: int, author_id: int, body: str, *, public: bool, touch: bool = True
    ) -> dict[str, Any]:
        now = self.tick()
        comment = {
            "id": next(self._ids),
            "type": "Comment",
            "author_id": author_id,
            "body": body,
            "html_body": f"<p>{body}</p>",
            "plain_body": body,
            "public": public,
            "attachments": [],
            "created_at": _iso(now),
            "via": {"channel": "api"},
        }
        self.comments[ticket_id].append(comment)
        self.events.append(
            {
                "id": next(self._ids),
                "ticket_id": ticket_id,
                "timestamp": int(now),
                "created_at": _iso(now),
                "updater_id": author_id,
                "via": {"channel": "api"},
                "event_type": "Audit",
                "child_events": [{**comment, "event_type": "Comment"}],
            }
        )
        if touch:
            self._touch(self.tickets[ticket_id], now)
        return comment

    def update_ticket(self, ticket_id: int, **changes: Any) -> None:
        ticket = self.tickets[ticket_id]
        ticket.update(changes)
        self._touch(ticket, self.tick())

    def delete_ticket(self, ticket_id: int) -> None:
        self.update_ticket(ticket_id, status="deleted")

    def fail_next(self, path_prefix: str, *faults: Fault) -> None:
        self.faults.setdefault(path_prefix, deque()).extend(faults)

    def _touch(self, ticket: dict[str, Any], now: float) -> None:
        ticket["updated_at"] = _iso(now)
        ticket["generated_timestamp"] = int(now)

    # --- HTTP ---------------------------------------------------------------------------

    def app(self) -> Starlette:
        routes = [
            Route("/api/v2/incremental/tickets/cursor.json", self._tickets_export),
            Route("/api/v2/incremental/users/cursor.json", self._users_export),
            Route("/api/v2/incremental/organizations.json", self._orgs_export),
            Route("/api/v2/incremental/ticket_events.json", self._events_export),
            Route("/api/v2/tickets/{id:int}.json", self._ticket, methods=["GET", "PUT"]),
            Route("/api/v2/tickets/{id:int}/comments.json", self._ticket_comments),
        ]
        app = Starlette(routes=routes)
        app.add_middleware(_Gate, fake=self)
        return app

    def _check_gate(self, request: Request) -> Response | None:
        path = request.url.path
        self.requests.append((request.method, path))
        header = request.headers.get("authorization", "")
        expected = base64.b64encode(f"{self.email}/token:{self.token}".encode()).decode()
        if header != f"Basic {expected}":
            return JSONResponse({"error": "Couldn't authenticate you"}, status_code=401)
        for prefix, queue in self.faults.items():
            if path.startswith(prefix) and queue and queue[0].method in (None, request.method):
                fault = queue.popleft()
                headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
                body = (
                    fault.body
                    if fault.body is not None
                    else json.dumps({"error": "InternalError", "description": "injected"})
                )
                return Response(
                    body, status_code=fault.status, headers=headers, media_type="application/json"
                )
        bucket = "export" if "/incremental/" in path else "api"
        limit = self.export_per_window if bucket == "export" else self.api_per_window
        now = time.monotonic()
        with self._lock:
            hits = self._hits.setdefault(bucket, deque())
            while hits and hits[0] <= now - self.window_seconds:
                hits.popleft()
            if len(hits) >= limit:
                self.rate_limited += 1
                retry = max(1, int(hits[0] + self.window_seconds - now + 0.999))
                return JSONResponse(
                    {"error": "APIRateLimitExceeded", "description": "Rate limit exceeded"},
                    status_code=429,
                    headers={"Retry-After": str(retry)},
                )
            hits.append(now)
        return None

    def _export_cursor(self, request: Request, items: list[dict[str, Any]], key: str) -> Response:
        per_page = min(int(request.query_params.get("per_page", 1000)), 1000)
        order = sorted(items, key=lambda x: (x.get("generated_timestamp") or _ts(x["updated_at"]), x["id"]))
        if "cursor" in request.query_params:
            try:
                after_ts, after_id = base64.b64decode(request.query_params["cursor"]).decode().split("|")
            except ValueError:
                return JSONResponse({"error": "InvalidPaginationParameter"}, status_code=400)
            start = (float(after_ts), int(after_id))
            order = [
                x for x in order if (x.get("generated_timestamp") or _ts(x["updated_at"]), x["id"]) > start
            ]
        else:
            try:
                start_time = int(request.query_params["start_time"])
            except (KeyError, ValueError):
                return JSONResponse(
                    {"error": "InvalidValue", "description": "start_time required"}, status_code=400
                )
            order = [x for x in order if (x.get("generated_timestamp") or _ts(x["updated_at"])) >= start_time]
        page = order[:per_page]
        base = str(request.url).split("?", 1)[0]
        last = page[-1] if page else None
        cursor = None
        if last is not None:
            marker = f"{last.get('generated_timestamp') or _ts(last['updated_at'])}|{last['id']}"
            cursor = base64.b64encode(marker.encode()).decode()
        elif "cursor" in request.query_params:
            cursor = request.query_params["cursor"]
        return JSONResponse(
            {
                key: page,
                "after_cursor": cursor,
                "after_url": f"{base}?cursor={cursor}" if cursor else None,
                "before_cursor": None,
                "before_url": None,
                "end_of_stream": len(order) <= per_page,
            }
        )

    async def _tickets_export(self, request: Request) -> Response:
        return self._export_cursor(request, list(self.tickets.values()), "tickets")

    async def _users_export(self, request: Request) -> Response:
        return self._export_cursor(request, list(self.users.values()), "users")

    def _export_time(self, request: Request, items: list[dict[str, Any]], key: str, stamp: str) -> Response:
        try:
            start_time = int(request.query_params["start_time"])
        except (KeyError, ValueError):
            return JSONResponse(
                {"error": "InvalidValue", "description": "start_time required"}, status_code=400
            )
        per_page = min(int(request.query_params.get("per_page", 1000)), 1000)
        chosen = sorted(
            (x for x in items if _ts(x[stamp]) >= start_time), key=lambda x: (_ts(x[stamp]), x["id"])
        )
        page = chosen[:per_page]
        end_time = int(_ts(page[-1][stamp])) if page else start_time
        end = len(chosen) <= per_page
        if not end and end_time == start_time:
            end_time += 1  # a page full of one second would never advance; Zendesk documents the same
        base = str(request.url).split("?", 1)[0]
        return JSONResponse(
            {
                key: page,
                "count": len(page),
                "end_time": end_time,
                "end_of_stream": end,
                "next_page": None if end else f"{base}?start_time={end_time}",
            }
        )

    async def _orgs_export(self, request: Request) -> Response:
        return self._export_time(request, list(self.organizations.values()), "organizations", "updated_at")

    async def _events_export(self, request: Request) -> Response:
        return self._export_time(request, self.events, "ticket_events", "created_at")

    async def _ticket(self, request: Request) -> Response:
        ticket = self.tickets.get(request.path_params["id"])
        if ticket is None or ticket["status"] == "deleted":
            return JSONResponse({"error": "RecordNotFound", "description": "Not found"}, status_code=404)
        if request.method == "GET":
            return JSONResponse({"ticket": ticket})
        try:
            body = await request.json()
            change = body["ticket"]
            assert isinstance(change, dict)
        except (ValueError, KeyError, AssertionError):
            return JSONResponse({"error": "InvalidEndpoint", "description": "bad body"}, status_code=400)
        if change.get("safe_update") and change.get("updated_stamp") != ticket["updated_at"]:
            return JSONResponse(
                {
                    "error": "UpdateConflict",
                    "description": "Safe Update prevented the update due to outdated ticket data. "
                    "Please fetch the latest ticket data and try again.",
                },
                status_code=409,
            )
        if ticket["status"] == "closed":
            return JSONResponse(
                {
                    "error": "RecordInvalid",
                    "description": "Record validation errors",
                    "details": {"status": [{"description": "Status: closed prevents ticket update"}]},
                },
                status_code=422,
            )
        events: list[dict[str, Any]] = []
        if "comment" in change:
            comment = change["comment"]
            created = self.add_comment(
                ticket["id"],
                comment.get("author_id") or 1,
                comment["body"],
                public=bool(comment.get("public", True)),
                touch=False,
            )
            events.append(
                {"id": created["id"], "type": "Comment", "body": created["body"], "public": created["public"]}
            )
        for name in ("status", "priority", "assignee_id", "group_id"):
            if name in change:
                ticket[name] = change[name]
        tags = set(ticket["tags"]) | set(change.get("additional_tags") or [])
        ticket["tags"] = sorted(tags - set(change.get("remove_tags") or []))
        self._touch(ticket, self.tick())
        return JSONResponse(
            {"ticket": ticket, "audit": {"id": next(self._ids), "ticket_id": ticket["id"], "events": events}}
        )

    async def _ticket_comments(self, request: Request) -> Response:
        comments = self.comments.get(request.path_params["id"])
        if comments is None:
            return JSONResponse({"error": "RecordNotFound", "description": "Not found"}, status_code=404)
        ordered = list(reversed(comments)) if request.query_params.get("sort_order") == "desc" else comments
        return JSONResponse({"comments": ordered, "meta": {"has_more": False}, "links": {"next": None}})


def _ts(value: str) -> float:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


class _Gate:
    """Auth, injected faults and rate limits in front of every route (pure ASGI middleware)."""

    def __init__(self, app: Any, fake: FakeZendesk) -> None:
        self.app = app
        self.fake = fake

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            refusal = self.fake._check_gate(Request(scope))
            if refusal is not None:
                await refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)
