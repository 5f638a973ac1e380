"""Typed ORM entities. The schema itself is owned by Alembic (migrations/)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.models.types import Money, UTCDateTime


class Base(DeclarativeBase):
    pass


class Shop(Base):
    __tablename__ = "shops"
    __table_args__ = (UniqueConstraint("platform", "name", name="uq_shops_platform_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    # New cases an import brings for this shop are assigned to this handler (None: unassigned).
    default_assignee: Mapped[str | None] = mapped_column(String(100))


class RuleSet(Base):
    """A frozen copy of a platform preset; a case keeps the one it was opened under."""

    __tablename__ = "rule_sets"
    __table_args__ = (UniqueConstraint("platform", "version", name="uq_rule_sets_platform_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    version: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(200))
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (
        UniqueConstraint("platform", "aftersale_no", name="uq_cases_platform_aftersale_no"),
        Index("ix_cases_stage", "stage"),
        Index("ix_cases_requested_at", "requested_at"),
        Index("ix_cases_order_no", "order_no"),
        # "Which cases changed since the last alert check" (migration 0003).
        Index("ix_cases_updated_at", "updated_at"),
        # "My cases" (migration 0005tm).
        Index("ix_cases_assignee", "assignee"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    shop_id: Mapped[int | None] = mapped_column(ForeignKey("shops.id"))
    aftersale_no: Mapped[str] = mapped_column(String(64))
    order_no: Mapped[str] = mapped_column(String(64))
    case_type: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(20))
    reason_detail: Mapped[str] = mapped_column(Text, default="")
    shipped: Mapped[bool] = mapped_column(Boolean)
    stage: Mapped[str] = mapped_column(String(30))
    stage_since: Mapped[datetime] = mapped_column(UTCDateTime)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    buyer_nick: Mapped[str] = mapped_column(String(200), default="")
    buyer_phone: Mapped[str] = mapped_column(String(40), default="")
    buyer_address: Mapped[str] = mapped_column(Text, default="")
    product_title: Mapped[str] = mapped_column(Text, default="")
    sku: Mapped[str] = mapped_column(String(200), default="")
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    order_amount: Mapped[Decimal | None] = mapped_column(Money)
    refund_requested: Mapped[Decimal] = mapped_column(Money)
    refund_granted: Mapped[Decimal | None] = mapped_column(Money)
    handler: Mapped[str] = mapped_column(String(100), default="")
    tags: Mapped[str] = mapped_column(String(400), default="")
    return_tracking_no: Mapped[str] = mapped_column(String(64), default="")
    reship_tracking_no: Mapped[str] = mapped_column(String(64), default="")
    penalized: Mapped[bool] = mapped_column(Boolean, default=False)
    muted: Mapped[bool] = mapped_column(Boolean, default=False)
    rule_set_id: Mapped[int] = mapped_column(ForeignKey("rule_sets.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Bumped by every write to the case; a write made against an older one is refused (StaleCase).
    version: Mapped[int] = mapped_column(Integer, default=1)
    # The handler (客服) the case is assigned to; None: unassigned (anyone may take it).
    assignee: Mapped[str | None] = mapped_column(String(100))

    shop: Mapped[Shop | None] = relationship(lazy="joined")
    rule_set: Mapped[RuleSet] = relationship()
    events: Mapped[list[Event]] = relationship(
        back_populates="case", order_by="Event.seq", cascade="all, delete-orphan"
    )
    deadlines: Mapped[list[Deadline]] = relationship(back_populates="case", cascade="all, delete-orphan")
    attachments: Mapped[list[Attachment]] = relationship(back_populates="case", cascade="all, delete-orphan")


class Event(Base):
    """Append-only timeline. `at` is when it happened; `recorded_at` when we learned of it."""

    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("case_id", "seq", name="uq_events_case_seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(30))
    from_stage: Mapped[str | None] = mapped_column(String(30))
    to_stage: Mapped[str] = mapped_column(String(30))
    rule_id: Mapped[str | None] = mapped_column(String(80))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Who of the shop's staff recorded it ("" when nobody said: the platform, an import, older rows).
    handler: Mapped[str] = mapped_column(String(100), default="")

    case: Mapped[Case] = relationship(back_populates="events")


class Deadline(Base):
    """A running (or waiting) platform clock, materialised so 'what is due next' is one query.

    `due_at` is NULL while the clock waits for its start event (`waiting_for`).
    """

    __tablename__ = "deadlines"
    __table_args__ = (
        UniqueConstraint("case_id", "party", name="uq_deadlines_case_party"),
        Index("ix_deadlines_due_at", "due_at"),
        # Alert planning asks "next merchant (or buyer) deadline after t": one seek (migration 0003).
        Index("ix_deadlines_party_due_at", "party", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    party: Mapped[str] = mapped_column(String(20))
    stage: Mapped[str] = mapped_column(String(30))
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    waiting_for: Mapped[str | None] = mapped_column(String(30))
    auto_action: Mapped[str] = mapped_column(String(20))
    next_stage: Mapped[str] = mapped_column(String(30))
    rule_id: Mapped[str] = mapped_column(String(80))
    confidence: Mapped[str] = mapped_column(String(1))

    case: Mapped[Case] = relationship(back_populates="deadlines")


class Attachment(Base):
    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"))
    stored_name: Mapped[str] = mapped_column(String(255))
    original_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)

    case: Mapped[Case] = relationship(back_populates="attachments")


class AlertLog(Base):
    """Every alert and auto-action notice the app produced, so none is shown twice (across restarts).

    A deadline is identified by (case, party, rule, due_at): an extended deadline is a new
    identity and gets fresh alerts. `lead_seconds` is how long before due_at the alert was
    meant for (0 for a notice of an auto-action). `sent_at` is NULL while a notice is held
    (quiet hours, snooze); `seen_at` is set when the merchant marked it seen in the window.
    Each row is one person's (`handler`): the identity includes it.
    """

    __tablename__ = "alert_log"
    __table_args__ = (
        UniqueConstraint(
            "case_id",
            "kind",
            "party",
            "rule_id",
            "due_at",
            "lead_seconds",
            "handler",
            name="uq_alert_log_identity",
        ),
        Index("ix_alert_log_due_at", "due_at"),
        Index("ix_alert_log_sent_at", "sent_at"),
        Index("ix_alert_log_seen_at", "seen_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))  # "alert" | "auto_action"
    party: Mapped[str] = mapped_column(String(20))
    rule_id: Mapped[str] = mapped_column(String(80))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    lead_seconds: Mapped[int] = mapped_column(Integer)
    auto_action: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    delivery: Mapped[str] = mapped_column(String(20))  # "message" | "summary" | "muted" | "held"
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Whom it was shown to (migration 0005tm): "" the single merchant (a shop without handlers,
    # or nobody chosen); in a team each person has their own rows, seen or not by them alone.
    handler: Mapped[str] = mapped_column(String(100), default="")


class OrderCount(Base):
    """Paid orders of one shop in one calendar month (Beijing time), entered by the merchant.

    The denominator of the platform ratios (退款率 …); a missing row means "not entered".
    """

    __tablename__ = "order_counts"
    __table_args__ = (UniqueConstraint("shop_id", "month", name="uq_order_counts_shop_month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    shop_id: Mapped[int] = mapped_column(ForeignKey("shops.id", ondelete="CASCADE"))
    month: Mapped[str] = mapped_column(String(7))  # "2026-11"
    paid_orders: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class FollowUp(Base):
    """What the merchant agreed with the buyer to do by an instant (a note's "follow up by").

    The merchant's own deadline: listed with the platform's (`due`), alerted with its own lead
    times, settled when marked done. `done_at` after `due_at`, or still open past it: not kept.
    """

    __tablename__ = "follow_ups"
    __table_args__ = (Index("ix_follow_ups_due_at", "due_at"), Index("ix_follow_ups_case_id", "case_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    event_seq: Mapped[int] = mapped_column(Integer)  # the note that agreed it, in the case's timeline
    text: Mapped[str] = mapped_column(Text)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    handler: Mapped[str] = mapped_column(String(100), default="")
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done_by: Mapped[str] = mapped_column(String(100), default="")


class ReplyTemplate(Base):
    """One reply of the shop's 话术库: a text with {字段} filled from the case.

    `stages`, `reasons`, `platforms`: comma-separated values it fits ("" = any).
    """

    __tablename__ = "reply_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    stages: Mapped[str] = mapped_column(String(400), default="")
    reasons: Mapped[str] = mapped_column(String(400), default="")
    platforms: Mapped[str] = mapped_column(String(400), default="")
    position: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DeskField(Base):
    """A value of the shop's own that templates fill in ({退货地址} → the return address)."""

    __tablename__ = "desk_fields"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Handler(Base):
    """One of the shop's staff who handles cases (客服), in the order the merchant set."""

    __tablename__ = "handlers"
    __table_args__ = (UniqueConstraint("name", name="uq_handlers_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DeskSetting(Base):
    """One of the shop's service-desk settings (hours, days off, targets, 回访), shared by every
    PC of the shop and read by the command line: JSON text per key (`service_desk/desk_settings.py`)."""

    __tablename__ = "desk_settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ServiceTarget(Base):
    """One of the shop's own targets on a case (first response, refund after the return arrived,
    回访), counted on the service calendar. A cache of the timeline and the desk settings
    (`TargetService.sync`). Met when `met_at` <= `due_at`; `stopped_at`: the case ended
    without it being met (missed)."""

    __tablename__ = "service_targets"
    __table_args__ = (
        UniqueConstraint("case_id", "kind", name="uq_service_targets_case_kind"),
        Index("ix_service_targets_due_at", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    met_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    stopped_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    handler: Mapped[str] = mapped_column(String(100), default="")  # who met it


class Callback(Base):
    """回访 of an ended case: due some working time after it ended (the outcomes the merchant
    chose), done when the merchant records the buyer's answer (satisfied / neutral / unsatisfied)."""

    __tablename__ = "callbacks"
    __table_args__ = (UniqueConstraint("case_id", name="uq_callbacks_case"), Index("ix_callbacks_due_at", "due_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    outcome: Mapped[str] = mapped_column(String(30))  # the final stage it followed
    ended_at: Mapped[datetime] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # None: recorded without a task
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    result: Mapped[str] = mapped_column(String(20), default="")  # satisfied | neutral | unsatisfied
    comment: Mapped[str] = mapped_column(Text, default="")
    handler: Mapped[str] = mapped_column(String(100), default="")
