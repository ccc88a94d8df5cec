"""Platform directories for settings, profiles (local stores), backups and logs."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP = "AgentDesk"
VENDOR = "AgentDesk"
PROFILE_NAME = re.compile(r"^[A-Za-z0-9._@-]{1,64}$")


@dataclass(frozen=True)
class Paths:
    config_dir: Path
    data_dir: Path
    log_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    def profile_dir(self, profile: str) -> Path:
        if not PROFILE_NAME.match(profile):
            from agentdesk.errors import InputError

            raise InputError(f"{profile!r} is not a valid profile name (letters, digits, . _ @ -)")
        return self.data_dir / "profiles" / profile

    def store_path(self, profile: str) -> Path:
        return self.profile_dir(profile) / "store.sqlite3"

    def backups_dir(self, profile: str) -> Path:
        return self.profile_dir(profile) / "backups"


def app_paths(env: dict[str, str] | None = None) -> Paths:
    """The directories in use; ``AGENTDESK_HOME`` puts all of them under one folder."""
    env = dict(os.environ) if env is None else env
    home = env.get("AGENTDESK_HOME")
    if home:
        root = Path(home)
        return Paths(root / "config", root / "data", root / "logs")
    return Paths(
        Path(platformdirs.user_config_dir(APP, VENDOR)),
        Path(platformdirs.user_data_dir(APP, VENDOR)),
        Path(platformdirs.user_log_dir(APP, VENDOR)),
    )
