"""The connector interface and the values that cross it."""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from agentdesk.domain.enums import MutationKind


@dataclass(frozen=True, slots=True)
class UpstreamRecord:
    """One upstream record mapped to an AgentDesk entity; ``data`` is None for a deletion."""

    entity: str
    external_id: str
    data: dict[str, Any] | None

    @property
    def deleted(self) -> bool:
        return self.data is None


@dataclass(frozen=True, slots=True)
class SkippedRecord:
    """A record the connector could not map; logged with its id and counted, never fatal."""

    kind: str
    external_id: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class PullResult:
    records: tuple[UpstreamRecord, ...]
    checkpoint: dict[str, Any]  # stored in the same transaction as the records
    more: bool  # there is more to pull right away
    skipped: tuple[SkippedRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class PushItem:
    """An agent's mutation on a mirrored record, to be written upstream exactly once."""

    push_id: str  # the mutation id
    kind: MutationKind
    external_id: str  # upstream id of the ticket / customer
    payload: dict[str, Any]
    author_email: str | None = None
    # Set when an earlier attempt may have reached the upstream (crash or timeout after sending):
    # the connector must look upstream for the effect before sending again.
    maybe_sent_at: datetime | None = None
    attempts: int = 0  # earlier attempts (for backoff)


PushStatus = Literal["done", "retry", "failed"]


@dataclass(frozen=True, slots=True)
class PushOutcome:
    status: PushStatus
    detail: str = ""
    upstream_ref: str | None = None  # e.g. the comment or follow-up id created upstream
    retry_after: float | None = None
    found_existing: bool = False  # the effect was already upstream; nothing was sent again


@dataclass(slots=True)
class ConnectorHealth:
    """What ``agentdesk doctor`` and /metrics report for a connector."""

    name: str
    last_pull_at: datetime | None = None
    last_success_at: datetime | None = None
    lag_seconds: float | None = None
    rate_limit_waits: int = 0
    rate_limit_wait_seconds: float = 0.0
    errors: int = 0
    skipped: int = 0
    last_error: str | None = None
    counters: dict[str, int] = field(default_factory=dict)

    def count(self, name: str, n: int = 1) -> None:
        self.counters[name] = self.counters.get(name, 0) + n


class Connector(ABC):
    """An upstream system of record."""

    name: str
    system: str  # the ``external_ref.system`` value

    @abstractmethod
    async def pull(self, checkpoint: dict[str, Any] | None) -> PullResult:
        """Records changed since ``checkpoint`` (None: from the beginning)."""

    @abstractmethod
    async def push(self, item: PushItem) -> PushOutcome:
        """Write one mutation upstream, exactly once (see ``PushItem.maybe_sent_at``)."""

    @abstractmethod
    def health(self) -> ConnectorHealth: ...

    async def aclose(self) -> None:  # noqa: B027 - optional hook
        pass


def outcome_for_error(exc: Exception, label: str) -> PushOutcome:
    """The push outcome an upstream error means: retry what may succeed later, fail the rest."""
    from agentdesk.sync.gateway.connectors.errors import UpstreamError, UpstreamNotFound

    if isinstance(exc, UpstreamNotFound):
        return PushOutcome("failed", f"the record no longer exists in {label}")
    if isinstance(exc, UpstreamError) and exc.retryable:
        return PushOutcome("retry", str(exc), retry_after=exc.retry_after)
    return PushOutcome("failed", str(exc))


def local_id(system: str, entity: str, external_id: str) -> str:
    """The AgentDesk id of a mirrored record: stable, readable, traceable upstream."""
    return f"{system}:{entity}:{external_id}"


def record_digest(data: dict[str, Any]) -> str:
    """A short, stable hash of a mapped record, for snapshot-and-diff upstreams."""
    return hashlib.blake2b(json.dumps(data, sort_keys=True, default=str).encode(), digest_size=8).hexdigest()
