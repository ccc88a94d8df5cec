"""ADMX/ADML: well-formed, every reference resolves in both languages, values match the contract.

The contract (DESIGN.md, agentdesk/config reads exactly these): key
HKLM\\Software\\Policies\\AgentDesk\\AgentDesk with ServerUrl, UpdateChannel, Language, Theme
(REG_SZ) and IdleLockMinutes, SyncIntervalSeconds, VerifyTls (REG_DWORD).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tests.installer.helpers import INSTALLER

NS = {"p": "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"}
POLICY_DIR = INSTALLER / "policy"
LANGUAGES = ("en-US", "zh-CN")
POLICY_KEY = r"Software\Policies\AgentDesk\AgentDesk"
# value name -> (registry type, allowed string values or None)
CONTRACT: dict[str, tuple[str, frozenset[str] | None]] = {
    "ServerUrl": ("REG_SZ", None),
    "UpdateChannel": ("REG_SZ", frozenset({"stable", "beta"})),
    "IdleLockMinutes": ("REG_DWORD", None),
    "Language": ("REG_SZ", frozenset({"system", "en", "zh_CN"})),
    "Theme": ("REG_SZ", frozenset({"system", "light", "dark"})),
    "SyncIntervalSeconds": ("REG_DWORD", None),
    "VerifyTls": ("REG_DWORD", frozenset({"0", "1"})),
}
# ADMX element -> the ADML control that edits it.
CONTROL_FOR = {"text": "textBox", "decimal": "decimalTextBox", "enum": "dropdownList"}
REFERENCE = re.compile(r"\$\((string|presentation)\.([A-Za-z0-9_]+)\)")


def admx() -> ET.Element:
    return ET.parse(POLICY_DIR / "AgentDesk.admx").getroot()


def adml(language: str) -> ET.Element:
    return ET.parse(POLICY_DIR / language / "AgentDesk.adml").getroot()


def references(root: ET.Element) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for element in root.iter():
        for value in element.attrib.values():
            found.update(REFERENCE.findall(value))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_admx_reference_resolves(language: str) -> None:
    resources = adml(language)
    strings = {s.get("id"): (s.text or "") for s in resources.findall(".//p:stringTable/p:string", NS)}
    presentations = {p.get("id"): p for p in resources.findall(".//p:presentationTable/p:presentation", NS)}
    wanted = references(admx())
    assert ("string", "ServerUrl") in wanted and ("presentation", "ServerUrl") in wanted
    missing = [ref for ref in wanted if ref[1] not in (strings if ref[0] == "string" else presentations)]
    assert not missing, f"{language}: unresolved {missing}"
    assert all(text.strip() for text in strings.values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_presentation_controls_point_at_policy_elements(language: str) -> None:
    policies = {p.get("name"): p for p in admx().findall(".//p:policy", NS)}
    presentations = {p.get("id"): p for p in adml(language).findall(".//p:presentation", NS)}
    for policy in policies.values():
        match = REFERENCE.fullmatch(policy.get("presentation", ""))
        element_ids = {el.get("id") for el in policy.findall("p:elements/*", NS)}
        if match is None:
            assert not element_ids, f"{policy.get('name')} has elements but no presentation"
            continue
        controls = {ctl.get("refId"): ctl.tag.split("}")[1] for ctl in presentations[match.group(2)]}
        assert set(controls) == element_ids, policy.get("name")
        for element in policy.findall("p:elements/*", NS):
            expected = CONTROL_FOR[element.tag.split("}")[1]]
            assert controls[element.get("id")] == expected, (policy.get("name"), controls)


def test_both_languages_have_the_same_string_ids_and_chinese_is_translated() -> None:
    ids = {lang: {s.get("id") for s in adml(lang).findall(".//p:string", NS)} for lang in LANGUAGES}
    assert ids["en-US"] == ids["zh-CN"]
    zh = {s.get("id"): s.text or "" for s in adml("zh-CN").findall(".//p:string", NS)}
    assert all(re.search(r"[\u4e00-\u9fff]", zh[name]) for name in CONTRACT)


def test_every_policy_sits_in_the_category_with_a_supported_on() -> None:
    root = admx()
    categories = {c.get("name") for c in root.findall(".//p:category", NS)}
    supported = {d.get("name") for d in root.findall(".//p:supportedOn/p:definitions/p:definition", NS)}
    for policy in root.findall(".//p:policy", NS):
        assert policy.find("p:parentCategory", NS).get("ref") in categories
        assert policy.find("p:supportedOn", NS).get("ref") in supported
        for number in policy.findall("p:elements/p:decimal", NS):
            assert 0 <= int(number.get("minValue", "0")) < int(number.get("maxValue", "0"))


def test_registry_values_match_the_config_contract() -> None:
    seen: dict[str, tuple[str, frozenset[str] | None]] = {}
    for policy in admx().findall(".//p:policy", NS):
        assert policy.get("class") == "Machine"
        assert policy.get("key") == POLICY_KEY
        if policy.get("valueName"):  # on/off policy: enabledValue / disabledValue
            values = {el.get("value") for el in policy.findall("p:enabledValue/p:decimal", NS)}
            values |= {el.get("value") for el in policy.findall("p:disabledValue/p:decimal", NS)}
            seen[policy.get("valueName", "")] = ("REG_DWORD", frozenset(v for v in values if v))
        for element in policy.findall("p:elements/*", NS):
            tag = element.tag.split("}")[1]
            kind = {"text": "REG_SZ", "decimal": "REG_DWORD", "enum": "REG_SZ"}[tag]
            allowed = None
            if tag == "enum":
                allowed = frozenset(s.text or "" for s in element.findall("p:item/p:value/p:string", NS))
            seen[element.get("valueName", "")] = (kind, allowed)
    assert seen == CONTRACT


def test_templates_are_utf8_xml_with_declared_encoding() -> None:
    files = [POLICY_DIR / "AgentDesk.admx"] + [POLICY_DIR / lang / "AgentDesk.adml" for lang in LANGUAGES]
    for path in files:
        raw = path.read_bytes()
        assert raw.startswith(b'<?xml version="1.0" encoding="utf-8"?>'), path
        raw.decode("utf-8")
        ET.fromstring(raw)
