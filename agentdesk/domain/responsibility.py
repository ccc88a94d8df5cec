"""The responsibility boundary list: issue type -> first responsible department (for transfers).

Shipped as ``resources/departments/responsibility.json``; a malformed file is a ConfigError that
names the file, never a silent empty list.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from agentdesk.domain.enums import Category
from agentdesk.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Department:
    id: str
    names: dict[str, str]  # lang ("en", "zh") -> display name

    def name_for(self, lang: str) -> str:
        return self.names.get(lang) or self.names.get("en") or self.id


@dataclass(frozen=True, slots=True)
class ResponsibilityList:
    departments: dict[str, Department]
    by_issue_type: dict[str, str]

    def department_for(self, issue_type: str | None) -> Department | None:
        dept = self.by_issue_type.get(issue_type or "")
        return self.departments.get(dept) if dept else None

    def ordered_for(self, issue_type: str | None) -> list[Department]:
        """Every department, the one responsible for ``issue_type`` first."""
        first = self.department_for(issue_type)
        rest = [d for d in self.departments.values() if d is not first]
        return [first, *rest] if first else rest


def parse(raw: object, where: str) -> ResponsibilityList:
    if not isinstance(raw, dict):
        raise ConfigError("the responsibility list must be a JSON object", file=where)
    depts_raw, types_raw = raw.get("departments"), raw.get("issue_types")
    if not isinstance(depts_raw, dict) or not isinstance(types_raw, dict):
        raise ConfigError("'departments' and 'issue_types' must be objects", file=where)
    departments = {}
    for dept_id, names in depts_raw.items():
        if not isinstance(names, dict) or not all(isinstance(v, str) for v in names.values()):
            raise ConfigError("a department needs names by language", file=where, key=str(dept_id))
        departments[str(dept_id)] = Department(str(dept_id), dict(names))
    known = {c.value for c in Category}
    mapping = {}
    for issue_type, dept in types_raw.items():
        if issue_type not in known:
            raise ConfigError(f"unknown issue type {issue_type!r}", file=where, key=str(issue_type))
        if dept not in departments:
            raise ConfigError(f"unknown department {dept!r}", file=where, key=str(issue_type))
        mapping[str(issue_type)] = str(dept)
    return ResponsibilityList(departments, mapping)


def load(path: Path | None = None) -> ResponsibilityList:
    source = path or Path(str(resources.files("agentdesk.resources") / "departments" / "responsibility.json"))
    try:
        raw = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read the responsibility list: {exc}", file=str(source)) from None
    return parse(raw, str(source))


@lru_cache(maxsize=1)
def default_list() -> ResponsibilityList:
    return load()
