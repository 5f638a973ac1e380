"""alert log: every alert and auto-action notice shown, so none is shown twice; two planning indexes

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""
from alembic import op
import sqlalchemy as sa


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alert_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("party", sa.String(length=20), nullable=False),
        sa.Column("rule_id", sa.String(length=80), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("lead_seconds", sa.Integer(), nullable=False),
        sa.Column("auto_action", sa.String(length=20), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("delivery", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("seen_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "case_id", "kind", "party", "rule_id", "due_at", "lead_seconds", name="uq_alert_log_identity"
        ),
    )
    with op.batch_alter_table("alert_log", schema=None) as batch_op:
        batch_op.create_index("ix_alert_log_due_at", ["due_at"], unique=False)
        batch_op.create_index("ix_alert_log_sent_at", ["sent_at"], unique=False)
        batch_op.create_index("ix_alert_log_seen_at", ["seen_at"], unique=False)
    # "The next merchant (or buyer) deadline after t" in one index seek, whatever the number
    # of open cases (re-planning with 200,000 cases; see bench/scheduler.py).
    op.create_index("ix_deadlines_party_due_at", "deadlines", ["party", "due_at"], unique=False)
    # Cases changed since the last alert check (added, acted on, extended, unmuted, imported):
    # their alerts are re-read at once instead of waiting for the next lead time.
    op.create_index("ix_cases_updated_at", "cases", ["updated_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_cases_updated_at", table_name="cases")
    op.drop_index("ix_deadlines_party_due_at", table_name="deadlines")
    with op.batch_alter_table("alert_log", schema=None) as batch_op:
        batch_op.drop_index("ix_alert_log_seen_at")
        batch_op.drop_index("ix_alert_log_sent_at")
        batch_op.drop_index("ix_alert_log_due_at")
    op.drop_table("alert_log")
