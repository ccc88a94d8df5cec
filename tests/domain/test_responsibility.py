"""The responsibility boundary list (issue type -> first responsible department)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agentdesk.domain.enums import Category
from agentdesk.domain.responsibility import default_list, load
from agentdesk.errors import ConfigError


def test_every_issue_type_has_a_responsible_department() -> None:
    boundaries = default_list()
    for category in Category:
        department = boundaries.department_for(category.value)
        assert department is not None, category
        assert department.name_for("zh") and department.name_for("en")
    ordered = boundaries.ordered_for("delivery")
    assert ordered[0].id == "delivery" and len(ordered) == len(boundaries.departments)


def test_a_bad_file_names_itself(tmp_path: Path) -> None:
    path = tmp_path / "responsibility.json"
    path.write_text(
        json.dumps({"departments": {"billing": {"en": "Billing"}}, "issue_types": {"refund": "legal"}})
    )
    with pytest.raises(ConfigError, match="unknown department") as caught:
        load(path)
    assert str(path) in str(caught.value)
    path.write_text("{not json")
    with pytest.raises(ConfigError, match="cannot read"):
        load(path)
