"""agentdesk.sync: wire protocol, client replicator, gateway server and upstream connectors."""
