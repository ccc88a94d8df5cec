"""Smoke-test a frozen AgentDesk: --version, store and knowledge, bundled Qt, offscreen console start.

    python installer/smoke.py dist/agentdesk/agentdesk[.exe] [--console-seconds 8]

Prints one JSON object of checks and figures; exits 1 when a check fails. Runs with an empty
HOME/APPDATA so it never touches the machine's real profile. Used by installer/build.sh users,
the CI workflows (installer/ci/) and bench/installer_build.py.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

NOT_BUILT = "not available in this build"
ARTICLES = [
    {
        "id": "a1",
        "lang": "en",
        "title": "Refund timing",
        "body": "Refunds reach your card in 5 days.",
        "tags": [],
    },
    {"id": "a2", "lang": "zh", "title": "退款到账时间", "body": "退款通常在五个工作日内到账。", "tags": []},
]
QUERIES = [
    {"id": "q1", "lang": "en", "query": "when does my refund arrive"},
    {"id": "q2", "lang": "zh", "query": "退款多久到账"},
]


def _environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("HOME", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        env[name] = str(home)
    env["HF_HUB_OFFLINE"] = "1"
    return env


def check_version(launcher: Path, env: dict[str, str], runs: int = 3) -> dict[str, Any]:
    timings, output = [], ""
    for _ in range(runs):
        started = time.perf_counter()
        result = subprocess.run(
            [str(launcher), "--version"], capture_output=True, text=True, env=env, timeout=60
        )
        timings.append(time.perf_counter() - started)
        output = result.stdout.strip()
        if result.returncode != 0:
            return {"ok": False, "error": result.stderr.strip()[-500:]}
    return {
        "ok": output.startswith("agentdesk "),
        "output": output,
        "seconds_median": round(statistics.median(timings), 3),
    }


def check_knowledge(launcher: Path, env: dict[str, str], work: Path) -> dict[str, Any]:
    """kb import + suggest: the store's Alembic migrations, FTS5 and jieba, all from the bundle."""
    articles, queries, db = work / "articles.jsonl", work / "queries.jsonl", work / "kb.sqlite3"
    articles.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    queries.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in QUERIES), encoding="utf-8")
    commands = (
        ["kb", "import", str(articles), "--db", str(db)],
        ["kb", "suggest", "--db", str(db), "--batch", str(queries), "--top", "1", "--json"],
    )
    result = None
    for command in commands:
        result = subprocess.run(
            [str(launcher), *command], capture_output=True, text=True, env=env, timeout=120
        )
        if result.returncode != 0:
            return {"ok": False, "command": command[:2], "error": result.stderr.strip()[-500:]}
    assert result is not None
    answers = {row["id"]: row["results"] for row in map(json.loads, result.stdout.splitlines())}
    return {"ok": answers == {"q1": ["a1"], "q2": ["a2"]}, "answers": answers}


def check_console(launcher: Path, env: dict[str, str], seconds: float) -> dict[str, Any]:
    """Start the console offscreen; still running after ``seconds`` (or a clean exit) is a pass."""
    env = {**env, "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(launcher)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        _, stderr = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        return {"ok": True, "status": "running", "seconds": seconds}
    elapsed = round(time.perf_counter() - started, 3)
    if NOT_BUILT in stderr:
        return {"ok": True, "status": "console not built yet", "seconds": elapsed}
    status = "exited 0" if process.returncode == 0 else f"exited {process.returncode}"
    return {
        "ok": process.returncode == 0,
        "status": status,
        "seconds": elapsed,
        "error": stderr.strip()[-800:],
    }


def check_qt(launcher: Path, env: dict[str, str]) -> dict[str, Any]:
    """The bundle's Qt on its own (installer/entry.py self-test): plugins, Charts, PDF, translations."""
    env = {**env, "QT_QPA_PLATFORM": "offscreen", "AGENTDESK_FROZEN_SELFTEST": "qt"}
    started = time.perf_counter()
    result = subprocess.run([str(launcher)], capture_output=True, text=True, env=env, timeout=120)
    elapsed = round(time.perf_counter() - started, 3)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        return {"ok": False, "exit_code": result.returncode, "error": result.stderr.strip()[-800:]}
    found = json.loads(lines[-1])
    ok = (
        found["platform"] == "offscreen"
        and found["window_visible"]
        and found["qtbase_zh_CN"]
        and found["pdf_printer"]
        and {"ico", "svg", "jpeg"} <= set(found["image_formats"])
    )
    return {"ok": ok, "start_to_window_seconds": elapsed, **found}


def smoke(launcher: Path, console_seconds: float) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="agentdesk-smoke-") as tmp:
        work = Path(tmp)
        env = _environment(work / "home")
        (work / "home").mkdir()
        return {
            "launcher": str(launcher),
            "version": check_version(launcher, env),
            "knowledge": check_knowledge(launcher, env, work),
            "qt_offscreen_window": check_qt(launcher, env),
            "console_offscreen": check_console(launcher, env, console_seconds),
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("launcher", type=Path)
    parser.add_argument("--console-seconds", type=float, default=8.0)
    args = parser.parse_args(argv)
    if not args.launcher.is_file():
        parser.error(f"{args.launcher} does not exist; build it with installer/build.sh frozen")
    report = smoke(args.launcher.resolve(), args.console_seconds)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0 if all(check["ok"] for check in report.values() if isinstance(check, dict)) else 1


if __name__ == "__main__":
    sys.exit(main())
