"""Take the supervisor panel screenshot in Simplified Chinese (and English, to compare).

    xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb python docs/screenshots/take_supervisor.py

Starts a gateway with the demo data (2,000 customers) on a free loopback port, signs in as
demo.lead, opens the panel, drills down into the lead's team (its agents, KPI tiles and bars) and
saves supervisor-zh_CN.png and supervisor-en.png next to this script.
"""

from __future__ import annotations

import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import take  # noqa: E402  (sets up bench/ui_common and the offscreen default)

ui_common = take.ui_common


@contextmanager
def gateway(folder: Path) -> Iterator[str]:
    import uvicorn

    from agentdesk.sync.gateway.app import create_app
    from agentdesk.sync.gateway.config import GatewayConfig

    app = create_app(
        GatewayConfig(database_url=f"sqlite:///{folder / 'gateway.db'}", seed_demo=True, demo_customers=2000)
    )
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(15)


def shoot(url: str, token: str, language: str, out: Path) -> None:
    from agentdesk.ui import i18n, theme
    from agentdesk.ui.app import ensure_app
    from agentdesk.ui.supervisor.client import SupervisorClient
    from agentdesk.ui.supervisor.panel import SupervisorPanel
    from agentdesk.ui.supervisor.tables import ROW_KEY

    ensure_app()
    i18n.install(language)
    theme.apply("light")
    panel = SupervisorPanel(SupervisorClient(url, token))
    panel.resize(1600, 960)
    panel.show()
    dash = panel.dashboard
    ui_common.spin_until(lambda: dash.table.rowCount() > 0, 60)
    dash.table.selectRow(0)
    team = dash.table.item(0, 0).data(ROW_KEY)
    dash._drill()
    ui_common.spin_until(
        lambda: dash.table.rowCount() > 0 and dash.table.item(0, 0).data(ROW_KEY) != team, 60
    )
    dash.table.clearSelection()
    end = time.monotonic() + 1.5
    ui_common.spin_until(lambda: time.monotonic() >= end, 10)
    panel.grab().save(str(out))
    panel.close()
    i18n.install("en")


def main() -> None:
    import httpx

    folder = Path(tempfile.mkdtemp(prefix="agentdesk-shots-"))
    with gateway(folder) as url:
        session = httpx.post(url + "/v1/session", json={"login": "demo.lead", "password": "demo"}, timeout=60)
        token = str(session.json()["token"])
        for language in ("zh_CN", "en"):
            out = HERE / f"supervisor-{language}.png"
            shoot(url, token, language, out)
            print(out)


if __name__ == "__main__":
    main()
