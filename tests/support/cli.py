"""The ``agentdesk`` command run as a user runs it: a child process with its output captured."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping

AGENTDESK = (sys.executable, "-m", "agentdesk")


def run_agentdesk(
    *args: str, env: Mapping[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``agentdesk ARGS`` to completion (``env``, when given, is the child's whole environment)."""
    return subprocess.run(
        [*AGENTDESK, *args], capture_output=True, text=True, env=env, timeout=timeout, check=False
    )
