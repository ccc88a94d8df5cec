from __future__ import annotations

import random
from datetime import UTC, datetime

from agentdesk.sync.client.backoff import Backoff, parse_retry_after
from agentdesk.sync.client.status import SyncStatus, clock_offset
from agentdesk.sync.client.transport import SseParser


def test_full_jitter_stays_under_the_exponential_ceiling_and_the_cap() -> None:
    backoff = Backoff(base=0.5, cap=4.0, rng=random.Random(7))
    delays = [backoff.next_delay() for _ in range(12)]
    ceilings = [min(4.0, 0.5 * 2**i) for i in range(12)]
    assert all(0 <= d <= c for d, c in zip(delays, ceilings, strict=True))
    assert max(delays[6:]) > 1.0  # it does grow
    assert len(set(delays)) == len(delays)  # and is jittered
    backoff.reset()
    assert backoff.next_delay() <= 0.5


def test_retry_after_wins_but_is_capped() -> None:
    backoff = Backoff(base=0.1, cap=1.0, max_retry_after=60)
    assert backoff.next_delay(retry_after=7) == 7
    assert backoff.next_delay(retry_after=9999) == 60


def test_retry_after_header_forms() -> None:
    now = datetime(2026, 11, 23, 8, 0, 0, tzinfo=UTC)
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after("Mon, 23 Nov 2026 08:00:30 GMT", now=now) == 30.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_clock_offset_from_the_date_header_and_the_drift_warning() -> None:
    server = datetime(2026, 11, 23, 8, 5, 0, tzinfo=UTC).timestamp()
    offset = clock_offset("Mon, 23 Nov 2026 08:05:00 GMT", server - 180.2, server - 179.8)
    assert offset is not None and abs(offset - 180.5) < 0.01
    assert SyncStatus(clock_offset=offset).clock_drift_warning
    assert not SyncStatus(clock_offset=1.0).clock_drift_warning
    assert clock_offset("garbage", 0, 0) is None


def test_sse_parser_events_comments_and_multiline_data() -> None:
    parser = SseParser()
    lines = [": keep-alive", "", "event: changes", 'data: {"version": 12}', "", "data: a", "data: b", ""]
    events = [e for e in (parser.feed(line) for line in lines) if e is not None]
    assert events == [("changes", {"version": 12}), ("message", "a\nb")]
