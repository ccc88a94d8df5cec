"""tests/conftest.py turns a modal message box into a failure with its text (no hang), and leaves
boxes alone for a test that asks for ``message_boxes``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_modal_error_box_fails_the_test_with_its_text() -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/ui/error_box_cases.py",
            "-q",
            "-p",
            "no:randomly",
            "-p",
            "no:cacheprovider",
            "--timeout",
            "60",
        ],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    out = run.stdout + run.stderr
    assert "1 failed, 1 passed" in out, out
    assert "FAILED tests/ui/error_box_cases.py::test_unexpected_box" in out, out
    assert "message box shown during the test" in out and "could not be saved on this computer" in out, out
    assert "Timeout" not in out, out
