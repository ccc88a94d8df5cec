"""Dependency audit for CI: pip-audit over the installed environment, failing on any known
vulnerability that security-findings.toml does not explain.

    python tools/audit_dependencies.py

Exit 0: no unexplained vulnerability among the packages that could be audited (the count of those
that could not, and why, is printed — e.g. an index mirror without PyPI's per-version JSON).
Exit 1: an unexplained vulnerability. Exit 2: pip-audit itself could not run.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def explained_advisories() -> set[str]:
    data = tomllib.loads((ROOT / "security-findings.toml").read_text(encoding="utf-8"))
    return {entry["id"] for entry in data.get("advisory", [])}


def summarise(report: dict, explained: set[str]) -> tuple[int, Counter[str], list[str]]:
    """(packages audited, why the others were skipped, unexplained vulnerabilities) of a
    ``pip-audit -f json`` report."""
    audited, skipped, found = 0, Counter[str](), []
    for dep in report["dependencies"]:
        if "skip_reason" in dep:
            skipped[dep["skip_reason"].split(":")[0]] += 1
            continue
        audited += 1
        for vuln in dep.get("vulns", []):
            if not {vuln["id"], *vuln.get("aliases", [])} & explained:
                fixed = ", ".join(vuln.get("fix_versions", [])) or "no release"
                found.append(f"{dep['name']} {dep['version']}: {vuln['id']} (fixed in {fixed})")
    return audited, skipped, found


def main() -> int:
    run = subprocess.run(
        [sys.executable, "-m", "pip_audit", "--local", "-f", "json", "--progress-spinner", "off"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        print(f"pip-audit did not run (exit {run.returncode}):\n{run.stderr[-2000:]}", file=sys.stderr)
        return 2
    audited, skipped, found = summarise(report, explained_advisories())
    print(f"pip-audit: {audited} packages audited, {sum(skipped.values())} not auditable")
    for reason, count in skipped.most_common():
        print(f"  {count} x {reason}")
    for line in found:
        print(f"VULNERABLE {line}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
