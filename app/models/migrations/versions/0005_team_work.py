"""team work: a version on every case (a stale write is refused), the case's assignee, the alert log per person

Revision ID: 0005tm
Revises: 0004sd
Create Date: 2026-12-10

Written by hand with plain sa types, for SQLite and PostgreSQL alike. `cases` gains two plain
ADD COLUMNs (no batch: rebuilding `cases` would run the cascades of DESIGN.md's pitfall);
existing cases start at version 1 and unassigned, shops with no default assignee for imports. `alert_log` gains who it was shown to
("" = the single merchant, as every row before) and that name joins its identity, so one
person seeing (or dismissing) an alert leaves it unseen for another: that table is rebuilt in
batch mode on SQLite (nothing references it, so no cascade runs).
"""
from alembic import op
import sqlalchemy as sa


revision = "0005tm"
down_revision = "0004sd"
branch_labels = None
depends_on = None

IDENTITY = ["case_id", "kind", "party", "rule_id", "due_at", "lead_seconds"]


def upgrade() -> None:
    op.add_column("cases", sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    op.add_column("cases", sa.Column("assignee", sa.String(length=100), nullable=True))
    op.create_index("ix_cases_assignee", "cases", ["assignee"], unique=False)
    # The shop rule of imports: new cases of this shop go to this handler (NULL: unassigned).
    op.add_column("shops", sa.Column("default_assignee", sa.String(length=100), nullable=True))
    with op.batch_alter_table("alert_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("handler", sa.String(length=100), nullable=False, server_default=""))
        batch_op.drop_constraint("uq_alert_log_identity", type_="unique")
        batch_op.create_unique_constraint("uq_alert_log_identity", [*IDENTITY, "handler"])


def downgrade() -> None:
    # Back to one log for everybody: the rows of the single merchant ("") are the ones kept.
    op.execute(sa.text("DELETE FROM alert_log WHERE handler <> ''"))
    with op.batch_alter_table("alert_log", schema=None) as batch_op:
        batch_op.drop_constraint("uq_alert_log_identity", type_="unique")
        batch_op.create_unique_constraint("uq_alert_log_identity", IDENTITY)
        batch_op.drop_column("handler")
    with op.batch_alter_table("shops", schema=None) as batch_op:
        batch_op.drop_column("default_assignee")
    op.drop_index("ix_cases_assignee", table_name="cases")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("assignee")
        batch_op.drop_column("version")
