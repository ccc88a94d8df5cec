"""HTTP to an upstream API: documented rate limits, Retry-After, typed errors, safe retries.

Reads (and writes the upstream refused before doing anything, i.e. 429) are retried with
exponential backoff and full jitter. A write whose outcome is unknown (connection lost after
sending, 5xx) is *not* retried here: the caller records it as maybe-sent and looks upstream
before sending again, which is what makes pushes exactly once.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import httpx

from agentdesk.sync.gateway.connectors.base import ConnectorHealth
from agentdesk.sync.gateway.connectors.errors import (
    UpstreamAuthError,
    UpstreamConflict,
    UpstreamError,
    UpstreamInvalid,
    UpstreamMalformed,
    UpstreamNotFound,
    UpstreamRateLimited,
    UpstreamUnavailable,
)

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]


class RateLimiter:
    """Token bucket for a documented limit (``per_minute`` requests), plus Retry-After pauses."""

    def __init__(
        self, per_minute: float, *, burst: int | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = per_minute / 60.0
        self.capacity = float(burst if burst is not None else max(1, int(per_minute // 6) or 1))
        self.tokens = self.capacity
        self.clock = clock
        self.updated = clock()
        self.paused_until = 0.0

    def delay(self) -> float:
        """Seconds to wait before the next request may go (0 when it may go now); takes a token."""
        now = self.clock()
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        wait = max(0.0, self.paused_until - now)
        if self.tokens >= 1 and wait == 0:
            self.tokens -= 1
            return 0.0
        wait = max(wait, (1 - self.tokens) / self.rate)
        self.tokens -= 1
        return wait

    def pause(self, seconds: float) -> None:
        self.paused_until = max(self.paused_until, self.clock() + seconds)


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def raise_for_status(response: httpx.Response, what: str) -> None:
    status = response.status_code
    if status < 400:
        return
    detail = f"{what}: HTTP {status}"
    body = response.text[:300]
    if status in (401, 403):
        raise UpstreamAuthError(f"{detail} (check the connector's credentials)", status=status)
    if status == 404:
        raise UpstreamNotFound(detail, status=status)
    if status == 409:
        raise UpstreamConflict(f"{detail}: {body}", status=status)
    if status == 429:
        raise UpstreamRateLimited(detail, status=status, retry_after=_retry_after(response) or 60.0)
    if status >= 500:
        raise UpstreamUnavailable(detail, status=status, retry_after=_retry_after(response))
    raise UpstreamInvalid(f"{detail}: {body}", status=status)


class UpstreamHttp:
    def __init__(
        self,
        base_url: str,
        *,
        auth: httpx.Auth | tuple[str, str] | None,
        health: ConnectorHealth,
        limiters: Mapping[str, RateLimiter],
        headers: Mapping[str, str] | None = None,
        timeout: float = 30.0,
        max_attempts: int = 5,
        sleep: Sleep = asyncio.sleep,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.client = httpx.AsyncClient(
            base_url=base_url.rstrip("/"),
            auth=auth,
            headers=dict(headers or {}),
            timeout=timeout,
            transport=transport,
        )
        self.health = health
        self.limiters = dict(limiters)
        self.max_attempts = max_attempts
        self.sleep = sleep

    async def aclose(self) -> None:
        await self.client.aclose()

    async def _wait_turn(self, bucket: str) -> None:
        limiter = self.limiters.get(bucket) or self.limiters["default"]
        wait = limiter.delay()
        if wait > 0:
            self.health.rate_limit_waits += 1
            self.health.rate_limit_wait_seconds += wait
            await self.sleep(wait)

    async def request(
        self,
        method: str,
        url: str,
        *,
        bucket: str = "default",
        params: Mapping[str, Any] | None = None,
        json_body: Any = None,
        idempotent: bool | None = None,
    ) -> Any:
        """Send a request and return the decoded JSON body (None for an empty body)."""
        safe_to_repeat = method in ("GET", "HEAD", "OPTIONS") if idempotent is None else idempotent
        what = f"{method} {url.split('?', 1)[0]}"
        attempt = 0
        while True:
            attempt += 1
            await self._wait_turn(bucket)
            try:
                response = await self.client.request(method, url, params=params, json=json_body)
                raise_for_status(response, what)
            except httpx.TransportError as exc:
                error: UpstreamError = UpstreamUnavailable(f"{what}: {type(exc).__name__}")
                repeatable = safe_to_repeat
            except UpstreamRateLimited as exc:
                limiter = self.limiters.get(bucket) or self.limiters["default"]
                limiter.pause(exc.retry_after or 60.0)
                error, repeatable = exc, True  # refused before it was processed
            except UpstreamUnavailable as exc:
                error, repeatable = exc, safe_to_repeat
            else:
                return self._decode(response, what)
            self.health.errors += 1
            self.health.last_error = str(error)
            if not repeatable or attempt >= self.max_attempts:
                raise error
            if not isinstance(error, UpstreamRateLimited):
                delay = error.retry_after or random.uniform(0, min(30.0, 0.5 * 2**attempt))
                log.info("%s failed (%s); retrying in %.1f s", what, error, delay)
                await self.sleep(delay)

    @staticmethod
    def _decode(response: httpx.Response, what: str) -> Any:
        if not response.content:
            return None
        try:
            return response.json()
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise UpstreamMalformed(f"{what}: the answer is not JSON") from exc
