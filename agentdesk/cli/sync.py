"""``agentdesk sync --once``: one headless push + pull of the local store, then print the counts."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TypeVar

from agentdesk.cli._common import SubParsers

T = TypeVar("T")


def register(sub: SubParsers) -> None:
    p = sub.add_parser("sync", help="synchronise the local store with the gateway")
    p.add_argument("--once", action="store_true", help="one pull and push, then exit (prints counts)")
    p.add_argument("--server", help="gateway URL (default: the configured server address)")
    p.add_argument("--store", type=Path, help="local store file (default: the active profile's store)")
    p.add_argument("--token", help="gateway token (default: AGENTDESK_TOKEN, else the profile's keyring)")
    p.add_argument("--json", action="store_true", help="print the counts as one JSON object")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from agentdesk.errors import ConfigError, InputError, SignedOut

    if not args.once:
        raise InputError("only 'agentdesk sync --once' runs headless; the console syncs continuously")
    profile = _profile(args)
    server = args.server or _setting("server_url")
    if not server:
        raise ConfigError(
            "No gateway is configured: pass --server URL or set the server address "
            "(settings, AGENTDESK_SERVER_URL or your organisation's policy)"
        )
    store = args.store or (_store_path(profile) if profile else None)
    if not store:
        raise ConfigError("No local store: pass --store PATH or --profile NAME (or sign in in the console)")
    token = args.token or os.environ.get("AGENTDESK_TOKEN")
    if not token and profile:
        token = _keyring(lambda secrets: secrets.get_secret(profile, "token"))
    key = None
    if profile and not args.store:
        key = _keyring(lambda secrets: secrets.store_key(profile, create=False))
    if not token:
        raise SignedOut("Not signed in: pass --token or set AGENTDESK_TOKEN (or sign in in the console)")

    from agentdesk.sync.client import Replicator

    replicator = Replicator(store, server, token, key=key, events=False)
    try:
        report = replicator.sync_once()
        status = replicator.status()
    finally:
        replicator.stop()
    counts = {**report.as_dict(), "rejected_total": len(status.rejected)}
    if status.clock_offset is not None:
        counts["clock_offset_s"] = round(status.clock_offset, 1)  # type: ignore[assignment]
    if args.json:
        print(json.dumps(counts, sort_keys=True))
    else:
        print(
            f"pulled {report.pulled} rows in {report.pages} pages (cursor {report.cursor}); "
            f"pushed {report.applied} applied, {report.duplicate} duplicate, {report.rejected} rejected; "
            f"{report.pending} pending, {len(status.rejected)} rejected in the outbox"
        )
        if status.clock_drift_warning:
            print(f"warning: this computer's clock is {status.clock_offset:+.0f} s off the server's")
    return 0


def _profile(args: argparse.Namespace) -> str | None:
    return args.profile or _setting("last_profile") or None


def _setting(name: str) -> str | None:
    from agentdesk.config import load_settings

    return str(load_settings()[name] or "") or None


def _store_path(profile: str) -> Path:
    from agentdesk.config import app_paths

    return app_paths().store_path(profile)


def _keyring(read: Callable[[ModuleType], T]) -> T | None:
    """A profile secret (the gateway token is the keyring secret "token"); None where no keyring
    is usable, so the command-line options still work on a headless machine."""
    from agentdesk.config import secrets
    from agentdesk.errors import SecretStoreError

    try:
        return read(secrets)
    except SecretStoreError:
        return None
