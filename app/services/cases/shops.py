"""The merchant's shops: one row per (platform, shop name). Cases point at them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models.entities import Shop
from app.models.enums import Platform

MAX_NAME = 200  # the column's length
_SEPARATORS = re.compile(r"[,，、;；\n]+")


@dataclass(frozen=True)
class ShopInfo:
    id: int
    platform: Platform
    name: str


def split_shop_names(text: str) -> tuple[str, ...]:
    """'暖暖家居，暖暖旗舰店' -> both names: commas (either width), 、 ; or new lines separate."""
    names: list[str] = []
    for part in _SEPARATORS.split(text):
        name = " ".join(part.split())
        if name and name not in names:
            names.append(name[:MAX_NAME])
    return tuple(names)


class ShopService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def ensure(self, shops: Iterable[tuple[Platform, str]]) -> list[ShopInfo]:
        """Create the shops that do not exist yet; returns all of them (existing ones unchanged)."""
        out: list[ShopInfo] = []
        with self._sessions.begin() as session:
            for platform, name in shops:
                shop = session.scalars(
                    select(Shop).where(Shop.platform == platform.value, Shop.name == name)
                ).first()
                if shop is None:
                    shop = Shop(platform=platform.value, name=name)
                    session.add(shop)
                    session.flush()
                out.append(ShopInfo(shop.id, platform, shop.name))
        return out

    def all(self) -> list[ShopInfo]:
        with self._sessions() as session:
            rows = session.scalars(select(Shop).order_by(Shop.platform, Shop.name))
            return [ShopInfo(s.id, Platform(s.platform), s.name) for s in rows]
