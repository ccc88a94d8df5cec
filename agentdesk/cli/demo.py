from __future__ import annotations

import argparse
import contextlib

from agentdesk.cli._common import SubParsers

DEMO_SIGN_INS = (("demo.agent", "agent"), ("demo.lead", "team lead"), ("demo.admin", "admin"))


def register(sub: SubParsers) -> None:
    p = sub.add_parser("demo", help="embedded gateway on loopback with seeded demo data, and the console")
    p.add_argument("--customers", type=int, default=2000, help="demo customers to generate")
    p.add_argument("--seed", type=int, default=7, help="demo data seed")
    p.add_argument("--port", type=int, default=0, help="gateway port (0 picks a free one)")
    p.add_argument("--headless", action="store_true", help="run the gateway only, no console")
    p.add_argument(
        "--data-dir",
        default=None,
        help="keep the demo database here (default: a temporary folder, removed on exit)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import shutil
    import tempfile
    from pathlib import Path

    from agentdesk.errors import InputError
    from agentdesk.sync.gateway.config import GatewayConfig
    from agentdesk.sync.gateway.embedded import EmbeddedGateway

    if args.customers < 1 or not 0 <= args.port <= 65535:
        raise InputError("--customers must be at least 1 and --port between 0 and 65535")
    temporary = args.data_dir is None
    folder = Path(tempfile.mkdtemp(prefix="agentdesk-demo-")) if temporary else Path(args.data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    config = GatewayConfig(
        database_url=f"sqlite:///{folder / 'demo-gateway.db'}",
        seed_demo=True,
        demo_customers=args.customers,
        demo_seed=args.seed,
    )
    gateway = EmbeddedGateway(config, port=args.port)
    try:
        gateway.start()
        print(f"AgentDesk demo gateway: {gateway.url}", flush=True)
        for login, role in DEMO_SIGN_INS:
            print(f"  sign in as {login} ({role}), password: demo", flush=True)
        if args.headless:
            print("Press Ctrl+C to stop.", flush=True)
            _stop_on_sigterm()
            with contextlib.suppress(KeyboardInterrupt):
                gateway.wait()
            return 0
        return _console(gateway.url)
    finally:
        gateway.stop()
        if temporary:
            shutil.rmtree(folder, ignore_errors=True)


def _console(url: str) -> int:
    from agentdesk.errors import NotAvailable

    try:
        from agentdesk.ui.app import run_console  # type: ignore[import-not-found]
    except ImportError as exc:
        raise NotAvailable(
            f"the console is not available in this build ({exc.name}); "
            "run 'agentdesk demo --headless' for the gateway alone"
        ) from None
    return int(run_console(server_url=url, login="demo.agent", password="demo") or 0)


def _stop_on_sigterm() -> None:
    import signal

    def stop(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    with contextlib.suppress(ValueError):  # not the main thread
        signal.signal(signal.SIGTERM, stop)
