"""Lay the distribution out as an installed copy would (build/stage/agentdesk/{ui,sync,resources}).

pyproject.toml maps ui/ -> agentdesk.ui, sync/ -> agentdesk.sync and resources/ ->
agentdesk.resources; PyInstaller's module finder only sees that layout in an installed copy, not
through the editable-install finder. Copying the mapped directories is enough and needs no build
backend or network.

    python installer/stage.py build/stage
"""

from __future__ import annotations

import shutil
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo")


def package_dirs(pyproject: Path = REPO / "pyproject.toml") -> dict[str, str]:
    config = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    return dict(config["tool"]["setuptools"]["package-dir"])


def stage(target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    # Parents first, so agentdesk/ exists before agentdesk/ui is copied into it.
    for package, source in sorted(package_dirs().items(), key=lambda item: item[0].count(".")):
        destination = target.joinpath(*package.split("."))
        shutil.copytree(REPO / source, destination, ignore=IGNORED, dirs_exist_ok=True)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    stage(Path(args[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
