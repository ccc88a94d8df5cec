"""Personal fields on the wire: masked for agents and team leads, in clear for admins.

The masking rules themselves belong to ``agentdesk.privacy.masking`` (core, shared with the
console); until that module exists this file carries equivalent rules. ``mask_data`` returns None
when a record holds nothing to mask, so the store keeps a single serialized form for it.
"""

from __future__ import annotations

import re
from typing import Any

from agentdesk.domain.enums import Role
from agentdesk.sync.protocol import PERSONAL_FIELDS

# Entities whose data may hold personal fields (agents: their e-mail).
PERSONAL_ENTITIES = frozenset({"customer", "agent", "organization"})
_DIGITS = re.compile(r"\d")


def mask_phone(value: str) -> str:
    digits = _DIGITS.findall(value)
    if len(digits) < 7:
        return "*" * len(value)
    return "".join(digits[:3]) + "****" + "".join(digits[-4:])


def mask_email(value: str) -> str:
    local, at, domain = value.partition("@")
    if not at:
        return mask_text(value)
    return (local[:1] or "*") + "***@" + domain


def mask_id(value: str) -> str:
    if len(value) <= 6:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_text(value: str) -> str:
    """Addresses and other free text: the first few characters, the rest hidden."""
    keep = min(6, len(value) // 3)
    return value[:keep] + "****"


_FIELD_MASKS = {"phone": mask_phone, "email": mask_email, "national_id": mask_id, "address": mask_text}
_CHANNEL_MASKS = {"phone": mask_phone, "email": mask_email}


def mask_value(field: str, value: Any) -> Any:
    if not isinstance(value, str) or not value:
        return value
    return _FIELD_MASKS.get(field, mask_text)(value)


def mask_handle(channel: str, handle: Any) -> Any:
    if not isinstance(handle, str) or not handle:
        return handle
    return _CHANNEL_MASKS.get(channel, mask_text)(handle)


def mask_data(entity: str, data: dict[str, Any] | None) -> dict[str, Any] | None:
    """``data`` with personal fields masked, or None when there is nothing to mask."""
    if data is None or entity not in PERSONAL_ENTITIES:
        return None
    masked: dict[str, Any] | None = None
    for name in PERSONAL_FIELDS:
        value = data.get(name)
        if isinstance(value, str) and value:
            masked = masked or dict(data)
            masked[name] = mask_value(name, value)
    contacts = data.get("contacts")
    if isinstance(contacts, list) and contacts:
        masked = masked or dict(data)
        masked["contacts"] = [
            {**c, "handle": mask_handle(str(c.get("channel")), c.get("handle"))} if isinstance(c, dict) else c
            for c in contacts
        ]
    return masked


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
