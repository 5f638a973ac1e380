"""service targets and 回访: the shop's desk settings, each case's targets on working hours, callbacks

Revision ID: 0005sd
Revises: 0005tm
Create Date: 2026-12-04

Written by hand with plain sa types (stored times are naive UTC). `service_targets` is a cache
of the timeline (like `deadlines`): `TargetService.sync` derives it from the events and the
desk settings and can always rebuild it; `callbacks` holds what the merchant recorded.
"""
from alembic import op
import sqlalchemy as sa


revision = "0005sd"
down_revision = "0005tm"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "desk_settings",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "service_targets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("met_at", sa.DateTime(), nullable=True),
        sa.Column("stopped_at", sa.DateTime(), nullable=True),
        sa.Column("handler", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("case_id", "kind", name="uq_service_targets_case_kind"),
    )
    op.create_index("ix_service_targets_due_at", "service_targets", ["due_at"], unique=False)
    op.create_table(
        "callbacks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=30), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=True),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("result", sa.String(length=20), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("handler", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("case_id", name="uq_callbacks_case"),
    )
    op.create_index("ix_callbacks_due_at", "callbacks", ["due_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_callbacks_due_at", table_name="callbacks")
    op.drop_table("callbacks")
    op.drop_index("ix_service_targets_due_at", table_name="service_targets")
    op.drop_table("service_targets")
    op.drop_table("desk_settings")
