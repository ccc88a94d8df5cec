"""The console against real gateways on loopback: sign-in, and a reply sent while the gateway is down."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from agentdesk.errors import GatewayUnreachable, SignedOut
from tests.ui.conftest import Synced, wait_queue


def sign_in_dialog(qtbot: Any, url: str, login: str, password: str) -> Any:
    from agentdesk.ui.widgets.signin import SignInDialog

    dialog = SignInDialog(url, False, login)
    qtbot.addWidget(dialog)
    dialog.password.setText(password)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=15000)
    return dialog


def test_sign_in_against_a_real_gateway(qtbot: Any, synced: Synced) -> None:
    dialog = sign_in_dialog(qtbot, synced.url, "demo.agent", "demo")
    assert dialog.session is not None
    assert dialog.session["agent"]["login"] == "demo.agent" and dialog.session["token"]
    assert dialog.session["server_url"] == synced.url


def _free_port() -> int:
    from tests.support.asgi_server import free_port

    return free_port()


def test_wrong_password_and_unreachable_server(qtbot: Any, synced: Synced) -> None:
    from agentdesk.ui.errors import describe

    wrong = sign_in_dialog(qtbot, synced.url, "demo.agent", "not-the-password")
    assert wrong.session is None
    assert wrong.error.text() == describe(SignedOut("x"))
    nobody = sign_in_dialog(qtbot, f"http://127.0.0.1:{_free_port()}", "demo.agent", "demo")
    assert nobody.session is None
    assert nobody.error.text() == describe(GatewayUnreachable("x"))
    empty = sign_in_dialog(qtbot, "ftp://example", "demo.agent", "demo")
    assert "https://" in empty.error.text()


@pytest.mark.slow
def test_reply_while_gateway_down_is_pending_then_delivered_once(
    qtbot: Any, tmp_path: Path, home: Path
) -> None:
    from agentdesk.sync.client import Replicator
    from agentdesk.sync.client.backoff import Backoff
    from agentdesk.ui.app import Console, ensure_app
    from tests.sync.gatewayproc import GatewayProcess

    ensure_app()
    gateway = GatewayProcess(tmp_path / "gateway.db", extra_args=("--demo-customers", "200")).start()
    console = None
    try:
        store = tmp_path / "store.sqlite3"
        replicator = Replicator(store, gateway.url, backoff=lambda: Backoff(base=0.05, cap=0.5))
        session = replicator.sign_in("demo.agent", "demo")
        replicator.start()
        assert replicator.wait_synced(30)
        console = Console(
            store_path=store,
            server_url=gateway.url,
            token=session["token"],
            agent=session["agent"],
            replicator=replicator,
        )
        window = console.window
        qtbot.addWidget(window)
        window.show()
        wait_queue(qtbot, window)
        qtbot.waitUntil(lambda: "Online" in window.indicator.text(), timeout=10000)

        gateway.kill()  # a plain stop waits out the open event stream
        window.queue.table.setCurrentIndex(window.queue.proxy.index(0, 0))
        qtbot.waitUntil(lambda: window.ticket is not None, timeout=5000)
        ticket_id = window.ticket.ticket["id"]
        body = "Sent while the server was down."
        window.compose("reply")
        window.composer.editor.setPlainText(body)
        window.composer.submit()
        qtbot.waitUntil(
            lambda: "Offline" in window.indicator.text() and "1 pending" in window.indicator.text(),
            timeout=15000,
        )
        # shown at once, from the outbox
        qtbot.waitUntil(lambda: body in window.conversation.browser.toPlainText(), timeout=5000)

        gateway.start()
        window.sync_now()
        qtbot.waitUntil(
            lambda: "Online" in window.indicator.text() and "pending" not in window.indicator.text(),
            timeout=30000,
        )
        rows = gateway.all_changes(gateway.sign_in("demo.agent"))
        delivered = [
            r
            for (entity, _id), r in rows.items()
            if entity == "message" and r.get("ticket_id") == ticket_id and r.get("body") == body
        ]
        assert len(delivered) == 1 and delivered[0]["public"] is True
        qtbot.waitUntil(lambda: window.conversation.browser.toPlainText().count(body) == 1, timeout=5000)
    finally:
        if console is not None:
            console.close()
        gateway.kill()
