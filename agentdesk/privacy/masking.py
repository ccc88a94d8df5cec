"""Masking of personal fields: ``138****5678``, ``j***@example.com``, ``310***********1234``.

The gateway masks what agents and team leads receive; admins see clear values, and anyone may
ask ``/v1/reveal`` for one value with a reason (audited). ``mask_data`` returns None when a record
holds nothing to mask.
"""

from __future__ import annotations

import re
from typing import Any

PERSONAL_FIELDS: tuple[str, ...] = ("phone", "email", "address", "national_id")
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
