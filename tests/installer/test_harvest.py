"""installer/msi/harvest.py: deterministic ids and GUIDs, legal MSI identifiers, both schemas."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path, PurePosixPath

import pytest

from tests.installer.helpers import FAKE_TREE, load_installer_module, make_payload

harvest = load_installer_module("msi/harvest.py")
MSI_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_.]{0,71}")


def test_same_tree_gives_byte_identical_source(tmp_path: Path) -> None:
    one = make_payload(tmp_path / "one")
    two = make_payload(tmp_path / "two")
    assert harvest.harvest(one) == harvest.harvest(two)


def test_guid_depends_on_the_path_only_and_ignores_case() -> None:
    guid = harvest.component_guid(PurePosixPath("_internal/PySide6/Qt6Core.dll"))
    assert guid == harvest.component_guid(PurePosixPath("_internal/pyside6/QT6CORE.DLL"))
    assert guid != harvest.component_guid(PurePosixPath("_internal/PySide6/Qt6Gui.dll"))
    assert re.fullmatch(r"[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}", guid)


def test_fragment_lists_every_file_once_with_legal_ids(tmp_path: Path) -> None:
    root = make_payload(tmp_path / "tree")
    doc = ET.fromstring(harvest.harvest(root))
    ns = {"w": harvest.NAMESPACES[3]}
    components = doc.findall(".//w:Component", ns)
    assert len(components) == len(FAKE_TREE)
    kinds = ("Component", "File", "Directory")
    ids = [el.get("Id") for el in doc.iter() if el.get("Id") and el.tag.endswith(kinds)]
    assert len(ids) == len(set(ids))
    assert all(MSI_IDENTIFIER.fullmatch(i) for i in ids if i != "INSTALLDIR")
    refs = [el.get("Id") for el in doc.findall(".//w:ComponentGroup[@Id='AppFiles']/w:ComponentRef", ns)]
    assert refs == [c.get("Id") for c in components]
    sources = {el.get("Source") for el in doc.findall(".//w:File", ns)}
    assert "$(var.PayloadDir)/_internal/a file with spaces & ampersand.txt" in sources
    assert all(c.get("Win64") == "yes" for c in components)


def test_wix4_schema_uses_the_v4_namespace_and_bitness(tmp_path: Path) -> None:
    doc = ET.fromstring(harvest.harvest(make_payload(tmp_path / "tree"), wix=4))
    components = doc.findall(".//{http://wixtoolset.org/schemas/v4/wxs}Component")
    assert components and all(c.get("Bitness") == "always64" for c in components)


def test_empty_tree_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty" / "sub").mkdir(parents=True)
    with pytest.raises(ValueError, match="no files"):
        harvest.harvest(tmp_path / "empty")


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("0.1.0", "0.1.0"),
        ("1.2", "1.2.0"),
        ("0.2.0rc1", "0.2.0"),
        ("2.0.1.dev3", "2.0.1"),
        ("1.2rc1", "1.2.0"),
        ("3.1.4.1", "3.1.4"),
    ],
)
def test_msi_version_is_numeric(version: str, expected: str) -> None:
    build_msi = load_installer_module("msi/build_msi.py")
    assert build_msi.msi_version(version) == expected


def test_msi_version_out_of_range_is_refused() -> None:
    build_msi = load_installer_module("msi/build_msi.py")
    with pytest.raises(build_msi.BuildError, match="cannot be an MSI ProductVersion"):
        build_msi.msi_version("256.0.0")
    with pytest.raises(build_msi.BuildError):
        build_msi.msi_version("dev")
