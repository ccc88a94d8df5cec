"""Retry delays: exponential backoff with full jitter, and the server's Retry-After."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


class Backoff:
    """Full jitter (AWS architecture blog): delay = uniform(0, min(cap, base * 2**attempt)).

    A ``retry_after`` from the server wins over the jittered delay (it is a promise the server made),
    but is capped at ``max_retry_after`` so a broken header cannot park the client for hours.
    """

    def __init__(
        self,
        base: float = 0.25,
        cap: float = 30.0,
        *,
        max_retry_after: float = 300.0,
        rng: random.Random | None = None,
    ) -> None:
        self.base = base
        self.cap = cap
        self.max_retry_after = max_retry_after
        self.attempt = 0
        self._rng = rng or random.Random()

    def next_delay(self, retry_after: float | None = None) -> float:
        ceiling = min(self.cap, self.base * (2 ** min(self.attempt, 32)))
        self.attempt += 1
        if retry_after is not None and retry_after >= 0:
            return min(retry_after, self.max_retry_after)
        return self._rng.uniform(0, ceiling)

    def reset(self) -> None:
        self.attempt = 0


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date); None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
