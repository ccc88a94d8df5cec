"""Connectors inside a real gateway: upstream records reach agents, agents' changes reach upstream once."""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from agentdesk.sync.gateway.app import create_app
from agentdesk.sync.gateway.config import GatewayConfig
from agentdesk.sync.gateway.connectors.setup import ConnectorOptions, startup_hook
from tests.connectors.fake_zendesk import FakeZendesk, Fault
from tests.gateway.harness import auth, pull_all, serve_app
from tests.peers.helpdesk_instance import HelpdeskInstance
from tests.support.asgi_server import serve_in_thread
from tests.support.cli import run_agentdesk


def wait_for(what: str, check: Callable[[], Any], timeout: float = 15.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def fast_limits(tmp_path: Path) -> str:
    """The fake Zendesk answers as fast as we like; real accounts get their plan's limits."""
    path = tmp_path / "connectors.json"
    path.write_text(json.dumps({"zendesk": {"exports_per_minute": 6000, "requests_per_minute": 6000}}))
    return str(path)


@contextmanager
def gateway_with(tmp_path: Path, options: ConnectorOptions) -> Iterator[str]:
    config = GatewayConfig(database_url=f"sqlite:///{tmp_path / 'gw.db'}", seed_demo=True, demo_customers=20)
    with serve_app(create_app(config, on_startup=[startup_hook(options)])) as url:
        yield url


def session(url: str, login: str = "demo.agent") -> tuple[str, list[str]]:
    answer = httpx.post(url + "/v1/session", json={"login": login, "password": "demo"}, timeout=30).json()
    return answer["token"], answer["agent"]["team_ids"]


def mutate(
    url: str, token: str, kind: str, entity_id: str, payload: dict[str, Any], mutation_id: str
) -> dict:
    body = {
        "client_id": "e2e",
        "mutations": [
            {
                "mutation_id": mutation_id,
                "kind": kind,
                "entity": "ticket",
                "entity_id": entity_id,
                "base_version": None,
                "payload": payload,
            }
        ],
    }
    answer = httpx.post(url + "/v1/mutations", json=body, headers=auth(token), timeout=30)
    answer.raise_for_status()
    return answer.json()["results"][0]


@pytest.fixture()
def zendesk() -> Iterator[tuple[FakeZendesk, str]]:
    fake = FakeZendesk(window_seconds=1.0, export_per_window=1000)
    customer = fake.add_user("Alice Chen", "alice@example.com", phone="+1 555 0100")
    fake.customer = customer  # type: ignore[attr-defined]
    fake.ticket = fake.add_ticket(
        customer["id"], "Fridge is leaking", "Water on the floor", priority="urgent"
    )  # type: ignore[attr-defined]
    with serve_in_thread(fake.app()) as url:
        yield fake, url


def test_zendesk_ticket_reaches_the_agent_and_the_reply_reaches_zendesk_once(
    tmp_path: Path, zendesk: tuple[FakeZendesk, str]
) -> None:
    fake, zd_url = zendesk
    env = {"AGENTDESK_ZENDESK_EMAIL": fake.email, "AGENTDESK_ZENDESK_TOKEN": fake.token}
    # The demo agent's team receives the mirrored tickets.
    options = ConnectorOptions(
        names=["zendesk"], zendesk_url=zd_url, poll_seconds=0.3, env=env, mapping_file=fast_limits(tmp_path)
    )
    with gateway_with(tmp_path, options) as url:
        token, teams = session(url)
        options.team_id = teams[0]  # read by the hook at start: set before the first poll completes
        ticket_id = f"zendesk:ticket:{fake.ticket['id']}"  # type: ignore[attr-defined]

        def mirrored() -> dict[str, Any] | None:
            rows, _, _ = pull_all(url, token)
            return rows.get(("ticket", ticket_id))

        started = time.monotonic()
        ticket = wait_for("the Zendesk ticket in the agent's changes", mirrored)
        assert ticket["external_ref"] == {"system": "zendesk", "id": str(fake.ticket["id"])}  # type: ignore[attr-defined]
        assert ticket["priority"] == "P1" and ticket["status"] == "new"
        rows, _, _ = pull_all(url, token)
        customer = rows[("customer", f"zendesk:customer:{fake.customer['id']}")]  # type: ignore[attr-defined]
        assert customer["phone"] != "+1 555 0100"  # masked for agents

        # Upstream change -> visible to the agent within the poll interval.
        fake.update_ticket(fake.ticket["id"], status="open")  # type: ignore[attr-defined]
        wait_for("the upstream status change", lambda: (mirrored() or {}).get("status") == "open", timeout=10)
        assert time.monotonic() - started < 20

        body = "A technician will call you today {{ between 2 and 4 }}."
        mid = str(uuid.uuid4())
        assert mutate(url, token, "ticket.reply", ticket_id, {"body": body}, mid)["status"] == "applied"
        assert mutate(url, token, "ticket.reply", ticket_id, {"body": body}, mid)["status"] == "duplicate"

        def upstream_comments() -> list[dict[str, Any]]:
            return [c for c in fake.comments[fake.ticket["id"]] if c["body"] == body]  # type: ignore[attr-defined]

        wait_for("the reply in Zendesk", upstream_comments)
        time.sleep(1.0)  # a few more connector cycles: nothing may be sent twice
        assert len(upstream_comments()) == 1


def test_upstream_outage_does_not_block_agents_and_catches_up(
    tmp_path: Path, zendesk: tuple[FakeZendesk, str]
) -> None:
    fake, zd_url = zendesk
    env = {"AGENTDESK_ZENDESK_EMAIL": fake.email, "AGENTDESK_ZENDESK_TOKEN": fake.token}
    options = ConnectorOptions(
        names=["zendesk"], zendesk_url=zd_url, poll_seconds=0.3, env=env, mapping_file=fast_limits(tmp_path)
    )
    with gateway_with(tmp_path, options) as url:
        token, teams = session(url)
        options.team_id = teams[0]
        ticket_id = f"zendesk:ticket:{fake.ticket['id']}"  # type: ignore[attr-defined]
        wait_for("the mirrored ticket", lambda: ("ticket", ticket_id) in pull_all(url, token)[0])
        fake.fail_next("/api/v2/tickets/", *[Fault(503, method="PUT") for _ in range(2)])
        started = time.monotonic()
        result = mutate(
            url, token, "ticket.note", ticket_id, {"body": "Customer prefers mornings"}, str(uuid.uuid4())
        )
        assert result["status"] == "applied" and time.monotonic() - started < 2

        def notes():
            return [c for c in fake.comments[fake.ticket["id"]] if c["body"] == "Customer prefers mornings"]  # type: ignore[attr-defined]

        wait_for("the note after the outage", notes, timeout=60)
        assert len(notes()) == 1 and notes()[0]["public"] is False


def test_django_helpdesk_both_ways(tmp_path: Path, helpdesk: HelpdeskInstance) -> None:
    with helpdesk.client() as client:
        created = client.post(
            "/api/tickets/",
            json={
                "queue": helpdesk.queue_id,
                "title": "Dishwasher error E24",
                "description": "Water stays in",
                "priority": 2,
                "submitter_email": "e2e@example.com",
            },
        ).json()
    env = {"AGENTDESK_HELPDESK_TOKEN": helpdesk.token}
    options = ConnectorOptions(
        names=["django-helpdesk"], helpdesk_url=helpdesk.url, poll_seconds=0.3, env=env
    )
    with gateway_with(tmp_path, options) as url:
        token, teams = session(url)
        options.team_id = teams[0]
        ticket_id = f"django-helpdesk:ticket:{created['id']}"
        ticket = wait_for("the helpdesk ticket", lambda: pull_all(url, token)[0].get(("ticket", ticket_id)))
        assert ticket["status"] == "Open" and ticket["status_group"] == "open"

        text = "your total is {{ total }} and 100% {% done %}"
        assert (
            mutate(url, token, "ticket.reply", ticket_id, {"body": text}, str(uuid.uuid4()))["status"]
            == "applied"
        )
        assert (
            mutate(url, token, "ticket.set_status", ticket_id, {"status": "solved"}, str(uuid.uuid4()))[
                "status"
            ]
            == "applied"
        )

        def upstream() -> dict[str, Any]:
            with helpdesk.client() as client:
                return client.get(f"/api/tickets/{created['id']}/").json()

        wait_for("the reply and status upstream", lambda: upstream()["status"] == 3)
        time.sleep(1.0)
        followups = upstream()["followup_set"]
        assert [f["comment"] for f in followups if f["comment"] == text] == [text]
        assert [f["new_status"] for f in followups if f["new_status"]] == [3]
        # ...and the upstream status word comes back to the agents.
        wait_for(
            "Resolved in the agent's view",
            lambda: (pull_all(url, token)[0].get(("ticket", ticket_id)) or {}).get("status") == "Resolved",
        )


def test_doctor_reports_connector_state(tmp_path: Path, zendesk: tuple[FakeZendesk, str]) -> None:

    fake, zd_url = zendesk
    env = {"AGENTDESK_ZENDESK_EMAIL": fake.email, "AGENTDESK_ZENDESK_TOKEN": fake.token}
    options = ConnectorOptions(
        names=["zendesk"], zendesk_url=zd_url, poll_seconds=0.3, env=env, mapping_file=fast_limits(tmp_path)
    )
    with gateway_with(tmp_path, options) as url:
        token, _ = session(url)
        wait_for(
            "a first pass",
            lambda: any(k[0] == "ticket" and k[1].startswith("zendesk:") for k in pull_all(url, token)[0]),
        )
        time.sleep(0.5)
    out = run_agentdesk(
        "doctor",
        "--json",
        "--gateway-database",
        f"sqlite:///{tmp_path / 'gw.db'}",
        env={**os.environ, "AGENTDESK_HOME": str(tmp_path)},
    )
    assert out.returncode == 0, out.stderr
    (row,) = json.loads(out.stdout)["connectors"]
    assert row["connector"] == "zendesk" and row["last_success_at"] and row["errors"] == 0
    assert row["pushes_pending"] == 0
