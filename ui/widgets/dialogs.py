"""Small dialogs: transfer, approval request, tags, template variables, cheat sheet, settings."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agentdesk.domain.enums import APPROVAL_LIMITS, ApprovalKind
from agentdesk.domain.responsibility import ResponsibilityList
from agentdesk.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class TransferDialog(QDialog):
    def __init__(
        self, departments: ResponsibilityList, category: str | None, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Transfer to department"))
        self.department = QComboBox()
        self.department.setAccessibleName(self.tr("Department"))
        responsible = departments.department_for(category)
        for dept in departments.ordered_for(category):
            suffix = self.tr(" (responsible for this issue type)") if dept is responsible else ""
            self.department.addItem(dept.name_for(lang) + suffix, dept.id)
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("Handoff note"))
        self.note.setPlaceholderText(
            self.tr("What the next team needs to know (the conversation goes along)")
        )
        form = QFormLayout(self)
        form.addRow(self.tr("&Department:"), self.department)
        form.addRow(self.tr("Handoff &note:"), self.note)
        form.addRow(_buttons(self))

    def payload(self) -> dict[str, Any]:
        return {"department": self.department.currentData(), "note": self.note.toPlainText().strip() or None}


class ApprovalDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Request refund or compensation"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Refund"), ApprovalKind.REFUND.value)
        self.kind.addItem(self.tr("Compensation"), ApprovalKind.COMPENSATION.value)
        self.kind.setAccessibleName(self.tr("Kind"))
        self.amount = QDoubleSpinBox()
        self.amount.setRange(0, 10_000_000)
        self.amount.setDecimals(2)
        self.amount.setAccessibleName(self.tr("Amount"))
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.limit = QLabel()
        self.limit.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.kind.currentIndexChanged.connect(self._update)
        self.amount.valueChanged.connect(self._update)
        form = QFormLayout(self)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Amount:"), self.amount)
        form.addRow("", self.limit)
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow(self.error)
        form.addRow(_buttons(self))
        self._update()

    def _update(self) -> None:
        kind = ApprovalKind(self.kind.currentData())
        limit = APPROVAL_LIMITS[kind]
        text = self.tr("Your team lead approves up to %1 in one step; above that it is escalated.")
        if Decimal(str(self.amount.value())) > limit:
            text = self.tr("Above the one-step limit of %1: the request will be escalated.")
        self.limit.setText(text.replace("%1", f"{limit:,.0f}"))

    def accept(self) -> None:
        if self.amount.value() <= 0:
            self.error.setText(self.tr("The amount must be greater than 0."))
            self.amount.setFocus()
            return
        if not self.reason.toPlainText().strip():
            self.error.setText(self.tr("Please give a reason."))
            self.reason.setFocus()
            return
        super().accept()

    def payload(self) -> dict[str, Any]:
        return {
            "kind": self.kind.currentData(),
            "amount": f"{self.amount.value():.2f}",
            "reason": self.reason.toPlainText().strip(),
        }


class TagDialog(QDialog):
    def __init__(self, current: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tags"))
        self.current = current
        self.edit = QLineEdit(", ".join(current))
        self.edit.setAccessibleName(self.tr("Tags, separated by commas"))
        form = QFormLayout(self)
        form.addRow(self.tr("&Tags (comma separated):"), self.edit)
        form.addRow(_buttons(self))

    def payload(self) -> dict[str, Any]:
        wanted = [t.strip() for t in self.edit.text().replace("，", ",").split(",") if t.strip()]
        return {
            "add": [t for t in wanted if t not in self.current],
            "remove": [t for t in self.current if t not in wanted],
        }


class VariablesDialog(QDialog):
    """Asks for the template variables the ticket and customer could not fill."""

    def __init__(self, variables: list[Any], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fill in the template"))
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("These values are not known from the ticket:")))
        for var in variables:
            edit = QLineEdit()
            edit.setAccessibleName(var.label_for(lang))
            self.edits[var.name] = edit
            form.addRow(var.label_for(lang) + ":", edit)
        form.addRow(_buttons(self))

    def values(self) -> dict[str, str]:
        return {name: edit.text().strip() for name, edit in self.edits.items() if edit.text().strip()}


class CheatSheet(QDialog):
    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        view = QTextBrowser()
        view.setAccessibleName(self.tr("Keyboard shortcuts"))
        body = "".join(
            f"<tr><td style='padding:2px 16px 2px 0'><b>{k}</b></td><td>{t}</td></tr>" for k, t in rows
        )
        view.setHtml(f"<table>{body}</table>")
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.resize(520, 560)


class SettingsDialog(QDialog):
    def __init__(self, settings: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        for code, label in (
            ("system", self.tr("Same as the system")),
            ("en", "English"),
            ("zh_CN", "简体中文"),
        ):
            self.language.addItem(label, code)
        self.theme = QComboBox()
        for code, label in (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme.addItem(label, code)
        for combo, name in ((self.language, "language"), (self.theme, "theme")):
            combo.setCurrentIndex(max(0, combo.findData(settings[name])))
            if settings.effective[name].locked:
                combo.setEnabled(False)
                combo.setToolTip(self.tr("Set by your organisation's policy"))
        self.language.setAccessibleName(self.tr("Language"))
        self.theme.setAccessibleName(self.tr("Theme"))
        form = QFormLayout(self)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("&Theme:"), self.theme)
        form.addRow(QLabel(self.tr("A new language applies at once.")))
        form.addRow(_buttons(self))
