"""Fixtures shared by every test package.

Gateway (from tests/gateway/harness.py — a real uvicorn server on a free 127.0.0.1 port):

* ``gateway_url``      module-scoped base URL of a gateway on a fresh SQLite file with ``--seed-demo``
                       data (sign in with demo.agent / demo.lead / demo.admin, password ``demo``).
* ``gateway_factory``  function-scoped: ``gateway_factory(database_url=None, seed_demo=True, **config)``
                       starts another gateway (fresh SQLite file by default) and returns its URL;
                       stopped at the end of the test.
* ``pg_url``           function-scoped URL of a fresh, empty PostgreSQL database (dropped after);
                       skips when no server listens at 127.0.0.1:5432.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="module")
def gateway_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from tests.gateway.harness import gateway_server

    path = tmp_path_factory.mktemp("gateway") / "gateway.db"
    with gateway_server(f"sqlite:///{path}", seed_demo=True) as url:
        yield url


@pytest.fixture
def gateway_factory(tmp_path: Path) -> Iterator[Callable[..., str]]:
    from tests.gateway.harness import gateway_server

    with ExitStack() as stack:
        counter = iter(range(1000))

        def start(database_url: str | None = None, *, seed_demo: bool = True, **config: Any) -> str:
            url = database_url or f"sqlite:///{tmp_path / f'gateway-{next(counter)}.db'}"
            return stack.enter_context(gateway_server(url, seed_demo=seed_demo, **config))

        yield start


@pytest.fixture
def pg_url() -> Iterator[str]:
    from tests.gateway.harness import postgres_available, postgres_database

    if not postgres_available():
        pytest.skip("no PostgreSQL server at 127.0.0.1:5432")
    with postgres_database() as url:
        yield url
