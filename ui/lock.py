"""The idle lock: after ``idle_lock_minutes`` without keyboard or mouse input (0 = never) the main
window's content gives way to the lock screen, other windows are hidden and open dialogs
cancelled, and every shortcut is off until the agent's password is checked (``ui/unlock.py``).

Sync keeps running and the composer's text stays in its (hidden) editor and in the saved draft.
"""

from __future__ import annotations

import contextlib
import logging
import math
import threading
import time
from concurrent.futures import Future
from typing import Any

from agentdesk.ui import unlock
from agentdesk.ui.errors import describe
from agentdesk.ui.ops import StoreOp
from agentdesk.ui.qt import (
    QApplication,
    QCoreApplication,
    QDialog,
    QEvent,
    QObject,
    QStackedWidget,
    Qt,
    QTimer,
    QWidget,
    Signal,
)
from agentdesk.ui.widgets.lock_screen import LockScreen, SignOutDialog

log = logging.getLogger(__name__)

SECONDS_PER_MINUTE = 60.0  # the setting is in whole minutes; tests shrink the minute
_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    """``idle`` once ``seconds`` pass with no input to any window of the application.

    An application-wide event filter notes the time of each input event; one single-shot timer
    re-arms itself for the time left, so input costs a clock read, not a timer restart."""

    idle = Signal()

    def __init__(self, seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seconds = seconds
        self.last_input = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)
        self._app = QCoreApplication.instance()
        self._app.installEventFilter(self)
        self.resume()

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self.last_input = time.monotonic()
        return False

    def resume(self) -> None:
        self.last_input = time.monotonic()
        if self.seconds > 0:
            self._timer.start(max(1, math.ceil(self.seconds * 1000)))

    def pause(self) -> None:
        self._timer.stop()

    def stop(self) -> None:
        self._timer.stop()
        self._app.removeEventFilter(self)

    def _check(self) -> None:
        left = self.last_input + self.seconds - time.monotonic()
        if left > 0.001:
            self._timer.start(max(1, math.ceil(left * 1000)))
        else:
            self.idle.emit()


class _Result(QObject):
    done = Signal(object, object)  # Unlock | None, error | None


class _Read(QObject):
    done = Signal(object)  # the keyring read of the verifier (a done Future), to the UI thread


def _read_value(read: Future[str | None]) -> str | None:
    """The verifier of a keyring read, waited for (off the UI thread); None when it failed."""
    try:
        return read.result()
    except Exception:
        log.warning("the unlock verifier could not be read from the keyring", exc_info=True)
        return None


class LockController(QObject):
    locked_changed = Signal(bool)
    sign_out_confirmed = Signal()

    def __init__(
        self,
        window: Any,
        *,
        profile: str,
        idle_seconds: float,
        verifier: str | None,
        state: unlock.LockState,
        verifier_read: Future[str | None] | None = None,
    ) -> None:
        """``verifier_read``: the keyring's verifier, still being read on the keyring worker (it
        sets ``verifier`` when done; an unlock meanwhile waits for it on its own thread)."""
        super().__init__(window)
        self.window = window
        self.replicator = window.replicator
        self.profile = profile
        self.verifier = verifier
        self._verifier_read = verifier_read
        if verifier_read is not None:
            self._read = _Read(self)
            self._read.done.connect(self._verifier_read_done, Qt.ConnectionType.QueuedConnection)
            verifier_read.add_done_callback(self._emit_read)
        self.locked = False
        self.failures = state.failures
        self.blocked_until = state.blocked_until
        self._hidden: list[QWidget] = []
        self._disabled: list[Any] = []
        self.screen = LockScreen(window.agent.name)
        self.screen.unlock_requested.connect(self.try_unlock)
        self.screen.sign_out_requested.connect(self.request_sign_out)
        # The content and the lock screen share one stack: a hidden page paints nothing.
        self.content = window.takeCentralWidget()
        self.stack = QStackedWidget()
        self.stack.setObjectName("lockStack")
        self.stack.addWidget(self.content)
        self.stack.addWidget(self.screen)
        window.setCentralWidget(self.stack)
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._show_wait)
        self._result = _Result(self)
        self._result.done.connect(self._checked, Qt.ConnectionType.QueuedConnection)
        self.watcher = IdleWatcher(idle_seconds, self)
        self.watcher.idle.connect(self.lock)
        if state.locked:
            self.lock()

    # ---- locking -----------------------------------------------------------------------------

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        self.watcher.pause()
        self.window.composer.save_now()
        self._close_other_windows()
        self.stack.setCurrentWidget(self.screen)
        self.window.statusBar().hide()
        self._disabled = [a for a in self.window.actions() if a.isEnabled()]
        for action in self._disabled:
            action.setEnabled(False)
        self.screen.reset()
        self._save_state()
        self._show_wait()
        self.screen.password.setFocus()
        self.locked_changed.emit(True)

    def _close_other_windows(self) -> None:
        """Cancel modal dialogs (their event loops would keep the lock screen from getting input)
        and hide every other window (the supervisor panel) until the console is unlocked."""
        for _ in range(32):
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()
        for _ in range(32):
            modal = QApplication.activeModalWidget()
            if modal is None or modal is self.window:
                break
            if isinstance(modal, QDialog):
                modal.reject()
            else:
                modal.hide()
        self._hidden = []
        for widget in QApplication.topLevelWidgets():
            if widget is self.window or not widget.isVisible():
                continue
            widget.hide()
            if widget.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog):
                self._hidden.append(widget)

    def _unlocked(self) -> None:
        self.locked = False
        self.failures = 0
        self.blocked_until = 0.0
        self._countdown.stop()
        self.screen.reset()
        self.stack.setCurrentWidget(self.content)
        self.window.statusBar().show()
        for action in self._disabled:
            action.setEnabled(True)
        self._disabled = []
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self._save_state()
        self.watcher.resume()
        self.window.activateWindow()
        if self.window.composer.ticket_id is None:
            self.window.queue.focus_list()
        else:
            self.window.composer.editor.setFocus()
        self.locked_changed.emit(False)
        status = self.replicator.status() if self.replicator is not None else None
        if getattr(status, "state", None) == "signed_out":
            QTimer.singleShot(0, self.window.sign_in_again)  # unlocked offline, the token expired

    def _save_state(self) -> None:
        state = unlock.LockState(self.locked, self.failures, self.blocked_until)
        StoreOp(self.window, lambda ws: unlock.save_lock_state(ws.store, state)).failure(
            lambda exc: log.warning("the lock state was not saved: %s", exc)
        ).run()

    # ---- unlocking ---------------------------------------------------------------------------

    def _wait_left(self) -> int:
        return max(0, math.ceil(self.blocked_until - time.time()))

    def _show_wait(self) -> None:
        left = self._wait_left()
        if left > 0:
            self.screen.set_waiting(left)
            self._countdown.start()
        elif self._countdown.isActive():
            self._countdown.stop()
            self.screen.set_waiting(0)

    def try_unlock(self, password: str) -> None:
        if not self.locked or self._wait_left() > 0:
            return
        self.screen.set_busy(True)
        server_url = getattr(self.replicator, "server_url", "") or ""
        login, verifier, result = self.window.agent.login or self.profile, self.verifier, self._result
        read = self._verifier_read

        def work() -> None:
            try:
                known = verifier if read is None else _read_value(read)  # a slow keyring: wait here
                result.done.emit(unlock.check_password(server_url, login, password, known), None)
            except Exception as exc:
                result.done.emit(None, exc)

        threading.Thread(target=work, name="agentdesk-unlock", daemon=True).start()

    def _checked(self, result: unlock.Unlock | None, error: BaseException | None) -> None:
        self.screen.set_busy(False)
        self.screen.password.setFocus()
        if error is not None or result is None:
            self.screen.error.setText(describe(error or RuntimeError()))
            return
        if result.outcome in ("online", "offline"):
            if result.verifier:
                self.set_verifier(result.verifier)
            if result.session:
                self._use_or_revoke(str(result.session["token"]))
            self._unlocked()
            return
        self.screen.password.selectAll()
        if result.outcome == "throttled":
            self.blocked_until = time.time() + (result.retry_after or unlock.WAIT_BASE_SECONDS)
        elif result.outcome == "unverifiable":
            self.screen.error.setText(
                self.tr(
                    "The server cannot be reached, and this computer has no record to check your password against. Connect to the network to unlock, or sign out."  # noqa: E501
                )
            )
            return
        else:
            self.failures += 1
            self.blocked_until = time.time() + unlock.wait_after(self.failures)
            self.screen.error.setText(self.tr("The password is wrong."))
        self._save_state()
        self._show_wait()

    def _emit_read(self, read: Future[str | None]) -> None:
        with contextlib.suppress(RuntimeError):  # RuntimeError: the console closed meanwhile
            self._read.done.emit(read)  # from the keyring worker: queued to the UI thread

    def _verifier_read_done(self, read: Future[str | None]) -> None:
        if read is self._verifier_read:  # not overtaken by a verifier from a sign-in
            self._verifier_read = None
            self.verifier = _read_value(read)

    def set_verifier(self, verifier: str) -> None:
        from agentdesk.config import secrets

        self.verifier, self._verifier_read = verifier, None
        secrets.remember_later(self.profile, unlock.VERIFIER_SECRET, verifier)

    def _use_or_revoke(self, token: str) -> None:
        """The online check signed in once more: a signed-out replicator takes the new token,
        otherwise it is revoked at once (the session in use stays as it is)."""
        status = self.replicator.status() if self.replicator is not None else None
        if getattr(status, "state", None) == "signed_out":
            from agentdesk.config import secrets

            self.replicator.set_token(token)
            secrets.remember_later(self.profile, "token", token)
            return
        from agentdesk.ui.signout import revoke_token

        url = self.replicator.server_url
        threading.Thread(target=revoke_token, args=(url, token), name="agentdesk-revoke", daemon=True).start()

    # ---- signing out -------------------------------------------------------------------------

    def request_sign_out(self) -> None:
        dialog = SignOutDialog(self.replicator, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.sign_out_confirmed.emit()

    def stop(self) -> None:
        self.watcher.stop()
        self._countdown.stop()


def idle_seconds(settings: Any) -> float:
    from agentdesk.config.settings import SETTINGS

    minutes = settings["idle_lock_minutes"] if settings is not None else SETTINGS["idle_lock_minutes"].default
    return float(minutes) * SECONDS_PER_MINUTE


def install(console: Any, settings: Any, verifier: str | None) -> LockController:
    """Add the idle lock to ``console.window``. ``verifier`` comes with a sign-in made just now
    (which also clears a lock left from before); without one the keyring's is used. The keyring is
    written and read on its worker (a D-Bus keyring or a keychain prompt can take seconds)."""
    from agentdesk.config import secrets

    state = unlock.load_lock_state(console.store)
    read: Future[str | None] | None = None
    if verifier:
        state = unlock.LockState()
        unlock.save_lock_state(console.store, state)
        secrets.remember_later(console.profile, unlock.VERIFIER_SECRET, verifier)
    else:
        read = secrets.read_later(console.profile, unlock.VERIFIER_SECRET)
    controller = LockController(
        console.window,
        profile=console.profile,
        idle_seconds=idle_seconds(settings),
        verifier=verifier,
        state=state,
        verifier_read=read,
    )
    controller.sign_out_confirmed.connect(lambda: sign_out(console))
    console.window.lock_controller = controller
    return controller


def sign_out(console: Any) -> None:
    """Close every window; ``Console.close`` (after the event loop ends) revokes and wipes."""
    console.signed_out = True
    console.lock.stop()
    for widget in QApplication.topLevelWidgets():
        if widget is not console.window and widget.isVisible():
            widget.close()
    console.window.close()
