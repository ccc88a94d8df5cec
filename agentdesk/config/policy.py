"""Windows machine policy, read through ``winreg`` (skipped elsewhere).

Group Policy (the ADMX in installer/policy) writes ``HKLM\\Software\\Policies\\AgentDesk\\AgentDesk``;
the MSI writes its SERVERURL to ``HKLM\\Software\\AgentDesk\\AgentDesk\\ServerUrl``. Policy overrides
the user's settings; the MSI's value is only a default. Reading goes through ``RegistryReader`` so
the precedence rules are tested on any platform.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

POLICY_KEY = r"Software\Policies\AgentDesk\AgentDesk"
MSI_KEY = r"Software\AgentDesk\AgentDesk"

# (key path, value name) -> (value, registry type name) or None when absent
RegistryReader = Callable[[str, str], tuple[Any, str] | None]


def windows_registry_reader() -> RegistryReader | None:
    if sys.platform != "win32":
        return None
    import winreg  # type: ignore[import-not-found,unused-ignore]

    names = {winreg.REG_SZ: "REG_SZ", winreg.REG_EXPAND_SZ: "REG_SZ", winreg.REG_DWORD: "REG_DWORD"}

    def read(key_path: str, value_name: str) -> tuple[Any, str] | None:
        try:
            with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, key_path) as key:
                value, kind = winreg.QueryValueEx(key, value_name)
        except OSError:
            return None
        return value, names.get(kind, f"type {kind}")

    return read
