"""Knowledge search index: FTS5 over pre-analysed articles (kb_fts) and resolved tickets
(kb_ticket_fts), term statistics, article usage.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 08:30:00

Text is analysed in Python (jieba for Chinese, stemming for English, intent concepts) and stored
space-separated, so FTS5's unicode61 tokenizer only splits on spaces; '_' is a token character
(Chinese bigram terms start with it). ``kb_docs`` maps an FTS rowid to the article or ticket it
indexes; ``kb_terms`` holds document frequencies; ``kb_usage`` counts the resolved tickets that used an
article ("the KB learns").
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('kb_docs',
    sa.Column('rowid', sa.Integer(), primary_key=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('ref', sa.String(length=64), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('links', sa.JSON(), nullable=True),
    sa.UniqueConstraint('kind', 'ref', name='uq_kb_docs_kind_ref'),
    )
    for table in ('kb_fts', 'kb_ticket_fts'):
        op.execute(
            f"CREATE VIRTUAL TABLE {table} USING fts5("
            "title, body, extra, lang, tokenize=\"unicode61 remove_diacritics 0 tokenchars '_'\")"
        )
    # Document frequency of each term (kept up to date on every index write), so a search can
    # leave the terms too common to matter out of its FTS query.
    op.create_table('kb_terms',
    sa.Column('term', sa.Text(), primary_key=True),
    sa.Column('df', sa.Integer(), nullable=False),
    sqlite_with_rowid=False,
    )
    op.create_table('kb_usage',
    sa.Column('article_id', sa.String(length=64), primary_key=True),
    sa.Column('uses', sa.Integer(), nullable=False, server_default='0'),
    sa.Column('last_used', sa.String(length=32), nullable=True),
    )


def downgrade() -> None:
    op.drop_table('kb_usage')
    op.drop_table('kb_terms')
    op.execute("DROP TABLE kb_ticket_fts")
    op.execute("DROP TABLE kb_fts")
    op.drop_table('kb_docs')
