from __future__ import annotations

import argparse

from agentdesk.cli._common import SubParsers


def register(sub: SubParsers) -> None:
    b = sub.add_parser("backup", help="copy the active profile's store to PATH (online backup)")
    b.add_argument("path")
    b.set_defaults(handler=backup)
    r = sub.add_parser("restore", help="check PATH (integrity + schema) and restore it as the store")
    r.add_argument("path")
    r.set_defaults(handler=restore)


def backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    from agentdesk.errors import InputError
    from agentdesk.profile import active_profile, open_profile_store

    target = Path(args.path)
    if target.exists() and target.is_dir():
        raise InputError(f"{target} is a folder; give a file name for the backup")
    profile = active_profile(args.profile)
    with open_profile_store(profile) as store:
        written = store.backup(target)
    print(f"backed up profile {profile} to {written}")
    return 0


def restore(args: argparse.Namespace) -> int:
    from agentdesk.config import app_paths
    from agentdesk.profile import active_profile, store_key
    from agentdesk.store import Store, restore_store

    profile = active_profile(args.profile)
    path = app_paths().store_path(profile)
    key = store_key(profile)
    kept = restore_store(args.path, path, key=key)
    with Store.open(path, key=key) as store:  # migrates an older backup to this version's schema
        revision = store.revision()
    print(f"restored profile {profile} from {args.path} (schema {revision})")
    if kept:
        print(f"the store it replaced is kept at {kept}")
    return 0
