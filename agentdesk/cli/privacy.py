"""``agentdesk privacy export|erase|purge``: a person's data on request, and retention (gateway).

These act directly on the gateway's database (run them on the gateway host, as the DPO or IT
admin); every run is audited under ``cli:<OS user>`` or ``--actor``. Exit codes: 0 done (also
"already erased"), 2 bad input (unknown customer, no database, not confirmed).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agentdesk.cli._common import SubParsers

if TYPE_CHECKING:
    from agentdesk.sync.gateway.store import GatewayStore

DATABASE_ENV = "AGENTDESK_GATEWAY_DATABASE"


def register(sub: SubParsers) -> None:
    p = sub.add_parser("privacy", help="export or erase a person's data; retention purge (gateway)")
    psub = p.add_subparsers(dest="privacy_command", metavar="COMMAND", required=True)
    export = psub.add_parser("export", help="JSON of everything held about a customer (values in clear)")
    erase = psub.add_parser("erase", help="remove or anonymise a customer's data everywhere")
    purge = psub.add_parser("purge", help="delete rows older than their retention, once")
    for c in (export, erase, purge):
        c.add_argument("--database", help=f"gateway database URL (default: ${DATABASE_ENV})")
        c.add_argument("--actor", help="who runs this, for the audit log (default: the OS user)")
    for c in (export, erase):
        c.add_argument("--customer", required=True, metavar="ID", help="the customer's record id")
    export.add_argument("--out", metavar="FILE", help="write the JSON here (default: standard output)")
    export.set_defaults(handler=run_export)
    erase.add_argument("--dry-run", action="store_true", help="show what would change; change nothing")
    erase.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    erase.add_argument("--json", action="store_true", help="print the outcome as JSON")
    erase.set_defaults(handler=run_erase)
    purge.add_argument(
        "--retention",
        metavar="SPEC",
        help="days per entity, e.g. interaction=730,message=365,ticket=1095,audit=2190 "
        "(default: $AGENTDESK_RETENTION; expired sign-in tokens are removed either way)",
    )
    purge.add_argument("--dry-run", action="store_true", help="count what would be deleted; delete nothing")
    purge.add_argument("--json", action="store_true", help="print the counts as JSON")
    purge.set_defaults(handler=run_purge)


def _actor(args: argparse.Namespace) -> str:
    name = (args.actor or "").strip()
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):  # no user name for this uid (e.g. a bare container)
            name = str(os.getuid()) if hasattr(os, "getuid") else "unknown"
    return f"cli:{name}"[:128]


@contextmanager
def open_store(url: str | None) -> Iterator[GatewayStore]:
    """The gateway's existing database; refuses to create one (a typo must not make an empty store)."""
    from sqlalchemy import inspect
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from agentdesk.errors import InputError
    from agentdesk.sync.gateway.store import GatewayStore
    from agentdesk.sync.gateway.store.engine import normalize_url

    url = url or os.environ.get(DATABASE_ENV)
    if not url:
        raise InputError(f"give the gateway database: --database URL (or set {DATABASE_ENV})")
    try:
        parsed = make_url(normalize_url(url))
        shown = make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        raise InputError(f"{url!r} is not a database URL (sqlite:///PATH or postgresql://...)") from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise InputError(f"{shown}: the gateway database is sqlite:///PATH or postgresql://...")
    if parsed.get_backend_name() == "sqlite" and not (parsed.database and Path(parsed.database).is_file()):
        raise InputError(f"no gateway database at {shown} (the file does not exist)")
    store = GatewayStore(url, pool_size=1)
    try:
        try:
            with store.reader.connect() as conn:
                found = inspect(conn).has_table("gw_records")
            if not found:
                raise InputError(f"{shown} is not a gateway database (it has no gw_records table)")
            store.create_schema()  # tables added since this database was made (idempotent)
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise InputError(f"cannot open the gateway database {shown}: {reason}") from None
        yield store
    finally:
        store.dispose()


def _not_found(customer_id: str) -> Exception:
    from agentdesk.errors import InputError

    return InputError(f"the gateway database holds no customer {customer_id!r}; nothing was written")


def run_export(args: argparse.Namespace) -> int:
    from agentdesk.errors import InputError
    from agentdesk.sync.gateway.store import audit
    from agentdesk.sync.gateway.store.erasure import UnknownCustomer, export_customer
    from agentdesk.timeutil import to_wire, utcnow

    out = Path(args.out) if args.out else None
    if out is not None and not out.parent.is_dir():
        raise InputError(f"the folder {out.parent} does not exist")
    actor = _actor(args)
    # One write transaction: the export and its audit entry are on record together, or neither.
    with open_store(args.database) as store, store.write() as tx:
        try:
            exported = export_customer(tx.conn, args.customer)
        except UnknownCustomer:
            raise _not_found(args.customer) from None
        counts = {k: len(v) for k, v in exported.items() if isinstance(v, list)}
        audit.record(
            tx.conn,
            actor,
            "privacy_export",
            entity="customer",
            entity_id=args.customer,
            detail={"to": "file" if out else "stdout", **counts},
        )
        document = {"exported_at": to_wire(utcnow()), "exported_by": actor, **exported}
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        if out is not None:
            _write_private(out, text)
    if out is None:
        sys.stdout.write(text)
    else:
        print(f"exported customer {args.customer} to {out}", file=sys.stderr)
    return 0


def _write_private(path: Path, text: str) -> None:
    """Readable by the owner only (it holds personal data in clear); replaced whole, never half."""
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _confirm(customer_id: str) -> bool:
    if not sys.stdin.isatty():
        return False
    print(
        f"This erases customer {customer_id} from the gateway and every console on their next sync; "
        "it cannot be undone.",
        file=sys.stderr,
    )
    try:
        answer = input(f"Type the customer id ({customer_id}) to erase: ")
    except EOFError:
        return False
    return answer.strip() == customer_id


def run_erase(args: argparse.Namespace) -> int:
    from agentdesk.errors import InputError
    from agentdesk.sync.gateway.store.erasure import UnknownCustomer, erase_customer

    with open_store(args.database) as store:
        try:
            if not args.dry_run and not args.yes:
                # Look before asking: an unknown id fails without a question.
                erase_customer(store, args.customer, actor_id=_actor(args), dry_run=True)
                if not _confirm(args.customer):
                    raise InputError("not erased: confirm with --yes (or answer the question at a terminal)")
            result = erase_customer(store, args.customer, actor_id=_actor(args), dry_run=args.dry_run)
        except UnknownCustomer:
            raise _not_found(args.customer) from None
    if args.json:
        print(json.dumps(_outcome(result), ensure_ascii=False, indent=2))
    else:
        _print_erasure(result)
    return 0


def _outcome(result: Any) -> dict[str, Any]:
    return {
        "customer_id": result.customer_id,
        "dry_run": result.dry_run,
        "already_erased": result.already_erased,
        "erased_at": result.erased_at,
        "reference": result.reference or None,
        "external_refs": result.external_refs,
        **result.counts(),
    }


def _print_erasure(result: Any) -> None:
    counts = (
        f"customer record deleted: {result.customer_deleted}, interactions deleted: "
        f"{result.interactions_deleted}, tickets anonymised: {result.tickets_anonymised}, messages "
        f"anonymised: {result.messages_anonymised}, approvals anonymised: {result.approvals_anonymised}"
    )
    if result.dry_run:
        state = f" (already erased on {result.erased_at})" if result.already_erased else ""
        print(f"dry run, nothing changed{state}: would change {counts}")
    elif result.already_erased and not result.changed:
        print(
            f"customer {result.customer_id} was already erased on {result.erased_at}; nothing left to change"
        )
    else:
        again = " again (it was erased before)" if result.already_erased else ""
        print(f"customer {result.customer_id} erased{again}: {counts}")
        if result.external_refs:
            systems = ", ".join(sorted({r["system"] for r in result.external_refs}))
            print(f"  blocked from re-import from {systems}; erase the person there too")
        print("  every console receives this on its next sync")


def run_purge(args: argparse.Namespace) -> int:
    from agentdesk.sync.gateway.retention import parse_retention, purge, retention_from_env

    retention = parse_retention(args.retention if args.retention is not None else retention_from_env())
    with open_store(args.database) as store:
        counts = purge(store, retention, dry_run=args.dry_run, actor_id=_actor(args))
    if args.json:
        print(json.dumps({"dry_run": args.dry_run, "retention_days": retention, "deleted": counts}))
        return 0
    if not retention:
        print("no retention configured (--retention or $AGENTDESK_RETENTION): only expired sign-ins go")
    verb = "would delete" if args.dry_run else "deleted"
    shown = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())) or "nothing"
    print(f"{verb}: {shown}")
    return 0
