"""Translations: the console's .qm (resources/translations) plus Qt's own, chosen from settings."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from agentdesk.ui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

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


def content_lang(language: str) -> str:
    """Language code used by scripts and the knowledge base ("en" | "zh")."""
    return "zh" if language.startswith("zh") else "en"
