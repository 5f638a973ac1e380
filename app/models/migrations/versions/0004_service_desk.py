"""service desk: reply templates (话术库) with the starter set, agreed follow-ups, handlers, who did each step

Revision ID: 0004sd
Revises: 0003
Create Date: 2026-12-04

Written by hand with plain sa types (stored times are naive UTC). The starter set of reply
templates is inserted here, once per database: a merchant who deletes one does not get it back
on the next start. It is read from resources/templates/ (the same file format as an export).
"""
import json
from datetime import UTC, datetime

from alembic import op
import sqlalchemy as sa

from app.paths import resource


revision = "0004sd"
down_revision = "0003"
branch_labels = None
depends_on = None

STARTER = ("templates", "reply_templates_zh_CN.json")


def upgrade() -> None:
    # Existing events were recorded before anyone said who: "". A plain ADD COLUMN (no batch:
    # rebuilding `events` would run the cascades of DESIGN.md's pitfall).
    op.add_column("events", sa.Column("handler", sa.String(length=100), nullable=False, server_default=""))
    op.create_table(
        "follow_ups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("event_seq", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("handler", sa.String(length=100), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("done_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_follow_ups_due_at", "follow_ups", ["due_at"], unique=False)
    op.create_index("ix_follow_ups_case_id", "follow_ups", ["case_id"], unique=False)
    templates = op.create_table(
        "reply_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("stages", sa.String(length=400), nullable=False),
        sa.Column("reasons", sa.String(length=400), nullable=False),
        sa.Column("platforms", sa.String(length=400), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "desk_fields",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "handlers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name", name="uq_handlers_name"),
    )
    now = datetime.now(UTC).replace(tzinfo=None)
    starter = json.loads(resource(*STARTER).read_text(encoding="utf-8"))["templates"]
    op.bulk_insert(
        templates,
        [
            {
                "title": t["title"],
                "body": t["body"],
                "stages": ",".join(t.get("stages", [])),
                "reasons": ",".join(t.get("reasons", [])),
                "platforms": ",".join(t.get("platforms", [])),
                "position": i,
                "updated_at": now,
            }
            for i, t in enumerate(starter, start=1)
        ],
    )


def downgrade() -> None:
    op.drop_table("handlers")
    op.drop_table("desk_fields")
    op.drop_table("reply_templates")
    op.drop_index("ix_follow_ups_case_id", table_name="follow_ups")
    op.drop_index("ix_follow_ups_due_at", table_name="follow_ups")
    op.drop_table("follow_ups")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_column("handler")
