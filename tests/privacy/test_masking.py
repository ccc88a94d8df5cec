"""Personal-data masking: the forms agents see, idempotence, and odd input that must not raise."""

from __future__ import annotations

from typing import Any

import pytest

from agentdesk.privacy.masking import (
    PERSONAL_FIELDS,
    mask_address,
    mask_data,
    mask_email,
    mask_handle,
    mask_national_id,
    mask_phone,
    mask_record,
    mask_value,
)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("13812345678", "138****5678"),
        ("+86 138 1234 5678", "138****5678"),
        ("0086-138-1234-5678", "138****5678"),
        ("+1 (415) 555-0134", "415****0134"),
        ("+44 20 7946 0958", "207****0958"),
        ("021-6123-4567", "021****4567"),
        ("12345", "****"),
        ("123456", "****"),
        ("", "****"),
    ],
)
def test_phone(raw: str, shown: str) -> None:
    assert mask_phone(raw) == shown


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("jane.doe@example.com", "j***@example.com"),
        ("王芳@例子.中国", "王***@例子.中国"),
        ("@example.com", "****@example.com"),
        ("not-an-email", "no***"),
    ],
)
def test_email(raw: str, shown: str) -> None:
    assert mask_email(raw) == shown


def test_national_id() -> None:
    assert mask_national_id("31011519850612123X") == "310115********123X"
    assert mask_national_id("310115850612123") == "310115*****2123"
    assert mask_national_id("A1234") == "****"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("上海市浦东新区人民路123号1201室", "上海市浦东新区****"),
        ("广东省广州市天河区天河路385号", "广东省广州市天河区****"),
        ("北京市朝阳区建国门外大街1号", "北京市朝阳区****"),
        ("人民路1号", "****"),
        ("42 Maple Street, Apt 3, Springfield, IL 62704", "****, Springfield, IL"),
        ("Flat 2, 10 Harbor Road, Bristol BS1 4DJ", "****, Bristol"),
        ("742 Evergreen Terrace", "****"),
    ],
)
def test_address_keeps_city_and_district_only(raw: str, shown: str) -> None:
    assert mask_address(raw) == shown


SAMPLES = {
    "phone": ["13812345678", "+1 415 555 0134", "+44 20 7946 0958", "123", "＋86 138-1234-5678"],
    "email": ["jane.doe@example.com", "x@y", "plain", "a@b@c.com"],
    "address": ["上海市浦东新区人民路123号1201室", "42 Maple Street, Springfield", "?", "市"],
    "national_id": ["31011519850612123X", "G12345678", "x"],
}


@pytest.mark.parametrize("field", PERSONAL_FIELDS)
def test_masking_is_idempotent_and_hides_something(field: str) -> None:
    for raw in SAMPLES[field]:
        once = mask_value(field, raw)
        assert mask_value(field, once) == once, (field, raw, once)
        assert once != raw and "*" in once, (field, raw)


@pytest.mark.parametrize(
    "odd", [None, "", "   ", 13812345678, 3.5, True, ["a"], {"x": 1}, "\x00\ufffd", "*" * 40]
)
def test_odd_values_never_raise(odd: Any) -> None:
    for field in (*PERSONAL_FIELDS, "other"):
        mask_value(field, odd)
    for channel in ("phone", "email", "app", "", "nonsense"):
        mask_handle(channel, odd)
    assert mask_value("phone", 13812345678) == "138****5678"
    assert mask_value("phone", None) is None


def test_handles_by_channel() -> None:
    assert mask_handle("phone", "+86 13812345678") == "138****5678"
    assert mask_handle("email", "jane@example.com") == "j***@example.com"
    assert mask_handle("chat", "jane@example.com") == "j***@example.com"
    assert mask_handle("app", "nw0001234") == "nw***"
    assert mask_handle("social", "@jane_home") == "@j***"
    assert mask_handle("app", mask_handle("app", "nw0001234")) == "nw***"


def test_mask_record_masks_every_personal_field_and_copies() -> None:
    data = {
        "name": "王芳",
        "phone": "13812345678",
        "email": "wang.fang@example.cn",
        "address": "上海市浦东新区人民路123号1201室",
        "national_id": "31011519850612123X",
        "contacts": [
            {"channel": "phone", "handle": "13812345678", "verified": True},
            {"channel": "app", "handle": "nw0001234"},
            "odd",
        ],
        "tier": "VIP",
    }
    shown = mask_record("customer", data)
    assert shown is not data and data["phone"] == "13812345678"
    assert shown["phone"] == "138****5678" and shown["email"] == "w***@example.cn"
    assert shown["address"] == "上海市浦东新区****" and shown["national_id"] == "310115********123X"
    assert [c["handle"] for c in shown["contacts"][:2]] == ["138****5678", "nw***"]
    assert shown["contacts"][2] == "odd" and shown["name"] == "王芳" and shown["tier"] == "VIP"
    assert mask_record("customer", shown) == shown
    assert mask_record("ticket", {"subject": "x", "phone": "13812345678"})["phone"] == "13812345678"
    assert mask_record("customer", None) == {}
    assert mask_record("customer", {"phone": None, "contacts": "bad"}) == {"phone": None, "contacts": "bad"}
    assert mask_data("customer", {"name": "x"}) is None
