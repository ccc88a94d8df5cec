"""Authenticode-sign Windows binaries and MSIs when a certificate is given; say so loudly when not.

    python installer/sign.py dist/agentdesk/agentdesk.exe dist/AgentDesk-0.1.0-x64.msi

Certificate, from the environment (never from files in the repository):
  AGENTDESK_SIGN_PFX            PKCS#12 file (.pfx/.p12)          - signtool or osslsigncode
  AGENTDESK_SIGN_PASSWORD       its password (optional)
  AGENTDESK_SIGN_CERT / _KEY    PEM certificate chain and key      - osslsigncode only
  AGENTDESK_SIGN_THUMBPRINT     SHA-1 of a certificate in the Windows store (signtool /sha1),
                                e.g. one on a hardware token or Azure Key Vault-backed CSP
  AGENTDESK_SIGN_TIMESTAMP_URL  RFC 3161 timestamp server (recommended for releases)
  AGENTDESK_SIGN_REQUIRED=1     fail instead of leaving files unsigned (release builds)
Tools: signtool on Windows (SIGNTOOL overrides the path), osslsigncode elsewhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

DESCRIPTION = "AgentDesk"
INFO_URL = "https://agentdesk.example/"
PE_MAGIC = b"MZ"
MSI_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # OLE compound file


class SigningError(Exception):
    """Signing was asked for (or required) and could not be done."""


def signable(path: Path) -> bool:
    """Authenticode applies to PE files (exe, dll) and MSI packages, not to ELF or Mach-O."""
    with path.open("rb") as handle:
        head = handle.read(8)
    return head.startswith(PE_MAGIC) or head == MSI_MAGIC


def _signtool_command(path: Path, env: Mapping[str, str]) -> list[str]:
    tool = env.get("SIGNTOOL") or shutil.which("signtool") or "signtool"
    cmd = [tool, "sign", "/fd", "sha256", "/d", DESCRIPTION, "/du", INFO_URL]
    if env.get("AGENTDESK_SIGN_THUMBPRINT"):
        cmd += ["/sha1", env["AGENTDESK_SIGN_THUMBPRINT"], "/sm"]
    else:
        cmd += ["/f", env["AGENTDESK_SIGN_PFX"]]
        if env.get("AGENTDESK_SIGN_PASSWORD"):
            cmd += ["/p", env["AGENTDESK_SIGN_PASSWORD"]]
    if env.get("AGENTDESK_SIGN_TIMESTAMP_URL"):
        cmd += ["/tr", env["AGENTDESK_SIGN_TIMESTAMP_URL"], "/td", "sha256"]
    return [*cmd, str(path)]


def _osslsigncode_command(path: Path, signed: Path, env: Mapping[str, str]) -> list[str]:
    tool = shutil.which("osslsigncode")
    if tool is None:
        raise SigningError("osslsigncode is not installed (apt-get install osslsigncode)")
    cmd = [tool, "sign", "-h", "sha256", "-n", DESCRIPTION, "-i", INFO_URL]
    if env.get("AGENTDESK_SIGN_PFX"):
        cmd += ["-pkcs12", env["AGENTDESK_SIGN_PFX"]]
        if env.get("AGENTDESK_SIGN_PASSWORD"):
            cmd += ["-pass", env["AGENTDESK_SIGN_PASSWORD"]]
    else:
        cmd += ["-certs", env["AGENTDESK_SIGN_CERT"], "-key", env["AGENTDESK_SIGN_KEY"]]
    if env.get("AGENTDESK_SIGN_TIMESTAMP_URL"):
        cmd += ["-ts", env["AGENTDESK_SIGN_TIMESTAMP_URL"]]
    return [*cmd, "-in", str(path), "-out", str(signed)]


def certificate_given(env: Mapping[str, str]) -> bool:
    if env.get("AGENTDESK_SIGN_PFX") or env.get("AGENTDESK_SIGN_THUMBPRINT"):
        return True
    return bool(env.get("AGENTDESK_SIGN_CERT") and env.get("AGENTDESK_SIGN_KEY"))


def sign_file(path: Path, env: Mapping[str, str], *, windows: bool) -> None:
    if windows:
        if not (env.get("AGENTDESK_SIGN_PFX") or env.get("AGENTDESK_SIGN_THUMBPRINT")):
            raise SigningError(
                "signtool needs AGENTDESK_SIGN_PFX or AGENTDESK_SIGN_THUMBPRINT (PEM is for osslsigncode)"
            )
        result = subprocess.run(_signtool_command(path, env), capture_output=True, text=True)
    else:
        if env.get("AGENTDESK_SIGN_THUMBPRINT") and not env.get("AGENTDESK_SIGN_PFX"):
            raise SigningError("AGENTDESK_SIGN_THUMBPRINT needs signtool on Windows")
        signed = path.with_name(path.name + ".signed")
        result = subprocess.run(_osslsigncode_command(path, signed, env), capture_output=True, text=True)
        if result.returncode == 0:
            signed.replace(path)
        else:
            signed.unlink(missing_ok=True)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        raise SigningError(f"signing {path} failed: {' / '.join(detail)}")


def sign_all(paths: Sequence[Path], env: Mapping[str, str], *, windows: bool) -> list[str]:
    """Sign every signable file; returns one status line per file."""
    lines: list[str] = []
    have_cert = certificate_given(env)
    if not have_cert and env.get("AGENTDESK_SIGN_REQUIRED") == "1":
        raise SigningError("AGENTDESK_SIGN_REQUIRED=1 but no certificate was given (AGENTDESK_SIGN_PFX, ...)")
    for path in paths:
        if not signable(path):
            lines.append(f"NOT SIGNABLE: {path} is not a Windows PE file or MSI; left as is")
        elif not have_cert:
            lines.append(f"UNSIGNED: {path} (no certificate: set AGENTDESK_SIGN_PFX to sign)")
        else:
            sign_file(path, env, windows=windows)
            lines.append(f"SIGNED: {path}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    paths = [Path(arg) for arg in (sys.argv[1:] if argv is None else argv)]
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print(f"sign: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    try:
        lines = sign_all(paths, os.environ, windows=sys.platform == "win32")
    except SigningError as exc:
        print(f"sign: {exc}", file=sys.stderr)
        return 1
    for line in lines:
        print(line, file=sys.stderr)
    if any(line.startswith("UNSIGNED") for line in lines):
        print(
            "*** This build is NOT code-signed. Windows SmartScreen and AppLocker will treat it as "
            "untrusted. ***",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
