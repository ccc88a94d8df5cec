"""Light and dark themes: Fusion with a palette, plus a small style sheet; follows the OS."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from agentdesk.ui.qt import QApplication, QColor, QGuiApplication, QPalette, QStyleFactory, Qt

_current = {"dark": False}


def themes_dir() -> Path:
    return Path(str(resources.files("agentdesk.resources") / "themes"))


def is_dark() -> bool:
    return _current["dark"]


def _system_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def _palette(dark: bool) -> QPalette:
    p = QPalette()
    if dark:
        colors = {
            QPalette.ColorRole.Window: "#1e2127",
            QPalette.ColorRole.WindowText: "#e6e6e6",
            QPalette.ColorRole.Base: "#16181d",
            QPalette.ColorRole.AlternateBase: "#1f232a",
            QPalette.ColorRole.Text: "#e6e6e6",
            QPalette.ColorRole.Button: "#2a2e36",
            QPalette.ColorRole.ButtonText: "#e6e6e6",
            QPalette.ColorRole.Highlight: "#2f6fdb",
            QPalette.ColorRole.HighlightedText: "#ffffff",
            QPalette.ColorRole.ToolTipBase: "#2a2e36",
            QPalette.ColorRole.ToolTipText: "#e6e6e6",
            QPalette.ColorRole.PlaceholderText: "#8a909a",
            QPalette.ColorRole.Link: "#6ea8ff",
            QPalette.ColorRole.Mid: "#3a3f48",
        }
    else:
        colors = {
            QPalette.ColorRole.Window: "#f3f4f6",
            QPalette.ColorRole.WindowText: "#1d2330",
            QPalette.ColorRole.Base: "#ffffff",
            QPalette.ColorRole.AlternateBase: "#f7f8fa",
            QPalette.ColorRole.Text: "#1d2330",
            QPalette.ColorRole.Button: "#ffffff",
            QPalette.ColorRole.ButtonText: "#1d2330",
            QPalette.ColorRole.Highlight: "#2563eb",
            QPalette.ColorRole.HighlightedText: "#ffffff",
            QPalette.ColorRole.ToolTipBase: "#ffffff",
            QPalette.ColorRole.ToolTipText: "#1d2330",
            QPalette.ColorRole.PlaceholderText: "#7b8494",
            QPalette.ColorRole.Link: "#1d4ed8",
            QPalette.ColorRole.Mid: "#d5d9e0",
        }
    for role, color in colors.items():
        p.setColor(role, QColor(color))
    return p


def apply(theme: str) -> None:
    """``theme`` is "light", "dark" or "system" (follows the OS, also when it changes later)."""
    app = QApplication.instance()
    dark = _system_dark() if theme == "system" else theme == "dark"
    _current["dark"] = dark
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(_palette(dark))
    sheet = themes_dir() / ("dark.qss" if dark else "light.qss")
    app.setStyleSheet(sheet.read_text(encoding="utf-8") if sheet.exists() else "")
    if theme == "system" and not app.property("agentdesk_theme_hooked"):
        app.setProperty("agentdesk_theme_hooked", True)
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _s: apply("system"))


# Colours that read on both themes: (light, dark)
SLA_COLORS = {
    "breached": ("#c62828", "#ff6b6b"),
    "warning": ("#b45309", "#fbbf24"),
    "ok": ("#1f7a3a", "#5fd38a"),
    "paused": ("#6b7280", "#9ca3af"),
}
PRIORITY_COLORS = {"P1": ("#c62828", "#ff6b6b"), "P2": ("#b45309", "#fbbf24"), "P3": ("#2563eb", "#6ea8ff")}


def color(table: dict[str, tuple[str, str]], key: str) -> QColor:
    pair = table.get(key)
    return QColor(pair[1] if _current["dark"] else pair[0]) if pair else QColor()
