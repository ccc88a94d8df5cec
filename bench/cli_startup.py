"""Start-up time of ``agentdesk --version`` (target <= 0.3 s) against ``python -c pass``, and whether Qt
got imported on the way. Prints one JSON object.

    python bench/cli_startup.py [--runs 20]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time

CHECK_IMPORTS = (
    "import sys; from agentdesk.cli import main; main(['--version']); "
    "heavy = ('PySide6', 'shiboken6', 'sqlalchemy', 'httpx', 'starlette', 'uvicorn'); "
    "print(sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in heavy}))"
)


def timed(command: list[str], runs: int) -> dict[str, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
    samples.sort()
    return {
        "median_s": round(statistics.median(samples), 4),
        "min_s": round(samples[0], 4),
        "max_s": round(samples[-1], 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    script = shutil.which("agentdesk")
    command = [script, "--version"] if script else [sys.executable, "-m", "agentdesk", "--version"]
    imported = subprocess.run(
        [sys.executable, "-c", CHECK_IMPORTS], check=True, capture_output=True, text=True
    ).stdout.splitlines()[-1]
    heavy = json.loads(imported.replace("'", '"'))
    result = {
        "runs": args.runs,
        "command": " ".join([("agentdesk" if script else "python -m agentdesk"), "--version"]),
        "agentdesk_version": timed(command, args.runs),
        "baseline_python_pass": timed([sys.executable, "-c", "pass"], args.runs),
        "target_s": 0.3,
        "qt_imported": any(m in ("PySide6", "shiboken6") for m in heavy),
        "heavy_modules_imported": heavy,
    }
    result["overhead_over_baseline_s"] = round(
        result["agentdesk_version"]["median_s"] - result["baseline_python_pass"]["median_s"], 4
    )
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
