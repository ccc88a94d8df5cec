"""The console's one screen: queue | ticket conversation + composer | customer 360 + suggestions."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from agentdesk.domain.enums import TicketStatus
from agentdesk.domain.responsibility import default_list
from agentdesk.domain.rules import allowed_transitions
from agentdesk.ui import actions as acts
from agentdesk.ui import data
from agentdesk.ui.bridge import ChangeBridge
from agentdesk.ui.errors import describe, show_error
from agentdesk.ui.i18n import Retranslatable
from agentdesk.ui.models.queue_model import PreparedRows
from agentdesk.ui.ops import StoreOp
from agentdesk.ui.qt import (
    QAction,
    QDialog,
    QKeySequence,
    QLabel,
    QMainWindow,
    QSplitter,
    QSystemTrayIcon,
    Qt,
    QTimer,
    Signal,
)
from agentdesk.ui.suggestions import Suggestion, collect, render_script, template_values, warm_up
from agentdesk.ui.widgets.composer import Composer
from agentdesk.ui.widgets.conversation import ConversationView
from agentdesk.ui.widgets.customer_panel import CustomerPanel
from agentdesk.ui.widgets.queue_panel import QueuePanel
from agentdesk.ui.widgets.side_panel import SidePanel
from agentdesk.ui.widgets.status_indicator import StatusIndicator
from agentdesk.ui.workspace import AgentInfo

log = logging.getLogger(__name__)


def run_modal(dialog: QDialog) -> int:
    """``exec()`` a dialog parented to the window, then free it: otherwise every palette, search
    or prompt opened stays alive as a child of the window for the rest of the session."""
    try:
        return int(dialog.exec())
    finally:
        dialog.deleteLater()


@dataclass(frozen=True)
class Command:
    id: str
    text: str
    shortcuts: tuple[str, ...]
    run: Callable[[], None]


class MainWindow(Retranslatable, QMainWindow):
    p1_notified = Signal(str)  # ticket id, whenever the new-P1 desktop notification is raised
    # Once, when the first queue load came back (shown or failed) and the event loop has painted:
    # work the first paint does not need starts here (Console: the store check, then sync).
    first_queue_done = Signal()

    def __init__(
        self,
        agent: AgentInfo,
        replicator: Any = None,
        settings: Any = None,
        lang: str = "en",
        profile: str | None = None,
    ) -> None:
        super().__init__()
        self.agent = agent
        # The keyring's entries are the profile's: it is the login only for a profile first signed in here.
        self.profile = profile or agent.login or "default"
        self.replicator = replicator
        self.settings = settings
        self.lang = lang
        self.setObjectName("mainWindow")
        self.ticket: data.TicketView | None = None
        self._my_p1: set[str] | None = None  # my open P1s at the last queue load (None: no baseline yet)
        self._synced_before: bool | None = None  # the store had synced before this session
        self._closed = False
        self._last_state: str | None = None
        self._signing_in = False
        self.lock_controller: Any = None  # ui/lock.py installs it
        self._warmed = False
        # The first queue query runs on the store worker while the window (and the console around
        # it) is set up; its rows arrive through the event loop, once the queue panel exists.
        self._load_queue(QueuePanel.DEFAULT_VIEW)
        self._build()
        self._suggest_for: data.TicketView | None = None
        self.commands = self._commands()
        self._install_shortcuts()
        self._retranslate_chrome()
        self.bridge = ChangeBridge(replicator, self)
        self.bridge.changed.connect(self._on_changes)
        self._reload_timer = QTimer(self, singleShot=True, interval=250)
        self._reload_timer.timeout.connect(self.reload_queue)
        self._ticket_timer = QTimer(self, singleShot=True, interval=250)
        self._ticket_timer.timeout.connect(self.reload_ticket)
        self._suggest_timer = QTimer(self, singleShot=True, interval=300)
        self._suggest_timer.timeout.connect(self._start_suggestions)
        self.tray = QSystemTrayIcon(self.windowIcon(), self)
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.show()
        self._restore_layout()
        self.refresh_status()

    # ---- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.queue = QueuePanel(self.agent, self)
        self.queue.ticket_chosen.connect(self.open_ticket)
        self.queue.view_changed.connect(lambda _v: self.reload_queue())
        self.conversation = ConversationView(self)
        self.composer = Composer(self)
        self.composer.send_requested.connect(self.send_message)
        self.customer = CustomerPanel(self)
        self.customer.ticket_activated.connect(self.open_ticket)
        self.side = SidePanel(self)
        self.side.insert_requested.connect(self.insert_suggestion)

        self.center = QSplitter(Qt.Orientation.Vertical)
        self.center.setObjectName("centerSplitter")
        self.center.addWidget(self.conversation)
        self.center.addWidget(self.composer)
        self.center.setSizes([560, 240])
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.setObjectName("rightSplitter")
        self.right.addWidget(self.customer)
        self.right.addWidget(self.side)
        self.right.setSizes([560, 240])
        self.main = QSplitter(Qt.Orientation.Horizontal)
        self.main.setObjectName("mainSplitter")
        self.main.addWidget(self.queue)
        self.main.addWidget(self.center)
        self.main.addWidget(self.right)
        self.main.setSizes([560, 560, 440])
        for s in (self.main, self.center, self.right):
            s.setChildrenCollapsible(False)
        self.setCentralWidget(self.main)

        self.indicator = StatusIndicator(self)
        self.indicator.clicked.connect(self.show_rejected)
        self.who = QLabel()
        self.hints = QLabel()
        self.drift = QLabel("")
        self.drift.setObjectName("errorLabel")
        bar = self.statusBar()
        bar.addWidget(self.indicator)
        bar.addWidget(self.drift)
        bar.addPermanentWidget(self.hints)
        bar.addPermanentWidget(self.who)
        self.resize(1560, 940)

    def _restore_layout(self) -> None:
        window = getattr(self.settings, "window", None) or {}
        for splitter in (self.main, self.center, self.right):
            sizes = window.get(splitter.objectName())
            if (
                isinstance(sizes, list)
                and len(sizes) == splitter.count()
                and all(isinstance(x, int) for x in sizes)
            ):
                splitter.setSizes(sizes)
        geometry = window.get("geometry")
        if isinstance(geometry, list) and len(geometry) == 4:
            self.setGeometry(*geometry)

    def save_layout(self) -> None:
        if self.settings is None:
            return
        for splitter in (self.main, self.center, self.right):
            self.settings.window[splitter.objectName()] = splitter.sizes()
        g = self.geometry()
        self.settings.window["geometry"] = [g.x(), g.y(), g.width(), g.height()]
        try:
            self.settings.save()
        except OSError:
            log.warning("could not save the window layout", exc_info=True)

    def closeEvent(self, event: Any) -> None:
        self.composer.save_now()
        self.save_layout()
        self.bridge.close()
        # Changes already queued by the bridge still arrive: they must not start a reload on a
        # closed window (its replicator's store may be gone, e.g. after signing out).
        if not self._closed:  # a window may be closed twice (sign-out, then the console)
            self._closed = True
            self.bridge.changed.disconnect(self._on_changes)
        for timer in (self._reload_timer, self._ticket_timer, self._suggest_timer):
            timer.stop()
        super().closeEvent(event)

    # ---- language ------------------------------------------------------------------------

    def _retranslate_chrome(self) -> None:
        self.setWindowTitle(self.tr("AgentDesk — %1").replace("%1", self.agent.name))
        self.who.setText(self.tr("Signed in as %1").replace("%1", self.agent.name))
        self.hints.setText(self.tr("F1 shortcuts · Ctrl+K commands"))

    def retranslate(self) -> None:
        """On a language change: the window's own texts and the commands' names (child widgets
        retranslate themselves; commands added by others keep theirs)."""
        self._retranslate_chrome()
        fresh = {cmd.id: cmd for cmd in self._commands()}
        self.commands[:] = [fresh.get(cmd.id, cmd) for cmd in self.commands]
        for command_id, action in self.actions_by_id.items():
            if command_id in fresh:
                action.setText(fresh[command_id].text)
        self.refresh_status()

    def apply_language(self, language: str) -> str:
        """Switch the console to ``language`` now ("system" allowed); returns the one chosen."""
        from agentdesk.ui import i18n

        chosen = i18n.install(language)  # Qt sends every widget a LanguageChange
        self.lang = chosen
        content = i18n.content_lang(chosen)
        # scripts and articles in the new language too, once the worker has switched
        StoreOp(self, lambda ws: setattr(ws, "lang", content)).success(
            lambda _r: self.ticket is not None and self._load_suggestions(self.ticket)
        ).run()
        return chosen

    # ---- commands and shortcuts -------------------------------------------------------------

    def _commands(self) -> list[Command]:
        c = Command
        cmds = [
            c("palette", self.tr("Command palette"), ("Ctrl+K", "Ctrl+Shift+K"), self.show_palette),
            c("search", self.tr("Search customers and tickets"), ("Ctrl+E",), self.show_search),
            c("help", self.tr("Keyboard shortcuts"), ("F1",), self.show_cheat_sheet),
            c("view_mine", self.tr("Queue: my tickets"), ("Alt+1",), lambda: self.queue.set_view("mine")),
            c("view_team", self.tr("Queue: my team"), ("Alt+2",), lambda: self.queue.set_view("team")),
            c("view_all", self.tr("Queue: all open"), ("Alt+3",), lambda: self.queue.set_view("all")),
            c("focus_queue", self.tr("Go to the queue"), ("Ctrl+L",), self.queue.focus_list),
            c("filter_queue", self.tr("Filter the queue"), ("Ctrl+Shift+F",), self.queue.focus_filter),
            c(
                "focus_timeline",
                self.tr("Go to the customer timeline"),
                ("Ctrl+Shift+H",),
                lambda: self.customer.timeline.setFocus(),
            ),
            c("reply", self.tr("Write a reply"), ("Ctrl+R",), lambda: self.compose("reply")),
            c("note", self.tr("Write an internal note"), ("Ctrl+Shift+N",), lambda: self.compose("note")),
            c("send", self.tr("Send"), ("Ctrl+Return", "Ctrl+Enter"), self.composer.submit),
            c("status", self.tr("Change status…"), ("Ctrl+Shift+S",), self.change_status),
            c("priority", self.tr("Change priority…"), ("Ctrl+Shift+P",), self.change_priority),
            c("assign_me", self.tr("Assign to me"), ("Ctrl+Shift+A",), self.assign_to_me),
            c("assign", self.tr("Assign to…"), ("Ctrl+Shift+G",), self.assign_to),
            c("tag", self.tr("Edit tags…"), ("Ctrl+Shift+T",), self.edit_tags),
            c("transfer", self.tr("Transfer to department…"), ("Ctrl+Shift+X",), self.transfer),
            c(
                "approval",
                self.tr("Request refund or compensation…"),
                ("Ctrl+Shift+M",),
                self.request_approval,
            ),
            c("sync", self.tr("Sync now"), ("F5",), self.sync_now),
            c("rejected", self.tr("Show rejected changes"), ("Ctrl+Shift+E",), self.show_rejected),
            c("settings", self.tr("Settings…"), ("Ctrl+,",), self.show_settings),
            c("lock", self.tr("Lock the console"), ("Ctrl+Shift+L",), self.lock_console),
            c("sign_out", self.tr("Sign out…"), (), self.sign_out),
        ]
        for n in range(1, 6):
            cmds.append(
                c(
                    f"insert_{n}",
                    self.tr("Insert suggestion %1").replace("%1", str(n)),
                    (f"Ctrl+{n}",),
                    lambda n=n: self.insert_suggestion(self.side.suggestion(n)),
                )
            )
        return cmds

    def _install_shortcuts(self) -> None:
        self.actions_by_id: dict[str, QAction] = {}
        for cmd in self.commands:
            action = QAction(cmd.text, self)
            action.setShortcuts([QKeySequence(s) for s in cmd.shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(cmd.run)
            self.addAction(action)
            self.actions_by_id[cmd.id] = action

    def show_palette(self) -> None:
        from agentdesk.ui.widgets.palette import Picker  # dialogs load when first opened

        def source(text: str, done: Callable[[list[tuple[str, Any]]], None]) -> None:
            words = text.lower().split()
            done(
                [
                    (f"{cmd.text}    {' / '.join(cmd.shortcuts)}", cmd)
                    for cmd in self.commands
                    if cmd.id != "palette" and all(w in cmd.text.lower() for w in words)
                ]
            )

        picker = Picker(self.tr("Command palette"), self.tr("Type a command…"), source, self)
        if run_modal(picker) == QDialog.DialogCode.Accepted and picker.chosen is not None:
            QTimer.singleShot(0, picker.chosen.run)

    def show_search(self) -> None:
        from agentdesk.ui.widgets.palette import Picker

        def source(text: str, done: Callable[[list[tuple[str, Any]]], None]) -> None:
            if not text.strip():
                done([])
                return

            def find(ws: Any) -> list[data.SearchHit]:
                with ws.store.connect() as conn:
                    return data.search(conn, text)

            def show(hits: list[data.SearchHit]) -> None:
                kinds = {"customer": self.tr("Customer"), "ticket": self.tr("Ticket")}
                done([(f"[{kinds[h.kind]}] {h.title}  {h.detail}", h) for h in hits])

            StoreOp(self, find).success(show).run()

        picker = Picker(
            self.tr("Search"),
            self.tr("Phone, name, email, customer ID, ticket number or text"),
            source,
            self,
            delay_ms=150,
        )
        if run_modal(picker) == QDialog.DialogCode.Accepted and picker.chosen is not None:
            hit: data.SearchHit = picker.chosen
            if hit.kind == "ticket":
                self.open_ticket(hit.id)
            else:
                self.open_customer(hit.id)

    def show_cheat_sheet(self) -> None:
        from agentdesk.ui.widgets.dialogs import CheatSheet

        rows = [(" / ".join(c.shortcuts), c.text) for c in self.commands if c.shortcuts]
        rows.append(("Enter", self.tr("Open the selected ticket / insert the selected suggestion")))
        run_modal(CheatSheet(rows, self))

    def lock_console(self) -> None:
        if self.lock_controller is not None:
            self.lock_controller.lock()

    def sign_out(self) -> None:
        if self.lock_controller is not None:
            self.lock_controller.request_sign_out()

    def show_settings(self) -> None:
        from agentdesk.ui.widgets.dialogs import SettingsDialog

        if self.settings is None:
            return
        dialog = SettingsDialog(self.settings, self)
        if run_modal(dialog) != QDialog.DialogCode.Accepted:
            return
        from agentdesk.ui import theme

        before = self.settings["language"]
        try:
            for name, combo in (("language", dialog.language), ("theme", dialog.theme)):
                if not self.settings.effective[name].locked:
                    self.settings.set(name, combo.currentData())
            self.settings.save()
        except Exception as exc:
            show_error(self, exc)
            return
        theme.apply(self.settings["theme"])
        if self.settings["language"] != before:
            self.apply_language(self.settings["language"])

    # ---- queue, ticket, customer -----------------------------------------------------------

    def reload_queue(self) -> None:
        self._load_queue(self.queue.view)

    def _load_queue(self, view: Any) -> None:
        from agentdesk.ui.models.queue_model import preparer

        agent, replicator = self.agent, self.replicator
        # SLA clocks, sort keys and the sort run with the query, on the worker: the UI thread only
        # applies the differences (a first load of 5,000 rows there stalled it 75-200 ms).
        prepare = preparer(self.queue.model if hasattr(self, "queue") else None)

        def load(ws: Any) -> tuple[PreparedRows, frozenset[str], set[str], str | None, bool]:
            from agentdesk.sync.client.storeio import snapshot_pending

            with ws.store.connect() as conn:
                rows = data.load_queue(conn, view, agent.id, agent.team_ids)
                mine = data.my_open_p1(conn, agent.id)
                last_draft = data.last_draft_ticket(conn)
                synced = not snapshot_pending(conn)
            pending = replicator.pending_ids("ticket") if replicator is not None else frozenset()
            return prepare(rows), pending, mine, last_draft, synced

        StoreOp(self, load).success(self._show_queue).failure(self._queue_failed).run(lane="queue")

    def _queue_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self._after_first_queue()

    def _after_first_queue(self) -> None:
        if not self._warmed:
            self._warmed = True
            QTimer.singleShot(0, self._start_background)  # after the paint the new rows asked for

    def _start_background(self) -> None:
        if self._closed:
            return
        # Language analysers and scripts load off both the UI thread and the store worker (they
        # need no store): their imports and dictionaries would hold the GIL at start.
        threading.Thread(target=warm_up, name="agentdesk-warm-up", daemon=True).start()
        self.first_queue_done.emit()

    def _show_queue(self, result: tuple[PreparedRows, frozenset[str], set[str], str | None, bool]) -> None:
        prepared, pending, my_p1, last_draft, synced = result
        first = self._synced_before is None
        if first:
            self._synced_before = synced
        self.queue.show_rows(prepared, pending)
        self._after_first_queue()
        if first and self.ticket is None:
            if last_draft:
                self.open_ticket(last_draft)  # back where the agent was typing before a crash or restart
            elif prepared.rows:
                self.queue.focus_list()  # the most urgent ticket, ready to work on
        if self._my_p1 is not None:
            for new in sorted(my_p1 - self._my_p1):
                self.tray.showMessage(
                    self.tr("New P1 ticket assigned to you"),
                    self.tr("Open the queue to respond within 5 minutes."),
                    QSystemTrayIcon.MessageIcon.Warning,
                    10000,
                )
                self.p1_notified.emit(new)
                break  # one message per pull, however many arrived
        status = self.replicator.status() if self.replicator is not None else None
        if self._my_p1 is not None or self._synced_before or getattr(status, "last_sync_at", None):
            self._my_p1 = my_p1  # not while a first snapshot arrives: what it brings is not new

    def open_ticket(self, ticket_id: str | None) -> None:
        if not ticket_id:
            return
        self.composer.open_ticket(ticket_id)
        self._load_ticket(ticket_id, with_customer=True)

    def reload_ticket(self) -> None:
        if self.ticket is not None:
            self._load_ticket(self.ticket.ticket["id"], with_customer=False)

    def _load_ticket(self, ticket_id: str, *, with_customer: bool) -> None:
        replicator = self.replicator

        def load(ws: Any) -> tuple[data.TicketView | None, Any, bool]:
            with ws.store.connect() as conn:
                view = data.load_ticket(conn, ticket_id)
                c360 = data.customer_360(conn, view.ticket["customer_id"]) if view and with_customer else None
            pending = ticket_id in replicator.pending_ids("ticket") if replicator is not None else False
            return view, c360, pending

        StoreOp(self, load).success(lambda r: self._show_ticket(ticket_id, *r)).run()

    def _show_ticket(self, ticket_id: str, view: data.TicketView | None, c360: Any, pending: bool) -> None:
        if self.composer.ticket_id != ticket_id:
            return  # the agent moved on
        if view is None:
            self.conversation.title.setText(self.tr("This ticket is no longer available to you."))
            return
        first = self.ticket is None or self.ticket.ticket["id"] != ticket_id
        self.ticket = view
        self.conversation.show_ticket(view, pending)
        if c360 is not None:
            self.customer.show_customer(c360)
        if first:
            self._load_suggestions(view)

    def open_customer(self, customer_id: str) -> None:
        def load(ws: Any) -> Any:
            with ws.store.connect() as conn:
                return data.customer_360(conn, customer_id)

        StoreOp(self, load).success(lambda c: c and self.customer.show_customer(c)).run()

    def _load_suggestions(self, view: data.TicketView) -> None:
        """Suggestions for the ticket in view, once the agent stays on it (arrowing through the queue
        starts none); a request overtaken by another ticket is skipped on the worker."""
        self.side.show_suggestions([])
        self._suggest_for = view
        self._suggest_timer.start()

    def _start_suggestions(self) -> None:
        view = self._suggest_for
        if view is None:
            return
        ticket_id = view.ticket["id"]

        def still_wanted() -> bool:
            return self._suggest_for is view

        def run(ws: Any) -> list[Suggestion] | None:
            return collect(ws, view) if still_wanted() else None

        StoreOp(self, run).success(
            lambda items: (
                items is not None
                and self.ticket is not None
                and self.ticket.ticket["id"] == ticket_id
                and self.side.show_suggestions(items)
            )
        ).run(lane="slow")

    # ---- composer --------------------------------------------------------------------------

    def compose(self, mode: str) -> None:
        if self.ticket is None:
            self.statusBar().showMessage(self.tr("Open a ticket first"), 4000)
            return
        self.composer.set_mode(mode)
        self.composer.editor.setFocus()

    def send_message(self, mode: str, body: str) -> None:
        ticket_id = self.composer.ticket_id  # the ticket the text was typed for
        if ticket_id is None:
            return
        StoreOp(self, lambda ws: acts.send_message(ws, ticket_id, mode, body)).success(
            lambda _m: self._after_send(ticket_id)
        ).failure(lambda exc: self.composer.status.setText(describe(exc))).run()

    def _after_send(self, ticket_id: str) -> None:
        if self.composer.ticket_id == ticket_id:
            self.composer.sent()
        self.reload_ticket()
        self.refresh_status()

    def insert_suggestion(self, suggestion: Suggestion | None) -> None:
        if suggestion is None or self.ticket is None:
            return
        if suggestion.kind == "article":
            self.composer.insert_text(suggestion.body)
            return
        values = template_values(self.ticket, self.agent.name)
        self._render_script(suggestion.ref, values)

    def _render_script(self, scenario_id: str, values: dict[str, Any]) -> None:
        from agentdesk.ui.widgets.dialogs import VariablesDialog

        def done(result: tuple[str | None, list[Any]]) -> None:
            text, missing = result
            if text is not None:
                self.composer.insert_text(text)
                return
            dialog = VariablesDialog(missing, self.lang_code, self)
            if run_modal(dialog) == QDialog.DialogCode.Accepted:
                more = dialog.values()
                if all(v.name in more for v in missing):
                    self._render_script(scenario_id, {**values, **more})
                else:
                    self.statusBar().showMessage(
                        self.tr("The template needs every value; nothing was inserted."), 5000
                    )

        StoreOp(self, lambda ws: render_script(ws, scenario_id, values)).success(done).run()

    @property
    def lang_code(self) -> str:
        return "zh" if self.lang.startswith("zh") else "en"

    # ---- ticket actions --------------------------------------------------------------------

    def _mutate(self, kind: str, payload: dict[str, Any], done: str) -> None:
        if self.ticket is None:
            self.statusBar().showMessage(self.tr("Open a ticket first"), 4000)
            return
        ticket_id = self.ticket.ticket["id"]
        StoreOp(self, lambda ws: acts.ticket_mutation(ws, kind, ticket_id, payload)).success(
            lambda _m: (self.statusBar().showMessage(done, 5000), self.reload_ticket(), self.refresh_status())
        ).run()

    def _pick(self, title: str, items: list[tuple[str, Any]]) -> Any:
        from agentdesk.ui.widgets.palette import Picker

        def source(text: str, done: Callable[[list[tuple[str, Any]]], None]) -> None:
            done([i for i in items if text.lower() in i[0].lower()])

        picker = Picker(title, self.tr("Type to filter…"), source, self)
        picker.resize(420, 300)
        return picker.chosen if run_modal(picker) == QDialog.DialogCode.Accepted else None

    def change_status(self) -> None:
        if self.ticket is None:
            return self.compose("reply")
        from agentdesk.ui.models.queue_model import status_label

        current = TicketStatus(self.ticket.ticket.get("status_group") or "open")
        choices = [
            (status_label(s.value), s.value) for s in TicketStatus if s in allowed_transitions(current)
        ]
        chosen = self._pick(self.tr("Set status"), choices)
        if chosen:
            self._mutate("ticket.set_status", {"status": chosen}, self.tr("Status change queued"))
        return None

    def change_priority(self) -> None:
        if self.ticket is None:
            return self.compose("reply")
        chosen = self._pick(self.tr("Set priority"), [("P1", "P1"), ("P2", "P2"), ("P3", "P3")])
        if chosen:
            self._mutate("ticket.set_priority", {"priority": chosen}, self.tr("Priority change queued"))
        return None

    def assign_to_me(self) -> None:
        if self.agent.id:
            self._mutate("ticket.assign", {"agent_id": self.agent.id}, self.tr("Assigned to you"))

    def assign_to(self) -> None:
        if self.ticket is None:
            return self.compose("reply")

        def load(ws: Any) -> list[tuple[str, str]]:
            with ws.store.connect() as conn:
                return data.agents(conn)

        def pick(agents: list[tuple[str, str]]) -> None:
            chosen = self._pick(self.tr("Assign to"), [(name, agent_id) for agent_id, name in agents])
            if chosen:
                self._mutate("ticket.assign", {"agent_id": chosen}, self.tr("Assignment queued"))

        StoreOp(self, load).success(pick).run()
        return None

    def edit_tags(self) -> None:
        from agentdesk.ui.widgets.dialogs import TagDialog

        if self.ticket is None:
            return self.compose("reply")
        dialog = TagDialog(list(self.ticket.ticket.get("tags") or []), self)
        if run_modal(dialog) == QDialog.DialogCode.Accepted:
            payload = dialog.payload()
            if payload["add"] or payload["remove"]:
                self._mutate("ticket.tag", payload, self.tr("Tag change queued"))
        return None

    def transfer(self) -> None:
        from agentdesk.ui.widgets.dialogs import TransferDialog

        if self.ticket is None:
            return self.compose("reply")
        try:
            departments = default_list()
        except Exception as exc:
            show_error(self, exc)
            return None
        dialog = TransferDialog(departments, self.ticket.ticket.get("category"), self.lang_code, self)
        if run_modal(dialog) == QDialog.DialogCode.Accepted:
            self._mutate("ticket.transfer", dialog.payload(), self.tr("Transfer queued"))
        return None

    def request_approval(self) -> None:
        from agentdesk.ui.widgets.dialogs import ApprovalDialog

        if self.ticket is None:
            return self.compose("reply")
        dialog = ApprovalDialog(self)
        if run_modal(dialog) == QDialog.DialogCode.Accepted:
            ticket_id, payload = self.ticket.ticket["id"], dialog.payload()
            StoreOp(self, lambda ws: acts.request_approval(ws, ticket_id, payload)).success(
                lambda _m: (
                    self.statusBar().showMessage(self.tr("Approval request queued for your team lead"), 5000),
                    self.refresh_status(),
                )
            ).run()
        return None

    # ---- sync ------------------------------------------------------------------------------

    def _on_changes(self, changes: Any) -> None:
        if getattr(changes, "status", False) or getattr(changes, "outbox", False):
            self.refresh_status()
        entities = getattr(changes, "entities", {})
        if "ticket" in entities or "customer" in entities:
            self._reload_timer.start()
        if self.ticket is not None and (
            self.ticket.ticket["id"] in changes.ids("ticket") or "message" in entities
        ):
            self._ticket_timer.start()

    def refresh_status(self) -> None:
        status = self.replicator.status() if self.replicator is not None else None
        self.indicator.update_status(status)
        if status is not None and getattr(status, "clock_offset", None) is not None:
            self.queue.model.clock_offset = float(status.clock_offset)
        state = getattr(status, "state", None)
        if state == "signed_out" and self._last_state not in (None, "signed_out"):
            QTimer.singleShot(0, self.sign_in_again)  # the token expired or was revoked
        self._last_state = state
        drift = bool(getattr(status, "clock_drift_warning", False))
        self.drift.setText(
            self.tr("This computer's clock is off; SLA times use the server's clock.") if drift else ""
        )

    def sign_in_again(self) -> None:
        """The server no longer accepts our token: ask again; the outbox keeps everything meanwhile."""
        from agentdesk.ui.widgets.signin import SignInDialog

        if self.replicator is None or self._signing_in or getattr(self.lock_controller, "locked", False):
            return  # locked: unlocking online takes a new token
        self._signing_in = True
        try:
            dialog = SignInDialog(
                self.replicator.server_url,
                True,
                self.agent.login,
                self.tr("Your sign-in has expired. Sign in again to send your queued work."),
                self,
            )
            if dialog.exec() and dialog.session:
                token = str(dialog.session["token"])
                self.replicator.set_token(token)
                if self.lock_controller is not None and dialog.session.get("unlock_verifier"):
                    self.lock_controller.set_verifier(dialog.session["unlock_verifier"])
                from agentdesk.config import secrets

                secrets.remember_later(self.profile, "token", token)  # a keyring may take seconds
        finally:
            self._signing_in = False

    def sync_now(self) -> None:
        if self.replicator is not None:
            self.replicator.sync_now()
            self.statusBar().showMessage(self.tr("Syncing…"), 2000)

    def show_rejected(self) -> None:
        from agentdesk.ui.widgets.status_indicator import RejectedDialog

        status = self.replicator.status() if self.replicator is not None else None
        dialog = RejectedDialog(tuple(getattr(status, "rejected", ()) or ()), self)
        dialog.retry.connect(lambda m: self._outbox_call("retry", m))
        dialog.discard.connect(lambda m: self._outbox_call("discard", m))
        run_modal(dialog)

    def _outbox_call(self, what: str, mutation_id: str) -> None:
        replicator = self.replicator
        StoreOp(self, lambda ws: getattr(replicator, what)(mutation_id)).success(
            lambda _r: self.refresh_status()
        ).run()
