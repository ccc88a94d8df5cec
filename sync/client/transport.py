"""The gateway's /v1 API over httpx.AsyncClient, with errors mapped to agentdesk.errors at this edge.

httpx transport errors, truncated or non-JSON bodies, 5xx, 429   -> GatewayUnreachable (retry later;
                                                                    ``retry_after`` from the header)
401                                                               -> SignedOut
410, or 422 with the bad-cursor problem type                      -> BadCursor (take a fresh snapshot)
any other 4xx                                                     -> GatewayRefused
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import orjson

from agentdesk.errors import BadCursor, GatewayRefused, GatewayUnreachable, SignedOut
from agentdesk.sync.client.backoff import parse_retry_after
from agentdesk.sync.client.status import clock_offset
from agentdesk.sync.protocol import (
    API_PREFIX,
    MAX_BODY_BYTES,
    ChangesPage,
    Mutation,
    MutationResult,
    Problems,
    SessionInfo,
)

RETRYABLE = frozenset({429, 500, 502, 503, 504})
# A push body stays this far under the gateway's limit (room for the envelope and the encoder).
PUSH_BUDGET = MAX_BODY_BYTES - 32 * 1024


def push_size(mutation: Mutation) -> int:
    """Bytes one mutation adds to a push body (compact UTF-8 JSON, as httpx sends it, plus a comma)."""
    return len(orjson.dumps(mutation)) + 1


def _problem(response: httpx.Response) -> tuple[str | None, str]:
    try:
        body = response.json()
    except ValueError:
        return None, response.text[:200]
    if not isinstance(body, dict):
        return None, str(body)[:200]
    return body.get("type"), str(body.get("detail") or body.get("title") or "")


def raise_for(response: httpx.Response) -> None:
    code = response.status_code
    if code < 400:
        return
    if code in RETRYABLE:
        raise GatewayUnreachable(
            f"the gateway answered {code}",
            status=code,
            retry_after=parse_retry_after(response.headers.get("retry-after")),
        )
    ptype, detail = _problem(response)
    if code == 401:
        raise SignedOut(
            f"The gateway no longer accepts this sign-in ({detail or 'unauthenticated'}); sign in again"
        )
    if code == 410 or ptype == Problems.BAD_CURSOR:
        raise BadCursor(detail or "the gateway no longer knows this cursor")
    raise GatewayRefused(
        f"the gateway refused the request ({code}): {detail}", status=code, problem_type=ptype
    )


class GatewayClient:
    """One gateway, one bearer token. ``clock_offset`` follows the Date header of every answer."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        timeout: float = 30.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.clock_offset: float | None = None
        self._http = httpx.AsyncClient(
            base_url=self.base_url,
            timeout=httpx.Timeout(timeout, connect=5.0),
            transport=transport,
            headers={"accept": "application/json"},
        )

    async def aclose(self) -> None:
        await self._http.aclose()

    def _headers(self) -> dict[str, str]:
        return {"authorization": f"Bearer {self.token}"} if self.token else {}

    async def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """The gateway's answer to one request: transport errors and error statuses raised, the
        server clock noted."""
        sent = time.time()
        try:
            response = await self._http.request(method, API_PREFIX + path, headers=self._headers(), **kwargs)
        except httpx.TransportError as exc:
            raise GatewayUnreachable(
                f"No answer from the gateway at {self.base_url} ({type(exc).__name__}); "
                "check the network and the server address"
            ) from exc
        self._note_clock(response, sent)
        raise_for(response)
        return response

    async def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        response = await self._send(method, path, **kwargs)
        try:
            return orjson.loads(response.content)
        except (ValueError, UnicodeDecodeError) as exc:  # a truncated or mangled body: try again
            raise GatewayUnreachable(f"the gateway's answer was cut off ({exc})") from exc

    def _note_clock(self, response: httpx.Response, sent: float) -> None:
        offset = clock_offset(response.headers.get("date"), sent, time.time())
        if offset is not None:
            self.clock_offset = offset

    async def sign_in(self, login: str, password: str) -> SessionInfo:
        credentials = {"login": login, "password": password}
        info: SessionInfo = await self._request("POST", "/session", json=credentials)
        self.token = info["token"]
        return info

    async def changes(self, cursor: int, limit: int) -> ChangesPage:
        page = await self._request("GET", "/changes", params={"cursor": cursor, "limit": limit})
        if (
            not isinstance(page, dict)
            or not isinstance(page.get("changes"), list)
            or not isinstance(page.get("cursor"), int)
        ):
            raise GatewayUnreachable("the gateway's changes page is not in the expected shape")
        return page  # type: ignore[return-value]

    async def push(self, client_id: str, mutations: list[Mutation]) -> list[MutationResult]:
        batch = {"client_id": client_id, "mutations": mutations}
        body = await self._request("POST", "/mutations", json=batch)
        results = body.get("results") if isinstance(body, dict) else None
        if not isinstance(results, list):
            raise GatewayUnreachable("the gateway's mutation results are not in the expected shape")
        return results

    async def events(self, *, silence: float = 45.0) -> AsyncIterator[tuple[str, Any]]:
        """Server-sent events as (event, data); ends when the stream does (the caller reconnects).

        The gateway sends a keep-alive comment every 15 s; ``silence`` seconds without a byte
        means the connection died without telling us (a laptop lid, a dropped VPN)."""
        headers = {**self._headers(), "accept": "text/event-stream"}
        sent = time.time()
        try:
            async with self._http.stream(
                "GET", API_PREFIX + "/events", headers=headers, timeout=httpx.Timeout(silence, connect=5.0)
            ) as response:
                self._note_clock(response, sent)
                if response.status_code >= 400:
                    await response.aread()
                    raise_for(response)
                parser = SseParser()
                yield "open", None
                async for line in response.aiter_lines():
                    event = parser.feed(line)
                    if event is not None:
                        yield event
        except httpx.TransportError as exc:
            raise GatewayUnreachable(f"the event stream broke ({type(exc).__name__})") from exc


class SseParser:
    """Line-by-line text/event-stream parser (WHATWG): yields (event, parsed data) per blank line."""

    def __init__(self) -> None:
        self._event = "message"
        self._data: list[str] = []

    def feed(self, line: str) -> tuple[str, Any] | None:
        line = line.rstrip("\r\n")
        if not line:
            if not self._data:
                self._event = "message"
                return None
            text = "\n".join(self._data)
            event, self._event, self._data = self._event, "message", []
            try:
                return event, json.loads(text)
            except ValueError:
                return event, text
        if line.startswith(":"):
            return None
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "event":
            self._event = value or "message"
        elif name == "data":
            self._data.append(value)
        return None
