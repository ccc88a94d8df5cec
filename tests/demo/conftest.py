"""Small demo data sets shared by the demo tests (generated once per session: a few hundred ms)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentdesk.demo import DemoSpec, generate

REFERENCE = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
Rows = list[tuple[str, str, dict]]


@pytest.fixture(scope="session")
def small_rows() -> Rows:
    return list(generate(DemoSpec(customers=1500, seed=11, reference=REFERENCE)))
