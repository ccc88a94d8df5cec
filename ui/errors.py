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
from agentdesk.ui.qt import QMessageBox, QWidget, tr

log = logging.getLogger(__name__)
C = "errors"


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
        return tr(
            C,
            "The server's security certificate could not be verified. Check the server "
            "address (https://…) or ask IT to install the company certificate.",
        )
    if isinstance(exc, SignedOut):
        return tr(C, "The login or password is wrong, or your sign-in has expired. Sign in again.")
    if isinstance(exc, GatewayUnreachable):
        return tr(
            C,
            "The server cannot be reached. Check the address and your network; your work "
            "is kept and sent when the connection is back.",
        )
    if isinstance(exc, GatewayRefused):
        return tr(C, "The server refused the request (%1). Check what you entered and try again.").replace(
            "%1", str(exc)
        )
    if isinstance(exc, StoreLocked):
        return tr(
            C, "The local data is in use by another AgentDesk window. Close the other window and start again."
        )
    if isinstance(exc, StoreCorrupt):
        return (
            tr(
                C,
                "The local data is damaged. Run 'agentdesk doctor' and restore the latest "
                "backup; the server still has everything that was synced.",
            )
            + "\n\n"
            + str(exc)
        )
    if isinstance(exc, StoreWriteFailed):
        return tr(
            C,
            "Your change could not be saved on this computer (disk full or read-only). "
            "Free some space; nothing you typed was lost.",
        )
    if isinstance(exc, SecretStoreError):
        return tr(
            C,
            "No secure credential store is available, so your sign-in cannot be remembered. "
            "You will be asked again next time.",
        )
    if isinstance(exc, PolicyError):
        return tr(C, "This is not allowed: %1").replace("%1", str(exc))
    if isinstance(exc, TemplateError):
        return tr(C, "The template cannot be used: %1").replace("%1", str(exc))
    if isinstance(exc, (InputError, ConfigError)):
        return tr(C, "Please check the value: %1").replace("%1", str(exc))
    log.error("unexpected error", exc_info=exc)
    return tr(
        C, "Something went wrong (%1). Your text is kept; try again, and if it persists, send the log to IT."
    ).replace("%1", type(exc).__name__)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    QMessageBox.warning(parent, tr(C, "AgentDesk"), describe(exc))
