"""``agentdesk demo --headless`` and ``agentdesk gateway serve`` as a user runs them."""

from __future__ import annotations

import subprocess
import sys
import time

import httpx
import pytest

from tests.gateway.harness import auth, pull_all, sign_in


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
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "agentdesk",
            "gateway",
            "serve",
            "--database",
            f"sqlite:///{tmp_path / 'g.db'}",
            "--tls-cert",
            str(tmp_path / "c.pem"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0 and "TLS needs both" in result.stderr
