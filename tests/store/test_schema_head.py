"""The open path knows the schema head without Alembic, and imports Alembic only to migrate."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from agentdesk.store import Store, head_revision, migrate

_PROBE = textwrap.dedent(
    """
    import json, sys
    from agentdesk.store import Store
    with Store.open(sys.argv[1], target=sys.argv[2]) as store:
        revision = store.revision()
    print(json.dumps({"revision": revision, "loaded": sorted(
        m for m in ("alembic", "mako") if m in sys.modules)}))
    """
)


def _open_in_fresh_process(path: Path, target: str = "head") -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, str(path), target], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_head_constant_matches_the_migration_scripts() -> None:
    assert migrate.HEAD_REVISION == migrate.script_head() == head_revision()
    assert migrate.HEAD_REVISION in migrate.known_revisions()


def test_opening_a_current_store_does_not_import_alembic(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    Store.open(path).close()
    assert _open_in_fresh_process(path) == {"revision": head_revision(), "loaded": []}


def test_an_old_store_is_still_migrated(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    Store.open(path, target="0001").close()
    assert _open_in_fresh_process(path, "0001") == {"revision": "0001", "loaded": []}
    report = _open_in_fresh_process(path)
    assert report["revision"] == head_revision()
    assert "alembic" in report["loaded"]  # type: ignore[operator]
    assert list((tmp_path / "backups").glob("*pre-migrate-0001*"))
