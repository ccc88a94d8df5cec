"""Every text a user sees (or a screen reader says) in a window, and a check for English left in a
translated one.

``visible_texts(root)`` walks ``root`` and its child widgets: labels, buttons, actions, tab texts,
window titles, placeholders, tool tips, accessible names, combo box items, spin box affixes, chart
titles and series, and the header and cell texts of every item view's model (``headerData`` and
``data``). ``untranslated(texts)`` returns the ones that are a source string of our catalogue whose
Chinese translation differs — "SLA", "P1", "VIP" or "AgentDesk" stay as they are in Chinese too, so
they never count — or that read as English words in the window's chrome (not in data).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from agentdesk.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QModelIndex,
    QPlainTextEdit,
    Qt,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "agentdesk_zh_CN.ts"
MAX_ROWS = 60  # model rows looked at per view (data, not chrome: only exact source strings count)
# English that stays in the Chinese console: product and method names, key names, units of data
ALLOWED_WORDS = {"AgentDesk", "Erlang", "Ctrl", "Shift", "Enter", "Alt", "F1", "F5", "SLA", "NPS", "ID"}
_ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[ '-]+[A-Za-z]{2,})+")
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Seen:
    where: str  # object name or class, and what kind of text
    text: str
    chrome: bool  # True: the window's own wording; False: data shown in it (cells, rich labels)


def _plain(text: str) -> str:
    return html.unescape(_TAG.sub(" ", text.replace("<br>", "\n"))).replace("\xa0", " ")


def _strip_mnemonic(text: str) -> str:
    return re.sub(r"&(?!&)", "", text)


@cache
def _catalogue() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(source, pattern matching it with its %1 / %n filled in) for each string Chinese changes."""
    out = []
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        node = message.find("translation")
        if node is None:
            continue
        forms = [f.text or "" for f in node.iter("numerusform")] or [node.text or ""]
        if not source.strip() or all(f == source for f in forms):
            continue
        plain = _strip_mnemonic(source).strip()
        pattern = re.escape(plain)
        pattern = re.sub(r"%(?:\\?[0-9n])", ".+?", pattern)
        out.append((source, re.compile(pattern)))
    return tuple(out)


def untranslated(texts: list[Seen], data_values: tuple[str, ...] = ()) -> list[Seen]:
    """``data_values``: data that may appear inside chrome (the agent's name in the title)."""
    return [seen for seen in texts if _is_english(seen, data_values)]


def _is_english(seen: Seen, data_values: tuple[str, ...]) -> bool:
    text = _strip_mnemonic(seen.text)
    for value in data_values:
        text = text.replace(value, " ")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not seen.chrome:
        # data around our words (a cell, "Assignee: …", "… · Public reply · …"): look for the
        # sources without placeholders, which would match any data
        return any(
            re.search(rf"(?<![A-Za-z]){re.escape(source)}(?![A-Za-z])", line)
            and (line == source or len(source.split()) >= 2)
            for line in lines
            for source in _fixed_sources()
        )
    if any(p.fullmatch(line) for line in lines for _s, p in _catalogue()):
        return True
    return any(
        not set(re.split(r"[ '-]+", run)) <= ALLOWED_WORDS
        for line in lines
        for run in _ENGLISH_RUN.findall(line)
    )


@cache
def _fixed_sources() -> tuple[str, ...]:
    return tuple(_strip_mnemonic(s).strip() for s, _p in _catalogue() if "%" not in s and len(s.strip()) > 2)


def visible_texts(root: QWidget, data: frozenset[str] = frozenset()) -> list[Seen]:
    """``data``: object names of labels that show data (a breadcrumb of team names)."""
    out: list[Seen] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = w.objectName() or type(w).__name__
        if w.isWindow():
            out.append(Seen(f"{name}.windowTitle", w.windowTitle(), True))
        out.append(Seen(f"{name}.toolTip", w.toolTip(), True))
        out.append(Seen(f"{name}.accessibleName", w.accessibleName(), True))
        for action in w.actions():
            out.append(Seen(f"{name}.action", action.text(), True))
            out.append(Seen(f"{name}.action.toolTip", action.toolTip(), True))
        if isinstance(w, QLabel):
            rich = w.textFormat() == Qt.TextFormat.RichText or "<" in w.text()
            out.append(Seen(f"{name}.text", _plain(w.text()), not rich and name not in data))
        if hasattr(w, "text") and not isinstance(w, QLabel | QLineEdit | QComboBox):
            text = w.text()
            if isinstance(text, str):
                out.append(Seen(f"{name}.text", text, True))
        if isinstance(w, QLineEdit | QPlainTextEdit):
            out.append(Seen(f"{name}.placeholder", w.placeholderText(), True))
        if isinstance(w, QTextBrowser):
            out.append(Seen(f"{name}.document", w.toPlainText(), False))
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                out.append(Seen(f"{name}.item", w.itemText(i), True))
        if hasattr(w, "suffix") and hasattr(w, "prefix"):
            out.append(Seen(f"{name}.suffix", w.suffix(), True))
            out.append(Seen(f"{name}.prefix", w.prefix(), True))
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                out.append(Seen(f"{name}.tab", w.tabText(i), True))
                out.append(Seen(f"{name}.tabToolTip", w.tabToolTip(i), True))
        if hasattr(w, "chart") and callable(w.chart):
            chart = w.chart()
            out.append(Seen(f"{name}.chart.title", chart.title(), False))
            for series in chart.series():
                out.append(Seen(f"{name}.chart.series", series.name(), True))
                for bar_set in getattr(series, "barSets", list)():
                    out.append(Seen(f"{name}.chart.bars", bar_set.label(), True))
        if isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView) and w.model() is not None:
            out.extend(_model_texts(name, w))
    return [s for s in out if s.text]


def _model_texts(name: str, view: QAbstractItemView) -> list[Seen]:
    model = view.model()
    out = []
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # QAbstractListModel keeps columnCount private: one column
        columns = 1
    for column in range(columns):
        header = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if isinstance(header, str):
            out.append(Seen(f"{name}.header", header, True))
        for row in range(min(model.rowCount(QModelIndex()), MAX_ROWS)):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(model.index(row, column), role)
                if isinstance(value, str):
                    out.append(Seen(f"{name}.cell", value, False))
    return out
