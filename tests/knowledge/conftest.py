from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from agentdesk.knowledge.base import ArticleIn, KnowledgeBase

ARTICLES = [
    ArticleIn(
        "a-refund",
        "en",
        "Refund to your original payment method",
        "Once we receive the return, the money goes back to the card you paid with within 5 days.",
        ("refund",),
    ),
    ArticleIn(
        "a-late",
        "en",
        "My delivery is late",
        "If your parcel has not arrived on the promised day, check tracking and contact us.",
        ("delivery",),
    ),
    ArticleIn(
        "a-password",
        "en",
        "Resetting your password",
        "Tap Forgot password on the sign-in page and follow the link we email you.",
        ("account",),
    ),
    ArticleIn(
        "a-install",
        "en",
        "Booking an installation appointment",
        "Our technician can fit and connect the appliance when it is delivered.",
        ("installation",),
    ),
    ArticleIn(
        "z-refund", "zh", "退款原路返回", "退货验收后，款项在 5 个工作日内原路退回到您的支付账户。", ("退款",)
    ),
    ArticleIn(
        "z-late",
        "zh",
        "配送延迟怎么办",
        "如果包裹没有按约定日期送达，请先查看物流信息，再联系客服。",
        ("配送",),
    ),
    ArticleIn(
        "z-password", "zh", "重置登录密码", "在登录页点击忘记密码，按短信验证码设置新密码。", ("账户",)
    ),
]


@pytest.fixture
def kb(tmp_path: Path) -> Iterator[KnowledgeBase]:
    with KnowledgeBase.open(tmp_path / "store.sqlite") as base:
        base.import_articles(ARTICLES)
        yield base
