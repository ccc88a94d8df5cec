"""Fictional people and companies: names, phones, e-mails, addresses and ID numbers, en and zh."""

from __future__ import annotations

import random
from dataclasses import dataclass

from agentdesk.demo import vocab

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    language: str  # "en" | "zh"
    phone: str
    email: str
    address: str
    national_id: str
    city: str


def china_id(region: str, birth: str, sequence: int) -> str:
    """An 18-character resident ID with a valid check character (GB 11643)."""
    body = f"{region}{birth}{sequence:03d}"
    total = sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True))
    return body + _ID_CHECK[total % 11]


def person(rng: random.Random, n: int, chinese: bool) -> Person:
    """Person ``n`` (``n`` keeps e-mail addresses unique)."""
    r = rng.random
    birth_year = 1950 + int(r() * 55)
    birth = f"{birth_year}{1 + int(r() * 12):02d}{1 + int(r() * 28):02d}"
    if chinese:
        surname = vocab.ZH_SURNAME[int(r() * len(vocab.ZH_SURNAME))]
        name = surname + vocab.ZH_GIVEN[int(r() * len(vocab.ZH_GIVEN))]
        prefix = vocab.ZH_MOBILE_PREFIXES[int(r() * len(vocab.ZH_MOBILE_PREFIXES))]
        phone = f"{prefix}{int(r() * 100_000_000):08d}"
        province, city, district, region = vocab.ZH_PLACES[int(r() * len(vocab.ZH_PLACES))]
        road = vocab.ZH_ROADS[int(r() * len(vocab.ZH_ROADS))]
        address = (
            f"{province}{city}{district}{road}路{1 + int(r() * 998)}号"
            f"{1 + int(r() * 30)}{1 + int(r() * 6):02d}室"
        )
        national_id = china_id(region, birth, int(r() * 1000))
        email = f"nw{n}.{birth_year}@{vocab.EMAIL_DOMAINS[3 if r() < 0.7 else int(r() * 3)]}"
    else:
        first = vocab.EN_FIRST[int(r() * len(vocab.EN_FIRST))]
        last = vocab.EN_LAST[int(r() * len(vocab.EN_LAST))]
        name = f"{first} {last}"
        city, state, area, zip_prefix = vocab.EN_PLACES[int(r() * len(vocab.EN_PLACES))]
        # 555-0100..0199 is the range reserved for fiction.
        phone = f"+1 {area} 555 {100 + int(r() * 100):04d}"
        street = vocab.EN_STREETS[int(r() * len(vocab.EN_STREETS))]
        kind = vocab.EN_STREET_KINDS[int(r() * len(vocab.EN_STREET_KINDS))]
        unit = f", Apt {1 + int(r() * 40)}" if r() < 0.3 else ""
        postcode = f"{zip_prefix}{int(r() * 100):02d}" if zip_prefix.isdigit() else f"{zip_prefix} 1A1"
        address = f"{1 + int(r() * 998)} {street} {kind}{unit}, {city}, {state} {postcode}"
        # SSN-shaped, but 000 is never issued: fictional by construction.
        national_id = f"000-{int(r() * 100):02d}-{int(r() * 10000):04d}"
        domain = vocab.EMAIL_DOMAINS[int(r() * 3)]
        email = f"{first.lower()}.{last.lower()}{n}@{domain}"
    return Person(name, "zh" if chinese else "en", phone, email, address, national_id, city)


def organization_name(o: int) -> tuple[str, str, str]:
    """(name, industry, language) of organization ``o``; unique across o."""
    industries = list(vocab.ORG_KINDS)
    industry = industries[o % len(industries)]
    en_kind, zh_kind = vocab.ORG_KINDS[industry]
    rest = o // len(industries)
    chinese = rest % 2 == 1
    places = vocab.ORG_ZH_PLACES if chinese else vocab.ORG_EN_PLACES
    place = places[(rest // 2) % len(places)]
    branch = rest // (2 * len(places))
    if chinese:
        name = f"{place}{zh_kind}" + (f"（第{branch + 1}分部）" if branch else "")
    else:
        name = f"{place} {en_kind}" + (f" {branch + 1}" if branch else "")
    return name, industry, "zh" if chinese else "en"
