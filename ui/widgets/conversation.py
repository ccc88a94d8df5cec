"""The ticket in view: its header and the conversation, public replies and internal notes apart."""

from __future__ import annotations

import html

from agentdesk.ui import theme
from agentdesk.ui.data import TicketView, parse_time
from agentdesk.ui.i18n import Retranslatable
from agentdesk.ui.models.queue_model import status_label
from agentdesk.ui.qt import QLabel, Qt, QTextBrowser, QVBoxLayout, QWidget


class ConversationView(Retranslatable, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown: tuple[TicketView, bool] | None = None
        self._placeholder = ""
        self.title = QLabel()
        self.title.setObjectName("ticketTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.browser = QTextBrowser()
        self.browser.setObjectName("conversation")
        self.browser.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.browser, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setAccessibleName(self.tr("Ticket summary"))
        self.browser.setAccessibleName(self.tr("Conversation"))
        if self._shown is not None:
            scroll = self.browser.verticalScrollBar()
            at = scroll.value()
            self.show_ticket(*self._shown)
            scroll.setValue(at)
        elif self.title.text() == self._placeholder:
            self._placeholder = self.tr("No ticket open")
            self.title.setText(self._placeholder)

    def show_ticket(self, view: TicketView, pending: bool = False) -> None:
        self._shown = (view, pending)
        t = view.ticket
        e = html.escape
        tags = " ".join(f"<span style='color:#888'>#{e(str(x))}</span>" for x in t.get("tags") or ())
        color = theme.color(theme.PRIORITY_COLORS, str(t.get("priority"))).name()
        unsynced = e(self.tr("not yet synced"))
        flag = f" <span style='color:#888'>⟳ {unsynced}</span>" if pending else ""
        assignee = e(str(t.get("assignee_name") or self.tr("nobody")))
        assignee_label, department_label = e(self.tr("Assignee")), e(self.tr("Department"))
        colon = e(self.tr(": ", "between a label and its value"))
        department = e(department_name(t.get("department")))
        self.title.setText(
            f"<span style='font-size:13pt; font-weight:600'>#{t.get('number')} {e(str(t.get('subject', '')))}"
            f"</span><br><b style='color:{color}'>{e(str(t.get('priority', '')))}</b> · "
            f"{e(status_label(str(t.get('status_group') or t.get('status'))))} · "
            f"{assignee_label}{colon}{assignee} · {department_label}{colon}{department} {tags}{flag}"
        )
        dark = theme.is_dark()
        note_bg, reply_bg, cust_bg = (
            ("#3a3320", "#1f2d44", "#262a31") if dark else ("#fff4cc", "#e8f0fe", "#f1f3f5")
        )
        parts = []
        for m in view.messages:
            when = parse_time(m.get("created_at"))
            stamp = when.astimezone().strftime("%Y-%m-%d %H:%M") if when else ""
            who = e(str(m.get("author_name") or m.get("author_kind") or ""))
            body = e(str(m.get("body") or "")).replace("\n", "<br>")
            if not m.get("public"):
                label, bg = self.tr("Internal note — not visible to the customer"), note_bg
                border = "#d4a017"
            elif m.get("author_kind") == "customer":
                label, bg, border = self.tr("Customer"), cust_bg, "#9aa4b2"
            else:
                label, bg, border = self.tr("Public reply"), reply_bg, "#2563eb"
            parts.append(
                f"<table width='100%' cellpadding='8' style='margin-bottom:8px; background:{bg};"
                f" border-left:4px solid {border}'><tr><td>"
                f"<b>{who}</b> <span style='color:#888'>· {e(label)} · {e(stamp)}</span><br>{body}"
                f"</td></tr></table>"
            )
        empty = e(self.tr("No messages yet."))
        self.browser.setHtml("".join(parts) or f"<p>{empty}</p>")
        self.browser.verticalScrollBar().setValue(self.browser.verticalScrollBar().maximum())


def department_name(department: object) -> str:
    """The department's display name from the responsibility list, in the UI language."""
    if not department:
        return "—"
    from agentdesk.domain.responsibility import default_list
    from agentdesk.ui.qt import QLocale

    try:
        found = default_list().departments.get(str(department))
    except Exception:
        found = None
    lang = "zh" if QLocale().name().startswith("zh") else "en"
    return found.name_for(lang) if found else str(department)
