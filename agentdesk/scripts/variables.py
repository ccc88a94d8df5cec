"""Typed script variables: what the agent is asked for, how a value is checked and shown.

A value is checked (and turned into display text for the reply's language) before it reaches a
template, so a template never sees an object it could poke at, and a wrong value is reported by
variable name instead of producing a broken sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from agentdesk.errors import TemplateError

MAX_VALUE_CHARS = 500


class VarType(StrEnum):
    TEXT = "text"
    REFERENCE = "reference"  # order / ticket / tracking numbers, codes
    MONEY = "money"
    DATE = "date"
    INTEGER = "integer"
    EMAIL = "email"


@dataclass(frozen=True, slots=True)
class Variable:
    name: str
    type: VarType
    label: dict[str, str]

    def label_for(self, lang: str) -> str:
        return self.label.get(lang) or self.label.get("en") or self.name


class InvalidValue(TemplateError):
    def __init__(self, variable: str, message: str) -> None:
        self.variable = variable
        super().__init__(f"{variable}: {message}")


_REFERENCE = re.compile(r"^[\w#/.\-]{1,64}$")
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s]{2,}$")
_EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _text(value: Any, name: str) -> str:
    text = str(value).strip()
    if not text:
        raise InvalidValue(name, "is empty")
    if len(text) > MAX_VALUE_CHARS:
        raise InvalidValue(name, f"is longer than {MAX_VALUE_CHARS} characters")
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", text)


def format_value(variable: Variable, value: Any, lang: str) -> str:
    """Check ``value`` for the variable's type and return it as text for ``lang``."""
    name = variable.name
    if value is None:
        raise InvalidValue(name, "is missing")
    kind = variable.type
    if kind in (VarType.TEXT,):
        return _text(value, name)
    if kind == VarType.REFERENCE:
        text = _text(value, name)
        if not _REFERENCE.match(text):
            raise InvalidValue(name, "may only contain letters, digits and - _ # / .")
        return text
    if kind == VarType.EMAIL:
        text = _text(value, name)
        if not _EMAIL.match(text):
            raise InvalidValue(name, "is not an email address")
        return text
    if kind == VarType.INTEGER:
        if isinstance(value, bool):
            raise InvalidValue(name, "must be a whole number")
        try:
            number = int(str(value).strip())
        except ValueError:
            raise InvalidValue(name, "must be a whole number") from None
        if not 0 <= number <= 10**9:
            raise InvalidValue(name, "is out of range")
        return f"{number:,}" if lang == "en" else str(number)
    if kind == VarType.MONEY:
        try:
            amount = Decimal(str(value).replace(",", "").strip())
        except InvalidOperation:
            raise InvalidValue(name, "must be an amount such as 129.90") from None
        if not amount.is_finite() or amount < 0 or amount > Decimal("1e12"):
            raise InvalidValue(name, "must be an amount such as 129.90")
        return f"{amount:,.2f}" if lang == "en" else f"{amount:,.2f} 元"
    if kind == VarType.DATE:
        day = _as_date(value, name)
        if lang == "zh":
            return f"{day.year}年{day.month}月{day.day}日"
        return f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}"
    raise InvalidValue(name, f"has an unknown type {kind}")  # pragma: no cover


def _as_date(value: Any, name: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise InvalidValue(name, "must be a date such as 2026-11-23") from None
