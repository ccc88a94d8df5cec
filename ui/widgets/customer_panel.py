"""The customer 360: header (name, tier/VIP, verified, tags, health and churn risk, masked
contact points), open tickets and the merged timeline across channels."""

from __future__ import annotations

import html
from typing import Any

from agentdesk.store.queries import Customer360
from agentdesk.ui.i18n import Retranslatable
from agentdesk.ui.models.simple import PairListModel
from agentdesk.ui.models.timeline_model import TimelineModel, channel_label
from agentdesk.ui.qt import QAbstractItemView, QLabel, QListView, Qt, QVBoxLayout, QWidget, Signal


class CustomerPanel(Retranslatable, QWidget):
    ticket_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerPanel")
        self._shown: Customer360 | None = None
        self.header = QLabel()
        self.header.setObjectName("customerHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.tickets_model = PairListModel(self)
        self.tickets = QListView()
        self.tickets.setModel(self.tickets_model)
        self.tickets.setMaximumHeight(96)
        self.tickets.activated.connect(
            lambda i: self.ticket_activated.emit(self.tickets_model.payload(i.row()))
        )
        self.timeline_model = TimelineModel(self)
        self.timeline = QListView()
        self.timeline.setObjectName("timeline")
        self.timeline.setModel(self.timeline_model)
        self.timeline.setUniformItemSizes(True)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.header)
        self.tickets_label = QLabel()
        self.tickets_label.setObjectName("sectionLabel")
        layout.addWidget(self.tickets_label)
        layout.addWidget(self.tickets)
        self.timeline_label = QLabel()
        self.timeline_label.setObjectName("sectionLabel")
        layout.addWidget(self.timeline_label)
        layout.addWidget(self.timeline, 1)
        self.customer_id: str | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.header.setAccessibleName(self.tr("Customer summary"))
        self.tickets.setAccessibleName(self.tr("Open tickets of this customer"))
        self.timeline.setAccessibleName(self.tr("Interaction timeline"))
        self.timeline_label.setText(self.tr("Timeline (all channels)"))
        c360 = self._shown
        if c360 is None:
            self.header.setText(self.tr("Open a ticket or search (Ctrl+E) to see a customer."))
            self.tickets_label.setText(self.tr("Open tickets"))
            return
        self.header.setText(self._header_html(c360.customer, c360.organization))
        self.tickets_label.setText(self.tr("Open tickets (%n)", "", len(c360.open_tickets)))
        rows = self.timeline_model.rowCount()
        if rows:  # channel names are worded in the model's data()
            self.timeline_model.dataChanged.emit(
                self.timeline_model.index(0), self.timeline_model.index(rows - 1)
            )

    def show_customer(self, c360: Customer360) -> None:
        self._shown = c360
        self.customer_id = c360.customer_id
        self.header.setText(self._header_html(c360.customer, c360.organization))
        self.tickets_model.set_items(
            [
                (f"{t.get('priority', '')}  #{t.get('number', '')}  {t.get('subject', '')}", t["id"])
                for t in c360.open_tickets
            ]
        )
        self.tickets_label.setText(self.tr("Open tickets (%n)", "", len(c360.open_tickets)))
        self.timeline_model.reset(c360.customer_id, c360.interactions, c360.has_more_interactions)
        self.timeline.scrollToTop()

    def _header_html(self, c: dict[str, Any], org: dict[str, Any] | None) -> str:
        e = html.escape

        def badge(text: str, fg: str, bg: str) -> str:
            return (
                f"<span style='color:{fg}; background-color:{bg}; font-weight:600'>"
                f"&nbsp;{e(text)}&nbsp;</span>"
            )

        badges = []
        tier = str(c.get("tier") or "standard")
        if tier.upper() == "VIP":
            badges.append(badge("★ " + self.tr("VIP"), "#ffffff", "#b7791f"))
        else:
            badges.append(badge(tier_label(tier), "#ffffff", "#64748b"))
        if c.get("verified"):
            badges.append(badge("✔ " + self.tr("Verified"), "#ffffff", "#2f8f4e"))
        else:
            badges.append(badge(self.tr("Not verified"), "#ffffff", "#c2410c"))
        for tag in c.get("tags") or ():
            badges.append(badge(tag_label(str(tag)), "#1e3a8a", "#dbeafe"))
        health = c.get("health_score")
        risk = str(c.get("churn_risk") or "")
        risk_text = {"low": self.tr("low"), "medium": self.tr("medium"), "high": self.tr("high")}.get(
            risk, risk
        )
        risk_color = {"high": "#d14343", "medium": "#c27c0e", "low": "#2f8f4e"}.get(risk, "#888")
        colon = e(self.tr(": ", "between a label and its value"))
        contacts = []
        for key, label in (("phone", self.tr("Phone")), ("email", self.tr("Email"))):
            if c.get(key):
                contacts.append(f"{e(label)}{colon}{e(str(c[key]))}")
        for item in c.get("contacts") or ():
            if isinstance(item, dict) and item.get("handle"):
                channel = channel_label(str(item.get("channel", "")))
                entry = f"{e(channel)}{colon}{e(str(item['handle']))}"
                if entry not in contacts:
                    contacts.append(entry)
        org_text = f" · {e(str(org.get('name')))}" if org and org.get("name") else ""
        health_text = e(str(health if health is not None else "—"))
        complaints = int(c.get("complaints_90d") or 0)
        health_label, risk_label = e(self.tr("Health")), e(self.tr("Churn risk"))
        complaints_label = e(self.tr("Complaints (90 days)"))
        muted = "font-size:10pt; font-weight:400; color:#888"
        return (
            f"<div style='font-size:15pt; font-weight:600'>{e(str(c.get('name', '')))}"
            f"<span style='{muted}'>{org_text} · {e(str(c.get('id', '')))}"
            f"</span></div>"
            f"<div>{' '.join(badges)}</div>"
            f"<div>{health_label}{colon}<b>{health_text}</b>"
            f" &nbsp;·&nbsp; {risk_label}{colon}<b style='color:{risk_color}'>"
            f"{e(risk_text or '—')}</b>"
            f" &nbsp;·&nbsp; {complaints_label}{colon}<b>{complaints}</b></div>"
            f"<div style='color:#888'>{' &nbsp;·&nbsp; '.join(contacts)}</div>"
        )


def tag_label(tag: str) -> str:
    from agentdesk.ui.qt import QCoreApplication

    labels = {
        "high value enterprise": QCoreApplication.translate("tag", "High-value enterprise"),
        "price sensitive": QCoreApplication.translate("tag", "Price-sensitive"),
        "frequent complainer": QCoreApplication.translate("tag", "Frequent complainer"),
    }
    return labels.get(tag.lower().replace("-", " ").replace("_", " "), tag)


def tier_label(tier: str) -> str:
    from agentdesk.ui.qt import QCoreApplication

    return {
        "standard": QCoreApplication.translate("tier", "Standard"),
        "gold": QCoreApplication.translate("tier", "Gold"),
        "enterprise": QCoreApplication.translate("tier", "Enterprise"),
    }.get(tier, tier)
