"""Paid-order counts per shop and month: the denominators of the platform ratios.

The merchant enters them (CLI `orders set`, or a screen); a rate whose
denominator is missing says so instead of dividing by zero.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models.entities import OrderCount, Shop
from app.models.enums import Platform
from app.services.clock import FIRST_YEAR, LAST_YEAR, Clock
from app.services.errors import InvalidInput
from app.services.text.messages import Template
from app.services.text.ranges import MAX_COUNT, count_too_large, date_out_of_range

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")

NOT_A_MONTH = Template(
    en="not a month: {text!r} (use e.g. 2026-11)", zh="不是月份：「{text}」（应如 2026-11）"
)
SHOP_ON_SEVERAL_PLATFORMS = Template(
    en="shop {name!r} exists on several platforms: add --platform",
    zh="店铺「{name}」在多个平台都有：请指定平台",
)
UNKNOWN_PLATFORM = Template(en="unknown platform {platform!r}", zh="未知的平台「{platform}」")
NO_SHOP = Template(en="no shop {name!r}", zh="找不到店铺「{name}」")
NO_SHOP_ADD_PLATFORM = Template(
    en="no shop {name!r} (add --platform to create it)", zh="找不到店铺「{name}」（指定平台即可新建）"
)
NEGATIVE_COUNT = Template(en="the paid-order count cannot be negative", zh="支付订单数不能是负数")


@dataclass(frozen=True)
class ShopRef:
    id: int
    platform: str
    name: str

    @property
    def label(self) -> str:
        return f"{self.name} ({self.platform})"


@dataclass(frozen=True)
class OrderCountRow:
    shop: ShopRef
    month: str
    paid_orders: int
    updated_at: datetime | None = None  # when the merchant last entered it


@dataclass(frozen=True)
class OrderInput:
    """One shop-month behind the report's rates: the count, or None when it was not entered.

    The 订单数 sheet lists these and the rate formulas divide by them. `shop_id` None: the
    cases that carry no shop, whose orders nobody can enter.
    """

    shop_id: int | None
    shop: str
    platform: str
    month: str
    paid_orders: int | None
    entered_at: datetime | None


def parse_month(text: str) -> str:
    """'2026-11' → '2026-11'; InvalidInput for anything else."""
    m = _MONTH.match(text.strip())
    if m is None or not 1 <= int(m.group(2)) <= 12:
        raise InvalidInput(NOT_A_MONTH(text=text))
    if not FIRST_YEAR <= int(m.group(1)) <= LAST_YEAR:
        raise InvalidInput(date_out_of_range("--month", text))
    return f"{m.group(1)}-{m.group(2)}"


class OrderCountService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def shops(self) -> list[ShopRef]:
        with self._sessions() as session:
            rows = session.scalars(select(Shop).order_by(Shop.name, Shop.platform)).all()
            return [ShopRef(s.id, s.platform, s.name) for s in rows]

    def resolve_shop(self, name: str, platform: str | None = None, create: bool = False) -> ShopRef:
        """A shop by name (and platform when the name is on several platforms).

        With `create` and a platform, a shop that has no cases yet is added.
        """
        with self._sessions.begin() as session:
            q = select(Shop).where(Shop.name == name.strip())
            if platform:
                q = q.where(Shop.platform == platform)
            found = session.scalars(q).all()
            if len(found) == 1:
                s = found[0]
                return ShopRef(s.id, s.platform, s.name)
            if len(found) > 1:
                raise InvalidInput(SHOP_ON_SEVERAL_PLATFORMS(name=name))
            if create and platform:
                if platform not in {p.value for p in Platform}:
                    raise InvalidInput(UNKNOWN_PLATFORM(platform=platform))
                shop = Shop(platform=platform, name=name.strip())
                session.add(shop)
                session.flush()
                return ShopRef(shop.id, shop.platform, shop.name)
        raise InvalidInput((NO_SHOP_ADD_PLATFORM if create and not platform else NO_SHOP)(name=name))

    def set(self, shop: ShopRef, month: str, paid_orders: int) -> OrderCountRow:
        month = parse_month(month)
        if paid_orders < 0:
            raise InvalidInput(NEGATIVE_COUNT())
        if paid_orders > MAX_COUNT:
            raise InvalidInput(count_too_large("--count", paid_orders))
        with self._sessions.begin() as session:
            row = session.scalars(
                select(OrderCount).where(OrderCount.shop_id == shop.id, OrderCount.month == month)
            ).first()
            if row is None:
                row = OrderCount(shop_id=shop.id, month=month)
                session.add(row)
            row.paid_orders = paid_orders
            row.updated_at = self._clock.now()
        return OrderCountRow(shop, month, paid_orders)

    def list(self) -> list[OrderCountRow]:
        with self._sessions() as session:
            rows = session.execute(
                select(OrderCount.month, OrderCount.paid_orders, Shop.id, Shop.platform, Shop.name)
                .join(Shop, Shop.id == OrderCount.shop_id)
                .order_by(OrderCount.month, Shop.name, Shop.platform)
            ).all()
            return [OrderCountRow(ShopRef(r.id, r.platform, r.name), r.month, r.paid_orders) for r in rows]

    def entered(self, shop_ids: Iterable[int], months: Iterable[str]) -> dict[tuple[int, str], datetime]:
        """(shop id, month) → when its count was last entered, for the entered ones only."""
        ids, wanted = list(shop_ids), list(months)
        if not ids or not wanted:
            return {}
        with self._sessions() as session:
            rows = session.execute(
                select(OrderCount.shop_id, OrderCount.month, OrderCount.updated_at).where(
                    OrderCount.shop_id.in_(ids), OrderCount.month.in_(wanted)
                )
            ).all()
        return {(r.shop_id, r.month): r.updated_at for r in rows}

    def lookup(self, shop_ids: Iterable[int], months: Iterable[str]) -> dict[tuple[int, str], int]:
        """(shop id, month) → paid orders, for the entered ones only."""
        ids, wanted = list(shop_ids), list(months)
        if not ids or not wanted:
            return {}
        with self._sessions() as session:
            rows = session.execute(
                select(OrderCount.shop_id, OrderCount.month, OrderCount.paid_orders).where(
                    OrderCount.shop_id.in_(ids), OrderCount.month.in_(wanted)
                )
            ).all()
        return {(r.shop_id, r.month): r.paid_orders for r in rows}
