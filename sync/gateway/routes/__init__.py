"""One router per area; ``app.py`` mounts them all (a new area adds a module and one line there)."""
