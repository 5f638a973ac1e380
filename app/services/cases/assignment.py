"""Who works a case: claim it, assign it to a colleague, release it; the import's shop rule.

An assignment is a write like any other: recorded on the timeline (a note saying who assigned
whom), the case's version moves on, and a write made against an older version is refused
(StaleCase). The name must be on the shop's handler list (the check `--handler` makes).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.models.db import write_transaction
from app.models.entities import Case, Event, Shop
from app.models.enums import Action, Actor, Platform
from app.services.cases.messages import NO_CASE
from app.services.cases.versions import bump, stale_case
from app.services.clock import Clock
from app.services.errors import ActionNotAllowed, CaseNotFound
from app.services.text.messages import Template, message_of

NO_SUCH_SHOP = Template(en="no {platform} shop named {name!r}", zh="没有名为「{name}」的{platform}店铺")


@dataclass(frozen=True)
class Assigned:
    case_id: int
    assignee: str | None
    version: int
    changed: bool  # False: it was already so (nothing written)


@dataclass(frozen=True)
class AssignFailure:
    case_id: int
    message: str  # a messages.Text: the window shows it in its language


@dataclass(frozen=True)
class AssignResult:
    done: tuple[Assigned, ...]
    failed: tuple[AssignFailure, ...]

    @property
    def touched(self) -> tuple[int, ...]:
        return tuple(a.case_id for a in self.done) + tuple(f.case_id for f in self.failed)


@dataclass(frozen=True)
class ShopRule:
    platform: str
    shop: str
    assignee: str | None


class Assignments:
    def __init__(
        self, sessions: sessionmaker[Session], clock: Clock, resolve: Callable[[str | None], str]
    ) -> None:
        """`resolve`: the handler list's check of a name (HandlerService.resolve)."""
        self._sessions = sessions
        self._clock = clock
        self._resolve = resolve

    def assign(
        self, case_id: int, to: str | None, handler: str = "", expect_version: int | None = None
    ) -> Assigned:
        """Assign the case to `to` (None or "": release it), recorded as done by `handler`.
        `expect_version`: the version the merchant saw (StaleCase when written since)."""
        name, handler = self._resolve(to) or None, self._resolve(handler)
        with write_transaction(self._sessions) as session:
            return self._assign(session, case_id, name, handler, expect_version)

    def claim(self, case_id: int, me: str, expect_version: int | None = None) -> Assigned:
        return self.assign(case_id, me, me, expect_version)

    def release(self, case_id: int, handler: str = "", expect_version: int | None = None) -> Assigned:
        return self.assign(case_id, None, handler, expect_version)

    def assign_many(
        self,
        case_ids: Sequence[int],
        to: str | None,
        handler: str = "",
        versions: Mapping[int, int] | None = None,
    ) -> AssignResult:
        """Several cases in ONE transaction; a case refused (written since the version given in
        `versions`, or gone) is reported and the others are still assigned."""
        name = self._resolve(to) or None
        handler = self._resolve(handler)
        done: list[Assigned] = []
        failed: list[AssignFailure] = []
        with write_transaction(self._sessions) as session:
            for case_id in case_ids:
                try:
                    done.append(self._assign(session, case_id, name, handler, (versions or {}).get(case_id)))
                except ActionNotAllowed as e:
                    failed.append(AssignFailure(case_id, message_of(e)))
        return AssignResult(tuple(done), tuple(failed))

    def _assign(
        self, session: Session, case_id: int, name: str | None, handler: str, expected: int | None
    ) -> Assigned:
        now = self._clock.now()
        row = session.execute(
            select(Case.version, Case.assignee, Case.stage).where(Case.id == case_id).with_for_update()
        ).first()
        if row is None:
            raise CaseNotFound(NO_CASE(ref=case_id))
        if expected is not None and row.version != expected:
            raise stale_case(session, case_id, now)
        if row.assignee == name:
            return Assigned(case_id, name, row.version, False)
        seq = (session.scalar(select(func.max(Event.seq)).where(Event.case_id == case_id)) or 0) + 1
        text = f"assigned: {name}" if name else "released"
        session.add(
            Event(
                case_id=case_id,
                seq=seq,
                at=now,
                recorded_at=now,
                actor=Actor.MERCHANT.value,
                action=Action.NOTE.value,
                from_stage=row.stage,
                to_stage=row.stage,
                payload={"text": text, "assigned": [row.assignee or "", name or ""]},
                handler=handler,
            )
        )
        session.flush()
        bump(session, {case_id: row.version}, now, {case_id: {"assignee": name, "updated_at": now}})
        return Assigned(case_id, name, row.version + 1, True)

    # ---- the import's shop rule ---------------------------------------------------------

    def shop_rules(self) -> list[ShopRule]:
        with self._sessions() as session:
            return [
                ShopRule(s.platform, s.name, s.default_assignee)
                for s in session.scalars(select(Shop).order_by(Shop.platform, Shop.name))
            ]

    def set_shop_rule(self, platform: Platform, shop: str, assignee: str | None) -> None:
        """New cases an import brings for this shop go to `assignee` (None: unassigned)."""
        name = self._resolve(assignee) or None
        with write_transaction(self._sessions) as session:
            found = session.execute(
                update(Shop)
                .where(Shop.platform == platform.value, Shop.name == shop)
                .values(default_assignee=name)
            )
            if found.rowcount == 0:  # type: ignore[attr-defined]
                raise CaseNotFound(NO_SUCH_SHOP(platform=platform, name=shop))


def shop_assignee(session: Session, shop_id: int | None) -> str | None:
    """The handler new imported cases of this shop go to (cached for the transaction)."""
    if shop_id is None:
        return None
    cache: dict[int, str | None] = session.info.setdefault("shop_assignees", {})
    if shop_id not in cache:
        cache[shop_id] = session.scalar(select(Shop.default_assignee).where(Shop.id == shop_id))
    return cache[shop_id]


__all__ = ["AssignFailure", "AssignResult", "Assigned", "Assignments", "ShopRule", "shop_assignee"]
