"""Errors worded for the agent, in one place at the edge (one branch per error type, each with
a next step). Typed errors only — nothing here matches on message text."""

from __future__ import annotations

import logging
import ssl

from agentdesk.errors import (
    ConfigError,
    GatewayRefused,
    GatewayUnreachable,
    InputError,
    PolicyError,
    SecretStoreError,
    SignedOut,
    StoreCorrupt,
    StoreLocked,
    StoreWriteFailed,
    TemplateError,
)
from agentdesk.ui.qt import QCoreApplication, QMessageBox, QWidget

log = logging.getLogger(__name__)


def _caused_by_tls(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    for _ in range(8):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def describe(exc: BaseException) -> str:
    """The translated sentence (with a next step) for ``exc``."""
    if _caused_by_tls(exc):
        return QCoreApplication.translate("errors", "The server's security certificate could not be verified. Check the server address (https://…) or ask IT to install the company certificate.")  # noqa: E501
    if isinstance(exc, SignedOut):
        return QCoreApplication.translate("errors", "The login or password is wrong, or your sign-in has expired. Sign in again.")  # noqa: E501
    if isinstance(exc, GatewayUnreachable):
        return QCoreApplication.translate("errors", "The server cannot be reached. Check the address and your network; your work is kept and sent when the connection is back.")  # noqa: E501
    if isinstance(exc, GatewayRefused):
        text = QCoreApplication.translate("errors", "The server refused the request (%1). Check what you entered and try again.")  # noqa: E501
        return text.replace("%1", str(exc))
    if isinstance(exc, StoreLocked):
        return QCoreApplication.translate("errors", "The local data is in use by another AgentDesk window. Close the other window and start again.")  # noqa: E501
    if isinstance(exc, StoreCorrupt):
        text = QCoreApplication.translate("errors", "The local data is damaged. Run 'agentdesk doctor' and restore the latest backup; the server still has everything that was synced.")  # noqa: E501
        return f"{text}\n\n{exc}"
    if isinstance(exc, StoreWriteFailed):
        return QCoreApplication.translate("errors", "Your change could not be saved on this computer (disk full or read-only). Free some space; nothing you typed was lost.")  # noqa: E501
    if isinstance(exc, SecretStoreError):
        return QCoreApplication.translate("errors", "No secure credential store is available, so your sign-in cannot be remembered. You will be asked again next time.")  # noqa: E501
    if isinstance(exc, PolicyError):
        return QCoreApplication.translate("errors", "This is not allowed: %1").replace("%1", str(exc))
    if isinstance(exc, TemplateError):
        return QCoreApplication.translate("errors", "The template cannot be used: %1").replace("%1", str(exc))
    if isinstance(exc, (InputError, ConfigError)):
        return QCoreApplication.translate("errors", "Please check the value: %1").replace("%1", str(exc))
    log.error("unexpected error", exc_info=exc)
    text = QCoreApplication.translate("errors", "Something went wrong (%1). Your text is kept; try again, and if it persists, send the log to IT.")  # noqa: E501
    return text.replace("%1", type(exc).__name__)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("errors", "AgentDesk"), describe(exc))
