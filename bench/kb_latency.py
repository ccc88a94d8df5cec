# ruff: noqa: E501, SIM905  (word lists and report lines read better unbroken)
"""Knowledge suggestion latency and memory at scale, on a synthetic corpus.

    python bench/kb_latency.py [--articles 100000] [--queries 400] [--db PATH]

Builds a store with N synthetic help-centre articles (half English, half Chinese; words drawn
Zipf-like from customer-service vocabulary followed by a long tail of made-up words, plus product
model numbers), then times ``suggest`` for
queries drawn the same way. Prints JSON: import time, suggestion p50/p95/max in ms, and the
memory the ranker adds (heap after loading the analyser and after the queries, minus before; pages
of the store file that SQLite maps are reported apart, since the OS shares and drops them). The same queries are also timed with plain FTS5 BM25 (title + body, no re-ranking) as
the baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from agentdesk.knowledge.base import ArticleIn, KnowledgeBase
from agentdesk.knowledge.text import warm_up

EN_WORDS = (
    "order refund delivery parcel invoice payment card charge account password login app crash update "
    "return warranty repair engineer install appointment store credit points gift voucher cancel track "
    "late damaged missing wrong size colour stock price discount fridge washer dryer oven sofa table "
    "chair lamp bed mattress wardrobe desk kettle heater cooker dishwasher vacuum router phone email "
    "address membership subscription renewal fee bank transfer instalment plan contract upgrade signal "
    "network outage battery screen charger cable remote filter door drum motor noise leak smoke error "
    "code reset verify identity privacy data delete export complaint manager escalate feedback survey"
).split()
ZH_WORDS = (
    "订单 退款 配送 包裹 发票 支付 银行卡 扣款 账户 密码 登录 闪退 更新 退货 保修 维修 师傅 安装 预约 "
    "门店 余额 积分 礼品卡 优惠券 取消 物流 延迟 破损 缺件 发错 尺寸 颜色 库存 价格 折扣 冰箱 洗衣机 "
    "烘干机 烤箱 沙发 餐桌 椅子 台灯 床 床垫 衣柜 书桌 水壶 取暖器 燃气灶 洗碗机 吸尘器 路由器 手机 邮箱 "
    "地址 会员 订阅 续费 手续费 转账 分期 合同 升级 信号 网络 中断 电池 屏幕 充电器 遥控器 滤网 电机 噪音 "
    "漏水 冒烟 错误代码 重置 验证 身份 隐私 数据 注销 导出 投诉 主管 升级处理 反馈 满意度"
).split()


def _vocabulary(seed: int) -> tuple[list[str], list[str]]:
    """The domain words first (frequent), then a long tail of made-up words, as in real text."""
    rng = random.Random(seed)
    syllables = "ka lo mi ne ru sa te vi bo da fe gu hi jo ku la mo nu pe ri so tu wa ye zo".split()
    en_tail = {"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(6000)}
    chars = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
    zh_tail = {"".join(rng.choice(chars) for _ in range(2)) for _ in range(6000)}
    return EN_WORDS + sorted(en_tail), ZH_WORDS + sorted(zh_tail)


EN_VOCAB, ZH_VOCAB = _vocabulary(11)


def _zipf_pick(rng: random.Random, words: list[str], k: int) -> list[str]:
    n = len(words)  # rank r drawn with probability ~ 1/r (Zipf's law)
    return [words[min(n - 1, int(n ** rng.random()) - 1)] for _ in range(k)]


def _article(rng: random.Random, i: int) -> ArticleIn:
    zh = i % 2 == 1
    words = ZH_VOCAB if zh else EN_VOCAB
    model = f"NW{rng.randint(100, 99999)}"
    title = ("" if zh else " ").join(_zipf_pick(rng, words, rng.randint(3, 6))) + f" {model}"
    sentences = []
    for _ in range(rng.randint(3, 6)):
        chunk = _zipf_pick(rng, words, rng.randint(6, 14))
        sentences.append(("".join(chunk) + "。") if zh else (" ".join(chunk).capitalize() + "."))
    body = ("" if zh else " ").join(sentences)
    return ArticleIn(f"syn-{i}", "zh" if zh else "en", title, body, (rng.choice(words),))


def _rss_mb(kind: str = "RssAnon") -> float:
    """Resident memory in MB: ``RssAnon`` is the process's own (heap) memory; ``RssFile`` counts
    pages of the store file mapped by SQLite (mmap), which the OS shares and can drop."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(kind + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * p))], 2)


def _plain_bm25(kb: KnowledgeBase, query: str, lang: str, top: int) -> list[str]:
    from agentdesk.knowledge.text import word_tokens

    terms = [t for t in dict.fromkeys(word_tokens(query, bigrams=False)) if '"' not in t]
    if not terms:
        return []
    expression = f"{{title body}} : ({' OR '.join(f'{chr(34)}{t}{chr(34)}' for t in terms)}) AND lang : \"{lang}_article\""
    with kb.store.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT rowid FROM kb_fts WHERE kb_fts MATCH ? ORDER BY bm25(kb_fts) LIMIT ?", (expression, top)
        ).all()
    return [str(r[0]) for r in rows]


def _eval_at_scale(kb: KnowledgeBase, eval_dir: Path) -> dict[str, Any]:
    """Recall@3 / MRR@5 of the eval queries with the eval articles among all synthetic ones."""
    from agentdesk.knowledge.base import read_articles

    kb.import_articles(read_articles(eval_dir / "kb_articles.jsonl"))
    queries = [json.loads(line) for line in (eval_dir / "kb_queries.jsonl").open(encoding="utf-8") if line.strip()]
    out: dict[str, Any] = {}
    for lang in ("en", "zh"):
        qs = [q for q in queries if q["lang"] == lang]
        recall = mrr = 0.0
        for q in qs:
            got = [s.article_id for s in kb.suggest(q["query"], lang=lang, top=5)]
            recall += bool(set(q["relevant"]) & set(got[:3]))
            mrr += next((1 / (i + 1) for i, a in enumerate(got) if a in q["relevant"]), 0.0)
        out[lang] = {"recall@3": round(recall / len(qs), 3), "mrr@5": round(mrr / len(qs), 3)}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--db", type=Path, default=None, help="reuse/keep the store file here")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--eval-dir", type=Path, default=None,
                        help="also hide these eval articles among the synthetic ones and score the eval queries")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    report: dict[str, Any] = {"articles": args.articles}
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "kb.sqlite"
        rss_start = _rss_mb()
        warm_up()
        rss_analyser = _rss_mb()
        with KnowledgeBase.open(db) as kb:
            with kb.store.connect() as conn:
                have = conn.exec_driver_sql("SELECT count(*) FROM kb_docs WHERE kind='article'").scalar_one()
            started = time.perf_counter()
            if have < args.articles:
                batch = 5_000
                for start in range(have, args.articles, batch):
                    kb.import_articles(_article(rng, i) for i in range(start, min(args.articles, start + batch)))
            report["import_seconds"] = round(time.perf_counter() - started, 1)
            report["store_mb"] = round(db.stat().st_size / 1e6, 1)
            queries = []
            for i in range(args.queries):
                zh = i % 2 == 1
                words = ZH_VOCAB if zh else EN_VOCAB
                text = ("" if zh else " ").join(_zipf_pick(rng, words, rng.randint(3, 12)))
                queries.append((text, "zh" if zh else "en"))
            for text, lang in queries[:20]:  # warm the page cache like a running console
                kb.suggest(text, lang=lang, top=5)
            rss_before_queries = _rss_mb()
            file_before_queries = _rss_mb("RssFile")
            ours, ours_cpu, plain = [], [], []
            for text, lang in queries:
                t0, c0 = time.perf_counter(), time.process_time()
                kb.suggest(text, lang=lang, top=5)
                ours.append((time.perf_counter() - t0) * 1000)
                ours_cpu.append((time.process_time() - c0) * 1000)
                t0 = time.perf_counter()
                _plain_bm25(kb, text, lang, 5)
                plain.append((time.perf_counter() - t0) * 1000)
            rss_end = _rss_mb()
            file_end = _rss_mb("RssFile")
            if args.eval_dir:
                report["eval_at_scale"] = _eval_at_scale(kb, args.eval_dir)
    report.update({
        "queries": len(queries),
        "agentdesk_ms": {"p50": _percentile(ours, 0.5), "p95": _percentile(ours, 0.95), "max": round(max(ours), 2)},
        # CPU time of this process: what the suggestion costs when the machine is shared.
        "agentdesk_cpu_ms": {"p50": _percentile(ours_cpu, 0.5), "p95": _percentile(ours_cpu, 0.95)},
        "plain_fts5_bm25_ms": {"p50": _percentile(plain, 0.5), "p95": _percentile(plain, 0.95)},
        "memory_mb": {
            "analyser_and_lexicons_heap": round(rss_analyser - rss_start, 1),
            "queries_heap_growth": round(rss_end - rss_before_queries, 1),
            "queries_mapped_store_pages": round(file_end - file_before_queries, 1),
            "process_heap_end": round(rss_end, 1),
        },
    })
    report["load_average_1m_at_end"] = round(os.getloadavg()[0], 2)  # other work on the machine skews timings
    report["cpus"] = os.cpu_count()
    json.dump(report, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
