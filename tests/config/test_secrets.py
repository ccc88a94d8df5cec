"""Secrets go to the OS keyring only; without one the user is told, and nothing is written."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.backends.chainer import ChainerBackend

from agentdesk.config import secrets
from agentdesk.errors import SecretStoreError
from tests.support.keyrings import MemoryKeyring, keyring_in_use


@pytest.fixture()
def memory_keyring() -> Iterator[MemoryKeyring]:
    with keyring_in_use(MemoryKeyring()) as backend:
        yield backend


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
    with keyring_in_use(fail.Keyring()):
        with pytest.raises(SecretStoreError, match="keyring"):
            secrets.set_secret("demo.agent", "token", "t0k3n")
        with pytest.raises(SecretStoreError):
            secrets.get_secret("demo.agent", "token")
    assert list(tmp_path.iterdir()) == []


class EmptyChainer(ChainerBackend):
    backends: list[KeyringBackend] = []  # type: ignore[assignment]  # what a machine without any keyring has


class OneChainer(ChainerBackend):
    backends: list[KeyringBackend] = [MemoryKeyring()]  # type: ignore[assignment]


def test_a_chainer_is_usable_only_with_something_to_chain() -> None:
    with keyring_in_use(EmptyChainer()):
        assert not secrets.keyring_usable()
        with pytest.raises(SecretStoreError, match="No secure credential store"):
            secrets.set_secret("demo.agent", "token", "t0k3n")
    with keyring_in_use(OneChainer()):
        assert secrets.keyring_usable()
        secrets.set_secret("demo.agent", "token", "t0k3n")
        assert secrets.get_secret("demo.agent", "token") == "t0k3n"
