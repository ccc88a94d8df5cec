"""The MSI built with wixl from a fake frozen tree, inspected table by table with msiinfo."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from agentdesk import __version__
from tests.installer.helpers import FAKE_TREE, make_payload, msi_properties, msi_table

UPGRADE_CODE = "{6B1E4C0A-3D52-4F7B-9A61-2C8D5E7F9A10}"
AGENTDESK_KEY = r"Software\AgentDesk\AgentDesk"
HKLM = "2"  # Registry.Root / RegLocator.Root

Builder = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def msi(tmp_path_factory: pytest.TempPathFactory, build_msi: Builder) -> Path:
    root = tmp_path_factory.mktemp("msi")
    out = root / "AgentDesk.msi"
    result = build_msi(make_payload(root / "agentdesk"), out, version=__version__)
    assert result.returncode == 0, result.stderr
    return out


def test_package_is_per_machine_with_the_stable_upgrade_code(msi: Path) -> None:
    props = msi_properties(msi)
    assert props["UpgradeCode"] == UPGRADE_CODE
    assert props["ALLUSERS"] == "1"
    assert props["ProductVersion"] == __version__
    assert props["Manufacturer"] == "AgentDesk"
    assert props["ProductName"] == "AgentDesk"
    assert re.fullmatch(r"\{[0-9A-F-]{36}\}", props["ProductCode"])


def test_add_remove_programs_entries(msi: Path) -> None:
    props = msi_properties(msi)
    assert props["ARPCONTACT"]
    assert props["ARPHELPLINK"].startswith("https://")
    assert props["ARPPRODUCTICON"] == "AgentDeskIcon"
    assert [row[0] for row in msi_table(msi, "Icon")] == ["AgentDeskIcon"]


def test_every_payload_file_is_installed_under_its_directory(msi: Path) -> None:
    files = {row[2] for row in msi_table(msi, "File")}
    assert files == {Path(p).name for p in FAKE_TREE}
    directories = {row[0]: (row[1], row[2]) for row in msi_table(msi, "Directory")}
    assert directories["INSTALLDIR"] == ("ProgramFiles64Folder", "AgentDesk")

    def path_of(directory: str) -> str:
        parent, name = directories[directory]
        return "AgentDesk" if directory == "INSTALLDIR" else f"{path_of(parent)}/{name}"

    components = {row[0]: row[2] for row in msi_table(msi, "Component")}
    installed = {f"{path_of(components[row[1]])}/{row[2]}" for row in msi_table(msi, "File")}
    assert installed == {f"AgentDesk/{p}" for p in FAKE_TREE}


def test_server_url_is_written_only_when_given_and_remembered(msi: Path) -> None:
    registry = {row[3]: row for row in msi_table(msi, "Registry")}
    server = registry["ServerUrl"]
    assert (server[1], server[2], server[4]) == (HKLM, AGENTDESK_KEY, "[SERVERURL]")
    component = {row[0]: row for row in msi_table(msi, "Component")}[server[5]]
    assert component[4] == "SERVERURL"  # no empty ServerUrl value when none was given
    # AppSearch reads the previous install's value back (64-bit view: type 2 raw | 16).
    assert ["SERVERURL", "RememberedServerUrl"] in msi_table(msi, "AppSearch")
    locator = {row[0]: row for row in msi_table(msi, "RegLocator")}["RememberedServerUrl"]
    assert locator[1:5] == [HKLM, AGENTDESK_KEY, "ServerUrl", "18"]
    assert "SERVERURL" in msi_properties(msi)["SecureCustomProperties"].split(";")


def test_command_line_server_url_wins_over_the_remembered_one(msi: Path) -> None:
    for sequence in ("InstallExecuteSequence", "InstallUISequence"):
        order = {row[0]: int(row[2]) for row in msi_table(msi, sequence)}
        assert order["SaveCmdLineServerUrl"] < order["AppSearch"] < order["RestoreCmdLineServerUrl"]
        assert order["RestoreCmdLineServerUrl"] < order["LaunchConditions"]
    actions = {row[0]: row for row in msi_table(msi, "CustomAction")}
    assert actions["RestoreCmdLineServerUrl"][2:4] == ["SERVERURL", "[CMDLINE_SERVERURL]"]


def test_malformed_server_url_and_missing_rights_stop_before_anything_is_written(msi: Path) -> None:
    conditions = dict((row[0], row[1]) for row in msi_table(msi, "LaunchCondition"))
    url_rule = next(cond for cond in conditions if "SERVERURL" in cond)
    assert '~<< "https://"' in url_rule and '~<< "http://"' in url_rule
    assert "must start with https:// or http://" in conditions[url_rule]
    assert "administrator" in conditions["Privileged"]
    order = {row[0]: int(row[2]) for row in msi_table(msi, "InstallExecuteSequence")}
    assert order["LaunchConditions"] < order["InstallInitialize"]


def test_major_upgrade_replaces_older_and_refuses_downgrade(msi: Path) -> None:
    rows = msi_table(msi, "Upgrade")
    assert {row[0] for row in rows} == {UPGRADE_CODE}
    by_property = {row[6]: row for row in rows}
    older = by_property["WIX_UPGRADE_DETECTED"]
    assert (older[1], older[2]) == ("", __version__)  # anything below this version
    newer = by_property["WIX_DOWNGRADE_DETECTED"]
    assert newer[1] == __version__ and int(newer[4]) & 2  # OnlyDetect
    conditions = {row[0]: row[1] for row in msi_table(msi, "LaunchCondition")}
    assert "newer version of AgentDesk is already installed" in conditions["NOT WIX_DOWNGRADE_DETECTED"]
    order = {row[0]: int(row[2]) for row in msi_table(msi, "InstallExecuteSequence")}
    assert order["InstallValidate"] < order["RemoveExistingProducts"] < order["InstallInitialize"]


def test_start_menu_shortcut_points_at_the_windowed_launcher(msi: Path) -> None:
    (shortcut,) = msi_table(msi, "Shortcut")
    assert shortcut[1] == "ProgramMenuFolder"
    assert shortcut[2] == "AgentDesk"
    assert shortcut[4] == "[INSTALLDIR]agentdeskw.exe"
    assert shortcut[8] == "AgentDeskIcon"


def test_component_guids_are_stable_across_builds_and_versions(tmp_path: Path, build_msi: Builder) -> None:
    first, second = tmp_path / "a" / "AgentDesk.msi", tmp_path / "b" / "AgentDesk.msi"
    assert build_msi(make_payload(tmp_path / "a" / "agentdesk"), first, version="0.1.0").returncode == 0
    tree_b = make_payload(tmp_path / "b" / "agentdesk", extra=("_internal/new_in_0_2.pyd",))
    assert build_msi(tree_b, second, version="0.2.0").returncode == 0

    def guids(msi_path: Path) -> dict[str, str]:
        components = {row[0]: row[1] for row in msi_table(msi_path, "Component")}
        return {row[2]: components[row[1]] for row in msi_table(msi_path, "File")}

    before, after = guids(first), guids(second)
    assert set(after) - set(before) == {"new_in_0_2.pyd"}
    assert {name: after[name] for name in before} == before
    assert msi_properties(first)["ProductCode"] != msi_properties(second)["ProductCode"]
    assert msi_properties(second)["ProductVersion"] == "0.2.0"


def test_tree_without_launcher_is_refused_and_leaves_no_msi(tmp_path: Path, build_msi: Builder) -> None:
    payload = tmp_path / "agentdesk"
    (payload / "_internal").mkdir(parents=True)
    (payload / "_internal" / "python311.dll").write_bytes(b"MZ")
    out = tmp_path / "out" / "AgentDesk.msi"
    result = build_msi(payload, out)
    assert result.returncode == 1
    assert "has no agentdesk.exe" in result.stderr
    assert not out.exists() and not out.with_name(out.name + ".part").exists()
