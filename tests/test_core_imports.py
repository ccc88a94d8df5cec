"""The core must load without Qt and without a web server (DESIGN.md, layout)."""

from __future__ import annotations

import subprocess
import sys
import time

from tests.support.cli import run_agentdesk

CORE_MODULES = [
    "agentdesk",
    "agentdesk.cli",
    "agentdesk.errors",
    "agentdesk.domain.rules",
    "agentdesk.store",
    "agentdesk.store.queries",
    "agentdesk.config",
    "agentdesk.config.secrets",
    "agentdesk.profile",
    "agentdesk.sla",
    "agentdesk.staffing",
    "agentdesk.demo",
    "agentdesk.privacy.masking",
    "agentdesk.knowledge",
    "agentdesk.triage",
    "agentdesk.scripts",
]


def _run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


def test_core_imports_pull_no_qt_and_no_web_server() -> None:
    code = (
        "import importlib, sys\n"
        f"for m in {CORE_MODULES!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'starlette', 'uvicorn', 'agentdesk.ui'))\n"
        "print(','.join(bad))\n"
    )
    out = _run_python(code)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""


def test_version_is_fast_and_correct() -> None:
    from agentdesk import __version__

    started = time.perf_counter()
    out = run_agentdesk("--version")
    assert out.returncode == 0
    assert out.stdout.strip() == f"agentdesk {__version__}"
    # Generous bound; the real figure (<= 0.3 s) is measured by bench/cli_startup.py.
    assert time.perf_counter() - started < 5


def test_help_lists_every_design_command() -> None:
    out = run_agentdesk("--help")
    assert out.returncode == 0, out.stderr
    for command in ("demo", "gateway", "sync", "kb", "triage", "staffing", "report", "doctor", "backup",
                    "restore"):
        assert command in out.stdout
