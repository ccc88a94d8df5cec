"""Personal fields on the wire: masked for agents and team leads, in clear for admins.

The masking rules are the core's (``agentdesk.privacy.masking``, shared with the console); this
module adds what only the gateway needs: who sees clear values, which fields ``/v1/reveal``
serves, and recognising a masked value a client sent back.
"""

from __future__ import annotations

from typing import Any

from agentdesk.domain.enums import Role
from agentdesk.privacy.masking import PERSONAL_ENTITIES, mask_data, mask_value
from agentdesk.sync.protocol import PERSONAL_FIELDS

__all__ = ["PERSONAL_ENTITIES", "field_value", "is_masked_echo", "mask_data", "revealable", "sees_clear"]


def sees_clear(role: str) -> bool:
    return role == Role.ADMIN


def revealable(entity: str, field: str) -> bool:
    """``field`` is a personal field name, or ``contacts.N`` (the N-th contact handle)."""
    if entity not in PERSONAL_ENTITIES:
        return False
    if field in PERSONAL_FIELDS:
        return True
    head, _, index = field.partition(".")
    return head == "contacts" and index.isdigit() and len(index) <= 4


def field_value(data: dict[str, Any], field: str) -> Any:
    if field in PERSONAL_FIELDS:
        return data.get(field)
    index = int(field.partition(".")[2])
    contacts = data.get("contacts")
    if isinstance(contacts, list) and index < len(contacts) and isinstance(contacts[index], dict):
        return contacts[index].get("handle")
    return None


def is_masked_echo(field: str, new: Any, current: Any) -> bool:
    """A client sent back the masked form of the current value: not an edit, keep the value."""
    return (
        isinstance(new, str) and isinstance(current, str) and "*" in new and new == mask_value(field, current)
    )
