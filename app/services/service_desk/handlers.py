"""The shop's handlers (客服): the list the merchant keeps in Settings, and the one check every
writing path makes on a name (the window's current handler, the CLI's `--handler`)."""

from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from app.models.db import write_transaction
from app.models.entities import Handler
from app.services.clock import Clock
from app.services.errors import InvalidInput
from app.services.service_desk.messages import HANDLER_EMPTY, HANDLER_EXISTS, UNKNOWN_HANDLER


class HandlerService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def names(self) -> list[str]:
        with self._sessions() as session:
            return list(session.scalars(select(Handler.name).order_by(Handler.position, Handler.id)))

    def add(self, name: str) -> None:
        name = name.strip()
        if not name:
            raise InvalidInput(HANDLER_EMPTY())
        with write_transaction(self._sessions) as session:
            if session.scalars(select(Handler.id).where(Handler.name == name)).first() is not None:
                raise InvalidInput(HANDLER_EXISTS(name=name))
            last = session.scalar(select(func.max(Handler.position))) or 0
            session.add(Handler(name=name, position=last + 1, created_at=self._clock.now()))

    def remove(self, name: str) -> None:
        """Off the list; the steps they recorded keep their name."""
        with write_transaction(self._sessions) as session:
            session.execute(delete(Handler).where(Handler.name == name))

    def set_names(self, names: list[str]) -> None:
        """The whole list, in this order (Settings saves it so)."""
        clean = list(dict.fromkeys(n.strip() for n in names if n.strip()))
        with write_transaction(self._sessions) as session:
            rows = {h.name: h for h in session.scalars(select(Handler))}
            for name, row in rows.items():
                if name not in clean:
                    session.delete(row)
            for position, name in enumerate(clean, start=1):
                if name in rows:
                    rows[name].position = position
                else:
                    session.add(Handler(name=name, position=position, created_at=self._clock.now()))

    def resolve(self, name: str | None) -> str:
        """The name to record for a step. Nobody ("" or None) is allowed. A shop with a list
        takes only names on it (a typo would split a handler's figures); a shop without one
        starts its list with the first name given."""
        name = (name or "").strip()
        if not name:
            return ""
        known = self.names()
        if name in known:
            return name
        if known:
            raise InvalidInput(UNKNOWN_HANDLER(name=name, known=tuple(known)))
        self.add(name)
        return name
