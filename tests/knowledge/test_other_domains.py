"""A small knowledge base of another kind of service (a mobile and broadband provider), written for
this test: suggestions must not depend on the evaluation shop's vocabulary."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from agentdesk.knowledge.base import ArticleIn, KnowledgeBase

ARTICLES = [
    ArticleIn(
        "t-roam",
        "en",
        "Using your phone abroad",
        "Roaming is included in the EU. Outside the EU, daily roaming passes cost 5 per day."
        " Turn off data roaming to avoid charges.",
        ("billing",),
    ),
    ArticleIn(
        "t-port",
        "en",
        "Keeping your number when you switch",
        "Ask your old provider for a PAC code and give it to us when you order the SIM."
        " The number moves within one working day.",
        ("account",),
    ),
    ArticleIn(
        "t-outage",
        "en",
        "No signal or internet",
        "Check the service status page for outages in your area."
        " Restart your phone or router. If the problem continues, contact us with your postcode.",
        ("technical",),
    ),
    ArticleIn(
        "t-bill",
        "en",
        "Understanding your bill",
        "Your bill shows your monthly plan, extra usage such as calls to premium numbers,"
        " and one-off charges. Bills are issued on the 1st.",
        ("billing",),
    ),
    ArticleIn(
        "t-cancel",
        "en",
        "Ending your contract early",
        "You can leave before the end of your contract by paying the early termination "
        "fee, which is the remaining monthly charges discounted by 5%.",
        ("account",),
    ),
    ArticleIn(
        "t-esim",
        "en",
        "Setting up an eSIM",
        "Scan the QR code from your order email in Settings > Mobile data > Add eSIM."
        " Your phone must be unlocked and support eSIM.",
        ("technical",),
    ),
    ArticleIn(
        "z-roam",
        "zh",
        "出境漫游",
        "出境前请开通国际漫游，按天计费的漫游包每天 25 元。关闭数据漫游可避免产生额外流量费。",
        ("账单",),
    ),
    ArticleIn(
        "z-port",
        "zh",
        "携号转网",
        "向原运营商申请携号转网授权码，办理新卡时提供给我们，一个工作日内完成转入。",
        ("账户",),
    ),
    ArticleIn(
        "z-outage",
        "zh",
        "没有信号或无法上网",
        "请先查看所在区域的网络故障公告，重启手机或光猫。问题仍未解决时，请提供地址联系我们。",
        ("技术",),
    ),
    ArticleIn(
        "z-bill",
        "zh",
        "看懂您的账单",
        "账单包括月租、套餐外通话和流量费用以及一次性费用，每月 1 日出账。",
        ("账单",),
    ),
    ArticleIn(
        "z-cancel", "zh", "提前解约", "合约期内可提前解约，需支付违约金，金额为剩余月租的 95%。", ("账户",)
    ),
    ArticleIn(
        "z-esim",
        "zh",
        "开通 eSIM",
        "在“设置 > 蜂窝网络 > 添加 eSIM”中扫描订单邮件里的二维码，手机需支持 eSIM 且未锁网。",
        ("技术",),
    ),
]
QUERIES = [
    ("how do I bring my number over from my current network", "en", "t-port"),
    ("internet has been down since last night", "en", "t-outage"),
    ("why is my bill so high this month, there are charges I don't recognise", "en", "t-bill"),
    ("what does it cost to leave my contract before it ends", "en", "t-cancel"),
    ("how to activate esim on my iphone", "en", "t-esim"),
    ("想换到你们家但不想换号码", "zh", "z-port"),
    ("从昨晚开始家里宽带就上不了网", "zh", "z-outage"),
    ("这个月话费怎么这么高，有几笔看不懂", "zh", "z-bill"),
    ("合约没到期想取消要赔多少钱", "zh", "z-cancel"),
    ("苹果手机怎么开通电子卡 esim", "zh", "z-esim"),
]


@pytest.fixture(scope="module")
def telco(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    path: Path = tmp_path_factory.mktemp("telco") / "kb.sqlite"
    with KnowledgeBase.open(path) as kb:
        kb.import_articles(ARTICLES)
        yield kb


@pytest.mark.parametrize(("query", "lang", "expected"), QUERIES)
def test_telecom_questions_find_their_article(
    telco: KnowledgeBase, query: str, lang: str, expected: str
) -> None:
    assert telco.suggest(query, lang=lang, top=3)[0].article_id == expected
