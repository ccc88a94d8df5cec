"""``agentdesk doctor`` as support runs it: against a real loopback gateway stand-in, with settings
from several sources, in text and JSON."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import agentdesk
from tests.support.cli import run_agentdesk


def doctor(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    # Only this test's settings: no inherited AGENTDESK_* values, no proxy between us and loopback.
    inherited = {
        k: v for k, v in os.environ.items() if not k.startswith("AGENTDESK_") and "proxy" not in k.lower()
    }
    full_env = {
        **inherited,
        "AGENTDESK_HOME": str(home),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        **env,
    }
    return run_agentdesk("doctor", *args, env=full_env)


class Health(BaseHTTPRequestHandler):
    status = 200

    def do_GET(self) -> None:
        code = self.status if self.path == "/v1/health" else 404
        body = b'{"status": "ok"}'
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


def serve(status: int) -> Iterator[str]:
    handler = type("H", (Health,), {"status": status})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture()
def healthy_gateway() -> Iterator[str]:
    yield from serve(200)


@pytest.fixture()
def failing_gateway() -> Iterator[str]:
    yield from serve(503)


def test_a_reachable_server_and_settings_with_their_sources(tmp_path: Path, healthy_gateway: str) -> None:
    settings = tmp_path / "config" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(
        json.dumps({"version": 1, "values": {"server_url": healthy_gateway, "theme": "dark"}})
    )
    out = doctor(tmp_path, "--json", AGENTDESK_LANGUAGE="zh_CN")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["server"] == {"status": "ok", "url": healthy_gateway, "detail": "HTTP 200"}
    assert report["settings"]["server_url"] == {"value": healthy_gateway, "source": "user", "locked": False}
    assert report["settings"]["theme"]["source"] == "user"
    assert report["settings"]["language"] == {"value": "zh_CN", "source": "environment", "locked": False}
    assert report["settings"]["verify_tls"] == {"value": True, "source": "default", "locked": False}
    assert report["paths"]["settings_file"] == str(settings)
    assert report["paths"]["store"] == str(tmp_path / "data" / "profiles" / "default" / "store.sqlite3")
    versions = report["versions"]
    assert versions["python"] == ".".join(map(str, sys.version_info[:3]))
    assert versions["sqlite"] and versions["fts5"] is True
    assert report["agentdesk"] == agentdesk.__version__
    assert all(versions[name] for name in ("sqlalchemy", "alembic", "httpx", "keyring"))
    assert report["keyring"] == {"backend": "keyring.backends.fail.Keyring", "usable": False}


def test_an_unhealthy_gateway_is_only_a_warning(tmp_path: Path, failing_gateway: str) -> None:
    failing = doctor(tmp_path, "--json", "--server", failing_gateway)
    assert failing.returncode == 0, failing.stderr
    assert json.loads(failing.stdout)["server"] == {
        "status": "warning",
        "url": failing_gateway,
        "detail": "HTTP 503",
    }


def test_an_unreachable_gateway_is_only_a_warning(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    out = doctor(tmp_path, "--json", AGENTDESK_SERVER_URL=f"http://127.0.0.1:{port}")
    assert out.returncode == 0, out.stderr
    server = json.loads(out.stdout)["server"]
    assert server["status"] == "warning" and server["detail"].startswith("unreachable")


def test_text_report_with_nothing_configured(tmp_path: Path) -> None:
    out = doctor(tmp_path, AGENTDESK_THEME="light", AGENTDESK_SYNC_INTERVAL_SECONDS="often")
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert str(tmp_path / "config") in text and "sqlite" in text and "fts5 True" in text
    assert "keyring: keyring.backends.fail.Keyring (NOT usable" in text
    assert "'light' (environment)" in text
    assert "warning: environment variable AGENTDESK_SYNC_INTERVAL_SECONDS ignored" in text
    assert "server: warning" in text and "no server configured" in text
    assert "store: none yet for profile default" in text


def test_a_broken_settings_file_is_named_and_the_rest_still_reported(tmp_path: Path) -> None:
    settings = tmp_path / "config" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"version": 1, "values": {"idle_lock_minutes": -4}}))
    out = doctor(tmp_path, "--json")
    assert out.returncode == 0  # only a damaged store fails doctor (DESIGN.md)
    report = json.loads(out.stdout)
    assert str(settings) in report["settings_error"] and "idle_lock_minutes" in report["settings_error"]
    assert str(settings) in out.stderr
    assert report["settings"]["idle_lock_minutes"]["source"] == "default"
    assert report["store"]["exists"] is False and report["versions"]["fts5"] is True


def test_doctor_reports_qt_without_importing_it(tmp_path: Path) -> None:
    code = (
        "import sys; from agentdesk.cli import main; code = main(['doctor', '--json']); "
        "print('QT' if 'PySide6' in sys.modules else 'NO-QT', file=sys.stderr); sys.exit(code)"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("AGENTDESK_")}
    env |= {"AGENTDESK_HOME": str(tmp_path), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "NO-QT" in out.stderr
    assert "pyside6" in json.loads(out.stdout)["versions"]
