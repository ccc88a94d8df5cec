"""What triage reads from a message: lexicon hits, amounts, negation, sarcasm, emphasis."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from agentdesk.knowledge.lexicon import ConceptMatcher, default_matcher
from agentdesk.knowledge.text import english_stems, normalise
from agentdesk.triage import lexicon_data as L


@lru_cache(maxsize=1)
def cue_matcher() -> ConceptMatcher:
    return ConceptMatcher(L.CATEGORY_CUES)


@lru_cache(maxsize=1)
def sentiment_matcher() -> ConceptMatcher:
    return ConceptMatcher(L.SENTIMENT_CUES)


@lru_cache(maxsize=1)
def urgency_matcher() -> ConceptMatcher:
    return ConceptMatcher(L.URGENCY_CUES)


@dataclass(frozen=True, slots=True)
class Signals:
    text: str  # normalised
    topics: Counter[str]  # knowledge concepts + category cues
    topic_phrases: tuple[tuple[str, str], ...]
    sentiment_phrases: tuple[tuple[str, str], ...]
    urgency_phrases: tuple[tuple[str, str], ...]
    amounts: tuple[float, ...]
    exclamations: int
    shouting: bool
    question: bool
    elderly: bool


_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*(万|k\b))?")
_ZH_NUMERAL = {
    "一": 1,
    "两": 2,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_ZH_WAN = re.compile(r"([一两二三四五六七八九十])万")
_ORDER_NO = re.compile(r"(?:order|订单|no\.?|#|编号|单号|型号|model|ref)\s*[:：]?\s*[a-z-]*\d+", re.I)
_ELDERLY = re.compile(r"\b(?:i'?m|i am|aged?)\s*[789]\d\b|[789]\d\s*岁")


def amounts_in(text: str) -> tuple[float, ...]:
    """Money-like numbers (order and model numbers removed), with 万 / k multipliers."""
    cleaned = _ORDER_NO.sub(" ", text)
    found: list[float] = []
    for digits, multiplier in _NUMBER.findall(cleaned):
        if len(digits.replace(",", "")) > 9:
            continue  # a phone or account number, not money
        value = float(digits.replace(",", ""))
        if multiplier == "万":
            value *= 10_000
        elif multiplier.lower() == "k":
            value *= 1_000
        found.append(value)
    found.extend(_ZH_NUMERAL[m] * 10_000.0 for m in _ZH_WAN.findall(cleaned))
    return tuple(found)


def _negated(text: str, phrase: str) -> bool:
    """Is the phrase preceded by a negator ("not happy", "不满意")?"""
    if phrase and phrase[0] < "\u3000":
        stems = english_stems(text)
        first = english_stems(phrase)[0] if english_stems(phrase) else phrase
        return any(stems[i] == first and i and stems[i - 1] in L.EN_NEGATORS for i in range(len(stems)))
    at = text.find(phrase)
    return at > 0 and text[at - 1] in L.ZH_NEGATORS


_TWICE = re.compile(r"\b(?:charg|bill|debit|tak)\w*\b[^.!?]{0,40}\b(?:twice|two times|double|again)\b")
_LEAK = re.compile(r"leak|water|漏水|进水|渗水")
_POWER = re.compile(r"socket|plug|outlet|wiring|electric|power point|fuse box|插座|插头|电源|电线|电路|配电")


def _combined_topics(text: str) -> Counter[str]:
    """Cues that need two parts of a sentence: "charged $1,299 twice", water onto a socket."""
    extra: Counter[str] = Counter()
    if _TWICE.search(text):
        extra["double_charge"] += 1
    return extra


def water_on_power(text: str) -> bool:
    return bool(_LEAK.search(text) and _POWER.search(text))


def read_signals(raw: str) -> Signals:
    text = normalise(raw)
    topics = default_matcher().find(text) + cue_matcher().find(text) + _combined_topics(text)
    topic_phrases = tuple(default_matcher().phrases_found(text) + cue_matcher().phrases_found(text))
    letters = re.findall(r"[A-Za-z]{3,}", raw[:5000])
    shouting = len(letters) >= 3 and sum(w.isupper() for w in letters) >= max(2, len(letters) // 2)
    return Signals(
        text=text,
        topics=topics,
        topic_phrases=topic_phrases,
        sentiment_phrases=tuple(sentiment_matcher().phrases_found(text)),
        urgency_phrases=tuple(urgency_matcher().phrases_found(text)),
        amounts=amounts_in(text),
        exclamations=len(re.findall(r"[!！]{2,}|[?？][!！]|[!！][?？]|[?？]{2,}", text)),
        shouting=shouting,
        question=bool(
            re.search(
                r"[?？]|吗|呢|怎么|如何|是否|能否|可以.*[吗么]|^(how|what|when|where|can|do|does|is|are)\b",
                text,
            )
        ),
        elderly=bool(_ELDERLY.search(text)),
    )


def sarcastic(signals: Signals) -> bool:
    text = signals.text
    if any(p in text for p in L.SARCASM_EN) or any(p in text for p in L.SARCASM_ZH):
        return True
    praise = [p for name, p in signals.sentiment_phrases if name == "praise"]
    for opening, closing in L.QUOTE_PAIRS:
        for phrase in praise:
            if f"{opening}{phrase}{closing}" in text:
                return True
    return False


def negated(signals: Signals, phrase: str) -> bool:
    return _negated(signals.text, phrase)
