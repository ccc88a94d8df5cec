"""The panel's status line keeps an action's outcome through the 2 s refreshes and rewords it on a
language change (real gateway on loopback)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.gateway.harness import gateway_server, pull_all, sign_in


def test_bulk_outcome_stays_and_follows_the_language(qtbot: Any, tmp_path: Path) -> None:
    from agentdesk.ui import i18n
    from agentdesk.ui.app import ensure_app
    from agentdesk.ui.supervisor.client import SupervisorClient
    from agentdesk.ui.supervisor.panel import REFRESH_MS, SupervisorPanel

    ensure_app()
    i18n.install("en")
    with gateway_server(f"sqlite:///{tmp_path / 'gateway.db'}", seed_demo=True, demo_customers=100) as url:
        lead = sign_in(url, "demo.lead")
        rows, _, _ = pull_all(url, lead)
        mine = sorted(
            k[1] for k, v in rows.items() if k[0] == "ticket" and v.get("team_id") == "team-billing"
        )
        panel = SupervisorPanel(SupervisorClient(url, lead))
        qtbot.addWidget(panel)
        panel.show()
        try:
            qtbot.waitUntil(lambda: panel.dashboard.table.rowCount() > 0, timeout=20000)
            # one ticket of the lead's team, one the lead may not touch
            panel.run_bulk("tag", [mine[0], "tkt-not-there"], "sorting the queue", {"add": ["checked"]})
            qtbot.waitUntil(lambda: panel.status.text() == "1 applied, 1 refused", timeout=10000)
            qtbot.wait(2 * REFRESH_MS + 500)  # two refreshes later it is still there
            assert panel.status.text() == "1 applied, 1 refused"
            i18n.install("zh_CN")
            qtbot.waitUntil(lambda: panel.status.text() == "已执行 1 个，被拒绝 1 个", timeout=5000)
        finally:
            panel.close()
            i18n.install("en")
