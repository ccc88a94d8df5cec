"""The CI dependency gate (tools/audit_dependencies.py) on pip-audit's documented JSON shape."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("audit_dependencies", ROOT / "tools" / "audit_dependencies.py")
audit = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(audit)  # type: ignore[union-attr]

REPORT = {
    "dependencies": [
        {"name": "httpx", "version": "0.28.1", "vulns": []},
        {
            "name": "jinja2",
            "version": "3.1.2",
            "vulns": [
                {"id": "GHSA-h5c8-rqwp-cp95", "fix_versions": ["3.1.3"], "aliases": ["CVE-2024-22195"]},
            ],
        },
        {"name": "agentdesk", "skip_reason": "Dependency not found on PyPI and could not be audited: x"},
    ],
    "fixes": [],
}


def test_a_vulnerability_fails_the_gate() -> None:
    audited, skipped, found = audit.summarise(REPORT, set())
    assert audited == 2 and sum(skipped.values()) == 1
    assert found == ["jinja2 3.1.2: GHSA-h5c8-rqwp-cp95 (fixed in 3.1.3)"]


def test_an_explained_advisory_passes_by_any_alias() -> None:
    assert audit.summarise(REPORT, {"CVE-2024-22195"})[2] == []


def test_the_explanations_file_parses() -> None:
    assert isinstance(audit.explained_advisories(), set)
