"""Runs connectors: pulls upstream changes into the gateway store, pushes agents' changes upstream.

The gateway store implements ``UpstreamSink`` (blocking database work, so the runner calls it in
a worker thread, never on the event loop): it stores a pull's records and the connector's
checkpoint in one transaction (so a crash never skips or re-applies a page), and keeps the
upstream outbox. An upstream outage never blocks agents: their mutations are applied in the
gateway at once and wait in that outbox until the upstream takes them.

Exactly once upstream: ``mark_sending`` is committed *before* the request goes out; if the gateway
dies before ``record_outcome``, the next attempt carries ``maybe_sent_at`` and the connector looks
upstream for the effect before sending again.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import random
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, Protocol

from agentdesk.sync.gateway.connectors.base import (
    Connector,
    PullResult,
    PushItem,
    PushOutcome,
    UpstreamRecord,
)
from agentdesk.sync.gateway.connectors.errors import UpstreamAuthError, UpstreamError
from agentdesk.timeutil import utcnow

log = logging.getLogger(__name__)


class UpstreamSink(Protocol):
    def load_checkpoint(self, connector: str) -> dict[str, Any] | None: ...

    def apply(
        self, connector: str, system: str, records: Sequence[UpstreamRecord], checkpoint: dict[str, Any]
    ) -> int:
        """Upsert/delete the mirrored records and save the checkpoint in one transaction."""
        ...

    def due_pushes(self, connector: str, now: datetime, limit: int) -> list[PushItem]: ...

    def save_health(self, connector: str, system: str, health: dict[str, Any]) -> None: ...

    def mark_sending(self, connector: str, push_id: str, at: datetime) -> None: ...

    def record_outcome(
        self, connector: str, push_id: str, outcome: PushOutcome, retry_at: datetime | None
    ) -> None: ...


class ConnectorRunner:
    def __init__(
        self, connector: Connector, sink: UpstreamSink, *, poll_seconds: float = 10.0, push_batch: int = 50
    ) -> None:
        self.connector = connector
        self.sink = sink
        self.poll_seconds = poll_seconds
        self.push_batch = push_batch
        self.wake = asyncio.Event()
        self._stopping = False

    async def pull_once(self) -> int:
        """Pull until the connector is caught up; returns how many records were applied."""
        applied = 0
        checkpoint = self.sink.load_checkpoint(self.connector.name)
        while True:
            result: PullResult = await self.connector.pull(checkpoint)
            applied += self.sink.apply(
                self.connector.name, self.connector.system, result.records, result.checkpoint
            )
            checkpoint = result.checkpoint
            if not result.more:
                return applied

    async def push_once(self) -> int:
        """Send the pushes that are due; returns how many reached a final state."""
        finished = 0
        now = utcnow()
        system = self.connector.system
        for item in await asyncio.to_thread(self.sink.due_pushes, system, now, self.push_batch):
            await asyncio.to_thread(self.sink.mark_sending, system, item.push_id, utcnow())
            outcome = await self.connector.push(item)
            retry_at = None
            if outcome.status == "retry":
                # Full jitter, doubling per attempt up to a minute (random: jitter, not crypto).
                ceiling = min(60.0, 0.5 * 2 ** (item.attempts + 1))
                backoff = outcome.retry_after or random.uniform(0.1, ceiling)
                retry_at = utcnow() + timedelta(seconds=backoff)
            else:
                finished += 1
            if outcome.status == "failed":
                log.warning("%s push %s failed: %s", self.connector.name, item.push_id, outcome.detail)
            await asyncio.to_thread(self.sink.record_outcome, system, item.push_id, outcome, retry_at)
        return finished

    async def run(self) -> None:
        """Poll and push until ``stop``; upstream errors are logged, counted and retried later."""
        failures = 0
        while not self._stopping:
            try:
                await self.push_once()
                await self.pull_once()
                await self.push_once()
                failures = 0
            except UpstreamAuthError as exc:
                failures += 1
                log.error("%s: %s", self.connector.name, exc)
            except UpstreamError as exc:
                failures += 1
                log.warning("%s: %s (attempt %d)", self.connector.name, exc, failures)
            except Exception:  # a bug must not stop the connector for good: log it, back off, go on
                failures += 1
                log.exception("%s: unexpected error (attempt %d)", self.connector.name, failures)
            with contextlib.suppress(Exception):  # reporting must never stop the connector
                health = dataclasses.asdict(self.connector.health())
                await asyncio.to_thread(
                    self.sink.save_health, self.connector.name, self.connector.system, health
                )
            delay = (
                self.poll_seconds if failures == 0 else min(300.0, self.poll_seconds * 2 ** min(failures, 5))
            )
            self.wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wake.wait(), timeout=delay)

    def stop(self) -> None:
        self._stopping = True
        self.wake.set()
