"""installer/smoke.py against stand-in launchers: it must pass a working build and catch a broken one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.installer.helpers import INSTALLER

# A stand-in for the frozen launcher, driven by the same arguments and environment.
LAUNCHER = """#!{python}
import json, os, sys
args = sys.argv[1:]
mode = {mode!r}
if args == ["--version"]:
    print("agentdesk 0.1.0")
elif args[:2] == ["kb", "import"]:
    print("imported 2 articles")
elif args[:2] == ["kb", "suggest"]:
    print(json.dumps({{"id": "q1", "results": ["a1"], "ms": 1}}))
    print(json.dumps({{"id": "q2", "results": ["a2"], "ms": 1}}))
elif os.environ.get("AGENTDESK_FROZEN_SELFTEST") == "qt":
    print(json.dumps({{"platform": os.environ["QT_QPA_PLATFORM"], "window_visible": True,
                       "qtbase_zh_CN": mode != "no-translations", "pdf_printer": True,
                       "image_formats": ["ico", "jpeg", "png", "svg"]}}))
elif mode == "crash":
    sys.exit("Traceback: ModuleNotFoundError: No module named 'PySide6.QtCharts'")
else:
    import time
    time.sleep(30)
"""


def make_launcher(tmp_path: Path, mode: str) -> Path:
    path = tmp_path / "agentdesk"
    path.write_text(LAUNCHER.format(python=sys.executable, mode=mode), encoding="utf-8")
    path.chmod(0o755)
    return path


def run_smoke(launcher: Path) -> tuple[int, dict]:
    command = [sys.executable, str(INSTALLER / "smoke.py"), str(launcher), "--console-seconds", "1"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    return result.returncode, json.loads(result.stdout)


@pytest.mark.skipif(sys.platform == "win32", reason="stand-in launcher is a shebang script")
def test_a_working_build_passes(tmp_path: Path) -> None:
    code, report = run_smoke(make_launcher(tmp_path, "ok"))
    assert code == 0
    assert report["version"]["output"] == "agentdesk 0.1.0"
    assert report["console_offscreen"]["status"] == "running"
    assert report["qt_offscreen_window"]["platform"] == "offscreen"


@pytest.mark.skipif(sys.platform == "win32", reason="stand-in launcher is a shebang script")
def test_a_console_that_crashes_fails_with_its_error(tmp_path: Path) -> None:
    code, report = run_smoke(make_launcher(tmp_path, "crash"))
    assert code == 1
    assert report["console_offscreen"]["ok"] is False
    assert "No module named 'PySide6.QtCharts'" in report["console_offscreen"]["error"]


@pytest.mark.skipif(sys.platform == "win32", reason="stand-in launcher is a shebang script")
def test_missing_qt_translations_fail(tmp_path: Path) -> None:
    code, report = run_smoke(make_launcher(tmp_path, "no-translations"))
    assert code == 1
    assert report["qt_offscreen_window"]["ok"] is False
