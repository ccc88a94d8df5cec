from __future__ import annotations

from agentdesk.knowledge.lexicon import default_matcher
from agentdesk.knowledge.text import MAX_ANALYSED_CHARS, detect_lang, normalise, stem, word_tokens


def test_english_inflections_meet() -> None:
    assert stem("refunds") == stem("refund")
    assert word_tokens("Charged twice") == word_tokens("charging twice")
    assert word_tokens("the deliveries") == word_tokens("delivery")
    assert "the" not in word_tokens("the parcel")


def test_chinese_is_segmented_with_bigrams() -> None:
    tokens = word_tokens("我想申请退款")
    assert "退款" in tokens
    assert "_退款" in tokens  # the bigram survives a different segmentation elsewhere
    assert "的" not in word_tokens("我的订单")


def test_mixed_script_and_full_width() -> None:
    tokens = word_tokens("ＡＰＰ闪退 after update")
    assert "app" in tokens and "闪退" in tokens and "updat" in tokens
    assert detect_lang("App 一直闪退怎么办") == "zh"
    assert detect_lang("my app crashes") == "en"


def test_huge_and_binary_input_is_bounded() -> None:
    huge = "refund " * 200_000
    assert len(normalise(huge)) <= MAX_ANALYSED_CHARS
    garbage = bytes(range(256)).decode("latin-1")
    assert isinstance(word_tokens(garbage), list)
    assert word_tokens("") == []


def test_concepts_bridge_wording() -> None:
    matcher = default_matcher()
    assert "refund" in matcher.find("when do I get my money back?")
    assert "refund" in matcher.find("请问钱什么时候到")
    assert "safety" in matcher.find("there are sparks coming out")
    assert "double_charge" in matcher.find("I was charged twice")
