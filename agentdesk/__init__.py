"""AgentDesk core: domain, local store, policy logic and the command line.

This package never imports Qt or a web server; ``agentdesk.ui`` (ui/) and
``agentdesk.sync`` (sync/) are separate directories mapped into this namespace.
"""

__version__ = "0.1.0"
