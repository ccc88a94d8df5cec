"""Messages from other kinds of service (telecom, SaaS, banking) land in the right category: the
lexicons are about customer service, not about one shop."""

from __future__ import annotations

import pytest

from agentdesk.triage.engine import triage

CASES = [
    ("My SIM card stopped working after the update", "technical"),
    ("I was charged roaming fees in France even though I had a travel pass", "billing"),
    ("Please cancel my contract and refund the last month", "refund"),
    ("When will my new router be delivered?", "delivery"),
    ("How do I add a second user to my account?", "account"),
    ("What is the difference between the Basic and Pro plans?", "product_info"),
    ("The API returns 500 errors since this morning, our shop is down", "technical"),
    ("I want to speak to a manager about how I was treated in your store", "complaint"),
    ("We would like to become a reseller of your products", "other"),
    ("My card was declined at the ATM and the money was still taken", "billing"),
    ("Someone logged into my account from another country", "account"),
    ("Is the 5G plan available in my area?", "product_info"),
    ("手机卡突然没信号了，重启也没用", "technical"),
    ("这个月的账单多扣了 50 元流量费", "billing"),
    ("合约提前解约能退剩下的钱吗", "refund"),
    ("新办的宽带什么时候上门安装？", "delivery"),
    ("怎么修改账户的绑定邮箱", "account"),
    ("你们的企业版和个人版有什么区别？", "product_info"),
    ("营业厅的工作人员态度非常恶劣，我要投诉", "complaint"),
    ("你们公司招不招实习生？", "other"),
    ("My parcel was left at the wrong address", "delivery"),
]


@pytest.mark.parametrize(("text", "category"), CASES)
def test_other_domains(text: str, category: str) -> None:
    assert triage(text).category.value == category


SENTIMENT_CASES = [
    ("Third outage this week. Unbelievable.", "negative"),
    ("Thanks, the technician fixed the line quickly!", "positive"),
    ("Can I port my number to a new SIM?", "neutral"),
    ("I have been on hold for an hour, this is ridiculous", "negative"),
    ("网络又断了，这个月第三次了", "negative"),
    ("客服小李很耐心，问题解决了，谢谢！", "positive"),
    ("请问怎么查询本月流量", "neutral"),
    ("Not happy at all with the new pricing", "negative"),
    ("I am worried my card details were stolen", "negative"),
]


@pytest.mark.parametrize(("text", "sentiment"), SENTIMENT_CASES)
def test_other_domains_sentiment(text: str, sentiment: str) -> None:
    assert triage(text).sentiment.value == sentiment
