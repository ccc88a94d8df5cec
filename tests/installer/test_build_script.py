"""installer/build.sh: usage errors, platform checks, and `msi` from an existing onedir tree."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.installer.helpers import INSTALLER, REPO, msi_properties, require_tools


def run_build(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("AGENTDESK_", "APPLE_"))}
    return subprocess.run(
        ["bash", str(INSTALLER / "build.sh"), *args],
        capture_output=True, text=True, timeout=120, cwd=REPO,
        env={**clean, "PYTHON": sys.executable, **(env or {})},
    )  # fmt: skip


def test_unknown_target_prints_usage() -> None:
    result = run_build("exe")
    assert result.returncode == 1
    assert "usage: installer/build.sh frozen|msi|app|dmg" in result.stderr


@pytest.mark.skipif(sys.platform == "darwin", reason="builds the real app on macOS")
def test_app_outside_macos_is_refused_with_the_reason() -> None:
    result = run_build("app")
    assert result.returncode == 1
    assert "built on macOS" in result.stderr


def test_msi_from_a_given_frozen_tree_is_built_and_reported_unsigned(
    tmp_path: Path, fake_payload: Path
) -> None:
    require_tools("wixl", "msibuild", "msiinfo")
    dist = tmp_path / "dist"
    env = {
        "AGENTDESK_FROZEN_DIR": str(fake_payload),
        "AGENTDESK_DIST": str(dist),
        "AGENTDESK_BUILD": str(tmp_path),
    }
    result = run_build("msi", env=env)
    assert result.returncode == 0, result.stderr
    (msi,) = dist.glob("AgentDesk-*-x64.msi")
    assert msi_properties(msi)["ProductName"] == "AgentDesk"
    assert f"UNSIGNED: {fake_payload}/agentdesk.exe" in result.stderr
    assert f"UNSIGNED: {fake_payload}/agentdeskw.exe" in result.stderr
    assert f"UNSIGNED: {dist / msi.name}" in result.stderr


def test_missing_frozen_tree_is_a_clear_error(tmp_path: Path) -> None:
    result = run_build("msi", env={"AGENTDESK_FROZEN_DIR": str(tmp_path / "nope")})
    assert result.returncode == 1
    assert "is not a directory" in result.stderr
