"""Masking of personal fields: ``138****5678``, ``j***@example.com``, ``310115********123X``,
``上海市浦东新区****``, ``****, Springfield``.

The gateway masks what agents and team leads receive; admins see clear values, and anyone may
ask ``/v1/reveal`` for one value with a reason (audited). Every function here is idempotent
(masking a masked value gives the same value) and never raises: odd input comes back masked or,
when it is not text at all, unchanged. ``mask_record`` always returns a new dict; ``mask_data``
returns None when a record holds nothing to mask (the gateway then keeps one serialized form).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

PERSONAL_FIELDS: tuple[str, ...] = ("phone", "email", "address", "national_id")
# Entities whose data may hold personal fields (agents: their e-mail).
PERSONAL_ENTITIES = frozenset({"customer", "agent", "organization"})

STARS = "****"
_NON_DIGIT = re.compile(r"\D")
_HAS_DIGIT = re.compile(r"\d")
_PHONE_SHAPED = re.compile(r"[+\d\s().\-]{7,}")
_MASKED_PHONE = re.compile(r"\d{0,3}\*+\d{0,4}")
# Country codes we strip before masking the national number (the product serves CN and NA first).
_COUNTRY_CODES = ("86", "852", "853", "886", "1", "44", "49", "33", "81", "82", "65", "61")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Administrative units kept in a Chinese address; the street and number after them are hidden.
_ZH_ADMIN = "省市区县州旗盟镇乡"
_ZH_STREET = re.compile(r"[0-9０-９*]|路|街|道|巷|弄|号|村|大厦|小区|室|栋|楼")
_EN_UNIT = re.compile(r"^(apt|apartment|unit|suite|ste|flat|floor|fl|room|po box|#)\b", re.IGNORECASE)


def mask_phone(value: str) -> str:
    """``13812345678`` / ``+86 138 1234 5678`` -> ``138****5678``; ``+1 415 555 0134`` -> ``415****0134``."""
    text = (value if value.isascii() else unicodedata.normalize("NFKC", value)).strip()
    if "*" in text and _MASKED_PHONE.fullmatch(text):
        return text
    digits = _NON_DIGIT.sub("", text)
    if text.startswith(("+", "00")):
        digits = digits[2:] if text.startswith("00") else digits
        for code in _COUNTRY_CODES:
            if digits.startswith(code) and len(digits) - len(code) >= 7:
                digits = digits[len(code) :]
                break
    n = len(digits)
    if n < 7:
        return STARS
    head = 3 if n >= 10 else 1 if n >= 8 else 0
    tail = 4 if n >= 8 else 2
    return digits[:head] + STARS + digits[-tail:]


def mask_email(value: str) -> str:
    """``jane.doe@example.com`` -> ``j***@example.com``."""
    local, at, domain = value.strip().rpartition("@")
    if not at or not domain:
        return mask_text(value)
    return (local[:1] if local and local[:1] != "*" else "*") + "***@" + domain


def mask_national_id(value: str) -> str:
    """Chinese 18-character ID -> first 6 (region) + ``********`` + last 4; other IDs alike, shorter."""
    text = value.strip()
    n = len(text)
    if n < 8:
        return STARS
    head = 6 if n >= 15 else 2
    tail = 4 if n >= 12 else 2
    return text[:head] + "*" * (n - head - tail) + text[-tail:]


def mask_address(value: str) -> str:
    """Keep the city and district, hide the street, number and unit (English and Chinese forms)."""
    text = value.strip()
    if _CJK.search(text):
        stop = _ZH_STREET.search(text)
        head = text[: stop.start()] if stop else text
        cut = max(head.rfind(unit) for unit in _ZH_ADMIN) + 1
        if cut == len(text):  # only a city/district: nothing personal left to hide
            return text + STARS
        return text[:cut] + STARS
    parts = [p.strip() for p in text.split(",")]
    kept = []
    for part in parts[1:]:
        if not part or part[0].isdigit() or "*" in part or _EN_UNIT.match(part):
            continue
        words = [w for w in part.split() if not _HAS_DIGIT.search(w)]
        if words:
            kept.append(" ".join(words))
    return ", ".join([STARS, *kept])


def mask_text(value: str) -> str:
    """Handles and other free text: the first two characters, the rest hidden."""
    text = value.strip()
    return text[:2] + "***" if len(text) > 4 else "***"


def mask_handle(channel: str, handle: Any) -> Any:
    """A contact handle on ``channel``; phone- or e-mail-shaped handles masked as such anywhere."""
    if not isinstance(handle, str) or not handle:
        return handle
    if channel == "phone":
        return mask_phone(handle)
    if channel == "email" or ("@" in handle and channel != "social"):
        return mask_email(handle)
    if handle[-1:].isdigit() and _PHONE_SHAPED.fullmatch(handle.strip()):
        return mask_phone(handle)
    return mask_text(handle)


_FIELD_MASKS: dict[str, Callable[[str], str]] = {
    "phone": mask_phone,
    "email": mask_email,
    "national_id": mask_national_id,
    "address": mask_address,
}


def mask_value(field: str, value: Any) -> Any:
    """One personal field's value masked; None, empty and non-scalar values come back unchanged."""
    if type(value) is not str:
        if not isinstance(value, int | float) or isinstance(value, bool):
            return value
        value = str(value)
    if not value or value.isspace():
        return value
    return _FIELD_MASKS.get(field, mask_text)(value)


def _mask_contacts(contacts: list[Any]) -> list[Any]:
    masked = []
    for contact in contacts:
        if isinstance(contact, dict):
            contact = dict(contact)
            contact["handle"] = mask_handle(str(contact.get("channel") or ""), contact.get("handle"))
        masked.append(contact)
    return masked


def mask_data(entity: str, data: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """``data`` with personal fields masked, or None when there is nothing to mask."""
    if not isinstance(data, Mapping) or entity not in PERSONAL_ENTITIES:
        return None
    masked: dict[str, Any] | None = None
    for name in PERSONAL_FIELDS:
        value = data.get(name)
        if value is not None and value != "":
            shown = mask_value(name, value)
            if shown is not value:
                masked = masked if masked is not None else dict(data)
                masked[name] = shown
    contacts = data.get("contacts")
    if isinstance(contacts, list) and contacts:
        masked = masked if masked is not None else dict(data)
        masked["contacts"] = _mask_contacts(contacts)
    return masked


def mask_record(entity: str, data: Mapping[str, Any] | None) -> dict[str, Any]:
    """A new ``data`` dict with every personal field (and contact handle) masked, as agents see it."""
    if not isinstance(data, Mapping):
        return {}
    masked = mask_data(entity, data)
    return masked if masked is not None else dict(data)
