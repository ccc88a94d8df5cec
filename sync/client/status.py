"""The replicator's status as the UI shows it: connection state, queue, rejections, clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Literal

ConnectionState = Literal["offline", "syncing", "online", "signed_out"]
# A local-store write failure the agent must be told about (the UI words it, e.g. "disk full").
StoreProblem = Literal["disk_full", "read_only", "write_failed"]

CLOCK_DRIFT_WARN_SECONDS = 120.0


@dataclass(frozen=True, slots=True)
class RejectedMutation:
    mutation_id: str
    kind: str
    entity: str
    entity_id: str
    payload: dict[str, object]
    reason: str  # "<code>: <text>" as the gateway sent it
    created_at: datetime

    @property
    def code(self) -> str:
        return self.reason.split(":", 1)[0].strip()


@dataclass(frozen=True, slots=True)
class SyncStatus:
    state: ConnectionState = "offline"
    pending: int = 0
    rejected: tuple[RejectedMutation, ...] = ()
    last_error: str | None = None
    store_problem: StoreProblem | None = None
    cursor: int = 0
    last_sync_at: datetime | None = None
    clock_offset: float | None = None  # server clock minus ours, seconds (from the Date header)
    events_connected: bool = False

    @property
    def clock_drift_warning(self) -> bool:
        return self.clock_offset is not None and abs(self.clock_offset) > CLOCK_DRIFT_WARN_SECONDS


def clock_offset(date_header: str | None, sent_at: float, received_at: float) -> float | None:
    """Server minus local clock in seconds, from an HTTP Date header and the request's wall times.

    The Date header has one-second resolution, so the result is good to about a second; that is
    plenty for SLA display and for the two-minute drift warning.
    """
    if not date_header:
        return None
    try:
        server = parsedate_to_datetime(date_header)
    except (TypeError, ValueError):
        return None
    # The header truncates to whole seconds: its midpoint is half a second later.
    return server.timestamp() + 0.5 - (sent_at + received_at) / 2
