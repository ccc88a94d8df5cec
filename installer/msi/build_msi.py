"""Build dist/AgentDesk-<version>-x64.msi from a frozen onedir tree with wixl (Linux).

    python installer/msi/build_msi.py [--payload dist/agentdesk] [--out dist/...msi] [--version X.Y.Z]

Steps: harvest the tree into files.wxs (installer/msi/harvest.py), compile AgentDesk.wxs +
files.wxs with `wixl -a x64`, then patch the few things wixl's WiX subset cannot express with
`msibuild -q` (see POST_QUERIES). On Windows, build with WiX 5 instead (installer/README.md).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harvest import SOURCE_VARIABLE, harvest

INSTALLER = Path(__file__).resolve().parents[1]
REPO = INSTALLER.parent
MAIN_WXS = INSTALLER / "wix" / "AgentDesk.wxs"
WIX5_WXS = INSTALLER / "wix" / "v5" / "AgentDesk.wxs"
ICON = INSTALLER / "assets" / "agentdesk.ico"
# The Start-menu shortcut's target, best first: the windowed launcher of a Windows tree, its
# console launcher, or a Linux tree's launcher (pipeline tests only).
LAUNCHERS = ("agentdeskw.exe", "agentdesk.exe", "agentdesk")

# What WiX v3/v5 say in AgentDesk.wxs / v5/AgentDesk.wxs but wixl 0.101 has no syntax for.
POST_QUERIES = (
    # <Component Id="ServerUrlSetting"><Condition>SERVERURL</Condition>: no empty ServerUrl value.
    "UPDATE Component SET Condition = 'SERVERURL' WHERE Component = 'ServerUrlSetting'",
    # <Property Id="SERVERURL" Secure="yes">: passed to the elevated server side in managed installs.
    "UPDATE Property SET Value = 'WIX_DOWNGRADE_DETECTED;WIX_UPGRADE_DETECTED;SERVERURL;CMDLINE_SERVERURL' "
    "WHERE Property = 'SecureCustomProperties'",
)


class BuildError(Exception):
    """The MSI could not be built; the message says what to fix."""


def project_version() -> str:
    text = (REPO / "agentdesk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise BuildError("no __version__ in agentdesk/__init__.py")
    return match.group(1)


def msi_version(version: str) -> str:
    """MSI ProductVersion is major.minor.build, numbers only (0.2.0rc1 -> 0.2.0)."""
    release = re.match(r"\d+(\.\d+)*", version)  # PEP 440 release segment, before rc/dev/+local
    parts = release.group(0).split(".")[:3] if release else []
    if not parts or int(parts[0]) > 255 or any(int(p) > 65535 for p in parts):
        raise BuildError(f"version {version!r} cannot be an MSI ProductVersion")
    return ".".join([*parts, "0", "0"][:3])


def find_launcher(payload: Path) -> str:
    for name in LAUNCHERS:
        if (payload / name).is_file():
            return name
    raise BuildError(f"{payload} has no {' or '.join(LAUNCHERS[1:])}: is it the frozen onedir tree?")


def _tool(name: str, hint: str = "Debian/Ubuntu: apt-get install wixl msitools") -> str:
    found = shutil.which(name)
    if found is None:
        raise BuildError(f"{name} is not installed ({hint})")
    return found


@dataclass(frozen=True)
class MsiInputs:
    payload: Path
    launcher: str
    product_version: str
    files_wxs: Path


def _wix5_command(inputs: MsiInputs, out: Path) -> list[str]:
    wix = _tool("wix", "dotnet tool install --global wix --version 5.0.2")
    return [
        wix, "build", "-arch", "x64", "-o", str(out),
        "-d", f"Version={inputs.product_version}", "-d", f"{SOURCE_VARIABLE}={inputs.payload}",
        "-d", f"MainExe={inputs.launcher}", "-d", f"IconFile={ICON}",
        str(WIX5_WXS), str(inputs.files_wxs),
    ]  # fmt: skip


def build(payload: Path, out: Path, version: str, workdir: Path, *, toolset: str = "wixl") -> dict[str, Any]:
    """Build the MSI with ``toolset`` "wixl" (Linux) or "wix5" (Windows); returns figures."""
    payload, out, workdir = payload.resolve(), out.resolve(), workdir.resolve()
    if not payload.is_dir():
        raise BuildError(f"{payload} is not a directory; build the frozen app first (installer/build.sh)")
    launcher = find_launcher(payload)
    product_version = msi_version(version)
    workdir.mkdir(parents=True, exist_ok=True)
    files_wxs = workdir / "files.wxs"
    files_wxs.write_text(harvest(payload, wix=4 if toolset == "wix5" else 3), encoding="utf-8")
    inputs = MsiInputs(payload, launcher, product_version, files_wxs)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")
    started = time.monotonic()
    if toolset == "wix5":
        subprocess.run(_wix5_command(inputs, partial), check=True)
    else:
        _build_with_wixl(inputs, partial)
    partial.replace(out)
    return {
        "msi": str(out),
        "product_version": product_version,
        "launcher": launcher,
        "files": sum(1 for p in payload.rglob("*") if p.is_file()),
        "payload_bytes": sum(p.stat().st_size for p in payload.rglob("*") if p.is_file()),
        "msi_bytes": out.stat().st_size,
        "build_seconds": round(time.monotonic() - started, 2),
    }


def _build_with_wixl(inputs: MsiInputs, partial: Path) -> None:
    wixl, msibuild = _tool("wixl"), _tool("msibuild")
    # wixl looks up sources relative to the directories of its input files, never absolute.
    payload_rel = os.path.relpath(inputs.payload, inputs.files_wxs.parent)
    icon_rel = os.path.relpath(ICON, MAIN_WXS.parent)
    command = [
        wixl, "-a", "x64", "-o", str(partial),
        "-D", f"Version={inputs.product_version}", "-D", f"{SOURCE_VARIABLE}={payload_rel}",
        "-D", f"MainExe={inputs.launcher}", "-D", f"IconFile={icon_rel}",
        str(MAIN_WXS), str(inputs.files_wxs),
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0 or not partial.is_file():
        partial.unlink(missing_ok=True)
        errors = [line for line in result.stderr.splitlines() if line.strip() and "GLib-GObject" not in line]
        raise BuildError("wixl failed: " + " / ".join(errors)[-2000:])
    for query in POST_QUERIES:
        subprocess.run([msibuild, str(partial), "-q", query], check=True, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--payload", type=Path, default=REPO / "dist" / "agentdesk")
    parser.add_argument("--out", type=Path, default=None, help="default dist/AgentDesk-<version>-x64.msi")
    parser.add_argument("--version", default=None, help="default: agentdesk.__version__")
    parser.add_argument("--workdir", type=Path, default=REPO / "build" / "msi")
    parser.add_argument(
        "--toolset", choices=("wixl", "wix5"), default="wix5" if sys.platform == "win32" else "wixl"
    )
    args = parser.parse_args(argv)
    try:
        version = args.version or project_version()
        out = args.out or REPO / "dist" / f"AgentDesk-{version}-x64.msi"
        summary = build(args.payload, out, version, args.workdir, toolset=args.toolset)
    except (BuildError, subprocess.CalledProcessError) as exc:
        print(f"build_msi: {exc}", file=sys.stderr)
        return 1
    for key, value in summary.items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
