"""Settings precedence: policy > environment > user file > MSI default > built-in default."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from agentdesk.config import Effective, app_paths, load_settings
from agentdesk.config.policy import MSI_KEY, POLICY_KEY, windows_registry_reader
from agentdesk.errors import ConfigError


def registry(values: dict[tuple[str, str], tuple[Any, str]]):  # type: ignore[no-untyped-def]
    return lambda key, name: values.get((key, name))


@pytest.fixture()
def home(tmp_path: Path) -> dict[str, str]:
    return {"AGENTDESK_HOME": str(tmp_path)}


def write_user(env: dict[str, str], values: dict[str, Any], version: int | None = 1) -> Path:
    path = app_paths(env).settings_file
    path.parent.mkdir(parents=True, exist_ok=True)
    payload: dict[str, Any] = {"version": version, "values": values} if version is not None else values
    path.write_text(json.dumps(payload))
    return path


def test_defaults_with_nothing_configured(home: dict[str, str]) -> None:
    settings = load_settings(home, registry=registry({}))
    assert settings["server_url"] == "" and settings.effective["server_url"].source == "default"
    assert settings["idle_lock_minutes"] == 15 and settings["verify_tls"] is True
    assert not settings.problems


def test_precedence_and_locks(home: dict[str, str]) -> None:
    write_user(home, {"server_url": "https://user.example", "theme": "dark", "language": "en"})
    env = {**home, "AGENTDESK_THEME": "light", "AGENTDESK_LANGUAGE": "zh_CN"}
    reg = registry(
        {
            (POLICY_KEY, "ServerUrl"): ("https://policy.example/", "REG_SZ"),
            (POLICY_KEY, "IdleLockMinutes"): (5, "REG_DWORD"),
            (MSI_KEY, "ServerUrl"): ("https://msi.example", "REG_SZ"),
        }
    )
    settings = load_settings(env, registry=reg)
    assert settings.effective["server_url"].value == "https://policy.example"
    assert settings.effective["server_url"].locked and settings.effective["server_url"].source == "policy"
    assert settings.effective["idle_lock_minutes"].value == 5
    assert settings.effective["theme"].source == "environment" and settings["theme"] == "light"
    assert settings["language"] == "zh_CN"
    with pytest.raises(ConfigError, match="policy"):
        settings.set("server_url", "https://mine.example")


def test_msi_server_url_is_only_a_default(home: dict[str, str]) -> None:
    reg = registry({(MSI_KEY, "ServerUrl"): ("https://msi.example", "REG_SZ")})
    assert load_settings(home, registry=reg).effective["server_url"].source == "msi"
    write_user(home, {"server_url": "https://user.example"})
    assert load_settings(home, registry=reg)["server_url"] == "https://user.example"


def test_invalid_user_value_names_file_and_key(home: dict[str, str]) -> None:
    path = write_user(home, {"idle_lock_minutes": "soon"})
    with pytest.raises(ConfigError) as info:
        load_settings(home, registry=registry({}))
    assert info.value.file == str(path) and info.value.key == "idle_lock_minutes"
    assert str(path) in str(info.value)
    path.write_text("{broken")
    with pytest.raises(ConfigError, match="not valid JSON"):
        load_settings(home, registry=registry({}))


def test_bad_policy_or_environment_values_are_reported_and_ignored(home: dict[str, str]) -> None:
    reg = registry(
        {
            (POLICY_KEY, "IdleLockMinutes"): ("ten", "REG_SZ"),
            (POLICY_KEY, "ServerUrl"): ("ftp://nope", "REG_SZ"),
        }
    )
    settings = load_settings({**home, "AGENTDESK_SYNC_INTERVAL_SECONDS": "-3"}, registry=reg)
    assert settings["idle_lock_minutes"] == 15 and settings["server_url"] == ""
    joined = "\n".join(settings.problems)
    assert "IdleLockMinutes" in joined and "REG_SZ" in joined and "ServerUrl" in joined
    assert "AGENTDESK_SYNC_INTERVAL_SECONDS" in joined


def test_save_round_trip_and_old_file_upgrade(home: dict[str, str]) -> None:
    write_user(home, {"theme": "dark", "unknown": 1}, version=None)  # a version-0 flat file
    settings = load_settings(home, registry=registry({}))
    assert settings["theme"] == "dark"
    settings.set("language", "zh_CN")
    settings.window["splitter"] = [300, 700]
    settings.save()
    again = load_settings(home, registry=registry({}))
    assert again["language"] == "zh_CN" and again.window == {"splitter": [300, 700]}
    raw = json.loads(app_paths(home).settings_file.read_text())
    assert raw["version"] == 1
    with pytest.raises(ConfigError, match="sync_interval_seconds"):
        again.set("sync_interval_seconds", 1)


def test_profile_paths_live_under_agentdesk_home(home: dict[str, str]) -> None:
    paths = app_paths(home)
    assert (
        paths.store_path("demo.agent")
        == Path(home["AGENTDESK_HOME"]) / "data/profiles/demo.agent/store.sqlite3"
    )
    with pytest.raises(Exception, match="not a valid profile"):
        paths.store_path("../etc")


def test_an_invalid_policy_keeps_the_setting_locked_at_its_default(home: dict[str, str]) -> None:
    # The administrator meant to manage idle locking; a wrong registry type must not hand it back
    # to the user's own "never lock".
    write_user(home, {"idle_lock_minutes": 0, "verify_tls": False})
    reg = registry(
        {
            (POLICY_KEY, "IdleLockMinutes"): ("10", "REG_SZ"),
            (POLICY_KEY, "VerifyTls"): (7, "REG_DWORD"),
        }
    )
    settings = load_settings(home, registry=reg)
    assert settings.effective["idle_lock_minutes"] == Effective(15, "default", True)
    assert settings.effective["verify_tls"] == Effective(True, "default", True)
    assert any(
        "IdleLockMinutes" in p and "REG_SZ" in p and "expected REG_DWORD" in p for p in settings.problems
    )
    assert any("VerifyTls" in p for p in settings.problems)
    with pytest.raises(ConfigError, match="policy"):
        settings.set("verify_tls", False)


def test_every_policy_value_has_the_declared_registry_type(home: dict[str, str]) -> None:
    reg = registry(
        {
            (POLICY_KEY, "UpdateChannel"): ("beta", "REG_SZ"),
            (POLICY_KEY, "Language"): ("zh_CN", "REG_SZ"),
            (POLICY_KEY, "Theme"): ("dark", "REG_SZ"),
            (POLICY_KEY, "SyncIntervalSeconds"): (60, "REG_DWORD"),
            (POLICY_KEY, "VerifyTls"): (0, "REG_DWORD"),
            (POLICY_KEY, "IdleLockMinutes"): (0, "REG_DWORD"),
        }
    )
    settings = load_settings(home, registry=reg)
    assert not settings.problems
    got = {name: settings[name] for name in ("update_channel", "language", "theme")}
    assert got == {"update_channel": "beta", "language": "zh_CN", "theme": "dark"}
    assert settings["sync_interval_seconds"] == 60 and settings["verify_tls"] is False
    assert settings["idle_lock_minutes"] == 0
    locked = {name for name, e in settings.effective.items() if e.locked}
    assert locked == {
        "update_channel",
        "language",
        "theme",
        "sync_interval_seconds",
        "verify_tls",
        "idle_lock_minutes",
    }


def test_environment_overrides_the_user_file(home: dict[str, str]) -> None:
    write_user(home, {"verify_tls": True, "sync_interval_seconds": 30})
    env = {**home, "AGENTDESK_VERIFY_TLS": "0", "AGENTDESK_SYNC_INTERVAL_SECONDS": "120"}
    settings = load_settings(env, registry=registry({}))
    assert settings["verify_tls"] is False and settings["sync_interval_seconds"] == 120
    assert settings.effective["verify_tls"] == Effective(False, "environment", False)


def test_no_registry_off_windows() -> None:
    assert (windows_registry_reader() is None) == (sys.platform != "win32")


def test_settings_file_versions(home: dict[str, str]) -> None:
    write_user(home, {"theme": "dark"}, version=99)
    with pytest.raises(ConfigError, match="newer"):
        load_settings(home, registry=registry({}))
    path = write_user(home, {"theme": "dark"}, version=-1)
    with pytest.raises(ConfigError) as info:
        load_settings(home, registry=registry({}))
    assert info.value.key == "version" and info.value.file == str(path)
    path.write_text("[1, 2]")
    with pytest.raises(ConfigError, match="JSON object"):
        load_settings(home, registry=registry({}))


def test_last_profile_must_be_a_profile_name(home: dict[str, str]) -> None:
    write_user(home, {"last_profile": "../../etc"})
    with pytest.raises(ConfigError) as info:
        load_settings(home, registry=registry({}))
    assert info.value.key == "last_profile"
    write_user(home, {"last_profile": "demo.agent"})
    assert load_settings(home, registry=registry({}))["last_profile"] == "demo.agent"
