"""Install, upgrade, downgrade and uninstall the wixl-built MSI under Wine; print JSON results.

Not part of the default test suite (needs `apt-get install wine`, ~105 MB, and a fresh Wine
prefix, ~15 s). Uses small fake onedir trees (tests/installer/helpers.py), three versions:

  1. malformed SERVERURL      -> refused by a launch condition, message in the log, nothing installed
  2. 0.1.0 SERVERURL=https:// -> files, HKLM\\Software\\AgentDesk\\AgentDesk\\ServerUrl, ARP entry
  3. 0.2.0 without SERVERURL  -> in-place upgrade: ServerUrl remembered, old-only file removed
  4. 0.3.0 SERVERURL=new      -> command line wins over the remembered value
  5. 0.2.0 again              -> downgrade refused with the message, 0.3.0 untouched
  6. uninstall                -> files, registry values and the ARP entry gone
  7. 0.1.0 without SERVERURL  -> installs, writes no ServerUrl value

    python bench/installer_wine.py [--keep]

Wine 8 records a failed LaunchConditions action in the /l*v log but not its message text, and
truncates exit codes to 8 bits (1603 -> 67); on Windows the log carries the message.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from tests.installer.helpers import make_payload  # noqa: E402

AGENTDESK_KEY = r"HKLM\Software\AgentDesk\AgentDesk"
UNINSTALL_KEY = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall"


class Wine:
    def __init__(self, prefix: Path) -> None:
        self.prefix = prefix
        self.env = {
            **os.environ,
            "WINEPREFIX": str(prefix),
            "WINEDEBUG": "-all",
            "WINEDLLOVERRIDES": "mscoree,mshtml=",
        }

    def run(self, *args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["wine", *args], capture_output=True, text=True, env=self.env, timeout=timeout)

    def msiexec(self, *args: str, log: Path) -> tuple[int, str]:
        result = self.run("msiexec", *args, "/qn", "/l*v", f"Z:{log}".replace("/", "\\"))
        subprocess.run(["wineserver", "-w"], env=self.env, capture_output=True, timeout=120)
        text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
        return result.returncode, text

    def reg_values(self, key: str) -> dict[str, str]:
        result = self.run("reg", "query", key)
        values: dict[str, str] = {}
        for line in result.stdout.splitlines():
            parts = line.strip().split(None, 2)
            if len(parts) == 3 and parts[1].startswith("REG_"):
                values[parts[0]] = parts[2]
        return values

    def arp_entries(self) -> list[dict[str, str]]:
        result = self.run("reg", "query", UNINSTALL_KEY)
        # `reg query` lists subkeys as HKEY_LOCAL_MACHINE\...\Uninstall\{product code}.
        keys = [line.strip() for line in result.stdout.splitlines() if "\\Uninstall\\" in line]
        entries = [self.reg_values(key) for key in keys]
        return [entry for entry in entries if entry.get("DisplayName") == "AgentDesk"]

    @property
    def install_dir(self) -> Path:
        return self.prefix / "drive_c" / "Program Files" / "AgentDesk"


def build(version: str, root: Path, *, drop: tuple[str, ...] = (), extra: tuple[str, ...] = ()) -> Path:
    payload = make_payload(root / f"payload-{version}" / "agentdesk", extra=extra)
    for relative in drop:
        (payload / relative).unlink()
    out = root / f"AgentDesk-{version}.msi"
    command = [sys.executable, str(REPO / "installer" / "msi" / "build_msi.py"), "--payload", str(payload)]
    command += ["--out", str(out), "--version", version, "--workdir", str(root / f"work-{version}")]
    subprocess.run(command, check=True, capture_output=True)
    return out


def refused_by_launch_condition(log: str) -> bool:
    """Wine logs the failed LaunchConditions action but not its message (Windows logs both)."""
    return "LaunchConditions. Return value 0." in log and "InstallFiles" not in log


def win_path(path: Path) -> str:
    return "Z:" + str(path).replace("/", "\\")


def scenario(wine: Wine, root: Path) -> dict[str, Any]:
    v1 = build("0.1.0", root)
    v2 = build("0.2.0", root, drop=("_internal/jieba/dict.txt",), extra=("_internal/new_in_0_2.pyd",))
    v3 = build("0.3.0", root)
    steps: dict[str, Any] = {}

    def record(name: str, ok: bool, **facts: Any) -> None:
        steps[name] = {"ok": bool(ok), **facts}

    rc, log = wine.msiexec(
        "/i", win_path(v1), "SERVERURL=ftp://gateway.example.com", log=root / "1-bad-url.log"
    )
    record(
        "1_malformed_serverurl_refused",
        rc != 0 and refused_by_launch_condition(log) and not wine.install_dir.exists()
        and not wine.reg_values(AGENTDESK_KEY),
        exit_code=rc, message_in_log="must start with https://" in log,
        install_dir_exists=wine.install_dir.exists(),
    )  # fmt: skip

    rc, _ = wine.msiexec("/i", win_path(v1), "SERVERURL=https://gw1.example.com", log=root / "2-install.log")
    values, arp = wine.reg_values(AGENTDESK_KEY), wine.arp_entries()
    record(
        "2_install_0_1_0",
        rc == 0 and (wine.install_dir / "agentdesk.exe").is_file()
        and values.get("ServerUrl") == "https://gw1.example.com" and len(arp) == 1
        and arp[0].get("DisplayVersion") == "0.1.0" and arp[0].get("Publisher") == "AgentDesk",
        exit_code=rc, registry=values, arp=arp,
    )  # fmt: skip

    rc, _ = wine.msiexec("/i", win_path(v2), log=root / "3-upgrade.log")
    values, arp = wine.reg_values(AGENTDESK_KEY), wine.arp_entries()
    record(
        "3_upgrade_0_2_0_remembers_serverurl",
        rc == 0 and values.get("ServerUrl") == "https://gw1.example.com" and values.get("Version") == "0.2.0"
        and (wine.install_dir / "_internal" / "new_in_0_2.pyd").is_file()
        and not (wine.install_dir / "_internal" / "jieba" / "dict.txt").exists()
        and [entry.get("DisplayVersion") for entry in arp] == ["0.2.0"],
        exit_code=rc, registry=values, arp_versions=[entry.get("DisplayVersion") for entry in arp],
    )  # fmt: skip

    rc, _ = wine.msiexec("/i", win_path(v3), "SERVERURL=https://gw2.example.com", log=root / "4-upgrade.log")
    values = wine.reg_values(AGENTDESK_KEY)
    record(
        "4_upgrade_0_3_0_command_line_wins",
        rc == 0 and values.get("ServerUrl") == "https://gw2.example.com" and values.get("Version") == "0.3.0"
        and (wine.install_dir / "_internal" / "jieba" / "dict.txt").is_file(),
        exit_code=rc, registry=values,
    )  # fmt: skip

    rc, log = wine.msiexec("/i", win_path(v2), log=root / "5-downgrade.log")
    values = wine.reg_values(AGENTDESK_KEY)
    record(
        "5_downgrade_refused",
        rc != 0 and refused_by_launch_condition(log) and values.get("Version") == "0.3.0"
        and [entry.get("DisplayVersion") for entry in wine.arp_entries()] == ["0.3.0"],
        exit_code=rc, message_in_log="newer version of AgentDesk" in log, registry=values,
    )  # fmt: skip

    rc, _ = wine.msiexec("/x", win_path(v3), log=root / "6-uninstall.log")
    leftovers = (
        sorted(str(p.relative_to(wine.install_dir)) for p in wine.install_dir.rglob("*"))
        if wine.install_dir.exists()
        else []
    )
    record(
        "6_uninstall_clean",
        rc == 0 and not leftovers and not wine.reg_values(AGENTDESK_KEY) and not wine.arp_entries(),
        exit_code=rc, leftover_files=leftovers[:10], registry=wine.reg_values(AGENTDESK_KEY),
    )  # fmt: skip

    rc, _ = wine.msiexec("/i", win_path(v1), log=root / "7-no-url.log")
    values = wine.reg_values(AGENTDESK_KEY)
    no_url = rc == 0 and "ServerUrl" not in values and values.get("Version") == "0.1.0"
    record("7_install_without_serverurl", no_url, exit_code=rc, registry=values)
    return steps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the Wine prefix and logs")
    args = parser.parse_args(argv)
    if shutil.which("wine") is None or shutil.which("wixl") is None:
        print(json.dumps({"skipped": "needs wine, wixl and msitools (apt-get install wine wixl msitools)"}))
        return 0
    root = Path(tempfile.mkdtemp(prefix="agentdesk-wine-"))
    try:
        wine = Wine(root / "prefix")
        started = time.monotonic()
        wine.run("wineboot", "--init")
        prefix_seconds = round(time.monotonic() - started, 1)
        started = time.monotonic()
        steps = scenario(wine, root)
        report = {
            "wine": wine.run("--version").stdout.strip(),
            "prefix_seconds": prefix_seconds,
            "scenario_seconds": round(time.monotonic() - started, 1),
            "all_ok": all(step["ok"] for step in steps.values()),
            "steps": steps,
            "logs": str(root) if args.keep else None,
        }
        print(json.dumps(report, indent=2))
        return 0 if report["all_ok"] else 1
    finally:
        if not args.keep:
            subprocess.run(
                ["wineserver", "-k"],
                env={**os.environ, "WINEPREFIX": str(root / "prefix")},
                capture_output=True,
            )
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
