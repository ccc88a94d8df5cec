"""``agentdesk sync --once``: one headless push + pull of the local store, then print the counts."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from agentdesk.cli._common import SubParsers


def register(sub: SubParsers) -> None:
    p = sub.add_parser("sync", help="synchronise the local store with the gateway")
    p.add_argument("--once", action="store_true", help="one pull and push, then exit (prints counts)")
    p.add_argument("--server", help="gateway URL (default: configured server, or AGENTDESK_SERVER)")
    p.add_argument("--store", type=Path, help="local store file (default: the active profile's store)")
    p.add_argument("--token", help="gateway token (default: the profile's keyring entry, or AGENTDESK_TOKEN)")
    p.add_argument("--json", action="store_true", help="print the counts as one JSON object")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from agentdesk.errors import ConfigError, InputError

    if not args.once:
        raise InputError("only 'agentdesk sync --once' runs headless; the console syncs continuously")
    server = args.server or os.environ.get("AGENTDESK_SERVER") or _configured("server_url", args)
    if not server:
        raise ConfigError("No gateway is configured: pass --server URL or set AGENTDESK_SERVER")
    store = args.store or _configured("store_path", args)
    if not store:
        raise ConfigError("No local store: pass --store PATH or sign in to a profile first")
    token = args.token or os.environ.get("AGENTDESK_TOKEN") or _configured("token", args)

    from agentdesk.sync.client import Replicator

    replicator = Replicator(store, server, token, events=False)
    try:
        if not token:
            from agentdesk.errors import SignedOut

            raise SignedOut("Not signed in: pass --token or set AGENTDESK_TOKEN (or sign in in the console)")
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


def _configured(name: str, args: argparse.Namespace) -> str | None:
    """The active profile's setting, once agentdesk.config provides it (else None)."""
    try:
        from agentdesk import config  # type: ignore[attr-defined]
    except ImportError:
        return None
    getter = getattr(config, "sync_setting", None)
    return getter(name, profile=args.profile) if callable(getter) else None
