"""The WiX v3 source (wixl) and the WiX 5 source (Windows) describe the same package."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tests.installer.helpers import INSTALLER

V3 = {"w": "http://schemas.microsoft.com/wix/2006/wi"}
V5 = {"w": "http://wixtoolset.org/schemas/v4/wxs"}


def v3() -> ET.Element:
    return ET.parse(INSTALLER / "wix" / "AgentDesk.wxs").getroot()


def v5() -> ET.Element:
    return ET.parse(INSTALLER / "wix" / "v5" / "AgentDesk.wxs").getroot()


def test_same_upgrade_code_and_scope() -> None:
    product = v3().find("w:Product", V3)
    package = v5().find("w:Package", V5)
    assert product is not None and package is not None
    assert product.get("UpgradeCode") == package.get("UpgradeCode")
    assert v3().find("w:Product/w:Package", V3).get("InstallScope") == package.get("Scope") == "perMachine"


def test_same_components_guids_and_registry_values() -> None:
    def components(
        root: ET.Element, ns: dict[str, str]
    ) -> dict[str, tuple[str | None, list[tuple[str, ...]]]]:
        found = {}
        for comp in root.iter(f"{{{ns['w']}}}Component"):
            values = [
                tuple(v.get(a) or "" for a in ("Root", "Key", "Name", "Type", "Value"))
                for v in comp.findall("w:RegistryValue", ns)
            ]
            found[comp.get("Id")] = (comp.get("Guid"), values)
        return found

    assert components(v3(), V3) == components(v5(), V5)


def test_same_properties_actions_and_conditions() -> None:
    def props(root: ET.Element, ns: dict[str, str]) -> dict[str, str | None]:
        return {p.get("Id"): p.get("Value") for p in root.iter(f"{{{ns['w']}}}Property") if p.get("Value")}

    assert props(v3(), V3) == props(v5(), V5)
    conditions_v3 = {c.get("Message"): (c.text or "").strip() for c in v3().iter(f"{{{V3['w']}}}Condition")}
    conditions_v5 = {c.get("Message"): c.get("Condition") for c in v5().iter(f"{{{V5['w']}}}Launch")}
    assert conditions_v3 == conditions_v5
    actions = {
        (a.get("Id"), a.get("Property"), a.get("Value")) for a in v3().iter(f"{{{V3['w']}}}CustomAction")
    }
    assert actions == {
        (a.get("Id"), a.get("Property"), a.get("Value")) for a in v5().iter(f"{{{V5['w']}}}CustomAction")
    }
    downgrade_v3 = v3().find("w:Product/w:MajorUpgrade", V3).get("DowngradeErrorMessage")
    assert downgrade_v3 == v5().find("w:Package/w:MajorUpgrade", V5).get("DowngradeErrorMessage")
