"""Helpers for the installer tests: installer scripts as modules, a fake frozen tree, MSI tables.

The installer scripts are standalone files (installer/ is not a package), loaded here by path.
PyInstaller is never run in the test suite; ``make_payload`` writes a small onedir-shaped tree.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
INSTALLER = REPO / "installer"

# Relative paths of a PyInstaller onedir tree, in miniature.
FAKE_TREE = (
    "agentdesk.exe",
    "agentdeskw.exe",
    "_internal/python311.dll",
    "_internal/base_library.zip",
    "_internal/PySide6/Qt6Core.dll",
    "_internal/PySide6/plugins/platforms/qwindows.dll",
    "_internal/PySide6/plugins/platforms/qoffscreen.dll",
    "_internal/PySide6/plugins/styles/qmodernwindowsstyle.dll",
    "_internal/PySide6/translations/qtbase_zh_CN.qm",
    "_internal/agentdesk/resources/scripts/variables.json",
    "_internal/agentdesk/store/migrations/versions/0001_initial.py",
    "_internal/jieba/dict.txt",
    "_internal/a file with spaces & ampersand.txt",
)


def load_installer_module(relative: str) -> ModuleType:
    path = INSTALLER / relative
    name = "installer_" + path.stem
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def require_tools(*names: str) -> None:
    missing = [name for name in names if shutil.which(name) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (apt-get install wixl msitools osslsigncode)")


def make_payload(root: Path, extra: tuple[str, ...] = ()) -> Path:
    for relative in FAKE_TREE + extra:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        # A PE header on the launcher, so signing treats it as a Windows binary.
        path.write_bytes((b"MZ" if path.suffix in (".exe", ".dll") else b"") + relative.encode() * 8)
    return root


def msi_table(msi: Path, table: str) -> list[list[str]]:
    """Rows of one MSI table (msiinfo export: three header lines, then tab-separated rows)."""
    # Binary columns (Icon, Binary) are exported as files under the working directory.
    out = subprocess.run(
        ["msiinfo", "export", str(msi), table], capture_output=True, text=True, check=True, cwd=msi.parent
    )
    return [line.split("\t") for line in out.stdout.splitlines()[3:]]


def msi_properties(msi: Path) -> dict[str, str]:
    return {row[0]: row[1] for row in msi_table(msi, "Property")}
