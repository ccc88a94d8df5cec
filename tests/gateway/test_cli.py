"""``agentdesk demo --headless`` and ``agentdesk gateway serve`` as a user runs them."""

from __future__ import annotations

import subprocess
import sys
import time

import httpx
import pytest

from tests.gateway.harness import auth, pull_all, sign_in
from tests.support.cli import run_agentdesk


@pytest.mark.slow
def test_demo_headless_serves_seeded_gateway_and_cleans_up() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "agentdesk", "demo", "--headless", "--customers", "100"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert proc.stdout is not None
        url = None
        deadline = time.monotonic() + 60
        lines = []
        while url is None and time.monotonic() < deadline:
            line = proc.stdout.readline()
            lines.append(line)
            if line.startswith("AgentDesk demo gateway: "):
                url = line.split(": ", 1)[1].strip()
        assert url and url.startswith("http://127.0.0.1:"), lines
        token = sign_in(url, "demo.agent")
        rows, _, _ = pull_all(url, token)
        assert sum(e == "ticket" for e, _ in rows) >= 5
        assert httpx.get(url + "/v1/supervisor/audit", headers=auth(token)).status_code == 403
        for who in ("demo.lead", "demo.admin"):
            assert sign_in(url, who)
    finally:
        proc.terminate()
        proc.wait(20)
    assert proc.returncode == 0


def test_serve_refuses_half_tls(tmp_path) -> None:
    result = run_agentdesk(
        "gateway", "serve", "--database", f"sqlite:///{tmp_path / 'g.db'}",
        "--tls-cert", str(tmp_path / "c.pem"),
        timeout=60,
    )
    assert result.returncode != 0 and "TLS needs both" in result.stderr


@pytest.mark.slow
def test_serve_with_tls_sends_hsts(tmp_path) -> None:
    import shutil
    import ssl

    from tests.sync.gatewayproc import GatewayProcess

    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    gw = GatewayProcess(
        tmp_path / "tls.db", seed_demo=False, extra_args=("--tls-cert", str(cert), "--tls-key", str(key))
    )
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "agentdesk",
            "gateway",
            "serve",
            "--database",
            gw.database,
            "--port",
            str(gw.port),
            "--tls-cert",
            str(cert),
            "--tls-key",
            str(key),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        context = ssl.create_default_context(cafile=str(cert))
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"https://127.0.0.1:{gw.port}/v1/health", verify=context, timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        assert response.status_code == 200
        assert response.headers["strict-transport-security"].startswith("max-age=")
        with pytest.raises(httpx.TransportError):  # no plain HTTP on a TLS port
            httpx.get(f"http://127.0.0.1:{gw.port}/v1/health", timeout=2).raise_for_status()
    finally:
        proc.terminate()
        proc.wait(20)
