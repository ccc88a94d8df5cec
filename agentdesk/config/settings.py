"""Every setting, declared once: type, default, check, translatable title and policy name.

Effective value precedence: machine policy > environment (``AGENTDESK_<NAME>``) > the user's
settings file > the MSI's ServerUrl (server_url only) > built-in default. A policy value locks the
setting (the console shows it read-only); so does an invalid one, at the built-in default.

The user file is JSON, not TOML: the standard library both reads and writes it (tomllib only
reads), it adds nothing to start-up, and a write is atomic (temp file + rename). Old file versions
are upgraded on load through ``UPGRADES``.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from agentdesk.config.paths import PROFILE_NAME, Paths, app_paths
from agentdesk.config.policy import MSI_KEY, POLICY_KEY, RegistryReader, windows_registry_reader
from agentdesk.errors import ConfigError

FILE_VERSION = 1
Source = Literal["policy", "environment", "user", "msi", "default"]


def _(text: str) -> str:
    """Marks a title for translation; the console translates it in the "settings" context."""
    return text


def _server_url(value: Any) -> str:
    text = str(value).strip()
    parts = urlsplit(text)
    if text and (parts.scheme not in ("http", "https") or not parts.netloc):
        raise ValueError("must be an http:// or https:// address")
    return text.rstrip("/")


@dataclass(frozen=True)
class Choice:
    """One of a fixed set of words (the console offers them in a list)."""

    allowed: tuple[str, ...]

    def __call__(self, value: Any) -> str:
        if str(value) not in self.allowed:
            raise ValueError(f"must be one of {', '.join(self.allowed)}")
        return str(value)


@dataclass(frozen=True)
class IntRange:
    """A whole number from ``low`` to ``high`` (the ADMX template declares the same range)."""

    low: int
    high: int

    def __call__(self, value: Any) -> int:
        if isinstance(value, bool):
            raise ValueError("must be a whole number")
        try:
            number = int(str(value).strip())
        except ValueError:
            raise ValueError("must be a whole number") from None
        if not self.low <= number <= self.high:
            raise ValueError(f"must be between {self.low} and {self.high}")
        return number


def _profile_name(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("must be text")
    if value and not PROFILE_NAME.match(value):
        raise ValueError("must be a profile name (letters, digits, . _ @ -)")
    return value


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ValueError("must be true or false")


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    check: Callable[[Any], Any]
    title: str
    policy: str | None = None  # registry value name under the policy key
    policy_type: Literal["REG_SZ", "REG_DWORD"] | None = None

    @property
    def value_type(self) -> type:
        return type(self.default)


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting("server_url", "", _server_url, _("Server address"), "ServerUrl", "REG_SZ"),
        Setting(
            "update_channel",
            "stable",
            Choice(("stable", "beta")),
            _("Update channel"),
            "UpdateChannel",
            "REG_SZ",
        ),
        Setting(
            "idle_lock_minutes",
            15,
            IntRange(0, 1440),
            _("Lock after idle minutes (0 = never)"),
            "IdleLockMinutes",
            "REG_DWORD",
        ),
        Setting("language", "system", Choice(("system", "en", "zh_CN")), _("Language"), "Language", "REG_SZ"),
        Setting("theme", "system", Choice(("system", "light", "dark")), _("Theme"), "Theme", "REG_SZ"),
        Setting(
            "sync_interval_seconds",
            30,
            IntRange(5, 86400),
            _("Sync interval (seconds)"),
            "SyncIntervalSeconds",
            "REG_DWORD",
        ),
        Setting("verify_tls", True, _boolean, _("Verify the server's certificate"), "VerifyTls", "REG_DWORD"),
        Setting("last_profile", "", _profile_name, _("Last signed-in profile")),
    )
}


@dataclass(frozen=True)
class Effective:
    value: Any
    source: Source
    locked: bool


@dataclass
class Settings:
    """Effective settings plus the user's own values (what ``save`` writes)."""

    paths: Paths
    effective: dict[str, Effective]
    user_values: dict[str, Any]
    window: dict[str, Any]
    problems: list[str]

    def __getitem__(self, name: str) -> Any:
        return self.effective[name].value

    def set(self, name: str, value: Any) -> None:
        setting = SETTINGS[name]
        if self.effective[name].locked:
            raise ConfigError("This setting is set by your organisation's policy", key=name)
        try:
            checked = setting.check(value)
        except ValueError as exc:
            raise ConfigError(f"invalid value: {exc}", file=str(self.paths.settings_file), key=name) from None
        self.user_values[name] = checked
        current = self.effective[name]
        if current.source not in ("policy", "environment"):
            self.effective[name] = Effective(checked, "user", False)

    def save(self) -> None:
        path = self.paths.settings_file
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"version": FILE_VERSION, "values": self.user_values, "window": self.window}
        fd, tmp = tempfile.mkstemp(prefix=".settings-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, ensure_ascii=False, indent=2)
        os.replace(tmp, path)


def _from_flat_object(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 0 was a flat object of values."""
    return {"version": 1, "values": {k: v for k, v in raw.items() if k in SETTINGS}, "window": {}}


# Upgrade hooks: UPGRADES[n] turns a version-n file into version n + 1. Add one per format change.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _from_flat_object}


def _upgrade(raw: Any, where: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise ConfigError("the settings file must hold a JSON object", file=where)
    version = raw.get("version", 0)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise ConfigError("'version' must be a whole number", file=where, key="version")
    if version > FILE_VERSION:
        raise ConfigError(
            f"settings file version {version} is newer than this AgentDesk understands", file=where
        )
    while version < FILE_VERSION:
        raw = UPGRADES[version](raw)
        version = raw["version"]
    return raw


def _read_user_file(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {"version": FILE_VERSION, "values": {}, "window": {}}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ConfigError(f"not valid JSON ({exc.msg} at line {exc.lineno})", file=str(path)) from None
    return _upgrade(raw, str(path))


def load_settings(
    env: Mapping[str, str] | None = None,
    *,
    registry: RegistryReader | None = None,
    paths: Paths | None = None,
    skip_user_file: bool = False,
) -> Settings:
    """Effective settings. Invalid user values raise ConfigError naming the file and key; an
    invalid policy or environment value is reported in ``problems`` (naming the registry value or
    variable) and ignored, so one bad policy does not stop every agent's console."""
    env = dict(os.environ) if env is None else dict(env)
    paths = paths or app_paths(env)
    registry = registry if registry is not None else windows_registry_reader()
    # skip_user_file: doctor still reports everything else when the user's file is broken.
    user = {"values": {}, "window": {}} if skip_user_file else _read_user_file(paths.settings_file)
    values = user.get("values") or {}
    if not isinstance(values, dict):
        raise ConfigError("'values' must be an object", file=str(paths.settings_file), key="values")
    problems: list[str] = []
    effective: dict[str, Effective] = {}
    for name, setting in SETTINGS.items():
        chosen: Effective | None = None
        if registry is not None and setting.policy:
            found = registry(POLICY_KEY, setting.policy)
            if found is not None:
                value, kind = found
                try:
                    if kind != setting.policy_type:
                        raise ValueError(f"is {kind}, expected {setting.policy_type}")
                    chosen = Effective(setting.check(value), "policy", True)
                except ValueError as exc:
                    # The organisation meant to manage this setting: keep it locked, at the built-in
                    # default, rather than let the user's own value through.
                    chosen = Effective(setting.default, "default", True)
                    problems.append(
                        f"policy value HKLM\\{POLICY_KEY}\\{setting.policy} ignored: {exc}; "
                        f"using the default {setting.default!r}"
                    )
        env_name = f"AGENTDESK_{name.upper()}"
        if chosen is None and env_name in env:
            try:
                chosen = Effective(setting.check(env[env_name]), "environment", False)
            except ValueError as exc:
                problems.append(f"environment variable {env_name} ignored: {exc}")
        if chosen is None and name in values:
            try:
                chosen = Effective(setting.check(values[name]), "user", False)
            except ValueError as exc:
                raise ConfigError(f"invalid value: {exc}", file=str(paths.settings_file), key=name) from None
        if chosen is None and name == "server_url" and registry is not None:
            found = registry(MSI_KEY, "ServerUrl")
            if found is not None:
                try:
                    chosen = Effective(setting.check(found[0]), "msi", False)
                except ValueError as exc:
                    problems.append(f"HKLM\\{MSI_KEY}\\ServerUrl ignored: {exc}")
        effective[name] = chosen or Effective(setting.default, "default", False)
    window = user.get("window") if isinstance(user.get("window"), dict) else {}
    return Settings(paths, effective, dict(values), window, problems)
