"""Starting the console: settings, language, theme, sign-in, local store, replicator, window.

``run_console`` is what ``agentdesk`` and ``agentdesk demo`` call. ``Console`` wires one signed-in
session together and is what tests and benches drive.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
from pathlib import Path
from typing import Any

# `import httpx` also imports its command-line client (rich, click, pygments: ~90 modules, a good
# part of a cold start's reads); the console never runs it. httpx falls back to a stub without it.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]

# The store (SQLAlchemy), the replicator (httpx) and the keyring before Qt: once PySide6 is loaded
# it reads the source of every module imported after it (looking for `from __feature__ import`),
# a cost paid again on each start (and on a cold start, a disk read per module).
import agentdesk.config.secrets  # noqa: E402
import agentdesk.config.settings  # noqa: E402
import agentdesk.store.queries  # noqa: E402
import agentdesk.sync.client  # noqa: E402,F401
from agentdesk.ui.qt import QApplication, QIcon, QObject, QTimer, Signal  # noqa: E402

log = logging.getLogger(__name__)


def _known_to_pyside() -> None:
    """Tell PySide6's import hook that the modules loaded so far need no source scan.

    The hook reads a module's source the first time it is imported (again) after Qt, to see
    whether it uses ``from __feature__ import``; the console never does. Pre-Qt modules (the
    standard library, SQLAlchemy, httpx…) are imported again from functions all through the
    start, each costing a disk read on a cold start. Unknown PySide internals: nothing is done.
    """
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if isinstance(table, dict):
        for name in list(sys.modules):
            table.setdefault(name, -1)  # -1: "ignore this module" (no feature switching)


_known_to_pyside()
_AGENT_KEY = "console_agent"


def ensure_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or [sys.argv[0]])
        app.setApplicationName("AgentDesk")
        app.setOrganizationName("AgentDesk")
        app.setDesktopFileName("agentdesk")
    icon = Path(__file__).resolve().parent.parent / "resources" / "icons" / "agentdesk.svg"
    from importlib import resources

    packaged = Path(str(resources.files("agentdesk.resources") / "icons" / "agentdesk.svg"))
    for candidate in (packaged, icon):
        if candidate.exists():
            app.setWindowIcon(QIcon(str(candidate)))
            break
    return app  # type: ignore[return-value]


def remembered_agent(store: Any) -> dict[str, Any] | None:
    with store.connect() as conn:
        row = conn.exec_driver_sql("SELECT value FROM sync_state WHERE key = ?", (_AGENT_KEY,)).first()
    if row is None:
        return None
    value = json.loads(row[0]) if isinstance(row[0], str) else row[0]
    return value if isinstance(value, dict) else None


def remember_agent(store: Any, agent: dict[str, Any]) -> None:
    with store.connect() as conn:
        conn.exec_driver_sql(
            "INSERT INTO sync_state (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (_AGENT_KEY, json.dumps(agent)),
        )


class Console:
    """One signed-in session: store + replicator + the store worker + the main window."""

    def __init__(
        self,
        *,
        store_path: Path,
        server_url: str,
        token: str | None,
        agent: dict[str, Any],
        key: bytes | None = None,
        settings: Any = None,
        language: str = "en",
        start_sync: bool = True,
        replicator: Any = None,
        profile: str | None = None,
        unlock_verifier: str | None = None,
    ) -> None:
        from agentdesk.store import Store
        from agentdesk.ui.mainwindow import MainWindow
        from agentdesk.ui.ops import StoreRunner, install_runner
        from agentdesk.ui.workspace import AgentInfo, Workspace

        # Header checks only: SQLite's quick_check reads the whole file (0.5 s for 60 MB from a cold
        # disk), so it runs once the first queue is on screen, before this session writes anything
        # of its own and before sync starts. A store about to be migrated is checked first, as ever.
        self.store = Store.open(
            store_path, key=key, integrity="auto" if _migrating(store_path, key) else "header"
        )
        self._remember = dict(agent) if agent else None  # written once the check passed
        if not agent:
            agent = remembered_agent(self.store) or {}
        self._sync_after_check = False
        if replicator is None:
            from agentdesk.sync.client import Replicator

            replicator = Replicator(store_path, server_url, token, key=key)
            if agent:
                replicator.set_agent(agent)
            self._sync_after_check = start_sync
        self.replicator = replicator
        self.failed: BaseException | None = None  # the store check after the first paint failed
        self._closing = threading.Lock()
        self._closed = False
        self._checks = _CheckResult()
        self._checks.damaged.connect(self._store_damaged)
        self._check_thread: threading.Thread | None = None
        info = AgentInfo.from_session(agent)
        lang = "zh" if language.startswith("zh") else "en"
        self.workspace = Workspace(self.store, replicator, info, lang)
        self.runner = StoreRunner(self.workspace)
        install_runner(self.runner)
        self.profile = profile or str(agent.get("login") or "default")
        self.window = MainWindow(info, replicator, settings, language, self.profile)
        self.window.first_queue_done.connect(self._after_first_queue)
        self._install_supervisor(server_url, token)
        from agentdesk.ui import lock

        self.server_url, self.token, self.signed_out = server_url, token, False
        self.lock = lock.install(self, settings, unlock_verifier)

    def _install_supervisor(self, server_url: str, token: str | None) -> None:
        """Team leads and admins get the supervisor panel's entry points (when this build has it)."""
        try:
            from agentdesk.ui.supervisor import hook
        except ImportError:
            return
        try:
            hook.install(self.window, server_url, token)
        except Exception:
            log.exception("the supervisor panel could not be added; the console works without it")

    def _after_first_queue(self) -> None:
        """The store's quick_check, then this session's first writes of its own (the remembered
        agent, then sync: TLS set-up ~0.1 s), off the UI thread."""
        if self._check_thread is None:
            self._check_thread = threading.Thread(
                target=self._check_then_sync, name="agentdesk-store-check", daemon=True
            )
            self._check_thread.start()

    def _check_then_sync(self) -> None:
        problems: list[str] = []
        try:
            problems = self.store.check("auto")  # the check Store.open would have made
        except Exception:
            log.warning("the local store could not be checked", exc_info=True)
        if problems:
            self._checks.damaged.emit(problems)
            return
        with self._closing:
            if self._closed:
                return
            if self._remember is not None:
                try:
                    remember_agent(self.store, self._remember)
                except Exception:
                    log.warning("the signed-in agent could not be remembered", exc_info=True)
            if self._sync_after_check:
                self.replicator.start()

    def _store_damaged(self, problems: list[str]) -> None:
        from agentdesk.store.store import corrupt
        from agentdesk.ui.errors import show_error

        self.failed = corrupt(self.store.path, problems)
        log.error("%s", self.failed)
        if self.window is not None and not self._closed:
            show_error(self.window, self.failed)
            self.window.close()

    def close(self) -> None:
        from agentdesk.ui.ops import install_runner

        with self._closing:
            self._closed = True  # no sync start from the store check after this
        if self._check_thread is not None:
            self._check_thread.join()  # it reads the store file, which sign-out may delete
        self.lock.stop()
        if self.window is not None:
            self.window.close()
        self.runner.shutdown()
        install_runner(None)
        try:
            self.replicator.stop()
        except Exception:
            log.warning("stopping the replicator failed", exc_info=True)
        self.store.close()
        if self.signed_out:
            from agentdesk.ui import signout

            signout.finish(self)  # revoke the token, delete the profile's data and secrets


def _migrating(path: Path, key: bytes | None) -> bool:
    """The store exists at an older schema revision (opening it will migrate it)."""
    from agentdesk.store import files, migrate

    if not path.exists() or not path.stat().st_size:
        return False
    return files.read_revision(path, key) not in (None, migrate.head_revision())


class _CheckResult(QObject):
    """Brings the store check's finding from its thread to the UI thread."""

    damaged = Signal(list)


def _sign_in(settings: Any, login: str, password: str | None, message: str = "") -> dict[str, Any] | None:
    from agentdesk.ui.widgets.signin import SignInDialog

    dialog = SignInDialog(settings["server_url"], settings.effective["server_url"].locked, login, message)
    if password:
        dialog.password.setText(password)
        QTimer.singleShot(0, dialog.submit)
    return dialog.session if dialog.exec() else None


def run_console(
    server_url: str | None = None,
    profile: str | None = None,
    login: str | None = None,
    password: str | None = None,
    demo_credentials: tuple[str, str] | None = None,
) -> int:
    """Open the console (blocks until the window closes); returns the exit code."""
    from agentdesk.config import load_settings, secrets
    from agentdesk.errors import AgentDeskError, SecretStoreError
    from agentdesk.profile import active_profile, store_key
    from agentdesk.ui import i18n, theme
    from agentdesk.ui.errors import show_error

    if demo_credentials:
        login, password = demo_credentials
    app = ensure_app()
    try:
        settings = load_settings()
    except AgentDeskError as exc:
        show_error(None, exc)
        return 2
    language = i18n.install(settings["language"])
    theme.apply(settings["theme"])
    if server_url and not settings.effective["server_url"].locked:
        settings.effective["server_url"] = type(settings.effective["server_url"])(server_url, "user", False)
    profile_name = active_profile(profile or login, settings)
    token: str | None = None
    session: dict[str, Any] | None = None
    if not password:
        try:
            token = secrets.get_secret(profile_name, "token")
        except SecretStoreError:
            token = None
    if not token:
        session = _sign_in(settings, login or (profile_name if profile_name != "default" else ""), password)
        if session is None:
            return 1
        token = str(session["token"])
        agent = session.get("agent") or {}
        profile_name = str(agent.get("login") or login or profile_name)
        try:
            secrets.set_secret(profile_name, "token", token)
        except SecretStoreError as exc:
            log.warning("token not remembered: %s", exc)
        try:
            settings.set("last_profile", profile_name)
            if not settings.effective["server_url"].locked and not server_url:
                settings.set("server_url", session["server_url"])
            settings.save()
        except (AgentDeskError, OSError):
            log.warning("could not save settings", exc_info=True)
    url = (session or {}).get("server_url") or settings["server_url"]
    try:
        paths = settings.paths
        console = Console(
            store_path=paths.store_path(profile_name),
            server_url=url,
            token=token,
            agent=(session or {}).get("agent") or {},
            key=store_key(profile_name),
            settings=settings,
            language=language,
            profile=profile_name,
            unlock_verifier=(session or {}).get("unlock_verifier"),
        )
    except AgentDeskError as exc:
        show_error(None, exc)
        return getattr(exc, "exit_code", 1)
    console.window.show()
    console.window.queue.focus_list()
    code = app.exec()
    console.close()
    if console.signed_out:
        return run_console(server_url)  # back to the sign-in dialog
    if console.failed is not None:
        return int(getattr(console.failed, "exit_code", 1))
    return int(code)
