"""Frozen-app entry point: the same `agentdesk` command the console script runs."""

import sys

from agentdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
