"""The Group Policy template IT deploys (installer/policy/AgentDesk.admx) and the settings the app
reads must agree: same value names, registry types, choices and ranges."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from agentdesk.config import SETTINGS
from agentdesk.config.policy import POLICY_KEY
from agentdesk.config.settings import Choice, IntRange

ADMX = Path(__file__).resolve().parents[2] / "installer" / "policy" / "AgentDesk.admx"
NS = {"p": "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"}
BY_POLICY = {s.policy: s for s in SETTINGS.values() if s.policy}

ADMX_ROOT = ET.parse(ADMX).getroot() if ADMX.exists() else None
pytestmark = pytest.mark.skipif(ADMX_ROOT is None, reason="no ADMX template in this checkout")


def policies() -> list[ET.Element]:
    assert ADMX_ROOT is not None
    return ADMX_ROOT.findall("p:policies/p:policy", NS)


def accepts(value_name: str, value: object) -> bool:
    try:
        BY_POLICY[value_name].check(value)
    except ValueError:
        return False
    return True


def test_every_policy_in_the_template_is_a_setting_and_back() -> None:
    names = set()
    for policy in policies():
        assert policy.get("key") == POLICY_KEY and policy.get("class") == "Machine"
        elements = policy.find("p:elements", NS)
        names |= {e.get("valueName") for e in elements} if elements is not None else {policy.get("valueName")}
    assert names == set(BY_POLICY)


def test_registry_types_choices_and_ranges_agree() -> None:
    for policy in policies():
        elements = policy.find("p:elements", NS)
        if elements is None:  # an on/off policy: enabled and disabled values
            name = policy.get("valueName")
            assert BY_POLICY[name].policy_type == "REG_DWORD"
            for tag in ("enabledValue", "disabledValue"):
                value = int(policy.find(f"p:{tag}/p:decimal", NS).get("value"))  # type: ignore[union-attr]
                assert accepts(name, value), (name, value)
            continue
        for element in elements:
            name = element.get("valueName")
            setting = BY_POLICY[name]
            kind = element.tag.split("}")[1]
            if kind == "decimal":
                assert setting.policy_type == "REG_DWORD", name
                low, high = int(element.get("minValue", "0")), int(element.get("maxValue", "4294967295"))
                assert setting.check == IntRange(low, high), name
                assert setting.value_type is int
            elif kind == "enum":
                assert setting.policy_type == "REG_SZ", name
                values = [v.text for v in element.findall("p:item/p:value/p:string", NS)]
                assert setting.check == Choice(tuple(values)), name
                assert setting.default in values, name
            else:
                assert kind == "text" and setting.policy_type == "REG_SZ", name
                assert accepts(name, "https://gateway.example.com"), name
