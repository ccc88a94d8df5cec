"""Idle lock and sign-out: the lock screen hides the content, the password is checked by a real
gateway on loopback (or, offline, by the scrypt verifier), sign-out wipes the profile."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from agentdesk.config import load_settings, secrets
from agentdesk.config.policy import POLICY_KEY
from agentdesk.ui.qt import QApplication, QTimer
from tests.support.keyrings import MemoryKeyring, keyring_in_use
from tests.ui.conftest import Synced, wait_queue

MINUTE = 0.4  # seconds: the lock's minute, shrunk for tests


@pytest.fixture(autouse=True)
def short_minute(monkeypatch: pytest.MonkeyPatch) -> None:
    from agentdesk.ui import lock

    monkeypatch.setattr(lock, "SECONDS_PER_MINUTE", MINUTE)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    with keyring_in_use(MemoryKeyring()) as backend:
        yield backend


def unreachable_url() -> str:
    from tests.support.asgi_server import free_port

    return f"http://127.0.0.1:{free_port()}"


def settings_with(env: dict[str, str], policy: dict[str, Any] | None = None) -> Any:
    import os

    values = {(POLICY_KEY, k): (v, "REG_DWORD") for k, v in (policy or {}).items()}
    return load_settings(
        {"AGENTDESK_HOME": os.environ["AGENTDESK_HOME"], **env},
        registry=lambda key, name: values.get((key, name)),
    )


def open_console(
    synced: Synced,
    store: Path,
    *,
    settings: Any = None,
    server_url: str | None = None,
    token: str | None = None,
    verifier: str | None = None,
    profile: str = "demo.agent",
) -> Any:
    from agentdesk.ui import i18n, theme
    from agentdesk.ui.app import Console, ensure_app

    ensure_app()
    i18n.install("en")
    theme.apply("light")
    if not store.exists():
        shutil.copy(synced.store, store)
    console = Console(
        store_path=store,
        server_url=server_url or synced.url,
        token=token or synced.token,
        agent=synced.agent,
        settings=settings,
        start_sync=False,
        profile=profile,
        unlock_verifier=verifier,
    )
    console.window.show()
    return console


@pytest.fixture
def consoles(qtbot: Any, home: Path) -> Iterator[list[Any]]:
    made: list[Any] = []
    yield made
    for console in made:
        console.close()


def open_first_ticket(qtbot: Any, window: Any) -> None:
    wait_queue(qtbot, window)
    qtbot.waitUntil(
        lambda: window.ticket is not None and window.customer.customer_id is not None, timeout=5000
    )


def unlock_with(qtbot: Any, controller: Any, password: str) -> None:
    controller.screen.password.setText(password)
    controller.screen.submit()
    qtbot.waitUntil(lambda: not controller.screen.busy, timeout=20000)


def test_idle_lock_hides_the_content_and_keeps_the_draft(
    qtbot: Any, synced: Synced, tmp_path: Path, consoles: list[Any]
) -> None:
    from agentdesk.ui.data import load_draft

    settings = settings_with({"AGENTDESK_IDLE_LOCK_MINUTES": "2"})
    console = open_console(synced, tmp_path / "store.sqlite3", settings=settings)
    consoles.append(console)
    window, controller = console.window, console.lock
    assert controller.watcher.seconds == pytest.approx(2 * MINUTE)
    controller.watcher.pause()  # until the ticket is open
    open_first_ticket(qtbot, window)
    window.composer.editor.setPlainText("Half-typed answer for the customer")
    assert window.customer.header.isVisible() and window.customer.header.text()
    controller.watcher.resume()  # the idle clock starts now
    qtbot.waitUntil(lambda: controller.locked, timeout=5000)
    assert controller.screen.isVisible() and controller.screen.name.text() == synced.agent["name"]
    for widget in (window.queue, window.conversation, window.composer, window.customer, window.side):
        assert not widget.isVisible()
    assert not window.customer.header.isVisible() and not window.statusBar().isVisible()
    assert not window.actions_by_id["search"].isEnabled() and not window.actions_by_id["palette"].isEnabled()
    ticket_id = window.composer.ticket_id
    qtbot.waitUntil(
        lambda: console.runner.call(lambda ws: _draft(ws, ticket_id, load_draft)) is not None, timeout=5000
    )
    assert console.runner.call(lambda ws: _draft(ws, ticket_id, load_draft))[1].startswith("Half-typed")
    unlock_with(qtbot, controller, "demo")
    assert not controller.locked
    assert window.customer.header.isVisible() and window.statusBar().isVisible()
    assert window.actions_by_id["search"].isEnabled()
    assert window.composer.editor.toPlainText() == "Half-typed answer for the customer"


def _draft(ws: Any, ticket_id: str, load_draft: Any) -> Any:
    with ws.store.connect() as conn:
        return load_draft(conn, ticket_id)


def test_wrong_password_is_refused_and_the_gateway_checks_the_right_one(
    qtbot: Any, synced: Synced, tmp_path: Path, consoles: list[Any]
) -> None:
    from agentdesk.ui.unlock import make_verifier

    # The verifier says "wrong" to the gateway's password: unlocking proves the gateway answered.
    console = open_console(synced, tmp_path / "store.sqlite3", verifier=make_verifier("offline-only"))
    consoles.append(console)
    window, controller = console.window, console.lock
    assert controller.watcher.seconds == pytest.approx(15 * MINUTE)  # no settings: the default
    window.actions_by_id["lock"].trigger()
    assert controller.locked and not window.queue.isVisible()
    unlock_with(qtbot, controller, "offline-only")
    assert controller.locked and controller.screen.error.text() == "The password is wrong."
    unlock_with(qtbot, controller, "demo")
    assert not controller.locked and window.queue.isVisible()


def test_offline_unlock_uses_the_verifier_and_the_lock_outlives_a_restart(
    qtbot: Any, synced: Synced, tmp_path: Path, consoles: list[Any], memory_keyring: MemoryKeyring
) -> None:
    from agentdesk.ui.unlock import FREE_TRIES, make_verifier

    store, offline = tmp_path / "store.sqlite3", unreachable_url()
    console = open_console(synced, store, server_url=offline, verifier=make_verifier("demo"))
    stored = secrets.get_secret("demo.agent", "unlock-verifier")
    assert stored and stored.startswith("scrypt$") and "demo" not in stored.split("$", 4)[-1]
    controller = console.lock
    controller.lock()
    unlock_with(qtbot, controller, "not-it")
    assert controller.locked and controller.screen.error.text() == "The password is wrong."
    console.close()  # the process ends while locked

    again = open_console(synced, store, server_url=offline)  # no sign-in: the keyring's verifier
    consoles.append(again)
    controller = again.lock
    assert controller.locked and not again.window.queue.isVisible()
    assert controller.failures == 1  # the count survived the restart
    unlock_with(qtbot, controller, "demo")
    assert not controller.locked and again.window.queue.isVisible()

    # Several wrong passwords in a row: the field is off for a while
    controller.lock()
    for _ in range(FREE_TRIES):
        unlock_with(qtbot, controller, "wrong")
    assert controller.locked and not controller.screen.password.isEnabled()
    assert "Try again in" in controller.screen.error.text()
    controller.screen.password.setText("demo")
    controller.screen.submit()  # refused without a check while waiting
    assert controller.locked


def test_offline_without_a_verifier_says_what_to_do(
    qtbot: Any, synced: Synced, tmp_path: Path, consoles: list[Any], memory_keyring: MemoryKeyring
) -> None:
    console = open_console(synced, tmp_path / "store.sqlite3", server_url=unreachable_url())
    consoles.append(console)
    console.lock.lock()
    assert console.lock.verifier is None and memory_keyring.values == {}
    unlock_with(qtbot, console.lock, "demo")
    assert console.lock.locked and "Connect to the network" in console.lock.screen.error.text()


def test_the_gateway_throttle_is_not_bypassed_by_the_offline_check(
    qtbot: Any, synced: Synced, tmp_path: Path, gateway_factory: Any
) -> None:
    from agentdesk.ui.unlock import check_password, make_verifier

    url = gateway_factory(login_failures_per_account=2)
    verifier = make_verifier("demo")
    assert check_password(url, "demo.agent", "wrong", verifier).outcome == "wrong"
    assert check_password(url, "demo.agent", "wrong", verifier).outcome == "wrong"
    throttled = check_password(url, "demo.agent", "demo", verifier)
    assert throttled.outcome == "throttled" and throttled.retry_after
    assert check_password(unreachable_url(), "demo.agent", "demo", verifier).outcome == "offline"


@pytest.mark.parametrize(
    ("env", "policy", "locks"),
    [
        ({"AGENTDESK_IDLE_LOCK_MINUTES": "0"}, {"IdleLockMinutes": 1}, True),
        ({}, {"IdleLockMinutes": 0}, False),
    ],
)
def test_policy_decides_the_idle_time(
    qtbot: Any, synced: Synced, tmp_path: Path, consoles: list[Any], env: Any, policy: Any, locks: bool
) -> None:
    settings = settings_with(env, policy)
    assert settings.effective["idle_lock_minutes"].source == "policy"
    console = open_console(synced, tmp_path / "store.sqlite3", settings=settings)
    consoles.append(console)
    qtbot.wait(int(3 * MINUTE * 1000))
    assert console.lock.locked is locks


def test_sign_out_warns_about_pending_changes_waits_for_sync_then_wipes_the_profile(
    qtbot: Any, synced: Synced, tmp_path: Path, home: Path, memory_keyring: MemoryKeyring
) -> None:
    import asyncio

    from agentdesk.config import app_paths
    from agentdesk.errors import SignedOut
    from agentdesk.sync.client.transport import GatewayClient
    from agentdesk.ui.widgets.lock_screen import SignOutDialog
    from agentdesk.ui.widgets.signin import sign_in_call

    token = str(sign_in_call(synced.url, "demo.agent", "demo")["token"])  # not the shared one
    profile = "demo.agent"
    store = app_paths().store_path(profile)
    store.parent.mkdir(parents=True)
    for name, value in (("token", token), ("store-key", "00" * 32), ("unlock-verifier", "scrypt$x")):
        secrets.set_secret(profile, name, value)
    console = open_console(synced, store, token=token)
    console.store.backup()  # a backup in the profile's backups folder
    window = console.window
    open_first_ticket(qtbot, window)
    ticket_id = window.composer.ticket_id
    change = {"add": ["lock-test"], "remove": []}
    console.runner.call(lambda ws: ws.enqueue("ticket.tag", ticket_id, change))
    assert console.replicator.status().pending == 1
    assert (store.parent / "backups").is_dir() and store.with_name(store.name + "-wal").exists()

    seen: list[str] = []

    def answer(button: str) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SignOutDialog):
            QTimer.singleShot(50, lambda: answer(button))
            return
        seen.append(dialog.pending_label.text())
        seen.append(dialog.sign_out.text())
        if button == "cancel":
            dialog.reject()
        else:
            console.replicator.start()  # the console was opened without sync; now it may push
            dialog.wait.click()

    QTimer.singleShot(50, lambda: answer("cancel"))
    window.sign_out()
    assert seen == ["Changes not yet on the server: 1. They are lost if you sign out now.", "Sign out anyway"]
    assert not console.signed_out and store.exists()

    console.lock.lock()  # from the lock screen this time, and waiting for the change to go out
    QTimer.singleShot(50, lambda: answer("wait"))
    console.lock.screen.sign_out.click()  # returns once the dialog accepted itself (nothing pending)
    assert console.replicator.status().pending == 0
    assert console.signed_out and not window.isVisible()
    console.close()  # what run_console does once the event loop ends

    leftovers = sorted(p.name for p in store.parent.parent.rglob("*")) if store.parent.parent.exists() else []
    assert not store.exists() and leftovers == []
    assert memory_keyring.values == {}

    async def changes() -> None:
        client = GatewayClient(synced.url, token)
        try:
            await client.changes(0, 1)
        finally:
            await client.aclose()

    with pytest.raises(SignedOut):
        asyncio.run(changes())


def test_lock_screen_in_chinese_and_after_a_language_change(
    qtbot: Any, synced: Synced, tmp_path: Path, consoles: list[Any]
) -> None:
    from agentdesk.ui import i18n
    from agentdesk.ui.unlock import make_verifier

    console = open_console(
        synced, tmp_path / "store.sqlite3", server_url=unreachable_url(), verifier=make_verifier("demo")
    )
    consoles.append(console)
    try:
        i18n.install("zh_CN")  # widgets get the language change through the event loop
        console.lock.lock()
        screen = console.lock.screen
        qtbot.waitUntil(lambda: screen.title.text() != "AgentDesk is locked", timeout=3000)
        assert screen.title.text() == "AgentDesk 已锁定" and screen.unlock.text() == "解锁(&U)"
        unlock_with(qtbot, console.lock, "wrong")
        assert screen.error.text() == "密码错误。"
        i18n.install("en")
        qtbot.waitUntil(lambda: screen.title.text() == "AgentDesk is locked", timeout=3000)
    finally:
        i18n.install("en")


def test_sign_out_goes_back_to_the_sign_in_dialog(
    qtbot: Any, synced: Synced, home: Path, memory_keyring: MemoryKeyring
) -> None:
    """run_console end to end: sign in, sign out, and the next sign-in dialog offers no login."""
    import time

    from agentdesk.config import app_paths
    from agentdesk.ui.app import run_console
    from agentdesk.ui.mainwindow import MainWindow
    from agentdesk.ui.widgets.lock_screen import SignOutDialog
    from agentdesk.ui.widgets.signin import SignInDialog

    store = app_paths().store_path("demo.agent")
    seen: dict[str, Any] = {}
    deadline = time.monotonic() + 120

    def step() -> None:
        if time.monotonic() > deadline:
            QApplication.exit(99)  # never hang the suite
            return
        modal = QApplication.activeModalWidget()
        if isinstance(modal, SignOutDialog):
            modal.sign_out.click()
        elif isinstance(modal, SignInDialog) and "signed_in" in seen:
            seen["second_login"] = modal.login.text()
            seen["store_left"] = store.exists()
            seen["secrets_left"] = dict(memory_keyring.values)
            modal.reject()  # the agent walks away
            return
        elif modal is None and "signed_in" not in seen:
            windows = [
                w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
            ]
            if windows and windows[0].queue.model.rowCount() > 0:
                seen["signed_in"] = store.exists() and secrets.get_secret("demo.agent", "unlock-verifier")
                QTimer.singleShot(0, windows[0].sign_out)
        QTimer.singleShot(100, step)

    QTimer.singleShot(100, step)
    code = run_console(synced.url, login="demo.agent", password="demo")
    assert code == 1  # the second sign-in was cancelled
    assert seen["signed_in"] and seen["second_login"] == ""
    assert seen["store_left"] is False and seen["secrets_left"] == {}


def test_input_postpones_the_lock(qtbot: Any, synced: Synced, tmp_path: Path, consoles: list[Any]) -> None:
    from agentdesk.ui.qt import Qt

    settings = settings_with({"AGENTDESK_IDLE_LOCK_MINUTES": "2"})  # 0.8 s
    console = open_console(synced, tmp_path / "store.sqlite3", settings=settings)
    consoles.append(console)
    window, controller = console.window, console.lock
    wait_queue(qtbot, window)
    controller.watcher.resume()
    for _ in range(8):  # 2.4 s of typing, a key every 0.3 s
        qtbot.keyClick(window.queue.table, Qt.Key.Key_Down)
        qtbot.wait(300)
        assert not controller.locked
    qtbot.waitUntil(lambda: controller.locked, timeout=3000)


def test_lock_cancels_an_open_dialog_and_hides_other_windows(
    qtbot: Any, synced: Synced, tmp_path: Path, consoles: list[Any]
) -> None:
    from agentdesk.ui.qt import QWidget
    from agentdesk.ui.widgets.dialogs import CheatSheet

    console = open_console(synced, tmp_path / "store.sqlite3")
    consoles.append(console)
    window, controller = console.window, console.lock
    panel = QWidget()  # another top-level window, as the supervisor panel is
    qtbot.addWidget(panel)
    panel.show()
    QTimer.singleShot(300, window.lock_console)
    window.show_cheat_sheet()  # modal: returns once the lock cancelled it
    assert controller.locked and not panel.isVisible()
    assert not any(isinstance(w, CheatSheet) and w.isVisible() for w in QApplication.topLevelWidgets())
    controller._unlocked()  # (the password check is covered above)
    assert panel.isVisible() and window.queue.isVisible()


def test_unlocking_online_after_the_token_expired_signs_in_again(
    qtbot: Any, synced: Synced, tmp_path: Path, consoles: list[Any], memory_keyring: MemoryKeyring
) -> None:
    console = open_console(synced, tmp_path / "store.sqlite3")
    consoles.append(console)
    controller, replicator = console.lock, console.replicator
    controller.lock()
    replicator.set_token(None)  # what a 401 from the gateway leads to
    qtbot.wait(600)  # the window hears of it, and asks nothing while locked
    assert QApplication.activeModalWidget() is None
    unlock_with(qtbot, controller, "demo")
    assert not controller.locked and replicator.status().state != "signed_out"
    token = secrets.get_secret("demo.agent", "token")
    assert token and token != synced.token and replicator._token == token


def test_signing_in_again_keeps_the_new_token_under_the_profile_not_the_login(
    qtbot: Any, synced: Synced, tmp_path: Path, consoles: list[Any], memory_keyring: MemoryKeyring
) -> None:
    from agentdesk.ui.widgets.signin import SignInDialog

    console = open_console(synced, tmp_path / "store.sqlite3", profile="dana")  # signed in as demo.agent
    consoles.append(console)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SignInDialog):
            QTimer.singleShot(50, answer)
            return
        dialog.password.setText("demo")
        dialog.submit()

    QTimer.singleShot(50, answer)
    console.replicator.set_token(None)  # what a 401 from the gateway leads to: the window asks again
    qtbot.waitUntil(lambda: secrets.get_secret("dana", "token") is not None, timeout=20000)
    token = secrets.get_secret("dana", "token")
    assert token != synced.token and console.replicator._token == token
    assert secrets.get_secret("demo.agent", "token") is None
