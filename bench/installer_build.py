"""Freeze AgentDesk, smoke-test it, build the MSI with wixl; print the figures as JSON.

Targets (issue 9): frozen start <= 2 s, installed size <= 200 MB, MSI build on Linux <= 3 min.

    python bench/installer_build.py [--reuse-frozen]

--reuse-frozen skips PyInstaller and packages the existing dist/agentdesk. On Linux the tree
holds ELF binaries, ICU and X11/Wayland libraries a Windows tree does not, and its symlinks
become copies in the MSI; `linux_only_bytes` reports that share so the Windows size can be
estimated (the real Windows figure comes from installer/ci/windows-msi.yml).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
FROZEN = REPO / "dist" / "agentdesk"
MSI = REPO / "dist" / "agentdesk-bench.msi"
# Only a Linux (or macOS) freeze carries these: Windows has its own ICU and no X11/Wayland/D-Bus.
LINUX_ONLY = ("libicu", "wayland", "xcb", "Wl", "DBus", "egl")
# Keyring's Secret Service backend (SecretStorage -> jeepney, cryptography) is Linux-only too.
LINUX_ONLY_PACKAGES = ("cryptography", "secretstorage", "jeepney")


def tree_figures(root: Path) -> dict[str, Any]:
    files = [p for p in root.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(p.stat().st_size for p in files)
    top_level_libs = [p for p in (root / "_internal").glob("lib*.so*") if p.is_file() and not p.is_symlink()]
    linux_only = sum(p.stat().st_size for p in top_level_libs)
    linux_only += sum(
        p.stat().st_size
        for p in files
        if p not in top_level_libs
        and (
            any(k in p.name for k in LINUX_ONLY)
            or p.relative_to(root).parts[1:2] in [(n,) for n in LINUX_ONLY_PACKAGES]
        )
    )
    return {
        "files": len(files),
        "symlinks": sum(1 for p in root.rglob("*") if p.is_symlink()),
        "bytes": total,
        "mb": round(total / 1e6, 1),
        "linux_only_mb": round(linux_only / 1e6, 1) if sys.platform.startswith("linux") else 0,
    }


def evict_page_cache(root: Path) -> bool:
    """Drop the tree's files from the page cache (POSIX_FADV_DONTNEED) for a cold-start figure."""
    if not hasattr(os, "posix_fadvise"):
        return False
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)
    return True


def cold_start(launcher: Path) -> dict[str, Any]:
    """Seconds to `--version` and to an offscreen Qt window, each right after evicting the tree."""
    figures: dict[str, Any] = {}
    runs = {
        "version": ([str(launcher), "--version"], {}),
        "qt_window": ([str(launcher)], {"QT_QPA_PLATFORM": "offscreen", "AGENTDESK_FROZEN_SELFTEST": "qt"}),
    }
    for name, (command, extra) in runs.items():
        if not evict_page_cache(launcher.parent):
            return {"skipped": "no posix_fadvise on this platform"}
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env={**os.environ, **extra}, timeout=120)
        figures[f"{name}_seconds"] = round(time.perf_counter() - started, 3)
    return figures


def msi_installed_bytes(msi: Path) -> int:
    """Sum of the File table's FileSize column: what the MSI writes to Program Files."""
    out = subprocess.run(["msiinfo", "export", str(msi), "File"], capture_output=True, text=True, check=True)
    return sum(int(line.split("\t")[3]) for line in out.stdout.splitlines()[3:])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse-frozen", action="store_true")
    args = parser.parse_args(argv)
    report: dict[str, Any] = {"platform": platform.platform(), "python": platform.python_version()}
    if not args.reuse_frozen:
        started = time.monotonic()
        subprocess.run(
            ["bash", str(REPO / "installer" / "build.sh"), "frozen"],
            check=True, cwd=REPO, env={**os.environ, "PYTHON": sys.executable}, capture_output=True,
        )  # fmt: skip
        report["freeze_seconds"] = round(time.monotonic() - started, 1)
    launcher = FROZEN / ("agentdesk.exe" if (FROZEN / "agentdesk.exe").exists() else "agentdesk")
    report["frozen"] = tree_figures(FROZEN)
    smoke = subprocess.run(
        [sys.executable, str(REPO / "installer" / "smoke.py"), str(launcher), "--console-seconds", "8"],
        capture_output=True, text=True,
    )  # fmt: skip
    report["smoke"] = json.loads(smoke.stdout) if smoke.stdout.strip() else {"error": smoke.stderr[-500:]}
    report["cold_start"] = cold_start(launcher)
    started = time.monotonic()
    subprocess.run(
        [sys.executable, str(REPO / "installer" / "msi" / "build_msi.py"), "--toolset", "wixl",
         "--payload", str(FROZEN), "--out", str(MSI)],
        check=True, capture_output=True,
    )  # fmt: skip
    report["msi"] = {
        "build_seconds": round(time.monotonic() - started, 1),
        "msi_mb": round(MSI.stat().st_size / 1e6, 1),
        "installed_mb": round(msi_installed_bytes(MSI) / 1e6, 1),
    }
    MSI.unlink()
    version_seconds = report["smoke"].get("version", {}).get("seconds_median")
    window_seconds = report["cold_start"].get("qt_window_seconds")
    windows_estimate_mb = report["frozen"]["mb"] - report["frozen"]["linux_only_mb"]
    report["targets"] = {
        "frozen_version_start_le_2s": version_seconds is not None and version_seconds <= 2.0,
        "frozen_cold_start_to_qt_window_le_2s": window_seconds is not None and window_seconds <= 2.0,
        "msi_build_le_180s": report["msi"]["build_seconds"] <= 180,
        "installed_le_200mb_linux_tree": report["msi"]["installed_mb"] <= 200,
        "installed_le_200mb_windows_estimate": windows_estimate_mb <= 200,
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
