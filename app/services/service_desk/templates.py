"""The shop's reply templates (话术库): kept in the database, in the merchant's order, filled from a case.

The detail panel asks `for_case` (the templates that fit the case's stage first, each filled);
the CLI asks `fill`. Edits, reordering, import and export go through here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from app.models.db import write_transaction
from app.models.entities import Case, Deadline, DeskField, FollowUp, ReplyTemplate
from app.services.clock import Clock
from app.services.errors import CaseNotFound, InvalidInput
from app.services.service_desk import template_file
from app.services.service_desk.messages import NO_TEMPLATE, TEMPLATE_EMPTY
from app.services.service_desk.template_file import TemplateDraft
from app.services.service_desk.template_fill import (
    CaseFacts,
    CaseText,
    Filled,
    TemplateView,
    case_values,
    fill,
    fits_stage,
    ordered_for,
)


def _split(text: str) -> tuple[str, ...]:
    return tuple(v for v in text.split(",") if v)


def _view(t: ReplyTemplate) -> TemplateView:
    return TemplateView(
        t.id, t.title, t.body, _split(t.stages), _split(t.reasons), _split(t.platforms), t.position
    )


@dataclass(frozen=True)
class FilledTemplate:
    template: TemplateView
    filled: Filled
    fits: bool  # made for the case's stage (or any), reason and platform


@dataclass(frozen=True)
class ImportResult:
    added: int
    skipped: int  # already there (same title and text)


class TemplateService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    # ---- reading ------------------------------------------------------------------------

    def all(self) -> list[TemplateView]:
        with self._sessions() as session:
            rows = session.scalars(select(ReplyTemplate).order_by(ReplyTemplate.position, ReplyTemplate.id))
            return [_view(t) for t in rows]

    def get(self, template_id: int) -> TemplateView:
        with self._sessions() as session:
            t = session.get(ReplyTemplate, template_id)
            if t is None:
                raise CaseNotFound(NO_TEMPLATE(ref=template_id))
            return _view(t)

    def shop_fields(self) -> dict[str, str]:
        with self._sessions() as session:
            return {f.name: f.value for f in session.scalars(select(DeskField).order_by(DeskField.name))}

    def case_text(self, session: Session, case_id: int, handler: str = "") -> tuple[CaseText, CaseFacts]:
        case = session.get(Case, case_id)
        if case is None:
            from app.services.cases.messages import NO_CASE

            raise CaseNotFound(NO_CASE(ref=case_id))
        next_due = session.scalars(
            select(func.min(Deadline.due_at)).where(Deadline.case_id == case_id, Deadline.due_at.is_not(None))
        ).first()
        next_follow_up = session.scalars(
            select(func.min(FollowUp.due_at)).where(FollowUp.case_id == case_id, FollowUp.done_at.is_(None))
        ).first()
        text = CaseText(
            buyer=case.buyer_nick,
            product=case.product_title,
            sku=case.sku,
            quantity=case.quantity,
            requested=case.refund_requested,
            granted=case.refund_granted,
            order_no=case.order_no,
            aftersale_no=case.aftersale_no,
            platform=case.platform,
            shop=case.shop.name if case.shop is not None else "",
            handler=handler or case.handler,
            reason=case.reason,
            case_type=case.case_type,
            stage=case.stage,
            next_due=next_due,
            next_follow_up=next_follow_up,
            return_tracking=case.return_tracking_no,
            reship_tracking=case.reship_tracking_no,
        )
        return text, CaseFacts(case.stage, case.reason, case.platform)

    def for_case(self, case_id: int, handler: str = "") -> list[FilledTemplate]:
        """Every template filled from the case, those that fit its stage first."""
        shop = self.shop_fields()
        with self._sessions() as session:
            text, facts = self.case_text(session, case_id, handler)
        values = case_values(text, shop)
        return [
            FilledTemplate(t, fill(t.body, values), fits_stage(t, facts))
            for t in ordered_for(self.all(), facts)
        ]

    def fill(self, template_id: int, case_id: int, handler: str = "") -> Filled:
        template = self.get(template_id)
        shop = self.shop_fields()
        with self._sessions() as session:
            text, _ = self.case_text(session, case_id, handler)
        return fill(template.body, case_values(text, shop))

    # ---- writing ------------------------------------------------------------------------

    def add(self, draft: TemplateDraft) -> int:
        draft = _checked(draft)
        with write_transaction(self._sessions) as session:
            last = session.scalar(select(func.max(ReplyTemplate.position))) or 0
            row = ReplyTemplate(position=last + 1, updated_at=self._clock.now(), **_columns(draft))
            session.add(row)
            session.flush()
            return row.id

    def update(self, template_id: int, draft: TemplateDraft) -> None:
        draft = _checked(draft)
        with write_transaction(self._sessions) as session:
            row = session.get(ReplyTemplate, template_id)
            if row is None:
                raise CaseNotFound(NO_TEMPLATE(ref=template_id))
            for key, value in _columns(draft).items():
                setattr(row, key, value)
            row.updated_at = self._clock.now()

    def delete(self, template_id: int) -> None:
        with write_transaction(self._sessions) as session:
            session.execute(delete(ReplyTemplate).where(ReplyTemplate.id == template_id))

    def reorder(self, ids: Sequence[int]) -> None:
        """Put the templates in this order (ids left out keep their order, after these)."""
        with write_transaction(self._sessions) as session:
            rows = {t.id: t for t in session.scalars(select(ReplyTemplate))}
            rest = [i for i in sorted(rows, key=lambda i: (rows[i].position, i)) if i not in ids]
            for position, template_id in enumerate([i for i in ids if i in rows] + rest, start=1):
                rows[template_id].position = position

    def move(self, template_id: int, offset: int) -> None:
        """One place up (-1) or down (+1)."""
        ids = [t.id for t in self.all()]
        if template_id not in ids:
            raise CaseNotFound(NO_TEMPLATE(ref=template_id))
        i = ids.index(template_id)
        j = max(0, min(len(ids) - 1, i + offset))
        ids.insert(j, ids.pop(i))
        self.reorder(ids)

    def set_shop_field(self, name: str, value: str) -> None:
        name = name.strip().strip("{}")
        with write_transaction(self._sessions) as session:
            row = session.get(DeskField, name)
            if not value.strip():
                if row is not None:
                    session.delete(row)
                return
            if row is None:
                session.add(DeskField(name=name, value=value.strip()))
            else:
                row.value = value.strip()

    # ---- files --------------------------------------------------------------------------

    def export_file(self, path: Path, ids: Sequence[int] | None = None) -> int:
        chosen = [t for t in self.all() if ids is None or t.id in ids]
        path.write_text(template_file.dumps(chosen), encoding="utf-8")
        return len(chosen)

    def import_file(self, path: Path) -> ImportResult:
        """Add a file's templates after ours; one already here (same title and text) is skipped.
        A bad file adds nothing."""
        drafts = template_file.read(path)
        with write_transaction(self._sessions) as session:
            have = {(t.title, t.body) for t in session.scalars(select(ReplyTemplate))}
            last = session.scalar(select(func.max(ReplyTemplate.position))) or 0
            added = 0
            for d in drafts:
                if (d.title, d.body) in have:
                    continue
                have.add((d.title, d.body))
                added += 1
                session.add(ReplyTemplate(position=last + added, updated_at=self._clock.now(), **_columns(d)))
        return ImportResult(added, len(drafts) - added)


def _checked(draft: TemplateDraft) -> TemplateDraft:
    if not draft.title.strip() or not draft.body.strip():
        raise InvalidInput(TEMPLATE_EMPTY())
    # The same checks as a file's entries (known stages, reasons, platforms).
    return template_file.loads(template_file.dumps([draft]), "-")[0]


def _columns(d: TemplateDraft) -> dict[str, str]:
    return {
        "title": d.title,
        "body": d.body,
        "stages": ",".join(d.stages),
        "reasons": ",".join(d.reasons),
        "platforms": ",".join(d.platforms),
    }
