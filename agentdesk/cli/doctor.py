from __future__ import annotations

import argparse
import json
import platform
import sqlite3
import sys
from importlib import metadata
from typing import Any

from agentdesk.cli._common import SubParsers


def register(sub: SubParsers) -> None:
    p = sub.add_parser("doctor", help="paths, versions, keyring, server reachability, store integrity")
    p.add_argument("--json", action="store_true")
    p.add_argument("--server", help="gateway to check (default: the configured server)")
    p.add_argument(
        "--gateway-database",
        metavar="URL",
        help="on a gateway host: report its upstream connectors from this database",
    )
    p.set_defaults(handler=run)


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def _fts5() -> bool:
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        conn.close()


def _server(url: str) -> dict[str, Any]:
    if not url:
        return {"status": "warning", "detail": "no server configured (settings, policy or --server)"}
    import httpx

    try:
        answer = httpx.get(url.rstrip("/") + "/v1/health", timeout=2.0)
    except httpx.HTTPError as exc:
        return {"status": "warning", "url": url, "detail": f"unreachable: {type(exc).__name__}"}
    ok = answer.status_code == 200
    return {"status": "ok" if ok else "warning", "url": url, "detail": f"HTTP {answer.status_code}"}


def run(args: argparse.Namespace) -> int:
    from agentdesk import __version__
    from agentdesk.config import load_settings, secrets
    from agentdesk.errors import ConfigError
    from agentdesk.profile import active_profile, store_key
    from agentdesk.store import head_revision, latest_backup
    from agentdesk.store.files import integrity_problems, read_revision

    report: dict[str, Any] = {"agentdesk": __version__}
    try:
        settings = load_settings()
        report["settings_error"] = None
    except ConfigError as exc:
        # The console will not start like this; report it, and everything else, on the defaults.
        report["settings_error"] = exc.user_message()
        settings = load_settings(skip_user_file=True)
    profile = active_profile(args.profile, settings)
    paths = settings.paths
    store_path = paths.store_path(profile)
    report["paths"] = {
        "config": str(paths.config_dir),
        "data": str(paths.data_dir),
        "logs": str(paths.log_dir),
        "settings_file": str(paths.settings_file),
        "store": str(store_path),
        "backups": str(paths.backups_dir(profile)),
    }
    report["versions"] = {
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "fts5": _fts5(),
        "sqlcipher3": _version("sqlcipher3"),
        "pyside6": _version("PySide6-Essentials") or _version("PySide6"),
        # Read from package metadata: doctor must not import Qt (or anything heavy) to report it.
        **{dist.lower(): _version(dist) for dist in ("SQLAlchemy", "alembic", "httpx", "keyring")},
    }
    report["keyring"] = {"backend": secrets.backend_name(), "usable": secrets.keyring_usable()}
    report["settings"] = {
        name: {"value": e.value, "source": e.source, "locked": e.locked}
        for name, e in settings.effective.items()
    }
    report["settings_problems"] = settings.problems
    report["server"] = _server(args.server or settings["server_url"])
    damaged = False
    store: dict[str, Any] = {
        "profile": profile,
        "exists": store_path.exists(),
        "head_revision": head_revision(),
    }
    if store_path.exists():
        key = store_key(profile)
        problems = integrity_problems(store_path, full=True, key=key)
        store["encrypted"] = key is not None
        store["integrity"] = problems or "ok"
        store["revision"] = read_revision(store_path, key) if not problems else None
        damaged = bool(problems)
        latest = latest_backup(store_path)
        store["latest_backup"] = str(latest) if latest else None
    report["store"] = store
    if args.gateway_database:
        from agentdesk.sync.gateway.connectors.report import connector_report

        report["connectors"] = connector_report(args.gateway_database)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2, default=str))
    else:
        _print(report)
    if report["settings_error"]:
        note = "the report shows the values without that file"
        print(f"agentdesk: {report['settings_error']} ({note})", file=sys.stderr)
    # DESIGN.md contract: doctor fails only for a damaged local store; everything else (a broken
    # settings file, no server, no keyring) is reported as a warning to act on.
    return 3 if damaged else 0


def _print(report: dict[str, Any]) -> None:
    print(f"AgentDesk {report['agentdesk']}")
    for name, value in report["paths"].items():
        print(f"  {name:14} {value}")
    print("versions: " + ", ".join(f"{k} {v}" for k, v in report["versions"].items()))
    keyring = report["keyring"]
    usable = "usable" if keyring["usable"] else "NOT usable: sign-ins not remembered, store not encrypted"
    print(f"keyring: {keyring['backend']} ({usable})")
    for name, item in report["settings"].items():
        lock = " [locked by policy]" if item["locked"] else ""
        print(f"  {name:22} {item['value']!r} ({item['source']}){lock}")
    for problem in report["settings_problems"]:
        print(f"warning: {problem}")
    server = report["server"]
    print(f"server: {server['status']}: {server.get('url', '')} {server['detail']}")
    store = report["store"]
    if not store["exists"]:
        print(f"store: none yet for profile {store['profile']} (created at first sign-in)")
    else:
        state = "ok" if store["integrity"] == "ok" else "DAMAGED: " + "; ".join(store["integrity"])
        print(
            f"store: {state}; schema {store.get('revision')} (this version: {store['head_revision']})"
            f"{'; encrypted' if store.get('encrypted') else '; not encrypted'}"
        )
        latest = store.get("latest_backup")
        if state != "ok" and latest:
            print(f"  the latest backup is {latest}: agentdesk restore {latest}")
        elif state != "ok":
            print("  no backup in the profile's backups folder; 'agentdesk restore PATH' restores one")
    for c in report.get("connectors", []):
        print(
            f"connector {c['connector']}: last success {c['last_success_at'] or 'never'}, "
            f"lag {c['lag_seconds']} s, {c['rate_limit_waits']} rate-limit waits, {c['errors']} errors, "
            f"{c['skipped_records']} skipped, "
            f"pushes {c['pushes_pending']} waiting / {c['pushes_failed']} failed"
        )
        if c["last_error"]:
            print(f"  last error: {c['last_error']}")
