"""Where AgentDesk keeps things and how it is configured.

paths     platform directories (platformdirs); AGENTDESK_HOME moves all of them (tests, portable use)
settings  every setting declared once; effective values with their source and lock state
policy    Windows machine policy (HKLM\\Software\\Policies\\AgentDesk\\AgentDesk) and the MSI's ServerUrl
secrets   the OS keyring, and nothing else
"""

from agentdesk.config.paths import Paths, app_paths
from agentdesk.config.settings import SETTINGS, Effective, Settings, load_settings

__all__ = ["SETTINGS", "Effective", "Paths", "Settings", "app_paths", "load_settings"]
