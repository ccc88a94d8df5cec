"""Fixtures for the installer tests (helpers in tests/installer/helpers.py)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.installer.helpers import INSTALLER, make_payload, require_tools


@pytest.fixture
def fake_payload(tmp_path: Path) -> Path:
    return make_payload(tmp_path / "payload" / "agentdesk")


@pytest.fixture(scope="module")
def build_msi() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run installer/msi/build_msi.py the way installer/build.sh does."""
    require_tools("wixl", "msibuild", "msiinfo")

    def run(payload: Path, out: Path, *, version: str = "0.1.0") -> subprocess.CompletedProcess[str]:
        command = [
            sys.executable, str(INSTALLER / "msi" / "build_msi.py"), "--toolset", "wixl",
            "--payload", str(payload), "--out", str(out), "--version", version,
            "--workdir", str(out.parent / f"work-{out.stem}"),
        ]  # fmt: skip
        return subprocess.run(command, capture_output=True, text=True, timeout=120)

    return run
