"""Secrets go to the OS keyring only; without one the user is told, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.backends.chainer import ChainerBackend

from agentdesk.config import secrets
from agentdesk.errors import SecretStoreError


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.values.pop((service, username), None)


@pytest.fixture()
def memory_keyring():  # type: ignore[no-untyped-def]
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_round_trip_and_store_key(memory_keyring: MemoryKeyring) -> None:
    secrets.set_secret("demo.agent", "token", "t0k3n")
    assert secrets.get_secret("demo.agent", "token") == "t0k3n"
    secrets.delete_secret("demo.agent", "token")
    assert secrets.get_secret("demo.agent", "token") is None
    key = secrets.store_key("demo.agent")
    assert key is not None and len(key) == 32 and secrets.store_key("demo.agent") == key
    assert secrets.store_key("someone.else", create=False) is None


def test_no_keyring_is_a_clear_error_and_no_file_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(SecretStoreError, match="keyring"):
            secrets.set_secret("demo.agent", "token", "t0k3n")
        with pytest.raises(SecretStoreError):
            secrets.get_secret("demo.agent", "token")
    finally:
        keyring.set_keyring(previous)
    assert list(tmp_path.iterdir()) == []


class EmptyChainer(ChainerBackend):
    backends: list[KeyringBackend] = []  # type: ignore[assignment]  # what a machine without any keyring has


class OneChainer(ChainerBackend):
    backends: list[KeyringBackend] = [MemoryKeyring()]  # type: ignore[assignment]


def test_a_chainer_is_usable_only_with_something_to_chain() -> None:
    previous = keyring.get_keyring()
    try:
        keyring.set_keyring(EmptyChainer())
        assert not secrets.keyring_usable()
        with pytest.raises(SecretStoreError, match="No secure credential store"):
            secrets.set_secret("demo.agent", "token", "t0k3n")
        keyring.set_keyring(OneChainer())
        assert secrets.keyring_usable()
        secrets.set_secret("demo.agent", "token", "t0k3n")
        assert secrets.get_secret("demo.agent", "token") == "t0k3n"
    finally:
        keyring.set_keyring(previous)
