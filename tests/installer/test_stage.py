"""installer/stage.py lays the distribution out as an installed wheel does, for PyInstaller."""

from __future__ import annotations

from pathlib import Path

from tests.installer.helpers import REPO, load_installer_module

stage = load_installer_module("stage.py")


def test_mapped_packages_land_inside_agentdesk(tmp_path: Path) -> None:
    target = tmp_path / "stage"
    (target / "stale.txt").parent.mkdir(parents=True)
    (target / "stale.txt").write_text("from an older build")
    stage.stage(target)
    for package, source in stage.package_dirs().items():
        staged = target.joinpath(*package.split("."))
        assert (staged / "__init__.py").read_bytes() == (REPO / source / "__init__.py").read_bytes()
    assert (target / "agentdesk" / "store" / "migrations" / "script.py.mako").is_file()
    assert not (target / "stale.txt").exists()
    assert not list(target.rglob("__pycache__"))
