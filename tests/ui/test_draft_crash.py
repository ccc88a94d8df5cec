"""A console killed after typing comes back with the draft in the composer."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.conftest import Synced

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_crash_restart_restores_the_draft(synced: Synced, tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    shutil.copy(synced.store, store)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "AGENTDESK_HOME": str(tmp_path / "home"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    text = "Dear customer, I have checked order 1001 and"
    args = [sys.executable, "-m", "tests.ui.draft_proc"]
    typing = subprocess.Popen(
        [*args, "type", str(store), text, json.dumps(synced.agent)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = typing.stdout.readline() if typing.stdout else ""
        assert line.startswith("SAVED"), line
        ticket_id = line.split()[1]
    finally:
        typing.send_signal(signal.SIGKILL)  # no close handlers, no last save
        typing.wait(10)
    again = subprocess.run(
        [*args, "check", str(store), text, json.dumps(synced.agent)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert again.returncode == 0, again.stderr[-2000:]
    shown = json.loads(again.stdout.strip().splitlines()[-1])
    assert shown == {"ticket": ticket_id, "text": text}
