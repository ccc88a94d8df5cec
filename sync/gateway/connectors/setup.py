"""Connectors from ``agentdesk gateway serve`` options: credentials, settings, runners.

Credentials are looked up in the OS keyring first (service ``agentdesk-gateway``), then in the
environment; they are passed to the HTTP client only and never logged.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from agentdesk.errors import ConfigError
from agentdesk.sync.gateway.connectors.base import Connector
from agentdesk.sync.gateway.connectors.runner import ConnectorRunner
from agentdesk.sync.gateway.connectors.sink import GatewaySink
from agentdesk.sync.gateway.store import GatewayStore
from agentdesk.sync.gateway.store import schema as s

log = logging.getLogger(__name__)

KEYRING_SERVICE = "agentdesk-gateway"
NAMES = ("zendesk", "django-helpdesk", "crm-rest")


@dataclass
class ConnectorOptions:
    names: list[str]
    zendesk_url: str | None = None
    helpdesk_url: str | None = None
    crm_url: str | None = None
    crm_mapping: str | None = None
    team_id: str | None = None  # team that receives mirrored tickets unless a mapping says otherwise
    mapping_file: str | None = None  # JSON: group/queue -> team, custom fields, agent e-mails
    poll_seconds: float = 10.0
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))


def secret(name: str, env_var: str, env: dict[str, str]) -> str | None:
    """Keyring first, then the environment."""
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            value = keyring.get_password(KEYRING_SERVICE, name)
        except KeyringError:
            value = None
        if value:
            return value
    except ImportError:  # pragma: no cover - keyring is a dependency
        pass
    return env.get(env_var) or None


def _default_team(store: GatewayStore) -> str | None:
    r = s.records
    with store.read() as conn:
        return conn.execute(
            select(r.c.id).where(r.c.entity == "team", r.c.deleted.is_(False)).order_by(r.c.id).limit(1)
        ).scalar()


def connector_settings(options: ConnectorOptions) -> list[tuple[str, Any]]:
    """Each connector's settings, checked; raises ConfigError naming the option that is missing."""
    unknown = [n for n in options.names if n not in NAMES]
    if unknown:
        raise ConfigError(
            f"unknown connector {unknown[0]!r}; choose from {', '.join(NAMES)}", key="--connector"
        )
    extra: dict[str, Any] = {}
    if options.mapping_file:
        try:
            extra = json.loads(Path(options.mapping_file).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise ConfigError(
                f"cannot read the connector mapping ({exc})", file=options.mapping_file
            ) from None
    env = options.env
    team = options.team_id or ""  # filled from the store at start when not given
    out: list[tuple[str, Any]] = []
    for name in options.names:
        if name == "zendesk":
            from agentdesk.sync.gateway.connectors.zendesk import ZendeskSettings

            email = secret("zendesk-email", "AGENTDESK_ZENDESK_EMAIL", env)
            token = secret("zendesk-token", "AGENTDESK_ZENDESK_TOKEN", env)
            if not options.zendesk_url or not email or not token:
                raise ConfigError(
                    "the zendesk connector needs --zendesk-url and AGENTDESK_ZENDESK_EMAIL / "
                    "AGENTDESK_ZENDESK_TOKEN (or keyring entries)",
                    key="--connector zendesk",
                )
            zd = extra.get("zendesk", {})
            out.append(
                (
                    name,
                    ZendeskSettings(
                        base_url=options.zendesk_url,
                        email=email,
                        token=token,
                        default_team_id=team,
                        group_teams=zd.get("group_teams", {}),
                        custom_fields=zd.get("custom_fields", {}),
                        agent_ids_by_email=zd.get("agents", {}),
                        # The account's plan sets these (e.g. 30 exports a minute with High Volume API).
                        requests_per_minute=float(zd.get("requests_per_minute", 700)),
                        exports_per_minute=float(zd.get("exports_per_minute", 10)),
                    ),
                )
            )
        elif name == "django-helpdesk":
            from agentdesk.sync.gateway.connectors.helpdesk import HelpdeskSettings

            token = secret("helpdesk-token", "AGENTDESK_HELPDESK_TOKEN", env)
            user = secret("helpdesk-user", "AGENTDESK_HELPDESK_USER", env)
            password = secret("helpdesk-password", "AGENTDESK_HELPDESK_PASSWORD", env)
            if not options.helpdesk_url or not (token or (user and password)):
                raise ConfigError(
                    "the django-helpdesk connector needs --helpdesk-url and "
                    "AGENTDESK_HELPDESK_USER / AGENTDESK_HELPDESK_PASSWORD or AGENTDESK_HELPDESK_TOKEN",
                    key="--connector django-helpdesk",
                )
            hd = extra.get("django-helpdesk", {})
            out.append(
                (
                    name,
                    HelpdeskSettings(
                        base_url=options.helpdesk_url,
                        user=user,
                        password=password,
                        token=token,
                        default_team_id=team,
                        queue_teams=hd.get("queue_teams", {}),
                        agent_ids_by_user=hd.get("agents", {}),
                    ),
                )
            )
        else:
            if not options.crm_mapping:
                raise ConfigError(
                    "the crm-rest connector needs --crm-mapping FILE", key="--connector crm-rest"
                )
            from agentdesk.sync.gateway.connectors.crm import load_mapping

            load_mapping(Path(options.crm_mapping))  # fail now, not at the first pull
            out.append(
                (
                    name,
                    {
                        "mapping": Path(options.crm_mapping),
                        "base_url": options.crm_url,
                        "token": secret("crm-token", "AGENTDESK_CRM_TOKEN", env),
                    },
                )
            )
    return out


def build_connectors(options: ConnectorOptions, store: GatewayStore) -> list[Connector]:
    connectors: list[Connector] = []
    team = options.team_id or _default_team(store)
    for name, settings in connector_settings(options):
        if name == "crm-rest":
            from agentdesk.sync.gateway.connectors.crm import CrmConnector

            connectors.append(
                CrmConnector(settings["mapping"], base_url=settings["base_url"], token=settings["token"])
            )
            continue
        if not team:
            raise ConfigError(
                "mirrored tickets need a team: create one or pass --upstream-team", key="--connector"
            )
        settings.default_team_id = team
        if name == "zendesk":
            from agentdesk.sync.gateway.connectors.zendesk import ZendeskConnector

            connectors.append(ZendeskConnector(settings))
        else:
            from agentdesk.sync.gateway.connectors.helpdesk import HelpdeskConnector

            connectors.append(HelpdeskConnector(settings))
    return connectors


def startup_hook(options: ConnectorOptions) -> Callable[[Any], Coroutine[Any, Any, None]]:
    """An ``on_startup`` hook for ``create_app``: runs every connector until the app stops.

    Connectors are built when the gateway starts (after demo seeding), so the default team exists.
    """

    async def run(gw: Any) -> None:
        connectors = build_connectors(options, gw.store)
        sink = GatewaySink(gw.store)
        runners = [ConnectorRunner(c, sink, poll_seconds=options.poll_seconds) for c in connectors]
        gw.connectors = {r.connector.name: r for r in runners}
        try:
            await asyncio.gather(*(r.run() for r in runners))
        finally:
            for runner in runners:
                runner.stop()
                await runner.connector.aclose()

    return run
