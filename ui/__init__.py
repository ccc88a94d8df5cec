"""agentdesk.ui: the PySide6 console. The only package that imports Qt."""
