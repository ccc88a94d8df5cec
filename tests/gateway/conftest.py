"""``db_url`` runs a test on SQLite and on PostgreSQL; ``server`` is a seeded gateway on it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'gateway.db'}"
        return
    from tests.gateway.harness import postgres_available, postgres_database

    if not postgres_available():
        pytest.skip("no PostgreSQL server at 127.0.0.1:5432")
    with postgres_database() as url:
        yield url


@pytest.fixture
def server(db_url: str, gateway_factory: Callable[..., str]) -> str:
    return gateway_factory(db_url, seed_demo=True)
