"""paid-order counts per shop and month (denominator of the platform ratios)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22

Written by hand with plain sa types: `updated_at` is naive UTC like every stored time.
"""
from alembic import op
import sqlalchemy as sa


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "order_counts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shop_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("paid_orders", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["shop_id"], ["shops.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("shop_id", "month", name="uq_order_counts_shop_month"),
    )


def downgrade() -> None:
    op.drop_table("order_counts")
