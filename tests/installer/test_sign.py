"""installer/sign.py: signs with osslsigncode when a certificate is given, says UNSIGNED otherwise."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.installer.helpers import INSTALLER, require_tools

Builder = Callable[..., subprocess.CompletedProcess[str]]
MSI_HEADER = bytes.fromhex("D0CF11E0A1B11AE1")


def run_sign(*files: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("AGENTDESK_SIGN_")}
    return subprocess.run(
        [sys.executable, str(INSTALLER / "sign.py"), *map(str, files)],
        capture_output=True, text=True, timeout=60, env={**clean, **env},
    )  # fmt: skip


@pytest.fixture
def pe_file(tmp_path: Path) -> Path:
    path = tmp_path / "agentdesk.exe"
    path.write_bytes(b"MZ" + b"\0" * 62)
    return path


def test_without_a_certificate_the_build_says_unsigned(pe_file: Path) -> None:
    before = pe_file.read_bytes()
    result = run_sign(pe_file, env={})
    assert result.returncode == 0
    assert f"UNSIGNED: {pe_file}" in result.stderr
    assert "NOT code-signed" in result.stderr
    assert pe_file.read_bytes() == before


def test_required_signing_without_a_certificate_fails(pe_file: Path) -> None:
    result = run_sign(pe_file, env={"AGENTDESK_SIGN_REQUIRED": "1"})
    assert result.returncode == 1
    assert "no certificate was given" in result.stderr


def test_non_windows_binaries_are_left_alone(tmp_path: Path) -> None:
    elf = tmp_path / "agentdesk"
    elf.write_bytes(b"\x7fELF" + b"\0" * 60)
    result = run_sign(elf, env={"AGENTDESK_SIGN_PFX": str(tmp_path / "unused.pfx")})
    assert result.returncode == 0
    assert "NOT SIGNABLE" in result.stderr


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = run_sign(tmp_path / "nope.msi", env={})
    assert result.returncode == 2 and "no such file" in result.stderr


def test_msi_is_signed_with_a_pfx(tmp_path: Path, build_msi: Builder, fake_payload: Path) -> None:
    require_tools("osslsigncode", "openssl", "msiinfo")
    key, cert, pfx = tmp_path / "key.pem", tmp_path / "cert.pem", tmp_path / "sign.pfx"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=AgentDesk Test", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    subprocess.run(
        ["openssl", "pkcs12", "-export", "-inkey", str(key), "-in", str(cert), "-out", str(pfx),
         "-passout", "pass:secret"],
        check=True, capture_output=True,
    )  # fmt: skip
    msi = tmp_path / "AgentDesk.msi"
    assert build_msi(fake_payload, msi).returncode == 0
    assert msi.read_bytes()[:8] == MSI_HEADER
    streams = subprocess.run(["msiinfo", "streams", str(msi)], capture_output=True, text=True).stdout
    assert "DigitalSignature" not in streams

    pem_signed = tmp_path / "AgentDesk-pem.msi"
    shutil.copyfile(msi, pem_signed)

    result = run_sign(msi, env={"AGENTDESK_SIGN_PFX": str(pfx), "AGENTDESK_SIGN_PASSWORD": "secret"})
    assert result.returncode == 0, result.stderr
    assert f"SIGNED: {msi}" in result.stderr
    streams = subprocess.run(["msiinfo", "streams", str(msi)], capture_output=True, text=True).stdout
    assert "DigitalSignature" in streams
    extracted = subprocess.run(
        ["osslsigncode", "extract-signature", "-in", str(msi), "-out", str(tmp_path / "sig.der")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert extracted.returncode == 0, extracted.stdout + extracted.stderr

    result = run_sign(pem_signed, env={"AGENTDESK_SIGN_CERT": str(cert), "AGENTDESK_SIGN_KEY": str(key)})
    assert result.returncode == 0, result.stderr
    streams = subprocess.run(["msiinfo", "streams", str(pem_signed)], capture_output=True, text=True).stdout
    assert "DigitalSignature" in streams


def test_wrong_password_fails_and_keeps_the_original(tmp_path: Path, pe_file: Path) -> None:
    require_tools("osslsigncode")
    pfx = tmp_path / "broken.pfx"
    pfx.write_bytes(b"not a pkcs12 file")
    before = pe_file.read_bytes()
    result = run_sign(pe_file, env={"AGENTDESK_SIGN_PFX": str(pfx), "AGENTDESK_SIGN_PASSWORD": "x"})
    assert result.returncode == 1
    assert f"signing {pe_file} failed" in result.stderr
    assert pe_file.read_bytes() == before
    assert not pe_file.with_name(pe_file.name + ".signed").exists()
