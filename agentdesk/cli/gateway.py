from __future__ import annotations

import argparse

from agentdesk.cli._common import SubParsers


def register(sub: SubParsers) -> None:
    p = sub.add_parser("gateway", help="the gateway server")
    gsub = p.add_subparsers(dest="gateway_command", metavar="COMMAND", required=True)
    s = gsub.add_parser("serve", help="serve the /v1 sync API")
    s.add_argument("--database", required=True, help="sqlite:///PATH or postgresql://...")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8765)
    s.add_argument("--seed-demo", action="store_true", help="create demo sign-ins and data (demo only)")
    s.add_argument(
        "--connector",
        action="append",
        default=[],
        metavar="NAME",
        help="upstream connector: zendesk, django-helpdesk, crm-rest (repeatable)",
    )
    s.add_argument("--zendesk-url")
    s.add_argument("--helpdesk-url")
    s.add_argument("--crm-url")
    s.add_argument("--crm-mapping")
    s.add_argument("--upstream-team", help="team that receives mirrored tickets (default: the first team)")
    s.add_argument("--connector-mapping", help="JSON: upstream groups/queues to teams, custom fields, agents")
    s.add_argument("--poll-seconds", type=float, default=10.0, help="how often connectors look upstream")
    s.add_argument("--tls-cert")
    s.add_argument("--tls-key")
    s.add_argument("--token-ttl-hours", type=float, default=12.0, help="how long a sign-in lasts")
    s.add_argument("--max-body-bytes", type=int, default=1024 * 1024, help="larger request bodies get 413")
    s.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="allow browser calls from this origin (none unless given)",
    )
    s.add_argument(
        "--demo-customers", type=int, default=None, help="demo customers to generate (--seed-demo)"
    )
    s.add_argument(
        "--retention",
        metavar="SPEC",
        help="delete old rows, days per entity: interaction=730,message=365,ticket=1095,audit=2190 "
        "(default: $AGENTDESK_RETENTION; none: keep everything)",
    )
    s.add_argument(
        "--purge-every-minutes", type=float, default=60.0, help="how often the retention purge runs"
    )
    s.set_defaults(handler=serve)


def serve(args: argparse.Namespace) -> int:
    from agentdesk.sync.gateway.config import GatewayConfig
    from agentdesk.sync.gateway.server import serve as run

    app_options: dict[str, object] = {}
    if args.connector:
        from agentdesk.sync.gateway.connectors.setup import ConnectorOptions, connector_settings, startup_hook

        options = ConnectorOptions(
            names=list(args.connector),
            zendesk_url=args.zendesk_url,
            helpdesk_url=args.helpdesk_url,
            crm_url=args.crm_url,
            crm_mapping=args.crm_mapping,
            team_id=args.upstream_team,
            mapping_file=args.connector_mapping,
            poll_seconds=args.poll_seconds,
        )
        connector_settings(options)  # a missing URL or credential fails here, before serving
        app_options["on_startup"] = [startup_hook(options)]
    from agentdesk.sync.gateway.retention import parse_retention, retention_from_env

    retention = parse_retention(args.retention if args.retention is not None else retention_from_env())
    config = GatewayConfig(
        database_url=args.database,
        seed_demo=args.seed_demo,
        token_ttl_seconds=args.token_ttl_hours * 3600,
        max_body_bytes=args.max_body_bytes,
        cors_origins=tuple(args.cors_origin),
        tls=bool(args.tls_cert),
        demo_customers=args.demo_customers,
        retention_days=tuple(sorted(retention.items())),
        purge_interval_seconds=max(1.0, args.purge_every_minutes * 60),
    )
    run(config, host=args.host, port=args.port, tls_cert=args.tls_cert, tls_key=args.tls_key, **app_options)
    return 0
