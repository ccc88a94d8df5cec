from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.gatewayproc import GatewayProcess, seed_database


def start_gateway(path: Path) -> GatewayProcess:
    """A gateway process on a fresh SQLite database with the small fixed demo set."""
    seed_database(path)
    gateway = GatewayProcess(path, seed_demo=False)
    try:
        return gateway.start()
    except RuntimeError as exc:
        if "not available in this build" in str(exc):
            pytest.skip("the gateway is not built yet ('agentdesk gateway serve')")
        raise


@pytest.fixture(scope="module")
def gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GatewayProcess]:
    """A real gateway process on SQLite with the demo data, for this test module."""
    gw = start_gateway(tmp_path_factory.mktemp("gateway") / "gateway.db")
    yield gw
    gw.stop()


@pytest.fixture(scope="module")
def agent_token(gateway: GatewayProcess) -> str:
    return gateway.sign_in("demo.agent")


@pytest.fixture(scope="module")
def open_tickets(gateway: GatewayProcess, agent_token: str) -> list[str]:
    return open_ticket_ids(gateway, agent_token)


def open_ticket_ids(gateway: GatewayProcess, agent_token: str) -> list[str]:
    """Ids of tickets demo.agent may see that are not closed (the demo has plenty)."""
    rows = gateway.all_changes(agent_token)
    ids = sorted((i for (e, i), d in rows.items() if e == "ticket" and d.get("status") not in ("closed",)),
                 key=lambda i: (len(i), i))
    assert len(ids) >= 10, "the demo data should give demo.agent at least ten open tickets"
    return ids
