"""The generator's cached timestamp text equals the store's own formatting."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from agentdesk.demo.clock import Clock
from agentdesk.timeutil import to_store


def test_clock_text_matches_to_store_across_days_and_years() -> None:
    reference = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    clock = Clock(reference)
    rng = random.Random(5)
    offsets = [0, 1, 32_400, 32_401, 86_399, 86_400, *(rng.randrange(0, 10**9) for _ in range(3000))]
    for seconds in offsets:
        assert clock.ago(seconds) == to_store(reference - timedelta(seconds=seconds)), seconds
    naive = Clock(datetime(2026, 1, 1))
    assert naive.ago(1) == "2025-12-31T23:59:59.000000Z"
