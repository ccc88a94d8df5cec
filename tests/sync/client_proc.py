"""A replicator in its own process, for SIGKILL tests and benches.

    AGENTDESK_TOKEN=... python -m tests.sync.client_proc STORE SERVER [--timeout S]

The token comes from the environment, as for ``agentdesk sync``: on a command line it would show in
``ps``, and one starting with "-" (a URL-safe token does, one time in 64) reads as an option.

Syncs until the outbox is empty and a round has completed, prints one JSON line with the status,
and exits 0 (1 on timeout). Kill it at any moment: the store file is the only state.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

from agentdesk.sync.client import Replicator
from agentdesk.sync.client.backoff import Backoff


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("store")
    parser.add_argument("server")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--batch", type=int, default=100)
    args = parser.parse_args(argv)
    token = os.environ["AGENTDESK_TOKEN"]
    replicator = Replicator(args.store, args.server, token, events=False, batch_size=args.batch,
                            backoff=lambda: Backoff(base=0.05, cap=1.0, max_retry_after=2.0))
    started = time.monotonic()
    with replicator:
        print(json.dumps({"event": "started", "pending": replicator.status().pending}), flush=True)
        done = replicator.wait_synced(args.timeout)
        status = replicator.status()
    print(json.dumps({"event": "done" if done else "timeout", "pending": status.pending,
                      "rejected": len(status.rejected), "cursor": status.cursor,
                      "seconds": round(time.monotonic() - started, 3)}), flush=True)
    return 0 if done else 1


if __name__ == "__main__":
    sys.exit(main())
