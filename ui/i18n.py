"""Translations: the console's .qm (resources/translations) plus Qt's own, chosen from settings.

Switching language at run time: ``install`` swaps the translators and Qt posts
``QEvent.LanguageChange`` to every window, which passes it on to each child widget. A widget that
shows translated text derives from ``Retranslatable`` and sets all its texts in ``retranslate()``,
called from its ``__init__`` and again on each language change, so nothing is rebuilt and no
state (typed text, selection, scroll position, work in flight) is lost.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from agentdesk.ui.qt import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator, QWidget

LANGUAGES = ("en", "zh_CN")
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return Path(str(resources.files("agentdesk.resources") / "translations"))


def resolve(language: str) -> str:
    """``system`` -> the OS language if we have it, else English."""
    if language in LANGUAGES:
        return language
    name = QLocale.system().name()
    return "zh_CN" if name.startswith("zh") else "en"


def install(language: str) -> str:
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    chosen = resolve(language)
    QLocale.setDefault(QLocale(chosen))
    if chosen == "en":
        return chosen
    ours = QTranslator(app)
    if ours.load(f"agentdesk_{chosen}", str(translations_dir())):
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{chosen}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return chosen


class Retranslatable:
    """Mixin for QWidget subclasses (list it first): ``retranslate()`` on every language change."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: Any) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]


def retranslate_tab_bar(tabs: Any) -> None:
    """QTabBar names its scroll buttons once, when made; rename them after a language change."""
    names = {"ScrollLeftButton": "Scroll Left", "ScrollRightButton": "Scroll Right"}
    for button in tabs.tabBar().findChildren(QWidget):
        if button.objectName() in names:
            button.setAccessibleName(QCoreApplication.translate("QTabBar", names[button.objectName()]))


def content_lang(language: str) -> str:
    """Language code used by scripts and the knowledge base ("en" | "zh")."""
    return "zh" if language.startswith("zh") else "en"
