"""The supervisor panel offscreen against a real gateway: figures arrive off the UI thread, the
approval inbox approves in one click, an agent's token shows the refusal inline, and the entry
points appear for leads only."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.gateway.harness import auth, gateway_server, pull_all, sign_in


@pytest.fixture(scope="module")
def gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    folder: Path = tmp_path_factory.mktemp("sv-panel")
    with gateway_server(f"sqlite:///{folder / 'gateway.db'}", seed_demo=True) as url:
        agent = sign_in(url)
        rows, _, _ = pull_all(url, agent)
        ticket = sorted(
            k[1] for k, v in rows.items() if k[0] == "ticket" and v.get("team_id") == "team-billing"
        )[0]
        mutation_id = str(uuid.uuid4())
        body = {
            "client_id": "t",
            "mutations": [
                {
                    "mutation_id": mutation_id,
                    "kind": "approval.request",
                    "entity": "ticket",
                    "entity_id": ticket,
                    "base_version": None,
                    "payload": {"kind": "compensation", "amount": "150.00", "reason": "late"},
                }
            ],
        }
        assert (
            httpx.post(url + "/v1/mutations", json=body, headers=auth(agent)).json()["results"][0]["status"]
            == "applied"
        )
        yield {
            "url": url,
            "agent": agent,
            "lead": sign_in(url, "demo.lead"),
            "approval": "apr-" + mutation_id,
        }


def make_panel(qtbot: Any, url: str, token: str) -> Any:
    from agentdesk.ui.supervisor.client import SupervisorClient
    from agentdesk.ui.supervisor.panel import SupervisorPanel

    panel = SupervisorPanel(SupervisorClient(url, token))
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_panel_shows_figures_alerts_and_approves_in_one_click(qtbot: Any, gateway: dict[str, Any]) -> None:
    panel = make_panel(qtbot, gateway["url"], gateway["lead"])
    qtbot.waitUntil(lambda: panel.dashboard.tiles["volume"].value.text() not in ("—", "0"), timeout=10000)
    assert panel.dashboard.table.rowCount() == 1  # the lead's one team
    assert panel.dashboard.chart.chart().series()
    qtbot.waitUntil(lambda: panel.alerts.table.rowCount() > 0, timeout=10000)
    assert panel.tabs.tabText(1).startswith("Alerts (")
    panel.tabs.setCurrentWidget(panel.inbox)
    qtbot.waitUntil(lambda: gateway["approval"] in panel.inbox.items, timeout=10000)
    row = next(
        r
        for r in range(panel.inbox.table.rowCount())
        if panel.inbox.table.item(r, 0).data(256) == gateway["approval"]
    )
    panel.inbox.table.selectRow(row)
    assert panel.inbox.approve.isEnabled()
    panel.inbox.approve.click()
    qtbot.waitUntil(lambda: gateway["approval"] not in panel.inbox.items, timeout=10000)
    done = httpx.get(
        gateway["url"] + "/v1/supervisor/approvals",
        params={"status": "approved"},
        headers=auth(gateway["lead"]),
    ).json()["approvals"]
    assert gateway["approval"] in [a["id"] for a in done]
    # drill down: team -> agents
    panel.tabs.setCurrentWidget(panel.dashboard)
    panel.dashboard.table.selectRow(0)
    panel.dashboard._drill()
    qtbot.waitUntil(lambda: panel.dashboard.table.rowCount() > 1, timeout=10000)
    assert "Billing" in panel.dashboard.crumbs.text()


def test_an_agent_token_gets_the_refusal_inline(qtbot: Any, gateway: dict[str, Any]) -> None:
    panel = make_panel(qtbot, gateway["url"], gateway["agent"])
    qtbot.waitUntil(lambda: panel.status.text() != "", timeout=10000)
    assert "role" in panel.status.text()
    assert panel.dashboard.tiles["volume"].value.text() == "—"


def test_entry_points_for_leads_only(qtbot: Any) -> None:
    from agentdesk.ui.qt import QMainWindow
    from agentdesk.ui.supervisor.hook import install
    from agentdesk.ui.workspace import AgentInfo

    def window(role: str) -> Any:
        w = QMainWindow()
        qtbot.addWidget(w)
        w.agent = AgentInfo.from_session({"id": "a", "name": "A", "role": role, "team_ids": ["t"]})
        w.commands = []
        return w

    agent, lead, admin = window("agent"), window("team_lead"), window("admin")
    assert install(agent, "http://127.0.0.1:9", "tok") is False and agent.commands == []
    for w in (lead, admin):
        assert install(w, "http://127.0.0.1:9", "tok") is True
        assert [c.id for c in w.commands] == ["supervisor"]
