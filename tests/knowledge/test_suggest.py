from __future__ import annotations

import json
from pathlib import Path

import pytest

from agentdesk.cli import main
from agentdesk.errors import InputError
from agentdesk.knowledge.base import KnowledgeBase, read_articles
from agentdesk.knowledge.ranker import QueryContext
from tests.knowledge.conftest import ARTICLES


def test_suggests_by_meaning_not_only_words(kb: KnowledgeBase) -> None:
    assert kb.suggest("when do I get my money back", lang="en")[0].article_id == "a-refund"
    assert kb.suggest("parcel still not here", lang="en")[0].article_id == "a-late"
    assert kb.suggest("钱什么时候退回来", lang="zh")[0].article_id == "z-refund"
    assert kb.suggest("忘记密码了登不上", lang="zh")[0].article_id == "z-password"


def test_language_is_kept_and_detected(kb: KnowledgeBase) -> None:
    results = kb.suggest("退款", top=5)
    assert results and all(s.article_id.startswith("z-") for s in results)


def test_empty_and_garbage_queries_return_nothing(kb: KnowledgeBase) -> None:
    assert kb.suggest("", lang="en") == []
    assert kb.suggest("\x00\x01\x02", lang="en") == []
    assert isinstance(kb.suggest('"quoted" AND OR NOT * ( ) NEAR', lang="en"), list)  # no FTS syntax error
    assert isinstance(kb.suggest("refund " * 100_000, lang="en"), list)


def test_kb_learns_from_resolved_tickets(kb: KnowledgeBase) -> None:
    query = "the technician never came"
    before = [s.article_id for s in kb.suggest(query, lang="en")]
    for n in range(3):
        kb.record_resolution(f"t{n}", "technician did not come to fit the oven", ["a-install"], lang="en")
    after = kb.suggest(query, lang="en")
    assert after[0].article_id == "a-install"
    assert "used in similar resolved tickets" in after[0].reasons
    assert before != [s.article_id for s in after] or before[0] == "a-install"


def test_context_category_breaks_ties(kb: KnowledgeBase) -> None:
    plain = kb.suggest("follow the link", lang="en")[0]
    boosted = kb.suggest("follow the link", lang="en", context=QueryContext(category="account"))[0]
    assert plain.article_id == boosted.article_id == "a-password"
    assert boosted.score > plain.score


def test_reimport_replaces_article(kb: KnowledgeBase) -> None:
    from agentdesk.knowledge.base import ArticleIn

    kb.import_articles([ArticleIn("a-late", "en", "Gift cards", "Gift cards never expire.", ())])
    assert kb.suggest("gift card", lang="en")[0].article_id == "a-late"
    assert all(s.article_id != "a-late" for s in kb.suggest("parcel late tracking", lang="en"))


def test_bad_article_files_are_refused_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "x", "lang": "en", "title": "T", "body": "B", "tags": []}\nnot json\n', "utf-8")
    with pytest.raises(InputError, match="line 2"):
        read_articles(path)
    path.write_text('{"id": "x", "lang": "fr", "title": "T", "body": "B"}\n', "utf-8")
    with pytest.raises(InputError, match="lang"):
        read_articles(path)
    path.write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(InputError):
        read_articles(path)
    with pytest.raises(InputError, match="Cannot read"):
        read_articles(tmp_path / "missing.jsonl")


def test_cli_import_and_suggest_shapes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    articles = tmp_path / "articles.jsonl"
    articles.write_text(
        "\n".join(
            json.dumps(a)
            for a in [
                {
                    "id": "k1",
                    "lang": "en",
                    "title": "Charged twice for one order",
                    "body": "Duplicate charges are usually a pending authorisation that drops off in 3 days.",
                    "tags": ["billing"],
                },
                {
                    "id": "k2",
                    "lang": "zh",
                    "title": "申请开具发票",
                    "body": "在订单详情页申请电子发票。",
                    "tags": ["账单"],
                },
            ]
        ),
        "utf-8",
    )
    queries = tmp_path / "q.jsonl"
    queries.write_text(
        '{"id": "q1", "lang": "en", "query": "you billed me two times"}\n'
        '{"id": "q2", "lang": "zh", "query": "怎么开发票"}\n'
        '{"id": "q3", "lang": "en", "query": ""}\n',
        "utf-8",
    )
    db = tmp_path / "kb.sqlite"
    assert main(["kb", "import", str(articles), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["kb", "suggest", "--db", str(db), "--batch", str(queries), "--top", "3", "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [set(line) for line in lines] == [{"id", "results", "ms"}] * 3
    assert lines[0]["results"][0] == "k1" and lines[1]["results"] == ["k2"] and lines[2]["results"] == []
    bad = tmp_path / "bad.jsonl"
    bad.write_text("[1, 2]\n", "utf-8")
    assert main(["kb", "import", str(bad), "--db", str(db)]) == 2
    assert "expected a JSON object" in capsys.readouterr().err


def test_reindex_follows_synced_articles(kb: KnowledgeBase) -> None:
    from agentdesk.store.codec import delete_rows, row_values, upsert_rows

    with kb.store.connect() as conn:
        upsert_rows(
            conn,
            "article",
            [
                row_values(
                    "article",
                    "a-gift",
                    5,
                    {
                        "lang": "en",
                        "title": "Gift cards",
                        "body": "Gift cards never expire.",
                        "tags": ["billing"],
                    },
                )
            ],
        )
        delete_rows(conn, "article", ["a-late"])
    assert kb.reindex() == len(ARTICLES)  # one added, one deleted
    assert kb.suggest("gift card", lang="en")[0].article_id == "a-gift"
    assert all(s.article_id != "a-late" for s in kb.suggest("parcel late", lang="en"))
